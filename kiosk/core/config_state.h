/* What one reading of a config file shares between the reader's layers. Only data: each field
 * says which layer fills it, and the layers call each other strictly downwards
 * (config_reader.c at the top, config_text.c at the bottom). Nothing outside kiosk/core/config_*
 * includes this. */
#ifndef KIOSK_CONFIG_STATE_H
#define KIOSK_CONFIG_STATE_H

#include <stdbool.h>

#include "config_map.h"
#include "config_scan.h"
#include "content.h"
#include "diag.h"
#include "translation_ledger.h"

/* What the reader knows about a page beyond the content model, while it checks links
 * (config_pages.c fills it; config_links.c and config_languages.c read it). */
struct config_page_aux {
    char *key;     /* how messages name the page: page "id", topic 2.pages[3] or pages[4] */
    char *next_id; /* the explicit `next`, or NULL */
    int next_line;
    int choice_offset; /* menu: choices before the config's own (one per topic) */
    bool has_next;
    bool valid_id; /* only such a page can be linked to */
};

struct config_reader {
    const char *path;
    char *dir; /* the config's folder with a trailing '/', or "" */
    const char *assets_dir;
    struct diag_list *diags;
    struct config_scan scan;     /* of the whole file, normalised (config_reader.c) */
    struct content *content;     /* being filled */
    struct config_page_aux *aux; /* one per page (config_pages.c) */
    int cap_pages;
    struct config_map ids;      /* page id -> page (config_pages.c) */
    struct config_map pictures; /* file path -> picture (config_files.c) */
    int suggestions_left;       /* near misses still worth looking for (config_links.c) */
    int broken_links;
    /* Translations (config_languages.c): the ledger of an earlier good file, or NULL when
     * there is none to compare with (config_reader.c); the ledger of this one, being written;
     * the name of the config's own language; whether the translation being read was marked
     * reviewed since that ledger, which brings all its texts up to date. */
    const struct translation_ledger *ledger;
    struct strbuf ledger_out;
    const char *first_name;
    bool reviewed;
};

#endif

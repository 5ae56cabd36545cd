/* The translation ledger: which text of the config's own language each translated text was
 * last made against, so `kiosk --check` can name the translations whose original has changed
 * since. The kiosk writes it (the state folder's translation-ledger.txt) after each file that
 * checks OK; staff never see or edit it. One line per translated text:
 *     <fingerprint of the original> <fingerprint of the translation> <what>
 * where <what> is e.g. "fr page help text", "fr page help choices 2", "fr topic safe title",
 * "fr word back", or "fr reviewed" (the translation's `reviewed` date in place of an original).
 * A fingerprint is FNV-1a 64 of the text, in 16 hex digits: it only has to notice a change. */
#ifndef KIOSK_TRANSLATION_LEDGER_H
#define KIOSK_TRANSLATION_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

#define TRANSLATION_LEDGER_HEADER                                                                  \
    "# Written by the kiosk after each config that checks OK: which English (first-language)\n"    \
    "# text each translation was made against, so a changed original can be named. Do not\n"       \
    "# edit; deleting it only means changes made before now are no longer noticed.\n"
/* Then "# file: <path>": the config it is about, so that another file is not compared with it. */
#define TRANSLATION_LEDGER_FILE "# file: "

struct translation_ledger_entry {
    const char *what; /* points into the ledger's text */
    uint64_t original, translation;
};

/* All zero is an empty ledger. */
struct translation_ledger {
    char *text;                               /* a copy of the bytes read, cut into entries */
    struct translation_ledger_entry *entries; /* sorted by `what`, one for each */
    size_t count;
};

uint64_t translation_ledger_fingerprint(const char *text);
/* Reads a ledger's bytes; lines it cannot read are skipped (the texts they were for count as
 * new, so at worst a change goes unnoticed). */
void translation_ledger_parse(struct translation_ledger *l, const char *data, size_t size);
/* The entry for `what`, or NULL. */
const struct translation_ledger_entry *translation_ledger_find(const struct translation_ledger *l,
                                                               const char *what);
void translation_ledger_finish(struct translation_ledger *l);
/* The path on the ledger's "# file: " line (malloc'd), or NULL when it has none. */
char *translation_ledger_file(const char *data, size_t size);
/* Appends one entry's line to `out`. */
void translation_ledger_add(struct strbuf *out, const char *what, uint64_t original,
                            uint64_t translation);

#endif

/* What the config reader's files share: the reader's state and the helpers that read one
 * setting and say, for staff, what is wrong with it. config_reader.c reads the file and the
 * pages; config_languages.c reads the languages and translations. Nothing else includes this. */
#ifndef KIOSK_CONFIG_INTERNAL_H
#define KIOSK_CONFIG_INTERNAL_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "content.h"
#include "diag.h"

#define ID_MAX 64
#define KEY_MAX 192
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- a string -> index map, so 10,000 pages do not mean 10,000^2 comparisons ---- */

struct strmap {
    const char **keys; /* borrowed; the owner keeps them alive as long as the map */
    int *values;
    size_t capacity, count;
};

int strmap_get(const struct strmap *m, const char *key);
void strmap_put(struct strmap *m, const char *key, int value);
void strmap_finish(struct strmap *m);

/* ---- what the first pass over the raw text found ---- */

/* An integer literal that does not fit in 32 bits. libconfig 1.5 keeps only the low 32 bits
 * (unless it has an L suffix), so the value it reads is remembered to find the setting again. */
struct overflow {
    int line;
    long long as_read; /* what libconfig 1.5 stores */
    long long value;   /* the value written, clamped to the 64-bit range */
    bool negative;
    char text[40];
};

struct bracket {
    char c;
    int line;
};

struct scan {
    struct overflow *overflows;
    size_t n_overflows, cap_overflows;
    size_t *line_starts; /* offset of each line's first byte; [0] is line 1 */
    int n_lines;
    /* The first bracket that closes the wrong kind of bracket (or none), and what is still open
     * at the end: both point at a missing brace far better than libconfig's line does. */
    int mismatch_line, mismatch_open_line;
    char mismatch_c, mismatch_open_c;
    struct bracket unclosed;
};

/* ---- the reader ---- */

/* What the reader knows about a page beyond the content model, while it checks links. */
struct page_aux {
    char *key;     /* how messages name the page: page "id", topic 2.pages[3] or pages[4] */
    char *next_id; /* the explicit `next`, or NULL */
    int next_line;
    int choice_offset; /* menu: choices before the config's own (one per topic) */
    bool has_next;
    bool valid_id; /* only such a page can be linked to */
};

struct reader {
    const char *path;
    const char *text; /* the whole file, normalised: where placeholders are found by line */
    char *dir; /* the config's folder with a trailing '/', or "" */
    const char *assets_dir;
    struct diag_list *diags;
    struct scan scan;
    struct content *content;
    struct page_aux *aux;
    int cap_pages;
    struct strmap ids;
    struct strmap pictures;
    int suggestions_left;
    int broken_links;
};

/* Remembers the best "did you mean" candidate seen so far: a match ignoring case beats any
 * spelling difference, then the smallest distance, then the first seen. */
struct suggestion {
    const char *best;
    size_t score;
};

void suggestion_consider(struct suggestion *s, const char *wanted, const char *candidate);

struct int_spec {
    const char *name;
    int min, max, fallback;
    const char *unit;
};

/* Offset of the first byte that is not part of valid UTF-8, or -1 when it all is. */
long utf8_invalid_at(const char *text, size_t n);
/* Copies at most `max` bytes of `s` for quoting in a message, cut on a character boundary. */
void quote_excerpt(const char *s, size_t n, size_t max, char *buf, size_t size);
int line_of(const config_setting_t *s);
/* "<key>: is <what it holds>; <expected>" as an error. */
void report_type(struct reader *r, const config_setting_t *s, const char *key,
                 const char *expected);
/* Warns about every member of `group` that is not in `known`, with a near miss if there is one. */
void check_known(struct reader *r, const config_setting_t *group, const char *prefix,
                 const char *const *known, size_t n_known);
/* Checks that a text setting is text and valid UTF-8. Returns it, or NULL when it is not. */
const char *text_of(struct reader *r, const config_setting_t *s, const char *key,
                    const char *expected);
/* The member `name` of `group` as text, or NULL when it is missing (silently) or wrong. */
const char *member_text(struct reader *r, const config_setting_t *group, const char *name,
                        const char *key, const char *expected, int *line);
bool is_blank(const char *s);
int member_int(struct reader *r, const config_setting_t *group, const char *prefix,
               const struct int_spec *spec);
/* The member `name` of `group` when it is a group; NULL when missing or wrong (reported). */
const config_setting_t *member_group(struct reader *r, const config_setting_t *group,
                                     const char *name, const char *key, const char *example);
/* A list of groups may be written ( ... ); an empty [ ] is accepted as an empty list too. */
bool is_list(const config_setting_t *s);
const config_setting_t *member_list(struct reader *r, const config_setting_t *group,
                                    const char *name, const char *key, const char *example);
/* The member `name` of `group` as true/false; `fallback` when missing or wrong (reported). */
bool member_bool(struct reader *r, const config_setting_t *group, const char *prefix,
                 const char *name, bool fallback);
/* Errors for any {name} in `v` that is not one of `allowed` (space-separated). */
void check_placeholders(struct reader *r, const char *v, const char *key, const char *name,
                        int line, const char *allowed, const char *fallback);
/* Says why an id is not allowed, or returns false when it is fine. */
bool bad_id(struct reader *r, const char *id, const char *key, int line);

/* The words of the fixed screens: their names in the config, where each lives in struct
 * words, and which {placeholders} each may hold (NULL: none). */
struct word_spec {
    const char *name;
    size_t offset;
    const char *fallback;
    const char *placeholders;
};
extern const struct word_spec word_specs[];
extern const size_t n_word_specs;

/* Reads `language`, `languages` and `translations` (config_languages.c); call last, once every
 * page and topic is read and linked. */
void read_languages(struct reader *r, const config_setting_t *root);

#endif

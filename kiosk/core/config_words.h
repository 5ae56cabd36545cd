/* The words of the fixed screens (welcome, cover, countdown, buttons) as config settings: their
 * names, defaults and placeholders come from CONTENT_WORDS in content.h, so the table here and
 * struct words are made from one list. */
#ifndef KIOSK_CONFIG_WORDS_H
#define KIOSK_CONFIG_WORDS_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "config_state.h"
#include "content.h"

#define CONFIG_WORD_ONE(name, fallback, placeholders) +1
enum { CONFIG_N_WORDS = 0 CONTENT_WORDS(CONFIG_WORD_ONE) };
#undef CONFIG_WORD_ONE

struct config_word_spec {
    const char *name;
    const char *fallback;
    const char *placeholders; /* the {names} it may hold, space-separated; NULL: none */
};

/* In the order of CONTENT_WORDS; the names alone too, for config_check_known. */
extern const struct config_word_spec config_word_specs[CONFIG_N_WORDS];
extern const char *const config_word_names[CONFIG_N_WORDS];

/* The field of `w` that holds word `i` (an index into config_word_specs). */
char **config_word(struct words *w, size_t i);
/* The field of `w` that holds the line of word `i`. */
int *config_word_line(struct word_lines *w, size_t i);
/* Errors for any {name} in `v` that is not one of `allowed` (space-separated); `name` and
 * `fallback` make the example. */
void config_check_placeholders(struct config_reader *r, const char *v, const char *key,
                               const char *name, int line, const char *allowed,
                               const char *fallback);
/* For the Quick exit button's words (spec `name` "quick_exit"; others pass): an error, and false,
 * when `v` would draw nothing (empty, spaces or only invisible characters): a visitor must
 * always be able to see the way out. */
bool config_check_visible_exit(struct config_reader *r, const char *v, const char *key,
                               const char *name, int line);
/* Reads `words` into content.words, every word set (a default where the file has none). */
void config_words_read(struct config_reader *r, const config_setting_t *root);

#endif

/* "Did you mean": the nearest of several known names to one that was not found, so a message
 * about a misspelt setting or id can name the one staff meant. */
#ifndef KIOSK_CONFIG_SUGGEST_H
#define KIOSK_CONFIG_SUGGEST_H

#include <stddef.h>

/* The best candidate seen so far: a match ignoring case beats any spelling difference, then the
 * smallest edit distance (at most 2), then the first seen. Start from all zero. */
struct config_suggestion {
    const char *best; /* borrowed from the candidates; NULL while none is near */
    size_t score;
};

/* Weighs `candidate` as what was meant by `wanted`; the same name is never suggested. */
void config_suggest(struct config_suggestion *s, const char *wanted, const char *candidate);

#endif

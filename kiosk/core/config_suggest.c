/* Near misses for "did you mean". Edit distance with an early exit: most candidates are far off,
 * and a config with thousands of pages weighs every id against each broken link. */
#include "config_suggest.h"

#include <stdbool.h>
#include <string.h>

#include "config_text.h"

/* Names longer than this are never suggested: ids are at most 64 bytes and setting names far
 * shorter, so the rows of the distance table can live on the stack. */
#define NAME_MAX_BYTES 256

static bool equal_ignoring_case(const char *a, const char *b)
{
    while (*a && config_lower((unsigned char)*a) == config_lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == '\0' && *b == '\0';
}

/* Edit distance, or `limit + 1` as soon as it is certain to exceed `limit`. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t na = strlen(a), nb = strlen(b);
    if ((na > nb ? na - nb : nb - na) > limit || na > NAME_MAX_BYTES || nb > NAME_MAX_BYTES) {
        return limit + 1;
    }
    size_t prev[NAME_MAX_BYTES + 1], cur[NAME_MAX_BYTES + 1];
    for (size_t j = 0; j <= nb; j++) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? sub : del;
            cur[j] = cur[j] < ins ? cur[j] : ins;
            best = cur[j] < best ? cur[j] : best;
        }
        if (best > limit) {
            return limit + 1;
        }
        memcpy(prev, cur, (nb + 1) * sizeof(prev[0]));
    }
    return prev[nb];
}

void config_suggest(struct config_suggestion *s, const char *wanted, const char *candidate)
{
    size_t score;
    if (strcmp(wanted, candidate) == 0) {
        return;
    }
    if (equal_ignoring_case(wanted, candidate)) {
        score = 0;
    } else {
        score = edit_distance(wanted, candidate, 2);
        if (score > 2) {
            return;
        }
        score++;
    }
    if (!s->best || score < s->score) {
        s->best = candidate;
        s->score = score;
    }
}

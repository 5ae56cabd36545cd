/* Small helpers every file may use: array length, int min/max/clamp, and an assertion for
 * invariants. The assertion stays on in release builds: it guards the program's own logic,
 * never input (bad content gets a diagnostic, not an abort), and a kiosk that aborts is
 * restarted by systemd, where one that runs on with a broken invariant may show the wrong
 * page to the wrong visitor. */
#ifndef KIOSK_UTIL_H
#define KIOSK_UTIL_H

#include <stdio.h>
#include <stdlib.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Functions, not macros: each argument is evaluated once and the types are checked. */
static inline int min_int(int a, int b)
{
    return a < b ? a : b;
}

static inline int max_int(int a, int b)
{
    return a > b ? a : b;
}

static inline int clamp_int(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Aborts with file:line and the condition when `cond` is false. */
#define KIOSK_ASSERT(cond)                                                                         \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif

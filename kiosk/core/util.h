/* Small helpers every part of the kiosk may use: the length of an array, int minimum, maximum
 * and clamp, FNV-1a of a string, and an assertion that stays on in release builds.
 *
 * min_int, max_int and clamp_int are static inline functions rather than macros: each argument
 * is evaluated once (a macro's MAX(f(), g()) calls one of them twice), the compiler checks the
 * types, and a debugger can step into them. The layout only needs them for int.
 *
 * KIOSK_ASSERT guards invariants of the code, never input: a false one is a bug, and carrying
 * on would draw or do something wrong, so it reports file:line and aborts, also in release
 * builds (NDEBUG does not turn it off, unlike assert()). Bad content in the config is checked
 * where it is read and reported to staff; it must never reach an assertion. */
#ifndef KIOSK_UTIL_H
#define KIOSK_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The number of elements of an array (not a pointer: sizeof would give the pointer's size). */
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The smaller of a and b. */
static inline int min_int(int a, int b)
{
    return a < b ? a : b;
}

/* The larger of a and b. */
static inline int max_int(int a, int b)
{
    return a > b ? a : b;
}

/* v brought into [lo, hi]; when lo > hi (a box too small for its minimum), hi wins, so the
 * result never exceeds the room there is. */
static inline int clamp_int(int v, int lo, int hi)
{
    return min_int(max_int(v, lo), hi);
}

/* FNV-1a (64 bits) of a NUL-terminated string: quick, and spread well enough for hash tables
 * of ids and for noticing that a text changed. Not for anything an attacker chooses. */
static inline uint64_t fnv1a_string(const char *s)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h = (h ^ *p) * 0x100000001b3u;
    }
    return h;
}

/* Reports a failed KIOSK_ASSERT and aborts; call it through the macro. */
static inline _Noreturn void kiosk_assert_failed(const char *file, int line, const char *cond)
{
    fprintf(stderr, "%s:%d: assertion failed: %s\n", file, line, cond);
    abort();
}

/* Aborts with "file:line: assertion failed: cond" on stderr when cond is false. Always on. */
#define KIOSK_ASSERT(cond) ((cond) ? (void)0 : kiosk_assert_failed(__FILE__, __LINE__, #cond))

#endif

/* Overwriting memory that held something of a visit before it is freed or reused: a plain
 * memset before free() may be dropped by the compiler as a dead store, and freed heap keeps
 * its bytes (a core dump or another reader of the process's memory would find them). */
#ifndef KIOSK_WIPE_H
#define KIOSK_WIPE_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static inline void wipe(void *p, size_t n)
{
    volatile unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        b[i] = 0;
    }
}

/* realloc() for memory that holds a visit: a block realloc moves is freed as it was, so this
 * copies to a new block and overwrites the old one before freeing it. */
static inline void *wipe_realloc(void *p, size_t old_size, size_t new_size)
{
    void *q = xrealloc(NULL, new_size);
    if (p) {
        memcpy(q, p, old_size < new_size ? old_size : new_size);
        wipe(p, old_size);
        free(p);
    }
    return q;
}

#endif

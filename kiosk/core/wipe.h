/* Overwriting memory that held something of a visit before it is freed or reused: a plain
 * memset before free() may be dropped by the compiler as a dead store, and freed heap keeps
 * its bytes (a core dump or another reader of the process's memory would find them). */
#ifndef KIOSK_WIPE_H
#define KIOSK_WIPE_H

#include <stddef.h>

static inline void wipe(void *p, size_t n)
{
    volatile unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        b[i] = 0;
    }
}

#endif

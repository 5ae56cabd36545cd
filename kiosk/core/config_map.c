/* The map of config_map.h: open addressing with linear probing, kept at most half full, hashed
 * with FNV-1a. Small and fast enough for ids and file names. */
#include "config_map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "util.h"
#include "xalloc.h"

int config_map_get(const struct config_map *m, const char *key)
{
    if (m->capacity == 0) {
        return CONTENT_NONE;
    }
    for (size_t i = fnv1a_string(key) & (m->capacity - 1);; i = (i + 1) & (m->capacity - 1)) {
        if (!m->keys[i]) {
            return CONTENT_NONE;
        }
        if (strcmp(m->keys[i], key) == 0) {
            return m->values[i];
        }
    }
}

/* Puts `key` in its slot of a map that has room for it. */
static void insert(struct config_map *m, const char *key, int value)
{
    size_t i = fnv1a_string(key) & (m->capacity - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0) {
        i = (i + 1) & (m->capacity - 1);
    }
    if (!m->keys[i]) {
        m->count++;
    }
    m->keys[i] = key;
    m->values[i] = value;
}

void config_map_put(struct config_map *m, const char *key, int value)
{
    if ((m->count + 1) * 2 > m->capacity) {
        struct config_map bigger = {0};
        bigger.capacity = m->capacity ? m->capacity * 2 : 64;
        bigger.keys = xcalloc(bigger.capacity, sizeof(*bigger.keys));
        bigger.values = xcalloc(bigger.capacity, sizeof(*bigger.values));
        for (size_t i = 0; i < m->capacity; i++) {
            if (m->keys[i]) {
                insert(&bigger, m->keys[i], m->values[i]);
            }
        }
        struct config_map old = *m;
        *m = bigger;
        free(old.keys);
        free(old.values);
    }
    insert(m, key, value);
}

void config_map_finish(struct config_map *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof(*m));
}

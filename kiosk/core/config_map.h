/* A string -> index map for the config reader, so 10,000 pages do not mean 10,000^2 comparisons
 * when links and pictures are looked up by name. */
#ifndef KIOSK_CONFIG_MAP_H
#define KIOSK_CONFIG_MAP_H

#include <stddef.h>

/* All zero is an empty map. */
struct config_map {
    const char **keys; /* borrowed; the owner keeps them alive as long as the map */
    int *values;
    size_t capacity, count;
};

/* The value stored for `key`, or CONTENT_NONE. */
int config_map_get(const struct config_map *m, const char *key);
/* Stores `value` for `key` (borrowed), replacing any value it had. */
void config_map_put(struct config_map *m, const char *key, int value);
/* Frees the map's tables (not the keys); it is empty again. */
void config_map_finish(struct config_map *m);

#endif

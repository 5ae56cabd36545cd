/* The `look` group: fonts, text size, high contrast, animations and colours. */
#ifndef KIOSK_CONFIG_LOOK_H
#define KIOSK_CONFIG_LOOK_H

#include <libconfig.h>

#include "config_state.h"

/* Reads `look` into content.theme, defaults where the file has none, and warns about colour
 * pairs too faint to read. */
void config_look_read(struct config_reader *r, const config_setting_t *root);

#endif

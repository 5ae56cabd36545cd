/* The kiosk's own settings, apart from what visitors read: the idle timings, the panel
 * (`display`), `opening_hours` and the `staff_pin`. */
#ifndef KIOSK_CONFIG_SETTINGS_H
#define KIOSK_CONFIG_SETTINGS_H

#include <libconfig.h>

#include "config_state.h"

/* `idle_timeout` and `reset_countdown` into content.settings. */
void config_settings_read_timings(struct config_reader *r, const config_setting_t *root);
/* `display` into content.display: rotation and touch mapping. */
void config_settings_read_display(struct config_reader *r, const config_setting_t *root);
/* `opening_hours` into content.schedule. */
void config_settings_read_hours(struct config_reader *r, const config_setting_t *root);
/* `staff_pin` into content.staff_pin (NULL, staff mode off, when none). */
void config_settings_read_staff_pin(struct config_reader *r, const config_setting_t *root);
/* `version` into content.version (NULL when none): the staff's own name for this content. */
void config_settings_read_version(struct config_reader *r, const config_setting_t *root);

#endif

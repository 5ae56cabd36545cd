/* Files the config names: pictures and fonts. Each is looked for beside the config, then in the
 * assets folder, and checked to be the kind of file it should be while staff are still at the
 * file, rather than failing quietly on the screen later. */
#ifndef KIOSK_CONFIG_FILES_H
#define KIOSK_CONFIG_FILES_H

#include <libconfig.h>

#include "config_state.h"

enum config_file_kind { CONFIG_FILE_PICTURE, CONFIG_FILE_FONT };

/* The path (malloc'd) of a usable file called `name`, or NULL after a warning that says where it
 * looked and what happens `without` it. */
char *config_find_file(struct config_reader *r, const char *name, const char *key, int line,
                       enum config_file_kind kind, const char *without);
/* The picture setting `name` of `group`: its index in content.pictures (one entry per file), or
 * CONTENT_NONE when it is not set, empty, or not usable (reported). */
int config_member_picture(struct config_reader *r, const config_setting_t *group, const char *name,
                          const char *key, const char *without);

#endif

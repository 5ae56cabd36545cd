/* Finding the config file and the assets folder when the command line does not say. */
#ifndef KIOSK_CONFIG_LOCATE_H
#define KIOSK_CONFIG_LOCATE_H

#include <stddef.h>

/* Where the system's config lives when nothing else names one. */
#define CONFIG_SYSTEM_PATH "/etc/kiosk/kiosk.cfg"

/* Chooses the config file: `explicit_path` if given, else $KIOSK_CONFIG, else
 * /etc/kiosk/kiosk.cfg, else the shipped config/kiosk.cfg. Returns a malloc'd path, or NULL
 * when none exists, with every place tried written to `tried` (one per line). */
char *config_locate(const char *explicit_path, char *tried, size_t tried_size);

/* The content the package ships, which the live kiosk shows when the staff's file and its
 * last good copy cannot be used: the source tree's while developing, else the installed one
 * (/usr/share/kiosk/config/kiosk.cfg). */
const char *config_shipped_path(void);

/* The shipped assets folder: the source tree's while developing, else the installed one. */
const char *config_assets_dir(void);

#endif

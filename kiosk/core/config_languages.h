/* Languages: `language`, `translations` and `languages`, read into content.languages. */
#ifndef KIOSK_CONFIG_LANGUAGES_H
#define KIOSK_CONFIG_LANGUAGES_H

#include <libconfig.h>

#include "config_state.h"

/* Reads the languages; call last, once every page and topic is read and linked. */
void config_languages_read(struct config_reader *r, const config_setting_t *root);

#endif

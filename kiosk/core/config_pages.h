/* The pages visitors read: the topic menu, the `topics` with their pages, the loose `pages`
 * (help and the like) and the choices on each. Links between pages are only noted here, as ids;
 * config_links.c resolves them once every page is known. */
#ifndef KIOSK_CONFIG_PAGES_H
#define KIOSK_CONFIG_PAGES_H

#include <libconfig.h>

#include "config_state.h"

/* Reads `menu`, `topics` and `pages` into content.pages (the menu first, as page 0) and
 * content.topics, filling r->aux and r->ids. */
void config_pages_read(struct config_reader *r, const config_setting_t *root);

#endif

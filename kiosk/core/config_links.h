/* Links between pages: choices, `next` and `help_page` resolved to pages, and the warnings only
 * the whole web of links can give (pages nothing leads to, Next going round in a circle). */
#ifndef KIOSK_CONFIG_LINKS_H
#define KIOSK_CONFIG_LINKS_H

#include <libconfig.h>

#include "config_state.h"

/* Resolves every link noted by config_pages_read and `help_page`, then checks reachability and
 * `next` cycles. */
void config_links_check(struct config_reader *r, const config_setting_t *root);

#endif

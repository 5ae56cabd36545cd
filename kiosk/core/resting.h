/* The resting screen: calm built-in content the kiosk shows when nothing better can be shown
 * (the staff's file is broken or missing, there is no usable last good copy, and the content
 * the package ships cannot be read either). It says nothing about the kiosk's topics, so it
 * suits any waiting room, and it never fails to load. */
#ifndef KIOSK_RESTING_H
#define KIOSK_RESTING_H

#include "content.h"
#include "diag.h"

/* The name the resting content goes by in messages and staff mode. */
#define RESTING_NAME "(the built-in resting screen)"

/* Builds the resting content (owned by the caller), a stand-in; pictures and fonts are looked
 * for in `assets_dir` (may be NULL): it names none, so it needs only the system's font. The
 * reader's messages go to `diags` (initialised; may be NULL): there are none (test_resting). */
struct content *resting_content(const char *assets_dir, struct diag_list *diags);

#endif

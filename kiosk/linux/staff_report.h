/* The status text staff mode shows: version, which file is showing, how it checked, and what
 * the last reload found, errors with their line numbers. */
#ifndef KIOSK_STAFF_REPORT_H
#define KIOSK_STAFF_REPORT_H

#include <stddef.h>

#include "content.h"
#include "reload.h"

/* Writes the report for `content` (the one on screen) and `reload` (may be NULL) into `buf`,
 * in the kiosk's markup. */
void staff_report_format(char *buf, size_t size, const struct content *content,
                         const struct reload *reload);

#endif

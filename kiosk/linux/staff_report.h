/* The status text staff mode shows: version, which file is showing, how it checked, and what
 * the last reload found, errors with their line numbers. */
#ifndef KIOSK_STAFF_REPORT_H
#define KIOSK_STAFF_REPORT_H

#include "content.h"
#include "reload.h"
#include "strbuf.h"

/* Writes the report for `content` (the one on screen) and `reload` (may be NULL) into `out`,
 * replacing what it held, in the kiosk's markup; returns the text. */
const char *staff_report_format(struct strbuf *out, const struct content *content,
                                const struct reload *reload);

#endif

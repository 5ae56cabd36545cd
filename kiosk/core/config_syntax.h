/* Syntax errors for staff. libconfig says "syntax error" on the line where it got stuck, often
 * far below the mistake; this turns that into a hint on the line that needs the fix. */
#ifndef KIOSK_CONFIG_SYNTAX_H
#define KIOSK_CONFIG_SYNTAX_H

#include "config_scan.h"
#include "diag.h"

/* Adds one error for libconfig's parse error `err_text` on `err_line`, using what the scan of
 * the same text found. */
void config_syntax_report(struct diag_list *diags, const struct config_scan *scan, int err_line,
                          const char *err_text);

#endif

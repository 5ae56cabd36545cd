/* The safety path: what a visitor who needs help reads, which a language must have whole before
 * the welcome screen offers it. A reader who chose their language and then meets the help page
 * or the self-check in another one may not be able to read it. The path is the fixed screens'
 * words and buttons, the help page, every topic marked `safety = true;` (the shipped file marks
 * the self-check and "When it is not OK"), the pages the menu links to that are not topics, and
 * everything those lead to by their choices and Next, with the whole topic of every page on the
 * way, but not the menu itself and what only it leads to. */
#ifndef KIOSK_CONFIG_SAFETY_H
#define KIOSK_CONFIG_SAFETY_H

#include <stdbool.h>

#include "config_state.h"

/* Marks the pages on the safety path in `on_path` (one per page). */
void config_safety_pages(const struct config_reader *r, bool *on_path);
/* Whether translation `l` has every text of the safety path; if not, a warning (on the
 * translation's line, under `where`) says it is not offered and names each missing text with
 * the line its words are on in the first language. */
bool config_safety_complete(struct config_reader *r, const struct language *l,
                            const struct language *first, const bool *on_path, const char *where);

#endif

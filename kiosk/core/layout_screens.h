/* The screens layout_build chooses between (layout.c). Each lays out one whole screen, or an
 * overlay over one, into the build, left to right; layout.c mirrors the result afterwards for a
 * right-to-left language. Nothing outside the layout includes this. */
#ifndef KIOSK_LAYOUT_SCREENS_H
#define KIOSK_LAYOUT_SCREENS_H

#include "layout_blocks.h"

/* The welcome screen: a tap anywhere starts the visit (layout_welcome.c). */
void layout_welcome_screen(struct build *b);
/* The cover screen that Quick exit shows (layout_welcome.c). */
void layout_cover_screen(struct build *b);
/* A visitor page between its top and bottom bars (layout_page.c). */
void layout_page_screen(struct build *b);
/* The Still-there countdown over a page (layout_page.c). */
void layout_countdown_overlay(struct build *b);
/* Staff mode's screens: PIN pad, staff menu, touch test, clean screen (layout_staff.c). */
void layout_staff_screen(struct build *b);

#endif

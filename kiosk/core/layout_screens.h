/* The screens layout_build chooses between (layout.c). Each lays out one whole screen, or an
 * overlay over one, into the build, left to right; layout.c mirrors the result afterwards for a
 * right-to-left language. Nothing outside the layout includes this. */
#ifndef KIOSK_LAYOUT_SCREENS_H
#define KIOSK_LAYOUT_SCREENS_H

#include "layout_blocks.h"

/* Staff mode's screens: PIN pad, staff menu, touch test, clean screen (layout_staff.c). */
void layout_staff_screen(struct build *b);

#endif

/* What the session's own files share (session_state.c, below session.c and session_staff.c).
 * Nothing outside the session includes this. */
#ifndef KIOSK_SESSION_STATE_H
#define KIOSK_SESSION_STATE_H

#include "session.h"

/* Keeps the scroll inside 0..scroll_max, stopping a glide at either end. */
void session_clamp_scroll(struct session *s);
/* Marks the button under the finger as pressed; true when that changed. */
bool session_set_pressed(struct session *s, struct hit hit);
/* A finger moving less than this many pixels is still tapping, not dragging. */
int session_slop(const struct session *s);

#endif

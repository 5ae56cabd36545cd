/* Staff mode (session_staff.c), as session.c calls it: the hold that opens it, and its
 * screens' input and timers. Nothing outside the session includes this. */
#ifndef KIOSK_SESSION_STAFF_H
#define KIOSK_SESSION_STAFF_H

#include "session.h"

/* Whether too many wrong PINs lately keep the staff corner shut at `now` (session.h). */
bool session_staff_locked(const struct session *s, uint64_t now);
/* Whether (x, y) lies in the corner a long hold opens staff mode from. */
bool session_staff_corner(const struct session *s, int x, int y);
/* Wipes the visit and shows the PIN pad. */
void session_staff_open(struct session *s, uint64_t now);
bool session_staff_down(struct session *s, const struct session_event *ev, uint64_t now);
bool session_staff_move(struct session *s, const struct session_event *ev, uint64_t now);
bool session_staff_up(struct session *s, const struct session_event *ev, uint64_t now);
bool session_staff_tick(struct session *s, uint64_t now);
uint64_t session_staff_deadline(const struct session *s);

#endif

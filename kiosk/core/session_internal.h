/* What session.c shares with session_staff.c, and nothing else includes. */
#ifndef KIOSK_SESSION_INTERNAL_H
#define KIOSK_SESSION_INTERNAL_H

#include "session.h"

/* Marks the button under the finger as pressed; true when that changed. */
bool session_set_pressed(struct session *s, struct hit hit);
/* A finger moving less than this many pixels is still tapping, not dragging. */
int session_slop(const struct session *s);

/* Staff mode (session_staff.c): the hold that opens it, and its screens' input and timers. */
bool staff_corner(const struct session *s, int x, int y);
void staff_open(struct session *s, uint64_t now);
bool staff_down(struct session *s, const struct session_event *ev, uint64_t now);
bool staff_move(struct session *s, const struct session_event *ev, uint64_t now);
bool staff_up(struct session *s, const struct session_event *ev, uint64_t now);
bool staff_tick(struct session *s, uint64_t now);
uint64_t staff_deadline(const struct session *s);

#endif

/* Input for the session tests, as the layout would hand it over: one pointer event on a known
 * button, and a tap (finger down, then up 80 ms later at the same spot). */
#ifndef KIOSK_TESTS_SESSION_INPUT_H
#define KIOSK_TESTS_SESSION_INPUT_H

#include "session.h"

static inline bool ev(struct session *s, enum session_input kind, int x, int y, struct hit hit,
                      uint64_t now)
{
    struct session_event e = {kind, x, y, hit};
    return session_handle(s, &e, now);
}

static inline void tap_at(struct session *s, struct hit hit, int x, int y, uint64_t now)
{
    ev(s, INPUT_DOWN, x, y, hit, now);
    ev(s, INPUT_UP, x, y, hit, now + 80);
}

static inline struct hit hit_of(enum session_action action, int target)
{
    struct hit h = {action, target};
    return h;
}

#endif

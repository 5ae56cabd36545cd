/* The simulated people at the kiosk: visitors who tap, swipe, scroll, fling, read, quick-exit
 * and walk away, a night cleaner who brushes the black screen, and now and then staff who hold
 * the corner and type the PIN. Every gesture is a run of pointer events at realistic times,
 * aimed at the buttons the real layout has on screen. */
#ifndef SOAK_VISITOR_H
#define SOAK_VISITOR_H

#include "rng.h"
#include "sim.h"

struct visitor_stats {
    unsigned long visits, night_wakes, taps, misses, swipes, drags, flings, glide_stops,
        quick_exits, walk_aways, continues, second_fingers, cancels, corner_slips, staff_holds,
        staff_logins, wrong_pins;
};

/* One person comes to the kiosk now and does what they do; returns when they leave (the
 * kiosk may still be counting down behind them). */
void visitor_visit(struct sim *s, struct rng *r, struct visitor_stats *st);

#endif

/* Gestures are built from pointer events the way a finger produces them: a touch, moves every
 * 16 ms (one per frame of a 60 Hz touch panel), a lift. Timings and distances are drawn at
 * random around what people do, so the session's thresholds (slop, swipe distance, fling
 * speed) are met sometimes and missed sometimes. */
#include "visitor.h"

#include <math.h>

#define MOVE_MS 16

static void wait_ms(struct sim *s, double ms)
{
    sim_advance(s, s->now + (uint64_t)(ms > 0 ? ms : 0));
}

static const struct session *ses(const struct sim *s)
{
    return &s->live.session;
}

/* A touch that lifts where it went down, perhaps after a small wobble. */
static void tap_at(struct sim *s, struct rng *r, int x, int y)
{
    sim_pointer(s, INPUT_DOWN, x, y);
    wait_ms(s, rng_range(r, 40, 180));
    if (rng_chance(r, 0.3)) {
        x += rng_range(r, -3, 3);
        y += rng_range(r, -3, 3);
        sim_pointer(s, INPUT_MOVE, x, y);
        wait_ms(s, rng_range(r, 10, 40));
    }
    sim_pointer(s, INPUT_UP, x, y);
}

static void tap_anywhere(struct sim *s, struct rng *r)
{
    tap_at(s, r, rng_range(r, 0, s->width - 1), rng_range(r, 0, s->height - 1));
}

/* The part of a hit region a finger can reach now: scrolled with the page, clipped to it. */
static bool visible(const struct sim *s, const struct layout_hit *h, struct rect *out)
{
    const struct layout *l = &s->live.layout;
    struct rect r = h->rect;
    if (h->scrolls) {
        r.y -= (int)lround(ses(s)->visit.scroll);
        int top = r.y > l->viewport.y ? r.y : l->viewport.y;
        int bottom =
            r.y + r.h < l->viewport.y + l->viewport.h ? r.y + r.h : l->viewport.y + l->viewport.h;
        r.y = top;
        r.h = bottom - top;
    }
    *out = r;
    return r.w > 4 && r.h > 4;
}

/* Picks at random one visible button doing `action` (any action but ACTION_NONE when
 * `action` is ACTION_NONE; any target when `target` is -2). False if there is none. */
static bool find_hit(struct sim *s, struct rng *r, enum session_action action, int target, int *x,
                     int *y)
{
    live_layout(&s->live);
    const struct layout *l = &s->live.layout;
    int seen = 0;
    for (size_t i = 0; i < l->n_hits; i++) {
        const struct hit h = l->hits[i].hit;
        struct rect rect;
        bool wanted = action == ACTION_NONE ? h.action != ACTION_NONE : h.action == action;
        if (!wanted || (target != -2 && h.target != target) || !visible(s, &l->hits[i], &rect)) {
            continue;
        }
        if (rng_range(r, 0, seen++) == 0) { /* each match equally likely, in one pass */
            *x = rect.x + rect.w / 4 + rng_range(r, 0, rect.w / 2);
            *y = rect.y + rect.h / 4 + rng_range(r, 0, rect.h / 2);
        }
    }
    return seen > 0;
}

static bool tap_hit(struct sim *s, struct rng *r, struct visitor_stats *st,
                    enum session_action action, int target)
{
    int x = 0, y = 0;
    if (!find_hit(s, r, action, target, &x, &y)) {
        return false;
    }
    tap_at(s, r, x, y);
    st->taps++;
    return true;
}

/* A straight finger path from (x0, y0) to (x1, y1) over `ms`, one move per panel frame. */
static void stroke(struct sim *s, int x0, int y0, int x1, int y1, int ms)
{
    int steps = ms / MOVE_MS > 1 ? ms / MOVE_MS : 1;
    for (int i = 1; i <= steps; i++) {
        wait_ms(s, MOVE_MS);
        sim_pointer(s, INPUT_MOVE, x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps);
    }
}

static void swipe(struct sim *s, struct rng *r, struct visitor_stats *st)
{
    int dir = rng_chance(r, 0.7) ? -1 : 1; /* mostly forwards (Next) */
    int dist = s->width * rng_range(r, 8, 50) / 100;
    int x0 = dir < 0 ? s->width * 3 / 4 : s->width / 4;
    int y0 = s->height / 2 + rng_range(r, -s->height / 4, s->height / 4);
    sim_pointer(s, INPUT_DOWN, x0, y0);
    stroke(s, x0, y0, x0 + dir * dist, y0 + rng_range(r, -40, 40), rng_range(r, 80, 400));
    sim_pointer(s, INPUT_UP, x0 + dir * dist, y0);
    st->swipes++;
}

/* A vertical drag inside the page: slow and stopped before the lift (a scroll), or fast and
 * lifted while moving (a fling that glides on). */
static void drag(struct sim *s, struct rng *r, struct visitor_stats *st, bool fling)
{
    const struct rect vp = s->live.layout.viewport;
    int x = vp.w > 0 ? vp.x + vp.w / 4 + rng_range(r, 0, vp.w / 2) : s->width / 2;
    int y0 = vp.h > 0 ? vp.y + vp.h / 4 + rng_range(r, 0, vp.h / 2) : s->height / 2;
    int dir = rng_chance(r, 0.65) ? -1 : 1; /* finger up: reading on */
    int dist = fling ? rng_range(r, 60, 260) : rng_range(r, 20, vp.h > 0 ? vp.h * 3 / 4 : 200);
    int ms = fling ? rng_range(r, 50, 140) : rng_range(r, 200, 1500);
    sim_pointer(s, INPUT_DOWN, x, y0);
    if (rng_chance(r, 0.03)) {
        sim_pointer(s, INPUT_DOWN, x + 150, y0); /* a second finger: ignored */
        st->second_fingers++;
    }
    stroke(s, x, y0, x, y0 + dir * dist, ms);
    if (!fling) {
        wait_ms(s, rng_range(r, 100, 400)); /* holds still: no glide */
    }
    if (rng_chance(r, 0.02)) {
        sim_pointer(s, INPUT_CANCEL, x, y0 + dir * dist); /* the system took the touch away */
        st->cancels++;
    } else {
        sim_pointer(s, INPUT_UP, x, y0 + dir * dist);
    }
    if (fling) {
        st->flings++;
        if (rng_chance(r, 0.3)) { /* catches the gliding page */
            wait_ms(s, rng_range(r, 50, 600));
            tap_at(s, r, x, y0);
            st->glide_stops++;
        }
    } else {
        st->drags++;
    }
}

/* A finger resting in the staff corner for a while, short of the hold that opens the PIN pad. */
static void corner_slip(struct sim *s, struct rng *r, struct visitor_stats *st)
{
    int m = s->width < s->height ? s->width : s->height;
    int x = rng_range(r, 0, m / 10), y = rng_range(r, 0, m / 10);
    sim_pointer(s, INPUT_DOWN, x, y);
    wait_ms(s, rng_range(r, 300, 3000));
    sim_pointer(s, INPUT_UP, x, y);
    st->corner_slips++;
}

static void tap_continue_if_asked(struct sim *s, struct rng *r, struct visitor_stats *st)
{
    if (ses(s)->screen == SCREEN_PAGE && ses(s)->visit.countdown) {
        if (!tap_hit(s, r, st, ACTION_CONTINUE, -2)) {
            tap_anywhere(s, r);
        }
        st->continues++;
    }
}

/* Reading time: mostly seconds, sometimes long enough for "Still there?" to ask. */
static double read_ms(struct rng *r, const struct sim *s)
{
    if (rng_chance(r, 0.03)) {
        return (double)ses(s)->idle_ms + rng_range(r, 500, (int)ses(s)->countdown_ms - 500);
    }
    return 1500.0 + rng_exp(r, 9000.0);
}

static void one_action(struct sim *s, struct rng *r, struct visitor_stats *st)
{
    double p = rng_unit(r);
    if (p < 0.50) {
        if (!tap_hit(s, r, st, ACTION_NONE, -2)) {
            tap_anywhere(s, r);
        }
    } else if (p < 0.60) {
        swipe(s, r, st);
    } else if (p < 0.72) {
        drag(s, r, st, false);
    } else if (p < 0.80) {
        drag(s, r, st, true);
    } else if (p < 0.86) {
        tap_anywhere(s, r);
        st->misses++;
    } else if (p < 0.92) {
        enum session_action a = rng_chance(r, 0.5) ? ACTION_BACK : ACTION_NEXT;
        tap_hit(s, r, st, a, -2);
    } else if (p < 0.97) {
        enum session_action a = rng_chance(r, 0.5) ? ACTION_HOME : ACTION_HELP;
        tap_hit(s, r, st, a, -2);
    } else {
        corner_slip(s, r, st);
    }
}

/* Someone from the desk: holds the corner, types the PIN (sometimes wrong), uses the menu. */
static void staff_visit(struct sim *s, struct rng *r, struct visitor_stats *st)
{
    int m = s->width < s->height ? s->width : s->height;
    st->staff_holds++;
    sim_pointer(s, INPUT_DOWN, m / 20, m / 20);
    wait_ms(s, SESSION_STAFF_HOLD_MS + rng_range(r, 100, 1500));
    sim_pointer(s, INPUT_UP, m / 20, m / 20);
    const char *pin = s->content->staff_pin;
    for (int attempt = 0; attempt < 3 && ses(s)->screen == SCREEN_STAFF_PIN; attempt++) {
        bool wrong = rng_chance(r, 0.25);
        st->wrong_pins += wrong;
        for (const char *d = pin; *d; d++) {
            int digit = wrong && d == pin ? (*d - '0' + 1) % 10 : *d - '0';
            wait_ms(s, rng_range(r, 250, 900));
            tap_hit(s, r, st, ACTION_KEY, digit);
            if (rng_chance(r, 0.05)) {
                tap_hit(s, r, st, ACTION_KEY_ERASE, -2);
                tap_hit(s, r, st, ACTION_KEY, digit);
            }
        }
    }
    if (ses(s)->screen != SCREEN_STAFF) {
        return;
    }
    st->staff_logins++;
    double p = rng_unit(r);
    wait_ms(s, rng_range(r, 1000, 8000)); /* reads the status */
    if (p < 0.3) {
        tap_hit(s, r, st, ACTION_STAFF_TOUCH_TEST, -2);
        for (int i = rng_range(r, 2, 12); i > 0; i--) {
            wait_ms(s, rng_range(r, 200, 1500));
            tap_anywhere(s, r);
        }
        tap_hit(s, r, st, ACTION_STAFF_BACK, -2);
    } else if (p < 0.5) {
        tap_hit(s, r, st, ACTION_STAFF_CLEAN, -2);
        for (int i = rng_range(r, 5, 40); i > 0; i--) { /* wipes the glass */
            int x = rng_range(r, 0, s->width - 1), y = rng_range(r, 0, s->height - 1);
            sim_pointer(s, INPUT_DOWN, x, y);
            stroke(s, x, y, rng_range(r, 0, s->width - 1), rng_range(r, 0, s->height - 1), 300);
            sim_pointer(s, INPUT_UP, x, y);
        }
        wait_ms(s, SESSION_CLEAN_MS);
    } else if (p < 0.7) {
        tap_hit(s, r, st, ACTION_STAFF_RELOAD, -2);
    }
    wait_ms(s, rng_range(r, 500, 3000));
    if (rng_chance(r, 0.8)) {
        tap_hit(s, r, st, ACTION_STAFF_CLOSE, -2);
    } /* else walks off: staff mode closes by itself */
}

void visitor_visit(struct sim *s, struct rng *r, struct visitor_stats *st)
{
    if (!sim_open_at(s, s->now)) {
        /* At night: a cleaner's cloth or a late visitor wakes the black screen. */
        st->night_wakes++;
        tap_anywhere(s, r);
        if (rng_chance(r, 0.7)) {
            return;
        }
    }
    if (s->content->staff_pin && rng_chance(r, 0.03)) {
        staff_visit(s, r, st);
        return;
    }
    st->visits++;
    tap_anywhere(s, r); /* wakes the welcome (or cover) screen, or lands on a page left open */
    if (ses(s)->screen == SCREEN_WELCOME) {
        tap_anywhere(s, r); /* after a cover screen, the welcome screen needs its own touch */
    }
    for (int n = rng_range(r, 1, 30); n > 0; n--) {
        wait_ms(s, read_ms(r, s));
        tap_continue_if_asked(s, r, st);
        if (ses(s)->screen != SCREEN_PAGE) {
            tap_anywhere(s, r); /* the visit was reset under them: start again */
            continue;
        }
        if (rng_chance(r, 0.02)) {
            break; /* quick exit mid-visit, below */
        }
        one_action(s, r, st);
    }
    wait_ms(s, rng_range(r, 500, 5000));
    double p = rng_unit(r);
    if (p < 0.15 && ses(s)->screen == SCREEN_PAGE) {
        if (tap_hit(s, r, st, ACTION_QUICK_EXIT, -2)) {
            st->quick_exits++;
        }
        if (rng_chance(r, 0.3)) {
            wait_ms(s, rng_range(r, 1000, 20000));
            tap_anywhere(s, r); /* the cover screen's tap goes to the welcome screen */
        }
        return;
    }
    if (p < 0.25) {
        tap_hit(s, r, st, ACTION_HOME, -2);
    }
    st->walk_aways++;
    if (rng_chance(r, 0.1)) {
        /* Comes back while "Still there?" counts down, and carries on. */
        uint64_t give_up = s->now + ses(s)->idle_ms + ses(s)->countdown_ms + 1000;
        while (!ses(s)->visit.countdown && ses(s)->screen == SCREEN_PAGE && s->now < give_up) {
            wait_ms(s, 1000);
        }
        wait_ms(s, rng_range(r, 0, (int)ses(s)->countdown_ms - 1500));
        tap_continue_if_asked(s, r, st);
        wait_ms(s, read_ms(r, s));
        one_action(s, r, st);
    }
}

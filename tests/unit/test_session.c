/* The session state machine with a fake clock: idle, countdown, reset, quick exit, a finger
 * held over a deadline, navigation and history, gestures, and "a reset leaves nothing". */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "session.h"
#include "session_input.h"

#define W 800
#define H 480

static const struct hit NONE = {ACTION_NONE, CONTENT_NONE};

/* A tap on the given button, away from the staff corner. */
static void tap(struct session *s, struct hit hit, uint64_t now)
{
    tap_at(s, hit, 100, 100, now);
}

static struct hit go(int page)
{
    return hit_of(ACTION_GOTO, page);
}

static struct hit button(enum session_action a)
{
    return hit_of(a, CONTENT_NONE);
}

/* Everything a visit leaves behind equals a fresh session's, byte for byte. */
static bool visit_is_fresh(const struct session *s, const struct content *c)
{
    struct session fresh;
    session_init(&fresh, c, W, H);
    return s->screen == SCREEN_WELCOME && memcmp(&s->visit, &fresh.visit, sizeof(fresh.visit)) == 0;
}

/* ---- "after a reset, nothing is left": every field of struct session, one by one ---------- */

static int differing;

#define SAME(field)                                                                                \
    do {                                                                                           \
        if (memcmp(&s->field, &fresh->field, sizeof(s->field)) != 0) {                             \
            fprintf(stderr, "%s: session.%s differs from a fresh session's\n", what, #field);      \
            differing++;                                                                           \
        }                                                                                          \
    } while (0)

/* Compares `s` with `fresh` field by field, naming each field that differs, then byte for byte
 * (which also catches a field added to struct session but not listed here). */
static bool same_session(const struct session *s, const struct session *fresh, const char *what)
{
    differing = 0;
    SAME(content);
    SAME(idle_ms);
    SAME(countdown_ms);
    SAME(width);
    SAME(height);
    SAME(scroll_max);
    SAME(screen);
    /* the visit */
    SAME(visit.page);
    for (int i = 0; i < SESSION_HISTORY; i++) {
        SAME(visit.history[i]);
        SAME(visit.history_scroll[i]);
    }
    SAME(visit.depth);
    SAME(visit.scroll);
    SAME(visit.velocity);
    SAME(visit.glide_time);
    SAME(visit.countdown);
    SAME(visit.countdown_start);
    SAME(visit.countdown_seconds);
    SAME(visit.last_activity);
    SAME(visit.lang);
    SAME(visit.pressed.action);
    SAME(visit.pressed.target);
    /* the finger */
    SAME(pointer.down);
    SAME(pointer.swallowed);
    SAME(pointer.mode);
    SAME(pointer.x0);
    SAME(pointer.y0);
    SAME(pointer.x);
    SAME(pointer.y);
    SAME(pointer.down_at);
    SAME(pointer.corner);
    SAME(pointer.scroll0);
    SAME(pointer.hit.action);
    SAME(pointer.hit.target);
    SAME(pointer.sample_y);
    SAME(pointer.sample_t);
    SAME(pointer.samples);
    /* staff mode */
    SAME(staff.entered);
    SAME(staff.failures);
    SAME(staff.wrong);
    SAME(staff.since);
    SAME(staff.clean_start);
    SAME(staff.clean_seconds);
    SAME(staff.touch_seen);
    SAME(staff.touch_x);
    SAME(staff.touch_y);
    SAME(staff.touches);
    /* set by the app */
    SAME(open);
    SAME(reload_requested);
    SAME(go_back_requested);
    SAME(staff_can_go_back);
    SAME(staff_report);
    SAME(notice);
    /* Kept on purpose: the PIN lockout is no part of a visit, and must outlive staff mode. */
    struct session kept = *s;
    kept.lockout = fresh->lockout;
    if (differing == 0 && memcmp(&kept, fresh, sizeof(kept)) != 0) {
        fprintf(stderr,
                "%s: the session differs from a fresh one in a field not listed in "
                "same_session()\n",
                what);
        differing++;
    }
    return differing == 0;
}

/* The whole session equals one that session_init has just made. */
static bool session_is_fresh(const struct session *s, const struct content *c, const char *what)
{
    struct session fresh;
    session_init(&fresh, c, W, H);
    return same_session(s, &fresh, what);
}

/* Starts a visit: a touch on the welcome screen, which presses nothing else. */
static uint64_t start_visit(struct session *s, uint64_t now)
{
    tap(s, go(FX_A1), now);
    return now + 100;
}

static void test_welcome_tap_starts_only(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    CHECK_INT(s.screen, SCREEN_WELCOME);
    CHECK(session_deadline(&s) == SESSION_NO_DEADLINE); /* asleep until touched */
    /* The waking touch lands where a menu button will appear: it must not press it. */
    CHECK(ev(&s, INPUT_DOWN, 100, 100, go(FX_A1), 1000));
    CHECK_INT(s.screen, SCREEN_PAGE);
    CHECK_INT(s.visit.page, FX_MENU);
    ev(&s, INPUT_UP, 100, 100, go(FX_A1), 1050);
    CHECK_INT(s.visit.page, FX_MENU);
    CHECK_INT(s.visit.pressed.action, ACTION_NONE);
}

static void test_navigation(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    CHECK(!session_can_go_back(&s)); /* the menu is the root */
    tap(&s, go(FX_A1), t);
    CHECK_INT(s.visit.page, FX_A1);
    tap(&s, button(ACTION_NEXT), t += 200);
    CHECK_INT(s.visit.page, FX_A2);
    tap(&s, button(ACTION_NEXT), t += 200);
    CHECK_INT(s.visit.page, FX_A3);
    CHECK_INT(session_next_page(&s), FX_MENU); /* the end of a topic leads to the topics */
    tap(&s, button(ACTION_BACK), t += 200);
    CHECK_INT(s.visit.page, FX_A2);
    tap(&s, button(ACTION_BACK), t += 200);
    CHECK_INT(s.visit.page, FX_A1);
    tap(&s, button(ACTION_BACK), t += 200);
    CHECK_INT(s.visit.page, FX_MENU);
    tap(&s, button(ACTION_BACK), t += 200);
    CHECK_INT(s.visit.page, FX_MENU);
    /* Choices, help and home. */
    tap(&s, go(FX_Q), t += 200);
    tap(&s, go(FX_B1), t += 200);
    CHECK_INT(s.visit.page, FX_B1);
    tap(&s, button(ACTION_HELP), t += 200);
    CHECK_INT(s.visit.page, FX_HELP);
    tap(&s, button(ACTION_BACK), t += 200);
    CHECK_INT(s.visit.page, FX_B1);
    tap(&s, button(ACTION_BACK), t += 200);
    CHECK_INT(s.visit.page, FX_Q);
    tap(&s, button(ACTION_HOME), t += 200);
    CHECK_INT(s.visit.page, FX_MENU);
    CHECK_INT(s.visit.depth, 0);
    /* The last page's Next goes home and clears the way back. */
    tap(&s, go(FX_B1), t += 200);
    tap(&s, button(ACTION_NEXT), t += 200);
    CHECK_INT(s.visit.page, FX_B2);
    tap(&s, button(ACTION_NEXT), t += 200);
    CHECK_INT(s.visit.page, FX_MENU);
    CHECK(!session_can_go_back(&s));
    /* A loose page with no next has no Next. */
    tap(&s, go(FX_Q), t += 200);
    CHECK_INT(session_next_page(&s), CONTENT_NONE);
    tap(&s, button(ACTION_NEXT), t += 200);
    CHECK_INT(s.visit.page, FX_Q);
}

static void test_history_is_bounded(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    for (int i = 0; i < 300; i++) {
        tap(&s, go(i % 2 ? FX_A1 : FX_B1), t += 200);
    }
    CHECK_INT(s.visit.depth, SESSION_HISTORY);
    for (int i = 0; i < SESSION_HISTORY; i++) {
        tap(&s, button(ACTION_BACK), t += 200);
    }
    CHECK_INT(s.visit.depth, 0);
    tap(&s, button(ACTION_BACK), t += 200);
    CHECK_INT(s.visit.page, FX_MENU);
}

static void test_idle_countdown_reset(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    tap(&s, go(FX_A1), t);
    tap(&s, button(ACTION_NEXT), t + 500);
    uint64_t last = t + 500 + 80; /* the finger lifted then */
    CHECK(session_deadline(&s) == last + 60000);
    CHECK(!session_tick(&s, last + 59999));
    CHECK(!s.visit.countdown);
    CHECK(session_tick(&s, last + 60000));
    CHECK(s.visit.countdown);
    CHECK_INT(s.visit.countdown_seconds, 10);
    CHECK(session_deadline(&s) == last + 61000); /* the next change of the number */
    CHECK(session_tick(&s, last + 61000));
    CHECK_INT(s.visit.countdown_seconds, 9);
    CHECK(!session_tick(&s, last + 61500));
    CHECK(session_tick(&s, last + 69000));
    CHECK_INT(s.visit.countdown_seconds, 1);
    CHECK(session_deadline(&s) == last + 70000);
    CHECK(!session_tick(&s, last + 69999));
    CHECK_INT(s.screen, SCREEN_PAGE);
    CHECK(session_tick(&s, last + 70000));
    CHECK(visit_is_fresh(&s, c));
    CHECK(session_deadline(&s) == SESSION_NO_DEADLINE);
}

static void test_continue(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    tap(&s, go(FX_A1), t);
    session_tick(&s, t + 80 + 60000);
    CHECK(s.visit.countdown);
    /* A touch anywhere continues, even on a button under the overlay, and presses nothing. */
    uint64_t at = t + 80 + 63000;
    CHECK(ev(&s, INPUT_DOWN, 10, 400, button(ACTION_NEXT), at));
    CHECK(!s.visit.countdown);
    ev(&s, INPUT_UP, 10, 400, button(ACTION_NEXT), at + 50);
    CHECK_INT(s.visit.page, FX_A1);
    CHECK_INT(s.screen, SCREEN_PAGE);
    /* The idle clock starts again from that touch. */
    CHECK(session_deadline(&s) == at + 50 + 60000);
}

static void test_finger_held_over_deadline(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    tap(&s, go(FX_A1), t);
    ev(&s, INPUT_DOWN, 300, 300, NONE, t + 1000);
    /* A live finger trembles: while it moves, nothing fires under it, far past idle plus
     * countdown. */
    for (int i = 1; i <= 20; i++) {
        ev(&s, INPUT_MOVE, 300 + i % 2, 300, NONE, t + 1000 + (uint64_t)i * 10000);
        CHECK(!session_tick(&s, t + 1000 + (uint64_t)i * 10000 + 5000));
    }
    CHECK_INT(s.screen, SCREEN_PAGE);
    CHECK(!s.visit.countdown);
    ev(&s, INPUT_UP, 300, 300, NONE, t + 300000);
    CHECK(session_deadline(&s) == t + 300000 + 60000);

    /* A finger that goes down during the countdown continues and holds it off too. */
    session_tick(&s, t + 360000);
    CHECK(s.visit.countdown);
    ev(&s, INPUT_DOWN, 300, 300, NONE, t + 365000);
    CHECK(!s.visit.countdown);
    CHECK(!session_tick(&s, t + 365000 + 69999));
    CHECK_INT(s.screen, SCREEN_PAGE);

    /* But something resting perfectly still (a bag on the glass, a lift that never came) for
     * as long as a visit takes to time out (idle 60 s + countdown 10 s) wipes the visit... */
    CHECK(session_deadline(&s) == t + 365000 + 70000);
    CHECK(session_tick(&s, t + 365000 + 70000));
    CHECK(visit_is_fresh(&s, c));
    /* ...and the rest of that touch presses nothing. */
    ev(&s, INPUT_MOVE, 320, 300, go(FX_B1), t + 500000);
    ev(&s, INPUT_UP, 320, 300, go(FX_B1), t + 500010);
    CHECK_INT(s.screen, SCREEN_WELCOME);
    CHECK(visit_is_fresh(&s, c));
}

static void test_quick_exit(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    tap(&s, go(FX_A1), t);
    tap(&s, button(ACTION_NEXT), t + 200);
    session_scroll_to(&s, 0);
    /* Acts on finger-down, before the finger lifts. */
    CHECK(ev(&s, INPUT_DOWN, 790, 10, button(ACTION_QUICK_EXIT), t + 400));
    CHECK_INT(s.screen, SCREEN_COVER);
    /* The visit is gone: only the cover's own clock differs from a fresh start. */
    struct session fresh;
    session_init(&fresh, c, W, H);
    fresh.visit.last_activity = t + 400;
    CHECK(memcmp(&s.visit, &fresh.visit, sizeof(s.visit)) == 0);
    CHECK(!session_can_go_back(&s));
    /* Lifting that finger does not count as the next tap. */
    ev(&s, INPUT_UP, 790, 10, button(ACTION_QUICK_EXIT), t + 450);
    CHECK_INT(s.screen, SCREEN_COVER);
    /* Back does nothing on the cover. */
    tap(&s, button(ACTION_BACK), t + 600);
    CHECK(visit_is_fresh(&s, c)); /* that tap went to the welcome screen */
    CHECK_INT(s.screen, SCREEN_WELCOME);

    /* Quick exit also works while the countdown shows; the cover gives way after idle time. */
    t = start_visit(&s, t + 2000);
    tap(&s, go(FX_B1), t);
    session_tick(&s, t + 80 + 60000);
    CHECK(s.visit.countdown);
    ev(&s, INPUT_DOWN, 790, 10, button(ACTION_QUICK_EXIT), t + 62000);
    CHECK_INT(s.screen, SCREEN_COVER);
    ev(&s, INPUT_UP, 790, 10, NONE, t + 62050);
    CHECK(session_deadline(&s) == t + 62000 + 60000);
    CHECK(session_tick(&s, t + 122000));
    CHECK(visit_is_fresh(&s, c));
}

static void test_swipes(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    tap(&s, go(FX_A1), t);
    /* Swipe left: next. */
    ev(&s, INPUT_DOWN, 600, 200, NONE, t += 200);
    ev(&s, INPUT_MOVE, 500, 205, NONE, t += 30);
    ev(&s, INPUT_MOVE, 300, 210, NONE, t += 30);
    ev(&s, INPUT_UP, 300, 210, NONE, t += 10);
    CHECK_INT(s.visit.page, FX_A2);
    /* Swipe right: back. */
    ev(&s, INPUT_DOWN, 200, 200, go(FX_B1), t += 200);
    ev(&s, INPUT_MOVE, 400, 200, go(FX_B1), t += 30);
    ev(&s, INPUT_UP, 500, 200, go(FX_B1), t += 30);
    CHECK_INT(s.visit.page, FX_A1); /* and the button it started on was not pressed */
    /* Too short a sideways move is neither a swipe nor a tap. */
    ev(&s, INPUT_DOWN, 200, 200, go(FX_B1), t += 200);
    ev(&s, INPUT_MOVE, 250, 200, go(FX_B1), t += 30);
    ev(&s, INPUT_UP, 250, 200, go(FX_B1), t += 30);
    CHECK_INT(s.visit.page, FX_A1);
    /* A finger that slides off a button does not press it. */
    ev(&s, INPUT_DOWN, 200, 200, go(FX_B1), t += 200);
    CHECK_INT(s.visit.pressed.action, ACTION_GOTO);
    ev(&s, INPUT_MOVE, 200, 260, go(FX_B1), t += 30);
    CHECK_INT(s.visit.pressed.action, ACTION_NONE);
    ev(&s, INPUT_UP, 200, 260, go(FX_B1), t += 30);
    CHECK_INT(s.visit.page, FX_A1);
    /* A second finger is ignored while the first is down. */
    ev(&s, INPUT_DOWN, 200, 200, NONE, t += 200);
    CHECK(!ev(&s, INPUT_DOWN, 400, 200, button(ACTION_NEXT), t += 10));
    ev(&s, INPUT_UP, 200, 200, NONE, t += 10);
    CHECK_INT(s.visit.page, FX_A1);
}

static void test_scroll_and_glide(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    tap(&s, go(FX_A1), t);
    session_set_scroll_max(&s, 1000);
    /* Drag up by 100 px: the page follows the finger. */
    ev(&s, INPUT_DOWN, 400, 400, NONE, t += 200);
    ev(&s, INPUT_MOVE, 400, 350, NONE, t += 100);
    ev(&s, INPUT_MOVE, 400, 300, NONE, t += 100);
    CHECK(s.visit.scroll == 100.0);
    /* Lifted while still: no glide. */
    ev(&s, INPUT_UP, 400, 300, NONE, t += 200);
    CHECK(s.visit.velocity == 0.0);
    CHECK(s.visit.scroll == 100.0);
    /* A quick flick glides on, slows, and stops; it never passes the end. */
    ev(&s, INPUT_DOWN, 400, 400, NONE, t += 200);
    ev(&s, INPUT_MOVE, 400, 380, NONE, t += 10);
    ev(&s, INPUT_MOVE, 400, 340, NONE, t += 10);
    ev(&s, INPUT_MOVE, 400, 300, NONE, t += 10);
    ev(&s, INPUT_UP, 400, 280, NONE, t += 10);
    CHECK(s.visit.velocity > 1000.0);
    double before = s.visit.scroll;
    CHECK(session_deadline(&s) == t + SESSION_FRAME_MS);
    int frames = 0;
    while (s.visit.velocity != 0.0 && frames < 1000) {
        t += SESSION_FRAME_MS;
        session_tick(&s, t);
        frames++;
    }
    CHECK(frames < 1000);
    CHECK(s.visit.scroll > before + 100);
    CHECK(s.visit.scroll <= 1000.0);
    /* A touch stops a glide and is not a tap. */
    ev(&s, INPUT_DOWN, 400, 300, NONE, t);
    ev(&s, INPUT_MOVE, 400, 200, NONE, t += 20);
    ev(&s, INPUT_MOVE, 400, 100, NONE, t += 20);
    ev(&s, INPUT_UP, 400, 100, NONE, t += 10);
    CHECK(s.visit.velocity != 0.0);
    ev(&s, INPUT_DOWN, 400, 300, go(FX_B1), t += 20);
    CHECK(s.visit.velocity == 0.0);
    ev(&s, INPUT_UP, 400, 300, go(FX_B1), t += 20);
    CHECK_INT(s.visit.page, FX_A1);
    /* Scroll never goes below 0 or past the end. */
    ev(&s, INPUT_DOWN, 400, 100, NONE, t += 200);
    ev(&s, INPUT_MOVE, 400, 470, NONE, t += 300);
    ev(&s, INPUT_MOVE, 400, 479, NONE, t += 300);
    ev(&s, INPUT_UP, 400, 479, NONE, t += 300);
    CHECK(s.visit.scroll >= 0.0);
    /* Going back restores where the reader was on the previous page. */
    session_set_scroll_max(&s, 1000);
    session_scroll_to(&s, 240);
    tap(&s, button(ACTION_NEXT), t += 300);
    CHECK(s.visit.scroll == 0.0);
    tap(&s, button(ACTION_BACK), t += 300);
    session_set_scroll_max(&s, 1000);
    CHECK(s.visit.scroll == 240.0);
}

static void test_reset_after_anything(const struct content *c)
{
    /* Whatever a visitor did, the reset leaves a fresh session. */
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = 5000;
    unsigned seed = 12345;
    for (int round = 0; round < 50; round++) {
        t = start_visit(&s, t);
        for (int i = 0; i < 40; i++) {
            seed = seed * 1103515245u + 12345u;
            int r = (int)((seed >> 16) % 8);
            struct hit h = r < 4 ? go((int)((seed >> 8) % FX_PAGES))
                                 : button((enum session_action)(ACTION_BACK + r - 4));
            if (r == 7) {
                session_set_scroll_max(&s, 500);
                ev(&s, INPUT_DOWN, 400, 400, NONE, t);
                ev(&s, INPUT_MOVE, 400, 200, NONE, t + 20);
                ev(&s, INPUT_UP, 400, 150, NONE, t + 30);
            } else {
                tap(&s, h, t);
            }
            t += 300;
        }
        session_tick(&s, t + 60000);
        session_tick(&s, t + 60000 + 10000);
        CHECK(visit_is_fresh(&s, c));
        t += 80000;
    }
}

/* ---- opening hours ----------------------------------------------------------------------- */

static void test_opening_hours(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    /* Closing time while nobody is there: black at once. */
    CHECK(session_set_open(&s, false));
    CHECK_INT(s.screen, SCREEN_ASLEEP);
    CHECK(!session_set_open(&s, false)); /* only a change acts */
    CHECK(session_deadline(&s) == SESSION_NO_DEADLINE);
    /* A touch on the black screen wakes the welcome screen and presses nothing: the welcome
     * screen is still there after the finger lifts. */
    CHECK(ev(&s, INPUT_DOWN, 100, 100, go(FX_A1), 5000));
    CHECK_INT(s.screen, SCREEN_WELCOME);
    ev(&s, INPUT_UP, 100, 100, go(FX_A1), 5080);
    CHECK_INT(s.screen, SCREEN_WELCOME);
    CHECK_INT(s.visit.pressed.action, ACTION_NONE);
    /* Woken but nobody starts: back to black after the idle time. */
    CHECK(session_deadline(&s) == 5000 + 60000);
    CHECK(!session_tick(&s, 5000 + 59999));
    CHECK(session_tick(&s, 5000 + 60000));
    CHECK_INT(s.screen, SCREEN_ASLEEP);
    /* Woken for one visit: the visit runs as in opening hours, and its end is black again. */
    ev(&s, INPUT_DOWN, 100, 100, NONE, 100000);
    ev(&s, INPUT_UP, 100, 100, NONE, 100080);
    uint64_t t = start_visit(&s, 101000);
    CHECK_INT(s.screen, SCREEN_PAGE);
    tap(&s, go(FX_B1), t);
    CHECK_INT(s.visit.page, FX_B1);
    session_tick(&s, t + 80 + 60000);
    CHECK(s.visit.countdown);
    session_tick(&s, t + 80 + 60000 + 10000);
    CHECK_INT(s.screen, SCREEN_ASLEEP);
    /* Quick exit outside hours: the cover, then black. */
    ev(&s, INPUT_DOWN, 100, 100, NONE, 300000);
    ev(&s, INPUT_UP, 100, 100, NONE, 300080);
    start_visit(&s, 301000);
    ev(&s, INPUT_DOWN, 700, 20, button(ACTION_QUICK_EXIT), 302000);
    CHECK_INT(s.screen, SCREEN_COVER);
    ev(&s, INPUT_UP, 700, 20, button(ACTION_QUICK_EXIT), 302050);
    session_tick(&s, 302000 + 60000);
    CHECK_INT(s.screen, SCREEN_ASLEEP);
    /* Opening time: the welcome screen comes back by itself. */
    CHECK(session_set_open(&s, true));
    CHECK_INT(s.screen, SCREEN_WELCOME);
    /* Closing time in the middle of a visit does not cut it short. */
    start_visit(&s, 500000);
    CHECK(!session_set_open(&s, false));
    CHECK_INT(s.screen, SCREEN_PAGE);
    session_tick(&s, 501000 + 60000);
    session_tick(&s, 501000 + 70000);
    CHECK_INT(s.screen, SCREEN_ASLEEP);
}

/* ---- staff mode -------------------------------------------------------------------------- */

static void test_staff_off_without_pin(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    ev(&s, INPUT_DOWN, 5, 5, NONE, 1000);
    CHECK(session_deadline(&s) == 1000 + 70000); /* only the resting-object limit */
    session_tick(&s, 1000 + 60000);
    CHECK(!session_in_staff_mode(&s));
}

static void type(struct session *s, const char *digits, uint64_t *t)
{
    for (const char *d = digits; *d; d++) {
        struct hit key = {ACTION_KEY, *d - '0'};
        tap(s, key, *t);
        *t += 200;
    }
}

/* Holds the staff corner long enough to open the pad and lifts; returns a moment after. */
static uint64_t hold_corner(struct session *s, uint64_t t)
{
    ev(s, INPUT_DOWN, 5, 5, NONE, t);
    session_tick(s, t + SESSION_STAFF_HOLD_MS);
    ev(s, INPUT_UP, 5, 5, NONE, t + SESSION_STAFF_HOLD_MS);
    return t + SESSION_STAFF_HOLD_MS + 100;
}

static void test_staff_gesture(struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = start_visit(&s, 1000);
    tap(&s, go(FX_B1), t);
    /* A hold in the corner that is too short, or that wanders off, opens nothing. */
    ev(&s, INPUT_DOWN, 10, 10, button(ACTION_BACK), 10000);
    CHECK(session_deadline(&s) == 10000 + SESSION_STAFF_HOLD_MS);
    CHECK(!session_tick(&s, 10000 + SESSION_STAFF_HOLD_MS - 1));
    ev(&s, INPUT_UP, 10, 10, button(ACTION_BACK), 10000 + SESSION_STAFF_HOLD_MS - 1);
    CHECK_INT(s.screen, SCREEN_PAGE); /* it was a (long) tap on Back */
    ev(&s, INPUT_DOWN, 10, 10, NONE, 20000);
    ev(&s, INPUT_MOVE, 200, 10, NONE, 20100);
    CHECK(session_deadline(&s) == 20100 + 70000); /* no staff hold now */
    session_tick(&s, 20000 + SESSION_STAFF_HOLD_MS);
    CHECK(!session_in_staff_mode(&s));
    ev(&s, INPUT_UP, 200, 10, NONE, 26000);
    /* Outside the corner a long press is just a long press. */
    ev(&s, INPUT_DOWN, 400, 300, NONE, 30000);
    session_tick(&s, 30000 + 3 * SESSION_STAFF_HOLD_MS);
    CHECK(!session_in_staff_mode(&s));
    ev(&s, INPUT_UP, 400, 300, NONE, 30000 + 3 * SESSION_STAFF_HOLD_MS);
    /* Five seconds still in the corner opens the pad, wipes the visit, and lifting the finger
     * presses no key. */
    t = 60000;
    ev(&s, INPUT_DOWN, 20, 30, button(ACTION_BACK), t);
    CHECK(session_tick(&s, t + SESSION_STAFF_HOLD_MS));
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
    CHECK_INT(s.visit.page, FX_MENU);
    CHECK_INT(s.visit.depth, 0);
    struct hit one = {ACTION_KEY, 1};
    ev(&s, INPUT_UP, 20, 30, one, t + SESSION_STAFF_HOLD_MS + 100);
    CHECK_STR(s.staff.entered, "");
    /* The hold works from the welcome screen too (its first touch wakes the menu). */
    session_reset(&s);
    ev(&s, INPUT_DOWN, 5, 5, NONE, 100000);
    session_tick(&s, 100000 + SESSION_STAFF_HOLD_MS);
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
}

static void test_staff_pin(struct content *c)
{
    struct session s, fresh;
    session_init(&s, c, W, H);
    session_init(&fresh, c, W, H);
    uint64_t t = 1000;
    ev(&s, INPUT_DOWN, 5, 5, NONE, t);
    session_tick(&s, t + SESSION_STAFF_HOLD_MS);
    ev(&s, INPUT_UP, 5, 5, NONE, t + SESSION_STAFF_HOLD_MS);
    t += 10000;
    /* A wrong PIN says so and clears; Erase takes back a digit. */
    type(&s, "1234", &t);
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
    CHECK(s.staff.wrong);
    CHECK_STR(s.staff.entered, "");
    type(&s, "25", &t);
    tap(&s, button(ACTION_KEY_ERASE), t);
    t += 200;
    CHECK_STR(s.staff.entered, "2");
    CHECK(!s.staff.wrong);
    type(&s, "580", &t);
    CHECK_INT(s.screen, SCREEN_STAFF);
    /* Reload is handed to the app. */
    tap(&s, button(ACTION_STAFF_RELOAD), t);
    t += 200;
    CHECK(session_take_reload_request(&s));
    CHECK(!session_take_reload_request(&s)); /* handed over once */
    /* "Go back to before the USB stick" asks the app only when the app offers it. */
    tap(&s, button(ACTION_STAFF_GO_BACK), t);
    t += 200;
    CHECK(!session_take_go_back_request(&s));
    session_set_staff_can_go_back(&s, true);
    tap(&s, button(ACTION_STAFF_GO_BACK), t);
    t += 200;
    CHECK(session_take_go_back_request(&s));
    CHECK(!session_take_go_back_request(&s)); /* handed over once */
    CHECK_INT(s.screen, SCREEN_STAFF);
    session_set_staff_can_go_back(&s, false);
    /* Touch test: every touch is shown where it landed; Done goes back. */
    tap(&s, button(ACTION_STAFF_TOUCH_TEST), t);
    t += 200;
    CHECK_INT(s.screen, SCREEN_STAFF_TOUCH);
    ev(&s, INPUT_DOWN, 321, 123, NONE, t);
    CHECK(s.staff.touch_seen && s.staff.touch_x == 321 && s.staff.touch_y == 123);
    ev(&s, INPUT_MOVE, 330, 140, NONE, t + 50);
    CHECK(s.staff.touch_x == 330 && s.staff.touch_y == 140);
    ev(&s, INPUT_UP, 330, 140, NONE, t + 100);
    CHECK_INT(s.staff.touches, 1);
    CHECK_INT(s.screen, SCREEN_STAFF_TOUCH);
    t += 500;
    tap(&s, button(ACTION_STAFF_BACK), t);
    t += 200;
    CHECK_INT(s.screen, SCREEN_STAFF);
    /* Clean screen: touches do nothing for 30 s, even on a button, then the menu returns. */
    tap(&s, button(ACTION_STAFF_CLEAN), t);
    uint64_t clean = t + 80;
    CHECK_INT(s.screen, SCREEN_STAFF_CLEAN);
    CHECK_INT(s.staff.clean_seconds, 30);
    CHECK(!ev(&s, INPUT_DOWN, 10, 10, button(ACTION_STAFF_CLOSE), clean + 1000));
    ev(&s, INPUT_UP, 10, 10, button(ACTION_STAFF_CLOSE), clean + 1100);
    CHECK_INT(s.screen, SCREEN_STAFF_CLEAN);
    CHECK(session_tick(&s, clean + 1000)); /* the count on screen goes down */
    CHECK_INT(s.staff.clean_seconds, 29);
    /* A hand resting on the glass does not stop the count. */
    ev(&s, INPUT_DOWN, 300, 300, NONE, clean + 2000);
    CHECK(session_tick(&s, clean + SESSION_CLEAN_MS));
    ev(&s, INPUT_UP, 300, 300, NONE, clean + SESSION_CLEAN_MS + 10);
    CHECK_INT(s.screen, SCREEN_STAFF);
    /* Staff who walk away: staff mode closes by itself and leaves nothing behind. */
    t = clean + SESSION_CLEAN_MS + 10;
    CHECK(session_deadline(&s) == t + 60000 - 10);
    session_tick(&s, t + 60000);
    CHECK_INT(s.screen, SCREEN_WELCOME);
    CHECK(memcmp(&s.staff, &fresh.staff, sizeof(s.staff)) == 0);
    CHECK(memcmp(&s.visit, &fresh.visit, sizeof(s.visit)) == 0);
    /* Three wrong PINs close the pad. */
    ev(&s, INPUT_DOWN, 5, 5, NONE, 900000);
    session_tick(&s, 900000 + SESSION_STAFF_HOLD_MS);
    ev(&s, INPUT_UP, 5, 5, NONE, 900000 + SESSION_STAFF_HOLD_MS);
    t = 910000;
    type(&s, "0000", &t);
    type(&s, "1111", &t);
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
    type(&s, "2222", &t);
    CHECK_INT(s.screen, SCREEN_WELCOME);
    CHECK(memcmp(&s.staff, &fresh.staff, sizeof(s.staff)) == 0);
    /* ... and keep it shut: for a minute a hold in the corner is an ordinary touch (on the
     * welcome screen, one that starts a visit). */
    uint64_t locked_at = t - 200; /* when the last digit went in */
    t = hold_corner(&s, t + 1000);
    CHECK(!session_in_staff_mode(&s));
    t = hold_corner(&s, locked_at + SESSION_LOCKOUT_MS - 1 - SESSION_STAFF_HOLD_MS);
    CHECK(!session_in_staff_mode(&s));
    t = hold_corner(&s, locked_at + SESSION_LOCKOUT_MS);
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
    /* Another three wrong: twice as long; and so on, up to the longest lockout. */
    type(&s, "0000", &t);
    type(&s, "1111", &t);
    type(&s, "2222", &t);
    locked_at = t - 200;
    t = hold_corner(&s, locked_at + SESSION_LOCKOUT_MS);
    CHECK(!session_in_staff_mode(&s));
    t = hold_corner(&s, locked_at + 2 * SESSION_LOCKOUT_MS);
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
    for (int round = 0; round < 8; round++) {
        type(&s, "0000", &t);
        type(&s, "1111", &t);
        type(&s, "2222", &t);
        locked_at = t - 200;
        t = hold_corner(&s, locked_at + SESSION_LOCKOUT_MAX_MS);
        CHECK_INT(s.screen, SCREEN_STAFF_PIN);
    }
    /* The right PIN ends the count: the next wrong round waits a minute again. */
    type(&s, "2580", &t);
    CHECK_INT(s.screen, SCREEN_STAFF);
    tap(&s, button(ACTION_STAFF_CLOSE), t += 100);
    t = hold_corner(&s, t + 100);
    type(&s, "0000", &t);
    type(&s, "1111", &t);
    type(&s, "2222", &t);
    t = hold_corner(&s, t + SESSION_LOCKOUT_MS);
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
}

/* ---- nothing is left ---------------------------------------------------------------------- */

/* A visit that leaves traces in every part of the session: pages, history with scroll
 * positions, a scrolled page still gliding, a swipe, a button held pressed. Returns the time
 * at the end, with the page still gliding. */
static uint64_t leave_traces(struct session *s, uint64_t t)
{
    t = start_visit(s, t);
    tap(s, go(FX_Q), t += 200);     /* a choice on a question page */
    tap(s, go(FX_A1), t += 200);    /* into a topic */
    session_set_scroll_max(s, 900); /* a long page, as its layout would say */
    ev(s, INPUT_DOWN, 400, 400, NONE, t += 200);
    ev(s, INPUT_MOVE, 400, 300, NONE, t + 20);
    ev(s, INPUT_UP, 400, 250, NONE, t + 40);
    session_tick(s, t += 100);
    tap(s, button(ACTION_NEXT), t += 1000); /* history remembers A1 and where it was scrolled */
    ev(s, INPUT_DOWN, 600, 240, NONE, t += 200); /* a swipe to the next page */
    ev(s, INPUT_MOVE, 400, 245, NONE, t + 30);
    ev(s, INPUT_UP, 300, 250, NONE, t + 60);
    tap(s, button(ACTION_HELP), t += 300);
    ev(s, INPUT_DOWN, 700, 440, button(ACTION_BACK), t += 200); /* held: drawn pressed */
    CHECK_INT(s->visit.pressed.action, ACTION_BACK);
    ev(s, INPUT_UP, 700, 440, button(ACTION_BACK), t += 900);
    session_set_scroll_max(s, 900);
    ev(s, INPUT_DOWN, 400, 400, NONE, t += 200); /* a fling: the page glides on */
    ev(s, INPUT_MOVE, 400, 250, NONE, t + 20);
    ev(s, INPUT_UP, 400, 150, NONE, t + 40);
    t += 40;
    session_tick(s, t += SESSION_FRAME_MS);
    CHECK(s->visit.depth >= 3);
    CHECK(s->visit.scroll > 0 && s->visit.velocity != 0);
    return t;
}

static void test_nothing_left_after_idle_reset(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = leave_traces(&s, 1000);
    /* Walks away: the glide stops, the countdown appears and runs out. */
    while (!s.visit.countdown) {
        session_tick(&s, t += 500);
    }
    CHECK(s.visit.countdown_start != 0);
    session_tick(&s, t += 3000);
    CHECK(s.visit.countdown && s.screen == SCREEN_PAGE);
    session_tick(&s, t += 10000);
    CHECK(session_is_fresh(&s, c, "after an idle reset"));
}

/* After quick exit, only what the cover itself needs differs from a fresh session: the screen
 * and when the cover appeared (so it can give way), and the finger while it is still down. */
static bool fresh_but_cover(const struct session *s, const struct content *c, uint64_t shown,
                            const char *what)
{
    struct session fresh;
    session_init(&fresh, c, W, H);
    fresh.screen = SCREEN_COVER;
    fresh.visit.last_activity = shown;
    if (s->pointer.down) {
        fresh.pointer = s->pointer;
        CHECK_INT(s->pointer.hit.action, ACTION_QUICK_EXIT); /* and only the Quick exit touch */
    }
    return same_session(s, &fresh, what);
}

static void test_nothing_left_after_quick_exit(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    /* Quick exit while the page glides; the cover goes at the next tap. */
    uint64_t t = leave_traces(&s, 1000);
    ev(&s, INPUT_DOWN, 790, 10, button(ACTION_QUICK_EXIT), t += 5);
    CHECK(fresh_but_cover(&s, c, t, "quick exit, finger still down"));
    ev(&s, INPUT_UP, 790, 10, button(ACTION_QUICK_EXIT), t + 80);
    CHECK(fresh_but_cover(&s, c, t, "quick exit, finger lifted"));
    tap(&s, go(FX_A1), t += 2000);
    CHECK(session_is_fresh(&s, c, "quick exit, then a tap on the cover"));

    /* Quick exit while the countdown shows; the cover goes by itself. */
    t = leave_traces(&s, t + 1000);
    while (!s.visit.countdown) {
        session_tick(&s, t += 500);
    }
    session_tick(&s, t += 2000);
    ev(&s, INPUT_DOWN, 790, 10, button(ACTION_QUICK_EXIT), t += 100);
    uint64_t shown = t;
    ev(&s, INPUT_UP, 790, 10, button(ACTION_QUICK_EXIT), t += 300);
    CHECK(fresh_but_cover(&s, c, shown, "quick exit during the countdown"));
    CHECK(session_tick(&s, shown + 60000));
    CHECK(session_is_fresh(&s, c, "quick exit, then the cover's own time out"));
}

/* Staff mode leaves nothing either, however it ends. */
static void test_nothing_left_after_staff_mode(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    uint64_t t = leave_traces(&s, 1000);
    session_tick(&s, t += 1000);
    ev(&s, INPUT_DOWN, 5, 5, NONE, t += 100);
    session_tick(&s, t += SESSION_STAFF_HOLD_MS);
    CHECK_INT(s.screen, SCREEN_STAFF_PIN);
    ev(&s, INPUT_UP, 5, 5, NONE, t += 100);
    t += 200;
    type(&s, "1111", &t); /* a wrong PIN: counted and shown */
    type(&s, "25", &t);   /* half a PIN, then nobody there */
    CHECK(s.staff.failures == 1 && s.staff.entered[0] != '\0');
    session_tick(&s, t + 60000);
    CHECK(session_is_fresh(&s, c, "staff PIN pad closed by itself"));

    /* In, the touch test and the clean screen, then Close. */
    t += 100000;
    ev(&s, INPUT_DOWN, 5, 5, NONE, t);
    session_tick(&s, t += SESSION_STAFF_HOLD_MS);
    ev(&s, INPUT_UP, 5, 5, NONE, t += 100);
    t += 200;
    type(&s, "2580", &t);
    CHECK_INT(s.screen, SCREEN_STAFF);
    tap(&s, button(ACTION_STAFF_TOUCH_TEST), t += 200);
    ev(&s, INPUT_DOWN, 321, 123, NONE, t += 200);
    ev(&s, INPUT_UP, 321, 123, NONE, t += 100);
    CHECK(s.staff.touches == 1);
    tap(&s, button(ACTION_STAFF_BACK), t += 200);
    tap(&s, button(ACTION_STAFF_CLEAN), t += 200);
    session_tick(&s, t += SESSION_CLEAN_MS + 100);
    CHECK_INT(s.screen, SCREEN_STAFF);
    tap(&s, button(ACTION_STAFF_CLOSE), t += 200);
    CHECK(session_is_fresh(&s, c, "staff mode closed with Close"));
}

int main(void)
{
    struct content *c = fixture_content();
    test_welcome_tap_starts_only(c);
    test_navigation(c);
    test_history_is_bounded(c);
    test_idle_countdown_reset(c);
    test_continue(c);
    test_finger_held_over_deadline(c);
    test_quick_exit(c);
    test_swipes(c);
    test_scroll_and_glide(c);
    test_reset_after_anything(c);
    test_opening_hours(c);
    test_staff_off_without_pin(c);
    c->staff_pin = xstrdup("2580");
    test_staff_gesture(c);
    test_staff_pin(c);
    test_nothing_left_after_idle_reset(c);
    test_nothing_left_after_quick_exit(c);
    test_nothing_left_after_staff_mode(c);
    content_destroy(c);
    return check_summary("test_session");
}

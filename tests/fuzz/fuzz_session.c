/* Fuzzes the session state machine: random sequences of finger down / move / up / cancel (on
 * buttons found by the real layout, or on any action and target at all), time steps from zero
 * to years (and straight to the next deadline), ticks, resizes, scroll limits, resets, previews
 * and opening hours, on a small content built in code or on tests/data/sample.cfg.
 *
 * Input: 11 bytes of set-up (content, idle and countdown times, screen, text measurer, start
 * time), then one operation per byte followed by its arguments (see `enum op`).
 *
 * After every step: the page, history and scroll are in range; the countdown shows only over a
 * page; on the welcome, cover and black screens, and in staff mode, the visit is byte for byte
 * a fresh one (only the time of the last touch, and the pad key under a finger, may differ);
 * out of staff mode nothing of staff mode is kept; a step that says nothing changed changed
 * nothing on screen; a second finger, a move or lift with no finger down, a tick under a
 * resting finger change nothing; a swallowed touch never navigates; quick exit always blanks at
 * once; and session_deadline is exact: a tick before it does nothing, a tick at it acts, and
 * with no deadline nothing happens however long the kiosk waits. */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "config_reader.h"
#include "content.h"
#include "fixture.h"
#include "fuzz_common.h"
#include "layout.h"
#include "live.h"
#include "schedule.h"
#include "session.h"

#define MAX_STEPS 4096
#define TIME_LIMIT (UINT64_C(1) << 50) /* 35,000 years of milliseconds: past any real uptime */
#define YEARS_10 (UINT64_C(10) * 366 * 24 * 3600 * 1000)

enum op {
    OP_DOWN,
    OP_MOVE,
    OP_UP,
    OP_CANCEL,
    OP_TICK,
    OP_WAIT_MS,     /* 0 to 255 ms */
    OP_WAIT_LONG,   /* 0 to 65 s */
    OP_WAIT_HUGE,   /* 0 to 136 years */
    OP_TO_DEADLINE, /* to the deadline, or a millisecond either side, then tick */
    OP_FRAMES,      /* the app's loop: sleep to each deadline and tick, up to 63 times */
    OP_GESTURE,     /* down, a few moves a few ms apart, up: drags, flings, swipes */
    OP_SCROLL_MAX,
    OP_SCREEN_SIZE,
    OP_RELAYOUT,
    OP_RESET,
    OP_PREVIEW,
    OP_OPEN,
    OP_COUNT
};

static struct content *contents[2];
static int n_contents;
static bool trace; /* FUZZ_TRACE=1: print every step, to read a saved crash */

static const char *const op_names[OP_COUNT] = {
    "down",        "move",      "up",          "cancel",  "tick",    "wait-ms",
    "wait-long",   "wait-huge", "to-deadline", "frames",  "gesture", "scroll-max",
    "screen-size", "relayout",  "reset",       "preview", "open",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    trace = getenv("FUZZ_TRACE") != NULL;
    contents[n_contents++] = fixture_content();
    struct diag_list diags;
    const char *path = KIOSK_SOURCE_DIR "/tests/data/sample.cfg";
    diag_init(&diags, path);
    struct content *sample = config_load(path, KIOSK_SOURCE_DIR "/assets", &diags);
    if (sample) {
        contents[n_contents++] = sample;
    } else {
        fprintf(stderr, "fuzz_session: %s does not load; fuzzing the built-in content only\n",
                path);
    }
    diag_finish(&diags);
    return 0;
}

struct harness {
    struct content *c;
    struct live live; /* the kiosk's loop: its session and layout are the ones fuzzed */
    struct fake_metrics fm;
    struct text_metrics m;
    int w, h;
    uint64_t now;
    bool dirty;      /* the layout no longer shows the session */
    bool off_screen; /* events may land outside the screen (a mouse dragged out of a window) */
    struct bytes in;
};

static bool page_ok(const struct content *c, int page)
{
    return page >= 0 && page < c->n_pages;
}

/* What the screen shows: a step that returns false must leave all of this alone, or the app,
 * which redraws only on true, would show something stale. */
struct seen {
    enum session_screen screen;
    int page, next, countdown_seconds;
    bool back, countdown;
    struct hit pressed;
    double scroll;
    char entered[sizeof(((struct session_staff *)0)->entered)];
    bool wrong, touch_seen;
    int touch_x, touch_y, touches, clean_seconds;
};

static struct seen seen_of(const struct session *s)
{
    struct seen v;
    memset(&v, 0, sizeof(v));
    v.screen = s->screen;
    v.page = s->visit.page;
    v.next = session_next_page(s);
    v.back = session_can_go_back(s);
    v.countdown = s->visit.countdown;
    v.countdown_seconds = s->visit.countdown_seconds;
    v.pressed = s->visit.pressed;
    v.scroll = s->visit.scroll;
    memcpy(v.entered, s->staff.entered, sizeof(v.entered));
    v.wrong = s->staff.wrong;
    v.touch_seen = s->staff.touch_seen;
    v.touch_x = s->staff.touch_x;
    v.touch_y = s->staff.touch_y;
    v.touches = s->staff.touches;
    v.clean_seconds = s->staff.clean_seconds;
    return v;
}

static void check_unchanged_if_quiet(bool changed, const struct seen *before,
                                     const struct session *s, const char *what)
{
    if (changed) {
        return;
    }
    struct seen after = seen_of(s);
    FUZZ_CHECK(memcmp(before, &after, sizeof(after)) == 0,
               "%s returned false but the screen changed (screen %d -> %d, page %d -> %d, "
               "scroll %g -> %g)",
               what, (int)before->screen, (int)after.screen, before->page, after.page,
               before->scroll, after.scroll);
}

/* The visit equals a fresh session's, byte for byte, except the fields named. */
static void check_fresh_visit(const struct harness *H, bool but_last_activity, bool but_pressed)
{
    struct session fresh;
    session_init(&fresh, H->c, H->w, H->h);
    struct session_visit v;
    memcpy(&v, &H->live.session.visit, sizeof(v));
    if (H->live.session.screen == SCREEN_WELCOME) {
        /* The welcome screen may hold a language and a text size, and nothing else. */
        FUZZ_CHECK(v.lang >= 0 && v.lang < H->c->n_languages, "language %d of %d", v.lang,
                   H->c->n_languages);
        FUZZ_CHECK(v.text_scale >= 0 && v.text_scale < SESSION_TEXT_SCALES, "text size %d",
                   v.text_scale);
        v.lang = 0;
        v.text_scale = 0;
    }
    if (but_last_activity) {
        v.last_activity = fresh.visit.last_activity;
    }
    if (but_pressed) {
        v.pressed = fresh.visit.pressed;
    }
    FUZZ_CHECK(memcmp(&v, &fresh.visit, sizeof(v)) == 0,
               "screen %d keeps part of a visit (page %d, depth %d, scroll %g, countdown %d)",
               (int)H->live.session.screen, v.page, v.depth, v.scroll, (int)v.countdown);
}

/* session_deadline is exact: nothing happens before it, something at it, nothing ever without
 * one. Tried on copies, so the run itself goes on undisturbed. */
static void check_deadline(const struct harness *H)
{
    const struct session *s = &H->live.session;
    if (s->visit.velocity != 0) {
        /* Gliding asks for frames; each frame moves the page, so "nothing before" does not
         * apply. It must still ask soon. */
        FUZZ_CHECK(session_deadline(s) <= s->visit.glide_time + SESSION_FRAME_MS,
                   "a gliding page asks for its next frame at %llu, last frame %llu",
                   (unsigned long long)session_deadline(s),
                   (unsigned long long)s->visit.glide_time);
        return;
    }
    uint64_t d = session_deadline(s);
    struct session copy;
    if (d == SESSION_NO_DEADLINE) {
        memcpy(&copy, s, sizeof(copy));
        bool acted = session_tick(&copy, H->now + YEARS_10);
        FUZZ_CHECK(!acted && memcmp(&copy, s, sizeof(copy)) == 0,
                   "no deadline on screen %d, yet a tick ten years on acts", (int)s->screen);
        return;
    }
    if (d > H->now) {
        uint64_t t = H->now + (d - H->now - 1) / 2;
        memcpy(&copy, s, sizeof(copy));
        bool acted = session_tick(&copy, t);
        FUZZ_CHECK(!acted && memcmp(&copy, s, sizeof(copy)) == 0,
                   "screen %d: a tick at %llu, before the deadline %llu, acts", (int)s->screen,
                   (unsigned long long)t, (unsigned long long)d);
        memcpy(&copy, s, sizeof(copy));
        acted = session_tick(&copy, d - 1);
        FUZZ_CHECK(!acted && memcmp(&copy, s, sizeof(copy)) == 0,
                   "screen %d: a tick just before the deadline %llu acts", (int)s->screen,
                   (unsigned long long)d);
    }
    memcpy(&copy, s, sizeof(copy));
    uint64_t at = d > H->now ? d : H->now;
    FUZZ_CHECK(session_tick(&copy, at), "screen %d: the deadline %llu passes and nothing happens",
               (int)s->screen, (unsigned long long)d);
}

/* Everything that must hold between any two steps. */
static void check_session(const struct harness *H)
{
    const struct session *s = &H->live.session;
    const struct content *c = H->c;
    const struct session_visit *v = &s->visit;
    FUZZ_CHECK(s->screen >= SCREEN_WELCOME && s->screen <= FUZZ_LAST_SCREEN, "screen %d",
               (int)s->screen);
    FUZZ_CHECK(s->content == c, "content pointer changed");
    FUZZ_CHECK(page_ok(c, v->page), "page %d of %d", v->page, c->n_pages);
    FUZZ_CHECK(v->depth >= 0 && v->depth <= SESSION_HISTORY, "depth %d", v->depth);
    for (int i = 0; i < v->depth; i++) {
        FUZZ_CHECK(page_ok(c, v->history[i]) && v->history_scroll[i] >= 0,
                   "history[%d] = page %d at %d", i, v->history[i], v->history_scroll[i]);
    }
    FUZZ_CHECK(s->scroll_max >= 0, "scroll_max %d", s->scroll_max);
    FUZZ_CHECK(isfinite(v->scroll) && isfinite(v->velocity), "scroll %g, velocity %g", v->scroll,
               v->velocity);
    FUZZ_CHECK(v->scroll >= 0 && v->scroll <= s->scroll_max, "scroll %g of %d", v->scroll,
               s->scroll_max);
    FUZZ_CHECK(v->velocity == 0 || (s->screen == SCREEN_PAGE && !v->countdown),
               "gliding at %g on screen %d, countdown %d", v->velocity, (int)s->screen,
               (int)v->countdown);
    if (v->countdown) {
        FUZZ_CHECK(s->screen == SCREEN_PAGE, "the countdown shows on screen %d", (int)s->screen);
        FUZZ_CHECK(v->countdown_seconds >= 1 && v->countdown_seconds <= c->settings.reset_countdown,
                   "the countdown shows %d s of %d", v->countdown_seconds,
                   c->settings.reset_countdown);
    } else {
        FUZZ_CHECK(v->countdown_seconds == 0 && v->countdown_start == 0,
                   "no countdown, yet it shows %d s from %llu", v->countdown_seconds,
                   (unsigned long long)v->countdown_start);
    }
    FUZZ_CHECK(v->pressed.action >= ACTION_NONE && v->pressed.action <= FUZZ_LAST_ACTION,
               "pressed action %d", (int)v->pressed.action);
    FUZZ_CHECK(s->pointer.samples >= 0 && s->pointer.samples <= 4, "%d samples",
               s->pointer.samples);
    switch (s->screen) {
    case SCREEN_PAGE:
        break;
    case SCREEN_WELCOME:
    case SCREEN_COVER:
        check_fresh_visit(H, true, false);
        break;
    default: /* black, or one of staff mode's screens */
        check_fresh_visit(H, true, session_in_staff_mode(s));
        break;
    }
    FUZZ_CHECK(s->screen != SCREEN_ASLEEP || !s->open, "black inside opening hours");
    if (!session_in_staff_mode(s)) {
        static const struct session_staff zero;
        FUZZ_CHECK(memcmp(&s->staff, &zero, sizeof(zero)) == 0,
                   "staff mode is over but its state is kept (typed %zu digits, %d touches)",
                   strlen(s->staff.entered), s->staff.touches);
    }
    int next = session_next_page(s);
    FUZZ_CHECK(next == CONTENT_NONE || page_ok(c, next), "next page %d", next);
    FUZZ_CHECK(!session_can_go_back(s) || s->screen == SCREEN_PAGE, "Back on screen %d",
               (int)s->screen);
    check_deadline(H);
}

static void relayout(struct harness *H)
{
    live_redraw(&H->live); /* laid out again even if the session shows the same */
    live_layout(&H->live);
    bool marks = false;
    marks =
        H->live.session.screen == SCREEN_STAFF_TOUCH; /* its cross hairs run through the touch */
    fuzz_check_layout(&H->live.layout, H->c, &H->m, H->w, H->h, true, marks);
    H->dirty = false;
}

static void set_screen_size(struct harness *H, int which)
{
    H->w = fuzz_screens[which].w;
    H->h = fuzz_screens[which].h;
    H->m = fake_metrics_init(&H->fm, H->fm.mode, H->w, H->h, H->c->theme.text_size);
    H->dirty = true;
}

static void wait(struct harness *H, uint64_t ms)
{
    H->now = ms > TIME_LIMIT - H->now ? TIME_LIMIT : H->now + ms;
}

static void point(struct harness *H, int *x, int *y)
{
    uint8_t how = take_u8(&H->in);
    if (how % 8 == 0) {
        /* Near the top-left corner, where a long hold opens staff mode. */
        int m = (H->w < H->h ? H->w : H->h) / 5;
        *x = take_range(&H->in, 0, m);
        *y = take_range(&H->in, 0, m);
    } else if (H->off_screen) {
        *x = take_range(&H->in, -H->w / 2, H->w + H->w / 2);
        *y = take_range(&H->in, -H->h / 2, H->h + H->h / 2);
    } else {
        *x = take_range(&H->in, 0, H->w - 1);
        *y = take_range(&H->in, 0, H->h - 1);
    }
}

/* What the finger lands on: mostly what the real layout has there, as the app does; otherwise
 * any action with any target (the session range-checks them itself). */
static struct hit hit_at(struct harness *H, int x, int y)
{
    uint8_t how = take_u8(&H->in);
    if (how % 4 < 2) {
        if (H->dirty) {
            relayout(H);
        }
        return layout_hit_test(&H->live.layout, x, y, (int)lround(H->live.session.visit.scroll));
    }
    if (how % 4 == 2) {
        return (struct hit){ACTION_NONE, CONTENT_NONE};
    }
    struct hit hit;
    hit.action = (enum session_action)(take_u8(&H->in) % (FUZZ_LAST_ACTION + 1));
    uint8_t t = take_u8(&H->in);
    switch (t % 4) {
    case 0:
        hit.target = CONTENT_NONE;
        break;
    case 1:
        hit.target = take_u8(&H->in) % H->c->n_pages;
        break;
    case 2:
        hit.target = take_u8(&H->in) % 10; /* a PIN pad digit */
        break;
    default:
        hit.target = (int)take_u32(&H->in);
        break;
    }
    return hit;
}

static void event(struct harness *H, enum session_input kind, int x, int y, struct hit hit)
{
    struct session before;
    memcpy(&before, &H->live.session, sizeof(before));
    struct seen seen = seen_of(&H->live.session);
    struct session_event ev = {kind, x, y, hit};
    bool changed = live_event(&H->live, &ev, H->now);
    const struct session *s = &H->live.session;
    check_unchanged_if_quiet(changed, &seen, s, "session_handle");
    bool down = before.pointer.down;
    if (kind == INPUT_DOWN && down) {
        FUZZ_CHECK(!changed && memcmp(&before, s, sizeof(before)) == 0,
                   "a second finger changed the session");
    }
    if ((kind == INPUT_MOVE || kind == INPUT_UP) && !down) {
        FUZZ_CHECK(!changed && memcmp(&before, s, sizeof(before)) == 0,
                   "a move or lift with no finger down changed the session");
    }
    if ((kind == INPUT_MOVE || kind == INPUT_UP) && down && before.pointer.swallowed) {
        FUZZ_CHECK(!changed && s->screen == before.screen && s->visit.page == before.visit.page,
                   "a swallowed touch went from screen %d page %d to screen %d page %d",
                   (int)before.screen, before.visit.page, (int)s->screen, s->visit.page);
    }
    if (kind == INPUT_DOWN && !down) {
        if (before.screen == SCREEN_PAGE && hit.action == ACTION_QUICK_EXIT) {
            FUZZ_CHECK(changed && s->screen == SCREEN_COVER && s->visit.last_activity == H->now,
                       "quick exit from page %d shows screen %d", before.visit.page,
                       (int)s->screen);
        }
        bool choice =
            hit.action == ACTION_TEXT_SIZE ||
            (hit.action == ACTION_LANGUAGE && hit.target >= 0 && hit.target < H->c->n_languages);
        if (before.screen == SCREEN_WELCOME && choice) {
            FUZZ_CHECK(changed && s->screen == SCREEN_WELCOME && s->pointer.swallowed,
                       "a language or A+ on the welcome screen shows screen %d", (int)s->screen);
        } else if (before.screen == SCREEN_WELCOME) {
            FUZZ_CHECK(changed && s->screen == SCREEN_PAGE && s->visit.page == H->c->menu &&
                           s->pointer.swallowed,
                       "a touch on the welcome screen shows screen %d page %d", (int)s->screen,
                       s->visit.page);
        }
    }
    if (kind == INPUT_UP || kind == INPUT_CANCEL) {
        FUZZ_CHECK(!s->pointer.down, "the finger is still down after it lifted");
    }
    H->dirty = H->dirty || changed;
}

static void tick(struct harness *H)
{
    struct session before;
    memcpy(&before, &H->live.session, sizeof(before));
    struct seen seen = seen_of(&H->live.session);
    bool changed = session_tick(&H->live.session, H->now);
    check_unchanged_if_quiet(changed, &seen, &H->live.session, "session_tick");
    bool resting = before.pointer.down;
    resting = resting && !before.pointer.corner && before.screen != SCREEN_STAFF_CLEAN;
    /* A finger holds every timer off, unless it has lain perfectly still for as long as a
     * visit takes to time out: then the visit is wiped and the rest of the touch ignored. */
    bool stuck =
        resting && H->now >= before.pointer.moved_at + before.idle_ms + before.countdown_ms;
    if (resting && !stuck) {
        FUZZ_CHECK(!changed && memcmp(&before, &H->live.session, sizeof(before)) == 0,
                   "a timer ran out under a finger on screen %d", (int)before.screen);
    }
    if (stuck && changed) {
        FUZZ_CHECK(
            (H->live.session.screen == SCREEN_WELCOME || H->live.session.screen == SCREEN_ASLEEP) &&
                H->live.session.pointer.swallowed,
            "a resting touch timed out to screen %d", (int)H->live.session.screen);
    }
    H->dirty = H->dirty || changed;
}

static void gesture(struct harness *H)
{
    int x, y;
    point(H, &x, &y);
    event(H, INPUT_DOWN, x, y, hit_at(H, x, y));
    check_session(H);
    int moves = take_u8(&H->in) % 12;
    int scale = 1 + take_u8(&H->in) % 16;
    for (int i = 0; i < moves; i++) {
        wait(H, take_u8(&H->in) % 40);
        x += (int8_t)take_u8(&H->in) * scale;
        y += (int8_t)take_u8(&H->in) * scale;
        event(H, INPUT_MOVE, x, y, (struct hit){ACTION_NONE, CONTENT_NONE});
        check_session(H);
    }
    wait(H, take_u8(&H->in) % 40);
    event(H, INPUT_UP, x, y, (struct hit){ACTION_NONE, CONTENT_NONE});
}

static void step(struct harness *H, enum op op)
{
    int x, y;
    switch (op) {
    case OP_DOWN:
        point(H, &x, &y);
        event(H, INPUT_DOWN, x, y, hit_at(H, x, y));
        break;
    case OP_MOVE:
    case OP_UP: {
        int scale = 1 + take_u8(&H->in) % 32;
        x = H->live.session.pointer.x + (int8_t)take_u8(&H->in) * scale;
        y = H->live.session.pointer.y + (int8_t)take_u8(&H->in) * scale;
        if (!H->off_screen) {
            x = x < 0 ? 0 : x >= H->w ? H->w - 1 : x;
            y = y < 0 ? 0 : y >= H->h ? H->h - 1 : y;
        }
        event(H, op == OP_MOVE ? INPUT_MOVE : INPUT_UP, x, y,
              (struct hit){ACTION_NONE, CONTENT_NONE});
        break;
    }
    case OP_CANCEL:
        event(H, INPUT_CANCEL, 0, 0, (struct hit){ACTION_NONE, CONTENT_NONE});
        break;
    case OP_TICK:
        tick(H);
        break;
    case OP_WAIT_MS:
        wait(H, take_u8(&H->in));
        break;
    case OP_WAIT_LONG:
        wait(H, take_u16(&H->in));
        break;
    case OP_WAIT_HUGE:
        wait(H, (uint64_t)take_u32(&H->in) * 1000u);
        break;
    case OP_TO_DEADLINE: {
        uint64_t d = session_deadline(&H->live.session);
        int off = take_u8(&H->in) % 3 - 1;
        if (d != SESSION_NO_DEADLINE && d < TIME_LIMIT && d > H->now) {
            H->now = d;
            if (off < 0 && d - 1 > H->now) {
                H->now = d - 1;
            }
            wait(H, off > 0 ? 1 : 0);
        }
        tick(H);
        break;
    }
    case OP_FRAMES: {
        /* The kiosk's own loop: sleep to each deadline and step. A step that draws no frame
         * must have left the screen as it was (the loop draws only what changed). */
        int frames = take_u8(&H->in) % 64;
        for (int i = 0; i < frames; i++) {
            uint64_t d = live_deadline(&H->live);
            if (d == LIVE_NO_DEADLINE || d >= TIME_LIMIT) {
                break;
            }
            if (d > H->now) {
                H->now = d;
            }
            struct seen seen = seen_of(&H->live.session);
            unsigned long drawn = H->live.frames;
            bool dirty = H->live.dirty;
            struct live_clock clock = {H->now, (int)((H->now / 60000u) % SCHEDULE_WEEK_MINUTES),
                                       (int)(H->now % 60000u)};
            live_step(&H->live, &clock);
            check_unchanged_if_quiet(dirty || H->live.frames != drawn, &seen, &H->live.session,
                                     "live_step");
            if (H->live.frames != drawn) {
                fuzz_check_layout(&H->live.layout, H->c, &H->m, H->w, H->h, true,
                                  H->live.session.screen == SCREEN_STAFF_TOUCH);
            }
            check_session(H);
        }
        break;
    }
    case OP_GESTURE:
        gesture(H);
        break;
    case OP_SCROLL_MAX: {
        uint8_t how = take_u8(&H->in);
        int v = how % 2 ? take_range(&H->in, -100, 20000) : (int)take_u32(&H->in);
        session_set_scroll_max(&H->live.session, v);
        break;
    }
    case OP_SCREEN_SIZE:
        set_screen_size(H, take_u8(&H->in) % FUZZ_SCREENS);
        live_resize(&H->live, H->w, H->h);
        break;
    case OP_RELAYOUT:
        relayout(H);
        break;
    case OP_RESET:
        session_reset(&H->live.session);
        H->dirty = true;
        FUZZ_CHECK(H->live.session.screen ==
                       (H->live.session.open ? SCREEN_WELCOME : SCREEN_ASLEEP),
                   "a reset shows screen %d", (int)H->live.session.screen);
        check_fresh_visit(H, false, false);
        break;
    case OP_PREVIEW: {
        enum session_screen screen =
            (enum session_screen)(take_u8(&H->in) % (FUZZ_LAST_SCREEN + 1));
        int page = take_range(&H->in, -2, H->c->n_pages + 1);
        bool countdown = take_u8(&H->in) & 1;
        bool staff = screen >= SCREEN_STAFF_PIN && screen <= SCREEN_STAFF_CLEAN;
        if (staff && !H->c->staff_pin) {
            screen = SCREEN_WELCOME; /* staff screens are previewed only with a PIN set */
        }
        if (screen == SCREEN_ASLEEP && H->live.session.open) {
            screen = SCREEN_WELCOME; /* the black screen only outside opening hours */
        }
        if (!H->live.session.pointer.down) { /* previews are drawn with no finger on the glass */
            session_preview(&H->live.session, screen, page, countdown);
            H->dirty = true;
        }
        break;
    }
    case OP_OPEN: {
        struct seen seen = seen_of(&H->live.session);
        bool changed = session_set_open(&H->live.session, take_u8(&H->in) & 1);
        check_unchanged_if_quiet(changed, &seen, &H->live.session, "session_set_open");
        H->dirty = H->dirty || changed;
        break;
    }
    case OP_COUNT:
        break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct harness H;
    struct bytes in = {data, size};
    uint8_t flags = take_u8(&in);
    H.c = contents[(flags & 1) % n_contents];
    /* The built-in content has a PIN or not, so staff mode is both reachable and switched off. */
    static char pin[] = "2580";
    if (H.c == contents[0]) {
        H.c->staff_pin = flags & 2 ? pin : NULL;
    }
    H.off_screen = flags & 4;
    H.c->settings.idle_timeout = take_range(&in, 15, 3600);
    H.c->settings.reset_countdown = take_range(&in, 5, 300);
    H.fm.mode = (enum fake_mode)(take_u8(&in) % FAKE_MODES);
    int screen = take_u8(&in) % FUZZ_SCREENS;
    H.now = take_u32(&in);
    H.in = in;
    set_screen_size(&H, screen);
    struct live_ports ports = {.metrics = &H.m}; /* no drawing, no files: the core alone */
    live_init(&H.live, H.c, &ports, H.w, H.h);
    if (flags & 8) {
        session_set_open(&H.live.session, false); /* starts outside opening hours */
    }
    check_session(&H);
    for (int i = 0; i < MAX_STEPS && H.in.n > 0; i++) {
        enum op op = (enum op)(take_u8(&H.in) % OP_COUNT);
        step(&H, op);
        if (trace) {
            fprintf(stderr, "%s: now %llu screen %d page %d scroll %g/%d finger %d%s\n",
                    op_names[op], (unsigned long long)H.now, (int)H.live.session.screen,
                    H.live.session.visit.page, H.live.session.visit.scroll,
                    H.live.session.scroll_max, (int)H.live.session.pointer.down,
                    H.live.session.pointer.swallowed ? " (swallowed)" : "");
        }
        check_session(&H);
    }
    live_finish(&H.live);
    if (H.c == contents[0]) {
        H.c->staff_pin = NULL; /* not the content's to free */
    }
    return 0;
}

/* The session's visitor side: navigation, taps, drags and flings, and the timers of a visit
 * (idle, countdown, reset, gliding). Staff mode's screens are in session_staff.c; the state
 * both share, and what may be done to it from outside, in session_state.c. */
#include "session.h"

#include "session_staff.h"
#include "session_state.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void wipe_to_cover(struct session *s, uint64_t now)
{
    session_reset(s);
    s->screen = SCREEN_COVER;
    /* The cover only remembers when it appeared, so it can give way to the welcome screen. */
    s->visit.last_activity = now;
}

static const struct hit no_hit = {ACTION_NONE, CONTENT_NONE};

/* Gliding slows like a puck on felt: speed falls by e every GLIDE_TAU_MS. */
#define GLIDE_TAU_MS 325.0
#define GLIDE_MIN_SPEED 20.0  /* px/s below which it stops */
#define FLING_MIN_SPEED 150.0 /* px/s a lifted finger must move at to start a glide */
#define FLING_WINDOW_MS 100   /* only the last moments of a drag say how fast it was */

static void next_text_size(struct session *s)
{
    s->visit.text_scale = (s->visit.text_scale + 1) % SESSION_TEXT_SCALES;
    /* The page reflows: the old scroll offset would land somewhere else in the text. */
    s->visit.scroll = 0;
    s->visit.velocity = 0;
}

bool session_can_go_back(const struct session *s)
{
    return s->screen == SCREEN_PAGE && (s->visit.depth > 0 || s->visit.page != s->content->menu);
}

int session_next_page(const struct session *s)
{
    if (s->screen != SCREEN_PAGE) {
        return CONTENT_NONE;
    }
    const struct page *p = &s->content->pages[s->visit.page];
    if (p->next != CONTENT_NONE) {
        return p->next;
    }
    if (p->topic != CONTENT_NONE) {
        return s->content->menu; /* the end of a topic leads back to the topics */
    }
    return CONTENT_NONE;
}

static void show_page(struct session *s, int page, int scroll)
{
    /* Callers range-check what a button names; a page out of range here is a bug. */
    KIOSK_ASSERT(page >= 0 && page < s->content->n_pages);
    s->visit.page = page;
    s->visit.scroll = scroll;
    s->visit.velocity = 0;
    /* The new page's real limit arrives with its layout; until then allow the restored spot. */
    s->scroll_max = scroll;
}

static void go_to(struct session *s, int page)
{
    if (page == CONTENT_NONE || page == s->visit.page) {
        return;
    }
    if (page == s->content->menu) {
        s->visit.depth = 0; /* the menu is the root: Back from it leads nowhere */
        show_page(s, page, 0);
        return;
    }
    if (s->visit.depth == SESSION_HISTORY) {
        memmove(s->visit.history, s->visit.history + 1,
                (SESSION_HISTORY - 1) * sizeof(s->visit.history[0]));
        memmove(s->visit.history_scroll, s->visit.history_scroll + 1,
                (SESSION_HISTORY - 1) * sizeof(s->visit.history_scroll[0]));
        s->visit.depth--;
    }
    s->visit.history[s->visit.depth] = s->visit.page;
    s->visit.history_scroll[s->visit.depth] = (int)s->visit.scroll;
    s->visit.depth++;
    show_page(s, page, 0);
}

static void go_back(struct session *s)
{
    if (s->visit.depth > 0) {
        s->visit.depth--;
        int page = s->visit.history[s->visit.depth];
        int scroll = s->visit.history_scroll[s->visit.depth];
        s->visit.history[s->visit.depth] = 0;
        s->visit.history_scroll[s->visit.depth] = 0;
        show_page(s, page, scroll);
    } else if (s->visit.page != s->content->menu) {
        show_page(s, s->content->menu, 0);
    }
}

/* Carries out a button or gesture on a page. */
static void act(struct session *s, struct hit hit)
{
    switch (hit.action) {
    case ACTION_BACK:
        go_back(s);
        break;
    case ACTION_NEXT:
        go_to(s, session_next_page(s));
        break;
    case ACTION_HOME:
        go_to(s, s->content->menu);
        break;
    case ACTION_HELP:
        go_to(s, s->content->help_page);
        break;
    case ACTION_GOTO:
        if (hit.target >= 0 && hit.target < s->content->n_pages) {
            go_to(s, hit.target);
        }
        break;
    case ACTION_TEXT_SIZE:
        next_text_size(s);
        break;
    case ACTION_QUICK_EXIT: /* acted on at finger-down, never here */
    case ACTION_CONTINUE:
    case ACTION_NONE:
        break;
    default: /* staff mode's buttons exist only on its own screens */
        break;
    }
}

static void add_sample(struct session_pointer *p, int y, uint64_t now)
{
    if (p->samples == 4) {
        memmove(p->sample_y, p->sample_y + 1, 3 * sizeof(p->sample_y[0]));
        memmove(p->sample_t, p->sample_t + 1, 3 * sizeof(p->sample_t[0]));
        p->samples = 3;
    }
    p->sample_y[p->samples] = y;
    p->sample_t[p->samples] = now;
    p->samples++;
}

/* Finger speed over the last moments of the drag, in px/s (positive = moving down). */
static double finger_speed(const struct session_pointer *p, uint64_t now)
{
    int first = -1;
    for (int i = 0; i < p->samples; i++) {
        if (now - p->sample_t[i] <= FLING_WINDOW_MS) {
            first = i;
            break;
        }
    }
    if (first < 0 || first == p->samples - 1) {
        return 0;
    }
    uint64_t dt = now - p->sample_t[first];
    if (dt == 0) {
        return 0;
    }
    return (double)(p->sample_y[p->samples - 1] - p->sample_y[first]) * 1000.0 / (double)dt;
}

/* Shows `screen` for a touch that only wakes: the rest of that touch is swallowed, so it
 * cannot press the button that appears under the finger. */
static bool wake(struct session *s, enum session_screen screen, uint64_t now)
{
    s->screen = screen;
    s->visit.last_activity = now;
    s->pointer.swallowed = true;
    return true;
}

static bool pointer_down(struct session *s, const struct session_event *ev, uint64_t now)
{
    struct session_pointer *p = &s->pointer;
    memset(p, 0, sizeof(*p));
    p->down = true;
    p->x0 = p->x = ev->x;
    p->y0 = p->y = ev->y;
    p->hit = ev->hit;
    p->scroll0 = s->visit.scroll;
    p->down_at = now;
    p->moved_at = now;
    p->corner = !session_in_staff_mode(s) && session_staff_corner(s, ev->x, ev->y);
    add_sample(p, ev->y, now);

    switch (s->screen) {
    case SCREEN_ASLEEP:
        /* Outside opening hours a touch wakes the welcome screen for one visit, and only
         * that: the waking touch presses nothing. */
        return wake(s, SCREEN_WELCOME, now);
    case SCREEN_STAFF_PIN:
    case SCREEN_STAFF:
    case SCREEN_STAFF_TOUCH:
    case SCREEN_STAFF_CLEAN:
        return session_staff_down(s, ev, now);
    case SCREEN_WELCOME:
        /* A language or "A+" changes the welcome screen itself; anywhere else starts the
         * visit. Either way the touch does that and nothing else. */
        if (ev->hit.action == ACTION_LANGUAGE && ev->hit.target >= 0 &&
            ev->hit.target < s->content->n_languages) {
            s->visit.lang = ev->hit.target;
            return wake(s, SCREEN_WELCOME, now);
        }
        if (ev->hit.action == ACTION_TEXT_SIZE) {
            next_text_size(s);
            return wake(s, SCREEN_WELCOME, now);
        }
        return wake(s, SCREEN_PAGE, now);
    case SCREEN_COVER:
        session_reset(s);
        p->swallowed = true;
        return true;
    case SCREEN_PAGE:
        break;
    }
    s->visit.last_activity = now;
    if (ev->hit.action == ACTION_QUICK_EXIT) {
        wipe_to_cover(s, now);
        p->swallowed = true;
        return true;
    }
    bool changed = false;
    if (s->visit.countdown) {
        /* Any touch means someone is still here; it does not also press what is under it. */
        s->visit.countdown = false;
        s->visit.countdown_start = 0;
        s->visit.countdown_seconds = 0;
        p->swallowed = true;
        return true;
    }
    if (s->visit.velocity != 0) {
        /* A touch stops a gliding page, and is not also a tap. */
        s->visit.velocity = 0;
        p->mode = POINTER_SCROLL;
        changed = true;
    } else {
        changed = session_set_pressed(s, ev->hit);
    }
    return changed;
}

static bool pointer_move(struct session *s, const struct session_event *ev, uint64_t now)
{
    struct session_pointer *p = &s->pointer;
    if (!p->down) {
        return false;
    }
    p->x = ev->x;
    p->y = ev->y;
    p->moved_at = now;
    add_sample(p, ev->y, now);
    int dx = p->x - p->x0, dy = p->y - p->y0;
    if (abs(dx) > session_slop(s) || abs(dy) > session_slop(s)) {
        p->corner = false; /* the staff hold must hold still */
    }
    if (session_in_staff_mode(s)) {
        return session_staff_move(s, ev, now);
    }
    if (s->screen != SCREEN_PAGE) {
        return false;
    }
    s->visit.last_activity = now;
    if (p->swallowed) {
        return false;
    }
    bool changed = false;
    if (p->mode == POINTER_UNDECIDED) {
        if (abs(dy) > session_slop(s) && abs(dy) >= abs(dx)) {
            p->mode = POINTER_SCROLL;
        } else if (abs(dx) > session_slop(s)) {
            p->mode = POINTER_SWIPE;
        }
        if (p->mode != POINTER_UNDECIDED) {
            changed = session_set_pressed(s, no_hit);
        }
    }
    if (p->mode == POINTER_SCROLL) {
        double before = s->visit.scroll;
        s->visit.scroll = p->scroll0 - dy;
        session_clamp_scroll(s);
        changed = changed || s->visit.scroll != before;
    }
    return changed;
}

static bool pointer_up(struct session *s, const struct session_event *ev, uint64_t now)
{
    struct session_pointer *p = &s->pointer;
    if (!p->down) {
        return false;
    }
    p->down = false;
    p->corner = false;
    if (session_in_staff_mode(s)) {
        return session_staff_up(s, ev, now);
    }
    if (s->screen != SCREEN_PAGE) {
        return false;
    }
    s->visit.last_activity = now; /* the idle clock starts when the finger lifts */
    if (p->swallowed) {
        return false;
    }
    p->x = ev->x;
    p->y = ev->y;
    add_sample(p, ev->y, now);
    bool changed = session_set_pressed(s, no_hit);
    int page = s->visit.page;
    int dx = p->x - p->x0;
    int swipe_min = s->width * 12 / 100;
    switch (p->mode) {
    case POINTER_UNDECIDED:
        act(s, p->hit);
        break;
    case POINTER_SWIPE:
        /* A short sideways flick is a swipe too; a long slow drag also counts. */
        if (abs(dx) >= swipe_min && abs(dx) > 2 * abs(p->y - p->y0)) {
            /* Pages turn the way the language reads: right to left, the next lies left. */
            bool rtl = content_language(s->content, s->visit.lang)->rtl;
            bool forward = rtl ? dx > 0 : dx < 0;
            struct hit h = {forward ? ACTION_NEXT : ACTION_BACK, CONTENT_NONE};
            act(s, h);
        }
        break;
    case POINTER_SCROLL: {
        double v = -finger_speed(p, now);
        if (fabs(v) >= FLING_MIN_SPEED && s->scroll_max > 0 && s->content->theme.animations) {
            s->visit.velocity = v;
            s->visit.glide_time = now;
            changed = true;
        }
        break;
    }
    }
    return changed || page != s->visit.page;
}

bool session_handle(struct session *s, const struct session_event *ev, uint64_t now)
{
    switch (ev->kind) {
    case INPUT_DOWN:
        if (s->pointer.down) {
            return false; /* a second finger: the kiosk follows one at a time */
        }
        return pointer_down(s, ev, now);
    case INPUT_MOVE:
        return pointer_move(s, ev, now);
    case INPUT_UP: {
        bool changed = pointer_up(s, ev, now);
        /* The pointer remembers only the touch in progress: once the finger lifts, where it
         * went and what it pressed are forgotten, so nothing of a visit outlives its reset. */
        memset(&s->pointer, 0, sizeof(s->pointer));
        return changed;
    }
    case INPUT_CANCEL: {
        bool was = s->pointer.down;
        memset(&s->pointer, 0, sizeof(s->pointer));
        return was && session_set_pressed(s, no_hit);
    }
    }
    return false;
}

static int seconds_left(const struct session *s, uint64_t now)
{
    uint64_t elapsed = now - s->visit.countdown_start;
    if (elapsed >= s->countdown_ms) {
        return 0;
    }
    return (int)((s->countdown_ms - elapsed + 999) / 1000);
}

static bool glide(struct session *s, uint64_t now)
{
    if (s->visit.velocity == 0) {
        return false;
    }
    double dt = (double)(now - s->visit.glide_time);
    s->visit.glide_time = now;
    double before = s->visit.scroll;
    /* Exact integral of an exponentially decaying speed, so the result is the same whatever
     * the frame rate. */
    double decay = exp(-dt / GLIDE_TAU_MS);
    s->visit.scroll += s->visit.velocity * GLIDE_TAU_MS / 1000.0 * (1.0 - decay);
    s->visit.velocity *= decay;
    if (fabs(s->visit.velocity) < GLIDE_MIN_SPEED) {
        s->visit.velocity = 0;
    }
    session_clamp_scroll(s);
    if (s->visit.velocity == 0) {
        s->visit.glide_time = 0;
    }
    return s->visit.scroll != before || s->visit.velocity == 0;
}

/* A touch held on a visitor's screen: the only kind that could pin a visit on screen. */
static bool stuck(const struct session *s)
{
    return s->pointer.down && !s->pointer.corner &&
           (s->screen == SCREEN_PAGE || s->screen == SCREEN_COVER || session_welcome_touched(s));
}

static uint64_t stuck_deadline(const struct session *s)
{
    return s->pointer.moved_at + s->idle_ms + s->countdown_ms;
}

bool session_tick(struct session *s, uint64_t now)
{
    if (s->pointer.down && s->pointer.corner && now - s->pointer.down_at >= SESSION_STAFF_HOLD_MS) {
        s->pointer.corner = false;
        s->pointer.swallowed = true; /* lifting the finger must not press a key of the pad */
        if (session_staff_locked(s, now)) {
            /* Too many wrong PINs lately: the hold opens nothing, and the rest of that touch
             * does nothing either (the touch changed, which is what a deadline promises). */
            return true;
        }
        session_staff_open(s, now);
        return true;
    }
    if (stuck(s) && now >= stuck_deadline(s)) {
        /* Something has rested on the glass, perfectly still, for as long as a visit takes to
         * time out: a bag, a sleeve, a touch whose lift was lost. The visit is wiped as if
         * the visitor had walked away; the rest of that touch does nothing. */
        session_reset(s);
        s->pointer.swallowed = true;
        s->pointer.corner = false;
        s->pointer.moved_at = now;
        return true;
    }
    if (s->pointer.down && s->screen != SCREEN_STAFF_CLEAN) {
        /* A finger on the glass means someone is there: no timer runs out under it. */
        return false;
    }
    if (s->screen == SCREEN_WELCOME) {
        /* Woken outside opening hours, or left with a visitor's language or text size: after
         * the idle time, back to a fresh screen (black outside opening hours). */
        if ((!s->open || session_welcome_touched(s)) &&
            now - s->visit.last_activity >= s->idle_ms) {
            session_reset(s);
            return true;
        }
        return false;
    }
    if (s->screen == SCREEN_ASLEEP) {
        return false;
    }
    if (session_in_staff_mode(s)) {
        return session_staff_tick(s, now);
    }
    if (s->screen == SCREEN_COVER) {
        if (now - s->visit.last_activity >= s->idle_ms) {
            session_reset(s);
            return true;
        }
        return false;
    }
    bool changed = glide(s, now);
    if (!s->visit.countdown) {
        if (now - s->visit.last_activity >= s->idle_ms) {
            s->visit.countdown = true;
            s->visit.countdown_start = now;
            s->visit.countdown_seconds = seconds_left(s, now);
            s->visit.velocity = 0;
            s->visit.glide_time = 0;
            return true;
        }
        return changed;
    }
    int left = seconds_left(s, now);
    if (left == 0) {
        session_reset(s);
        return true;
    }
    if (left != s->visit.countdown_seconds) {
        s->visit.countdown_seconds = left;
        changed = true;
    }
    return changed;
}

uint64_t session_deadline(const struct session *s)
{
    if (s->pointer.down && s->pointer.corner) {
        return s->pointer.down_at + SESSION_STAFF_HOLD_MS;
    }
    if (stuck(s)) {
        return stuck_deadline(s);
    }
    if (s->pointer.down && s->screen != SCREEN_STAFF_CLEAN) {
        return SESSION_NO_DEADLINE;
    }
    if (s->screen == SCREEN_WELCOME) {
        return s->open && !session_welcome_touched(s) ? SESSION_NO_DEADLINE
                                                      : s->visit.last_activity + s->idle_ms;
    }
    if (s->screen == SCREEN_ASLEEP) {
        return SESSION_NO_DEADLINE;
    }
    if (session_in_staff_mode(s)) {
        return session_staff_deadline(s);
    }
    if (s->screen == SCREEN_COVER) {
        return s->visit.last_activity + s->idle_ms;
    }
    uint64_t deadline = SESSION_NO_DEADLINE;
    if (s->visit.velocity != 0) {
        deadline = s->visit.glide_time + SESSION_FRAME_MS;
    }
    uint64_t timer;
    if (!s->visit.countdown) {
        timer = s->visit.last_activity + s->idle_ms;
    } else {
        /* The next moment the number on the overlay changes, or the reset itself. */
        uint64_t end = s->visit.countdown_start + s->countdown_ms;
        timer =
            end -
            (uint64_t)(s->visit.countdown_seconds > 0 ? s->visit.countdown_seconds - 1 : 0) * 1000u;
    }
    return timer < deadline ? timer : deadline;
}

/* Staff mode: a PIN pad reached by holding the top-left corner, then a menu with the kiosk's
 * status, a touch test, a clean-screen mode and "reload content now". Nothing of a visit is
 * visible from here (opening the pad wipes the visit), and leaving wipes staff mode's own
 * state too. */
#include <stdlib.h>
#include <string.h>

#include "session_staff.h"
#include "session_state.h"

bool session_staff_locked(const struct session *s, uint64_t now)
{
    return now < s->lockout.until;
}

bool session_staff_corner(const struct session *s, int x, int y)
{
    if (!s->content->staff_pin) {
        return false; /* no PIN in the config: staff mode is off */
    }
    int m = s->width < s->height ? s->width : s->height;
    int size = m * 15 / 100;
    return x < size && y < size;
}

void session_staff_open(struct session *s, uint64_t now)
{
    session_reset(s);
    s->screen = SCREEN_STAFF_PIN;
    s->staff.since = now;
}

static void show(struct session *s, enum session_screen screen, uint64_t now)
{
    s->screen = screen;
    s->staff.since = now;
    s->visit.pressed = (struct hit){ACTION_NONE, CONTENT_NONE};
}

void session_show_staff_menu(struct session *s, uint64_t now)
{
    show(s, SCREEN_STAFF, now);
}

static void type_digit(struct session *s, int digit, uint64_t now)
{
    struct session_staff *st = &s->staff;
    size_t n = strlen(st->entered);
    if (digit < 0 || digit > 9 || n >= sizeof(st->entered) - 1) {
        return;
    }
    st->entered[n] = (char)('0' + digit);
    st->wrong = false;
    const char *pin = s->content->staff_pin;
    if (n + 1 < strlen(pin)) {
        return;
    }
    bool right = strcmp(st->entered, pin) == 0;
    memset(st->entered, 0, sizeof(st->entered));
    if (right) {
        st->failures = 0;
        s->lockout.wrong = 0;
        s->lockout.until = 0;
        show(s, SCREEN_STAFF, now);
        return;
    }
    st->failures++;
    st->wrong = true;
    s->lockout.wrong++;
    if (st->failures >= SESSION_PIN_TRIES) {
        /* Three wrong in a row: whoever it is, the pad closes, and stays shut a while. */
        int rounds = s->lockout.wrong / SESSION_PIN_TRIES;
        uint64_t wait = SESSION_LOCKOUT_MS;
        for (int i = 1; i < rounds && wait < SESSION_LOCKOUT_MAX_MS; i++) {
            wait *= 2;
        }
        s->lockout.until = now + (wait < SESSION_LOCKOUT_MAX_MS ? wait : SESSION_LOCKOUT_MAX_MS);
        session_reset(s);
    }
}

static void act(struct session *s, struct hit hit, uint64_t now)
{
    struct session_staff *st = &s->staff;
    switch (hit.action) {
    case ACTION_KEY:
        type_digit(s, hit.target, now);
        break;
    case ACTION_KEY_ERASE: {
        size_t n = strlen(st->entered);
        if (n > 0) {
            st->entered[n - 1] = '\0';
        }
        st->wrong = false;
        break;
    }
    case ACTION_STAFF_CLOSE:
        session_reset(s);
        break;
    case ACTION_STAFF_TOUCH_TEST:
        st->touch_seen = false;
        st->touches = 0;
        show(s, SCREEN_STAFF_TOUCH, now);
        break;
    case ACTION_STAFF_CLEAN:
        show(s, SCREEN_STAFF_CLEAN, now);
        st->clean_start = now;
        st->clean_seconds = SESSION_CLEAN_MS / 1000;
        break;
    case ACTION_STAFF_RELOAD:
        s->reload_requested = true;
        break;
    case ACTION_STAFF_GO_BACK:
        s->go_back_requested = s->staff_can_go_back;
        break;
    case ACTION_STAFF_BACK:
        show(s, SCREEN_STAFF, now);
        break;
    default:
        break;
    }
}

static void touch_at(struct session *s, int x, int y)
{
    s->staff.touch_seen = true;
    s->staff.touch_x = x;
    s->staff.touch_y = y;
}

bool session_staff_down(struct session *s, const struct session_event *ev, uint64_t now)
{
    if (s->screen == SCREEN_STAFF_CLEAN) {
        s->pointer.swallowed = true; /* the glass is being wiped */
        return false;
    }
    s->staff.since = now;
    if (s->screen == SCREEN_STAFF_TOUCH) {
        s->staff.touches++;
        touch_at(s, ev->x, ev->y);
        session_set_pressed(s, ev->hit);
        return true;
    }
    return session_set_pressed(s, ev->hit);
}

bool session_staff_move(struct session *s, const struct session_event *ev, uint64_t now)
{
    struct session_pointer *p = &s->pointer;
    if (p->swallowed) {
        return false;
    }
    s->staff.since = now;
    bool changed = false;
    if (abs(p->x - p->x0) > session_slop(s) || abs(p->y - p->y0) > session_slop(s)) {
        changed = session_set_pressed(s, (struct hit){ACTION_NONE, CONTENT_NONE});
    }
    if (s->screen == SCREEN_STAFF_TOUCH) {
        touch_at(s, ev->x, ev->y);
        changed = true;
    }
    return changed;
}

bool session_staff_up(struct session *s, const struct session_event *ev, uint64_t now)
{
    struct session_pointer *p = &s->pointer;
    if (p->swallowed) {
        return false;
    }
    s->staff.since = now;
    bool changed = session_set_pressed(s, (struct hit){ACTION_NONE, CONTENT_NONE});
    if (s->screen == SCREEN_STAFF_TOUCH) {
        touch_at(s, ev->x, ev->y);
        changed = true;
    }
    bool tap = abs(ev->x - p->x0) <= session_slop(s) && abs(ev->y - p->y0) <= session_slop(s);
    if (tap && p->hit.action != ACTION_NONE) {
        act(s, p->hit, now);
        changed = true;
    }
    return changed;
}

bool session_staff_tick(struct session *s, uint64_t now)
{
    struct session_staff *st = &s->staff;
    if (s->screen == SCREEN_STAFF_CLEAN) {
        uint64_t elapsed = now - st->clean_start;
        if (elapsed >= SESSION_CLEAN_MS) {
            show(s, SCREEN_STAFF, now);
            return true;
        }
        int left = (int)((SESSION_CLEAN_MS - elapsed + 999) / 1000);
        if (left != st->clean_seconds) {
            st->clean_seconds = left;
            return true;
        }
        return false;
    }
    /* Staff who walk away leave nothing open: staff mode closes like an idle visit. */
    if (now - st->since >= s->idle_ms) {
        session_reset(s);
        return true;
    }
    return false;
}

uint64_t session_staff_deadline(const struct session *s)
{
    const struct session_staff *st = &s->staff;
    if (s->screen == SCREEN_STAFF_CLEAN) {
        uint64_t end = st->clean_start + SESSION_CLEAN_MS;
        return end - (uint64_t)(st->clean_seconds > 0 ? st->clean_seconds - 1 : 0) * 1000u;
    }
    return st->since + s->idle_ms;
}

/* The session's state, and everything that may change it from outside the session's own input
 * handling: starting, wiping, previews, the screen size, opening hours, the texts the edges
 * lend it, and what the screen shows. session.c (a visitor's input and timers) and
 * session_staff.c (staff mode) both build on this file; it calls neither. */
#include "session.h"

#include <string.h>

#include "session_state.h"

const int session_text_percent[SESSION_TEXT_SCALES] = {100, 125, 150};

static void visit_init(struct session *s)
{
    /* memset first so padding is zero too: a wiped visit is byte-for-byte a fresh one. */
    memset(&s->visit, 0, sizeof(s->visit));
    s->visit.page = s->content->menu;
    s->visit.pressed.action = ACTION_NONE;
    s->visit.pressed.target = CONTENT_NONE;
}

void session_init(struct session *s, const struct content *content, int width, int height)
{
    memset(s, 0, sizeof(*s));
    s->content = content;
    s->idle_ms = (uint64_t)content->settings.idle_timeout * 1000u;
    s->countdown_ms = (uint64_t)content->settings.reset_countdown * 1000u;
    s->width = width;
    s->height = height;
    s->screen = SCREEN_WELCOME;
    s->open = true;
    visit_init(s);
}

bool session_in_staff_mode(const struct session *s)
{
    return s->screen == SCREEN_STAFF_PIN || s->screen == SCREEN_STAFF ||
           s->screen == SCREEN_STAFF_TOUCH || s->screen == SCREEN_STAFF_CLEAN;
}

bool session_set_open(struct session *s, bool open)
{
    if (open == s->open) {
        return false; /* only a change acts, so a woken screen stays awake for its visit */
    }
    s->open = open;
    if (!open && s->screen == SCREEN_WELCOME && !s->pointer.down) {
        session_reset(s); /* black, and a language or text size chosen there goes too */
        return true;
    }
    if (open && s->screen == SCREEN_ASLEEP) {
        session_reset(s);
        return true;
    }
    return false;
}

void session_set_screen(struct session *s, int width, int height)
{
    s->width = width;
    s->height = height;
}

void session_clamp_scroll(struct session *s)
{
    if (s->visit.scroll > s->scroll_max) {
        s->visit.scroll = s->scroll_max;
        s->visit.velocity = 0;
    }
    if (s->visit.scroll < 0) {
        s->visit.scroll = 0;
        s->visit.velocity = 0;
    }
}

void session_set_scroll_max(struct session *s, int scroll_max)
{
    s->scroll_max = scroll_max > 0 ? scroll_max : 0;
    session_clamp_scroll(s);
}

void session_reset(struct session *s)
{
    s->screen = s->open ? SCREEN_WELCOME : SCREEN_ASLEEP;
    s->scroll_max = 0;
    visit_init(s);
    memset(&s->staff, 0, sizeof(s->staff));
}

void session_preview(struct session *s, enum session_screen screen, int page, bool countdown)
{
    session_reset(s);
    s->screen = screen;
    if (screen == SCREEN_PAGE && page >= 0 && page < s->content->n_pages) {
        s->visit.page = page;
    }
    if (screen == SCREEN_PAGE && countdown) {
        s->visit.countdown = true;
        s->visit.countdown_seconds = (int)(s->countdown_ms / 1000u);
    }
    if (screen == SCREEN_STAFF_CLEAN) {
        s->staff.clean_seconds = SESSION_CLEAN_MS / 1000; /* the count as it starts */
    }
}

void session_scroll_to(struct session *s, int scroll)
{
    s->visit.scroll = scroll;
    s->visit.velocity = 0;
    session_clamp_scroll(s);
}

void session_preview_language(struct session *s, int lang)
{
    if (lang >= 0 && lang < s->content->n_languages) {
        s->visit.lang = lang;
    }
}

void session_preview_text_size(struct session *s, int scale)
{
    if (scale >= 0 && scale < SESSION_TEXT_SCALES) {
        s->visit.text_scale = scale;
    }
}

void session_preview_pressed(struct session *s, struct hit hit)
{
    session_set_pressed(s, hit);
}

void session_restart(struct session *s, uint64_t now)
{
    session_reset(s);
    s->visit.last_activity = now;
}

struct session_shown session_shown(const struct session *s)
{
    struct session_shown k;
    memset(&k, 0, sizeof(k));
    k.screen = s->screen;
    k.page = s->visit.page;
    k.depth = s->visit.depth;
    k.countdown = s->visit.countdown;
    k.countdown_seconds = s->visit.countdown_seconds;
    k.pressed = s->visit.pressed;
    k.lang = s->visit.lang;
    k.text_scale = s->visit.text_scale;
    return k;
}

bool session_shown_equal(const struct session_shown *a, const struct session_shown *b)
{
    return a->screen == b->screen && a->page == b->page && a->depth == b->depth &&
           a->countdown == b->countdown && a->countdown_seconds == b->countdown_seconds &&
           a->pressed.action == b->pressed.action && a->pressed.target == b->pressed.target &&
           a->lang == b->lang && a->text_scale == b->text_scale;
}

bool session_take_reload_request(struct session *s)
{
    bool requested = s->reload_requested;
    s->reload_requested = false;
    return requested;
}

bool session_take_go_back_request(struct session *s)
{
    bool requested = s->go_back_requested;
    s->go_back_requested = false;
    return requested;
}

void session_set_staff_can_go_back(struct session *s, bool can)
{
    s->staff_can_go_back = can;
}

void session_set_staff_report(struct session *s, const char *report)
{
    s->staff_report = report;
}

void session_set_notice(struct session *s, const char *notice)
{
    s->notice = notice;
}

bool session_welcome_touched(const struct session *s)
{
    return s->screen == SCREEN_WELCOME && (s->visit.lang != 0 || s->visit.text_scale != 0);
}

static bool hit_equal(struct hit a, struct hit b)
{
    return a.action == b.action && a.target == b.target;
}

bool session_set_pressed(struct session *s, struct hit hit)
{
    if (hit_equal(s->visit.pressed, hit)) {
        return false;
    }
    s->visit.pressed = hit;
    return true;
}

int session_slop(const struct session *s)
{
    int m = s->width < s->height ? s->width : s->height;
    int v = m * 3 / 100;
    return v < 8 ? 8 : v;
}

/* The live loop: at every wake-up the same work in the same order (opening hours, the
 * session's timers, new content, the backlight, a frame if needed), with time passed in. */
#include "live.h"

#include <math.h>
#include <string.h>

#include "schedule.h"
#include "util.h"

static uint64_t min_u64(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

void live_init(struct live *l, const struct content *content, const struct live_ports *ports,
               int width, int height)
{
    KIOSK_ASSERT(ports->metrics != NULL);
    memset(l, 0, sizeof(*l));
    l->ports = *ports;
    l->content = content;
    l->width = width;
    l->height = height;
    l->hours_change = LIVE_NO_DEADLINE;
    l->lit = true;
    l->dirty = true;
    layout_init(&l->layout);
    session_init(&l->session, content, width, height);
}

void live_finish(struct live *l)
{
    layout_finish(&l->layout);
}

int live_scroll(const struct live *l)
{
    return (int)lround(l->session.visit.scroll);
}

const struct layout *live_layout(struct live *l)
{
    struct session_shown shown = session_shown(&l->session);
    /* Staff screens change with every key and touch; they are rare, so they always rebuild. */
    if (l->layout_valid && session_shown_equal(&shown, &l->laid_out) &&
        !session_in_staff_mode(&l->session)) {
        return &l->layout;
    }
    if (l->ports.text_percent) {
        /* The edge measures at the visitor's text size ("A+") before anything is laid out. */
        l->ports.text_percent(l->ports.ctx, session_text_percent[shown.text_scale]);
    }
    layout_build(&l->layout, l->content, &l->session, l->ports.metrics, l->width, l->height);
    session_set_scroll_max(&l->session, l->layout.scroll_max);
    l->laid_out = shown;
    l->layout_valid = true;
    return &l->layout;
}

bool live_event(struct live *l, const struct session_event *ev, uint64_t now)
{
    bool changed = session_handle(&l->session, ev, now);
    l->dirty |= changed;
    return changed;
}

bool live_pointer(struct live *l, enum session_input kind, int x, int y, uint64_t now)
{
    const struct layout *layout = live_layout(l);
    struct session_event ev = {kind, x, y, layout_hit_test(layout, x, y, live_scroll(l))};
    return live_event(l, &ev, now);
}

void live_resize(struct live *l, int width, int height)
{
    if (width == l->width && height == l->height) {
        return;
    }
    l->width = width;
    l->height = height;
    session_set_screen(&l->session, width, height);
    l->layout_valid = false;
    l->dirty = true;
}

void live_redraw(struct live *l)
{
    l->layout_valid = false;
    l->dirty = true;
}

void live_set_notice(struct live *l, const char *notice)
{
    l->notice = notice;
    session_set_notice(&l->session, notice);
    l->layout_valid = false;
    l->dirty = true;
}

bool live_between_visits(const struct live *l)
{
    const struct session *s = &l->session;
    return (s->screen == SCREEN_WELCOME || s->screen == SCREEN_ASLEEP) && !s->pointer.down;
}

/* Opening hours at this wake-up, and when they next change. */
static void follow_hours(struct live *l, const struct live_clock *clock)
{
    const struct schedule *hours = &l->content->schedule;
    int left = schedule_minutes_to_change(hours, clock->minute_of_week);
    l->hours_change = left < 0
                          ? LIVE_NO_DEADLINE
                          : clock->ms + (uint64_t)left * 60000u - (uint64_t)clock->ms_into_minute;
    /* The change was counted in the wall clock's minutes as they are now; a change of summer
     * time (or a clock set while nothing woke the loop) moves them. Look again at the next
     * minute at the latest, so the hours are never more than a minute out. */
    uint64_t next_minute = clock->ms + 60000u - (uint64_t)clock->ms_into_minute;
    if (left >= 0 && next_minute < l->hours_change) {
        l->hours_change = next_minute;
    }
    l->dirty |= session_set_open(&l->session, schedule_is_open(hours, clock->minute_of_week));
}

/* The content that waits goes on screen; a fresh session starts on it. */
static void switch_content(struct live *l, bool to_staff_menu, uint64_t now)
{
    bool open = l->session.open;
    l->content = l->ports.take(l->ports.ctx);
    KIOSK_ASSERT(l->content != NULL); /* take returns the old content when the new fails */
    session_init(&l->session, l->content, l->width, l->height);
    session_set_open(&l->session, open);
    session_set_notice(&l->session, l->notice);
    if (to_staff_menu) {
        session_show_staff_menu(&l->session, now); /* staff pressed reload: they see the result */
    }
    l->layout_valid = false;
    l->dirty = true;
}

/* New content goes on screen at once when staff ask for it, otherwise only between visits. */
static void follow_content(struct live *l, uint64_t now)
{
    KIOSK_ASSERT(!l->ports.check == !l->ports.take); /* a port that finds content takes it */
    if (!l->ports.check) {
        session_take_reload_request(&l->session);
        return;
    }
    if (session_take_go_back_request(&l->session) && l->ports.go_back) {
        l->ports.go_back(l->ports.ctx);
        l->dirty = true;
    }
    if (session_take_reload_request(&l->session)) {
        l->dirty = true;
        if (l->ports.check(l->ports.ctx, now, true)) {
            switch_content(l, true, now);
        }
        return;
    }
    if (l->ports.check(l->ports.ctx, now, false) && live_between_visits(l)) {
        switch_content(l, false, now);
    }
}

/* A page or staff mode is on the way out: whatever was composed for it goes, and its memory
 * is overwritten, before the next screen is even laid out. */
static void forget_visit(struct live *l)
{
    layout_wipe(&l->layout);
    l->layout_valid = false;
    if (l->ports.forget) {
        l->ports.forget(l->ports.ctx);
    }
}

static void draw(struct live *l)
{
    /* A visitor's pages and staff mode are each forgotten when left, for whatever comes next
     * (the cover, the welcome screen, the dark screen, or staff mode opened over a page). */
    enum live_showing showing = l->session.screen == SCREEN_PAGE     ? LIVE_SHOWING_PAGES
                                : session_in_staff_mode(&l->session) ? LIVE_SHOWING_STAFF
                                                                     : LIVE_SHOWING_OTHER;
    if (l->showing != LIVE_SHOWING_OTHER && showing != l->showing) {
        forget_visit(l);
    }
    l->showing = showing;
    if (session_in_staff_mode(&l->session) && l->ports.staff_report) {
        session_set_staff_report(&l->session, l->ports.staff_report(l->ports.ctx));
    }
    if (session_in_staff_mode(&l->session) && l->ports.can_go_back) {
        session_set_staff_can_go_back(&l->session, l->ports.can_go_back(l->ports.ctx));
    }
    const struct layout *layout = live_layout(l);
    if (l->ports.draw) {
        l->ports.draw(l->ports.ctx, layout, live_scroll(l));
    }
    l->frames++;
}

void live_step(struct live *l, const struct live_clock *clock)
{
    follow_hours(l, clock);
    l->dirty |= session_tick(&l->session, clock->ms);
    follow_content(l, clock->ms);
    bool lit = l->session.screen != SCREEN_ASLEEP;
    if (lit != l->lit) {
        if (l->ports.light) {
            l->ports.light(l->ports.ctx, lit);
        }
        l->lit = lit;
    }
    if (l->dirty || session_in_staff_mode(&l->session)) {
        draw(l);
        l->dirty = false;
    }
}

uint64_t live_deadline(const struct live *l)
{
    uint64_t deadline = min_u64(session_deadline(&l->session), l->hours_change);
    if (l->ports.check_deadline) {
        deadline = min_u64(deadline, l->ports.check_deadline(l->ports.ctx));
    }
    return deadline;
}

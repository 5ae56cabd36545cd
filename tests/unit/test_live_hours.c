/* Opening hours in the live loop, with a fake clock: the screen opens and closes on time, and
 * follows the wall clock when it moves under the loop (summer time, or the clock set once the
 * network or the RTC gives the right time), within a minute even if nothing else wakes the
 * loop: the deadline it sleeps to is never more than a minute away while hours are set. */
#include <stdint.h>

#include "check.h"
#include "fixture.h"
#include "live.h"
#include "schedule.h"

static int fake_width(void *ctx, enum font_style font, const char *text, size_t len)
{
    (void)ctx;
    (void)font;
    (void)text;
    return (int)len * 10;
}

static int fake_line(void *ctx, enum font_style font)
{
    (void)ctx;
    (void)font;
    return 20;
}

static bool no_picture(void *ctx, int picture, int *w, int *h)
{
    (void)ctx;
    (void)picture;
    *w = *h = 0;
    return false;
}

static int lights; /* what the light port was last told: 1 on, 0 off, -1 never */

static void light(void *ctx, bool on)
{
    (void)ctx;
    lights = on;
}

/* Monday at hh:mm:ss local time, `ms` on the monotonic clock. */
static struct live_clock at(uint64_t ms, int hh, int mm, int ss)
{
    struct live_clock c = {ms, schedule_minute_of_week(1, hh, mm), ss * 1000};
    return c;
}

int main(void)
{
    struct content *c = fixture_content();
    char err[200];
    CHECK(schedule_add_rule(&c->schedule, "Mon-Fri 08:00-17:00", err, sizeof(err)));
    struct text_metrics metrics = {NULL, fake_width, fake_line, no_picture};
    struct live_ports ports = {.metrics = &metrics, .light = light};
    struct live l;
    lights = -1;
    live_init(&l, c, &ports, 800, 480);

    /* 06:59:30: closed, dark; it looks again at 07:00:00, not only at 08:00. */
    struct live_clock now = at(1000, 6, 59, 30);
    live_step(&l, &now);
    CHECK(!l.session.open);
    CHECK_INT(l.session.screen, SCREEN_ASLEEP);
    CHECK_INT(lights, 0);
    CHECK(live_deadline(&l) <= now.ms + 30000);

    /* The clock is set forward an hour and a half while the loop sleeps (07:00 by the monotonic
     * clock, 08:30 on the wall): at the next wake-up, which came at the minute, it opens. */
    now = at(31000, 8, 30, 0);
    live_step(&l, &now);
    CHECK(l.session.open);
    CHECK_INT(l.session.screen, SCREEN_WELCOME);
    CHECK_INT(lights, 1);

    /* At 16:59:59.5 it closes half a second later, at 17:00. */
    now = at(50000000, 16, 59, 59);
    now.ms_into_minute = 59500;
    live_step(&l, &now);
    CHECK(l.session.open);
    CHECK_INT(live_deadline(&l), now.ms + 500);
    now = at(now.ms + 500, 17, 0, 0);
    live_step(&l, &now);
    CHECK(!l.session.open);
    CHECK_INT(lights, 0);

    /* Summer time ends, the wall clock goes back an hour (17:00:10 -> 16:00:10): open again
     * within the minute, although the next change by the old count was 15 hours away. */
    now.ms += 10000;
    now.ms_into_minute = 10000;
    live_step(&l, &now);
    CHECK(live_deadline(&l) <= now.ms + 50000);
    now = at(now.ms + 50000, 16, 1, 0);
    live_step(&l, &now);
    CHECK(l.session.open);

    live_finish(&l);
    content_destroy(c);
    return check_summary("test_live_hours");
}

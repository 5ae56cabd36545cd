/* Opening hours: when the kiosk is awake. Outside them the screen is black (and the backlight
 * off where the panel has one); a touch wakes it for one visit. Rules are written the way a
 * clinic writes them on its door, e.g. "Mon-Fri 08:30-17:30" or "Sat 09:00-12:00", and held as
 * one bit per minute of the week, so every question is a lookup. Pure: the caller passes the
 * local time in. */
#ifndef KIOSK_SCHEDULE_H
#define KIOSK_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCHEDULE_WEEK_MINUTES (7 * 24 * 60)

struct schedule {
    bool enabled; /* false: no opening hours given, the kiosk is always awake */
    uint8_t open[SCHEDULE_WEEK_MINUTES / 8];
};

/* Adds one rule such as "Mon-Fri 08:30-17:30", "Sat,Sun 10:00-14:00" or "daily 09:00-17:00".
 * Returns false with a message for staff in `err` when the rule cannot be read. */
bool schedule_add_rule(struct schedule *s, const char *rule, char *err, size_t err_size);

/* The minute of the week, 0 = Monday 00:00, from a weekday (0 = Sunday, as in struct tm) and
 * the hour and minute. */
int schedule_minute_of_week(int tm_wday, int hour, int minute);

/* Whether the kiosk should be awake at `minute_of_week`. Always true when not enabled. */
bool schedule_is_open(const struct schedule *s, int minute_of_week);

/* Minutes from `minute_of_week` until open/closed next changes, or -1 when it never does. */
int schedule_minutes_to_change(const struct schedule *s, int minute_of_week);

#endif

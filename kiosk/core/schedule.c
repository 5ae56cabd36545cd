#include "schedule.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static const char *const day_names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static const char *skip_spaces(const char *p)
{
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    return p;
}

/* How many bytes of `s`, at most `max`, a message quotes: whole characters only, so a rule
 * written in any language still gives a message that is valid UTF-8. */
static int quoted(const char *s, int max)
{
    int n = 0;
    while (n < max && s[n]) {
        n++;
    }
    return (int)utf8_floor(s, (size_t)n);
}

/* The part of a rule a message names, as staff wrote it: from `s` up to (not including) the
 * first of `stops`, the end, or `max` bytes; trailing spaces left out. */
static int part(const char *s, const char *stops, int max)
{
    int n = 0;
    while (n < max && s[n] && !strchr(stops, s[n])) {
        n++;
    }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
        n--;
    }
    return (int)utf8_floor(s, (size_t)n);
}

#define DIGITS "0123456789"

/* Reads a day name ("Mon", "monday", "TUE"...) at p; returns 0..6 (Monday first) or -1. */
static int read_day(const char **p)
{
    char word[16];
    size_t n = 0;
    const char *q = *p;
    while (((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')) && n < sizeof(word) - 1) {
        word[n++] = (char)lower((unsigned char)*q++);
    }
    word[n] = '\0';
    if (n < 3) {
        return -1;
    }
    static const char *const full[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
    for (int d = 0; d < 7; d++) {
        if (strcmp(word, day_names[d]) == 0 || strcmp(word, full[d]) == 0 ||
            (n == 4 && strncmp(word, full[d], 4) == 0)) { /* "Tues", "Thur" */
            *p = q;
            return d;
        }
    }
    return -1;
}

/* Reads "HH:MM" (or "H:MM"); 24:00 only where `allow_end` is set. Returns minutes or -1. */
static int read_time(const char **p, bool allow_end)
{
    const char *q = *p;
    int h = 0, digits = 0;
    while (*q >= '0' && *q <= '9' && digits < 2) {
        h = h * 10 + (*q++ - '0');
        digits++;
    }
    if (digits == 0 || *q != ':' || !(q[1] >= '0' && q[1] <= '5') ||
        !(q[2] >= '0' && q[2] <= '9')) {
        return -1;
    }
    int m = (q[1] - '0') * 10 + (q[2] - '0');
    q += 3;
    if (h > 24 || (h == 24 && (m != 0 || !allow_end))) {
        return -1;
    }
    *p = q;
    return h * 60 + m;
}

static void set_open(struct schedule *s, int from, int to)
{
    for (int m = from; m < to; m++) {
        s->open[m / 8] |= (uint8_t)(1u << (m % 8));
    }
}

#define EXAMPLE "write it like \"Mon-Fri 08:30-17:30\" or \"Sat 09:00-12:00\""

bool schedule_add_rule(struct schedule *s, const char *rule, char *err, size_t err_size)
{
    bool days[7] = {false};
    const char *p = skip_spaces(rule);
    if (strncmp(p, "daily", 5) == 0 || strncmp(p, "Daily", 5) == 0) {
        memset(days, true, sizeof(days));
        p += 5;
    } else {
        for (;;) {
            int first = read_day(&p);
            if (first < 0) {
                snprintf(err, err_size,
                         "\"%.*s\" is not a day; use Mon, Tue, Wed, Thu, Fri, "
                         "Sat, Sun or daily; " EXAMPLE,
                         part(p, " \t,-" DIGITS, 20), p);
                return false;
            }
            int last = first;
            if (*p == '-') {
                p++;
                last = read_day(&p);
                if (last < 0) {
                    snprintf(err, err_size, "\"%.*s\" after the \"-\" is not a day; " EXAMPLE,
                             part(p, " \t,-" DIGITS, 20), p);
                    return false;
                }
            }
            /* "Fri-Mon" wraps over the weekend, as it would on a door. */
            for (int d = first;; d = (d + 1) % 7) {
                days[d] = true;
                if (d == last) {
                    break;
                }
            }
            if (*p != ',') {
                break;
            }
            p = skip_spaces(p + 1);
        }
    }
    if (*p != ' ' && *p != '\t') {
        snprintf(err, err_size, "needs a space between the days and the hours; " EXAMPLE);
        return false;
    }
    p = skip_spaces(p);
    const char *at = p;
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
        const char *days_start = skip_spaces(rule);
        snprintf(err, err_size,
                 "cannot read the days \"%.*s\"; join a range of days with a dash, "
                 "and several days with commas; " EXAMPLE,
                 part(days_start, DIGITS, 40), days_start);
        return false;
    }
    int from = read_time(&p, false);
    if (from < 0 || *p != '-') {
        snprintf(err, err_size,
                 "the opening time \"%.*s\" is not a time like 08:30 (24-hour, "
                 "with a colon); " EXAMPLE,
                 part(at, "- \t", 12), at);
        return false;
    }
    at = ++p;
    int to = read_time(&p, true);
    if (to < 0) {
        snprintf(err, err_size,
                 "the closing time \"%.*s\" is not a time like 17:30 (24-hour, "
                 "with a colon, at most 24:00); " EXAMPLE,
                 part(at, " \t", 12), at);
        return false;
    }
    if (*skip_spaces(p) != '\0') {
        snprintf(err, err_size,
                 "has \"%.*s\" after the hours; give each opening "
                 "time its own rule in quotes",
                 quoted(skip_spaces(p), 20), skip_spaces(p));
        return false;
    }
    if (to <= from) {
        snprintf(err, err_size,
                 "closes before it opens; for hours past midnight write "
                 "two rules, e.g. \"Fri 20:00-24:00\" and \"Sat 00:00-02:00\"");
        return false;
    }
    for (int d = 0; d < 7; d++) {
        if (days[d]) {
            set_open(s, d * 1440 + from, d * 1440 + to);
        }
    }
    s->enabled = true;
    return true;
}

int schedule_minute_of_week(int tm_wday, int hour, int minute)
{
    int day = (tm_wday + 6) % 7; /* struct tm counts from Sunday; the week here from Monday */
    return day * 1440 + hour * 60 + minute;
}

static bool bit(const struct schedule *s, int m)
{
    m %= SCHEDULE_WEEK_MINUTES;
    if (m < 0) {
        m += SCHEDULE_WEEK_MINUTES;
    }
    return (s->open[m / 8] >> (m % 8)) & 1u;
}

bool schedule_is_open(const struct schedule *s, int minute_of_week)
{
    return !s->enabled || bit(s, minute_of_week);
}

int schedule_minutes_to_change(const struct schedule *s, int minute_of_week)
{
    if (!s->enabled) {
        return -1;
    }
    bool now = bit(s, minute_of_week);
    for (int i = 1; i <= SCHEDULE_WEEK_MINUTES; i++) {
        if (bit(s, minute_of_week + i) != now) {
            return i;
        }
    }
    return -1;
}

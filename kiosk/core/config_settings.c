/* The kiosk's own settings (config_settings.h). Each falls back to a safe default when wrong,
 * after saying so, so one mistake here never stops the pages from being checked. */
#include "config_settings.h"

#include <stdbool.h>
#include <string.h>

#include "config_text.h"
#include "config_values.h"
#include "schedule.h"
#include "strbuf.h"
#include "xalloc.h"

static const char *const display_keys[] = {"rotation", "touch_swap_xy", "touch_invert_x",
                                           "touch_invert_y"};

static const struct config_int_spec idle_spec = {"idle_timeout", 15, 3600, 90, "seconds"};
static const struct config_int_spec reset_spec = {"reset_countdown", 5, 300, 20, "seconds"};
static const struct config_int_spec rotation_spec = {"rotation", 0, 270, 0, "degrees"};

void config_settings_read_timings(struct config_reader *r, const config_setting_t *root)
{
    struct settings *s = &r->content->settings;
    config_member_int(r, root, "", &idle_spec, &s->idle_timeout);
    config_member_int(r, root, "", &reset_spec, &s->reset_countdown);
}

void config_settings_read_display(struct config_reader *r, const config_setting_t *root)
{
    struct display *d = &r->content->display;
    const config_setting_t *g;
    config_member_group(r, root, "display", "display", "display = { rotation = 90; };", &g);
    if (!g) {
        return;
    }
    config_check_known(r, g, "display", display_keys, CONFIG_COUNT(display_keys));
    struct config_got rotation = config_member_int(r, g, "display", &rotation_spec, &d->rotation);
    if (d->rotation % 90 != 0) {
        diag_add(r->diags, DIAG_ERROR, rotation.line, "display.rotation",
                 "%d is not a quarter turn; write 0, 90, 180 or 270", d->rotation);
        d->rotation = 0;
    }
    config_member_bool(r, g, "display", "touch_swap_xy", false, &d->touch_swap_xy);
    config_member_bool(r, g, "display", "touch_invert_x", false, &d->touch_invert_x);
    config_member_bool(r, g, "display", "touch_invert_y", false, &d->touch_invert_y);
}

void config_settings_read_hours(struct config_reader *r, const config_setting_t *root)
{
    const char *example = "opening_hours = [ \"Mon-Fri 08:30-17:30\", \"Sat 09:00-12:00\" ];";
    struct strbuf key = {0}, expected = {0};
    strbuf_setf(&expected, "write a list of times in square brackets, e.g. %s", example);
    const config_setting_t *s;
    config_member_items(r, root, "opening_hours", "opening_hours", expected.s, &s);
    strbuf_finish(&expected);
    if (!s) {
        return;
    }
    int n = config_setting_length(s);
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        /* Enough by design: schedule's messages quote at most 20 bytes of the rule. */
        char err[256];
        strbuf_setf(&key, "opening_hours[%d]", i + 1);
        const char *v;
        config_elem_text(r, e, key.s,
                         "write each rule in double quotes, e.g. \"Mon-Fri 08:30-17:30\"", &v);
        if (v && !schedule_add_rule(&r->content->schedule, v, err, sizeof(err))) {
            /* libconfig gives the last element of a list the line of the closing bracket. */
            int line = config_scan_find(&r->scan, v, strlen(v), config_line(s));
            struct config_excerpt quoted;
            diag_add(r->diags, DIAG_ERROR, line, key.s, "\"%s\": %s",
                     config_excerpt(&quoted, v, strlen(v), 40), err);
        }
    }
    strbuf_finish(&key);
    if (n == 0) {
        diag_add(r->diags, DIAG_WARNING, config_line(s), "opening_hours",
                 "is empty, so the kiosk stays awake all the time; to sleep outside opening "
                 "hours write e.g. %s",
                 example);
    }
}

/* The PIN the shipped file's comment and the guide give as an example: a mistake, not a
 * warning, because anyone who has read either knows it. */
#define EXAMPLE_PIN "2580"

/* Why a PIN of digits is among the first anyone would try, or NULL: one digit repeated, digits
 * in a row up or down (0 follows 9), or two digits taking turns. */
static const char *pin_too_easy(const char *pin)
{
    size_t n = strlen(pin);
    bool same = true, up = true, down = true, pairs = n >= 4;
    for (size_t i = 1; i < n; i++) {
        int d = pin[i] - '0', prev = pin[i - 1] - '0';
        same = same && d == prev;
        up = up && d == (prev + 1) % 10;
        down = down && d == (prev + 9) % 10;
        pairs = pairs && (i < 2 || pin[i] == pin[i - 2]);
    }
    if (same) {
        return "is one digit repeated, among the first PINs anyone tries";
    }
    if (up || down) {
        return "is digits in a row, among the first PINs anyone tries";
    }
    if (pairs) {
        return "is two digits taking turns, among the first PINs anyone tries";
    }
    return NULL;
}

void config_settings_read_staff_pin(struct config_reader *r, const config_setting_t *root)
{
    const char *pin;
    struct config_got g =
        config_member_text(r, root, "staff_pin", "staff_pin",
                           "write 4 to 8 digits in double quotes, e.g. staff_pin = \"2580\"; or "
                           "\"\" to turn staff mode off",
                           &pin);
    if (!pin || !pin[0]) {
        return; /* no PIN: staff mode is off */
    }
    size_t n = strlen(pin);
    bool digits = true;
    for (size_t i = 0; i < n; i++) {
        digits = digits && config_is_digit((unsigned char)pin[i]);
    }
    if (!digits || n < 4 || n > 8) {
        diag_add(r->diags, DIAG_ERROR, g.line, "staff_pin",
                 "must be 4 to 8 digits (0-9) and nothing else, e.g. staff_pin = \"2580\"; "
                 "write \"\" to turn staff mode off");
        return;
    }
    if (strcmp(pin, EXAMPLE_PIN) == 0) {
        diag_add(r->diags, DIAG_ERROR, g.line, "staff_pin",
                 "\"%s\" is the example PIN printed in the kiosk's own file and guide, which "
                 "anyone can read; choose 4 to 8 digits of your own, or write staff_pin = \"\"; "
                 "to turn staff mode off",
                 pin);
        return;
    }
    const char *why = pin_too_easy(pin);
    if (why) {
        diag_add(r->diags, DIAG_WARNING, g.line, "staff_pin",
                 "\"%s\" %s; choose digits of your own with no pattern, that staff can remember "
                 "and others cannot guess",
                 pin, why);
    }
    r->content->staff_pin = xstrdup(pin);
}

/* A version is for staff to tell one file from the next where they look (CHECK.txt, the
 * receipt on a stick, staff mode), so it must fit on one line of each. */
#define VERSION_MAX_CHARS 60

void config_settings_read_version(struct config_reader *r, const config_setting_t *root)
{
    const char *v;
    struct config_got g = config_member_text(
        r, root, "version", "version",
        "write any text in double quotes that tells this file from the last, e.g. "
        "version = \"2026-12-01 new opening hours\";",
        &v);
    if (!v || !v[0]) {
        return;
    }
    size_t chars = 0;
    bool one_line = true;
    for (const char *p = v; *p; p++) {
        chars += ((unsigned char)*p & 0xC0) != 0x80;
        one_line = one_line && (unsigned char)*p >= 0x20;
    }
    if (!one_line || chars > VERSION_MAX_CHARS) {
        diag_add(r->diags, DIAG_WARNING, g.line, "version",
                 "%s, so it is not used; write at most %d characters on one line, e.g. "
                 "version = \"2026-12-01\";",
                 one_line ? "is too long" : "has a line break in it", VERSION_MAX_CHARS);
        return;
    }
    r->content->version = xstrdup(v);
}

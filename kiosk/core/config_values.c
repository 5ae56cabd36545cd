/* Typed settings (config_values.h). Messages say what the setting holds, in the words staff
 * would use ("text \"big\"", "a group { ... }"), and what to write instead. */
#include "config_values.h"

#include <stdio.h>
#include <string.h>

#include "config_suggest.h"
#include "config_text.h"
#include "strbuf.h"
#include "utf8.h"

int config_line(const config_setting_t *s)
{
    return s ? (int)config_setting_source_line(s) : 0;
}

static struct config_got got(enum config_found found, const config_setting_t *s)
{
    struct config_got g = {found, config_line(s)};
    return g;
}

static const config_setting_t *member(const config_setting_t *group, const char *name)
{
    return group ? config_setting_get_member(group, name) : NULL;
}

/* "<prefix>.<name>", or the name alone at the top level. */
static const char *key_of(struct strbuf *key, const char *prefix, const char *name)
{
    return strbuf_setf(key, "%s%s%s", prefix, *prefix ? "." : "", name);
}

/* The literal as written when libconfig truncated it, or NULL. */
static const struct config_overflow *overflow_of(const struct config_reader *r,
                                                 const config_setting_t *s)
{
    int type = config_setting_type(s);
    if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64) {
        return NULL;
    }
    long long v = type == CONFIG_TYPE_INT ? config_setting_get_int(s) : config_setting_get_int64(s);
    return config_scan_overflow(&r->scan, config_line(s), v);
}

/* A float as written in a config: always with a decimal point, so it reads as one. */
static void describe_float(const config_setting_t *s, struct strbuf *out)
{
    char num[40]; /* "%.15g" of a double is at most 24 bytes */
    snprintf(num, sizeof(num), "%.15g", config_setting_get_float(s));
    strbuf_addf(out, "%s%s", num, strpbrk(num, ".eEin") ? "" : ".0");
}

/* Says what a setting holds, for "is <this>; write <that>" messages. */
static void describe(const struct config_reader *r, const config_setting_t *s, struct strbuf *out)
{
    const struct config_overflow *o;
    struct config_excerpt excerpt;
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
        if ((o = overflow_of(r, s))) {
            strbuf_addf(out, "the number %s", o->text.s);
        } else {
            strbuf_addf(out, "the number %lld", config_setting_get_int64(s));
        }
        break;
    case CONFIG_TYPE_FLOAT:
        strbuf_addf(out, "the number ");
        describe_float(s, out);
        break;
    case CONFIG_TYPE_STRING: {
        const char *v = config_setting_get_string(s);
        strbuf_addf(out, "text \"%s\"", config_excerpt(&excerpt, v, strlen(v), 40));
        break;
    }
    case CONFIG_TYPE_BOOL:
        strbuf_addf(out, "%s", config_setting_get_bool(s) ? "true" : "false");
        break;
    case CONFIG_TYPE_GROUP:
        strbuf_addf(out, "a group { ... }");
        break;
    case CONFIG_TYPE_LIST:
        strbuf_addf(out, "a list ( ... )");
        break;
    default:
        strbuf_addf(out, "a list [ ... ]");
        break;
    }
}

void config_report_type(struct config_reader *r, const config_setting_t *s, const char *key,
                        const char *expected)
{
    struct strbuf what = {0};
    describe(r, s, &what);
    diag_add(r->diags, DIAG_ERROR, config_line(s), key, "is %s; %s", strbuf_str(&what), expected);
    strbuf_finish(&what);
}

void config_check_known(struct config_reader *r, const config_setting_t *group, const char *prefix,
                        const char *const *known, size_t n_known)
{
    struct strbuf key = {0}, list = {0};
    for (int i = 0; i < config_setting_length(group); i++) {
        const config_setting_t *m = config_setting_get_elem(group, (unsigned)i);
        const char *name = config_setting_name(m);
        struct config_suggestion sg = {0};
        bool found = false;
        for (size_t k = 0; k < n_known && !found; k++) {
            found = strcmp(name, known[k]) == 0;
            config_suggest(&sg, name, known[k]);
        }
        if (found) {
            continue;
        }
        key_of(&key, prefix, name);
        if (sg.best) {
            diag_add(r->diags, DIAG_WARNING, config_line(m), strbuf_str(&key),
                     "unknown setting, ignored; did you mean \"%s\"?", sg.best);
            continue;
        }
        strbuf_reset(&list);
        for (size_t k = 0; k < n_known; k++) {
            strbuf_addf(&list, "%s%s", k ? ", " : "", known[k]);
        }
        diag_add(r->diags, DIAG_WARNING, config_line(m), strbuf_str(&key),
                 "unknown setting, ignored (the settings here are: %s)", strbuf_str(&list));
    }
    strbuf_finish(&key);
    strbuf_finish(&list);
}

/* The spaces that look like a space but that a text editor's Find does not match when staff
 * type an ordinary one: no-break (U+00A0), figure (U+2007), narrow no-break (U+202F), and the
 * word joiner (U+2060). The length of the one at `p`, or 0. */
static size_t invisible_space(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    if (u[0] == 0xC2 && u[1] == 0xA0) {
        return 2;
    }
    if (u[0] == 0xE2 &&
        ((u[1] == 0x80 && (u[2] == 0x87 || u[2] == 0xAF)) || (u[1] == 0x81 && u[2] == 0xA0))) {
        return 3;
    }
    return 0;
}

/* A placeholder must be found by what staff type: warns of a no-break space in [open, close]. */
static void check_placeholder_spaces(struct config_reader *r, const char *open, const char *close,
                                     const char *key, int line)
{
    for (const char *p = open; p < close; p++) {
        size_t n = invisible_space(p);
        if (n == 0) {
            continue;
        }
        size_t len = (size_t)(close - open) + 1;
        struct config_excerpt shown, before;
        diag_add(r->diags, DIAG_WARNING, config_scan_find(&r->scan, open, len, line), key,
                 "the placeholder \"%s\" has an invisible no-break space after \"%s\", so "
                 "searching for it in a text editor does not find it; type an ordinary space "
                 "there",
                 config_excerpt(&shown, open, len, 120),
                 config_excerpt(&before, open, (size_t)(p - open), 60));
        return;
    }
}

/* Help services ship as placeholders such as "[Local support line - staff: add number]": any
 * text in square brackets that mentions staff. Each left in the file is a warning, so a clinic
 * cannot go live with one unnoticed. */
static void check_staff_placeholders(struct config_reader *r, const char *v, const char *key,
                                     int line)
{
    for (const char *open = strchr(v, '['); open; open = strchr(open + 1, '[')) {
        const char *close = strchr(open, ']');
        if (!close) {
            return;
        }
        bool staff = false;
        for (const char *p = open; p + 5 <= close && !staff; p++) {
            staff = config_lower(p[0]) == 's' && config_lower(p[1]) == 't' &&
                    config_lower(p[2]) == 'a' && config_lower(p[3]) == 'f' &&
                    config_lower(p[4]) == 'f';
        }
        if (!staff) {
            continue;
        }
        size_t n = (size_t)(close - open) + 1;
        struct config_excerpt shown;
        diag_add(r->diags, DIAG_WARNING, config_scan_find(&r->scan, open, n, line), key,
                 "still holds a placeholder for staff: \"%s\"; replace it with your local "
                 "details, or remove it",
                 config_excerpt(&shown, open, n, 120));
        check_placeholder_spaces(r, open, close, key, line);
        open = close;
    }
}

/* Says where a text stops being UTF-8, quoting what comes just before so staff can find it. */
static void report_not_utf8(struct config_reader *r, const config_setting_t *s, const char *key,
                            const char *v, size_t bad)
{
    if (bad == 0) {
        diag_add(r->diags, DIAG_ERROR, config_line(s), key,
                 "starts with the byte 0x%02X, which is not UTF-8; save the file as UTF-8 "
                 "(in a text editor: Save as, Encoding: UTF-8)",
                 (unsigned char)v[0]);
        return;
    }
    struct config_excerpt before;
    size_t from = utf8_ceil(v, bad, bad > 24 ? bad - 24 : 0);
    diag_add(r->diags, DIAG_ERROR, config_line(s), key,
             "has the byte 0x%02X after \"%s%s\", which is not UTF-8; save the file as UTF-8 "
             "(in a text editor: Save as, Encoding: UTF-8)",
             (unsigned char)v[bad], from > 0 ? "..." : "",
             config_excerpt(&before, v + from, bad - from, 40));
}

struct config_got config_elem_text(struct config_reader *r, const config_setting_t *s,
                                   const char *key, const char *expected, const char **out)
{
    *out = NULL;
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        config_report_type(r, s, key, expected);
        return got(CONFIG_WRONG, s);
    }
    const char *v = config_setting_get_string(s);
    size_t n = strlen(v);
    size_t valid = utf8_valid_prefix(v, n);
    if (valid < n) {
        report_not_utf8(r, s, key, v, valid);
        return got(CONFIG_WRONG, s);
    }
    check_staff_placeholders(r, v, key, config_line(s));
    *out = v;
    return got(CONFIG_OK, s);
}

struct config_got config_member_text(struct config_reader *r, const config_setting_t *group,
                                     const char *name, const char *key, const char *expected,
                                     const char **out)
{
    const config_setting_t *s = member(group, name);
    if (!s) {
        *out = NULL;
        return got(CONFIG_MISSING, NULL);
    }
    return config_elem_text(r, s, key, expected, out);
}

struct config_got config_member_int(struct config_reader *r, const config_setting_t *group,
                                    const char *prefix, const struct config_int_spec *spec,
                                    int *out)
{
    *out = spec->fallback;
    const config_setting_t *s = member(group, spec->name);
    if (!s) {
        return got(CONFIG_MISSING, NULL);
    }
    struct strbuf key = {0}, text = {0};
    key_of(&key, prefix, spec->name);
    int type = config_setting_type(s);
    if (type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64) {
        const struct config_overflow *o = overflow_of(r, s);
        long long v = config_setting_get_int64(s);
        if (!o && v >= spec->min && v <= spec->max) {
            strbuf_finish(&key);
            *out = (int)v;
            return got(CONFIG_OK, s);
        }
        bool small = o ? o->negative : v < spec->min;
        if (o) {
            strbuf_addf(&text, "%s", o->text.s);
        } else {
            strbuf_addf(&text, "%lld", v);
        }
        diag_add(r->diags, DIAG_ERROR, config_line(s), strbuf_str(&key),
                 "%s is too %s (expected %d to %d %s)", strbuf_str(&text),
                 small ? "small" : "large", spec->min, spec->max, spec->unit);
    } else if (type == CONFIG_TYPE_FLOAT) {
        describe_float(s, &text);
        diag_add(r->diags, DIAG_ERROR, config_line(s), strbuf_str(&key),
                 "is %s, not a whole number; write a whole number from %d to %d (%s) without a "
                 "decimal point, e.g. %s = %d;",
                 strbuf_str(&text), spec->min, spec->max, spec->unit, spec->name, spec->fallback);
    } else {
        strbuf_addf(&text, "write a whole number without quotes, e.g. %s = %d;", spec->name,
                    spec->fallback);
        config_report_type(r, s, strbuf_str(&key), strbuf_str(&text));
    }
    strbuf_finish(&key);
    strbuf_finish(&text);
    return got(CONFIG_WRONG, s);
}

struct config_got config_member_bool(struct config_reader *r, const config_setting_t *group,
                                     const char *prefix, const char *name, bool fallback, bool *out)
{
    *out = fallback;
    const config_setting_t *s = member(group, name);
    if (!s) {
        return got(CONFIG_MISSING, NULL);
    }
    if (config_setting_type(s) == CONFIG_TYPE_BOOL) {
        *out = config_setting_get_bool(s) != 0;
        return got(CONFIG_OK, s);
    }
    struct strbuf key = {0}, expected = {0};
    strbuf_setf(&key, "%s.%s", prefix, name);
    strbuf_setf(&expected, "write true or false without quotes, e.g. %s = %s;", name,
                fallback ? "true" : "false");
    config_report_type(r, s, strbuf_str(&key), strbuf_str(&expected));
    strbuf_finish(&key);
    strbuf_finish(&expected);
    return got(CONFIG_WRONG, s);
}

/* Looks up `name` and checks its kind; a wrong one is reported as "<what>, e.g. <example>". */
static struct config_got member_of_kind(struct config_reader *r, const config_setting_t *group,
                                        const char *name, const char *key, bool (*ok)(int, int),
                                        const char *what, const char *example,
                                        const config_setting_t **out)
{
    const config_setting_t *s = member(group, name);
    *out = NULL;
    if (!s) {
        return got(CONFIG_MISSING, NULL);
    }
    if (!ok(config_setting_type(s), config_setting_length(s))) {
        struct strbuf expected = {0};
        strbuf_setf(&expected, "%s%s", what, example);
        config_report_type(r, s, key, strbuf_str(&expected));
        strbuf_finish(&expected);
        return got(CONFIG_WRONG, s);
    }
    *out = s;
    return got(CONFIG_OK, s);
}

static bool is_group(int type, int length)
{
    (void)length;
    return type == CONFIG_TYPE_GROUP;
}

static bool is_list(int type, int length)
{
    return type == CONFIG_TYPE_LIST || (type == CONFIG_TYPE_ARRAY && length == 0);
}

static bool is_items(int type, int length)
{
    (void)length;
    return type == CONFIG_TYPE_LIST || type == CONFIG_TYPE_ARRAY;
}

struct config_got config_member_group(struct config_reader *r, const config_setting_t *group,
                                      const char *name, const char *key, const char *example,
                                      const config_setting_t **out)
{
    return member_of_kind(r, group, name, key, is_group, "write a group in braces, e.g. ", example,
                          out);
}

struct config_got config_member_list(struct config_reader *r, const config_setting_t *group,
                                     const char *name, const char *key, const char *example,
                                     const config_setting_t **out)
{
    return member_of_kind(r, group, name, key, is_list, "write a list in round brackets, e.g. ",
                          example, out);
}

struct config_got config_member_items(struct config_reader *r, const config_setting_t *group,
                                      const char *name, const char *key, const char *expected,
                                      const config_setting_t **out)
{
    return member_of_kind(r, group, name, key, is_items, "", expected, out);
}

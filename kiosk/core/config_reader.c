/* The config reader. It reads the file itself rather than through config_read_file so that it
 * can refuse folders and binary files, strip a byte-order mark, normalise line endings and catch
 * the integers libconfig 1.5 silently truncates. Every message is written for clinic staff: it
 * says what is wrong and what to write instead, and all of them are collected in one pass. */
#define _POSIX_C_SOURCE 200809L

#include "config_reader.h"

#include <errno.h>
#include <libconfig.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_internal.h"
#include "schedule.h"
#include "xalloc.h"

#define MIN_CONTRAST 4.5
/* Looking for a near miss costs a pass over every id; past this many broken links the file is
 * clearly far off and the suggestions would not help anyway. */
#define SUGGEST_MAX 200

/* ---- small string helpers ------------------------------------------------------------------ */

static bool is_ident_start(int c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*';
}

static bool is_ident_char(int c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

/* ASCII only on purpose: ids and setting names are ASCII, and locale rules must not apply. */
static bool equal_ignoring_case(const char *a, const char *b)
{
    while (*a && lower((unsigned char)*a) == lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == '\0' && *b == '\0';
}

/* Edit distance, or `limit + 1` as soon as it is certain to exceed `limit`. */
static size_t edit_distance(const char *a, const char *b, size_t limit)
{
    size_t na = strlen(a), nb = strlen(b);
    if ((na > nb ? na - nb : nb - na) > limit || na > ID_MAX * 4 || nb > ID_MAX * 4) {
        return limit + 1;
    }
    size_t prev[ID_MAX * 4 + 1], cur[ID_MAX * 4 + 1];
    for (size_t j = 0; j <= nb; j++) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= na; i++) {
        cur[0] = i;
        size_t best = cur[0];
        for (size_t j = 1; j <= nb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? sub : del;
            cur[j] = cur[j] < ins ? cur[j] : ins;
            best = cur[j] < best ? cur[j] : best;
        }
        if (best > limit) {
            return limit + 1;
        }
        memcpy(prev, cur, (nb + 1) * sizeof(prev[0]));
    }
    return prev[nb];
}


void suggestion_consider(struct suggestion *s, const char *wanted, const char *candidate)
{
    size_t score;
    if (strcmp(wanted, candidate) == 0) {
        return;
    }
    if (equal_ignoring_case(wanted, candidate)) {
        score = 0;
    } else {
        score = edit_distance(wanted, candidate, 2);
        if (score > 2) {
            return;
        }
        score++;
    }
    if (!s->best || score < s->score) {
        s->best = candidate;
        s->score = score;
    }
}

/* Returns the offset of the first byte that is not part of valid UTF-8, or -1 when it all is. */
long utf8_invalid_at(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            return (long)i;
        }
        if (i + len > n) {
            return (long)i;
        }
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                return (long)i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        /* Overlong forms, UTF-16 surrogates and values past Unicode are not valid UTF-8. */
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return (long)i;
        }
        i += len;
    }
    return -1;
}

/* Copies at most `max` bytes of `s` for quoting in a message: cut on a character boundary,
 * with line breaks and other control characters shown as spaces and broken bytes as '?'. */
void quote_excerpt(const char *s, size_t n, size_t max, char *buf, size_t size)
{
    size_t o = 0;
    bool cut = n > max;
    if (cut) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
            n--;
        }
    }
    for (size_t i = 0; i < n && o + 4 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[o++] = c < 0x20 || c == 0x7F ? ' ' : (char)c;
    }
    buf[o] = '\0';
    /* Any broken bytes left would make the message itself invalid UTF-8. */
    long bad;
    while ((bad = utf8_invalid_at(buf, o)) >= 0) {
        buf[bad] = '?';
    }
    if (cut && o + 4 < size) {
        memcpy(buf + o, "...", 4);
    }
}

/* ---- a string -> index map, so 10,000 pages do not mean 10,000^2 comparisons ----------------- */


static uint64_t hash_string(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    }
    return h;
}

int strmap_get(const struct strmap *m, const char *key)
{
    if (m->capacity == 0) {
        return CONTENT_NONE;
    }
    for (size_t i = hash_string(key) & (m->capacity - 1);; i = (i + 1) & (m->capacity - 1)) {
        if (!m->keys[i]) {
            return CONTENT_NONE;
        }
        if (strcmp(m->keys[i], key) == 0) {
            return m->values[i];
        }
    }
}

void strmap_put(struct strmap *m, const char *key, int value)
{
    if ((m->count + 1) * 2 > m->capacity) {
        struct strmap bigger = {0};
        bigger.capacity = m->capacity ? m->capacity * 2 : 64;
        bigger.keys = xcalloc(bigger.capacity, sizeof(*bigger.keys));
        bigger.values = xcalloc(bigger.capacity, sizeof(*bigger.values));
        for (size_t i = 0; i < m->capacity; i++) {
            if (m->keys[i]) {
                strmap_put(&bigger, m->keys[i], m->values[i]);
            }
        }
        free(m->keys);
        free(m->values);
        *m = bigger;
    }
    size_t i = hash_string(key) & (m->capacity - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0) {
        i = (i + 1) & (m->capacity - 1);
    }
    if (!m->keys[i]) {
        m->count++;
    }
    m->keys[i] = key;
    m->values[i] = value;
}

void strmap_finish(struct strmap *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof(*m));
}

/* ---- the raw text: line endings, and what libconfig would get wrong or say too tersely ------- */




static void scan_finish(struct scan *s)
{
    free(s->overflows);
    free(s->line_starts);
}

/* Keeps the low 32 bits as a signed value, the way libconfig 1.5 stores a plain integer. */
static long long low_32_bits(unsigned long long v)
{
    uint32_t u = (uint32_t)v;
    return u > INT32_MAX ? (long long)u - 4294967296LL : (long long)u;
}

/* Reads the integer literal at `p` (past any sign) and records it when it overflows. Returns
 * the end of the literal; floats are skipped whole. */
static const char *scan_number(struct scan *s, const char *start, const char *p, int line)
{
    bool negative = *start == '-';
    bool hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && is_xdigit((unsigned char)p[2]);
    const char *digits = hex ? p + 2 : p;
    const char *q = digits;
    while (hex ? is_xdigit((unsigned char)*q) : is_digit((unsigned char)*q)) {
        q++;
    }
    if (!hex && (*q == '.' || *q == 'e' || *q == 'E')) {
        while (is_digit((unsigned char)*q) || *q == '.' || *q == 'e' || *q == 'E' ||
               ((*q == '+' || *q == '-') && (q[-1] == 'e' || q[-1] == 'E'))) {
            q++;
        }
        return q;
    }
    bool wide = false;
    const char *end = q;
    if (*end == 'L') {
        wide = true;
        end += end[1] == 'L' ? 2 : 1;
    }
    char num[32];
    size_t len = (size_t)(q - digits);
    bool huge = len >= sizeof(num) - 2;
    long long value;
    unsigned long long bits;
    errno = 0;
    if (hex) {
        memcpy(num, digits, huge ? 0 : len);
        num[huge ? 0 : len] = '\0';
        unsigned long long u = huge ? ULLONG_MAX : strtoull(num, NULL, 16);
        huge = huge || errno == ERANGE;
        value = u > LLONG_MAX ? LLONG_MAX : (long long)u;
        bits = u;
    } else {
        num[0] = negative ? '-' : '+';
        memcpy(num + 1, digits, huge ? 0 : len);
        num[huge ? 1 : len + 1] = '\0';
        value = huge ? (negative ? LLONG_MIN : LLONG_MAX) : strtoll(num, NULL, 10);
        huge = huge || errno == ERANGE;
        bits = (unsigned long long)value;
    }
    if (value >= INT32_MIN && value <= INT32_MAX && !huge) {
        return end;
    }
    if (s->n_overflows == s->cap_overflows) {
        s->cap_overflows = s->cap_overflows ? s->cap_overflows * 2 : 8;
        s->overflows = xrealloc(s->overflows, s->cap_overflows * sizeof(*s->overflows));
    }
    struct overflow *o = &s->overflows[s->n_overflows++];
    o->line = line;
    o->value = value;
    o->as_read = wide ? value : low_32_bits(bits);
    o->negative = negative;
    quote_excerpt(start, (size_t)(end - start), 30, o->text, sizeof(o->text));
    return end;
}

/* Blanks out an @include so libconfig never opens another file (see report in config_load_buffer)
 * while keeping every line break, so line numbers stay right. */
static void blank(char *from, const char *to)
{
    for (; from < to; from++) {
        if (*from != '\n') {
            *from = ' ';
        }
    }
}

struct include {
    int line;
    char name[80];
};

static void scan_newline(struct scan *s, size_t offset, size_t *cap)
{
    if ((size_t)s->n_lines == *cap) {
        *cap *= 2;
        s->line_starts = xrealloc(s->line_starts, *cap * sizeof(*s->line_starts));
    }
    s->line_starts[s->n_lines++] = offset;
}

/* One pass over the text with libconfig's own token rules (strings may span lines; #, // and
 * C comments are skipped). Finds integers that overflow, @include lines, and bracket balance. */
static void scan_text(struct scan *s, char *text, struct include **includes, size_t *n_includes)
{
    size_t cap_lines = 64, cap_stack = 16, depth = 0, cap_inc = 0;
    struct bracket *stack = xrealloc(NULL, cap_stack * sizeof(*stack));
    s->line_starts = xrealloc(NULL, cap_lines * sizeof(*s->line_starts));
    s->line_starts[0] = 0;
    s->n_lines = 1;
    char *p = text;
    while (*p) {
        char c = *p;
        if (c == '\n') {
            scan_newline(s, (size_t)(++p - text), &cap_lines);
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
            p++;
            continue;
        }
        if (c == '#' || (c == '/' && p[1] == '/')) {
            p += strcspn(p, "\n");
            continue;
        }
        if (c == '/' && p[1] == '*') {
            char *end = strstr(p + 2, "*/");
            end = end ? end + 2 : p + strlen(p);
            for (; p < end; p++) {
                if (*p == '\n') {
                    scan_newline(s, (size_t)(p + 1 - text), &cap_lines);
                }
            }
            continue;
        }
        int line = s->n_lines;
        if (c == '"') {
            for (p++; *p && *p != '"'; p++) {
                if (*p == '\\' && p[1] && p[1] != '\n') {
                    p++;
                } else if (*p == '\n') {
                    scan_newline(s, (size_t)(p + 1 - text), &cap_lines);
                }
            }
            p += *p ? 1 : 0;
            continue;
        }
        /* Every @include goes, even a broken one: inside an unfinished @include line,
         * libconfig 1.5's lexer prints stray characters to stdout. */
        if (c == '@' && strncmp(p, "@include", 8) == 0) {
            char *at = p;
            p += 8;
            p += strspn(p, " \t");
            char *end = *p == '"' ? strchr(p + 1, '"') : NULL;
            bool named = end && !memchr(p, '\n', (size_t)(end - p));
            if (*n_includes == cap_inc) {
                cap_inc = cap_inc ? cap_inc * 2 : 4;
                *includes = xrealloc(*includes, cap_inc * sizeof(**includes));
            }
            struct include *inc = &(*includes)[(*n_includes)++];
            inc->line = line;
            inc->name[0] = '\0';
            if (named) {
                quote_excerpt(p + 1, (size_t)(end - p - 1), 60, inc->name, sizeof(inc->name));
                p = end + 1;
            } else {
                p += strcspn(p, "\n");
            }
            blank(at, p);
            continue;
        }
        if (is_ident_start((unsigned char)c)) {
            while (is_ident_char((unsigned char)*p)) {
                p++;
            }
            continue;
        }
        if (c == '.' && is_digit((unsigned char)p[1])) {
            /* A float such as .5e3: its digits are not an integer. */
            p++;
            while (is_digit((unsigned char)*p) || *p == 'e' || *p == 'E' ||
                   ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E'))) {
                p++;
            }
            continue;
        }
        if (is_digit((unsigned char)c) ||
            ((c == '-' || c == '+') && is_digit((unsigned char)p[1]))) {
            const char *digits = is_digit((unsigned char)c) ? p : p + 1;
            p = text + (scan_number(s, p, digits, line) - text);
            continue;
        }
        if (c == '{' || c == '(' || c == '[') {
            if (depth == cap_stack) {
                cap_stack *= 2;
                stack = xrealloc(stack, cap_stack * sizeof(*stack));
            }
            stack[depth].c = c;
            stack[depth].line = line;
            depth++;
        } else if (c == '}' || c == ')' || c == ']') {
            char open = c == '}' ? '{' : c == ')' ? '(' : '[';
            if (depth > 0 && stack[depth - 1].c == open) {
                depth--;
            } else if (!s->mismatch_line) {
                s->mismatch_line = line;
                s->mismatch_c = c;
                s->mismatch_open_c = depth > 0 ? stack[depth - 1].c : 0;
                s->mismatch_open_line = depth > 0 ? stack[depth - 1].line : 0;
            }
        }
        p++;
    }
    if (depth > 0) {
        s->unclosed = stack[depth - 1];
    }
    free(stack);
}

/* ---- the reader ---------------------------------------------------------------------------- */



int line_of(const config_setting_t *s)
{
    return s ? (int)config_setting_source_line(s) : 0;
}

static const struct overflow *find_overflow(const struct reader *r, const config_setting_t *s)
{
    int type = config_setting_type(s);
    if (type != CONFIG_TYPE_INT && type != CONFIG_TYPE_INT64) {
        return NULL;
    }
    long long v = type == CONFIG_TYPE_INT ? config_setting_get_int(s) : config_setting_get_int64(s);
    for (size_t i = 0; i < r->scan.n_overflows; i++) {
        const struct overflow *o = &r->scan.overflows[i];
        if (o->line == line_of(s) && (o->as_read == v || o->value == v)) {
            return o;
        }
    }
    return NULL;
}

/* Says what a setting holds, for "is <this>; write <that>" messages. */
static void describe(const struct reader *r, const config_setting_t *s, char *buf, size_t size)
{
    const struct overflow *o;
    char excerpt[64];
    switch (config_setting_type(s)) {
    case CONFIG_TYPE_INT:
    case CONFIG_TYPE_INT64:
        if ((o = find_overflow(r, s))) {
            snprintf(buf, size, "the number %s", o->text);
        } else {
            snprintf(buf, size, "the number %lld", config_setting_get_int64(s));
        }
        break;
    case CONFIG_TYPE_FLOAT: {
        char num[40];
        snprintf(num, sizeof(num), "%.15g", config_setting_get_float(s));
        if (!strpbrk(num, ".eEin")) {
            strcat(num, ".0");
        }
        snprintf(buf, size, "the number %s", num);
        break;
    }
    case CONFIG_TYPE_STRING: {
        const char *v = config_setting_get_string(s);
        quote_excerpt(v, strlen(v), 40, excerpt, sizeof(excerpt));
        snprintf(buf, size, "text \"%s\"", excerpt);
        break;
    }
    case CONFIG_TYPE_BOOL:
        snprintf(buf, size, "%s", config_setting_get_bool(s) ? "true" : "false");
        break;
    case CONFIG_TYPE_GROUP:
        snprintf(buf, size, "a group { ... }");
        break;
    case CONFIG_TYPE_LIST:
        snprintf(buf, size, "a list ( ... )");
        break;
    default:
        snprintf(buf, size, "a list [ ... ]");
        break;
    }
}

void report_type(struct reader *r, const config_setting_t *s, const char *key,
                        const char *expected)
{
    char what[128];
    describe(r, s, what, sizeof(what));
    diag_add(r->diags, DIAG_ERROR, line_of(s), key, "is %s; %s", what, expected);
}

/* Warns about every member of `group` that is not in `known`, with a near miss if there is one. */
void check_known(struct reader *r, const config_setting_t *group, const char *prefix,
                        const char *const *known, size_t n_known)
{
    for (int i = 0; i < config_setting_length(group); i++) {
        const config_setting_t *m = config_setting_get_elem(group, (unsigned)i);
        const char *name = config_setting_name(m);
        struct suggestion sg = {0};
        bool found = false;
        for (size_t k = 0; k < n_known && !found; k++) {
            found = strcmp(name, known[k]) == 0;
            suggestion_consider(&sg, name, known[k]);
        }
        if (found) {
            continue;
        }
        char key[KEY_MAX];
        snprintf(key, sizeof(key), "%s%s%s", prefix, *prefix ? "." : "", name);
        if (sg.best) {
            diag_add(r->diags, DIAG_WARNING, line_of(m), key,
                     "unknown setting, ignored; did you mean \"%s\"?", sg.best);
        } else {
            char list[512] = "";
            for (size_t k = 0; k < n_known; k++) {
                size_t used = strlen(list);
                snprintf(list + used, sizeof(list) - used, "%s%s", k ? ", " : "", known[k]);
            }
            diag_add(r->diags, DIAG_WARNING, line_of(m), key,
                     "unknown setting, ignored (the settings here are: %s)", list);
        }
    }
}

/* The line of the file where `needle` first appears at or after `from_line`, or `from_line`. */
static int line_of_text(const struct reader *r, const char *needle, size_t len, int from_line)
{
    if (!r->text || from_line < 1 || from_line > r->scan.n_lines) {
        return from_line;
    }
    const char *start = r->text + r->scan.line_starts[from_line - 1];
    for (const char *p = start; *p; p++) {
        if (strncmp(p, needle, len) == 0) {
            int line = from_line;
            for (const char *q = start; q < p; q++) {
                line += *q == '\n';
            }
            return line;
        }
    }
    return from_line;
}

/* Help services ship as placeholders such as "[Local support line - staff: add number]": any
 * text in square brackets that mentions staff. Each left in the file is a warning, so a clinic
 * cannot go live with one unnoticed. */
static void check_staff_placeholders(struct reader *r, const char *v, const char *key, int line)
{
    for (const char *open = strchr(v, '['); open; open = strchr(open + 1, '[')) {
        const char *close = strchr(open, ']');
        if (!close) {
            return;
        }
        bool staff = false;
        for (const char *p = open; p + 5 <= close && !staff; p++) {
            staff = lower(p[0]) == 's' && lower(p[1]) == 't' && lower(p[2]) == 'a' &&
                    lower(p[3]) == 'f' && lower(p[4]) == 'f';
        }
        if (!staff) {
            continue;
        }
        size_t n = (size_t)(close - open) + 1;
        char shown[160];
        quote_excerpt(open, n, 120, shown, sizeof(shown));
        diag_add(r->diags, DIAG_WARNING, line_of_text(r, open, n, line), key,
                 "still holds a placeholder for staff: \"%s\"; replace it with your local "
                 "details, or remove it",
                 shown);
        open = close;
    }
}

/* Checks that a text setting is text and valid UTF-8. Returns it, or NULL when it is not. */
const char *text_of(struct reader *r, const config_setting_t *s, const char *key,
                           const char *expected)
{
    if (config_setting_type(s) != CONFIG_TYPE_STRING) {
        report_type(r, s, key, expected);
        return NULL;
    }
    const char *v = config_setting_get_string(s);
    size_t n = strlen(v);
    long bad = utf8_invalid_at(v, n);
    if (bad < 0) {
        check_staff_placeholders(r, v, key, line_of(s));
        return v;
    }
    if (bad == 0) {
        diag_add(r->diags, DIAG_ERROR, line_of(s), key,
                 "starts with the byte 0x%02X, which is not UTF-8; save the file as UTF-8 "
                 "(in a text editor: Save as, Encoding: UTF-8)",
                 (unsigned char)v[0]);
    } else {
        char before[64];
        size_t from = (size_t)bad > 24 ? (size_t)bad - 24 : 0;
        while (from > 0 && ((unsigned char)v[from] & 0xC0) == 0x80) {
            from++;
        }
        quote_excerpt(v + from, (size_t)bad - from, 40, before, sizeof(before));
        diag_add(r->diags, DIAG_ERROR, line_of(s), key,
                 "has the byte 0x%02X after \"%s%s\", which is not UTF-8; save the file as UTF-8 "
                 "(in a text editor: Save as, Encoding: UTF-8)",
                 (unsigned char)v[bad], from > 0 ? "..." : "", before);
    }
    return NULL;
}

/* The member `name` of `group` as text, or NULL when it is missing (silently) or wrong. */
const char *member_text(struct reader *r, const config_setting_t *group, const char *name,
                               const char *key, const char *expected, int *line)
{
    const config_setting_t *s = group ? config_setting_get_member(group, name) : NULL;
    if (line) {
        *line = line_of(s);
    }
    return s ? text_of(r, s, key, expected) : NULL;
}

bool is_blank(const char *s)
{
    for (; *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n') {
            return false;
        }
    }
    return true;
}


int member_int(struct reader *r, const config_setting_t *group, const char *prefix,
                      const struct int_spec *spec)
{
    const config_setting_t *s = group ? config_setting_get_member(group, spec->name) : NULL;
    if (!s) {
        return spec->fallback;
    }
    char key[KEY_MAX], expected[160];
    snprintf(key, sizeof(key), "%s%s%s", prefix, *prefix ? "." : "", spec->name);
    int type = config_setting_type(s);
    if (type == CONFIG_TYPE_INT || type == CONFIG_TYPE_INT64) {
        const struct overflow *o = find_overflow(r, s);
        long long v = config_setting_get_int64(s);
        if (o || v < spec->min || v > spec->max) {
            bool small = o ? o->negative : v < spec->min;
            char num[40];
            snprintf(num, sizeof(num), "%lld", v);
            diag_add(r->diags, DIAG_ERROR, line_of(s), key, "%s is too %s (expected %d to %d %s)",
                     o ? o->text : num, small ? "small" : "large", spec->min, spec->max,
                     spec->unit);
            return spec->fallback;
        }
        return (int)v;
    }
    if (type == CONFIG_TYPE_FLOAT) {
        char what[64];
        describe(r, s, what, sizeof(what));
        diag_add(r->diags, DIAG_ERROR, line_of(s), key,
                 "is %s, not a whole number; write a whole number from %d to %d (%s) without a "
                 "decimal point, e.g. %s = %d;",
                 what + strlen("the number "), spec->min, spec->max, spec->unit, spec->name,
                 spec->fallback);
        return spec->fallback;
    }
    snprintf(expected, sizeof(expected), "write a whole number without quotes, e.g. %s = %d;",
             spec->name, spec->fallback);
    report_type(r, s, key, expected);
    return spec->fallback;
}

/* The member `name` of `group` when it is a group; NULL when missing or wrong (reported). */
const config_setting_t *member_group(struct reader *r, const config_setting_t *group,
                                            const char *name, const char *key, const char *example)
{
    const config_setting_t *s = config_setting_get_member(group, name);
    if (s && config_setting_type(s) != CONFIG_TYPE_GROUP) {
        char expected[256];
        snprintf(expected, sizeof(expected), "write a group in braces, e.g. %s", example);
        report_type(r, s, key, expected);
        return NULL;
    }
    return s;
}

/* A list of groups may be written ( ... ); an empty [ ] is accepted as an empty list too. */
bool is_list(const config_setting_t *s)
{
    return config_setting_type(s) == CONFIG_TYPE_LIST ||
           (config_setting_type(s) == CONFIG_TYPE_ARRAY && config_setting_length(s) == 0);
}

const config_setting_t *member_list(struct reader *r, const config_setting_t *group,
                                           const char *name, const char *key, const char *example)
{
    const config_setting_t *s = group ? config_setting_get_member(group, name) : NULL;
    if (s && !is_list(s)) {
        char expected[320];
        snprintf(expected, sizeof(expected), "write a list in round brackets, e.g. %s", example);
        report_type(r, s, key, expected);
        return NULL;
    }
    return s;
}

/* ---- files: pictures and fonts ------------------------------------------------------------- */

enum file_kind { FILE_PICTURE, FILE_FONT };

static bool looks_like(const unsigned char *head, size_t n, enum file_kind kind)
{
    if (kind == FILE_FONT) {
        return n >= 4 && (memcmp(head, "\0\1\0\0", 4) == 0 || memcmp(head, "OTTO", 4) == 0 ||
                          memcmp(head, "true", 4) == 0 || memcmp(head, "ttcf", 4) == 0);
    }
    if (n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0) {
        return true;
    }
    if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) {
        return true;
    }
    /* SVG is text: an XML prolog or comments may come first, so look for the element. */
    size_t i = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
        i++;
    }
    if (i >= n || head[i] != '<') {
        return false;
    }
    for (; i + 4 <= n; i++) {
        if (memcmp(head + i, "<svg", 4) == 0) {
            return true;
        }
    }
    return false;
}

/* Finds a picture or font file beside the config, then in the assets folder. Returns the path
 * (malloc'd) when a usable file is there; otherwise warns, saying where it looked. */
static char *find_file(struct reader *r, const char *name, const char *key, int line,
                       enum file_kind kind, const char *without)
{
    char *tried[2] = {NULL, NULL};
    int n_tried = 0;
    if (name[0] == '/') {
        tried[n_tried++] = xstrdup(name);
    } else {
        size_t nd = strlen(r->dir), nn = strlen(name);
        char *p = xrealloc(NULL, nd + nn + 1);
        memcpy(p, r->dir, nd);
        memcpy(p + nd, name, nn + 1);
        tried[n_tried++] = p;
        if (r->assets_dir && r->assets_dir[0]) {
            size_t na = strlen(r->assets_dir);
            bool slash = r->assets_dir[na - 1] == '/';
            p = xrealloc(NULL, na + 1 + nn + 1);
            memcpy(p, r->assets_dir, na);
            if (!slash) {
                p[na++] = '/';
            }
            memcpy(p + na, name, nn + 1);
            tried[n_tried++] = p;
        }
    }
    const char *what = kind == FILE_FONT ? "font" : "picture";
    char *found = NULL;
    for (int i = 0; i < n_tried && !found; i++) {
        struct stat st;
        if (stat(tried[i], &st) != 0) {
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            diag_add(r->diags, DIAG_WARNING, line, key,
                     "\"%s\" is a folder, not a %s file (%s); %s", name, what, tried[i], without);
            goto done;
        }
        FILE *f = fopen(tried[i], "rb");
        if (!f) {
            diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" cannot be read (%s: %s); %s", name,
                     tried[i], strerror(errno), without);
            goto done;
        }
        unsigned char head[1024];
        size_t n = fread(head, 1, sizeof(head), f);
        fclose(f);
        if (!looks_like(head, n, kind)) {
            diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" is not a %s (%s); %s", name,
                     kind == FILE_FONT ? "TrueType or OpenType font" : "PNG, JPEG or SVG picture",
                     tried[i], without);
            goto done;
        }
        found = tried[i];
        tried[i] = NULL;
    }
    if (!found) {
        if (n_tried == 1) {
            diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" was not found (looked for %s); %s",
                     name, tried[0], without);
        } else {
            diag_add(r->diags, DIAG_WARNING, line, key,
                     "\"%s\" was not found (looked for %s and %s); %s", name, tried[0], tried[1],
                     without);
        }
    }
done:
    free(tried[0]);
    free(tried[1]);
    return found;
}

/* A picture setting: returns its index in content.pictures (one entry per file), or
 * CONTENT_NONE when it is not set, empty, or not usable (reported). */
static int member_picture(struct reader *r, const config_setting_t *group, const char *name,
                          const char *key, const char *without)
{
    int line;
    char expected[128];
    snprintf(expected, sizeof(expected),
             "write a file name in double quotes, e.g. %s = \"heart.png\";", name);
    const char *v = member_text(r, group, name, key, expected, &line);
    if (!v || !v[0]) {
        return CONTENT_NONE;
    }
    char *path = find_file(r, v, key, line, FILE_PICTURE, without);
    if (!path) {
        return CONTENT_NONE;
    }
    int index = strmap_get(&r->pictures, path);
    if (index != CONTENT_NONE) {
        free(path);
        return index;
    }
    struct content *c = r->content;
    if ((c->n_pictures & (c->n_pictures - 1)) == 0) {
        c->pictures = xrealloc(c->pictures, (size_t)(c->n_pictures ? c->n_pictures * 2 : 1) *
                                                sizeof(*c->pictures));
    }
    c->pictures[c->n_pictures].path = path;
    strmap_put(&r->pictures, path, c->n_pictures);
    return c->n_pictures++;
}

/* ---- settings, look and words -------------------------------------------------------------- */

static const char *const root_keys[] = {
    "idle_timeout", "reset_countdown", "help_page", "welcome_picture", "look",
    "words",        "menu",            "topics",    "pages",           "display",
    "opening_hours", "staff_pin", "language", "languages", "translations"};
static const char *const display_keys[] = {"rotation", "touch_swap_xy", "touch_invert_x",
                                           "touch_invert_y"};
static const char *const look_keys[] = {"font",          "font_bold",  "fallback_fonts", "text_size",
                                        "high_contrast", "animations", "colors"};
static const char *const menu_keys[] = {"title", "text", "choices"};
static const char *const topic_keys[] = {"id", "title", "picture", "pages"};
static const char *const page_keys[] = {"id", "title", "text", "picture", "choices", "next"};
static const char *const choice_keys[] = {"label", "page", "picture"};


const struct word_spec word_specs[] = {
    {"welcome_title", offsetof(struct words, welcome_title), "Hello", NULL},
    {"welcome_text", offsetof(struct words, welcome_text),
     "Take a moment for yourself. Nothing you tap here is saved.", NULL},
    {"welcome_prompt", offsetof(struct words, welcome_prompt), "Tap anywhere to begin", NULL},
    {"cover_title", offsetof(struct words, cover_title), "Welcome", NULL},
    {"cover_text", offsetof(struct words, cover_text),
     "Please take a seat. Someone will be with you soon.", NULL},
    {"countdown_title", offsetof(struct words, countdown_title), "Still there?", NULL},
    {"countdown_text", offsetof(struct words, countdown_text),
     "Starting again in {seconds} seconds.", "seconds"},
    {"countdown_button", offsetof(struct words, countdown_button), "Continue", NULL},
    {"back", offsetof(struct words, back), "Back", NULL},
    {"next", offsetof(struct words, next), "Next", NULL},
    {"home", offsetof(struct words, home), "Topics", NULL},
    {"help", offsetof(struct words, help), "Get help", NULL},
    {"quick_exit", offsetof(struct words, quick_exit), "Quick exit", NULL},
    {"done", offsetof(struct words, done), "More topics", NULL},
    {"progress", offsetof(struct words, progress), "{page} of {pages}", "page pages"},
};
const size_t n_word_specs = COUNT(word_specs);

static const struct color default_colors[COLOR_COUNT] = {
    [COLOR_BACKGROUND] = {0xF7, 0xF4, 0xEF},      [COLOR_TEXT] = {0x1E, 0x2B, 0x33},
    [COLOR_HEADING] = {0x1D, 0x4E, 0x57},         [COLOR_BUTTON] = {0x1D, 0x4E, 0x57},
    [COLOR_BUTTON_TEXT] = {0xFF, 0xFF, 0xFF},     [COLOR_CHOICE] = {0xE3, 0xEC, 0xEA},
    [COLOR_CHOICE_TEXT] = {0x1E, 0x2B, 0x33},     [COLOR_QUICK_EXIT] = {0x5B, 0x23, 0x33},
    [COLOR_QUICK_EXIT_TEXT] = {0xFF, 0xFF, 0xFF}, [COLOR_BAR] = {0xEA, 0xE4, 0xDA},
};

/* Light on black, every pair far above 7:1; buttons are light blocks, so they read as buttons
 * without relying on hue. */
static const struct color high_contrast_colors[COLOR_COUNT] = {
    [COLOR_BACKGROUND] = {0x00, 0x00, 0x00},      [COLOR_TEXT] = {0xFF, 0xFF, 0xFF},
    [COLOR_HEADING] = {0xFF, 0xE6, 0x00},         [COLOR_BUTTON] = {0xFF, 0xE6, 0x00},
    [COLOR_BUTTON_TEXT] = {0x00, 0x00, 0x00},     [COLOR_CHOICE] = {0xFF, 0xFF, 0xFF},
    [COLOR_CHOICE_TEXT] = {0x00, 0x00, 0x00},     [COLOR_QUICK_EXIT] = {0xFF, 0xC2, 0xCC},
    [COLOR_QUICK_EXIT_TEXT] = {0x00, 0x00, 0x00}, [COLOR_BAR] = {0x1F, 0x1F, 0x1F},
};

static const struct int_spec idle_spec = {"idle_timeout", 15, 3600, 90, "seconds"};
static const struct int_spec reset_spec = {"reset_countdown", 5, 300, 20, "seconds"};
static const struct int_spec size_spec = {"text_size", 50, 200, 100, "percent"};

static int hex_value(int c)
{
    return is_digit(c) ? c - '0' : lower(c) - 'a' + 10;
}

static bool parse_color(const char *v, struct color *out)
{
    if (strlen(v) != 7 || v[0] != '#') {
        return false;
    }
    for (int i = 1; i < 7; i++) {
        if (!is_xdigit((unsigned char)v[i])) {
            return false;
        }
    }
    out->r = (uint8_t)(hex_value(v[1]) * 16 + hex_value(v[2]));
    out->g = (uint8_t)(hex_value(v[3]) * 16 + hex_value(v[4]));
    out->b = (uint8_t)(hex_value(v[5]) * 16 + hex_value(v[6]));
    return true;
}

/* Fonts for the scripts the main font lacks, tried in order for each character. Any that is
 * missing is skipped with a warning; DejaVu Sans stays the last resort. */
static void read_fallback_fonts(struct reader *r, const config_setting_t *look)
{
    const config_setting_t *list = config_setting_get_member(look, "fallback_fonts");
    if (!list) {
        return;
    }
    if (config_setting_type(list) != CONFIG_TYPE_ARRAY && config_setting_type(list) != CONFIG_TYPE_LIST) {
        report_type(r, list, "look.fallback_fonts",
                    "write font file names in square brackets, e.g. fallback_fonts = [ "
                    "\"NotoSansArabicUI-Regular.ttf\" ];");
        return;
    }
    struct theme *t = &r->content->theme;
    int n = config_setting_length(list);
    t->fallback_fonts = xcalloc((size_t)n + 1, sizeof(*t->fallback_fonts));
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
        char key[KEY_MAX];
        snprintf(key, sizeof(key), "look.fallback_fonts[%d]", i + 1);
        const char *v = text_of(r, e, key, "write a font file name in double quotes, e.g. "
                                           "\"NotoSansArabicUI-Regular.ttf\"");
        char *path = v && v[0] ? find_file(r, v, key, line_of(e), FILE_FONT,
                                           "the next font in the list is used")
                               : NULL;
        if (path) {
            t->fallback_fonts[t->n_fallback_fonts++] = path;
        }
    }
}

static void read_look(struct reader *r, const config_setting_t *root)
{
    struct theme *t = &r->content->theme;
    memcpy(t->colors, default_colors, sizeof(default_colors));
    const config_setting_t *look =
        member_group(r, root, "look", "look", "look = { text_size = 100; };");
    int color_lines[COLOR_COUNT] = {0};
    int colors_line = line_of(look);
    t->text_size = member_int(r, look, "look", &size_spec);
    t->animations = true;
    if (!look) {
        return;
    }
    t->high_contrast = member_bool(r, look, "look", "high_contrast", false);
    t->animations = member_bool(r, look, "look", "animations", true);
    check_known(r, look, "look", look_keys, COUNT(look_keys));
    static const struct {
        const char *name, *without;
    } fonts[] = {
        {"font", "the system font (DejaVu Sans) is used"},
        {"font_bold", "the regular font is made bold instead"},
    };
    for (int i = 0; i < 2; i++) {
        char key[KEY_MAX], expected[160];
        int line;
        snprintf(key, sizeof(key), "look.%s", fonts[i].name);
        snprintf(expected, sizeof(expected),
                 "write a font file name in double quotes, e.g. %s = \"MyFont.ttf\";",
                 fonts[i].name);
        const char *v = member_text(r, look, fonts[i].name, key, expected, &line);
        char *path = v && v[0] ? find_file(r, v, key, line, FILE_FONT, fonts[i].without) : NULL;
        *(i == 0 ? &t->font : &t->font_bold) = path;
    }
    read_fallback_fonts(r, look);
    const config_setting_t *colors =
        member_group(r, look, "colors", "look.colors", "colors = { background = \"#F7F4EF\"; };");
    if (colors) {
        colors_line = line_of(colors);
        check_known(r, colors, "look.colors", theme_color_names, COLOR_COUNT);
        for (int i = 0; i < COLOR_COUNT; i++) {
            char key[KEY_MAX], expected[160];
            const struct color d = default_colors[i];
            snprintf(key, sizeof(key), "look.colors.%s", theme_color_names[i]);
            snprintf(expected, sizeof(expected),
                     "write a colour as \"#RRGGBB\" in double quotes, e.g. %s = \"#%02X%02X%02X\";",
                     theme_color_names[i], d.r, d.g, d.b);
            const char *v =
                member_text(r, colors, theme_color_names[i], key, expected, &color_lines[i]);
            if (v && !parse_color(v, &t->colors[i])) {
                char excerpt[64];
                quote_excerpt(v, strlen(v), 30, excerpt, sizeof(excerpt));
                diag_add(r->diags, DIAG_ERROR, color_lines[i], key,
                         "\"%s\" is not a colour; write it as \"#RRGGBB\" (# and six digits or "
                         "letters A to F), e.g. %s = \"#%02X%02X%02X\";",
                         excerpt, theme_color_names[i], d.r, d.g, d.b);
            }
        }
    }
    if (t->high_contrast) {
        /* The colours above stay in the file for when high contrast is turned off again. */
        memcpy(t->colors, high_contrast_colors, sizeof(high_contrast_colors));
        return;
    }
    for (size_t i = 0; i < THEME_TEXT_PAIRS; i++) {
        enum theme_color fg = theme_text_pairs[i][0], bg = theme_text_pairs[i][1];
        double ratio = color_contrast(t->colors[fg], t->colors[bg]);
        if (ratio >= MIN_CONTRAST) {
            continue;
        }
        struct color a = t->colors[fg], b = t->colors[bg];
        int line = color_lines[fg]   ? color_lines[fg]
                   : color_lines[bg] ? color_lines[bg]
                                     : colors_line;
        char key[KEY_MAX];
        snprintf(key, sizeof(key), "look.colors.%s", theme_color_names[fg]);
        /* Rounded down, so a ratio just under the limit never prints as the limit itself. */
        int tenths = (int)(ratio * 10.0);
        /* Push the two apart: the darker of them darker still, the lighter one lighter. */
        bool darker_fg = color_luminance(a) <= color_luminance(b);
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "%s #%02X%02X%02X on %s #%02X%02X%02X has a contrast of only %d.%d:1, hard to "
                 "read; choose colours with at least 4.5:1, e.g. a %s %s or a %s %s",
                 theme_color_names[fg], a.r, a.g, a.b, theme_color_names[bg], b.r, b.g, b.b,
                 tenths / 10, tenths % 10, darker_fg ? "darker" : "lighter", theme_color_names[fg],
                 darker_fg ? "lighter" : "darker", theme_color_names[bg]);
    }
}

/* Only the placeholders the kiosk fills in may appear: anything else would show as typed. */
void check_placeholders(struct reader *r, const char *v, const char *key, const char *name,
                        int line, const char *allowed, const char *fallback)
{
    for (const char *p = strchr(v, '{'); p; p = strchr(p + 1, '{')) {
        const char *end = p + 1;
        while (is_ident_char((unsigned char)*end)) {
            end++;
        }
        if (*end != '}') {
            continue;
        }
        size_t len = (size_t)(end - p - 1);
        bool known = false;
        for (const char *a = allowed; *a && !known;) {
            size_t n = strcspn(a, " ");
            known = n == len && strncmp(a, p + 1, len) == 0;
            a += n + (a[n] == ' ');
        }
        if (known) {
            continue;
        }
        char use[64] = "";
        for (const char *a = allowed; *a;) {
            size_t n = strcspn(a, " ");
            size_t used = strlen(use);
            snprintf(use + used, sizeof(use) - used, "%s{%.*s}", used ? " and " : "", (int)n, a);
            a += n + (a[n] == ' ');
        }
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "{%.*s} is not known here; use %s%s, e.g. %s = \"%s\";",
                 (int)(len > 40 ? 40 : len), p + 1, use, strchr(allowed, ' ') ? "" : " only", name,
                 fallback);
    }
}

static void read_words(struct reader *r, const config_setting_t *root)
{
    const config_setting_t *words =
        member_group(r, root, "words", "words", "words = { back = \"Back\"; };");
    const char *names[COUNT(word_specs)];
    for (size_t i = 0; i < COUNT(word_specs); i++) {
        names[i] = word_specs[i].name;
    }
    if (words) {
        check_known(r, words, "words", names, COUNT(names));
    }
    for (size_t i = 0; i < COUNT(word_specs); i++) {
        char key[KEY_MAX], expected[200];
        int line;
        snprintf(key, sizeof(key), "words.%s", word_specs[i].name);
        snprintf(expected, sizeof(expected), "write text in double quotes, e.g. %s = \"%s\";",
                 word_specs[i].name, word_specs[i].fallback);
        const char *v = member_text(r, words, word_specs[i].name, key, expected, &line);
        if (v && word_specs[i].placeholders) {
            check_placeholders(r, v, key, word_specs[i].name, line, word_specs[i].placeholders,
                               word_specs[i].fallback);
        }
        char **field = (char **)((char *)&r->content->words + word_specs[i].offset);
        *field = xstrdup(v ? v : word_specs[i].fallback);
    }
}

/* ---- pages --------------------------------------------------------------------------------- */

static int add_page(struct reader *r)
{
    struct content *c = r->content;
    if (c->n_pages == r->cap_pages) {
        r->cap_pages = r->cap_pages ? r->cap_pages * 2 : 16;
        c->pages = xrealloc(c->pages, (size_t)r->cap_pages * sizeof(*c->pages));
        r->aux = xrealloc(r->aux, (size_t)r->cap_pages * sizeof(*r->aux));
    }
    int i = c->n_pages++;
    struct page *p = &c->pages[i];
    memset(p, 0, sizeof(*p));
    memset(&r->aux[i], 0, sizeof(r->aux[i]));
    p->picture = CONTENT_NONE;
    p->topic = CONTENT_NONE;
    p->next = CONTENT_NONE;
    return i;
}

/* Letters, digits, - and _: what page and topic ids are made of. */
static bool is_id_char(unsigned char c)
{
    return is_digit(c) || c == '-' || c == '_' || (lower(c) >= 'a' && lower(c) <= 'z');
}

/* Says why an id is not allowed, or returns false when it is fine. */
bool bad_id(struct reader *r, const char *id, const char *key, int line)
{
    size_t n = strlen(id);
    if (n == 0) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "is empty; give the page a short name, e.g. id = \"feeling-safe\";");
        return true;
    }
    if (strcmp(id, CONTENT_MENU_ID) == 0) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"menu\" is the id of the topic menu; give this page another id, e.g. "
                 "id = \"menu-2\";");
        return true;
    }
    /* `kiosk --render` names its pictures of the fixed screens so; a page may not take them. */
    static const char *const screens[] = {"welcome", "countdown", "cover"};
    for (size_t k = 0; k < sizeof(screens) / sizeof(screens[0]); k++) {
        if (strcmp(id, screens[k]) == 0) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is the name of the kiosk's %s screen; give this page another id, "
                     "e.g. id = \"%s-page\";",
                     id, id, id);
            return true;
        }
    }
    char fixed[ID_MAX + 1];
    size_t o = 0;
    bool ok = n <= ID_MAX;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)id[i];
        bool allowed = is_id_char(c);
        ok = ok && allowed;
        /* The suggestion swaps every other character for '-', skipping UTF-8 continuations. */
        if (o < ID_MAX && (allowed || ((c & 0xC0) != 0x80 && (o == 0 || fixed[o - 1] != '-')))) {
            fixed[o++] = allowed ? (char)c : '-';
        }
    }
    while (o > 0 && fixed[o - 1] == '-') {
        o--;
    }
    fixed[o] = '\0';
    if (ok) {
        return false;
    }
    if (o == 0) {
        strcpy(fixed, "page-1");
    }
    char excerpt[96];
    quote_excerpt(id, n, 70, excerpt, sizeof(excerpt));
    if (n > ID_MAX) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" is %zu characters long; an id may have at most 64, e.g. id = \"%.20s\";",
                 excerpt, n, fixed);
    } else {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" may only use letters, digits, - and _ (no spaces), e.g. id = \"%s\";",
                 excerpt, fixed);
    }
    return true;
}

/* Reads the choices of a page (or of the menu) and appends them to it. Targets are resolved
 * once every page is known. */
static void read_choices(struct reader *r, int page, const config_setting_t *group)
{
    char key[KEY_MAX];
    snprintf(key, sizeof(key), "%s.choices", r->aux[page].key);
    const config_setting_t *list = member_list(
        r, group, "choices", key, "choices = ( { label = \"Yes\"; page = \"some-id\"; } );");
    int n = list ? config_setting_length(list) : 0;
    if (n == 0) {
        return;
    }
    struct page *p = &r->content->pages[page];
    int base = p->n_choices;
    p->choices = xrealloc(p->choices, (size_t)(base + n) * sizeof(*p->choices));
    for (int i = 0; i < n; i++) {
        const config_setting_t *s = config_setting_get_elem(list, (unsigned)i);
        char ckey[KEY_MAX], fkey[KEY_MAX + 16];
        snprintf(ckey, sizeof(ckey), "%s.choices[%d]", r->aux[page].key, i + 1);
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            report_type(r, s, ckey,
                        "each choice is a group in braces, e.g. { label = \"Yes\"; page = "
                        "\"some-id\"; }");
            continue;
        }
        check_known(r, s, ckey, choice_keys, COUNT(choice_keys));
        struct choice *ch = &p->choices[p->n_choices++];
        memset(ch, 0, sizeof(*ch));
        ch->line = line_of(s);
        ch->target = CONTENT_NONE;
        snprintf(fkey, sizeof(fkey), "%s.label", ckey);
        const char *label = member_text(r, s, "label", fkey,
                                        "write the words on the button in double quotes, e.g. "
                                        "label = \"Yes\";",
                                        NULL);
        if (!config_setting_get_member(s, "label")) {
            diag_add(r->diags, DIAG_ERROR, ch->line, fkey,
                     "is missing; write the words on the button, e.g. label = \"Yes\";");
        } else if (label && is_blank(label)) {
            diag_add(r->diags, DIAG_ERROR, ch->line, fkey,
                     "is empty; write the words on the button, e.g. label = \"Yes\";");
        }
        ch->label = xstrdup(label ? label : "");
        snprintf(fkey, sizeof(fkey), "%s.page", ckey);
        int line;
        const char *target = member_text(r, s, "page", fkey,
                                         "write the id of a page in double quotes, e.g. "
                                         "page = \"some-id\";",
                                         &line);
        if (!config_setting_get_member(s, "page")) {
            diag_add(r->diags, DIAG_ERROR, ch->line, fkey,
                     "is missing; write the id of the page this button leads to, e.g. "
                     "page = \"some-id\";");
        } else if (target && !target[0]) {
            diag_add(r->diags, DIAG_ERROR, line, fkey,
                     "is empty; write the id of the page this button leads to, e.g. "
                     "page = \"some-id\";");
            target = NULL;
        }
        ch->target_id = target ? xstrdup(target) : NULL;
        if (target) {
            ch->line = line;
        }
        snprintf(fkey, sizeof(fkey), "%s.picture", ckey);
        ch->picture = member_picture(r, s, "picture", fkey, "the button is shown without it");
    }
}

/* Reads one page group into a new page; `where` names it until it has a valid id. */
static int read_page(struct reader *r, const config_setting_t *s, const char *where, int topic,
                     int index_in_topic)
{
    if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
        report_type(r, s, where,
                    "each page is a group in braces, e.g. { id = \"some-id\"; title = "
                    "\"A heading\"; }");
        return CONTENT_NONE;
    }
    int index = add_page(r);
    struct page *p = &r->content->pages[index];
    struct page_aux *aux = &r->aux[index];
    p->line = line_of(s);
    p->topic = topic;
    p->index_in_topic = index_in_topic;

    char key[KEY_MAX + 16];
    int line;
    snprintf(key, sizeof(key), "%s.id", where);
    const char *id = member_text(
        r, s, "id", key, "write a short name in double quotes, e.g. id = \"some-id\";", &line);
    bool valid = false;
    if (!config_setting_get_member(s, "id")) {
        diag_add(r->diags, DIAG_ERROR, p->line, key,
                 "is missing; every page needs a short name that choices and next can use, e.g. "
                 "id = \"some-id\";");
    } else if (id && !bad_id(r, id, key, line)) {
        int other = strmap_get(&r->ids, id);
        if (other != CONTENT_NONE) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is already the id of the page on line %d; give each page its own id",
                     id, r->content->pages[other].line);
        } else {
            valid = true;
        }
    }
    p->id = xstrdup(id ? id : "");
    if (valid) {
        /* The key borrows the page's own copy of the id, which lives as long as the map. */
        strmap_put(&r->ids, p->id, index);
        aux->valid_id = true;
        size_t n = strlen(p->id) + 8;
        aux->key = xrealloc(NULL, n);
        snprintf(aux->key, n, "page \"%s\"", p->id);
    } else {
        aux->key = xstrdup(where);
    }
    check_known(r, s, aux->key, page_keys, COUNT(page_keys));

    snprintf(key, sizeof(key), "%s.title", aux->key);
    const char *title = member_text(r, s, "title", key,
                                    "write the heading in double quotes, e.g. title = \"Feeling "
                                    "safe\";",
                                    &line);
    if (!config_setting_get_member(s, "title")) {
        diag_add(r->diags, DIAG_ERROR, p->line, key,
                 "is missing; every page needs a heading, e.g. title = \"Feeling safe\";");
    } else if (title && is_blank(title)) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "is empty; write the page's heading, e.g. title = \"Feeling safe\";");
    }
    p->title = xstrdup(title ? title : "");

    snprintf(key, sizeof(key), "%s.text", aux->key);
    const char *text = member_text(
        r, s, "text", key,
        "write the words in double quotes, e.g. text = \"First line.\\nSecond line.\";", NULL);
    p->text = xstrdup(text ? text : "");

    snprintf(key, sizeof(key), "%s.picture", aux->key);
    p->picture = member_picture(r, s, "picture", key, "the page is shown without it");

    snprintf(key, sizeof(key), "%s.next", aux->key);
    const char *next = member_text(r, s, "next", key,
                                   "write the id of a page in double quotes, e.g. next = "
                                   "\"some-id\";",
                                   &aux->next_line);
    aux->has_next = config_setting_get_member(s, "next") != NULL;
    if (next && !next[0]) {
        diag_add(r->diags, DIAG_ERROR, aux->next_line, key,
                 "is empty; write the id of the page Next leads to, or remove this line to go to "
                 "the following page of the topic");
    } else if (next) {
        aux->next_id = xstrdup(next);
    }
    read_choices(r, index, s);
    return index;
}

/* A topic's id only lets translations name it: the same letters as a page id, once each. */
static bool bad_topic_id(struct reader *r, const char *id, const char *key, int line)
{
    size_t n = strlen(id);
    bool ok = n > 0 && n <= ID_MAX;
    for (size_t i = 0; ok && i < n; i++) {
        unsigned char c = (unsigned char)id[i];
        ok = is_id_char(c);
    }
    if (!ok) {
        char excerpt[96];
        quote_excerpt(id, n, 70, excerpt, sizeof(excerpt));
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" is not a usable id; use 1 to 64 letters, digits, - and _ (no spaces), "
                 "e.g. id = \"safe\";",
                 excerpt);
        return true;
    }
    for (int t = 0; t < r->content->n_topics; t++) {
        const char *other = r->content->topics[t].id;
        if (other && strcmp(other, id) == 0) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is already the id of topic %d; give each topic its own id", id,
                     t + 1);
            return true;
        }
    }
    return false;
}

static void read_topics(struct reader *r, const config_setting_t *root)
{
    const char *example = "topics = ( { title = \"Feeling safe\"; pages = ( { id = \"safe-1\"; "
                          "title = \"Feeling safe\"; } ); } );";
    const config_setting_t *topics = member_list(r, root, "topics", "topics", example);
    if (!topics) {
        if (!config_setting_get_member(root, "topics")) {
            diag_add(r->diags, DIAG_ERROR, 0, "topics",
                     "is missing; the kiosk needs at least one topic, e.g. %s", example);
        }
        return;
    }
    int n = config_setting_length(topics);
    if (n == 0) {
        diag_add(r->diags, DIAG_ERROR, line_of(topics), "topics",
                 "is empty; the kiosk needs at least one topic, e.g. %s", example);
        return;
    }
    struct content *c = r->content;
    c->topics = xcalloc((size_t)n, sizeof(*c->topics));
    for (int t = 0; t < n; t++) {
        const config_setting_t *s = config_setting_get_elem(topics, (unsigned)t);
        char where[KEY_MAX], key[KEY_MAX + 16];
        snprintf(where, sizeof(where), "topic %d", t + 1);
        struct topic *topic = &c->topics[c->n_topics];
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            report_type(r, s, where,
                        "each topic is a group in braces, e.g. { title = \"Feeling safe\"; "
                        "pages = ( ... ); }");
            continue;
        }
        check_known(r, s, where, topic_keys, COUNT(topic_keys));
        int line;
        snprintf(key, sizeof(key), "%s.title", where);
        const char *title = member_text(r, s, "title", key,
                                        "write the topic's name in double quotes, e.g. title = "
                                        "\"Feeling safe\";",
                                        &line);
        if (!config_setting_get_member(s, "title")) {
            diag_add(r->diags, DIAG_ERROR, line_of(s), key,
                     "is missing; write the topic's name for its menu button, e.g. title = "
                     "\"Feeling safe\";");
        } else if (title && is_blank(title)) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "is empty; write the topic's name for its menu button, e.g. title = "
                     "\"Feeling safe\";");
        }
        topic->title = xstrdup(title ? title : "");
        snprintf(key, sizeof(key), "%s.id", where);
        const char *id = member_text(r, s, "id", key,
                                     "write a short name in double quotes, e.g. id = \"safe\";",
                                     &line);
        if (id && !bad_topic_id(r, id, key, line)) {
            topic->id = xstrdup(id);
        }
        snprintf(key, sizeof(key), "%s.picture", where);
        topic->picture =
            member_picture(r, s, "picture", key, "its menu button is shown without it");
        int topic_index = c->n_topics++;
        topic->first_page = c->n_pages;

        snprintf(key, sizeof(key), "%s.pages", where);
        const config_setting_t *pages = member_list(
            r, s, "pages", key, "pages = ( { id = \"safe-1\"; title = \"Feeling safe\"; } );");
        int n_pages = pages ? config_setting_length(pages) : 0;
        if (!config_setting_get_member(s, "pages")) {
            diag_add(r->diags, DIAG_ERROR, line_of(s), key,
                     "is missing; a topic needs a list of one or more pages, e.g. pages = ( { id = "
                     "\"safe-1\"; title = \"Feeling safe\"; } );");
        } else if (pages && n_pages == 0) {
            diag_add(r->diags, DIAG_ERROR, line_of(pages), key,
                     "is empty; a topic needs one or more pages, e.g. pages = ( { id = \"safe-1\"; "
                     "title = \"Feeling safe\"; } );");
        }
        for (int i = 0; i < n_pages; i++) {
            char pwhere[KEY_MAX];
            snprintf(pwhere, sizeof(pwhere), "topic %d.pages[%d]", t + 1, i + 1);
            read_page(r, config_setting_get_elem(pages, (unsigned)i), pwhere, topic_index,
                      c->n_pages - c->topics[topic_index].first_page);
        }
        c->topics[topic_index].n_pages = c->n_pages - c->topics[topic_index].first_page;
    }
}

static void read_loose_pages(struct reader *r, const config_setting_t *root)
{
    const config_setting_t *pages = member_list(
        r, root, "pages", "pages", "pages = ( { id = \"help\"; title = \"Getting help\"; } );");
    int n = pages ? config_setting_length(pages) : 0;
    for (int i = 0; i < n; i++) {
        char where[KEY_MAX];
        snprintf(where, sizeof(where), "pages[%d]", i + 1);
        read_page(r, config_setting_get_elem(pages, (unsigned)i), where, CONTENT_NONE, 0);
    }
}

/* The menu is page 0: a button per topic, then the config's own extra choices. */
static const config_setting_t *read_menu(struct reader *r, const config_setting_t *root)
{
    int index = add_page(r);
    struct page *p = &r->content->pages[index];
    r->aux[index].key = xstrdup("menu");
    r->aux[index].valid_id = true;
    p->id = xstrdup(CONTENT_MENU_ID);
    strmap_put(&r->ids, p->id, index);
    const config_setting_t *menu = member_group(r, root, "menu", "menu",
                                                "menu = { title = \"What would you like to read "
                                                "about?\"; };");
    p->line = line_of(menu);
    if (menu) {
        check_known(r, menu, "menu", menu_keys, COUNT(menu_keys));
    }
    const char *fallback = "What would you like to read about?";
    int line;
    const char *title = member_text(r, menu, "title", "menu.title",
                                    "write the heading in double quotes, e.g. title = \"What "
                                    "would you like to read about?\";",
                                    &line);
    if (title && is_blank(title)) {
        diag_add(r->diags, DIAG_ERROR, line, "menu.title",
                 "is empty; write the menu's heading, or remove this line to use \"%s\"", fallback);
    }
    p->title = xstrdup(title ? title : fallback);
    const char *text = member_text(r, menu, "text", "menu.text",
                                   "write the words in double quotes, e.g. text = \"Tap a topic "
                                   "to read more.\";",
                                   NULL);
    p->text = xstrdup(text ? text : "");
    return menu;
}

static void finish_menu(struct reader *r, const config_setting_t *menu)
{
    struct content *c = r->content;
    struct page *p = &c->pages[c->menu];
    p->n_choices = c->n_topics;
    p->choices = xcalloc((size_t)c->n_topics, sizeof(*p->choices));
    for (int t = 0; t < c->n_topics; t++) {
        const struct topic *topic = &c->topics[t];
        struct choice *ch = &p->choices[t];
        ch->label = xstrdup(topic->title);
        ch->picture = topic->picture;
        /* A topic without pages is already reported; its button has nowhere to go. */
        ch->target = topic->n_pages > 0 ? topic->first_page : CONTENT_NONE;
        ch->target_id = topic->n_pages > 0 ? xstrdup(c->pages[topic->first_page].id) : NULL;
        ch->line = topic->n_pages > 0 ? c->pages[topic->first_page].line : 0;
    }
    r->aux[c->menu].choice_offset = c->n_topics;
    if (menu) {
        read_choices(r, c->menu, menu);
    }
}

/* ---- links --------------------------------------------------------------------------------- */

/* The page with this id, or CONTENT_NONE after saying so; `from` is the page the link is on,
 * which is never suggested as the page meant. */
static int resolve(struct reader *r, const char *id, const char *key, int line, int from)
{
    int index = strmap_get(&r->ids, id);
    if (index != CONTENT_NONE) {
        return index;
    }
    r->broken_links++;
    struct suggestion sg = {0};
    if (r->suggestions_left > 0) {
        r->suggestions_left--;
        for (int i = 0; i < r->content->n_pages; i++) {
            if (r->aux[i].valid_id && i != from) {
                suggestion_consider(&sg, id, r->content->pages[i].id);
            }
        }
    }
    char excerpt[96];
    quote_excerpt(id, strlen(id), 70, excerpt, sizeof(excerpt));
    if (sg.best) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "there is no page with id \"%s\"; did you mean \"%s\"?", excerpt, sg.best);
    } else {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "there is no page with id \"%s\"; write the id of one of the pages, or \"menu\"",
                 excerpt);
    }
    return CONTENT_NONE;
}

static void resolve_links(struct reader *r, const config_setting_t *root)
{
    struct content *c = r->content;
    for (int i = 0; i < c->n_pages; i++) {
        struct page *p = &c->pages[i];
        struct page_aux *aux = &r->aux[i];
        for (int k = 0; k < p->n_choices; k++) {
            struct choice *ch = &p->choices[k];
            if (ch->target != CONTENT_NONE || !ch->target_id) {
                continue;
            }
            char key[KEY_MAX + 32];
            snprintf(key, sizeof(key), "%s.choices[%d].page", aux->key, k - aux->choice_offset + 1);
            ch->target = resolve(r, ch->target_id, key, ch->line, i);
        }
        if (aux->next_id) {
            char key[KEY_MAX + 8];
            snprintf(key, sizeof(key), "%s.next", aux->key);
            p->next = resolve(r, aux->next_id, key, aux->next_line, i);
        } else if (!aux->has_next && p->topic != CONTENT_NONE &&
                   p->index_in_topic + 1 < c->topics[p->topic].n_pages) {
            p->next = i + 1;
        }
    }
    int line;
    const char *help = member_text(r, root, "help_page", "help_page",
                                   "write the id of a page in double quotes, e.g. help_page = "
                                   "\"help\";",
                                   &line);
    c->help_page =
        help && help[0] ? resolve(r, help, "help_page", line, CONTENT_NONE) : CONTENT_NONE;
}

static void visit(bool *seen, int *queue, int *tail, int page)
{
    if (page != CONTENT_NONE && !seen[page]) {
        seen[page] = true;
        queue[(*tail)++] = page;
    }
}

/* Warns about pages that no path from the menu reaches: they would never be seen. */
static void check_reachable(struct reader *r)
{
    struct content *c = r->content;
    /* A broken link is the likely reason a page is out of reach: saying so twice would only
     * bury the real mistake. */
    if (r->broken_links > 0) {
        return;
    }
    bool *seen = xcalloc((size_t)c->n_pages, sizeof(*seen));
    int *queue = xcalloc((size_t)c->n_pages, sizeof(*queue));
    int head = 0, tail = 0;
    visit(seen, queue, &tail, c->menu);
    visit(seen, queue, &tail, c->help_page);
    while (head < tail) {
        int i = queue[head++];
        const struct page *p = &c->pages[i];
        visit(seen, queue, &tail, p->next);
        /* A topic is read in order, so its following page counts as linked even when `next`
         * sends the visitor elsewhere: the progress line still promises it. */
        if (p->topic != CONTENT_NONE && p->index_in_topic + 1 < c->topics[p->topic].n_pages) {
            visit(seen, queue, &tail, i + 1);
        }
        for (int k = 0; k < p->n_choices; k++) {
            visit(seen, queue, &tail, p->choices[k].target);
        }
    }
    for (int i = 0; i < c->n_pages; i++) {
        if (!seen[i] && r->aux[i].valid_id) {
            diag_add(r->diags, DIAG_WARNING, c->pages[i].line, r->aux[i].key,
                     "no choice, next or help_page leads to this page, so visitors never see it; "
                     "link to it from another page, or remove it");
        }
    }
    free(seen);
    free(queue);
}

/* Warns about `next` links that go round in a circle: Next would never end the topic. Topics
 * and Quick exit still lead out, so the file stays usable; but it is surely a slip. */
static void check_next_cycles(struct reader *r)
{
    struct content *c = r->content;
    unsigned char *state = xcalloc((size_t)c->n_pages + 1, 1); /* 0 new, 1 on this walk, 2 done */
    int *walk = xcalloc((size_t)c->n_pages + 1, sizeof(*walk));
    for (int i = 0; i < c->n_pages; i++) {
        int n = 0, j = i;
        while (j != CONTENT_NONE && state[j] == 0) {
            state[j] = 1;
            walk[n++] = j;
            j = c->pages[j].next;
        }
        if (j != CONTENT_NONE && state[j] == 1) {
            /* The circle starts at j; name it from there, and report it at its last link. */
            char path[400] = "";
            size_t used = 0;
            int from = 0;
            while (walk[from] != j) {
                from++;
            }
            for (int k = from; k < n && used < sizeof(path) - 80; k++) {
                used += (size_t)snprintf(path + used, sizeof(path) - used, "\"%s\" -> ",
                                         c->pages[walk[k]].id);
            }
            snprintf(path + used, sizeof(path) - used, "\"%s\"", c->pages[j].id);
            int last = walk[n - 1];
            char key[KEY_MAX + 8];
            snprintf(key, sizeof(key), "%s.next", r->aux[last].key);
            diag_add(r->diags, DIAG_WARNING, r->aux[last].next_line ? r->aux[last].next_line
                                                                   : c->pages[last].line,
                     key,
                     "the Next links go round in a circle (%s), so reading on never ends; "
                     "point this next at another page, or at \"menu\"",
                     path);
        }
        for (int k = 0; k < n; k++) {
            state[walk[k]] = 2;
        }
    }
    free(walk);
    free(state);
}

/* ---- syntax errors ------------------------------------------------------------------------- */

struct line_view {
    const char *s;
    size_t n;
};

static struct line_view line_text(const struct reader *r, const char *text, int line)
{
    struct line_view v = {"", 0};
    if (line < 1 || line > r->scan.n_lines) {
        return v;
    }
    v.s = text + r->scan.line_starts[line - 1];
    const char *end = strchr(v.s, '\n');
    v.n = end ? (size_t)(end - v.s) : strlen(v.s);
    return v;
}

/* The line without its comment and surrounding blanks, judged on its own. Sets *odd when it
 * holds an odd number of double quotes, the mark of a text missing one. */
static struct line_view code_of(struct line_view v, bool *odd)
{
    bool in_string = false;
    size_t end = v.n;
    int quotes = 0;
    for (size_t i = 0; i < v.n; i++) {
        char c = v.s[i];
        if (in_string && c == '\\') {
            i++;
        } else if (c == '"') {
            in_string = !in_string;
            quotes++;
        } else if (!in_string && (c == '#' || (c == '/' && i + 1 < v.n && v.s[i + 1] == '/'))) {
            end = i;
            break;
        }
    }
    if (odd) {
        *odd = quotes % 2 == 1;
    }
    struct line_view out = {v.s, end};
    while (out.n > 0 && (*out.s == ' ' || *out.s == '\t')) {
        out.s++;
        out.n--;
    }
    while (out.n > 0 && (out.s[out.n - 1] == ' ' || out.s[out.n - 1] == '\t')) {
        out.n--;
    }
    return out;
}

static bool has_bytes(struct line_view v, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= v.n; i++) {
        if (memcmp(v.s + i, needle, n) == 0) {
            return true;
        }
    }
    return false;
}

/* Finds "} {", ") (" and the like outside strings: two list items with no comma between. */
static bool adjacent_items(struct line_view v, size_t *at)
{
    bool in_string = false;
    for (size_t i = 0; i < v.n; i++) {
        char c = v.s[i];
        if (in_string && c == '\\') {
            i++;
        } else if (c == '"') {
            in_string = !in_string;
        } else if (!in_string && (c == '}' || c == ')')) {
            size_t j = i + 1;
            while (j < v.n && (v.s[j] == ' ' || v.s[j] == '\t')) {
                j++;
            }
            if (j < v.n && (v.s[j] == '{' || v.s[j] == '(')) {
                *at = i;
                return true;
            }
        }
    }
    return false;
}

static char closer(char open)
{
    return open == '{' ? '}' : open == '(' ? ')' : ']';
}

/* Finds `name = value` where the value is text without double quotes (a bare word, or in single
 * quotes) and writes the corrected setting as the hint. */
static bool unquoted_value(struct line_view v, char *hint, size_t size)
{
    bool in_string = false;
    for (size_t i = 0; i < v.n; i++) {
        char c = v.s[i];
        if (in_string && c == '\\') {
            i++;
            continue;
        }
        if (c == '"') {
            in_string = !in_string;
        }
        if (in_string || (c != '=' && c != ':')) {
            continue;
        }
        size_t name_end = i;
        while (name_end > 0 && (v.s[name_end - 1] == ' ' || v.s[name_end - 1] == '\t')) {
            name_end--;
        }
        size_t name = name_end;
        while (name > 0 && is_ident_char((unsigned char)v.s[name - 1])) {
            name--;
        }
        size_t from = i + 1;
        while (from < v.n && (v.s[from] == ' ' || v.s[from] == '\t')) {
            from++;
        }
        bool single = from < v.n && v.s[from] == '\'';
        if (name == name_end || from >= v.n ||
            (!single && !is_ident_start((unsigned char)v.s[from])) ||
            (!single &&
             (strncmp(v.s + from, "true", 4) == 0 || strncmp(v.s + from, "false", 5) == 0))) {
            continue;
        }
        size_t to = from + single;
        while (to < v.n && v.s[to] != ';' && v.s[to] != '}' && v.s[to] != ',' &&
               !(single && v.s[to] == '\'')) {
            to++;
        }
        size_t text = from + single;
        while (to > text && v.s[to - 1] == ' ') {
            to--;
        }
        char shown[100]; /* cut on a character boundary, broken bytes shown as '?' */
        quote_excerpt(v.s + text, to - text, 80, shown, sizeof(shown));
        snprintf(hint, size,
                 "text needs straight double quotes at both ends%s: write %.*s = \"%s\";",
                 single ? ", not single quotes" : "", (int)(name_end - name), v.s + name, shown);
        return true;
    }
    return false;
}

/* Turns libconfig's "syntax error" into a hint staff can act on, placed on the line that needs
 * the fix (libconfig often notices a missing quote or brace far below it). */
static void report_syntax_error(struct reader *r, const char *text, int err_line,
                                const char *err_text)
{
    int last = r->scan.n_lines;
    if (last > 1 && line_text(r, text, last).n == 0) {
        last--;
    }
    int n = err_line < 1 ? 1 : err_line > last ? last : err_line;
    int fix = n;
    char hint[700];
    struct line_view here = code_of(line_text(r, text, n), NULL);
    struct line_view before = code_of(line_text(r, text, n - 1), NULL);
    int prev = n - 1;
    while (prev > 0 && before.n == 0) {
        before = code_of(line_text(r, text, --prev), NULL);
    }
    int odd_line = 0;
    for (int k = 1; k <= n && !odd_line; k++) {
        bool odd;
        code_of(line_text(r, text, k), &odd);
        odd_line = odd ? k : 0;
    }
    size_t at;
    if (strcmp(err_text, "duplicate setting name") == 0) {
        size_t len = 0;
        while (here.n > 0 && !is_ident_start((unsigned char)here.s[0])) {
            here.s++;
            here.n--;
        }
        while (len < here.n && len < 64 && is_ident_char((unsigned char)here.s[len])) {
            len++;
        }
        snprintf(hint, sizeof(hint), "\"%.*s\" appears twice in the same group; remove one of them",
                 (int)len, here.s);
    } else if (has_bytes(here, "\xE2\x80\x9C") || has_bytes(here, "\xE2\x80\x9D") ||
               has_bytes(here, "\xE2\x80\x98") || has_bytes(here, "\xE2\x80\x99")) {
        snprintf(hint, sizeof(hint),
                 "curly quotes are not understood; type straight double quotes \" around "
                 "text, e.g. title = \"Hello\"; (a word processor changes them, so use a plain "
                 "text editor)");
    } else if (odd_line) {
        fix = odd_line;
        snprintf(hint, sizeof(hint),
                 "a text on this line is missing its closing double quote (or its opening one); "
                 "every text needs straight double quotes at both ends, e.g. title = \"Hello\";");
    } else if (adjacent_items(here, &at)) {
        size_t next = at + 1 + strspn(here.s + at + 1, " \t");
        snprintf(hint, sizeof(hint),
                 "a comma is missing between %c and %c: items in ( ... ) are separated by "
                 "commas, e.g. %c, %c",
                 here.s[at], here.s[next], here.s[at], here.s[next]);
    } else if (here.n > 0 && (here.s[0] == '{' || here.s[0] == '(') && before.n > 0 &&
               (before.s[before.n - 1] == '}' || before.s[before.n - 1] == ')')) {
        fix = prev;
        snprintf(hint, sizeof(hint),
                 "a comma is missing after the %c at the end of this line: items in ( ... ) "
                 "are separated by commas, e.g. %c,",
                 before.s[before.n - 1], before.s[before.n - 1]);
    } else if (r->scan.mismatch_line && r->scan.mismatch_line <= n + 1) {
        fix = r->scan.mismatch_line;
        if (r->scan.mismatch_open_c) {
            snprintf(hint, sizeof(hint),
                     "this %c does not match the %c opened on line %d; a %c is probably missing "
                     "before it",
                     r->scan.mismatch_c, r->scan.mismatch_open_c, r->scan.mismatch_open_line,
                     closer(r->scan.mismatch_open_c));
        } else {
            snprintf(hint, sizeof(hint),
                     "this %c closes nothing; remove it, or add the %c it "
                     "was meant to close",
                     r->scan.mismatch_c,
                     r->scan.mismatch_c == '}'   ? '{'
                     : r->scan.mismatch_c == ')' ? '('
                                                 : '[');
        }
    } else if (r->scan.unclosed.line && !r->scan.mismatch_line && n >= last) {
        fix = r->scan.unclosed.line;
        snprintf(hint, sizeof(hint),
                 "the %c opened on this line is never closed; add a %c "
                 "where it ends",
                 r->scan.unclosed.c, closer(r->scan.unclosed.c));
    } else if (unquoted_value(here, hint, sizeof(hint))) {
        /* The hint is written. */
    } else {
        snprintf(hint, sizeof(hint),
                 "check this line and the one before: every text needs straight double quotes at "
                 "both ends, each setting ends with ;, items in ( ... ) are separated by commas, "
                 "and every { has a }");
    }
    size_t used = strlen(hint);
    if (strcmp(err_text, "syntax error") != 0 && strcmp(err_text, "duplicate setting name") != 0) {
        snprintf(hint + used, sizeof(hint) - used, " (libconfig says: %s)", err_text);
        used = strlen(hint);
    }
    if (err_line - fix > 1) {
        snprintf(hint + used, sizeof(hint) - used, " (the reader got stuck on line %d)",
                 err_line > last ? last : err_line);
    }
    diag_add(r->diags, DIAG_ERROR, fix, "syntax error", "%s", hint);
}

/* ---- putting it together ------------------------------------------------------------------- */

struct ordered {
    struct diag d;
    size_t seq;
};

static int by_line(const void *a, const void *b)
{
    const struct ordered *x = a, *y = b;
    if (x->d.line != y->d.line) {
        return x->d.line < y->d.line ? -1 : 1;
    }
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Orders this file's messages by line (whole-file ones first), so staff can fix the file top to
 * bottom; messages on one line keep the order they were found in. */
static void sort_diags(struct diag_list *list, size_t from)
{
    size_t n = list->count - from;
    if (n < 2) {
        return;
    }
    struct ordered *tmp = xcalloc(n, sizeof(*tmp));
    for (size_t i = 0; i < n; i++) {
        tmp[i].d = list->items[from + i];
        tmp[i].seq = i;
    }
    qsort(tmp, n, sizeof(*tmp), by_line);
    for (size_t i = 0; i < n; i++) {
        list->items[from + i] = tmp[i].d;
    }
    free(tmp);
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup("");
}

/* Copies the text with a byte-order mark removed and CRLF or lone CR turned into LF, so line
 * numbers match what an editor shows and no '\r' reaches the screen. It always ends in a line
 * break: libconfig 1.5 calls a # or // comment on an unfinished last line a syntax error. */
static char *normalise(const char *data, size_t size)
{
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    char *out = xrealloc(NULL, size + 2), *o = out;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '\r') {
            *o++ = '\n';
            if (i + 1 < size && data[i + 1] == '\n') {
                i++;
            }
        } else {
            *o++ = data[i];
        }
    }
    if (o == out || o[-1] != '\n') {
        *o++ = '\n';
    }
    *o = '\0';
    return out;
}

/* ---- the panel, opening hours and staff mode ----------------------------------------------- */

/* The member `name` of `group` as true/false; `fallback` when missing or wrong (reported). */
bool member_bool(struct reader *r, const config_setting_t *group, const char *prefix,
                        const char *name, bool fallback)
{
    const config_setting_t *s = group ? config_setting_get_member(group, name) : NULL;
    if (!s) {
        return fallback;
    }
    if (config_setting_type(s) == CONFIG_TYPE_BOOL) {
        return config_setting_get_bool(s) != 0;
    }
    char key[KEY_MAX], expected[160];
    snprintf(key, sizeof(key), "%s.%s", prefix, name);
    snprintf(expected, sizeof(expected), "write true or false without quotes, e.g. %s = %s;",
             name, fallback ? "true" : "false");
    report_type(r, s, key, expected);
    return fallback;
}

static const struct int_spec rotation_spec = {"rotation", 0, 270, 0, "degrees"};

static void read_display(struct reader *r, const config_setting_t *root)
{
    struct display *d = &r->content->display;
    const config_setting_t *g =
        member_group(r, root, "display", "display", "display = { rotation = 90; };");
    if (!g) {
        return;
    }
    check_known(r, g, "display", display_keys, COUNT(display_keys));
    d->rotation = member_int(r, g, "display", &rotation_spec);
    if (d->rotation % 90 != 0) {
        diag_add(r->diags, DIAG_ERROR, line_of(config_setting_get_member(g, "rotation")),
                 "display.rotation", "%d is not a quarter turn; write 0, 90, 180 or 270",
                 d->rotation);
        d->rotation = 0;
    }
    d->touch_swap_xy = member_bool(r, g, "display", "touch_swap_xy", false);
    d->touch_invert_x = member_bool(r, g, "display", "touch_invert_x", false);
    d->touch_invert_y = member_bool(r, g, "display", "touch_invert_y", false);
}

static void read_opening_hours(struct reader *r, const config_setting_t *root)
{
    const char *example = "opening_hours = [ \"Mon-Fri 08:30-17:30\", \"Sat 09:00-12:00\" ];";
    const config_setting_t *s = config_setting_get_member(root, "opening_hours");
    if (!s) {
        return;
    }
    int type = config_setting_type(s);
    if (type != CONFIG_TYPE_ARRAY && type != CONFIG_TYPE_LIST) {
        char expected[256];
        snprintf(expected, sizeof(expected), "write a list of times in square brackets, e.g. %s",
                 example);
        report_type(r, s, "opening_hours", expected);
        return;
    }
    int n = config_setting_length(s);
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
        char key[KEY_MAX], err[256];
        snprintf(key, sizeof(key), "opening_hours[%d]", i + 1);
        const char *v = text_of(r, e, key, "write each rule in double quotes, e.g. "
                                           "\"Mon-Fri 08:30-17:30\"");
        if (v && !schedule_add_rule(&r->content->schedule, v, err, sizeof(err))) {
            /* libconfig gives the last element of a list the line of the closing bracket. */
            int line = line_of_text(r, v, strlen(v), line_of(s));
            char quoted[64];
            quote_excerpt(v, strlen(v), 40, quoted, sizeof(quoted));
            diag_add(r->diags, DIAG_ERROR, line, key, "\"%s\": %s", quoted, err);
        }
    }
    if (n == 0) {
        diag_add(r->diags, DIAG_WARNING, line_of(s), "opening_hours",
                 "is empty, so the kiosk stays awake all the time; to sleep outside opening "
                 "hours write e.g. %s", example);
    }
}

static void read_staff_pin(struct reader *r, const config_setting_t *root)
{
    int line;
    const char *pin = member_text(r, root, "staff_pin", "staff_pin",
                                  "write 4 to 8 digits in double quotes, e.g. staff_pin = "
                                  "\"2580\"; or \"\" to turn staff mode off",
                                  &line);
    if (!pin || !pin[0]) {
        return; /* no PIN: staff mode is off */
    }
    size_t n = strlen(pin);
    bool digits = true;
    for (size_t i = 0; i < n; i++) {
        digits = digits && is_digit((unsigned char)pin[i]);
    }
    if (!digits || n < 4 || n > 8) {
        diag_add(r->diags, DIAG_ERROR, line, "staff_pin",
                 "must be 4 to 8 digits (0-9) and nothing else, e.g. staff_pin = \"2580\"; "
                 "write \"\" to turn staff mode off");
        return;
    }
    r->content->staff_pin = xstrdup(pin);
}

static void read_all(struct reader *r, const config_setting_t *root)
{
    struct content *c = r->content;
    check_known(r, root, "", root_keys, COUNT(root_keys));
    c->settings.idle_timeout = member_int(r, root, "", &idle_spec);
    c->settings.reset_countdown = member_int(r, root, "", &reset_spec);
    read_look(r, root);
    read_words(r, root);
    read_display(r, root);
    read_opening_hours(r, root);
    read_staff_pin(r, root);
    const config_setting_t *menu = read_menu(r, root);
    c->menu = 0;
    read_topics(r, root);
    read_loose_pages(r, root);
    finish_menu(r, menu);
    c->welcome_picture = member_picture(r, root, "welcome_picture", "welcome_picture",
                                        "the welcome screen is shown without it");
    resolve_links(r, root);
    check_reachable(r);
    check_next_cycles(r);
    read_languages(r, root);
}

static void report_too_large(struct diag_list *diags)
{
    diag_add(diags, DIAG_ERROR, 0, NULL,
             "is too large: more than 8 MB, while a config file is a few hundred kilobytes at "
             "most; is this the right file?");
}

struct content *config_load_buffer(const char *path, const char *data, size_t size,
                                   const char *assets_dir, struct diag_list *diags)
{
    size_t first_diag = diags->count, errors_before = diags->errors;
    if (size > CONFIG_MAX_BYTES) {
        report_too_large(diags);
        return NULL;
    }
    bool bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    if (size == 0 || (bom && size == 3)) {
        diag_add(diags, DIAG_ERROR, 0, NULL, "the file is empty; it needs at least a topics list");
        return NULL;
    }
    const char *nul = memchr(data, '\0', size);
    if (nul) {
        if (size >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
            (unsigned char)data[1] == ((unsigned char)data[0] ^ 0x01)) {
            diag_add(diags, DIAG_ERROR, 0, NULL,
                     "is saved as UTF-16, not as a plain text file; save it as UTF-8 (in a text "
                     "editor: Save as, Encoding: UTF-8)");
        } else {
            diag_add(diags, DIAG_ERROR, 0, NULL,
                     "is not a text file (it contains zero bytes); choose the kiosk.cfg file "
                     "written with a text editor");
        }
        return NULL;
    }

    struct reader r = {0};
    r.path = path;
    r.dir = folder_of(path);
    r.assets_dir = assets_dir;
    r.diags = diags;
    r.suggestions_left = SUGGEST_MAX;
    char *text = normalise(data, size);
    r.text = text;
    struct include *includes = NULL;
    size_t n_includes = 0;
    scan_text(&r.scan, text, &includes, &n_includes);
    /* @include is refused: libconfig 1.5 names neither the file nor the right line for mistakes
     * inside an included file, so staff could not find them. One file is also easier to copy. */
    for (size_t i = 0; i < n_includes; i++) {
        if (includes[i].name[0]) {
            diag_add(diags, DIAG_ERROR, includes[i].line, "@include",
                     "the kiosk reads only this one file; copy the settings from \"%s\" into it "
                     "and remove this line",
                     includes[i].name);
        } else {
            diag_add(diags, DIAG_ERROR, includes[i].line, "@include",
                     "the kiosk reads only this one file; copy the settings from the other file "
                     "into it and remove this line");
        }
    }
    free(includes);

    config_t cfg;
    config_init(&cfg);
    if (!config_read_string(&cfg, text)) {
        report_syntax_error(&r, text, config_error_line(&cfg),
                            config_error_text(&cfg) ? config_error_text(&cfg) : "syntax error");
    } else {
        r.content = xcalloc(1, sizeof(*r.content));
        r.content->path = xstrdup(path);
        r.content->help_page = CONTENT_NONE;
        r.content->welcome_picture = CONTENT_NONE;
        read_all(&r, config_root_setting(&cfg));
    }
    config_destroy(&cfg);

    for (int i = 0; r.content && i < r.content->n_pages; i++) {
        free(r.aux[i].key);
        free(r.aux[i].next_id);
    }
    free(r.aux);
    strmap_finish(&r.ids);
    strmap_finish(&r.pictures);
    scan_finish(&r.scan);
    free(text);
    free(r.dir);
    sort_diags(diags, first_diag);
    if (diags->errors > errors_before) {
        content_destroy(r.content);
        return NULL;
    }
    return r.content;
}

char *config_read_bytes(const char *path, size_t *size_out, struct diag_list *diags)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        int err = errno;
        diag_add(diags, DIAG_ERROR, 0, NULL, "cannot be opened: %s; %s", strerror(err),
                 err == ENOENT || err == ENOTDIR ? "check the file name and the folder it is in"
                                                 : "make sure the kiosk is allowed to read it");
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_add(diags, DIAG_ERROR, 0, NULL,
                 "is a folder, not a file; name the config file itself, e.g. %s%skiosk.cfg", path,
                 path[0] && path[strlen(path) - 1] == '/' ? "" : "/");
        return NULL;
    }
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > CONFIG_MAX_BYTES) {
        report_too_large(diags);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(diags, DIAG_ERROR, 0, NULL,
                 "cannot be opened: %s; make sure the kiosk is allowed to read it (e.g. chmod "
                 "a+r %s)",
                 strerror(errno), path);
        return NULL;
    }
    /* Read in chunks rather than trust st_size: a pipe or a file being written has none. */
    size_t cap = 64 * 1024, size = 0;
    char *data = xrealloc(NULL, cap);
    for (;;) {
        if (size == cap) {
            cap *= 2;
            data = xrealloc(data, cap);
        }
        size_t got = fread(data + size, 1, cap - size, f);
        size += got;
        if (got == 0 || size > CONFIG_MAX_BYTES) {
            break;
        }
    }
    if (ferror(f)) {
        diag_add(diags, DIAG_ERROR, 0, NULL, "cannot be read: %s; %s", strerror(errno),
                 "check the file and the disk it is on");
        fclose(f);
        free(data);
        return NULL;
    }
    fclose(f);
    *size_out = size; /* past the limit only if it grew after stat: config_load_buffer says so */
    return data;
}

struct content *config_load(const char *path, const char *assets_dir, struct diag_list *diags)
{
    size_t size = 0;
    char *data = config_read_bytes(path, &size, diags);
    if (!data) {
        return NULL;
    }
    struct content *content = config_load_buffer(path, data, size, assets_dir, diags);
    free(data);
    return content;
}

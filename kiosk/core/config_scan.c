/* The raw-text pass of config_scan.h. It follows libconfig's own token rules (strings may span
 * lines; #, // and C comments are skipped) closely enough that what it finds lines up with the
 * settings libconfig reads, without being a second parser: it only tokenises. */
#include "config_scan.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void config_scan_finish(struct config_scan *s)
{
    free(s->overflows);
    free(s->includes);
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
static const char *scan_number(struct config_scan *s, const char *start, const char *p, int line)
{
    bool negative = *start == '-';
    bool hex = p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && config_is_xdigit((unsigned char)p[2]);
    const char *digits = hex ? p + 2 : p;
    const char *q = digits;
    while (hex ? config_is_xdigit((unsigned char)*q) : config_is_digit((unsigned char)*q)) {
        q++;
    }
    if (!hex && (*q == '.' || *q == 'e' || *q == 'E')) {
        while (config_is_digit((unsigned char)*q) || *q == '.' || *q == 'e' || *q == 'E' ||
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
    /* Digits only, for strtoll: a literal too long for it is out of range whatever it says. */
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
    struct config_overflow *o = &s->overflows[s->n_overflows++];
    o->line = line;
    o->value = value;
    o->as_read = wide ? value : low_32_bits(bits);
    o->negative = negative;
    config_excerpt(&o->text, start, (size_t)(end - start), 30);
    return end;
}

/* Blanks out an @include so libconfig never opens another file (the reader refuses it) while
 * keeping every line break, so line numbers stay right. */
static void blank(char *from, const char *to)
{
    for (; from < to; from++) {
        if (*from != '\n') {
            *from = ' ';
        }
    }
}

/* Every @include goes, even a broken one: inside an unfinished @include line, libconfig 1.5's
 * lexer prints stray characters to stdout. Returns the end of the line's @include. */
static char *scan_include(struct config_scan *s, char *at, int line)
{
    char *p = at + 8;
    p += strspn(p, " \t");
    char *end = *p == '"' ? strchr(p + 1, '"') : NULL;
    bool named = end && !memchr(p, '\n', (size_t)(end - p));
    if (s->n_includes == s->cap_includes) {
        s->cap_includes = s->cap_includes ? s->cap_includes * 2 : 4;
        s->includes = xrealloc(s->includes, s->cap_includes * sizeof(*s->includes));
    }
    struct config_include *inc = &s->includes[s->n_includes++];
    inc->line = line;
    inc->name.s[0] = '\0';
    if (named) {
        config_excerpt(&inc->name, p + 1, (size_t)(end - p - 1), 60);
        p = end + 1;
    } else {
        p += strcspn(p, "\n");
    }
    blank(at, p);
    return p;
}

static void scan_newline(struct config_scan *s, size_t offset, size_t *cap)
{
    if ((size_t)s->n_lines == *cap) {
        *cap *= 2;
        s->line_starts = xrealloc(s->line_starts, *cap * sizeof(*s->line_starts));
    }
    s->line_starts[s->n_lines++] = offset;
}

/* The indentation of line `line` (tabs count as 4), or -1 when `at` is not the first thing on
 * it. */
static int indent_before(const struct config_scan *s, int line, const char *at)
{
    const char *p = s->text + s->line_starts[line - 1];
    int width = 0;
    for (; p < at; p++) {
        if (*p == ' ') {
            width++;
        } else if (*p == '\t') {
            width += 4;
        } else {
            return -1;
        }
    }
    return width;
}

static int indent_of_line(const struct config_scan *s, int line)
{
    const char *p = s->text + s->line_starts[line - 1];
    const char *q = p + strspn(p, " \t");
    return indent_before(s, line, q);
}

/* Notes an opening or closing bracket at `at`; the stack holds what is open. */
static void scan_bracket(struct config_scan *s, const char *at, int line,
                         struct config_bracket **stack, size_t *depth, size_t *cap)
{
    char c = *at;
    if (c == '{' || c == '(' || c == '[') {
        if (*depth == *cap) {
            *cap *= 2;
            *stack = xrealloc(*stack, *cap * sizeof(**stack));
        }
        (*stack)[*depth].c = c;
        (*stack)[*depth].line = line;
        (*depth)++;
        return;
    }
    char open = c == '}' ? '{' : c == ')' ? '(' : '[';
    if (*depth > 0 && (*stack)[*depth - 1].c == open) {
        const struct config_bracket *o = &(*stack)[*depth - 1];
        int indent = indent_before(s, line, at);
        if (!s->misindent_close_line && indent >= 0 && o->line != line &&
            indent < indent_of_line(s, o->line)) {
            s->misindent_open = *o;
            s->misindent_close_line = line;
        }
        (*depth)--;
    } else if (!s->mismatch_line) {
        s->mismatch_line = line;
        s->mismatch_c = c;
        s->mismatch_open_c = *depth > 0 ? (*stack)[*depth - 1].c : 0;
        s->mismatch_open_line = *depth > 0 ? (*stack)[*depth - 1].line : 0;
    }
}

void config_scan_text(struct config_scan *s, char *text)
{
    memset(s, 0, sizeof(*s));
    s->text = text;
    size_t cap_lines = 64, cap_stack = 16, depth = 0;
    struct config_bracket *stack = xrealloc(NULL, cap_stack * sizeof(*stack));
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
        if (c == '@' && strncmp(p, "@include", 8) == 0) {
            p = scan_include(s, p, line);
            continue;
        }
        if (config_is_ident_start((unsigned char)c)) {
            while (config_is_ident_char((unsigned char)*p)) {
                p++;
            }
            continue;
        }
        if (c == '.' && config_is_digit((unsigned char)p[1])) {
            /* A float such as .5e3: its digits are not an integer. */
            p++;
            while (config_is_digit((unsigned char)*p) || *p == 'e' || *p == 'E' ||
                   ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E'))) {
                p++;
            }
            continue;
        }
        if (config_is_digit((unsigned char)c) ||
            ((c == '-' || c == '+') && config_is_digit((unsigned char)p[1]))) {
            const char *digits = config_is_digit((unsigned char)c) ? p : p + 1;
            p = text + (scan_number(s, p, digits, line) - text);
            continue;
        }
        if (strchr("{([})]", c)) {
            scan_bracket(s, p, line, &stack, &depth, &cap_stack);
        }
        p++;
    }
    if (depth > 0) {
        s->unclosed = stack[depth - 1];
    }
    free(stack);
}

struct config_line config_scan_line(const struct config_scan *s, int line)
{
    struct config_line v = {"", 0};
    if (line < 1 || line > s->n_lines) {
        return v;
    }
    v.s = s->text + s->line_starts[line - 1];
    const char *end = strchr(v.s, '\n');
    v.n = end ? (size_t)(end - v.s) : strlen(v.s);
    return v;
}

int config_scan_find(const struct config_scan *s, const char *needle, size_t n, int from_line)
{
    if (!s->text || from_line < 1 || from_line > s->n_lines) {
        return from_line;
    }
    const char *start = s->text + s->line_starts[from_line - 1];
    for (const char *p = start; *p; p++) {
        if (strncmp(p, needle, n) == 0) {
            int line = from_line;
            for (const char *q = start; q < p; q++) {
                line += *q == '\n';
            }
            return line;
        }
    }
    return from_line;
}

const struct config_overflow *config_scan_overflow(const struct config_scan *s, int line,
                                                   long long value)
{
    for (size_t i = 0; i < s->n_overflows; i++) {
        const struct config_overflow *o = &s->overflows[i];
        if (o->line == line && (o->as_read == value || o->value == value)) {
            return o;
        }
    }
    return NULL;
}

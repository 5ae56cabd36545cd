/* Hints for syntax errors. Each looks at the lines around libconfig's error for one common slip
 * (curly quotes, a missing quote, comma or brace, text without quotes) and names the fix; the
 * first that matches wins, and a general checklist is the last resort. */
#include "config_syntax.h"

#include <stdbool.h>
#include <string.h>

#include "config_text.h"
#include "strbuf.h"

/* The line without its comment and surrounding blanks, judged on its own. Sets *odd when it
 * holds an odd number of double quotes, the mark of a text missing one. */
static struct config_line code_of(struct config_line v, bool *odd)
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
    struct config_line out = {v.s, end};
    while (out.n > 0 && (*out.s == ' ' || *out.s == '\t')) {
        out.s++;
        out.n--;
    }
    while (out.n > 0 && (out.s[out.n - 1] == ' ' || out.s[out.n - 1] == '\t')) {
        out.n--;
    }
    return out;
}

static bool has_bytes(struct config_line v, const char *needle)
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
static bool adjacent_items(struct config_line v, size_t *at)
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
static bool unquoted_value(struct config_line v, struct strbuf *hint)
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
        while (name > 0 && config_is_ident_char((unsigned char)v.s[name - 1])) {
            name--;
        }
        size_t from = i + 1;
        while (from < v.n && (v.s[from] == ' ' || v.s[from] == '\t')) {
            from++;
        }
        bool single = from < v.n && v.s[from] == '\'';
        if (name == name_end || from >= v.n ||
            (!single && !config_is_ident_start((unsigned char)v.s[from])) ||
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
        struct config_excerpt shown;
        strbuf_addf(hint, "text needs straight double quotes at both ends%s: write %.*s = \"%s\";",
                    single ? ", not single quotes" : "", (int)(name_end - name), v.s + name,
                    config_excerpt(&shown, v.s + text, to - text, 80));
        return true;
    }
    return false;
}

/* The name of `key = "value"` on this line, when it has one: the value (at most 60 bytes) into
 * `out`. */
static bool member_text(struct config_line v, const char *key, struct config_excerpt *out)
{
    size_t n = strlen(key);
    for (size_t i = 0; i + n < v.n; i++) {
        if (memcmp(v.s + i, key, n) != 0 ||
            (i > 0 && config_is_ident_char((unsigned char)v.s[i - 1]))) {
            continue;
        }
        size_t j = i + n + strspn(v.s + i + n, " \t");
        if (j >= v.n || (v.s[j] != '=' && v.s[j] != ':')) {
            continue;
        }
        j++;
        j += strspn(v.s + j, " \t");
        if (j >= v.n || v.s[j] != '"') {
            continue;
        }
        size_t end = j + 1;
        while (end < v.n && v.s[end] != '"') {
            end++;
        }
        config_excerpt(out, v.s + j + 1, end - j - 1, 60);
        return true;
    }
    return false;
}

/* Brackets opened minus brackets closed on a line of code, outside its texts. */
static int bracket_balance(struct config_line code)
{
    int balance = 0;
    bool in_string = false;
    for (size_t i = 0; i < code.n; i++) {
        char c = code.s[i];
        if (in_string && c == '\\') {
            i++;
        } else if (c == '"') {
            in_string = !in_string;
        } else if (!in_string && (c == '{' || c == '(' || c == '[')) {
            balance++;
        } else if (!in_string && (c == '}' || c == ')' || c == ']')) {
            balance--;
        }
    }
    return balance;
}

/* Names the block opened on `line` the way staff know it: the setting it is the value of
 * ("the \"colors\" group"), else the id or title inside it; appends nothing when it has
 * neither. */
static void name_block(const struct config_scan *s, int line, struct strbuf *hint)
{
    struct config_line v = code_of(config_scan_line(s, line), NULL);
    size_t open = 0;
    while (open < v.n && v.s[open] != '{' && v.s[open] != '(' && v.s[open] != '[') {
        open++;
    }
    size_t end = open;
    while (end > 0 && (v.s[end - 1] == ' ' || v.s[end - 1] == '\t')) {
        end--;
    }
    if (end > 0 && (v.s[end - 1] == '=' || v.s[end - 1] == ':')) {
        size_t name_end = end - 1;
        while (name_end > 0 && (v.s[name_end - 1] == ' ' || v.s[name_end - 1] == '\t')) {
            name_end--;
        }
        size_t name = name_end;
        while (name > 0 && config_is_ident_char((unsigned char)v.s[name - 1])) {
            name--;
        }
        if (name < name_end) {
            strbuf_addf(hint, " (\"%.*s\")", (int)(name_end - name), v.s + name);
            return;
        }
    }
    /* A list item: the first id, title or label of its own, within a few lines (not one of a
     * block inside it: a topic is named by its title, not by its first page's id). */
    static const char *const keys[] = {"id", "title", "label"};
    int depth = 0;
    for (int l = line; l <= s->n_lines && l < line + 8; l++) {
        struct config_line code = code_of(config_scan_line(s, l), NULL);
        if (depth == 1 || (depth == 0 && l == line)) {
            for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
                struct config_excerpt shown;
                if (member_text(code, keys[k], &shown)) {
                    strbuf_addf(hint, " (the one with %s = \"%s\")", keys[k], shown.s);
                    return;
                }
            }
        }
        depth += bracket_balance(code);
        if (depth <= 0 && l > line) {
            return;
        }
    }
}

/* How far line `line` is indented (a tab counts as 4), or -1 for a line with no code. */
static int indent_of(const struct config_scan *s, int line)
{
    struct config_line raw = config_scan_line(s, line);
    struct config_line code = code_of(raw, NULL);
    if (code.n == 0) {
        return -1;
    }
    int width = 0;
    for (const char *p = raw.s; p < code.s; p++) {
        width += *p == '\t' ? 4 : 1;
    }
    return width;
}

/* A { that starts line `n` where the reader wanted the } of the block before it: a deleted "},"
 * between two items. The line above at the same indentation is where that block opened, if it
 * opened a { and every line between is indented further (its contents); 0 when there is none. */
static int unclosed_sibling(const struct config_scan *s, int n)
{
    int want = indent_of(s, n);
    if (want < 0) {
        return 0;
    }
    for (int l = n - 1; l >= 1; l--) {
        int in = indent_of(s, l);
        if (in < 0 || in > want) {
            continue;
        }
        if (in < want) {
            return 0;
        }
        struct config_line code = code_of(config_scan_line(s, l), NULL);
        return code.n > 0 && code.s[code.n - 1] == '{' ? l : 0;
    }
    return 0;
}

/* A colour (or other value) written without quotes after `=`: its # starts a note, so the
 * value and the rest of the line vanish. The first such line up to `n`, or 0. */
static int unquoted_hash_line(const struct config_scan *s, int n, struct config_excerpt *value,
                              struct config_excerpt *name)
{
    for (int k = 1; k <= n; k++) {
        struct config_line raw = config_scan_line(s, k);
        struct config_line code = code_of(raw, NULL);
        if (code.n == 0 || (code.s[code.n - 1] != '=' && code.s[code.n - 1] != ':')) {
            continue;
        }
        const char *hash = code.s + code.n;
        size_t left = raw.n - (size_t)(hash - raw.s);
        size_t sp = strspn(hash, " \t");
        if (sp >= left || hash[sp] != '#') {
            continue;
        }
        size_t len = 1;
        while (sp + len < left && config_is_ident_char((unsigned char)hash[sp + len])) {
            len++;
        }
        if (len < 2) {
            continue;
        }
        config_excerpt(value, hash + sp, len, 20);
        size_t name_end = code.n - 1;
        while (name_end > 0 && (code.s[name_end - 1] == ' ' || code.s[name_end - 1] == '\t')) {
            name_end--;
        }
        size_t nm = name_end;
        while (nm > 0 && config_is_ident_char((unsigned char)code.s[nm - 1])) {
            nm--;
        }
        config_excerpt(name, code.s + nm, name_end - nm, 40);
        return k;
    }
    return 0;
}

/* A number followed by more on the same value, as a phone number or "90 seconds" is: text
 * that needs quotes (or, for a number setting, the number alone). */
static bool number_then_more(struct config_line v, struct strbuf *hint)
{
    for (size_t i = 0; i < v.n; i++) {
        if (v.s[i] == '"') {
            return false; /* quoted text on the line: not this slip */
        }
        if (v.s[i] != '=' && v.s[i] != ':') {
            continue;
        }
        size_t name_end = i;
        while (name_end > 0 && (v.s[name_end - 1] == ' ' || v.s[name_end - 1] == '\t')) {
            name_end--;
        }
        size_t name = name_end;
        while (name > 0 && config_is_ident_char((unsigned char)v.s[name - 1])) {
            name--;
        }
        size_t from = i + 1 + strspn(v.s + i + 1, " \t");
        if (name == name_end || from >= v.n ||
            !(config_is_digit((unsigned char)v.s[from]) || v.s[from] == '+' || v.s[from] == '(')) {
            return false;
        }
        size_t to = from;
        while (to < v.n && v.s[to] != ';' && v.s[to] != ',' && v.s[to] != '}') {
            to++;
        }
        while (to > from && v.s[to - 1] == ' ') {
            to--;
        }
        size_t number = from + (v.s[from] == '+');
        while (number < to && config_is_digit((unsigned char)v.s[number])) {
            number++;
        }
        if (number == to) {
            return false; /* a number alone is fine */
        }
        struct config_excerpt shown;
        strbuf_addf(hint,
                    "the value of %.*s has spaces or other signs after the number, so it is text "
                    "and needs straight double quotes at both ends: write %.*s = \"%s\"; (a "
                    "setting that takes a number takes the number alone, e.g. idle_timeout = 90;)",
                    (int)(name_end - name), v.s + name, (int)(name_end - name), v.s + name,
                    config_excerpt(&shown, v.s + from, to - from, 80));
        return true;
    }
    return false;
}

/* The first line after `line` that starts a setting at the left edge ("menu = {"), where a
 * block opened at the top level must have ended; 0 when there is none. */
static int next_setting_at_edge(const struct config_scan *s, int line)
{
    if (code_of(config_scan_line(s, line), NULL).s != config_scan_line(s, line).s) {
        return 0; /* the block itself is indented: it is not at the top level */
    }
    for (int k = line + 1; k <= s->n_lines; k++) {
        struct config_line raw = config_scan_line(s, k);
        if (raw.n == 0 || !config_is_ident_start((unsigned char)raw.s[0])) {
            continue;
        }
        size_t i = 0;
        while (i < raw.n && config_is_ident_char((unsigned char)raw.s[i])) {
            i++;
        }
        i += strspn(raw.s + i, " \t");
        if (i < raw.n && (raw.s[i] == '=' || raw.s[i] == ':')) {
            return k;
        }
    }
    return 0;
}

/* The hint for a bracket that closes the wrong kind, or nothing. */
static void mismatch_hint(const struct config_scan *s, struct strbuf *hint)
{
    if (s->mismatch_open_c) {
        strbuf_addf(hint, "this %c does not match the %c opened on line %d", s->mismatch_c,
                    s->mismatch_open_c, s->mismatch_open_line);
        name_block(s, s->mismatch_open_line, hint);
        strbuf_addf(hint, "; a %c is probably missing before it", closer(s->mismatch_open_c));
    } else {
        strbuf_addf(hint, "this %c closes nothing; remove it, or add the %c it was meant to close",
                    s->mismatch_c,
                    s->mismatch_c == '}'   ? '{'
                    : s->mismatch_c == ')' ? '('
                                           : '[');
    }
}

/* The first line up to `n` with an odd number of double quotes, or 0. */
static int first_odd_line(const struct config_scan *s, int n)
{
    for (int k = 1; k <= n; k++) {
        bool odd;
        code_of(config_scan_line(s, k), &odd);
        if (odd) {
            return k;
        }
    }
    return 0;
}

void config_syntax_report(struct diag_list *diags, const struct config_scan *s, int err_line,
                          const char *err_text)
{
    int last = s->n_lines;
    if (last > 1 && config_scan_line(s, last).n == 0) {
        last--;
    }
    int n = err_line < 1 ? 1 : err_line > last ? last : err_line;
    int fix = n;
    struct strbuf hint = {0};
    struct config_line here = code_of(config_scan_line(s, n), NULL);
    struct config_line before = code_of(config_scan_line(s, n - 1), NULL);
    int prev = n - 1, sibling;
    while (prev > 0 && before.n == 0) {
        before = code_of(config_scan_line(s, --prev), NULL);
    }
    int odd_line = first_odd_line(s, n);
    struct config_excerpt hash_value, hash_name;
    int hash_line = unquoted_hash_line(s, n, &hash_value, &hash_name);
    size_t at;
    if (strcmp(err_text, "duplicate setting name") == 0) {
        size_t len = 0;
        while (here.n > 0 && !config_is_ident_start((unsigned char)here.s[0])) {
            here.s++;
            here.n--;
        }
        while (len < here.n && len < 64 && config_is_ident_char((unsigned char)here.s[len])) {
            len++;
        }
        strbuf_addf(&hint, "\"%.*s\" appears twice in the same group; remove one of them", (int)len,
                    here.s);
    } else if (has_bytes(here, "\xE2\x80\x9C") || has_bytes(here, "\xE2\x80\x9D") ||
               has_bytes(here, "\xE2\x80\x98") || has_bytes(here, "\xE2\x80\x99")) {
        strbuf_addf(&hint, "curly quotes are not understood; type straight double quotes \" "
                           "around text, e.g. title = \"Hello\"; (a word processor changes "
                           "them, so use a plain text editor)");
    } else if (hash_line) {
        fix = hash_line;
        strbuf_addf(&hint,
                    "%s = %s needs straight double quotes: write %s = \"%s\"; (without them the "
                    "# starts a note, and the rest of the line is not read)",
                    hash_name.s, hash_value.s, hash_name.s, hash_value.s);
    } else if (odd_line) {
        fix = odd_line;
        strbuf_addf(&hint, "a text on this line is missing its closing double quote (or its "
                           "opening one); every text needs straight double quotes at both ends, "
                           "e.g. title = \"Hello\";");
    } else if (adjacent_items(here, &at)) {
        size_t next = at + 1 + strspn(here.s + at + 1, " \t");
        strbuf_addf(&hint,
                    "a comma is missing between %c and %c: items in ( ... ) are separated by "
                    "commas, e.g. %c, %c",
                    here.s[at], here.s[next], here.s[at], here.s[next]);
    } else if (here.n > 0 && (here.s[0] == ')' || here.s[0] == ']') && before.n > 0 &&
               before.s[before.n - 1] == ',') {
        fix = prev;
        strbuf_addf(&hint, "the comma at the end of this line is one too many: the last item in "
                           "( ... ) or [ ... ] has no comma after it; remove it");
    } else if (here.n > 0 && (here.s[0] == '{' || here.s[0] == '(') && before.n > 0 &&
               (before.s[before.n - 1] == '}' || before.s[before.n - 1] == ')')) {
        fix = prev;
        strbuf_addf(&hint,
                    "a comma is missing after the %c at the end of this line: items in ( ... ) "
                    "are separated by commas, e.g. %c,",
                    before.s[before.n - 1], before.s[before.n - 1]);
    } else if (here.n > 0 && here.s[0] == '{' && (sibling = unclosed_sibling(s, n)) != 0) {
        strbuf_addf(&hint, "the { on line %d", sibling);
        name_block(s, sibling, &hint);
        strbuf_addf(&hint,
                    " is never closed: add }, on a line of its own before this one (each item "
                    "in ( ... ) ends with its own }, and a comma comes before the next item)");
    } else if (s->mismatch_line && s->mismatch_line <= n + 1) {
        fix = s->mismatch_line;
        mismatch_hint(s, &hint);
    } else if (s->unclosed.line && !s->mismatch_line && n >= last && s->misindent_close_line) {
        /* A } went missing inside: the next one closed this block instead, and the block
         * around it stays open. Indentation tells which block lost its }. */
        fix = s->misindent_open.line;
        strbuf_addf(&hint, "the %c opened on this line", s->misindent_open.c);
        name_block(s, fix, &hint);
        strbuf_addf(&hint,
                    " is never closed: add its %c%s on a line of its own before line %d (the %c "
                    "on line %d closes it now, so the block around it stays open)",
                    closer(s->misindent_open.c), s->misindent_open.c == '{' ? ";" : "",
                    s->misindent_close_line, closer(s->misindent_open.c), s->misindent_close_line);
        err_line = 0; /* where the reader got stuck says nothing more */
    } else if (s->unclosed.line && !s->mismatch_line && n >= last) {
        fix = s->unclosed.line;
        strbuf_addf(&hint, "the %c opened on this line", s->unclosed.c);
        name_block(s, fix, &hint);
        int next = next_setting_at_edge(s, fix);
        if (next) {
            strbuf_addf(&hint,
                        " is never closed; add its %c%s before line %d, where the next "
                        "setting starts",
                        closer(s->unclosed.c), s->unclosed.c == '{' ? ";" : "", next);
            err_line = 0; /* where the reader got stuck says nothing more */
        } else {
            strbuf_addf(&hint, " is never closed; add a %c where it ends", closer(s->unclosed.c));
        }
    } else if (!unquoted_value(here, &hint) && !number_then_more(here, &hint)) {
        strbuf_addf(&hint, "check this line and the one before: every text needs straight double "
                           "quotes at both ends, each setting ends with ;, items in ( ... ) are "
                           "separated by commas, and every { has a }");
    }
    if (strcmp(err_text, "syntax error") != 0 && strcmp(err_text, "duplicate setting name") != 0) {
        strbuf_addf(&hint, " (libconfig says: %s)", err_text);
    }
    if (err_line - fix > 1) {
        strbuf_addf(&hint, " (the reader got stuck on line %d)", err_line > last ? last : err_line);
    }
    diag_add(diags, DIAG_ERROR, fix, "syntax error", "%s", strbuf_str(&hint));
    strbuf_finish(&hint);
}

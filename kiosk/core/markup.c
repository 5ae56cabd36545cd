#include "markup.h"

#include <string.h>

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

/* Where the paragraph starting at `from` ends: at a blank line or the end of the text. */
static size_t paragraph_end(const struct markup_cursor *c, size_t from)
{
    for (size_t i = from; i < c->len; i++) {
        if (c->s[i] != '\n') {
            continue;
        }
        size_t j = i + 1;
        while (j < c->len && is_space(c->s[j])) {
            j++;
        }
        if (j < c->len && c->s[j] == '\n') {
            return i;
        }
    }
    return c->len;
}

/* Emphasis markers pair up within a paragraph; an odd one out stays a visible asterisk. */
static void start_paragraph(struct markup_cursor *c)
{
    c->para_end = paragraph_end(c, c->pos);
    size_t stars = 0;
    for (size_t i = c->pos; i < c->para_end; i++) {
        stars += c->s[i] == '*';
    }
    c->stars_left = stars & ~(size_t)1;
    c->bold = false;
}

/* At the start of a line: skips indentation and reports whether a "- " bullet starts here. */
static bool take_bullet(struct markup_cursor *c)
{
    while (c->pos < c->len && is_space(c->s[c->pos])) {
        c->pos++;
    }
    if (c->pos + 1 < c->len && c->s[c->pos] == '-' && c->s[c->pos + 1] == ' ') {
        c->pos += 2;
        return true;
    }
    return false;
}

void markup_init(struct markup_cursor *c, const char *text, size_t len)
{
    memset(c, 0, sizeof(*c));
    c->s = text ? text : "";
    c->len = text ? len : 0;
    start_paragraph(c);
}

static struct markup_token token(enum markup_token_kind kind)
{
    struct markup_token t = {.kind = kind};
    return t;
}

/* A structural token: the next word starts fresh, never glued to the last one. */
static struct markup_token block(struct markup_cursor *c, enum markup_token_kind kind)
{
    c->after_word = false;
    return token(kind);
}

struct markup_token markup_next(struct markup_cursor *c)
{
    if (c->pos == 0 && !c->started && take_bullet(c)) {
        c->started = true;
        c->pending_space = false;
        return block(c, MARKUP_BULLET);
    }
    while (c->pos < c->len) {
        char ch = c->s[c->pos];
        if (ch == '\n') {
            bool paragraph = c->pos >= c->para_end;
            /* Skip the newline and, for a paragraph break, every blank line after it. */
            c->pos++;
            if (paragraph) {
                for (;;) {
                    size_t j = c->pos;
                    while (j < c->len && is_space(c->s[j])) {
                        j++;
                    }
                    if (j < c->len && c->s[j] == '\n') {
                        c->pos = j + 1;
                    } else {
                        break;
                    }
                }
                start_paragraph(c);
            }
            c->pending_space = false;
            bool bullet = take_bullet(c);
            if (!c->started) {
                if (bullet) {
                    c->started = true;
                    return block(c, MARKUP_BULLET);
                }
                continue;
            }
            if (c->pos >= c->len && !bullet) {
                break; /* trailing newlines add nothing */
            }
            return block(c, bullet ? MARKUP_BULLET : paragraph ? MARKUP_PARAGRAPH : MARKUP_LINE);
        }
        if (is_space(ch)) {
            c->pending_space = true;
            c->pos++;
            continue;
        }
        if (ch == '*' && c->stars_left > 0) {
            c->stars_left--;
            c->bold = !c->bold;
            c->pos++;
            continue;
        }
        /* A word runs to the next space, newline or emphasis marker. */
        size_t start = c->pos;
        while (c->pos < c->len) {
            char w = c->s[c->pos];
            if (w == '\n' || is_space(w) || (w == '*' && c->stars_left > 0)) {
                break;
            }
            c->pos++;
        }
        struct markup_token t = token(MARKUP_WORD);
        t.text = c->s + start;
        t.len = c->pos - start;
        t.bold = c->bold;
        t.glued = c->after_word && !c->pending_space;
        c->after_word = true;
        c->pending_space = false;
        c->started = true;
        return t;
    }
    return token(MARKUP_END);
}

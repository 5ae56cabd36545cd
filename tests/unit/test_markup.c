/* The body-text markup: paragraphs, line breaks, bullets and *bold*, and that odd or hostile
 * input never loses words or runs past the text. */
#include <string.h>

#include "check.h"
#include "markup.h"

/* Renders the tokens as a compact string: words as is ([b:word] when bold, + before a glued
 * word), | for a line break, ¶ for a paragraph and • for a bullet. */
static void tokens(const char *text, char *out, size_t size)
{
    struct markup_cursor c;
    markup_init(&c, text, strlen(text));
    size_t o = 0;
    out[0] = '\0';
    for (int guard = 0; guard < 10000; guard++) {
        struct markup_token t = markup_next(&c);
        char piece[256];
        switch (t.kind) {
        case MARKUP_END:
            return;
        case MARKUP_WORD:
            snprintf(piece, sizeof(piece), "%s%s%.*s%s ", t.glued ? "+" : "", t.bold ? "[b:" : "",
                     (int)t.len, t.text, t.bold ? "]" : "");
            break;
        case MARKUP_LINE:
            snprintf(piece, sizeof(piece), "| ");
            break;
        case MARKUP_PARAGRAPH:
            snprintf(piece, sizeof(piece), "P ");
            break;
        case MARKUP_BULLET:
            snprintf(piece, sizeof(piece), "* ");
            break;
        }
        size_t n = strlen(piece);
        if (o + n < size) {
            memcpy(out + o, piece, n + 1);
            o += n;
        }
    }
}

static void expect(const char *text, const char *want)
{
    char got[2048];
    tokens(text, got, sizeof(got));
    CHECK_STR(got, want);
}

int main(void)
{
    expect("", "");
    expect("Hello there.", "Hello there. ");
    expect("  spaced   out  ", "spaced out ");
    expect("One.\n\nTwo.", "One. P Two. ");
    expect("One.\n  \n\n\nTwo.", "One. P Two. ");
    expect("One.\nTwo.", "One. | Two. ");
    expect("List:\n- a\n- b c", "List: * a * b c ");
    expect("- first\n- second", "* first * second ");
    expect("\n\n- first", "* first ");
    expect("Trailing\n\n", "Trailing ");
    expect("A *bold move* here", "A [b:bold] [b:move] here ");
    expect("*un*done", "[b:un] +done ");
    expect("2 * 3 = 6", "2 * 3 = 6 "); /* a lone asterisk stays */
    expect("*a* b *c", "[b:a] b *c "); /* the odd one out stays visible */
    expect("*a\n\nb*", "*a P b* ");    /* pairs never span paragraphs */
    expect("x - y", "x - y ");         /* a dash mid-line is no bullet */
    expect("-no space", "-no space ");
    expect("Windows\r\nline", "Windows | line ");
    expect("caf\xC3\xA9 \xE2\x80\x8B zero-width", "caf\xC3\xA9 \xE2\x80\x8B zero-width ");
    expect("**", ""); /* an empty pair vanishes */
    return check_summary("test_markup");
}

/* The body-text markup staff write in the config:
 *   a blank line starts a new paragraph; a single newline starts a new line;
 *   a line starting with "- " is a bullet point; *words* between asterisks are bold.
 * An asterisk with no partner in its paragraph is shown as it is. The tokenizer yields words
 * (with their boldness) and structure; the layout decides where lines break. */
#ifndef KIOSK_MARKUP_H
#define KIOSK_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

enum markup_token_kind {
    MARKUP_WORD,      /* text[0..len) is a run of non-space characters, markers removed */
    MARKUP_LINE,      /* a single newline inside a paragraph */
    MARKUP_PARAGRAPH, /* a new paragraph starts (not emitted before the first one) */
    MARKUP_BULLET,    /* a new bullet point starts (also starts a new block) */
    MARKUP_END
};

struct markup_token {
    enum markup_token_kind kind;
    const char *text;
    size_t len;
    bool bold;
    bool glued; /* a WORD that follows the previous one with no space between (e.g. "*un*done") */
};

/* Walks a body text; it points into the caller's string, which must outlive it. */
struct markup_cursor {
    const char *s;
    size_t len, pos;
    bool bold;
    bool pending_space;
    bool started;      /* something has been emitted */
    bool after_word;   /* the last token was a word */
    size_t para_end;   /* end of the current paragraph's pairing range */
    size_t stars_left; /* unpaired-aware count of '*' still ahead in the paragraph */
};

/* Starts walking `text` (`len` bytes). */
void markup_init(struct markup_cursor *c, const char *text, size_t len);
/* Produces the next token; MARKUP_END forever once the text is used up. */
struct markup_token markup_next(struct markup_cursor *c);

#endif

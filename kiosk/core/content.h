/* The content model: everything the config file says, validated and immutable once loaded.
 * A content owns all of its strings; nothing points back into libconfig. */
#ifndef KIOSK_CONTENT_H
#define KIOSK_CONTENT_H

#include <stdbool.h>
#include <stdint.h>

#include "display.h"
#include "schedule.h"

#define CONTENT_NONE (-1)
/* The topic menu is an ordinary page with choices; this id is reserved for it. */
#define CONTENT_MENU_ID "menu"

struct color {
    uint8_t r, g, b;
};

/* A button on a page that leads to another page. */
struct choice {
    char *label;
    char *target_id;
    int target;  /* page index, resolved after loading */
    int picture; /* index into content.pictures, or CONTENT_NONE */
    int line;
};

struct page {
    char *id;
    char *title;
    char *text;  /* body in the kiosk's markup, see markup.h; "" when none */
    int picture; /* index into content.pictures, or CONTENT_NONE */
    struct choice *choices;
    int n_choices;
    int topic;          /* index into content.topics, or CONTENT_NONE */
    int index_in_topic; /* 0-based position within the topic */
    int next;           /* page that Next leads to, or CONTENT_NONE */
    int line;
    int title_line, text_line; /* where `title` and `text` are in the file; 0 when not there */
};

struct topic {
    char *id; /* optional: lets a translation name the topic; NULL when none */
    char *title;
    int picture;    /* CONTENT_NONE when none */
    int first_page; /* pages of a topic are consecutive in content.pages */
    bool safety;    /* `safety = true;`: on the safety path, a translation must have it whole */
    int n_pages;
};

/* A picture file, resolved to a path that existed when the config was read. */
struct picture {
    char *path;
};

/* Visitor-facing words on the fixed screens, one X(name, default, placeholders) each, where
 * `placeholders` names the {placeholders} the word may hold (space-separated) or is NULL. This
 * one list makes struct words, the config reader's table of word settings and the code that
 * frees them, so none of them can miss a word or name the wrong field. */
#define CONTENT_WORDS(X)                                                                           \
    X(welcome_title, "Hello", NULL)                                                                \
    X(welcome_text, "Take a moment for yourself. Nothing you tap here is saved.", NULL)            \
    X(welcome_prompt, "Tap anywhere to begin", NULL)                                               \
    X(cover_title, "Welcome", NULL)                                                                \
    X(cover_text, "Please take a seat. Someone will be with you soon.", NULL)                      \
    X(countdown_title, "Still there?", NULL)                                                       \
    X(countdown_text, "Starting again in {seconds} seconds.", "seconds")                           \
    X(countdown_button, "Continue", NULL)                                                          \
    X(back, "Back", NULL)                                                                          \
    X(next, "Next", NULL)                                                                          \
    X(home, "Topics", NULL)                                                                        \
    X(help, "Get help", NULL)                                                                      \
    X(quick_exit, "Quick exit", NULL)                                                              \
    X(done, "More topics", NULL)                                                                   \
    X(progress, "{page} of {pages}", "page pages")

/* Every field is set (defaults fill the gaps). */
struct words {
#define CONTENT_WORD_FIELD(name, fallback, placeholders) char *name;
    CONTENT_WORDS(CONTENT_WORD_FIELD)
#undef CONTENT_WORD_FIELD
};

/* The line of the file each word is written on, field for field; 0 for a built-in default. */
struct word_lines {
#define CONTENT_WORD_LINE(name, fallback, placeholders) int name;
    CONTENT_WORDS(CONTENT_WORD_LINE)
#undef CONTENT_WORD_LINE
};

enum theme_color {
    COLOR_BACKGROUND,
    COLOR_TEXT,
    COLOR_HEADING,
    COLOR_BUTTON,
    COLOR_BUTTON_TEXT,
    COLOR_CHOICE,
    COLOR_CHOICE_TEXT,
    COLOR_QUICK_EXIT,
    COLOR_QUICK_EXIT_TEXT,
    COLOR_BAR,
    COLOR_COUNT
};

struct theme {
    struct color colors[COLOR_COUNT];
    bool high_contrast;    /* the built-in high-contrast colours replace the config's */
    bool animations;       /* a flung page glides to a stop; off: it stops when the finger lifts */
    char *font;            /* resolved path, or NULL to use the system font */
    char *font_bold;       /* resolved path, or NULL to embolden the regular font */
    char **fallback_fonts; /* resolved paths for scripts the font lacks; none: the built-in chain */
    int n_fallback_fonts;
    int text_size; /* percent of the default size */
};

struct settings {
    int idle_timeout;    /* seconds without a touch before "Still there?" */
    int reset_countdown; /* seconds the countdown runs before the visit is wiped */
};

/* The words of one page in one language, and the lines they are written on (0: not in the file;
 * a string that falls back to language 0 keeps language 0's line, where it is written). */
struct page_words {
    const char *title, *text;
    const char **choices; /* one label per choice of the page */
    int title_line, text_line;
};

/* A language visitors can choose. Language 0 is the one the config's own words are written in;
 * a translation fills in what it has, and every string it lacks points at language 0's, so a
 * screen is never missing words. The strings are borrowed from the content. */
struct language {
    char *code; /* "en", "fr", "pt-BR" */
    char *name; /* in the language itself: "Français", never a flag */
    bool rtl;   /* written right to left: its screens are mirrored */
    struct words words;
    struct word_lines word_lines;
    struct page_words *pages; /* one per page */
    const char **topics;      /* topic titles, one per topic */
    int missing;              /* strings that fall back to language 0 (for --check) */
    int stale;                /* translated before their original changed (translation_ledger.h) */
    int line;
};

struct content {
    struct page *pages;
    int n_pages;
    struct topic *topics;
    int n_topics;
    struct picture *pictures;
    int n_pictures;
    int menu;      /* index of the menu page */
    int help_page; /* index of the help page, or CONTENT_NONE */
    int welcome_picture;
    struct words words;
    struct word_lines word_lines;
    struct theme theme;
    struct settings settings;
    struct display display;   /* rotation and touch mapping of the panel */
    struct schedule schedule; /* opening hours; not enabled means always awake */
    char *staff_pin;          /* digits that open staff mode, or NULL: staff mode is off */
    char *version;            /* the staff's name for this content (`version`), or NULL */
    /* Shown in place of the staff's own file, which is broken or missing (a last good copy,
     * the shipped content or the resting screen): the welcome screen carries a small mark that
     * staff know about. Set by whoever loads it as a stand-in. */
    bool stand_in;
    char *path;                 /* the file it was read from */
    struct language *languages; /* at least one; the first is the config's own */
    int n_languages;
    char **strings; /* translated words, owned here and borrowed by the languages */
    int n_strings;
    char *ledger; /* what each translation was made against, to keep (translation_ledger.h) */
};

/* Names of the theme colours as written in the config, in enum order. */
extern const char *const theme_color_names[COLOR_COUNT];

/* Every text colour and the colour it is drawn on, as the screens pair them. */
#define THEME_TEXT_PAIRS 6
extern const enum theme_color theme_text_pairs[THEME_TEXT_PAIRS][2];
/* Relative luminance and contrast ratio (1 to 21) as WCAG 2 defines them. */
double color_luminance(struct color c);
double color_contrast(struct color a, struct color b);

/* Frees a content and everything it owns; accepts NULL. */
void content_destroy(struct content *content);
/* Fills `l` with the content's own words (borrowed), under a code, name and direction. */
void language_init_from(struct language *l, const struct content *c, const char *code,
                        const char *name, bool rtl);
/* Frees what a language holds (not the words it borrows). */
void language_finish(struct language *l, int n_pages);
/* The language with this index, or language 0 when the index is out of range. */
const struct language *content_language(const struct content *content, int lang);
/* Index of the language with this code ("fr"), or CONTENT_NONE. */
int content_find_language(const struct content *content, const char *code);
/* Index of the page with this id, or CONTENT_NONE. */
int content_find_page(const struct content *content, const char *id);

#endif

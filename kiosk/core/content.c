#include "content.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

const char *const theme_color_names[COLOR_COUNT] = {
    "background", "text",        "heading",    "button",          "button_text",
    "choice",     "choice_text", "quick_exit", "quick_exit_text", "bar",
};

const enum theme_color theme_text_pairs[THEME_TEXT_PAIRS][2] = {
    {COLOR_TEXT, COLOR_BACKGROUND},
    {COLOR_HEADING, COLOR_BACKGROUND},
    {COLOR_BUTTON_TEXT, COLOR_BUTTON},
    {COLOR_CHOICE_TEXT, COLOR_CHOICE},
    {COLOR_QUICK_EXIT_TEXT, COLOR_QUICK_EXIT},
    {COLOR_TEXT, COLOR_BAR},
};

/* sRGB channel to linear light, per WCAG 2. The power 2.4 is taken as x^2 times the fifth root
 * of x^2 (by Newton's method) so the core needs no libm. */
static double linear_channel(uint8_t v)
{
    double c = v / 255.0;
    if (c <= 0.03928) {
        return c / 12.92;
    }
    double x = (c + 0.055) / 1.055, a = x * x, y = 1.0;
    for (int i = 0; i < 60; i++) {
        double y4 = y * y * y * y;
        y -= (y4 * y - a) / (5.0 * y4);
    }
    return a * y;
}

double color_luminance(struct color c)
{
    return 0.2126 * linear_channel(c.r) + 0.7152 * linear_channel(c.g) +
           0.0722 * linear_channel(c.b);
}

double color_contrast(struct color a, struct color b)
{
    double la = color_luminance(a), lb = color_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static void words_free(struct words *w)
{
#define FREE_WORD(name, fallback, placeholders) free(w->name);
    CONTENT_WORDS(FREE_WORD)
#undef FREE_WORD
}

void content_destroy(struct content *content)
{
    if (!content) {
        return;
    }
    for (int i = 0; i < content->n_pages; i++) {
        struct page *p = &content->pages[i];
        free(p->id);
        free(p->title);
        free(p->text);
        for (int c = 0; c < p->n_choices; c++) {
            free(p->choices[c].label);
            free(p->choices[c].target_id);
        }
        free(p->choices);
    }
    free(content->pages);
    for (int i = 0; i < content->n_topics; i++) {
        free(content->topics[i].title);
        free(content->topics[i].id);
    }
    free(content->topics);
    for (int i = 0; i < content->n_languages; i++) {
        language_finish(&content->languages[i], content->n_pages);
    }
    free(content->languages);
    for (int i = 0; i < content->n_strings; i++) {
        free(content->strings[i]);
    }
    free(content->strings);
    free(content->ledger);
    for (int i = 0; i < content->n_pictures; i++) {
        free(content->pictures[i].path);
    }
    free(content->pictures);
    words_free(&content->words);
    free(content->theme.font);
    free(content->theme.font_bold);
    for (int i = 0; i < content->theme.n_fallback_fonts; i++) {
        free(content->theme.fallback_fonts[i]);
    }
    free(content->theme.fallback_fonts);
    free(content->staff_pin);
    free(content->version);
    free(content->path);
    free(content);
}

void language_init_from(struct language *l, const struct content *c, const char *code,
                        const char *name, bool rtl)
{
    memset(l, 0, sizeof(*l));
    l->code = xstrdup(code);
    l->name = xstrdup(name);
    l->rtl = rtl;
    l->words = c->words;
    l->word_lines = c->word_lines;
    l->pages = xcalloc((size_t)c->n_pages + 1, sizeof(*l->pages));
    for (int p = 0; p < c->n_pages; p++) {
        const struct page *page = &c->pages[p];
        l->pages[p].title = page->title;
        l->pages[p].text = page->text;
        l->pages[p].title_line = page->title_line;
        l->pages[p].text_line = page->text_line;
        l->pages[p].choices = xcalloc((size_t)page->n_choices + 1, sizeof(const char *));
        for (int i = 0; i < page->n_choices; i++) {
            l->pages[p].choices[i] = page->choices[i].label;
        }
    }
    l->topics = xcalloc((size_t)c->n_topics + 1, sizeof(*l->topics));
    for (int t = 0; t < c->n_topics; t++) {
        l->topics[t] = c->topics[t].title;
    }
}

void language_finish(struct language *l, int n_pages)
{
    free(l->code);
    free(l->name);
    for (int p = 0; l->pages && p < n_pages; p++) {
        free(l->pages[p].choices);
    }
    free(l->pages);
    free(l->topics);
    memset(l, 0, sizeof(*l));
}

const struct language *content_language(const struct content *content, int lang)
{
    if (lang < 0 || lang >= content->n_languages) {
        lang = 0;
    }
    return &content->languages[lang];
}

int content_find_language(const struct content *content, const char *code)
{
    for (int i = 0; i < content->n_languages; i++) {
        if (strcmp(content->languages[i].code, code) == 0) {
            return i;
        }
    }
    return CONTENT_NONE;
}

int content_find_page(const struct content *content, const char *id)
{
    for (int i = 0; i < content->n_pages; i++) {
        if (strcmp(content->pages[i].id, id) == 0) {
            return i;
        }
    }
    return CONTENT_NONE;
}

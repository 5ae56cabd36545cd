#include "content.h"

#include <stdlib.h>
#include <string.h>

const char *const theme_color_names[COLOR_COUNT] = {
    "background", "text",       "heading",         "button", "button_text", "choice",
    "choice_text", "quick_exit", "quick_exit_text", "bar",
};

static void words_free(struct words *w)
{
    char **fields[] = {
        &w->welcome_title,   &w->welcome_text,   &w->welcome_prompt, &w->cover_title,
        &w->cover_text,      &w->countdown_title, &w->countdown_text, &w->countdown_button,
        &w->back,            &w->next,           &w->home,           &w->help,
        &w->quick_exit,      &w->done,           &w->progress,
    };
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        free(*fields[i]);
    }
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
    }
    free(content->topics);
    for (int i = 0; i < content->n_pictures; i++) {
        free(content->pictures[i].path);
    }
    free(content->pictures);
    words_free(&content->words);
    free(content->theme.font);
    free(content->theme.font_bold);
    free(content->staff_pin);
    free(content->path);
    free(content);
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

/* Links between pages (config_links.h). A broken link gets one "did you mean", and the
 * reachability warning is skipped while any link is broken: the broken link is the likely reason
 * a page is out of reach, and saying so twice would only bury the real mistake. */
#include "config_links.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "config_suggest.h"
#include "config_text.h"
#include "config_values.h"
#include "strbuf.h"
#include "xalloc.h"

/* How much of a circle of Next links a message lists, in bytes; past it the message says
 * "... ->" and names the page the circle starts from, so a long circle stays one line. */
#define CYCLE_SHOWN 320

/* The page with this id, or CONTENT_NONE after saying so; `from` is the page the link is on,
 * which is never suggested as the page meant. */
static int resolve(struct config_reader *r, const char *id, const char *key, int line, int from)
{
    int index = config_map_get(&r->ids, id);
    if (index != CONTENT_NONE) {
        return index;
    }
    r->broken_links++;
    struct config_suggestion sg = {0};
    /* Looking for a near miss costs a pass over every id; past SUGGEST_MAX broken links the
     * file is clearly far off and the suggestions would not help anyway. */
    if (r->suggestions_left > 0) {
        r->suggestions_left--;
        for (int i = 0; i < r->content->n_pages; i++) {
            if (r->aux[i].valid_id && i != from) {
                config_suggest(&sg, id, r->content->pages[i].id);
            }
        }
    }
    struct config_excerpt excerpt;
    config_excerpt(&excerpt, id, strlen(id), 70);
    if (sg.best) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "there is no page with id \"%s\"; did you mean \"%s\"?", excerpt.s, sg.best);
    } else {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "there is no page with id \"%s\"; write the id of one of the pages, or \"menu\"",
                 excerpt.s);
    }
    return CONTENT_NONE;
}

static void resolve_links(struct config_reader *r, const config_setting_t *root)
{
    struct content *c = r->content;
    struct strbuf key = {0};
    for (int i = 0; i < c->n_pages; i++) {
        struct page *p = &c->pages[i];
        struct config_page_aux *aux = &r->aux[i];
        for (int k = 0; k < p->n_choices; k++) {
            struct choice *ch = &p->choices[k];
            if (ch->target != CONTENT_NONE || !ch->target_id) {
                continue;
            }
            strbuf_setf(&key, "%s.choices[%d].page", aux->key, k - aux->choice_offset + 1);
            ch->target = resolve(r, ch->target_id, key.s, ch->line, i);
        }
        if (aux->next_id) {
            strbuf_setf(&key, "%s.next", aux->key);
            p->next = resolve(r, aux->next_id, key.s, aux->next_line, i);
        } else if (!aux->has_next && p->topic != CONTENT_NONE &&
                   p->index_in_topic + 1 < c->topics[p->topic].n_pages) {
            p->next = i + 1;
        }
    }
    strbuf_finish(&key);
    const char *help;
    struct config_got g = config_member_text(
        r, root, "help_page", "help_page",
        "write the id of a page in double quotes, e.g. help_page = \"help\";", &help);
    c->help_page =
        help && help[0] ? resolve(r, help, "help_page", g.line, CONTENT_NONE) : CONTENT_NONE;
}

static void visit(bool *seen, int *queue, int *tail, int page)
{
    if (page != CONTENT_NONE && !seen[page]) {
        seen[page] = true;
        queue[(*tail)++] = page;
    }
}

/* Warns about pages that no path from the menu reaches: they would never be seen. */
static void check_reachable(struct config_reader *r)
{
    struct content *c = r->content;
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

/* Reports the circle walk[from..n) of Next links (walk[n - 1] leads back to walk[from]) at its
 * last link. */
static void report_cycle(struct config_reader *r, const int *walk, int from, int n)
{
    const struct content *c = r->content;
    struct strbuf path = {0}, key = {0};
    int k = from;
    for (; k < n && path.len < CYCLE_SHOWN; k++) {
        strbuf_addf(&path, "\"%s\" -> ", c->pages[walk[k]].id);
    }
    strbuf_addf(&path, "%s\"%s\"", k < n ? "... -> " : "", c->pages[walk[from]].id);
    int last = walk[n - 1];
    strbuf_setf(&key, "%s.next", r->aux[last].key);
    diag_add(r->diags, DIAG_WARNING,
             r->aux[last].next_line ? r->aux[last].next_line : c->pages[last].line, key.s,
             "the Next links go round in a circle (%s), so reading on never ends; point this "
             "next at another page, or at \"menu\"",
             path.s);
    strbuf_finish(&path);
    strbuf_finish(&key);
}

/* Warns about `next` links that go round in a circle: Next would never end the topic. Topics
 * and Quick exit still lead out, so the file stays usable; but it is surely a slip. */
static void check_next_cycles(struct config_reader *r)
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
            /* The circle starts at j; name it from there. */
            int from = 0;
            while (walk[from] != j) {
                from++;
            }
            report_cycle(r, walk, from, n);
        }
        for (int k = 0; k < n; k++) {
            state[walk[k]] = 2;
        }
    }
    free(walk);
    free(state);
}

void config_links_check(struct config_reader *r, const config_setting_t *root)
{
    resolve_links(r, root);
    check_reachable(r);
    check_next_cycles(r);
}

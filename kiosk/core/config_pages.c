/* The pages (config_pages.h). Messages name a page by its id once it has a valid one
 * (page "safe-1".title) and by its place until then (topic 2.pages[3].title), so staff can find
 * it either way. */
#include "config_pages.h"

#include <stdbool.h>
#include <string.h>

#include "config_files.h"
#include "config_text.h"
#include "config_values.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* The longest id, in bytes: ids show in messages and name the files `kiosk --render` writes. */
#define ID_MAX 64

static const char *const menu_keys[] = {"title", "text", "choices"};
static const char *const topic_keys[] = {"id", "title", "picture", "safety", "pages"};
static const char *const page_keys[] = {"id", "title", "text", "picture", "choices", "next"};
static const char *const choice_keys[] = {"label", "page", "picture"};

static int add_page(struct config_reader *r)
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
    return config_is_digit(c) || c == '-' || c == '_' ||
           (config_lower(c) >= 'a' && config_lower(c) <= 'z');
}

/* Says why a page id is not allowed, or returns false when it is fine. */
static bool bad_id(struct config_reader *r, const char *id, const char *key, int line)
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
    for (size_t k = 0; k < CONFIG_COUNT(screens); k++) {
        if (strcmp(id, screens[k]) == 0) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is the name of the kiosk's %s screen; give this page another id, "
                     "e.g. id = \"%s-page\";",
                     id, id, id);
            return true;
        }
    }
    /* The suggestion keeps the id's letters and swaps each run of other characters for one
     * '-'; it is an example, so ID_MAX bounds it by design. */
    char fixed[ID_MAX + 1];
    size_t o = 0;
    bool ok = n <= ID_MAX;
    for (size_t i = 0; i < n; i += utf8_char_len(id + i, n - i)) {
        unsigned char c = (unsigned char)id[i];
        bool allowed = is_id_char(c);
        ok = ok && allowed;
        if (o < ID_MAX && (allowed || o == 0 || fixed[o - 1] != '-')) {
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
    struct config_excerpt excerpt;
    config_excerpt(&excerpt, id, n, 70);
    if (n > ID_MAX) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" is %zu characters long; an id may have at most 64, e.g. id = \"%.20s\";",
                 excerpt.s, n, fixed);
    } else {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" may only use letters, digits, - and _ (no spaces), e.g. id = \"%s\";",
                 excerpt.s, fixed);
    }
    return true;
}

/* Reads one choice group into a new choice of `p`; `ckey` names it. */
static void read_choice(struct config_reader *r, struct page *p, const config_setting_t *s,
                        const char *ckey)
{
    config_check_known(r, s, ckey, choice_keys, CONFIG_COUNT(choice_keys));
    struct choice *ch = &p->choices[p->n_choices++];
    memset(ch, 0, sizeof(*ch));
    ch->line = config_line(s);
    ch->target = CONTENT_NONE;
    struct strbuf fkey = {0};
    strbuf_setf(&fkey, "%s.label", ckey);
    const char *label;
    struct config_got g = config_member_text(
        r, s, "label", fkey.s,
        "write the words on the button in double quotes, e.g. label = \"Yes\";", &label);
    if (g.found == CONFIG_MISSING) {
        diag_add(r->diags, DIAG_ERROR, ch->line, fkey.s,
                 "is missing; write the words on the button, e.g. label = \"Yes\";");
    } else if (label && config_is_blank(label)) {
        diag_add(r->diags, DIAG_ERROR, ch->line, fkey.s,
                 "is empty; write the words on the button, e.g. label = \"Yes\";");
    }
    ch->label = xstrdup(label ? label : "");
    strbuf_setf(&fkey, "%s.page", ckey);
    const char *target;
    g = config_member_text(r, s, "page", fkey.s,
                           "write the id of a page in double quotes, e.g. page = \"some-id\";",
                           &target);
    if (g.found == CONFIG_MISSING) {
        diag_add(r->diags, DIAG_ERROR, ch->line, fkey.s,
                 "is missing; write the id of the page this button leads to, e.g. "
                 "page = \"some-id\";");
    } else if (target && !target[0]) {
        diag_add(r->diags, DIAG_ERROR, g.line, fkey.s,
                 "is empty; write the id of the page this button leads to, e.g. "
                 "page = \"some-id\";");
        target = NULL;
    }
    ch->target_id = target ? xstrdup(target) : NULL;
    if (target) {
        ch->line = g.line;
    }
    strbuf_setf(&fkey, "%s.picture", ckey);
    ch->picture = config_member_picture(r, s, "picture", fkey.s, "the button is shown without it");
    strbuf_finish(&fkey);
}

/* Reads the choices of a page (or of the menu) and appends them to it. Targets are resolved
 * once every page is known. */
static void read_choices(struct config_reader *r, int page, const config_setting_t *group)
{
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.choices", r->aux[page].key);
    const config_setting_t *list;
    config_member_list(r, group, "choices", key.s,
                       "choices = ( { label = \"Yes\"; page = \"some-id\"; } );", &list);
    int n = list ? config_setting_length(list) : 0;
    struct page *p = &r->content->pages[page];
    if (n > 0) {
        p->choices = xrealloc(p->choices, (size_t)(p->n_choices + n) * sizeof(*p->choices));
    }
    for (int i = 0; i < n; i++) {
        const config_setting_t *s = config_setting_get_elem(list, (unsigned)i);
        strbuf_setf(&key, "%s.choices[%d]", r->aux[page].key, i + 1);
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            config_report_type(r, s, key.s,
                               "each choice is a group in braces, e.g. { label = \"Yes\"; page = "
                               "\"some-id\"; }");
            continue;
        }
        read_choice(r, p, s, key.s);
    }
    strbuf_finish(&key);
}

/* Reads a page's id; true when it is valid and its own, so links may lead to the page. */
static bool read_page_id(struct config_reader *r, const config_setting_t *s, struct page *p,
                         const char *where)
{
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.id", where);
    const char *id;
    struct config_got g = config_member_text(
        r, s, "id", key.s, "write a short name in double quotes, e.g. id = \"some-id\";", &id);
    bool valid = false;
    if (g.found == CONFIG_MISSING) {
        diag_add(r->diags, DIAG_ERROR, p->line, key.s,
                 "is missing; every page needs a short name that choices and next can use, e.g. "
                 "id = \"some-id\";");
    } else if (id && !bad_id(r, id, key.s, g.line)) {
        int other = config_map_get(&r->ids, id);
        if (other != CONTENT_NONE) {
            diag_add(r->diags, DIAG_ERROR, g.line, key.s,
                     "\"%s\" is already the id of the page on line %d; give each page its own id",
                     id, r->content->pages[other].line);
        } else {
            valid = true;
        }
    }
    strbuf_finish(&key);
    p->id = xstrdup(id ? id : "");
    return valid;
}

/* Reads a page's title, text, picture and next, once its key is known. */
static void read_page_fields(struct config_reader *r, const config_setting_t *s, struct page *p,
                             struct config_page_aux *aux)
{
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.title", aux->key);
    const char *title;
    struct config_got g = config_member_text(
        r, s, "title", key.s, "write the heading in double quotes, e.g. title = \"Feeling safe\";",
        &title);
    if (g.found == CONFIG_MISSING) {
        diag_add(r->diags, DIAG_ERROR, p->line, key.s,
                 "is missing; every page needs a heading, e.g. title = \"Feeling safe\";");
    } else if (title && config_is_blank(title)) {
        diag_add(r->diags, DIAG_ERROR, g.line, key.s,
                 "is empty; write the page's heading, e.g. title = \"Feeling safe\";");
    }
    p->title = xstrdup(title ? title : "");
    p->title_line = title ? g.line : 0;

    strbuf_setf(&key, "%s.text", aux->key);
    const char *text;
    g = config_member_text(
        r, s, "text", key.s,
        "write the words in double quotes, e.g. text = \"First line.\\nSecond line.\";", &text);
    p->text = xstrdup(text ? text : "");
    p->text_line = text ? g.line : 0;

    strbuf_setf(&key, "%s.picture", aux->key);
    p->picture = config_member_picture(r, s, "picture", key.s, "the page is shown without it");

    strbuf_setf(&key, "%s.next", aux->key);
    const char *next;
    g = config_member_text(r, s, "next", key.s,
                           "write the id of a page in double quotes, e.g. next = \"some-id\";",
                           &next);
    aux->next_line = g.line;
    aux->has_next = g.found != CONFIG_MISSING;
    if (next && !next[0]) {
        diag_add(r->diags, DIAG_ERROR, aux->next_line, key.s,
                 "is empty; write the id of the page Next leads to, or remove this line to go to "
                 "the following page of the topic");
    } else if (next) {
        aux->next_id = xstrdup(next);
    }
    strbuf_finish(&key);
}

/* Reads one page group into a new page; `where` names it until it has a valid id. */
static int read_page(struct config_reader *r, const config_setting_t *s, const char *where,
                     int topic, int index_in_topic)
{
    if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
        config_report_type(r, s, where,
                           "each page is a group in braces, e.g. { id = \"some-id\"; title = "
                           "\"A heading\"; }");
        return CONTENT_NONE;
    }
    int index = add_page(r);
    struct page *p = &r->content->pages[index];
    struct config_page_aux *aux = &r->aux[index];
    p->line = config_line(s);
    p->topic = topic;
    p->index_in_topic = index_in_topic;
    if (read_page_id(r, s, p, where)) {
        /* The key borrows the page's own copy of the id, which lives as long as the map. */
        config_map_put(&r->ids, p->id, index);
        aux->valid_id = true;
        struct strbuf key = {0};
        strbuf_setf(&key, "page \"%s\"", p->id);
        aux->key = strbuf_take(&key);
    } else {
        aux->key = xstrdup(where);
    }
    config_check_known(r, s, aux->key, page_keys, CONFIG_COUNT(page_keys));
    read_page_fields(r, s, p, aux);
    read_choices(r, index, s);
    return index;
}

/* A topic's id only lets translations name it: the same letters as a page id, once each. */
static bool bad_topic_id(struct config_reader *r, const char *id, const char *key, int line)
{
    size_t n = strlen(id);
    bool ok = n > 0 && n <= ID_MAX;
    for (size_t i = 0; ok && i < n; i++) {
        ok = is_id_char((unsigned char)id[i]);
    }
    if (!ok) {
        struct config_excerpt excerpt;
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" is not a usable id; use 1 to 64 letters, digits, - and _ (no spaces), "
                 "e.g. id = \"safe\";",
                 config_excerpt(&excerpt, id, n, 70));
        return true;
    }
    for (int t = 0; t < r->content->n_topics; t++) {
        const char *other = r->content->topics[t].id;
        if (other && strcmp(other, id) == 0) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is already the id of topic %d; give each topic its own id", id, t + 1);
            return true;
        }
    }
    return false;
}

/* Reads a topic's title, id and picture; `where` names it ("topic 2"). */
static void read_topic_fields(struct config_reader *r, const config_setting_t *s,
                              struct topic *topic, const char *where)
{
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.title", where);
    const char *title;
    struct config_got g = config_member_text(
        r, s, "title", key.s,
        "write the topic's name in double quotes, e.g. title = \"Feeling safe\";", &title);
    if (g.found == CONFIG_MISSING) {
        diag_add(r->diags, DIAG_ERROR, config_line(s), key.s,
                 "is missing; write the topic's name for its menu button, e.g. title = "
                 "\"Feeling safe\";");
    } else if (title && config_is_blank(title)) {
        diag_add(r->diags, DIAG_ERROR, g.line, key.s,
                 "is empty; write the topic's name for its menu button, e.g. title = "
                 "\"Feeling safe\";");
    }
    topic->title = xstrdup(title ? title : "");
    strbuf_setf(&key, "%s.id", where);
    const char *id;
    g = config_member_text(r, s, "id", key.s,
                           "write a short name in double quotes, e.g. id = \"safe\";", &id);
    if (id && !bad_topic_id(r, id, key.s, g.line)) {
        topic->id = xstrdup(id);
    }
    strbuf_setf(&key, "%s.picture", where);
    topic->picture =
        config_member_picture(r, s, "picture", key.s, "its menu button is shown without it");
    config_member_bool(r, s, where, "safety", false, &topic->safety);
    strbuf_finish(&key);
}

/* Reads the pages of content topic `t`, which start at the next page; `where` names the topic
 * by its place in the file ("topic 2", the `n`th), which a topic that is not a group also takes. */
static void read_topic_pages(struct config_reader *r, const config_setting_t *s, int t, int n,
                             const char *where)
{
    struct content *c = r->content;
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.pages", where);
    const config_setting_t *pages;
    struct config_got g =
        config_member_list(r, s, "pages", key.s,
                           "pages = ( { id = \"safe-1\"; title = \"Feeling safe\"; } );", &pages);
    int n_pages = pages ? config_setting_length(pages) : 0;
    if (g.found == CONFIG_MISSING) {
        diag_add(r->diags, DIAG_ERROR, config_line(s), key.s,
                 "is missing; a topic needs a list of one or more pages, e.g. pages = ( { id = "
                 "\"safe-1\"; title = \"Feeling safe\"; } );");
    } else if (pages && n_pages == 0) {
        diag_add(r->diags, DIAG_ERROR, g.line, key.s,
                 "is empty; a topic needs one or more pages, e.g. pages = ( { id = \"safe-1\"; "
                 "title = \"Feeling safe\"; } );");
    }
    for (int i = 0; i < n_pages; i++) {
        strbuf_setf(&key, "topic %d.pages[%d]", n, i + 1);
        read_page(r, config_setting_get_elem(pages, (unsigned)i), key.s, t,
                  c->n_pages - c->topics[t].first_page);
    }
    c->topics[t].n_pages = c->n_pages - c->topics[t].first_page;
    strbuf_finish(&key);
}

static void read_topics(struct config_reader *r, const config_setting_t *root)
{
    const char *example = "topics = ( { title = \"Feeling safe\"; pages = ( { id = \"safe-1\"; "
                          "title = \"Feeling safe\"; } ); } );";
    const config_setting_t *topics;
    struct config_got g = config_member_list(r, root, "topics", "topics", example, &topics);
    if (!topics) {
        if (g.found == CONFIG_MISSING) {
            diag_add(r->diags, DIAG_ERROR, 0, "topics",
                     "is missing; the kiosk needs at least one topic, e.g. %s", example);
        }
        return;
    }
    int n = config_setting_length(topics);
    if (n == 0) {
        diag_add(r->diags, DIAG_ERROR, g.line, "topics",
                 "is empty; the kiosk needs at least one topic, e.g. %s", example);
        return;
    }
    struct content *c = r->content;
    c->topics = xcalloc((size_t)n, sizeof(*c->topics));
    struct strbuf where = {0};
    for (int t = 0; t < n; t++) {
        const config_setting_t *s = config_setting_get_elem(topics, (unsigned)t);
        strbuf_setf(&where, "topic %d", t + 1);
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            config_report_type(r, s, where.s,
                               "each topic is a group in braces, e.g. { title = \"Feeling "
                               "safe\"; pages = ( ... ); }");
            continue;
        }
        config_check_known(r, s, where.s, topic_keys, CONFIG_COUNT(topic_keys));
        struct topic *topic = &c->topics[c->n_topics];
        read_topic_fields(r, s, topic, where.s);
        int topic_index = c->n_topics++;
        topic->first_page = c->n_pages;
        read_topic_pages(r, s, topic_index, t + 1, where.s);
    }
    strbuf_finish(&where);
}

static void read_loose_pages(struct config_reader *r, const config_setting_t *root)
{
    const config_setting_t *pages;
    config_member_list(r, root, "pages", "pages",
                       "pages = ( { id = \"help\"; title = \"Getting help\"; } );", &pages);
    int n = pages ? config_setting_length(pages) : 0;
    struct strbuf where = {0};
    for (int i = 0; i < n; i++) {
        strbuf_setf(&where, "pages[%d]", i + 1);
        read_page(r, config_setting_get_elem(pages, (unsigned)i), where.s, CONTENT_NONE, 0);
    }
    strbuf_finish(&where);
}

/* The menu is page 0: a button per topic, then the config's own extra choices. */
static const config_setting_t *read_menu(struct config_reader *r, const config_setting_t *root)
{
    int index = add_page(r);
    struct page *p = &r->content->pages[index];
    r->aux[index].key = xstrdup("menu");
    r->aux[index].valid_id = true;
    p->id = xstrdup(CONTENT_MENU_ID);
    config_map_put(&r->ids, p->id, index);
    const config_setting_t *menu;
    config_member_group(r, root, "menu", "menu",
                        "menu = { title = \"What would you like to read about?\"; };", &menu);
    p->line = config_line(menu);
    if (menu) {
        config_check_known(r, menu, "menu", menu_keys, CONFIG_COUNT(menu_keys));
    }
    const char *fallback = "What would you like to read about?";
    const char *title;
    struct config_got g = config_member_text(r, menu, "title", "menu.title",
                                             "write the heading in double quotes, e.g. title = "
                                             "\"What would you like to read about?\";",
                                             &title);
    if (title && config_is_blank(title)) {
        diag_add(r->diags, DIAG_ERROR, g.line, "menu.title",
                 "is empty; write the menu's heading, or remove this line to use \"%s\"", fallback);
    }
    p->title = xstrdup(title ? title : fallback);
    p->title_line = title ? g.line : 0;
    const char *text;
    g = config_member_text(r, menu, "text", "menu.text",
                           "write the words in double quotes, e.g. text = \"Tap a topic to read "
                           "more.\";",
                           &text);
    p->text = xstrdup(text ? text : "");
    p->text_line = text ? g.line : 0;
    return menu;
}

static void finish_menu(struct config_reader *r, const config_setting_t *menu)
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

void config_pages_read(struct config_reader *r, const config_setting_t *root)
{
    const config_setting_t *menu = read_menu(r, root);
    r->content->menu = 0;
    read_topics(r, root);
    read_loose_pages(r, root);
    finish_menu(r, menu);
}

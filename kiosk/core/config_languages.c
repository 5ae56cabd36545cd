/* Languages: `language` names the language the config's own words are in, `translations` gives
 * the same words in other languages, and `languages` says which the welcome screen offers. A
 * translation may leave anything out: that string shows in the config's own language, and
 * `kiosk --check` lists what is missing, so a clinic can offer a half-done translation on
 * purpose and still see what is left; but not one that lacks any of the safety path
 * (config_safety.h): the welcome screen does not offer that one, and --check says why. */
#include "config_languages.h"

#include <stdlib.h>
#include <string.h>

#include "config_language_codes.h"
#include "config_safety.h"
#include "config_suggest.h"
#include "config_text.h"
#include "config_values.h"
#include "config_words.h"
#include "strbuf.h"
#include "translation_ledger.h"
#include "xalloc.h"

static const char *const translation_keys[] = {"language", "name",   "direction", "reviewed",
                                               "words",    "topics", "pages"};
static const char *const translated_topic_keys[] = {"id", "title"};
static const char *const translated_page_keys[] = {"id", "title", "text", "choices"};

/* A copy of `s` owned by the content, for a language to borrow. */
static char *keep(struct config_reader *r, const char *s)
{
    struct content *c = r->content;
    c->strings = xrealloc(c->strings, (size_t)(c->n_strings + 1) * sizeof(*c->strings));
    c->strings[c->n_strings] = xstrdup(s);
    return c->strings[c->n_strings++];
}

/* Notes in the ledger that `translation` (on `line`, named `key` in messages) was made from
 * `original` (on `original_line`, 0 when not in the file), and warns when the earlier ledger
 * says it was made from another original and the translation has not changed since: the
 * original was edited after it was translated. Such a text stays out of date, and keeps its old
 * original in the ledger, until the translation changes or the language is marked reviewed. */
static void track(struct config_reader *r, struct language *l, const char *what,
                  const char *original, int original_line, const char *translation, int line,
                  const char *key)
{
    struct strbuf full = {0};
    strbuf_setf(&full, "%s %s", l->code, what);
    uint64_t o = translation_ledger_fingerprint(original);
    uint64_t t = translation_ledger_fingerprint(translation);
    const struct translation_ledger_entry *e =
        translation_ledger_find(r->ledger, strbuf_str(&full));
    if (e && e->translation == t && e->original != o && !r->reviewed) {
        l->stale++;
        struct strbuf where = {0};
        if (original_line > 0) {
            strbuf_setf(&where, " on line %d", original_line);
        }
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "is out of date: the %s%s changed after this was translated; translate it "
                 "again here (the warning goes once this text changes), or if it still fits, "
                 "write today's date in reviewed = \"...\"; at the top of translation \"%s\"",
                 r->first_name, strbuf_str(&where), l->code);
        strbuf_finish(&where);
        o = e->original;
    }
    translation_ledger_add(&r->ledger_out, strbuf_str(&full), o, t);
    strbuf_finish(&full);
}

/* A translation's `reviewed`: staff write a new date there once they have checked all of it
 * against the current original, which brings every text up to date. */
static void read_reviewed(struct config_reader *r, const struct language *l,
                          const config_setting_t *tr, const char *where)
{
    struct strbuf key = {0}, what = {0};
    strbuf_setf(&key, "%s.reviewed", where);
    strbuf_setf(&what, "%s reviewed", l->code);
    const char *v;
    config_member_text(r, tr, "reviewed", key.s,
                       "write the date you last checked this translation against the first "
                       "language, in double quotes, e.g. reviewed = \"2026-12-03\";",
                       &v);
    r->reviewed = false;
    if (v) {
        uint64_t mark = translation_ledger_fingerprint(v);
        const struct translation_ledger_entry *e = translation_ledger_find(r->ledger, what.s);
        r->reviewed = !e || e->original != mark;
        translation_ledger_add(&r->ledger_out, what.s, mark, 0);
    }
    strbuf_finish(&key);
    strbuf_finish(&what);
}

/* A language with every string taken from the config's own words. */
static void language_from_content(struct config_reader *r, struct language *l, const char *code)
{
    const struct config_known_language *k = config_known_language(code);
    language_init_from(l, r->content, code, k ? k->name : code, k && k->rtl);
}

/* What one translation left out, for the message that lists it. */
struct gaps {
    int words, topics, pages, total;
    struct strbuf page_ids; /* the first few, quoted */
};

static void note_page_gap(struct gaps *g, const char *id)
{
    if (g->pages++ < 4) {
        strbuf_addf(&g->page_ids, "%s\"%s\"", g->page_ids.len ? ", " : "", id);
    }
}

static void read_translated_words(struct config_reader *r, struct language *l, const char *where,
                                  const config_setting_t *tr)
{
    struct strbuf key = {0}, expected = {0}, what = {0};
    strbuf_setf(&key, "%s.words", where);
    const config_setting_t *words;
    config_member_group(r, tr, "words", key.s, "words = { back = \"Retour\"; };", &words);
    if (words) {
        config_check_known(r, words, key.s, config_word_names, CONFIG_N_WORDS);
    }
    /* The first language's words and their lines, which each translated word is made from
     * (copied: config_word indexes a struct it may change). */
    struct words own = r->content->words;
    struct word_lines own_lines = r->content->word_lines;
    for (size_t i = 0; words && i < CONFIG_N_WORDS; i++) {
        const struct config_word_spec *spec = &config_word_specs[i];
        strbuf_setf(&key, "%s.words.%s", where, spec->name);
        strbuf_setf(&expected, "write text in double quotes, e.g. %s = \"...\";", spec->name);
        const char *v;
        struct config_got g = config_member_text(r, words, spec->name, key.s, expected.s, &v);
        if (!v) {
            continue;
        }
        if (config_is_blank(v)) {
            diag_add(r->diags, DIAG_WARNING, g.line, key.s,
                     "is empty, so the words of the first language are shown; write them, or "
                     "remove this line");
            continue;
        }
        if (!config_check_visible_exit(r, v, key.s, spec->name, g.line)) {
            continue;
        }
        if (spec->placeholders) {
            config_check_placeholders(r, v, key.s, spec->name, g.line, spec->placeholders,
                                      spec->fallback);
        }
        *config_word(&l->words, i) = keep(r, v);
        *config_word_line(&l->word_lines, i) = g.line;
        strbuf_setf(&what, "word %s", spec->name);
        track(r, l, what.s, *config_word(&own, i), *config_word_line(&own_lines, i), v, g.line,
              key.s);
    }
    strbuf_finish(&key);
    strbuf_finish(&expected);
    strbuf_finish(&what);
}

/* Warns that a translated topic names no topic, with the nearest id if there is one. */
static void report_unknown_topic(struct config_reader *r, const char *id, const char *key, int line)
{
    const struct content *c = r->content;
    struct config_suggestion sg = {0};
    for (int k = 0; k < c->n_topics; k++) {
        if (c->topics[k].id) {
            config_suggest(&sg, id, c->topics[k].id);
        }
    }
    struct config_excerpt excerpt;
    config_excerpt(&excerpt, id, strlen(id), 60);
    if (sg.best) {
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "there is no topic with id \"%s\", so this title is not used; did you "
                 "mean \"%s\"?",
                 excerpt.s, sg.best);
    } else {
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "there is no topic with id \"%s\", so this title is not used; give the "
                 "topic an id, e.g. id = \"%s\";, and write the same id here",
                 excerpt.s, excerpt.s);
    }
}

/* Reads one translated topic { id; title; } into `l`; `tkey` names it. */
static void read_translated_topic(struct config_reader *r, struct language *l,
                                  const config_setting_t *s, const char *tkey)
{
    const struct content *c = r->content;
    config_check_known(r, s, tkey, translated_topic_keys, CONFIG_COUNT(translated_topic_keys));
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.id", tkey);
    const char *id;
    struct config_got g = config_member_text(
        r, s, "id", key.s, "write the id of the topic in double quotes, e.g. id = \"safe\";", &id);
    int t = 0;
    if (!id) {
        if (g.found == CONFIG_MISSING) {
            diag_add(r->diags, DIAG_WARNING, config_line(s), key.s,
                     "is missing, so this title is not used; write the id of the topic it "
                     "translates, e.g. id = \"safe\";");
        }
        goto done;
    }
    while (t < c->n_topics && !(c->topics[t].id && strcmp(c->topics[t].id, id) == 0)) {
        t++;
    }
    if (t == c->n_topics) {
        report_unknown_topic(r, id, key.s, g.line);
        goto done;
    }
    strbuf_setf(&key, "%s.title", tkey);
    const char *title;
    g = config_member_text(r, s, "title", key.s,
                           "write the topic's name in double quotes, e.g. title = \"...\";",
                           &title);
    if (title && !config_is_blank(title)) {
        l->topics[t] = keep(r, title);
        struct strbuf what = {0};
        strbuf_setf(&what, "topic %s title", id);
        track(r, l, what.s, c->topics[t].title, 0, title, g.line, key.s);
        strbuf_finish(&what);
    }
done:
    strbuf_finish(&key);
}

static void read_translated_topics(struct config_reader *r, struct language *l, const char *where,
                                   const config_setting_t *tr)
{
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.topics", where);
    const config_setting_t *list;
    config_member_list(r, tr, "topics", key.s,
                       "topics = ( { id = \"safe\"; title = \"Se sentir en sécurité\"; } );",
                       &list);
    for (int i = 0; list && i < config_setting_length(list); i++) {
        const config_setting_t *s = config_setting_get_elem(list, (unsigned)i);
        strbuf_setf(&key, "%s.topics[%d]", where, i + 1);
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            config_report_type(
                r, s, key.s,
                "each topic is a group in braces, e.g. { id = \"safe\"; title = \"...\"; }");
            continue;
        }
        read_translated_topic(r, l, s, key.s);
    }
    strbuf_finish(&key);
}

/* A list of button labels, written ( "a", "b" ) or [ "a", "b" ]. */
static void read_translated_choices(struct config_reader *r, struct language *l, int page,
                                    const char *pkey, const config_setting_t *s, int offset)
{
    struct strbuf key = {0}, ekey = {0}, what = {0};
    strbuf_setf(&key, "%s.choices", pkey);
    const config_setting_t *list;
    config_member_items(r, s, "choices", key.s,
                        "write the words of each button in double quotes, in the same order as "
                        "the page's choices, e.g. choices = ( \"Oui\", \"Non\" );",
                        &list);
    const struct page *p = &r->content->pages[page];
    int own = p->n_choices - offset;
    int n = list ? config_setting_length(list) : 0;
    if (list && n != own) {
        diag_add(r->diags, DIAG_WARNING, config_line(list), key.s,
                 "has %d label%s, but the page has %d choice%s; write one label for each, in the "
                 "same order (missing ones show in the first language)",
                 n, n == 1 ? "" : "s", own, own == 1 ? "" : "s");
    }
    for (int i = 0; i < n && i < own; i++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
        strbuf_setf(&ekey, "%s[%d]", key.s, i + 1);
        const char *v;
        config_elem_text(r, e, ekey.s,
                         "write the words on the button in double quotes, e.g. \"Oui\"", &v);
        if (v && !config_is_blank(v)) {
            l->pages[page].choices[offset + i] = keep(r, v);
            strbuf_setf(&what, "page %s choices %d", p->id, i + 1);
            track(r, l, what.s, p->choices[offset + i].label, p->choices[offset + i].line, v,
                  config_line(e), ekey.s);
        }
    }
    strbuf_finish(&key);
    strbuf_finish(&ekey);
    strbuf_finish(&what);
}

/* Warns that a translated page names no page, with the nearest id if there is one. */
static void report_unknown_page(struct config_reader *r, const char *id, const char *key, int line)
{
    const struct content *c = r->content;
    struct config_suggestion sg = {0};
    for (int k = 0; k < c->n_pages; k++) {
        if (r->aux[k].valid_id) {
            config_suggest(&sg, id, c->pages[k].id);
        }
    }
    struct config_excerpt excerpt;
    diag_add(r->diags, DIAG_WARNING, line, key,
             "there is no page with id \"%s\", so these words are not used%s%s%s",
             config_excerpt(&excerpt, id, strlen(id), 60), sg.best ? "; did you mean \"" : "",
             sg.best ? sg.best : "", sg.best ? "\"?" : "");
}

/* Reads the words of one page, found by its id, into `l`; `pkey` names the entry until then.
 * `seen` marks the pages already translated. */
static void read_translated_page(struct config_reader *r, struct language *l, const char *where,
                                 const config_setting_t *s, const char *pkey, bool *seen)
{
    struct strbuf key = {0}, page_key = {0}, what = {0};
    strbuf_setf(&key, "%s.id", pkey);
    const char *id;
    struct config_got g = config_member_text(
        r, s, "id", key.s, "write the id of the page in double quotes, e.g. id = \"help\";", &id);
    int page = id ? config_map_get(&r->ids, id) : CONTENT_NONE;
    if (!id) {
        if (g.found == CONFIG_MISSING) {
            diag_add(r->diags, DIAG_WARNING, config_line(s), key.s,
                     "is missing, so these words are not used; write the id of the page they "
                     "translate, e.g. id = \"help\";");
        }
    } else if (page == CONTENT_NONE) {
        report_unknown_page(r, id, key.s, g.line);
    } else if (seen[page]) {
        diag_add(r->diags, DIAG_WARNING, g.line, key.s,
                 "page \"%s\" is translated twice; only the first is used, so remove one", id);
    } else {
        seen[page] = true;
        /* The key names the page the way the messages about it in the first language do. */
        strbuf_setf(&page_key, "%s.page \"%s\"", where, id);
        config_check_known(r, s, page_key.s, translated_page_keys,
                           CONFIG_COUNT(translated_page_keys));
        strbuf_setf(&key, "%s.title", page_key.s);
        const char *title;
        g = config_member_text(r, s, "title", key.s,
                               "write the heading in double quotes, e.g. title = \"...\";", &title);
        const struct page *own = &r->content->pages[page];
        if (title && !config_is_blank(title)) {
            l->pages[page].title = keep(r, title);
            l->pages[page].title_line = g.line;
            strbuf_setf(&what, "page %s title", id);
            track(r, l, what.s, own->title, own->title_line, title, g.line, key.s);
        }
        strbuf_setf(&key, "%s.text", page_key.s);
        const char *text;
        g = config_member_text(r, s, "text", key.s,
                               "write the words in double quotes, e.g. text = \"...\";", &text);
        if (text && !config_is_blank(text)) {
            l->pages[page].text = keep(r, text);
            l->pages[page].text_line = g.line;
            strbuf_setf(&what, "page %s text", id);
            track(r, l, what.s, own->text, own->text_line, text, g.line, key.s);
        }
        read_translated_choices(r, l, page, page_key.s, s, r->aux[page].choice_offset);
    }
    strbuf_finish(&key);
    strbuf_finish(&page_key);
    strbuf_finish(&what);
}

static void read_translated_pages(struct config_reader *r, struct language *l, const char *where,
                                  const config_setting_t *tr, bool *seen)
{
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.pages", where);
    const config_setting_t *list;
    config_member_list(r, tr, "pages", key.s,
                       "pages = ( { id = \"help\"; title = \"Trouver de l'aide\"; } );", &list);
    for (int i = 0; list && i < config_setting_length(list); i++) {
        const config_setting_t *s = config_setting_get_elem(list, (unsigned)i);
        strbuf_setf(&key, "%s.pages[%d]", where, i + 1);
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            config_report_type(
                r, s, key.s,
                "each page is a group in braces, e.g. { id = \"help\"; title = \"...\"; }");
            continue;
        }
        read_translated_page(r, l, where, s, key.s, seen);
    }
    strbuf_finish(&key);
}

/* Counts what a translation left out into `g`. */
static void count_gaps(struct config_reader *r, struct language *l, const struct language *first,
                       struct gaps *g)
{
    const struct content *c = r->content;
    struct words mine = l->words, theirs = first->words;
    for (size_t i = 0; i < CONFIG_N_WORDS; i++) {
        g->words += *config_word(&mine, i) == *config_word(&theirs, i);
    }
    for (int t = 0; t < c->n_topics; t++) {
        g->topics += l->topics[t] == first->topics[t];
    }
    for (int p = 0; p < c->n_pages; p++) {
        const struct page *page = &c->pages[p];
        int missing = l->pages[p].title == first->pages[p].title;
        missing += page->text[0] && l->pages[p].text == first->pages[p].text;
        /* The menu's topic buttons are the topics' titles, counted above. */
        int from = r->aux[p].choice_offset;
        for (int i = from; i < page->n_choices; i++) {
            missing += l->pages[p].choices[i] == first->pages[p].choices[i];
        }
        if (missing) {
            g->total += missing;
            note_page_gap(g, page->id);
        }
    }
    g->total += g->words + g->topics;
}

/* Counts what a translation left out, and says so once, naming the first few pages. */
static void report_gaps(struct config_reader *r, struct language *l, const struct language *first,
                        const char *where)
{
    struct gaps g = {0};
    count_gaps(r, l, first, &g);
    l->missing = g.total;
    if (g.total == 0) {
        strbuf_finish(&g.page_ids);
        return;
    }
    struct strbuf parts = {0};
    if (g.words) {
        strbuf_addf(&parts, "%d of the words", g.words);
    }
    if (g.topics) {
        strbuf_addf(&parts, "%s%d topic title%s", parts.len ? ", " : "", g.topics,
                    g.topics == 1 ? "" : "s");
    }
    if (g.pages) {
        strbuf_addf(&parts, "%s%d page%s (%s%s)", parts.len ? ", " : "", g.pages,
                    g.pages == 1 ? "" : "s", strbuf_str(&g.page_ids),
                    g.pages > 4 ? " and more" : "");
    }
    diag_add(r->diags, DIAG_WARNING, l->line, where,
             "%d text%s not translated, so %s in %s: %s; translate them here to finish it", g.total,
             g.total == 1 ? " is" : "s are", g.total == 1 ? "it shows" : "they show", first->name,
             strbuf_str(&parts));
    strbuf_finish(&parts);
    strbuf_finish(&g.page_ids);
}

/* Checks a translation's `language`: there, a code, and not a language already given. Returns
 * the code, or NULL after saying what is wrong. */
static const char *read_translation_code(struct config_reader *r, const config_setting_t *tr,
                                         const char *key, int index, const struct language *all,
                                         const bool *usable)
{
    const char *code;
    struct config_got g = config_member_language_code(r, tr, "language", key, &code);
    if (!code) {
        if (g.found == CONFIG_MISSING) {
            diag_add(r->diags, DIAG_ERROR, config_line(tr), key,
                     "is missing; say which language this is, e.g. language = \"fr\";");
        }
        return NULL;
    }
    if (strcmp(code, all[0].code) == 0) {
        diag_add(r->diags, DIAG_ERROR, g.line, key,
                 "\"%s\" is the language the pages above are written in; a translation is for "
                 "another language (or change language = \"%s\"; at the top)",
                 code, code);
        return NULL;
    }
    for (int k = 1; k <= index; k++) {
        if (usable[k] && strcmp(all[k].code, code) == 0) {
            diag_add(r->diags, DIAG_ERROR, g.line, key,
                     "\"%s\" is translated twice (also on line %d); keep one translation per "
                     "language",
                     code, all[k].line);
            return NULL;
        }
    }
    return code;
}

/* A translation's `name` and `direction`, over the built-in ones for its code. */
static void read_translation_name(struct config_reader *r, const config_setting_t *tr,
                                  struct language *l, const char *where, const char *code)
{
    struct strbuf key = {0};
    strbuf_setf(&key, "%s.name", where);
    const char *name;
    config_member_text(r, tr, "name", key.s,
                       "write the language's name in that language, e.g. name = \"Français\";",
                       &name);
    if (name && !config_is_blank(name)) {
        free(l->name);
        l->name = xstrdup(name);
    } else if (!config_known_language(code)) {
        diag_add(r->diags, DIAG_WARNING, l->line, key.s,
                 "is missing, so the welcome screen offers this language as \"%s\"; write its "
                 "name in the language itself, e.g. name = \"Deutsch\";",
                 code);
    }
    strbuf_setf(&key, "%s.direction", where);
    const char *dir;
    struct config_got g = config_member_text(r, tr, "direction", key.s,
                                             "write \"rtl\" (right to left) or \"ltr\" (left to "
                                             "right), e.g. direction = \"rtl\";",
                                             &dir);
    if (dir && strcmp(dir, "rtl") == 0) {
        l->rtl = true;
    } else if (dir && strcmp(dir, "ltr") == 0) {
        l->rtl = false;
    } else if (dir) {
        struct config_excerpt excerpt;
        diag_add(r->diags, DIAG_ERROR, g.line, key.s,
                 "\"%s\" is not a direction; write \"rtl\" for a language written right to left "
                 "(Arabic, Hebrew) or \"ltr\" for left to right",
                 config_excerpt(&excerpt, dir, strlen(dir), 40));
    }
    strbuf_finish(&key);
}

/* Reads one translation into all[index + 1]; false when it cannot be used at all. */
static bool read_translation(struct config_reader *r, const config_setting_t *tr, int index,
                             struct language *all, const bool *usable, bool *seen,
                             const bool *on_path, bool *safe)
{
    struct language *l = &all[index + 1];
    const struct language *first = &all[0];
    struct strbuf where = {0}, key = {0};
    strbuf_setf(&where, "translations[%d]", index + 1);
    if (config_setting_type(tr) != CONFIG_TYPE_GROUP) {
        config_report_type(r, tr, where.s,
                           "each translation is a group in braces, e.g. { language = \"fr\"; "
                           "words = { ... }; pages = ( ... ); }");
        strbuf_finish(&where);
        return false;
    }
    strbuf_setf(&key, "%s.language", where.s);
    const char *code = read_translation_code(r, tr, key.s, index, all, usable);
    strbuf_finish(&key);
    if (!code) {
        strbuf_finish(&where);
        return false;
    }
    /* Messages name it by its code from here on: "translation "fr".pages..." is easy to find. */
    strbuf_setf(&where, "translation \"%s\"", code);
    config_check_known(r, tr, where.s, translation_keys, CONFIG_COUNT(translation_keys));
    language_from_content(r, l, code);
    l->line = config_line(tr);
    read_translation_name(r, tr, l, where.s, code);
    read_reviewed(r, l, tr, where.s);
    read_translated_words(r, l, where.s, tr);
    read_translated_topics(r, l, where.s, tr);
    /* The menu's topic buttons show the topics' titles, in this language too. */
    for (int t = 0; t < r->content->n_topics; t++) {
        if (r->content->pages[r->content->menu].n_choices > t) {
            l->pages[r->content->menu].choices[t] = l->topics[t];
        }
    }
    memset(seen, 0, (size_t)r->content->n_pages * sizeof(*seen));
    read_translated_pages(r, l, where.s, tr, seen);
    report_gaps(r, l, first, where.s);
    *safe = config_safety_complete(r, l, first, on_path, where.s);
    strbuf_finish(&where);
    return true;
}

/* Which languages the welcome screen offers, in order: all of them unless `languages` says
 * otherwise. The config's own language always comes first. Frees the ones not offered. */
static void offer_languages(struct config_reader *r, const config_setting_t *root,
                            struct language *all, const bool *usable, const bool *safe, int n)
{
    struct content *c = r->content;
    c->languages = xcalloc((size_t)n + 1, sizeof(*c->languages));
    c->languages[c->n_languages++] = all[0];
    bool *taken = xcalloc((size_t)n + 1, sizeof(*taken));
    taken[0] = true;
    const config_setting_t *offered;
    config_member_items(r, root, "languages", "languages",
                        "write the codes of the languages to offer in square brackets, e.g. "
                        "languages = [ \"en\", \"fr\" ];",
                        &offered);
    struct strbuf key = {0};
    for (int i = 0; offered && i < config_setting_length(offered); i++) {
        const config_setting_t *e = config_setting_get_elem(offered, (unsigned)i);
        strbuf_setf(&key, "languages[%d]", i + 1);
        const char *v;
        config_elem_text(r, e, key.s, "write a language code in double quotes, e.g. \"fr\"", &v);
        if (!v) {
            continue;
        }
        if (!config_language_code_valid(v)) {
            config_language_code_report(r, config_line(e), key.s, v);
            continue;
        }
        int k = 0;
        while (k <= n && !(usable[k] && strcmp(all[k].code, v) == 0)) {
            k++;
        }
        if (k > n) {
            diag_add(r->diags, DIAG_ERROR, config_line(e), key.s,
                     "there is no translation for \"%s\"; add one to translations, or remove "
                     "\"%s\" from this list",
                     v, v);
        } else if (!taken[k]) {
            taken[k] = true; /* listed; offered only if safe (its warning says why not) */
            if (safe[k]) {
                c->languages[c->n_languages++] = all[k];
            }
        }
    }
    strbuf_finish(&key);
    for (int k = 1; k <= n; k++) {
        if (!usable[k]) {
            language_finish(&all[k], c->n_pages);
        } else if (!taken[k] && offered) {
            diag_add(r->diags, DIAG_WARNING, all[k].line, "translations",
                     "\"%s\" is not in languages, so visitors cannot choose it; add \"%s\" to "
                     "languages = [ ... ]; or remove this translation",
                     all[k].code, all[k].code);
            language_finish(&all[k], c->n_pages);
        } else if (!safe[k]) {
            language_finish(&all[k], c->n_pages); /* its warning says why it is not offered */
        } else if (!taken[k]) {
            c->languages[c->n_languages++] = all[k];
        }
    }
    free(taken);
}

void config_languages_read(struct config_reader *r, const config_setting_t *root)
{
    struct content *c = r->content;
    const char *code;
    config_member_language_code(r, root, "language", "language", &code);
    struct language first;
    language_from_content(r, &first, code ? code : "en");
    r->first_name = first.name;
    strbuf_add(&r->ledger_out, TRANSLATION_LEDGER_HEADER, strlen(TRANSLATION_LEDGER_HEADER));
    strbuf_addf(&r->ledger_out, "%s%s\n", TRANSLATION_LEDGER_FILE, r->path);

    const config_setting_t *list;
    config_member_list(r, root, "translations", "translations",
                       "translations = ( { language = \"fr\"; words = { back = \"Retour\"; }; } );",
                       &list);
    int n = list ? config_setting_length(list) : 0;
    struct language *all = xcalloc((size_t)n + 1, sizeof(*all));
    bool *usable = xcalloc((size_t)n + 1, sizeof(*usable));
    bool *seen = xcalloc((size_t)c->n_pages + 1, sizeof(*seen));
    bool *on_path = xcalloc((size_t)c->n_pages + 1, sizeof(*on_path));
    bool *safe = xcalloc((size_t)n + 1, sizeof(*safe));
    config_safety_pages(r, on_path);
    all[0] = first;
    usable[0] = true;
    safe[0] = true;
    for (int i = 0; i < n; i++) {
        usable[i + 1] = read_translation(r, config_setting_get_elem(list, (unsigned)i), i, all,
                                         usable, seen, on_path, &safe[i + 1]);
    }
    free(seen);
    free(on_path);
    offer_languages(r, root, all, usable, safe, n);
    c->ledger = strbuf_take(&r->ledger_out);
    free(usable);
    free(safe);
    free(all);
}

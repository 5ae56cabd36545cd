/* Languages: `language` names the language the config's own words are in, `translations` gives
 * the same words in other languages, and `languages` says which the welcome screen offers. A
 * translation may leave anything out: that string shows in the config's own language, and
 * `kiosk --check` lists what is missing, so a clinic can offer a half-done translation on
 * purpose and still see what is left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_internal.h"
#include "xalloc.h"

/* Names in the language itself, so a visitor finds theirs without reading English; never a
 * flag, since a language is not a country. */
static const struct {
    const char *code, *name, *english;
    bool rtl;
} known_languages[] = {
    {"am", "አማርኛ", "Amharic", false},
    {"ar", "العربية", "Arabic", true},
    {"bg", "Български", "Bulgarian", false},
    {"bn", "বাংলা", "Bengali", false},
    {"cs", "Čeština", "Czech", false},
    {"cy", "Cymraeg", "Welsh", false},
    {"da", "Dansk", "Danish", false},
    {"de", "Deutsch", "German", false},
    {"el", "Ελληνικά", "Greek", false},
    {"en", "English", "English", false},
    {"es", "Español", "Spanish", false},
    {"et", "Eesti", "Estonian", false},
    {"fa", "فارسی", "Persian", true},
    {"fi", "Suomi", "Finnish", false},
    {"fr", "Français", "French", false},
    {"ga", "Gaeilge", "Irish", false},
    {"he", "עברית", "Hebrew", true},
    {"hi", "हिन्दी", "Hindi", false},
    {"hr", "Hrvatski", "Croatian", false},
    {"hu", "Magyar", "Hungarian", false},
    {"id", "Bahasa Indonesia", "Indonesian", false},
    {"it", "Italiano", "Italian", false},
    {"ja", "日本語", "Japanese", false},
    {"ko", "한국어", "Korean", false},
    {"ku", "Kurdî", "Kurdish", false},
    {"lt", "Lietuvių", "Lithuanian", false},
    {"lv", "Latviešu", "Latvian", false},
    {"ms", "Bahasa Melayu", "Malay", false},
    {"nl", "Nederlands", "Dutch", false},
    {"no", "Norsk", "Norwegian", false},
    {"pa", "ਪੰਜਾਬੀ", "Punjabi", false},
    {"pl", "Polski", "Polish", false},
    {"ps", "پښتو", "Pashto", true},
    {"pt", "Português", "Portuguese", false},
    {"ro", "Română", "Romanian", false},
    {"ru", "Русский", "Russian", false},
    {"sk", "Slovenčina", "Slovak", false},
    {"so", "Soomaali", "Somali", false},
    {"sq", "Shqip", "Albanian", false},
    {"sr", "Српски", "Serbian", false},
    {"sv", "Svenska", "Swedish", false},
    {"sw", "Kiswahili", "Swahili", false},
    {"th", "ไทย", "Thai", false},
    {"ti", "ትግርኛ", "Tigrinya", false},
    {"tl", "Tagalog", "Tagalog", false},
    {"tr", "Türkçe", "Turkish", false},
    {"uk", "Українська", "Ukrainian", false},
    {"ur", "اردو", "Urdu", true},
    {"vi", "Tiếng Việt", "Vietnamese", false},
    {"yi", "ייִדיש", "Yiddish", true},
    {"zh", "中文", "Chinese", false},
};

static const char *const translation_keys[] = {"language", "name", "direction", "words", "topics",
                                               "pages"};
static const char *const translated_topic_keys[] = {"id", "title"};
static const char *const translated_page_keys[] = {"id", "title", "text", "choices"};

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* A language code as BCP 47 writes the common cases: "fr", "ast", "pt-BR", "es-419". */
static bool valid_code(const char *s)
{
    size_t n = 0;
    while (is_lower(s[n])) {
        n++;
    }
    if (n < 2 || n > 3) {
        return false;
    }
    if (s[n] == '\0') {
        return true;
    }
    if (s[n] != '-') {
        return false;
    }
    const char *region = s + n + 1;
    if (is_upper(region[0]) && is_upper(region[1]) && region[2] == '\0') {
        return true;
    }
    return region[0] >= '0' && region[0] <= '9' && region[1] >= '0' && region[1] <= '9' &&
           region[2] >= '0' && region[2] <= '9' && region[3] == '\0';
}

/* The built-in entry for a code, looking at its language part only ("pt" for "pt-BR"). */
static int known_index(const char *code)
{
    size_t n = strcspn(code, "-");
    for (size_t i = 0; i < COUNT(known_languages); i++) {
        if (strlen(known_languages[i].code) == n && strncmp(known_languages[i].code, code, n) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* Says what to write instead of a code that is not one, guessing from a language's name. */
static void report_code(struct reader *r, int line, const char *key, const char *v)
{
    char excerpt[64];
    quote_excerpt(v, strlen(v), 40, excerpt, sizeof(excerpt));
    for (size_t i = 0; i < COUNT(known_languages); i++) {
        const char *english = known_languages[i].english;
        size_t n = strlen(english);
        bool same = strlen(v) == n;
        for (size_t k = 0; same && k < n; k++) {
            same = (v[k] | 0x20) == (english[k] | 0x20);
        }
        if (same || strcmp(v, known_languages[i].name) == 0) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is not a language code; write the code, e.g. \"%s\" for %s",
                     excerpt, known_languages[i].code, english);
            return;
        }
    }
    diag_add(r->diags, DIAG_ERROR, line, key,
             "\"%s\" is not a language code; write two or three small letters, e.g. \"en\" "
             "(English), \"fr\" (French), \"es\" (Spanish), \"ar\" (Arabic); a region may follow, "
             "e.g. \"pt-BR\"",
             excerpt);
}

/* A language code setting; NULL when missing (silently) or wrong (reported). */
static const char *member_code(struct reader *r, const config_setting_t *group, const char *name,
                               const char *key, int *line)
{
    const char *v = member_text(r, group, name, key,
                                "write a language code in double quotes, e.g. language = \"en\";",
                                line);
    if (v && !valid_code(v)) {
        report_code(r, *line, key, v);
        return NULL;
    }
    return v;
}

static const char *keep(struct reader *r, const char *s)
{
    struct content *c = r->content;
    c->strings = xrealloc(c->strings, (size_t)(c->n_strings + 1) * sizeof(*c->strings));
    c->strings[c->n_strings] = xstrdup(s);
    return c->strings[c->n_strings++];
}

/* A language with every string taken from the config's own words. */
static void language_from_content(struct reader *r, struct language *l, const char *code)
{
    int k = known_index(code);
    language_init_from(l, r->content, code, k >= 0 ? known_languages[k].name : code,
                       k >= 0 && known_languages[k].rtl);
}

/* What one translation left out, for the message that lists it. */
struct gaps {
    int words, topics, pages, total;
    char page_ids[200];
};

static void note_page_gap(struct gaps *g, const char *id)
{
    if (g->pages++ < 4) {
        size_t used = strlen(g->page_ids);
        snprintf(g->page_ids + used, sizeof(g->page_ids) - used, "%s\"%s\"", used ? ", " : "",
                 id);
    }
}

static void read_translated_words(struct reader *r, struct language *l, const char *where,
                                  const config_setting_t *tr)
{
    char key[KEY_MAX + 16];
    snprintf(key, sizeof(key), "%s.words", where);
    const config_setting_t *words =
        member_group(r, tr, "words", key, "words = { back = \"Retour\"; };");
    if (!words) {
        return;
    }
    const char *names[32];
    for (size_t i = 0; i < n_word_specs; i++) {
        names[i] = word_specs[i].name;
    }
    check_known(r, words, key, names, n_word_specs);
    for (size_t i = 0; i < n_word_specs; i++) {
        char wkey[KEY_MAX + 48], expected[200];
        int line;
        snprintf(wkey, sizeof(wkey), "%s.words.%s", where, word_specs[i].name);
        snprintf(expected, sizeof(expected), "write text in double quotes, e.g. %s = \"...\";",
                 word_specs[i].name);
        const char *v = member_text(r, words, word_specs[i].name, wkey, expected, &line);
        if (!v) {
            continue;
        }
        if (is_blank(v)) {
            diag_add(r->diags, DIAG_WARNING, line, wkey,
                     "is empty, so the words of the first language are shown; write them, or "
                     "remove this line");
            continue;
        }
        if (word_specs[i].placeholders) {
            check_placeholders(r, v, wkey, word_specs[i].name, line, word_specs[i].placeholders,
                               word_specs[i].fallback);
        }
        const char **field = (const char **)((char *)&l->words + word_specs[i].offset);
        *field = keep(r, v);
    }
}

static void read_translated_topics(struct reader *r, struct language *l, const char *where,
                                   const config_setting_t *tr)
{
    char key[KEY_MAX + 16];
    snprintf(key, sizeof(key), "%s.topics", where);
    const config_setting_t *list = member_list(
        r, tr, "topics", key, "topics = ( { id = \"safe\"; title = \"Se sentir en sécurité\"; } );");
    const struct content *c = r->content;
    for (int i = 0; list && i < config_setting_length(list); i++) {
        const config_setting_t *s = config_setting_get_elem(list, (unsigned)i);
        char tkey[KEY_MAX + 48], fkey[KEY_MAX + 64];
        snprintf(tkey, sizeof(tkey), "%s.topics[%d]", where, i + 1);
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            report_type(r, s, tkey,
                        "each topic is a group in braces, e.g. { id = \"safe\"; title = \"...\"; }");
            continue;
        }
        check_known(r, s, tkey, translated_topic_keys, COUNT(translated_topic_keys));
        int line;
        snprintf(fkey, sizeof(fkey), "%s.id", tkey);
        const char *id = member_text(r, s, "id", fkey,
                                     "write the id of the topic in double quotes, e.g. id = "
                                     "\"safe\";",
                                     &line);
        if (!id) {
            if (!config_setting_get_member(s, "id")) {
                diag_add(r->diags, DIAG_WARNING, line_of(s), fkey,
                         "is missing, so this title is not used; write the id of the topic it "
                         "translates, e.g. id = \"safe\";");
            }
            continue;
        }
        int t = 0;
        while (t < c->n_topics && !(c->topics[t].id && strcmp(c->topics[t].id, id) == 0)) {
            t++;
        }
        if (t == c->n_topics) {
            struct suggestion sg = {0};
            for (int k = 0; k < c->n_topics; k++) {
                if (c->topics[k].id) {
                    suggestion_consider(&sg, id, c->topics[k].id);
                }
            }
            char excerpt[80];
            quote_excerpt(id, strlen(id), 60, excerpt, sizeof(excerpt));
            if (sg.best) {
                diag_add(r->diags, DIAG_WARNING, line, fkey,
                         "there is no topic with id \"%s\", so this title is not used; did you "
                         "mean \"%s\"?",
                         excerpt, sg.best);
            } else {
                diag_add(r->diags, DIAG_WARNING, line, fkey,
                         "there is no topic with id \"%s\", so this title is not used; give the "
                         "topic an id, e.g. id = \"%s\";, and write the same id here",
                         excerpt, excerpt);
            }
            continue;
        }
        snprintf(fkey, sizeof(fkey), "%s.title", tkey);
        const char *title = member_text(r, s, "title", fkey,
                                        "write the topic's name in double quotes, e.g. title = "
                                        "\"...\";",
                                        &line);
        if (title && !is_blank(title)) {
            l->topics[t] = keep(r, title);
        }
    }
}

/* A list of button labels, written ( "a", "b" ) or [ "a", "b" ]. */
static void read_translated_choices(struct reader *r, struct language *l, int page,
                                    const char *pkey, const config_setting_t *s, int offset)
{
    const config_setting_t *list = config_setting_get_member(s, "choices");
    if (!list) {
        return;
    }
    char key[KEY_MAX + 128];
    snprintf(key, sizeof(key), "%s.choices", pkey);
    int type = config_setting_type(list);
    if (type != CONFIG_TYPE_LIST && type != CONFIG_TYPE_ARRAY) {
        report_type(r, list, key,
                    "write the words of each button in double quotes, in the same order as the "
                    "page's choices, e.g. choices = ( \"Oui\", \"Non\" );");
        return;
    }
    const struct page *p = &r->content->pages[page];
    int own = p->n_choices - offset;
    int n = config_setting_length(list);
    if (n != own) {
        diag_add(r->diags, DIAG_WARNING, line_of(list), key,
                 "has %d label%s, but the page has %d choice%s; write one label for each, in the "
                 "same order (missing ones show in the first language)",
                 n, n == 1 ? "" : "s", own, own == 1 ? "" : "s");
    }
    for (int i = 0; i < n && i < own; i++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
        char ekey[KEY_MAX + 160];
        snprintf(ekey, sizeof(ekey), "%s[%d]", key, i + 1);
        const char *v = text_of(r, e, ekey, "write the words on the button in double quotes, "
                                            "e.g. \"Oui\"");
        if (v && !is_blank(v)) {
            l->pages[page].choices[offset + i] = keep(r, v);
        }
    }
}

static void read_translated_pages(struct reader *r, struct language *l, const char *where,
                                  const config_setting_t *tr, bool *seen)
{
    char key[KEY_MAX + 16];
    snprintf(key, sizeof(key), "%s.pages", where);
    const config_setting_t *list = member_list(
        r, tr, "pages", key, "pages = ( { id = \"help\"; title = \"Trouver de l'aide\"; } );");
    const struct content *c = r->content;
    for (int i = 0; list && i < config_setting_length(list); i++) {
        const config_setting_t *s = config_setting_get_elem(list, (unsigned)i);
        char pkey[KEY_MAX + 96], fkey[KEY_MAX + 112];
        snprintf(pkey, sizeof(pkey), "%s.pages[%d]", where, i + 1);
        if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
            report_type(r, s, pkey,
                        "each page is a group in braces, e.g. { id = \"help\"; title = \"...\"; }");
            continue;
        }
        int line;
        snprintf(fkey, sizeof(fkey), "%s.id", pkey);
        const char *id = member_text(r, s, "id", fkey,
                                     "write the id of the page in double quotes, e.g. id = "
                                     "\"help\";",
                                     &line);
        if (!id) {
            if (!config_setting_get_member(s, "id")) {
                diag_add(r->diags, DIAG_WARNING, line_of(s), fkey,
                         "is missing, so these words are not used; write the id of the page they "
                         "translate, e.g. id = \"help\";");
            }
            continue;
        }
        int page = strmap_get(&r->ids, id);
        if (page == CONTENT_NONE) {
            struct suggestion sg = {0};
            for (int k = 0; k < c->n_pages; k++) {
                if (r->aux[k].valid_id) {
                    suggestion_consider(&sg, id, c->pages[k].id);
                }
            }
            char excerpt[80];
            quote_excerpt(id, strlen(id), 60, excerpt, sizeof(excerpt));
            diag_add(r->diags, DIAG_WARNING, line, fkey,
                     "there is no page with id \"%s\", so these words are not used%s%s%s", excerpt,
                     sg.best ? "; did you mean \"" : "", sg.best ? sg.best : "",
                     sg.best ? "\"?" : "");
            continue;
        }
        if (seen[page]) {
            diag_add(r->diags, DIAG_WARNING, line, fkey,
                     "page \"%s\" is translated twice; only the first is used, so remove one",
                     id);
            continue;
        }
        seen[page] = true;
        /* The key names the page the way the messages about it in the first language do. */
        snprintf(pkey, sizeof(pkey), "%s.page \"%s\"", where, id);
        check_known(r, s, pkey, translated_page_keys, COUNT(translated_page_keys));
        snprintf(fkey, sizeof(fkey), "%s.title", pkey);
        const char *title = member_text(r, s, "title", fkey,
                                        "write the heading in double quotes, e.g. title = "
                                        "\"...\";",
                                        NULL);
        if (title && !is_blank(title)) {
            l->pages[page].title = keep(r, title);
        }
        snprintf(fkey, sizeof(fkey), "%s.text", pkey);
        const char *text = member_text(r, s, "text", fkey,
                                       "write the words in double quotes, e.g. text = \"...\";",
                                       NULL);
        if (text && !is_blank(text)) {
            l->pages[page].text = keep(r, text);
        }
        read_translated_choices(r, l, page, pkey, s, r->aux[page].choice_offset);
    }
}

/* Counts what a translation left out, and says so once, naming the first few pages. */
static void report_gaps(struct reader *r, struct language *l, const struct language *first,
                        const char *where)
{
    const struct content *c = r->content;
    struct gaps g = {0};
    for (size_t i = 0; i < n_word_specs; i++) {
        const char *a = *(const char *const *)((const char *)&l->words + word_specs[i].offset);
        const char *b = *(const char *const *)((const char *)&first->words + word_specs[i].offset);
        g.words += a == b;
    }
    for (int t = 0; t < c->n_topics; t++) {
        g.topics += l->topics[t] == first->topics[t];
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
            g.total += missing;
            note_page_gap(&g, page->id);
        }
    }
    g.total += g.words + g.topics;
    l->missing = g.total;
    if (g.total == 0) {
        return;
    }
    char parts[400] = "";
    size_t used = 0;
    if (g.words) {
        used += (size_t)snprintf(parts + used, sizeof(parts) - used, "%d of the words", g.words);
    }
    if (g.topics && used < sizeof(parts)) {
        used += (size_t)snprintf(parts + used, sizeof(parts) - used, "%s%d topic title%s",
                                 used ? ", " : "", g.topics, g.topics == 1 ? "" : "s");
    }
    if (g.pages && used < sizeof(parts)) {
        snprintf(parts + used, sizeof(parts) - used, "%s%d page%s (%s%s)", used ? ", " : "",
                 g.pages, g.pages == 1 ? "" : "s", g.page_ids, g.pages > 4 ? " and more" : "");
    }
    diag_add(r->diags, DIAG_WARNING, l->line, where,
             "%d text%s not translated, so %s in %s: %s; translate them here to finish it",
             g.total, g.total == 1 ? " is" : "s are", g.total == 1 ? "it shows" : "they show",
             first->name, parts);
}

/* Reads one translation into `l`; false when it cannot be used at all. */
static bool read_translation(struct reader *r, const config_setting_t *tr, int index,
                             struct language *all, const bool *usable, bool *seen)
{
    struct language *l = &all[index + 1];
    const struct language *first = &all[0];
    char where[KEY_MAX];
    snprintf(where, sizeof(where), "translations[%d]", index + 1);
    if (config_setting_type(tr) != CONFIG_TYPE_GROUP) {
        report_type(r, tr, where,
                    "each translation is a group in braces, e.g. { language = \"fr\"; words = { "
                    "... }; pages = ( ... ); }");
        return false;
    }
    int line;
    char key[KEY_MAX + 16];
    snprintf(key, sizeof(key), "%s.language", where);
    const char *code = member_code(r, tr, "language", key, &line);
    if (!code) {
        if (!config_setting_get_member(tr, "language")) {
            diag_add(r->diags, DIAG_ERROR, line_of(tr), key,
                     "is missing; say which language this is, e.g. language = \"fr\";");
        }
        return false;
    }
    if (strcmp(code, first->code) == 0) {
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" is the language the pages above are written in; a translation is for "
                 "another language (or change language = \"%s\"; at the top)",
                 code, code);
        return false;
    }
    for (int k = 1; k <= index; k++) {
        if (usable[k] && strcmp(all[k].code, code) == 0) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is translated twice (also on line %d); keep one translation per "
                     "language",
                     code, all[k].line);
            return false;
        }
    }
    /* Messages name it by its code from here on: "translation "fr".pages..." is easy to find. */
    snprintf(where, sizeof(where), "translation \"%s\"", code);
    check_known(r, tr, where, translation_keys, COUNT(translation_keys));
    language_from_content(r, l, code);
    l->line = line_of(tr);
    snprintf(key, sizeof(key), "%s.name", where);
    const char *name = member_text(r, tr, "name", key,
                                   "write the language's name in that language, e.g. name = "
                                   "\"Français\";",
                                   &line);
    if (name && !is_blank(name)) {
        free(l->name);
        l->name = xstrdup(name);
    } else if (known_index(code) < 0) {
        diag_add(r->diags, DIAG_WARNING, l->line, key,
                 "is missing, so the welcome screen offers this language as \"%s\"; write its "
                 "name in the language itself, e.g. name = \"Deutsch\";",
                 code);
    }
    snprintf(key, sizeof(key), "%s.direction", where);
    const char *dir = member_text(r, tr, "direction", key,
                                  "write \"rtl\" (right to left) or \"ltr\" (left to right), e.g. "
                                  "direction = \"rtl\";",
                                  &line);
    if (dir && strcmp(dir, "rtl") == 0) {
        l->rtl = true;
    } else if (dir && strcmp(dir, "ltr") == 0) {
        l->rtl = false;
    } else if (dir) {
        char excerpt[64];
        quote_excerpt(dir, strlen(dir), 40, excerpt, sizeof(excerpt));
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "\"%s\" is not a direction; write \"rtl\" for a language written right to left "
                 "(Arabic, Hebrew) or \"ltr\" for left to right",
                 excerpt);
    }
    read_translated_words(r, l, where, tr);
    read_translated_topics(r, l, where, tr);
    /* The menu's topic buttons show the topics' titles, in this language too. */
    for (int t = 0; t < r->content->n_topics; t++) {
        if (r->content->pages[r->content->menu].n_choices > t) {
            l->pages[r->content->menu].choices[t] = l->topics[t];
        }
    }
    memset(seen, 0, (size_t)r->content->n_pages * sizeof(*seen));
    read_translated_pages(r, l, where, tr, seen);
    report_gaps(r, l, first, where);
    return true;
}

void read_languages(struct reader *r, const config_setting_t *root)
{
    struct content *c = r->content;
    int line;
    const char *code = member_code(r, root, "language", "language", &line);
    struct language first;
    language_from_content(r, &first, code ? code : "en");

    const config_setting_t *list = member_list(
        r, root, "translations", "translations",
        "translations = ( { language = \"fr\"; words = { back = \"Retour\"; }; } );");
    int n = list ? config_setting_length(list) : 0;
    struct language *all = xcalloc((size_t)n + 1, sizeof(*all));
    bool *usable = xcalloc((size_t)n + 1, sizeof(*usable));
    bool *seen = xcalloc((size_t)c->n_pages + 1, sizeof(*seen));
    all[0] = first;
    usable[0] = true;
    for (int i = 0; i < n; i++) {
        usable[i + 1] = read_translation(r, config_setting_get_elem(list, (unsigned)i), i, all,
                                         usable, seen);
    }
    free(seen);

    /* Which languages the welcome screen offers, in order: all of them unless `languages`
     * says otherwise. The config's own language always comes first. */
    c->languages = xcalloc((size_t)n + 1, sizeof(*c->languages));
    c->languages[c->n_languages++] = all[0];
    bool *taken = xcalloc((size_t)n + 1, sizeof(*taken));
    taken[0] = true;
    const config_setting_t *offered = config_setting_get_member(root, "languages");
    if (offered && config_setting_type(offered) != CONFIG_TYPE_ARRAY &&
        config_setting_type(offered) != CONFIG_TYPE_LIST) {
        report_type(r, offered, "languages",
                    "write the codes of the languages to offer in square brackets, e.g. "
                    "languages = [ \"en\", \"fr\" ];");
        offered = NULL;
    }
    for (int i = 0; offered && i < config_setting_length(offered); i++) {
        const config_setting_t *e = config_setting_get_elem(offered, (unsigned)i);
        char key[KEY_MAX];
        snprintf(key, sizeof(key), "languages[%d]", i + 1);
        const char *v = text_of(r, e, key, "write a language code in double quotes, e.g. \"fr\"");
        if (!v) {
            continue;
        }
        if (!valid_code(v)) {
            report_code(r, line_of(e), key, v);
            continue;
        }
        int k = 0;
        while (k <= n && !(usable[k] && strcmp(all[k].code, v) == 0)) {
            k++;
        }
        if (k > n) {
            diag_add(r->diags, DIAG_ERROR, line_of(e), key,
                     "there is no translation for \"%s\"; add one to translations, or remove "
                     "\"%s\" from this list",
                     v, v);
        } else if (!taken[k]) {
            taken[k] = true;
            c->languages[c->n_languages++] = all[k];
        }
    }
    for (int k = 1; k <= n; k++) {
        if (!usable[k]) {
            language_finish(&all[k], c->n_pages);
        } else if (!taken[k] && offered) {
            diag_add(r->diags, DIAG_WARNING, all[k].line, "translations",
                     "\"%s\" is not in languages, so visitors cannot choose it; add \"%s\" to "
                     "languages = [ ... ]; or remove this translation",
                     all[k].code, all[k].code);
            language_finish(&all[k], c->n_pages);
        } else if (!taken[k]) {
            c->languages[c->n_languages++] = all[k];
        }
    }
    free(taken);
    free(usable);
    free(all);
}

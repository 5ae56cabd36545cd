/* Out-of-date translations (translation_ledger.h): when the first language's text changes after a
 * translation was made, --check names the translation by its line, and keeps naming it on
 * every later check until the translation is edited or the language is marked reviewed.
 * Runs on tests/data/sample.cfg, whose French translates the page "talk". */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "config_reader.h"
#include "strbuf.h"
#include "translation_ledger.h"

#define SAMPLE "data/sample.cfg"
#define EN_TITLE "title = \"Would you like to talk to someone?\";"
#define EN_TITLE_NEW "title = \"Would you like to speak with someone?\";"
#define FR_TITLE "title = \"Voulez-vous parler \xC3\xA0 quelqu'un ?\";"
#define FR_TITLE_NEW "title = \"Souhaitez-vous parler \xC3\xA0 quelqu'un ?\";"
#define FR_START "language = \"fr\";"

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    struct strbuf b;
    strbuf_init(&b);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        strbuf_add(&b, buf, n);
    }
    fclose(f);
    return strbuf_take(&b);
}

/* `text` with the first `from` replaced by `to` (which must be there). */
static char *replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    CHECK(at != NULL);
    struct strbuf b;
    strbuf_init(&b);
    if (!at) {
        strbuf_add(&b, text, strlen(text));
        return strbuf_take(&b);
    }
    strbuf_add(&b, text, (size_t)(at - text));
    strbuf_add(&b, to, strlen(to));
    strbuf_add(&b, at + strlen(from), strlen(at + strlen(from)));
    return strbuf_take(&b);
}

/* The line `needle` is on in `text`. */
static int line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    int line = 1;
    for (const char *p = text; at && p < at; p++) {
        line += *p == '\n';
    }
    return at ? line : 0;
}

struct checked {
    struct content *content;
    struct diag_list diags;
    int fr_stale;    /* -1: French not offered */
    int out_of_date; /* warnings that say so about the French (the Arabic has its own) */
    int first_line;  /* of the first of them */
    char first_key[128];
};

/* Loads `text` against `history` and counts what it says is out of date. */
static void check_text(struct checked *out, const char *text, const struct config_history *h)
{
    memset(out, 0, sizeof(*out));
    diag_init(&out->diags, SAMPLE);
    out->content = config_load_buffer_since(SAMPLE, text, strlen(text), "data", h, &out->diags);
    CHECK(out->content != NULL);
    out->fr_stale = -1;
    if (out->content) {
        int fr = content_find_language(out->content, "fr");
        out->fr_stale = fr >= 0 ? out->content->languages[fr].stale : -1;
    }
    for (size_t i = 0; i < out->diags.count; i++) {
        const struct diag *d = &out->diags.items[i];
        if (strstr(d->message, "is out of date") && d->key &&
            strncmp(d->key, "translation \"fr\"", 16) == 0) {
            if (out->out_of_date++ == 0) {
                out->first_line = d->line;
                snprintf(out->first_key, sizeof(out->first_key), "%s", d->key ? d->key : "");
            }
        }
    }
}

static void checked_finish(struct checked *c)
{
    content_destroy(c->content);
    diag_finish(&c->diags);
}

static struct config_history from_ledger(const struct content *c)
{
    return (struct config_history){.ledger = c->ledger, .ledger_size = strlen(c->ledger)};
}

static struct config_history from_baseline(const char *text)
{
    return (struct config_history){.baseline = text, .baseline_size = strlen(text)};
}

/* Nothing to compare with, or nothing changed: nothing is out of date. */
static void test_unchanged(const char *sample)
{
    struct checked a, b;
    check_text(&a, sample, NULL);
    CHECK_INT(a.out_of_date, 0);
    CHECK_INT(a.fr_stale, 0);
    CHECK(a.content && strstr(a.content->ledger, " fr page talk title\n") != NULL);
    CHECK(a.content && strncmp(a.content->ledger, "# ", 2) == 0);
    struct config_history h = from_baseline(sample);
    check_text(&b, sample, &h);
    CHECK_INT(b.out_of_date, 0);
    checked_finish(&a);
    checked_finish(&b);
}

/* The English title changes and the French does not: the French title is named at its line,
 * and the ledger keeps it out of date on the next check, where the baseline would not. */
static void test_original_changed(const char *sample)
{
    char *edited = replaced(sample, EN_TITLE, EN_TITLE_NEW);
    struct config_history base = from_baseline(sample);
    struct checked first, again, both;
    check_text(&first, edited, &base);
    CHECK_INT(first.out_of_date, 1);
    CHECK_INT(first.fr_stale, 1);
    CHECK_INT(first.first_line, line_of(edited, FR_TITLE));
    CHECK_STR(first.first_key, "translation \"fr\".page \"talk\".title");

    struct config_history kept = from_ledger(first.content);
    check_text(&again, edited, &kept);
    CHECK_INT(again.out_of_date, 1);
    CHECK_INT(again.fr_stale, 1);
    /* Both changed at once: the translator followed the original. */
    char *followed = replaced(edited, FR_TITLE, FR_TITLE_NEW);
    check_text(&both, followed, &base);
    CHECK_INT(both.out_of_date, 0);
    checked_finish(&first);
    checked_finish(&again);
    checked_finish(&both);
    free(edited);
    free(followed);
}

/* Editing the translation afterwards brings it up to date, for good. */
static void test_translation_edited(const char *sample)
{
    char *edited = replaced(sample, EN_TITLE, EN_TITLE_NEW);
    struct config_history base = from_baseline(sample);
    struct checked stale, fixed, later;
    check_text(&stale, edited, &base);
    char *retranslated = replaced(edited, FR_TITLE, FR_TITLE_NEW);
    struct config_history h1 = from_ledger(stale.content);
    check_text(&fixed, retranslated, &h1);
    CHECK_INT(fixed.out_of_date, 0);
    CHECK_INT(fixed.fr_stale, 0);
    struct config_history h2 = from_ledger(fixed.content);
    check_text(&later, retranslated, &h2);
    CHECK_INT(later.out_of_date, 0);
    checked_finish(&stale);
    checked_finish(&fixed);
    checked_finish(&later);
    free(edited);
    free(retranslated);
}

/* A new `reviewed` date marks the whole translation checked; the same date again does not
 * hide a later change. */
static void test_reviewed(const char *sample)
{
    char *edited = replaced(sample, EN_TITLE, EN_TITLE_NEW);
    struct config_history base = from_baseline(sample);
    struct checked stale, marked, next;
    check_text(&stale, edited, &base);
    CHECK_INT(stale.out_of_date, 1);
    char *reviewed = replaced(edited, FR_START, FR_START " reviewed = \"2026-12-03\";");
    struct config_history h1 = from_ledger(stale.content);
    check_text(&marked, reviewed, &h1);
    CHECK_INT(marked.out_of_date, 0);
    CHECK_INT(marked.fr_stale, 0);
    char *changed_again = replaced(reviewed, EN_TITLE_NEW, EN_TITLE);
    struct config_history h2 = from_ledger(marked.content);
    check_text(&next, changed_again, &h2);
    CHECK_INT(next.out_of_date, 1);
    checked_finish(&stale);
    checked_finish(&marked);
    checked_finish(&next);
    free(edited);
    free(reviewed);
    free(changed_again);
}

/* A damaged ledger loses only what it cannot read, and never stops the check. */
static void test_damaged_ledger(const char *sample)
{
    char *edited = replaced(sample, EN_TITLE, EN_TITLE_NEW);
    struct config_history base = from_baseline(sample);
    struct checked stale, damaged;
    check_text(&stale, edited, &base);
    struct strbuf text;
    strbuf_init(&text);
    strbuf_addf(&text, "garbage\n\n%s", stale.content->ledger);
    static const char junk[] = "0123 not hex\nzzzzzzzzzzzzzzzz 0000000000000000 fr word back\n";
    strbuf_add(&text, junk, strlen(junk));
    struct config_history h = {.ledger = strbuf_str(&text), .ledger_size = text.len};
    check_text(&damaged, edited, &h);
    CHECK_INT(damaged.out_of_date, 1);
    struct translation_ledger l;
    translation_ledger_parse(&l, "0000000000000001 0000000000000002 fr word back", 46);
    const struct translation_ledger_entry *e = translation_ledger_find(&l, "fr word back");
    CHECK(e && e->original == 1 && e->translation == 2);
    CHECK(translation_ledger_find(&l, "fr word next") == NULL);
    translation_ledger_finish(&l);
    strbuf_finish(&text);
    checked_finish(&stale);
    checked_finish(&damaged);
    free(edited);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    char *sample = read_text(SAMPLE);
    CHECK(sample != NULL && strstr(sample, EN_TITLE) && strstr(sample, FR_TITLE));
    if (!sample || !strstr(sample, EN_TITLE) || !strstr(sample, FR_TITLE)) {
        return check_summary("test_translation_ledger");
    }
    test_unchanged(sample);
    test_original_changed(sample);
    test_translation_edited(sample);
    test_reviewed(sample);
    test_damaged_ledger(sample);
    free(sample);
    return check_summary("test_translation_ledger");
}

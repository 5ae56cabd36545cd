/* The `words` group (config_words.h). Only the placeholders the kiosk fills in may appear in a
 * word: anything else would show on the screen exactly as typed. */
#include "config_words.h"

#include <string.h>

#include "config_text.h"
#include "config_values.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

const struct config_word_spec config_word_specs[CONFIG_N_WORDS] = {
#define WORD_SPEC(name, fallback, placeholders) {#name, fallback, placeholders},
    CONTENT_WORDS(WORD_SPEC)
#undef WORD_SPEC
};

const char *const config_word_names[CONFIG_N_WORDS] = {
#define WORD_NAME(name, fallback, placeholders) #name,
    CONTENT_WORDS(WORD_NAME)
#undef WORD_NAME
};

char **config_word(struct words *w, size_t i)
{
    char **fields[CONFIG_N_WORDS] = {
#define WORD_FIELD(name, fallback, placeholders) &w->name,
        CONTENT_WORDS(WORD_FIELD)
#undef WORD_FIELD
    };
    return i < CONFIG_N_WORDS ? fields[i] : NULL;
}

int *config_word_line(struct word_lines *w, size_t i)
{
    int *fields[CONFIG_N_WORDS] = {
#define WORD_LINE(name, fallback, placeholders) &w->name,
        CONTENT_WORDS(WORD_LINE)
#undef WORD_LINE
    };
    return i < CONFIG_N_WORDS ? fields[i] : NULL;
}

/* Whether the `len` bytes at `name` are one of the space-separated names in `allowed`. */
static bool allowed_name(const char *allowed, const char *name, size_t len)
{
    for (const char *a = allowed; *a;) {
        size_t n = strcspn(a, " ");
        if (n == len && strncmp(a, name, len) == 0) {
            return true;
        }
        a += n + (a[n] == ' ');
    }
    return false;
}

void config_check_placeholders(struct config_reader *r, const char *v, const char *key,
                               const char *name, int line, const char *allowed,
                               const char *fallback)
{
    struct strbuf use = {0};
    for (const char *p = strchr(v, '{'); p; p = strchr(p + 1, '{')) {
        const char *end = p + 1;
        while (config_is_ident_char((unsigned char)*end)) {
            end++;
        }
        if (*end != '}') {
            continue;
        }
        size_t len = (size_t)(end - p - 1);
        if (allowed_name(allowed, p + 1, len)) {
            continue;
        }
        strbuf_reset(&use);
        for (const char *a = allowed; *a;) {
            size_t n = strcspn(a, " ");
            strbuf_addf(&use, "%s{%.*s}", use.len ? " and " : "", (int)n, a);
            a += n + (a[n] == ' ');
        }
        /* A long name is shown in part: it is a mistake however it ends. */
        diag_add(r->diags, DIAG_ERROR, line, key,
                 "{%.*s} is not known here; use %s%s, e.g. %s = \"%s\";",
                 (int)(len > 40 ? 40 : len), p + 1, strbuf_str(&use),
                 strchr(allowed, ' ') ? "" : " only", name, fallback);
    }
    strbuf_finish(&use);
}

bool config_check_visible_exit(struct config_reader *r, const char *v, const char *key,
                               const char *name, int line)
{
    if (strcmp(name, "quick_exit") != 0 || utf8_has_visible(v, strlen(v))) {
        return true;
    }
    diag_add(r->diags, DIAG_ERROR, line, key,
             "%s, so the Quick exit button would show no words and a visitor could not find "
             "it; write words people know, e.g. quick_exit = \"Quick exit\";",
             v[0] ? "has only spaces or invisible characters" : "is empty");
    return false;
}

void config_words_read(struct config_reader *r, const config_setting_t *root)
{
    const config_setting_t *words;
    config_member_group(r, root, "words", "words", "words = { back = \"Back\"; };", &words);
    if (words) {
        config_check_known(r, words, "words", config_word_names, CONFIG_N_WORDS);
    }
    struct strbuf key = {0}, expected = {0};
    for (size_t i = 0; i < CONFIG_N_WORDS; i++) {
        const struct config_word_spec *spec = &config_word_specs[i];
        strbuf_setf(&key, "words.%s", spec->name);
        strbuf_setf(&expected, "write text in double quotes, e.g. %s = \"%s\";", spec->name,
                    spec->fallback);
        const char *v;
        struct config_got g =
            config_member_text(r, words, spec->name, key.s, strbuf_str(&expected), &v);
        if (v && spec->placeholders) {
            config_check_placeholders(r, v, key.s, spec->name, g.line, spec->placeholders,
                                      spec->fallback);
        }
        if (v) {
            config_check_visible_exit(r, v, key.s, spec->name, g.line);
        }
        *config_word(&r->content->words, i) = xstrdup(v ? v : spec->fallback);
        *config_word_line(&r->content->word_lines, i) = v ? g.line : 0;
    }
    strbuf_finish(&key);
    strbuf_finish(&expected);
}

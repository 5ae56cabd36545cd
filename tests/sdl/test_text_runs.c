/* The order lines of mixed direction are drawn in (Unicode's bidirectional algorithm through
 * fribidi) and the split by font, with a fake font chain: "a number inside Arabic reads right". */
#include <string.h>

#include "check.h"
#include "text_runs.h"
#include "utf8.h"

/* Hebrew and Arabic letters come from font 1, everything else from font 0; spaces go with
 * their neighbours. */
static int fake_font(void *ctx, uint32_t cp)
{
    (void)ctx;
    if (cp == ' ') {
        return -1;
    }
    return utf8_is_rtl(cp) ? 1 : 0;
}

static struct text_runs runs_of(const char *s, bool rtl)
{
    struct text_runs r = {0};
    text_runs_split(&r, s, strlen(s), rtl, fake_font, NULL);
    return r;
}

static void check_run(const char *s, const struct text_runs *r, size_t i, const char *text,
                      bool rtl, int font)
{
    CHECK(i < r->n);
    if (i >= r->n) {
        return;
    }
    const struct text_run *run = &r->runs[i];
    CHECK_INT((int)run->len, (int)strlen(text));
    CHECK(strncmp(s + run->offset, text, run->len) == 0);
    CHECK(run->rtl == rtl);
    CHECK_INT(run->font, font);
}

int main(void)
{
    /* Plain text needs no runs at all. */
    CHECK(text_runs_simple("Hello, world", 12, false, fake_font, NULL));
    CHECK(!text_runs_simple("Hello", 5, true, fake_font, NULL));
    CHECK(!text_runs_simple("Hi \xD7\x90", 5, false, fake_font, NULL));

    /* A number inside a right-to-left line: "alef bet 12 gimel dalet" is drawn, from the left,
     * as "gimel dalet", then "12" still reading 1-2, then "alef bet". */
    const char *heb = "\xD7\x90\xD7\x91 12 \xD7\x92\xD7\x93";
    struct text_runs r = runs_of(heb, true);
    CHECK_INT((int)r.n, 3);
    check_run(heb, &r, 0, " \xD7\x92\xD7\x93", true, 1);
    check_run(heb, &r, 1, "12", false, 0);
    check_run(heb, &r, 2, "\xD7\x90\xD7\x91 ", true, 1);
    text_runs_free(&r);

    /* An Arabic word inside an English line stays in its place, shaped right to left. */
    const char *mix = "see \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 here";
    r = runs_of(mix, false);
    CHECK_INT((int)r.n, 3);
    check_run(mix, &r, 0, "see ", false, 0);
    check_run(mix, &r, 1, "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", true, 1);
    CHECK(r.n == 3 && strcmp(r.runs[1].script, "Arab") == 0);
    check_run(mix, &r, 2, " here", false, 0);
    text_runs_free(&r);

    /* Broken UTF-8 and an empty line do not trip it up. */
    r = runs_of("\xD8 \xFF", true);
    CHECK(r.n >= 1);
    text_runs_free(&r);
    r = runs_of("", true);
    CHECK_INT((int)r.n, 0);
    text_runs_free(&r);
    return check_summary("test_text_runs");
}

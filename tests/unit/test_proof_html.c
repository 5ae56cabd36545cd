/* The proofreading page's HTML (kiosk/core/proof_html.c): every word escaped, the language and
 * its direction, each screen's caption with its page id and lines, the screens and their
 * pictures in the order given, and the print rules. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "proof_html.h"

/* Whether `needle` is in `hay` after `from`; returns where, or NULL. */
static const char *after(const char *hay, const char *from, const char *needle)
{
    const char *start = from ? strstr(hay, from) : hay;
    return start ? strstr(start, needle) : NULL;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

static void test_escape(void)
{
    struct strbuf b = {0};
    proof_html_escape(&b, "a & b < c > d \"e\" 'f' &amp;");
    CHECK_STR(strbuf_str(&b), "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39; &amp;amp;");
    strbuf_reset(&b);
    proof_html_escape(&b, "");
    proof_html_escape(&b, NULL);
    CHECK_STR(strbuf_str(&b), "");
    /* UTF-8 passes through as it is. */
    proof_html_escape(&b, "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 & caf\xC3\xA9");
    CHECK_STR(strbuf_str(&b), "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 &amp; caf\xC3\xA9");
    strbuf_finish(&b);
}

static const char *const welcome_pictures[] = {"proof-fr/01-welcome.png"};
static const char *const long_pictures[] = {"proof-fr/02-long.png", "proof-fr/02-long.2.png",
                                            "proof-fr/02-long.3.png"};
static const char *const cover_pictures[] = {"proof-fr/03-cover.png"};

static struct proof_doc doc_fr(const struct proof_screen *screens, int n)
{
    struct proof_doc d = {
        .file_name = "kiosk.cfg",
        .version = "Spring <2026> & \"new\"",
        .made = "2026-05-04 10:30",
        .lang_code = "fr",
        .lang_name = "Fran\xC3\xA7"
                     "ais",
        .first_language = "English",
        .rtl = false,
        .width = 1280,
        .height = 800,
        .screens = screens,
        .n_screens = n,
    };
    return d;
}

static void test_document(void)
{
    const struct proof_screen screens[] = {
        {.id = "welcome",
         .fixed = true,
         .title = "Bonjour",
         .title_line = 662,
         .text_line = 663,
         .pictures = welcome_pictures,
         .n_pictures = 1},
        {.id = "long",
         .title = "Tom & Jerry <script>alert('x')</script>",
         .topic = "Les \"bases\"",
         .title_line = 700,
         .text_line = 701,
         .untranslated = true,
         .pictures = long_pictures,
         .n_pictures = 3},
        {.id = "cover", .title = "Bienvenue", .pictures = cover_pictures, .n_pictures = 1},
    };
    struct proof_doc d = doc_fr(screens, 3);
    struct strbuf b = {0};
    proof_html_build(&b, &d);
    const char *h = strbuf_str(&b);

    CHECK(strncmp(h, "<!DOCTYPE html>\n<html lang=\"fr\" dir=\"ltr\">", 41) == 0);
    CHECK(strstr(h, "<meta charset=\"utf-8\">") != NULL);
    CHECK(strstr(h, "</html>\n") != NULL);
    /* The heading: the file, the version (escaped), the date, and the plain note. */
    CHECK(strstr(h, "File: <b>kiosk.cfg</b>") != NULL);
    CHECK(strstr(h, "Spring &lt;2026&gt; &amp; &quot;new&quot;") != NULL);
    CHECK(strstr(h, "2026-05-04 10:30") != NULL);
    CHECK(strstr(h, "Open this in a web browser and print it, or read it on screen.") != NULL);
    CHECK(strstr(h, "3 screens at 1280 x 800 pixels") != NULL);
    CHECK(strstr(h, "Fran\xC3\xA7"
                    "ais") != NULL);
    /* Nothing of a title reaches the page unescaped. */
    CHECK(strstr(h, "<script>") == NULL);
    CHECK(strstr(h, "alert('x')") == NULL);
    CHECK(strstr(h, "Tom &amp; Jerry &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != NULL);
    CHECK(strstr(h, "topic &ldquo;<bdi>Les &quot;bases&quot;</bdi>&rdquo;") != NULL);
    /* Captions: the page id, the line its text starts on and the title's line. */
    CHECK(strstr(h, "The kiosk's <code>welcome</code> screen &middot; text starts on <b>line "
                    "663</b> of kiosk.cfg (title on line 662)") != NULL);
    CHECK(strstr(h, "Page id <code>long</code>") != NULL);
    CHECK(strstr(h, "text starts on <b>line 701</b> of kiosk.cfg (title on line 700)") != NULL);
    /* Words not in the file are said to be built in; an untranslated screen says so. */
    CHECK(after(h, "<code>cover</code>", "built-in words") != NULL);
    CHECK(count(h, "Not translated yet") == 1);
    CHECK(after(h, "<code>long</code>", "Not translated yet: some words here show in English") !=
          NULL);
    /* Screens in order, numbered, each picture once, in order, with its size. */
    const char *w = strstr(h, "proof-fr/01-welcome.png");
    const char *l1 = strstr(h, "proof-fr/02-long.png");
    const char *l2 = strstr(h, "proof-fr/02-long.2.png");
    const char *l3 = strstr(h, "proof-fr/02-long.3.png");
    const char *c = strstr(h, "proof-fr/03-cover.png");
    CHECK(w && l1 && l2 && l3 && c);
    CHECK(w < l1 && l1 < l2 && l2 < l3 && l3 < c);
    CHECK(count(h, "<img ") == 5);
    CHECK(count(h, "<section class=\"screen\"") == 3);
    CHECK(count(h, "width=\"1280\" height=\"800\"") == 5);
    CHECK(strstr(h, "<h2><span class=\"n\" dir=\"ltr\">1.</span><bdi>Bonjour</bdi></h2>") != NULL);
    CHECK(strstr(h, "<span class=\"n\" dir=\"ltr\">3.</span><bdi>Bienvenue</bdi>") != NULL);
    CHECK(count(h, "<img class=\"landscape\" src=") == 5);
    CHECK(strstr(h, "Part 2 of 3, scrolled down") != NULL);
    CHECK(after(h, "proof-fr/01-welcome.png", "Part 1 of") != NULL &&
          after(h, "proof-fr/01-welcome.png", "Part 1 of") > l1);
    /* Print: each screen and picture whole on a sheet, no picture wider than the paper. */
    const char *print = strstr(h, "@media print");
    CHECK(print != NULL);
    CHECK(after(h, "@media print", ".screen { page-break-inside: avoid;") != NULL);
    CHECK(after(h, "@media print", "max-width: 100%") != NULL);
    /* Self-contained: no script, no link to anything but the pictures. */
    CHECK(strstr(h, "<script") == NULL);
    CHECK(strstr(h, "<link") == NULL);
    CHECK(strstr(h, "http") == NULL);
    strbuf_finish(&b);

    /* No version set: no version shown. */
    d.version = NULL;
    proof_html_build(&b, &d);
    CHECK(strstr(strbuf_str(&b), "Content version") == NULL);
    strbuf_finish(&b);
}

/* A right-to-left language: the page reads right to left; the English notes around the
 * screens stay left to right, and each title is isolated from them. */
static void test_rtl(void)
{
    static const char *const pictures[] = {"proof-ar/01-welcome.png"};
    const struct proof_screen screens[] = {{.id = "welcome",
                                            .title = "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7",
                                            .title_line = 1480,
                                            .pictures = pictures,
                                            .n_pictures = 1}};
    struct proof_doc d = doc_fr(screens, 1);
    d.lang_code = "ar";
    d.lang_name = "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9";
    d.rtl = true;
    struct strbuf b = {0};
    proof_html_build(&b, &d);
    const char *h = strbuf_str(&b);
    CHECK(strstr(h, "<html lang=\"ar\" dir=\"rtl\">") != NULL);
    CHECK(strstr(h, "<header lang=\"en\" dir=\"ltr\">") != NULL);
    CHECK(strstr(h, "<p class=\"where\" lang=\"en\" dir=\"ltr\">") != NULL);
    CHECK(strstr(h, "<bdi>\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7</bdi>") != NULL);
    CHECK(strstr(h, "title on <b>line 1480</b> of kiosk.cfg") != NULL);
    CHECK(strstr(h, "proof-ar</b> beside this file") != NULL);
    CHECK(strstr(h, "1 screen at") != NULL);
    CHECK(strstr(h, "Part 1 of") == NULL);
    strbuf_finish(&b);

    /* A portrait screen's pictures may take a sheet each. */
    d.width = 1080;
    d.height = 1920;
    proof_html_build(&b, &d);
    CHECK(strstr(strbuf_str(&b), "<img class=\"portrait\" src=") != NULL);
    strbuf_finish(&b);
}

int main(void)
{
    test_escape();
    test_document();
    test_rtl();
    return check_summary("test_proof_html");
}

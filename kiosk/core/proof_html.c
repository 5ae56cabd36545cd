/* The proofreading page (proof_html.h). Staff are not programmers: they open it in whatever
 * browser their laptop has and print it, so it is one plain HTML file with its style inline, no
 * script, and words that say what to do. The words about the page are English, as the config's
 * comments and the staff guide are; the screens' own words keep the proof's language and
 * direction, each title isolated (<bdi>) so a right-to-left title does not reorder an English
 * caption around it. */
#include "proof_html.h"

#include <string.h>

void proof_html_escape(struct strbuf *out, const char *s)
{
    if (!s) {
        return;
    }
    const char *run = s;
    for (; *s; s++) {
        const char *entity = NULL;
        switch (*s) {
        case '&':
            entity = "&amp;";
            break;
        case '<':
            entity = "&lt;";
            break;
        case '>':
            entity = "&gt;";
            break;
        case '"':
            entity = "&quot;";
            break;
        case '\'':
            entity = "&#39;";
            break;
        default:
            continue;
        }
        strbuf_add(out, run, (size_t)(s - run));
        strbuf_add(out, entity, strlen(entity));
        run = s + 1;
    }
    strbuf_add(out, run, (size_t)(s - run));
}

static void add(struct strbuf *out, const char *s)
{
    strbuf_add(out, s, strlen(s));
}

/* Printing keeps each screen, and each of its pictures, whole on one sheet; a picture never
 * runs wider than the paper, and is only so tall that two landscape screens (or the two
 * pictures of a long page) share an A4 or Letter sheet, and a portrait one has a sheet. */
static const char style[] =
    "<style>\n"
    "body { font-family: \"Segoe UI\", system-ui, -apple-system, Helvetica, Arial, sans-serif;\n"
    "       color: #1c2830; background: #ffffff; line-height: 1.45;\n"
    "       max-width: 1320px; margin: 1.5em auto; padding: 0 1.5em; }\n"
    "h1 { font-size: 1.6em; margin: 0 0 0.3em; }\n"
    ".facts { margin: 0 0 1em; }\n"
    ".facts span { display: inline-block; margin-right: 1.5em; }\n"
    ".note { background: #f4f1ea; border: 1px solid #d8d2c6; border-radius: 6px;\n"
    "        padding: 0.6em 1.2em; margin: 0 0 2em; }\n"
    ".note p { margin: 0.5em 0; }\n"
    ".screen { margin: 0 0 2.5em; page-break-inside: avoid; break-inside: avoid; }\n"
    ".screen h2 { font-size: 1.35em; margin: 0 0 0.2em; page-break-after: avoid;\n"
    "             break-after: avoid; }\n"
    ".screen h2 .n { color: #5a6670; margin: 0 0.4em 0 0; }\n"
    "html[dir=\"rtl\"] .screen h2 .n { margin: 0 0 0 0.4em; }\n"
    "html[dir=\"rtl\"] .where, html[dir=\"rtl\"] .gap, html[dir=\"rtl\"] figcaption {\n"
    "  text-align: right; }\n"
    ".where, .gap { margin: 0 0 0.5em; }\n"
    ".gap { color: #8a3b00; }\n"
    "code { font-family: Consolas, Menlo, \"DejaVu Sans Mono\", monospace; font-size: 0.95em;\n"
    "       background: #f1f1f1; padding: 0 0.25em; }\n"
    "figure { margin: 0 0 1em; page-break-inside: avoid; break-inside: avoid; }\n"
    "figure img { display: block; width: auto; height: auto; max-width: 100%;\n"
    "             max-height: 95vh; border: 1px solid #8c8c8c; }\n"
    "figcaption { font-size: 0.9em; color: #5a6670; margin-top: 0.2em; }\n"
    "footer { border-top: 1px solid #d8d2c6; margin-top: 2em; color: #5a6670; }\n"
    "@media print {\n"
    "  @page { margin: 12mm; }\n"
    "  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }\n"
    "  .note { background: none; }\n"
    "  .screen { page-break-inside: avoid; break-inside: avoid; margin-bottom: 1.2em; }\n"
    "  figure { page-break-inside: avoid; break-inside: avoid; margin-bottom: 0.6em; }\n"
    "  figure img { max-width: 100%; }\n"
    "  figure img.landscape { max-height: 8.8cm; }\n"
    "  figure img.portrait { max-height: 21cm; }\n"
    "}\n"
    "</style>\n";

static void add_head(struct strbuf *out, const struct proof_doc *d)
{
    add(out, "<!DOCTYPE html>\n<html lang=\"");
    proof_html_escape(out, d->lang_code);
    add(out, d->rtl ? "\" dir=\"rtl\">\n" : "\" dir=\"ltr\">\n");
    add(out, "<head>\n<meta charset=\"utf-8\">\n"
             "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
             "<title>Proofreading: ");
    proof_html_escape(out, d->lang_name);
    add(out, " (");
    proof_html_escape(out, d->lang_code);
    add(out, "), ");
    proof_html_escape(out, d->file_name);
    add(out, "</title>\n");
    add(out, style);
    add(out, "</head>\n<body>\n");
}

static void add_header(struct strbuf *out, const struct proof_doc *d)
{
    add(out, "<header lang=\"en\" dir=\"ltr\">\n<h1>Proofreading: <bdi lang=\"");
    proof_html_escape(out, d->lang_code);
    add(out, "\">");
    proof_html_escape(out, d->lang_name);
    add(out, "</bdi> (");
    proof_html_escape(out, d->lang_code);
    add(out, ")</h1>\n<p class=\"facts\"><span>File: <b>");
    proof_html_escape(out, d->file_name);
    add(out, "</b></span>");
    if (d->version) {
        add(out, " <span>Content version: <b><bdi>");
        proof_html_escape(out, d->version);
        add(out, "</bdi></b></span>");
    }
    add(out, " <span>Made: <b>");
    proof_html_escape(out, d->made);
    strbuf_addf(out, "</b></span> <span>%d screen%s at %d x %d pixels</span></p>\n", d->n_screens,
                d->n_screens == 1 ? "" : "s", d->width, d->height);

    add(out, "<div class=\"note\">\n"
             "<p><b>How to use this page.</b> Open this in a web browser and print it, or read "
             "it on screen. Each picture is one screen as visitors see it, in the order they "
             "meet them: the welcome screen, the list of topics, each topic's pages, the other "
             "pages, the help page, the screen that asks whether someone is still there, and the "
             "Quick exit screen.</p>\n"
             "<p>A page too long for the screen is shown in several pictures, scrolled down step "
             "by step, so that every line can be read.</p>\n"
             "<p>To change some words, look above their picture: &ldquo;text starts on line "
             "&hellip; of ");
    proof_html_escape(out, d->file_name);
    add(out, "&rdquo; says where they are. Open ");
    proof_html_escape(out, d->file_name);
    add(out, " in a plain text editor such as Notepad, go to that line (Ctrl+G in Notepad; "
             "where the editor shows no line numbers, search for the page id instead), change "
             "the words between the double quotes, save the file, then check it with "
             "<code>kiosk --check</code>.</p>\n"
             "<p>The pictures are in the folder <b>proof-");
    proof_html_escape(out, d->lang_code);
    add(out, "</b> beside this file: copy or send the two together.</p>\n</div>\n</header>\n");
}

/* "text starts on line 12 of kiosk.cfg (title on line 11)", or what stands for it. */
static void add_where(struct strbuf *out, const struct proof_doc *d, const struct proof_screen *s)
{
    add(out, s->fixed ? "<p class=\"where\" lang=\"en\" dir=\"ltr\">The kiosk's <code>"
                      : "<p class=\"where\" lang=\"en\" dir=\"ltr\">Page id <code>");
    proof_html_escape(out, s->id);
    add(out, s->fixed ? "</code> screen" : "</code>");
    if (s->topic) {
        add(out, " &middot; topic &ldquo;<bdi>");
        proof_html_escape(out, s->topic);
        add(out, "</bdi>&rdquo;");
    }
    add(out, " &middot; ");
    if (s->text_line > 0) {
        strbuf_addf(out, "text starts on <b>line %d</b> of ", s->text_line);
        proof_html_escape(out, d->file_name);
        if (s->title_line > 0 && s->title_line != s->text_line) {
            strbuf_addf(out, " (title on line %d)", s->title_line);
        }
    } else if (s->title_line > 0) {
        strbuf_addf(out, "title on <b>line %d</b> of ", s->title_line);
        proof_html_escape(out, d->file_name);
    } else {
        add(out, "the kiosk's built-in words: they are not written in ");
        proof_html_escape(out, d->file_name);
        add(out, " (add them there to change them)");
    }
    add(out, "</p>\n");
    if (s->untranslated) {
        add(out, "<p class=\"gap\" lang=\"en\" dir=\"ltr\">Not translated yet: some words here "
                 "show in ");
        proof_html_escape(out, d->first_language);
        add(out, ", the first language of the file.</p>\n");
    }
}

static void add_screen(struct strbuf *out, const struct proof_doc *d, const struct proof_screen *s,
                       int number)
{
    /* dir="ltr" keeps "3." reading so in a right-to-left page (not ".3"). */
    strbuf_addf(out,
                "<section class=\"screen\" id=\"screen-%d\">\n<h2><span class=\"n\" dir=\"ltr\">%d."
                "</span><bdi>",
                number, number);
    proof_html_escape(out, s->title);
    add(out, "</bdi></h2>\n");
    add_where(out, d, s);
    for (int i = 0; i < s->n_pictures; i++) {
        add(out, d->height > d->width ? "<figure><img class=\"portrait\" src=\""
                                      : "<figure><img class=\"landscape\" src=\"");
        proof_html_escape(out, s->pictures[i]);
        strbuf_addf(out, "\" width=\"%d\" height=\"%d\" alt=\"Screen %d", d->width, d->height,
                    number);
        if (s->n_pictures > 1) {
            strbuf_addf(out, ", part %d of %d", i + 1, s->n_pictures);
        }
        add(out, ": ");
        proof_html_escape(out, s->title);
        add(out, "\">");
        if (s->n_pictures > 1) {
            strbuf_addf(out, "<figcaption lang=\"en\" dir=\"ltr\">Part %d of %d%s</figcaption>",
                        i + 1, s->n_pictures, i == 0 ? ", the top of the page" : ", scrolled down");
        }
        add(out, "</figure>\n");
    }
    add(out, "</section>\n");
}

void proof_html_build(struct strbuf *out, const struct proof_doc *doc)
{
    add_head(out, doc);
    add_header(out, doc);
    add(out, "<main>\n");
    for (int i = 0; i < doc->n_screens; i++) {
        add_screen(out, doc, &doc->screens[i], i + 1);
    }
    add(out, "</main>\n<footer lang=\"en\" dir=\"ltr\"><p>Made by <code>kiosk --render</code> "
             "from ");
    proof_html_escape(out, doc->file_name);
    add(out, ". Make it again after changing the file: the pictures show the file as it was "
             "then.</p></footer>\n</body>\n</html>\n");
}

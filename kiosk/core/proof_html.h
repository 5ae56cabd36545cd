/* The proofreading page: one HTML file per language with every screen in reading order, each
 * picture captioned with the page id, its title and the line of the config file where its words
 * are, so staff can print it and mark it up. Only the text is made here (no files, no SDL); the
 * app draws the pictures and writes the file (kiosk/app/render_proof.c). Everything shown is
 * escaped; the pictures are named by paths relative to the HTML file. */
#ifndef KIOSK_PROOF_HTML_H
#define KIOSK_PROOF_HTML_H

#include <stdbool.h>

#include "strbuf.h"

/* One screen as visitors see it: one picture, or several when a long page scrolls. */
struct proof_screen {
    const char *id;    /* the page id, or "welcome", "countdown", "cover" */
    const char *title; /* as the screen shows it, in the proof's language */
    const char *topic; /* the topic's title when the page belongs to one, else NULL */
    int title_line;    /* the line of the config file the title is on; 0 when not in the file */
    int text_line;     /* the line its text starts on; 0 when it has none in the file */
    bool fixed;        /* one of the kiosk's own screens (its words are `words`), not a page */
    bool untranslated; /* some of its words fall back to the first language */
    const char *const *pictures; /* paths relative to the HTML file, top of the page first */
    int n_pictures;
};

/* The whole document. Every string is borrowed for the call. */
struct proof_doc {
    const char *file_name; /* the config file's name as staff know it, e.g. "kiosk.cfg" */
    const char *version;   /* the config's `version`, or NULL */
    const char *made;      /* when it was made, as it should be shown, e.g. "2026-05-04 10:30" */
    const char *lang_code; /* "fr" */
    const char *lang_name; /* "Français" */
    const char *first_language;         /* the name of the language untranslated words show in */
    bool rtl;                           /* the language is written right to left */
    int width, height;                  /* the pictures' size in pixels */
    const struct proof_screen *screens; /* in reading order */
    int n_screens;
};

/* Appends the HTML document for `doc` to `out`. */
void proof_html_build(struct strbuf *out, const struct proof_doc *doc);
/* Appends `s` with & < > " and ' escaped, for text and attribute values alike. */
void proof_html_escape(struct strbuf *out, const char *s);

#endif

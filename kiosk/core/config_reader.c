/* The config reader, top of its layers: it reads the file itself rather than through
 * config_read_file so that it can refuse folders and binary files, strip a byte-order mark,
 * normalise line endings and catch the integers libconfig 1.5 silently truncates, then has each
 * part of the file read by the layer below that knows it. Every message is written for clinic
 * staff: it says what is wrong and what to write instead, and all of them are collected in one
 * pass, sorted by line.
 *
 * The layers, each calling only those below it:
 *   config_reader      this file: the file, the order of the parts, the messages
 *   config_languages   language, translations, languages (config_language_codes: the codes;
 *                      translation_ledger: what each translation was made from, to spot changes)
 *   config_links       choices, next and help_page resolved; reachability, Next circles
 *   config_pages       menu, topics, pages, choices
 *   config_look, config_words, config_settings
 *                      look; words; timings, display, opening hours, staff PIN
 *   config_files       pictures and fonts on disk
 *   config_values      one setting: missing / wrong / ok, and what it holds for messages
 *   config_syntax      hints for libconfig's syntax errors
 *   config_scan        the raw text: lines, overflowing integers, @include, brackets
 *   config_text, config_suggest, config_map
 *                      excerpts and character classes; "did you mean"; string -> index
 * config_state.h holds the state of one reading that the layers share. */
#define _POSIX_C_SOURCE 200809L

#include "config_reader.h"

#include <errno.h>
#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_files.h"
#include "config_languages.h"
#include "config_links.h"
#include "config_look.h"
#include "config_pages.h"
#include "config_scan.h"
#include "config_settings.h"
#include "config_state.h"
#include "config_syntax.h"
#include "config_text.h"
#include "config_values.h"
#include "config_words.h"
#include "file_read.h"
#include "translation_ledger.h"
#include "utf8.h"
#include "xalloc.h"

/* Looking for a near miss costs a pass over every id; past this many broken links the file is
 * clearly far off and the suggestions would not help anyway. */
#define SUGGEST_MAX 200

static const char *const root_keys[] = {
    "idle_timeout", "reset_countdown", "help_page",     "welcome_picture",
    "look",         "words",           "menu",          "topics",
    "pages",        "display",         "opening_hours", "staff_pin",
    "language",     "languages",       "translations",  "version"};

struct ordered {
    struct diag d;
    size_t seq;
};

static int by_line(const void *a, const void *b)
{
    const struct ordered *x = a, *y = b;
    if (x->d.line != y->d.line) {
        return x->d.line < y->d.line ? -1 : 1;
    }
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Orders this file's messages by line (whole-file ones first), so staff can fix the file top to
 * bottom; messages on one line keep the order they were found in. */
static void sort_diags(struct diag_list *list, size_t from)
{
    size_t n = list->count - from;
    if (n < 2) {
        return;
    }
    struct ordered *tmp = xcalloc(n, sizeof(*tmp));
    for (size_t i = 0; i < n; i++) {
        tmp[i].d = list->items[from + i];
        tmp[i].seq = i;
    }
    qsort(tmp, n, sizeof(*tmp), by_line);
    for (size_t i = 0; i < n; i++) {
        list->items[from + i] = tmp[i].d;
    }
    free(tmp);
}

static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup("");
}

/* Copies the text with a byte-order mark removed and CRLF or lone CR turned into LF, so line
 * numbers match what an editor shows and no '\r' reaches the screen. It always ends in a line
 * break: libconfig 1.5 calls a # or // comment on an unfinished last line a syntax error. */
static char *normalise(const char *data, size_t size)
{
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    char *out = xrealloc(NULL, size + 2), *o = out;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == '\r') {
            *o++ = '\n';
            if (i + 1 < size && data[i + 1] == '\n') {
                i++;
            }
        } else {
            *o++ = data[i];
        }
    }
    if (o == out || o[-1] != '\n') {
        *o++ = '\n';
    }
    *o = '\0';
    return out;
}

/* The parts in the order they depend on each other: pages before the links between them,
 * everything a translation translates before the translations. */
static void read_all(struct config_reader *r, const config_setting_t *root)
{
    struct content *c = r->content;
    config_check_known(r, root, "", root_keys, CONFIG_COUNT(root_keys));
    config_settings_read_timings(r, root);
    config_look_read(r, root);
    config_words_read(r, root);
    config_settings_read_display(r, root);
    config_settings_read_hours(r, root);
    config_settings_read_staff_pin(r, root);
    config_settings_read_version(r, root);
    config_pages_read(r, root);
    c->welcome_picture = config_member_picture(r, root, "welcome_picture", "welcome_picture",
                                               "the welcome screen is shown without it");
    config_links_check(r, root);
    config_languages_read(r, root);
}

/* @include is refused: libconfig 1.5 names neither the file nor the right line for mistakes
 * inside an included file, so staff could not find them. One file is also easier to copy. */
static void report_includes(struct config_reader *r)
{
    for (size_t i = 0; i < r->scan.n_includes; i++) {
        const struct config_include *inc = &r->scan.includes[i];
        if (inc->name.s[0]) {
            diag_add(r->diags, DIAG_ERROR, inc->line, "@include",
                     "the kiosk reads only this one file; copy the settings from \"%s\" into it "
                     "and remove this line",
                     inc->name.s);
        } else {
            diag_add(r->diags, DIAG_ERROR, inc->line, "@include",
                     "the kiosk reads only this one file; copy the settings from the other file "
                     "into it and remove this line");
        }
    }
}

/* A file saved in another encoding than UTF-8 (Windows "ANSI", Mac Roman...) has bytes that are
 * not UTF-8 in every line with an accent or a curly quote. Past a few such lines one message
 * for the whole file says what to do, instead of one per text and a "not translated" warning
 * for each language whose words could not be read. Returns true when it said so. */
#define ENCODING_LINES_MAX 5

static bool report_wrong_encoding(struct diag_list *diags, const char *text)
{
    int line = 1, first = 0, lines = 0, counted_line = 0;
    size_t places = 0, first_at = 0;
    size_t n = strlen(text);
    for (size_t i = 0; i < n;) {
        size_t valid = utf8_valid_prefix(text + i, n - i);
        for (size_t k = 0; k < valid; k++) {
            line += text[i + k] == '\n';
        }
        i += valid;
        if (i < n) {
            places++;
            if (counted_line != line) {
                counted_line = line;
                lines++;
            }
            if (!first) {
                first = line;
                first_at = i;
            }
            i++;
        }
    }
    if (lines <= ENCODING_LINES_MAX) {
        return false; /* a few stray characters: each text's own message names it best */
    }
    size_t from = first_at;
    while (from > 0 && text[from - 1] != '\n' && first_at - from < 30) {
        from--;
    }
    struct config_excerpt shown;
    config_excerpt(&shown, text + from, first_at - from, 40);
    diag_add(diags, DIAG_ERROR, first, NULL,
             "the file is not saved as UTF-8: %zu characters on %d lines cannot be read, "
             "the first after \"%s\". It was probably saved as \"ANSI\" or Windows-1252. Open "
             "it in Notepad, choose File > Save as, set Encoding to UTF-8 and save (in TextEdit: "
             "Format > Make Plain Text, then save with Unicode (UTF-8)); the letters then show "
             "as they should",
             places, lines, shown.s);
    return true;
}

static void report_too_large(struct diag_list *diags)
{
    diag_add(diags, DIAG_ERROR, 0, NULL,
             "is too large: more than 8 MB, while a config file is a few hundred kilobytes at "
             "most; is this the right file?");
}

/* The ledger to compare with: the one kept, else one made from the baseline, else none. */
static bool history_ledger(const char *path, const char *assets_dir, const struct config_history *h,
                           struct translation_ledger *out)
{
    if (h && h->ledger) {
        translation_ledger_parse(out, h->ledger, h->ledger_size);
        return true;
    }
    if (!h || !h->baseline) {
        return false;
    }
    struct diag_list ignore;
    diag_init(&ignore, path);
    struct content *before =
        config_load_buffer_since(path, h->baseline, h->baseline_size, assets_dir, NULL, &ignore);
    diag_finish(&ignore);
    if (!before) {
        return false;
    }
    translation_ledger_parse(out, before->ledger, strlen(before->ledger));
    content_destroy(before);
    return true;
}

struct content *config_load_buffer(const char *path, const char *data, size_t size,
                                   const char *assets_dir, struct diag_list *diags)
{
    return config_load_buffer_since(path, data, size, assets_dir, NULL, diags);
}

struct content *config_load_buffer_since(const char *path, const char *data, size_t size,
                                         const char *assets_dir,
                                         const struct config_history *history,
                                         struct diag_list *diags)
{
    size_t first_diag = diags->count, errors_before = diags->errors;
    if (size > CONFIG_MAX_BYTES) {
        report_too_large(diags);
        return NULL;
    }
    bool bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0;
    if (size == 0 || (bom && size == 3)) {
        diag_add(diags, DIAG_ERROR, 0, NULL, "the file is empty; it needs at least a topics list");
        return NULL;
    }
    const char *nul = memchr(data, '\0', size);
    if (nul) {
        if (size >= 2 && ((unsigned char)data[0] == 0xFF || (unsigned char)data[0] == 0xFE) &&
            (unsigned char)data[1] == ((unsigned char)data[0] ^ 0x01)) {
            diag_add(diags, DIAG_ERROR, 0, NULL,
                     "is saved as UTF-16, not as a plain text file; save it as UTF-8 (in a text "
                     "editor: Save as, Encoding: UTF-8)");
        } else {
            diag_add(diags, DIAG_ERROR, 0, NULL,
                     "is not a text file (it contains zero bytes); choose the kiosk.cfg file "
                     "written with a text editor");
        }
        return NULL;
    }

    struct config_reader r = {0};
    struct translation_ledger before = {0};
    if (history_ledger(path, assets_dir, history, &before)) {
        r.ledger = &before;
    }
    r.path = path;
    r.dir = folder_of(path);
    r.assets_dir = assets_dir;
    r.diags = diags;
    r.suggestions_left = SUGGEST_MAX;
    char *text = normalise(data, size);
    config_scan_text(&r.scan, text);
    report_includes(&r);

    config_t cfg;
    config_init(&cfg);
    if (report_wrong_encoding(diags, text)) {
        /* Nothing more: every other message would follow from the encoding. */
    } else if (!config_read_string(&cfg, text)) {
        config_syntax_report(diags, &r.scan, config_error_line(&cfg),
                             config_error_text(&cfg) ? config_error_text(&cfg) : "syntax error");
    } else {
        r.content = xcalloc(1, sizeof(*r.content));
        r.content->path = xstrdup(path);
        r.content->help_page = CONTENT_NONE;
        r.content->welcome_picture = CONTENT_NONE;
        read_all(&r, config_root_setting(&cfg));
    }
    config_destroy(&cfg);

    for (int i = 0; r.content && i < r.content->n_pages; i++) {
        free(r.aux[i].key);
        free(r.aux[i].next_id);
    }
    free(r.aux);
    config_map_finish(&r.ids);
    config_map_finish(&r.pictures);
    config_scan_finish(&r.scan);
    translation_ledger_finish(&before);
    strbuf_finish(&r.ledger_out);
    free(text);
    free(r.dir);
    sort_diags(diags, first_diag);
    if (diags->errors > errors_before) {
        content_destroy(r.content);
        return NULL;
    }
    return r.content;
}

char *config_read_bytes(const char *path, size_t *size_out, struct diag_list *diags)
{
    struct file_bytes file;
    int err;
    enum file_read_status status = file_read(path, CONFIG_MAX_BYTES, &file, &err);
    switch (status) {
    case FILE_READ_OK:
        *size_out = file.size;
        return file.data;
    case FILE_READ_MISSING:
        diag_add(diags, DIAG_ERROR, 0, NULL,
                 "cannot be opened: %s; check the file name and the folder it is in",
                 strerror(err));
        break;
    case FILE_READ_DENIED:
        diag_add(diags, DIAG_ERROR, 0, NULL,
                 "cannot be opened: %s; make sure the kiosk is allowed to read it (e.g. chmod "
                 "a+r %s)",
                 strerror(err), path);
        break;
    case FILE_READ_FOLDER:
        diag_add(diags, DIAG_ERROR, 0, NULL,
                 "is a folder, not a file; name the config file itself, e.g. %s%skiosk.cfg", path,
                 path[0] && path[strlen(path) - 1] == '/' ? "" : "/");
        break;
    case FILE_READ_FIFO:
    case FILE_READ_DEVICE:
    case FILE_READ_SOCKET:
        diag_add(diags, DIAG_ERROR, 0, NULL,
                 "is %s, not a file; name the config file itself, a text file saved by an "
                 "editor",
                 file_read_kind(status));
        break;
    case FILE_READ_TOO_LARGE:
        report_too_large(diags);
        break;
    case FILE_READ_FAILED:
        diag_add(diags, DIAG_ERROR, 0, NULL, "cannot be read: %s; %s",
                 file_read_reason(status, err), "check the file and the disk it is on");
        break;
    }
    return NULL;
}

struct content *config_load(const char *path, const char *assets_dir, struct diag_list *diags)
{
    return config_load_since(path, assets_dir, NULL, diags);
}

struct content *config_load_since(const char *path, const char *assets_dir,
                                  const struct config_history *history, struct diag_list *diags)
{
    size_t size = 0;
    char *data = config_read_bytes(path, &size, diags);
    if (!data) {
        return NULL;
    }
    struct content *content =
        config_load_buffer_since(path, data, size, assets_dir, history, diags);
    free(data);
    return content;
}

/* The config reader's own pass over the raw text, before libconfig sees it: where each line
 * starts, the integers libconfig 1.5 would silently truncate, the @include lines it must never
 * follow, and how the brackets balance, which points at a missing brace far better than
 * libconfig's error line does. */
#ifndef KIOSK_CONFIG_SCAN_H
#define KIOSK_CONFIG_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "config_text.h"

/* An integer literal that does not fit in 32 bits. libconfig 1.5 keeps only the low 32 bits
 * (unless it has an L suffix), so the value it reads is remembered to find the setting again. */
struct config_overflow {
    int line;
    long long as_read; /* what libconfig 1.5 stores */
    long long value;   /* the value written, clamped to the 64-bit range */
    bool negative;
    struct config_excerpt text; /* the literal as written, for messages */
};

struct config_bracket {
    char c;
    int line;
};

/* An @include line, blanked out of the text. */
struct config_include {
    int line;
    struct config_excerpt name; /* the file it names; "" when it names none */
};

/* One line of the text, without its line break. */
struct config_line {
    const char *s;
    size_t n;
};

struct config_scan {
    const char *text; /* borrowed: the text scanned, which must outlive the scan */
    struct config_overflow *overflows;
    size_t n_overflows, cap_overflows;
    struct config_include *includes;
    size_t n_includes, cap_includes;
    size_t *line_starts; /* offset of each line's first byte; [0] is line 1 */
    int n_lines;
    /* The first bracket that closes the wrong kind of bracket (or none), and what is still open
     * at the end. */
    int mismatch_line, mismatch_open_line;
    char mismatch_c, mismatch_open_c;
    struct config_bracket unclosed;
    /* The first closing bracket that starts a line indented less than the line its bracket
     * opened on: with a bracket missing, the one after it closes the wrong block, and this is
     * the block that lost its own (misindent_open) and the line where it should have ended. */
    struct config_bracket misindent_open;
    int misindent_close_line;
};

/* Scans `text` (NUL-terminated, line breaks already LF) into `s`, blanking every @include out of
 * it while keeping its line breaks, so libconfig opens no other file and lines stay right. */
void config_scan_text(struct config_scan *s, char *text);
/* Frees what the scan holds (not the text). */
void config_scan_finish(struct config_scan *s);
/* Line `line` (1-based) of the text; empty when there is no such line. */
struct config_line config_scan_line(const struct config_scan *s, int line);
/* The line where `needle` (n bytes) first appears at or after `from_line`, or `from_line`. */
int config_scan_find(const struct config_scan *s, const char *needle, size_t n, int from_line);
/* The overflowing literal on `line` that libconfig read as `value`, or NULL. */
const struct config_overflow *config_scan_overflow(const struct config_scan *s, int line,
                                                   long long value);

#endif

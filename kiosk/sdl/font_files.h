/* The font files of one content, read into memory once, when the content loads: a new text
 * size (the visitor's A+) or a script seen for the first time then opens a font from memory,
 * never from the disk in the middle of a visit, where a file's access time would record the
 * moment. Files are read through file_read (regular files only, never blocking). */
#ifndef KIOSK_FONT_FILES_H
#define KIOSK_FONT_FILES_H

#include <SDL_ttf.h>
#include <stdbool.h>
#include <stddef.h>

#include "file_read.h"

/* All the font files of one content together may not take more than this. */
#define FONT_FILES_MAX_TOTAL (96 * 1024 * 1024)

struct font_file {
    char *path;
    struct file_bytes bytes; /* data is NULL when the file cannot be used */
};

struct font_files {
    struct font_file *files;
    int n, cap;
    size_t total; /* bytes held */
};

/* Reads `path` unless it was read (or tried) already; false when it cannot be used (missing
 * files are normal: not every system has every font). */
bool font_files_read(struct font_files *ff, const char *path);
/* Opens `path` at `px` from memory; NULL when it was never read or does not open. */
TTF_Font *font_files_open(const struct font_files *ff, const char *path, int px);
/* Frees every file (close the fonts opened from them first); safe on a zeroed struct. */
void font_files_finish(struct font_files *ff);

#endif

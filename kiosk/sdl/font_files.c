#include "font_files.h"

#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "xalloc.h"

static const struct font_file *find(const struct font_files *ff, const char *path)
{
    for (int i = 0; i < ff->n; i++) {
        if (strcmp(ff->files[i].path, path) == 0) {
            return &ff->files[i];
        }
    }
    return NULL;
}

bool font_files_read(struct font_files *ff, const char *path)
{
    const struct font_file *known = find(ff, path);
    if (known) {
        return known->bytes.data != NULL;
    }
    if (ff->n == ff->cap) {
        ff->cap = ff->cap ? ff->cap * 2 : 16;
        ff->files = xrealloc(ff->files, (size_t)ff->cap * sizeof(*ff->files));
    }
    struct font_file *f = &ff->files[ff->n++];
    f->path = xstrdup(path);
    int err;
    enum file_read_status status = file_read(path, FONT_MAX_BYTES, &f->bytes, &err);
    if (status == FILE_READ_OK && ff->total + f->bytes.size > FONT_FILES_MAX_TOTAL) {
        log_warn("not reading the font %s: the fonts already read take %zu MB", path,
                 ff->total / (1024 * 1024));
        free(f->bytes.data);
        memset(&f->bytes, 0, sizeof(f->bytes));
        return false;
    }
    if (status != FILE_READ_OK) {
        if (status != FILE_READ_MISSING) {
            log_warn("cannot read the font %s: it %s", path, file_read_reason(status, err));
        }
        return false;
    }
    ff->total += f->bytes.size;
    return true;
}

TTF_Font *font_files_open(const struct font_files *ff, const char *path, int px)
{
    const struct font_file *f = find(ff, path);
    if (!f || !f->bytes.data) {
        return NULL;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(f->bytes.data, (int)f->bytes.size);
    return rw ? TTF_OpenFontRW(rw, 1, px) : NULL; /* the font closes rw, not the bytes */
}

void font_files_finish(struct font_files *ff)
{
    for (int i = 0; i < ff->n; i++) {
        free(ff->files[i].path);
        free(ff->files[i].bytes.data);
    }
    free(ff->files);
    memset(ff, 0, sizeof(*ff));
}

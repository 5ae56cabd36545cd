/* Pictures and fonts named in the config (config_files.h). A file is judged by its first bytes,
 * not its name: a photo saved as .png from a phone may be a JPEG, and that is fine. */
#define _POSIX_C_SOURCE 200809L

#include "config_files.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_values.h"
#include "file_read.h"
#include "picture_probe.h"
#include "strbuf.h"
#include "xalloc.h"

static bool is_font(const char *head, size_t n)
{
    return n >= 4 && (memcmp(head, "\0\1\0\0", 4) == 0 || memcmp(head, "OTTO", 4) == 0 ||
                      memcmp(head, "true", 4) == 0 || memcmp(head, "ttcf", 4) == 0);
}

/* A size about as large as a screen shows, with the picture's shape, to suggest instead. */
static void suggest_size(int w, int h, int *sw, int *sh)
{
    int longest = w > h ? w : h;
    *sw = longest > 1920 ? (int)((long long)w * 1920 / longest) : w;
    *sh = longest > 1920 ? (int)((long long)h * 1920 / longest) : h;
    picture_fit_limits(sw, sh);
    *sw = *sw > 0 ? *sw : 1;
    *sh = *sh > 0 ? *sh : 1;
}

/* Whether a picture's bytes can be shown; when they cannot, warns and returns false. */
static bool usable_picture(struct config_reader *r, const struct file_bytes *file, const char *path,
                           const char *name, const char *key, int line, const char *without)
{
    struct picture_probe probe = picture_probe(file->data, file->size);
    if (probe.format == PICTURE_UNKNOWN) {
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "\"%s\" is not a PNG, JPEG or SVG picture (%s); %s", name, path, without);
        return false;
    }
    if (probe.format == PICTURE_SVG && file->size > PICTURE_MAX_SVG_BYTES) {
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "\"%s\" is a drawing of %zu KB, more than the %d KB the kiosk reads (%s); "
                 "simplify it or save it as a PNG; %s",
                 name, file->size / 1024, PICTURE_MAX_SVG_BYTES / 1024, path, without);
        return false;
    }
    if (!picture_within_limits(&probe)) {
        int sw, sh;
        suggest_size(probe.w, probe.h, &sw, &sh);
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "\"%s\" is %d x %d pixels (%s), more than a picture may have: at most %d "
                 "either way and %d million in all; save it smaller, e.g. %d x %d; %s",
                 name, probe.w, probe.h, path, PICTURE_MAX_SIDE, PICTURE_MAX_PIXELS / 1000000, sw,
                 sh, without);
        return false;
    }
    return true;
}

/* Whether the file at `path` is usable; when it is not, warns and returns false. */
static bool usable(struct config_reader *r, const char *path, const char *name, const char *key,
                   int line, enum config_file_kind kind, const char *without)
{
    const char *what = kind == CONFIG_FILE_FONT ? "font" : "picture";
    size_t limit = kind == CONFIG_FILE_FONT ? FONT_MAX_BYTES : PICTURE_MAX_BYTES;
    struct file_bytes file;
    int err;
    enum file_read_status status = file_read(path, limit, &file, &err);
    bool ok = false;
    switch (status) {
    case FILE_READ_OK:
        if (kind == CONFIG_FILE_PICTURE) {
            ok = usable_picture(r, &file, path, name, key, line, without);
        } else if (!(ok = is_font(file.data, file.size))) {
            diag_add(r->diags, DIAG_WARNING, line, key,
                     "\"%s\" is not a TrueType or OpenType font (%s); %s", name, path, without);
        }
        break;
    case FILE_READ_TOO_LARGE:
        diag_add(r->diags, DIAG_WARNING, line, key,
                 "\"%s\" is larger than the %d MB a %s file may be (%s); %s", name,
                 (int)(limit / (1024 * 1024)), what, path,
                 kind == CONFIG_FILE_FONT ? "choose a smaller font file" : "save it smaller");
        break;
    case FILE_READ_FOLDER:
    case FILE_READ_FIFO:
    case FILE_READ_DEVICE:
    case FILE_READ_SOCKET:
        diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" is %s, not a %s file (%s); %s", name,
                 file_read_kind(status), what, path, without);
        break;
    default:
        diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" cannot be read (%s: %s); %s", name,
                 path, file_read_reason(status, err), without);
        break;
    }
    free(file.data);
    return ok;
}

char *config_find_file(struct config_reader *r, const char *name, const char *key, int line,
                       enum config_file_kind kind, const char *without)
{
    struct strbuf tried[2] = {{0}, {0}};
    int n_tried = 0;
    if (name[0] == '/') {
        strbuf_addf(&tried[n_tried++], "%s", name);
    } else {
        strbuf_addf(&tried[n_tried++], "%s%s", r->dir, name);
        if (r->assets_dir && r->assets_dir[0]) {
            size_t na = strlen(r->assets_dir);
            strbuf_addf(&tried[n_tried++], "%s%s%s", r->assets_dir,
                        r->assets_dir[na - 1] == '/' ? "" : "/", name);
        }
    }
    char *found = NULL;
    bool gave_up = false;
    for (int i = 0; i < n_tried && !found && !gave_up; i++) {
        struct stat st;
        if (stat(strbuf_str(&tried[i]), &st) != 0) {
            continue;
        }
        /* A file that is there but unusable is reported as such; the next place is not tried. */
        if (usable(r, strbuf_str(&tried[i]), name, key, line, kind, without)) {
            found = strbuf_take(&tried[i]);
        } else {
            gave_up = true;
        }
    }
    if (!found && !gave_up) {
        if (n_tried == 1) {
            diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" was not found (looked for %s); %s",
                     name, strbuf_str(&tried[0]), without);
        } else {
            diag_add(r->diags, DIAG_WARNING, line, key,
                     "\"%s\" was not found (looked for %s and %s); %s", name, strbuf_str(&tried[0]),
                     strbuf_str(&tried[1]), without);
        }
    }
    strbuf_finish(&tried[0]);
    strbuf_finish(&tried[1]);
    return found;
}

int config_member_picture(struct config_reader *r, const config_setting_t *group, const char *name,
                          const char *key, const char *without)
{
    struct strbuf expected = {0};
    strbuf_setf(&expected, "write a file name in double quotes, e.g. %s = \"heart.png\";", name);
    const char *v;
    struct config_got g = config_member_text(r, group, name, key, strbuf_str(&expected), &v);
    strbuf_finish(&expected);
    if (!v || !v[0]) {
        return CONTENT_NONE;
    }
    char *path = config_find_file(r, v, key, g.line, CONFIG_FILE_PICTURE, without);
    if (!path) {
        return CONTENT_NONE;
    }
    int index = config_map_get(&r->pictures, path);
    if (index != CONTENT_NONE) {
        free(path);
        return index;
    }
    struct content *c = r->content;
    if ((c->n_pictures & (c->n_pictures - 1)) == 0) {
        c->pictures = xrealloc(c->pictures, (size_t)(c->n_pictures ? c->n_pictures * 2 : 1) *
                                                sizeof(*c->pictures));
    }
    c->pictures[c->n_pictures].path = path;
    config_map_put(&r->pictures, path, c->n_pictures);
    return c->n_pictures++;
}

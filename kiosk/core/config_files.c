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
#include "strbuf.h"
#include "xalloc.h"

static bool looks_like(const unsigned char *head, size_t n, enum config_file_kind kind)
{
    if (kind == CONFIG_FILE_FONT) {
        return n >= 4 && (memcmp(head, "\0\1\0\0", 4) == 0 || memcmp(head, "OTTO", 4) == 0 ||
                          memcmp(head, "true", 4) == 0 || memcmp(head, "ttcf", 4) == 0);
    }
    if (n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0) {
        return true;
    }
    if (n >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) {
        return true;
    }
    /* SVG is text: an XML prolog or comments may come first, so look for the element. */
    size_t i = n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
        i++;
    }
    if (i >= n || head[i] != '<') {
        return false;
    }
    for (; i + 4 <= n; i++) {
        if (memcmp(head + i, "<svg", 4) == 0) {
            return true;
        }
    }
    return false;
}

/* Whether the file at `path` (which is there, as `st` says) is usable; when it is not, warns
 * and returns false. */
static bool usable(struct config_reader *r, const char *path, const struct stat *st,
                   const char *name, const char *key, int line, enum config_file_kind kind,
                   const char *without)
{
    const char *what = kind == CONFIG_FILE_FONT ? "font" : "picture";
    if (S_ISDIR(st->st_mode)) {
        diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" is a folder, not a %s file (%s); %s",
                 name, what, path, without);
        return false;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" cannot be read (%s: %s); %s", name,
                 path, strerror(errno), without);
        return false;
    }
    unsigned char head[1024]; /* enough to find "<svg" past an XML prolog and a comment */
    size_t n = fread(head, 1, sizeof(head), f);
    fclose(f);
    if (!looks_like(head, n, kind)) {
        diag_add(r->diags, DIAG_WARNING, line, key, "\"%s\" is not a %s (%s); %s", name,
                 kind == CONFIG_FILE_FONT ? "TrueType or OpenType font"
                                          : "PNG, JPEG or SVG picture",
                 path, without);
        return false;
    }
    return true;
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
        if (usable(r, strbuf_str(&tried[i]), &st, name, key, line, kind, without)) {
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

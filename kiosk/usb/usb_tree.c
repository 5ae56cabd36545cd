/* usb_tree.h: listing and copying a content folder under limits. */
#define _GNU_SOURCE

#include "usb_tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_report.h"
#include "last_good_slot.h"
#include "usb_receipt.h"
#include "xalloc.h"

void usb_tree_init(struct usb_tree *t)
{
    memset(t, 0, sizeof(*t));
    strbuf_init(&t->refused);
}

void usb_tree_free(struct usb_tree *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->files[i].name);
    }
    free(t->files);
    strbuf_finish(&t->refused);
    memset(t, 0, sizeof(*t));
}

bool usb_tree_skipped(const char *name, bool top)
{
    if (name[0] == '.') {
        return true; /* ., .., hidden files, a Mac's ._ files, this kiosk's stage folder */
    }
    size_t n = strlen(name);
    if (top && n > 4 && strcmp(name + n - 4, ".new") == 0) {
        return true; /* a file being written whole (file_replace.h), CHECK.txt.new say */
    }
    static const char *const kiosk_own[] = {
        CHECK_REPORT_NAME,           LAST_GOOD_FOLDER, USB_BEFORE_FOLDER, USB_RECEIPT_NAME,
        "System Volume Information",
    };
    for (size_t i = 0; top && i < sizeof(kiosk_own) / sizeof(kiosk_own[0]); i++) {
        if (strcasecmp(name, kiosk_own[i]) == 0) {
            return true;
        }
    }
    return false;
}

static void refuse(struct usb_tree *t, const char *path, const char *why)
{
    t->n_refused++;
    strbuf_addf(&t->refused, "%zu. kiosk/%s: %s\r\n\r\n", t->n_refused, path, why);
}

static void add_file(struct usb_tree *t, const char *path, uint64_t size)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 16;
        t->files = xrealloc(t->files, t->cap * sizeof(*t->files));
    }
    t->files[t->n].name = xstrdup(path);
    t->files[t->n].size = size;
    t->n++;
    t->total += size;
}

/* Whether a name could be written on the card and named in the config: printable, no
 * backslash or the characters FAT does not take. */
static bool plain_name(const char *name)
{
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (*p < 0x20 || *p == 0x7f || strchr("\\:*?\"<>|", *p)) {
            return false;
        }
    }
    return true;
}

static void scan_folder(int dirfd, const char *prefix, int depth, struct usb_tree *t)
{
    DIR *d = fdopendir(dirfd);
    if (!d) {
        close(dirfd);
        refuse(t, prefix[0] ? prefix : ".", "this folder cannot be read");
        return;
    }
    rewinddir(d); /* a dup of an open folder shares its place: start at the top */
    struct dirent *e;
    while ((e = readdir(d))) {
        if (usb_tree_skipped(e->d_name, depth == 1)) {
            continue;
        }
        struct strbuf path;
        strbuf_init(&path);
        strbuf_addf(&path, "%s%s%s", prefix, prefix[0] ? "/" : "", e->d_name);
        struct stat st;
        if (!plain_name(e->d_name)) {
            refuse(t, strbuf_str(&path), "its name has characters the kiosk does not take");
        } else if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
            refuse(t, strbuf_str(&path), strerror(errno));
        } else if (S_ISLNK(st.st_mode)) {
            refuse(t, strbuf_str(&path), "it is a link to another file; put the file itself here");
        } else if (S_ISDIR(st.st_mode)) {
            if (depth >= USB_MAX_DEPTH) {
                refuse(t, strbuf_str(&path), "folders inside folders go only two deep here");
            } else {
                int sub = openat(dirfd, e->d_name,
                                 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
                if (sub < 0) {
                    refuse(t, strbuf_str(&path), strerror(errno));
                } else {
                    scan_folder(sub, strbuf_str(&path), depth + 1, t);
                }
            }
        } else if (!S_ISREG(st.st_mode)) {
            refuse(t, strbuf_str(&path), "it is not a file (a device, a pipe or a socket)");
        } else if ((uint64_t)st.st_size > USB_MAX_FILE_BYTES) {
            refuse(t, strbuf_str(&path),
                   "it is too large: a file may have at most 16 MB; make the picture smaller");
        } else if (t->n >= USB_MAX_FILES) {
            if (!t->too_many) {
                refuse(t, strbuf_str(&path),
                       "the kiosk folder holds too many files: at most 200 are taken, and this "
                       "is one more; remove the files kiosk.cfg does not name");
                t->too_many = true; /* said once */
            }
        } else if (t->total + (uint64_t)st.st_size > USB_MAX_TOTAL_BYTES) {
            refuse(t, strbuf_str(&path),
                   "the kiosk folder is too large: all its files together may have at most 64 "
                   "MB");
        } else {
            add_file(t, strbuf_str(&path), (uint64_t)st.st_size);
        }
        strbuf_finish(&path);
    }
    closedir(d);
}

bool usb_tree_scan(int dirfd, struct usb_tree *t)
{
    int fd = dup(dirfd);
    if (fd < 0) {
        refuse(t, ".", strerror(errno));
        return false;
    }
    scan_folder(fd, "", 1, t);
    return t->n_refused == 0;
}

const struct usb_file *usb_tree_find(const struct usb_tree *t, const char *name)
{
    for (size_t i = 0; i < t->n; i++) {
        if (strcasecmp(t->files[i].name, name) == 0) {
            return &t->files[i];
        }
    }
    return NULL;
}

/* Makes the folders of `name` (everything before its last '/') inside `dst`. */
bool usb_tree_make_parents(int dst, const char *name)
{
    char *path = xstrdup(name);
    bool ok = true;
    for (char *p = strchr(path, '/'); p && ok; p = strchr(p + 1, '/')) {
        *p = '\0';
        ok = mkdirat(dst, path, 0755) == 0 || errno == EEXIST;
        *p = '/';
    }
    free(path);
    return ok;
}

static bool copy_one(int src, const struct usb_file *f, int dst, struct strbuf *why)
{
    int in = openat(src, f->name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    struct stat st;
    if (in < 0 || fstat(in, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size != f->size) {
        strbuf_setf(why, "kiosk/%s could not be read again, or changed", f->name);
        if (in >= 0) {
            close(in);
        }
        return false;
    }
    if (!usb_tree_make_parents(dst, f->name)) {
        strbuf_setf(why, "cannot make the folder for %s: %s", f->name, strerror(errno));
        close(in);
        return false;
    }
    unlinkat(dst, f->name, 0);
    int out = openat(dst, f->name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (out < 0) {
        strbuf_setf(why, "cannot write %s: %s", f->name, strerror(errno));
        close(in);
        return false;
    }
    char buf[65536];
    uint64_t done = 0;
    bool ok = true;
    for (;;) {
        ssize_t n = read(in, buf, sizeof(buf));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            strbuf_setf(why, "cannot read kiosk/%s: %s (was the stick pulled out?)", f->name,
                        strerror(errno));
            ok = false;
            break;
        }
        if (n == 0) {
            break;
        }
        done += (uint64_t)n;
        if (done > f->size) {
            strbuf_setf(why, "kiosk/%s grew while it was copied", f->name);
            ok = false;
            break;
        }
        for (ssize_t w = 0; w < n;) {
            ssize_t k = write(out, buf + w, (size_t)(n - w));
            if (k < 0 && errno == EINTR) {
                continue;
            }
            if (k <= 0) {
                strbuf_setf(why, "cannot write %s: %s", f->name,
                            k < 0 ? strerror(errno) : "nothing written");
                ok = false;
                break;
            }
            w += k;
        }
        if (!ok) {
            break;
        }
    }
    if (ok && done != f->size) {
        strbuf_setf(why, "kiosk/%s was cut short while it was copied", f->name);
        ok = false;
    }
    if (ok && fsync(out) != 0) {
        strbuf_setf(why, "cannot write %s: %s (is the card full?)", f->name, strerror(errno));
        ok = false;
    }
    ok = close(out) == 0 && ok;
    close(in);
    if (!ok) {
        unlinkat(dst, f->name, 0);
    }
    return ok;
}

bool usb_tree_copy(int src, const struct usb_tree *t, int dst, struct strbuf *why)
{
    for (size_t i = 0; i < t->n; i++) {
        if (!copy_one(src, &t->files[i], dst, why)) {
            return false;
        }
    }
    usb_sync(dst, NULL);
    return true;
}

static bool remove_inside(int dirfd)
{
    DIR *d = fdopendir(dirfd);
    if (!d) {
        close(dirfd);
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        struct stat st;
        if (fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
            ok = usb_tree_remove(dirfd, e->d_name) && ok;
        } else {
            ok = unlinkat(dirfd, e->d_name, 0) == 0 && ok;
        }
    }
    closedir(d);
    return ok;
}

bool usb_tree_remove(int dirfd, const char *name)
{
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return errno == ENOENT;
    }
    bool ok = remove_inside(fd);
    return unlinkat(dirfd, name, AT_REMOVEDIR) == 0 && ok;
}

void usb_sync(int dirfd, const char *name)
{
    int fd = name ? openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) : dup(dirfd);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* file_replace.h: a small file replaced whole. */
#define _POSIX_C_SOURCE 200809L

#include "file_replace.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file_read.h"
#include "xalloc.h"

static void flush(int dirfd, const char *name, int flags)
{
    int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | flags);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

bool file_replace(int dirfd, const char *name, const char *data, size_t size, int mode)
{
    size_t n = strlen(name) + sizeof(".new");
    char *tmp = xrealloc(NULL, n);
    snprintf(tmp, n, "%s.new", name);
    unlinkat(dirfd, tmp, 0);
    int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    bool ok = fd >= 0;
    for (size_t done = 0; ok && done < size;) {
        ssize_t w = write(fd, data + done, size - done);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        ok = w > 0;
        done += ok ? (size_t)w : 0;
    }
    ok = ok && fsync(fd) == 0;
    if (fd >= 0) {
        ok = close(fd) == 0 && ok;
    }
    ok = ok && renameat(dirfd, tmp, dirfd, name) == 0;
    int saved = errno;
    if (ok) {
        flush(dirfd, name, O_NOFOLLOW);
        if (dirfd != AT_FDCWD) {
            flush(dirfd, ".", O_DIRECTORY);
        } else {
            char *folder = xstrdup(name);
            char *slash = strrchr(folder, '/');
            if (slash) {
                slash[slash == folder] = '\0';
            }
            flush(AT_FDCWD, slash ? folder : ".", O_DIRECTORY);
            free(folder);
        }
    } else {
        unlinkat(dirfd, tmp, 0);
        errno = saved;
    }
    free(tmp);
    return ok;
}

enum file_replace_result file_replace_changed(const char *path, const char *data, size_t size,
                                              size_t limit)
{
    struct file_bytes old = {0};
    int error = 0;
    bool same = file_read(path, limit, &old, &error) == FILE_READ_OK && old.size == size &&
                memcmp(old.data, data, size) == 0;
    free(old.data);
    if (same) {
        return FILE_REPLACE_SAME;
    }
    return file_replace(AT_FDCWD, path, data, size, 0644) ? FILE_REPLACE_WRITTEN
                                                          : FILE_REPLACE_FAILED;
}

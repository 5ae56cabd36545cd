/* file_read.h. The one core file that opens files itself: with O_NONBLOCK, which no ISO C call
 * can ask for, so it uses POSIX open() and read(). */
#define _POSIX_C_SOURCE 200809L

#include "file_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

static enum file_read_status judge(const struct stat *st)
{
    if (S_ISREG(st->st_mode)) {
        return FILE_READ_OK;
    }
    if (S_ISDIR(st->st_mode)) {
        return FILE_READ_FOLDER;
    }
    if (S_ISFIFO(st->st_mode)) {
        return FILE_READ_FIFO;
    }
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
        return FILE_READ_DEVICE;
    }
    if (S_ISSOCK(st->st_mode)) {
        return FILE_READ_SOCKET;
    }
    return FILE_READ_FAILED;
}

static enum file_read_status from_errno(int err)
{
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        return FILE_READ_MISSING;
    case EACCES:
    case EPERM:
        return FILE_READ_DENIED;
    case ENXIO: /* a socket, or a FIFO with no writer, opened non-blocking */
        return FILE_READ_SOCKET;
    default:
        return FILE_READ_FAILED;
    }
}

static enum file_read_status fail(enum file_read_status s, int err, int *error)
{
    if (error) {
        *error = err;
    }
    return s;
}

enum file_read_status file_read(const char *path, size_t limit, struct file_bytes *out, int *error)
{
    memset(out, 0, sizeof(*out));
    if (error) {
        *error = 0;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        return fail(from_errno(errno), errno, error);
    }
    enum file_read_status kind = judge(&st);
    if (kind != FILE_READ_OK) {
        return fail(kind, 0, error);
    }
    if ((unsigned long long)st.st_size > limit) {
        return fail(FILE_READ_TOO_LARGE, 0, error);
    }
    /* Non-blocking, in case a FIFO took the file's place since stat(); a regular file reads
     * the same either way. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return fail(from_errno(errno), errno, error);
    }
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        return fail(FILE_READ_FAILED, err, error);
    }
    kind = judge(&st);
    if (kind != FILE_READ_OK) {
        close(fd);
        return fail(kind, 0, error);
    }
    /* Read to the end rather than trust st_size: the file may be growing. */
    size_t cap = (size_t)st.st_size < limit ? (size_t)st.st_size + 1 : limit + 1;
    if (cap < 4096) {
        cap = 4096;
    }
    char *data = xrealloc(NULL, cap + 1);
    size_t size = 0;
    for (;;) {
        if (size == cap) {
            if (cap > limit) {
                break;
            }
            cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            data = xrealloc(data, cap + 1);
        }
        ssize_t got = read(fd, data + size, cap - size);
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            int err = errno;
            close(fd);
            free(data);
            return fail(FILE_READ_FAILED, err, error);
        }
        if (got == 0) {
            break;
        }
        size += (size_t)got;
    }
    close(fd);
    if (size > limit) {
        free(data);
        return fail(FILE_READ_TOO_LARGE, 0, error);
    }
    data[size] = '\0';
    out->data = data;
    out->size = size;
    return FILE_READ_OK;
}

const char *file_read_kind(enum file_read_status status)
{
    switch (status) {
    case FILE_READ_FOLDER:
        return "a folder";
    case FILE_READ_FIFO:
        return "a named pipe (FIFO)";
    case FILE_READ_DEVICE:
        return "a device";
    case FILE_READ_SOCKET:
        return "a socket";
    default:
        return NULL;
    }
}

const char *file_read_reason(enum file_read_status status, int error)
{
    switch (status) {
    case FILE_READ_OK:
        return "can be read";
    case FILE_READ_MISSING:
        return "was not found";
    case FILE_READ_DENIED:
        return "may not be read by the kiosk (permission denied)";
    case FILE_READ_FOLDER:
        return "is a folder, not a file";
    case FILE_READ_FIFO:
        return "is a named pipe (FIFO), not a file";
    case FILE_READ_DEVICE:
        return "is a device, not a file";
    case FILE_READ_SOCKET:
        return "is a socket, not a file";
    case FILE_READ_TOO_LARGE:
        return "is too large";
    case FILE_READ_FAILED:
        break;
    }
    return error ? strerror(error) : "is not a plain file";
}

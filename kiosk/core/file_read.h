/* Reading a file the config names (the config itself, a picture, a font) into memory. Only a
 * regular file is read, and opening it never blocks: a FIFO, a device or a socket put where a
 * file should be, by mistake or on purpose, is refused at once instead of holding the kiosk
 * in open() or read() for ever. The type is looked at before opening (opening some devices
 * does something) and again on what was opened (the name may have changed in between). The
 * whole file is read, up to a limit, so nothing needs it on disk afterwards. */
#ifndef KIOSK_FILE_READ_H
#define KIOSK_FILE_READ_H

#include <stddef.h>

/* The largest font file read: a whole CJK collection is about 20 MB. */
#define FONT_MAX_BYTES (32 * 1024 * 1024)

enum file_read_status {
    FILE_READ_OK,
    FILE_READ_MISSING,   /* no such file or folder */
    FILE_READ_DENIED,    /* not allowed to read it */
    FILE_READ_FOLDER,    /* a folder, not a file */
    FILE_READ_FIFO,      /* a named pipe */
    FILE_READ_DEVICE,    /* a character or block device */
    FILE_READ_SOCKET,    /* a socket */
    FILE_READ_TOO_LARGE, /* more bytes than the caller's limit */
    FILE_READ_FAILED,    /* any other error; `error` says which */
};

struct file_bytes {
    char *data; /* followed by a '\0' that is not counted in size */
    size_t size;
};

/* Reads the regular file at `path`, at most `limit` bytes, into `out` (free out->data). On any
 * other result `out` is zeroed and *error (may be NULL) holds the errno behind it, or 0. */
enum file_read_status file_read(const char *path, size_t limit, struct file_bytes *out, int *error);
/* What the path is instead of a file, for FILE_READ_FOLDER, _FIFO, _DEVICE and _SOCKET: "a
 * folder", "a named pipe (FIFO)"...; NULL for the other results. */
const char *file_read_kind(enum file_read_status status);
/* What went wrong, in a few plain words that follow the file's name: "is a named pipe (FIFO),
 * not a file". `error` is the errno file_read gave. */
const char *file_read_reason(enum file_read_status status, int error);

#endif

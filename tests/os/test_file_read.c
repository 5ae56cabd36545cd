/* file_read against the things that can stand where a file should: a FIFO (which would block
 * open() and read() for ever), a device, a socket, a folder, a file past the limit, a missing
 * one. Each is refused at once and named; a regular file is read whole. An alarm fails the
 * test instead of letting a blocking open hang it. */
#define _POSIX_C_SOURCE 200809L

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"
#include "file_read.h"

static char root[] = "/tmp/kiosk-file-read-XXXXXX";

static const char *at(const char *name)
{
    static char path[256];
    snprintf(path, sizeof(path), "%s/%s", root, name);
    return path;
}

static enum file_read_status read_status(const char *path, size_t limit)
{
    struct file_bytes b;
    enum file_read_status s = file_read(path, limit, &b, NULL);
    CHECK(s == FILE_READ_OK || (b.data == NULL && b.size == 0));
    free(b.data);
    return s;
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "test_file_read: file_read blocked for 10 s\n";
    ssize_t w = write(2, msg, sizeof(msg) - 1);
    (void)w;
    _exit(1);
}

int main(void)
{
    signal(SIGALRM, on_alarm);
    alarm(10);
    CHECK(mkdtemp(root) != NULL);

    FILE *f = fopen(at("kiosk.cfg"), "wb");
    CHECK(f != NULL);
    fputs("topics = ();\n", f);
    fclose(f);
    struct file_bytes b;
    CHECK_INT(file_read(at("kiosk.cfg"), 1024, &b, NULL), FILE_READ_OK);
    CHECK_INT(b.size, 13);
    CHECK(b.data && strcmp(b.data, "topics = ();\n") == 0); /* and NUL-terminated */
    free(b.data);
    CHECK_INT(read_status(at("kiosk.cfg"), 13), FILE_READ_OK);        /* exactly the limit */
    CHECK_INT(read_status(at("kiosk.cfg"), 12), FILE_READ_TOO_LARGE); /* one byte over */
    CHECK_INT(read_status(at("empty"), 10), FILE_READ_MISSING);
    f = fopen(at("empty"), "wb");
    fclose(f);
    CHECK_INT(file_read(at("empty"), 10, &b, NULL), FILE_READ_OK);
    CHECK_INT(b.size, 0);
    CHECK(b.data && b.data[0] == '\0');
    free(b.data);

    CHECK(mkfifo(at("pipe.png"), 0644) == 0);
    CHECK_INT(read_status(at("pipe.png"), 1024), FILE_READ_FIFO);
    CHECK_INT(read_status(at("."), 1024), FILE_READ_FOLDER);
    CHECK_INT(read_status("/dev/null", 1024), FILE_READ_DEVICE);
    CHECK_INT(read_status("/dev/zero", 1024), FILE_READ_DEVICE);

    int sock = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof(addr));
    addr.sun_family = AF_UNIX;
    const char *sock_path = at("socket.cfg");
    CHECK(strlen(sock_path) < sizeof(addr.sun_path));
    memcpy(addr.sun_path, sock_path, strlen(sock_path) + 1);
    CHECK(sock >= 0 && bind(sock, (struct sockaddr *)&addr, sizeof(addr)) == 0);
    CHECK_INT(read_status(at("socket.cfg"), 1024), FILE_READ_SOCKET);
    close(sock);

    /* A symlink to a FIFO is judged by what it points to. */
    char target[256];
    snprintf(target, sizeof(target), "%s", at("pipe.png"));
    CHECK(symlink(target, at("link.png")) == 0);
    CHECK_INT(read_status(at("link.png"), 1024), FILE_READ_FIFO);

    if (geteuid() != 0) { /* root reads anything */
        CHECK(chmod(at("kiosk.cfg"), 0) == 0);
        CHECK_INT(read_status(at("kiosk.cfg"), 1024), FILE_READ_DENIED);
    }
    CHECK_STR(file_read_kind(FILE_READ_FIFO), "a named pipe (FIFO)");
    CHECK(file_read_kind(FILE_READ_OK) == NULL);

    const char *names[] = {"kiosk.cfg", "empty", "pipe.png", "socket.cfg", "link.png"};
    for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
        unlink(at(names[i]));
    }
    rmdir(root);
    return check_summary("test_file_read");
}

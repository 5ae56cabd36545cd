/* xwatch: watches an X screen from outside, the same way for every program measured, and says
 * when it was fully drawn: the time of the last change before the screen stayed still for a
 * settling time. It grabs the root window through MIT-SHM (a few milliseconds at 1280x800,
 * several times faster than xwd) and hashes it; it taps with XTest, so the time starts at the
 * tap itself rather than at a helper program's start.
 *
 *   xwatch launch LOG SETTLE_MS TIMEOUT_MS -- PROGRAM ARGS...
 *       starts PROGRAM (output to LOG) in a session of its own, prints "drawn_ms N pid P" and
 *       leaves it running
 *   xwatch tap X Y SETTLE_MS TIMEOUT_MS
 *       taps at (X, Y), prints "drawn_ms N"
 *   xwatch turns FILE SETTLE_MS TIMEOUT_MS
 *       taps at each "X Y ..." line of FILE in turn, each once the screen has settled from the
 *       last; prints "turns N failed F median_ms M wall_ms W" (M: tap to drawn, per turn)
 *
 * Exit status 1 when the screen never changed (or never settled) within TIMEOUT_MS. */
#define _POSIX_C_SOURCE 200809L

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/XTest.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <time.h>
#include <unistd.h>

struct screen {
    Display *dpy;
    Window root;
    XImage *image;
    XShmSegmentInfo shm;
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void pause_ms(double ms)
{
    struct timespec t = {(time_t)(ms / 1000), (long)((ms - (time_t)(ms / 1000) * 1000) * 1e6)};
    nanosleep(&t, NULL);
}

static int open_screen(struct screen *s)
{
    s->dpy = XOpenDisplay(NULL);
    if (!s->dpy || !XShmQueryExtension(s->dpy)) {
        fprintf(stderr, "xwatch: cannot open the display with MIT-SHM\n");
        return 0;
    }
    /* The launched program must not inherit the connection. */
    fcntl(ConnectionNumber(s->dpy), F_SETFD, FD_CLOEXEC);
    int n = DefaultScreen(s->dpy);
    s->root = RootWindow(s->dpy, n);
    s->image = XShmCreateImage(s->dpy, DefaultVisual(s->dpy, n), DefaultDepth(s->dpy, n), ZPixmap,
                               NULL, &s->shm, DisplayWidth(s->dpy, n), DisplayHeight(s->dpy, n));
    s->shm.shmid =
        shmget(IPC_PRIVATE, (size_t)s->image->bytes_per_line * s->image->height, IPC_CREAT | 0600);
    s->shm.shmaddr = s->image->data = shmat(s->shm.shmid, NULL, 0);
    s->shm.readOnly = False;
    XShmAttach(s->dpy, &s->shm);
    XSync(s->dpy, False);
    shmctl(s->shm.shmid, IPC_RMID, NULL); /* freed when both sides detach */
    return 1;
}

/* A hash of the whole screen as it is now. */
static uint64_t grab(struct screen *s)
{
    XShmGetImage(s->dpy, s->root, s->image, 0, 0, AllPlanes);
    const uint64_t *p = (const uint64_t *)(const void *)s->image->data;
    size_t n = (size_t)s->image->bytes_per_line * s->image->height / 8;
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ p[i]) * 1099511628211u;
    }
    return h;
}

/* Watches from `start` until the screen has differed from `before` and then stayed the same
 * for `settle` ms. Returns the ms from `start` to the last change, or -1 on timeout. */
static double watch(struct screen *s, uint64_t before, double start, double settle, double timeout)
{
    uint64_t last = before;
    double changed = -1;
    for (;;) {
        uint64_t h = grab(s);
        double t = now_ms();
        if (h != last) {
            last = h;
            changed = t;
        }
        if (changed >= 0 && t - changed >= settle) {
            return changed - start;
        }
        if (t - start > timeout) {
            return -1;
        }
        pause_ms(1); /* leave the cores to the program being measured */
    }
}

static void tap(struct screen *s, int x, int y)
{
    XTestFakeMotionEvent(s->dpy, -1, x, y, CurrentTime);
    XTestFakeButtonEvent(s->dpy, 1, True, CurrentTime);
    XTestFakeButtonEvent(s->dpy, 1, False, CurrentTime);
    XFlush(s->dpy);
}

static int launch(struct screen *s, char **argv)
{
    const char *log = argv[2];
    double settle = atof(argv[3]), timeout = atof(argv[4]);
    char **program = argv + 6;
    uint64_t before = grab(s);
    double start = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        /* Its own session: every process it starts, even ones that leave the tree (Chromium's
         * crash handler), can then be found and counted by session id. */
        setsid();
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        execvp(program[0], program);
        perror("xwatch: exec");
        _exit(127);
    }
    double drawn = watch(s, before, start, settle, timeout);
    printf("drawn_ms %.1f pid %d\n", drawn, (int)pid);
    return drawn < 0;
}

static int tap_once(struct screen *s, char **argv)
{
    int x = atoi(argv[2]), y = atoi(argv[3]);
    double settle = atof(argv[4]), timeout = atof(argv[5]);
    uint64_t before = grab(s);
    double start = now_ms();
    tap(s, x, y);
    double drawn = watch(s, before, start, settle, timeout);
    printf("drawn_ms %.1f\n", drawn);
    return drawn < 0;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int turns(struct screen *s, char **argv)
{
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        perror(argv[2]);
        return 2;
    }
    double settle = atof(argv[3]), timeout = atof(argv[4]);
    int n = 0, failed = 0, x, y;
    double drawn[1000];
    char line[512];
    double start = now_ms();
    while (n < 1000 && fgets(line, sizeof(line), f)) {
        if (sscanf(line, "%d %d", &x, &y) != 2) {
            continue;
        }
        uint64_t before = grab(s);
        double t = now_ms();
        tap(s, x, y);
        drawn[n] = watch(s, before, t, settle, timeout);
        failed += drawn[n] < 0;
        n++;
    }
    fclose(f);
    qsort(drawn, (size_t)n, sizeof(*drawn), compare_double);
    printf("turns %d failed %d median_ms %.1f wall_ms %.0f\n", n, failed, n ? drawn[n / 2] : -1,
           now_ms() - start);
    return failed > 0;
}

int main(int argc, char **argv)
{
    struct screen s;
    memset(&s, 0, sizeof(s));
    int is_launch = argc >= 7 && strcmp(argv[1], "launch") == 0 && strcmp(argv[5], "--") == 0;
    int is_tap = argc == 6 && strcmp(argv[1], "tap") == 0;
    int is_turns = argc == 5 && strcmp(argv[1], "turns") == 0;
    if (!is_launch && !is_tap && !is_turns) {
        fprintf(stderr, "usage: xwatch launch LOG SETTLE_MS TIMEOUT_MS -- PROGRAM [ARGS...]\n"
                        "       xwatch tap X Y SETTLE_MS TIMEOUT_MS\n"
                        "       xwatch turns FILE SETTLE_MS TIMEOUT_MS\n");
        return 2;
    }
    if (!open_screen(&s)) {
        return 2;
    }
    int status = is_launch ? launch(&s, argv) : is_tap ? tap_once(&s, argv) : turns(&s, argv);
    fflush(stdout);
    XShmDetach(s.dpy, &s.shm);
    shmdt(s.shm.shmaddr);
    XCloseDisplay(s.dpy);
    return status;
}

#define _POSIX_C_SOURCE 200809L

#include "signals.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

static volatile sig_atomic_t hup_fd = -1;

void signals_ignore_stray(void)
{
    static const int stray[] = {SIGHUP, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE};
    struct sigaction ignore;
    memset(&ignore, 0, sizeof(ignore));
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    for (size_t i = 0; i < ARRAY_LEN(stray); i++) {
        if (sigaction(stray[i], &ignore, NULL) != 0) {
            log_warn("cannot ignore signal %d (%s); it would stop the kiosk", stray[i],
                     strerror(errno));
        }
    }
}

/* Only write() here: it is safe in a signal handler, and a full pipe means a reload is asked
 * for already. */
static void on_hup(int sig)
{
    (void)sig;
    int saved = errno;
    if (hup_fd >= 0) {
        ssize_t w = write(hup_fd, "h", 1);
        (void)w;
    }
    errno = saved;
}

static int hup_pipe[2] = {-1, -1};

static bool set_hup(void (*handler)(int))
{
    struct sigaction act;
    memset(&act, 0, sizeof(act));
    act.sa_handler = handler;
    act.sa_flags = SA_RESTART;
    sigemptyset(&act.sa_mask);
    return sigaction(SIGHUP, &act, NULL) == 0;
}

int signals_watch_hup(void)
{
    if (pipe(hup_pipe) != 0) {
        log_warn("cannot take SIGHUP as \"read the config again\" (%s); it is ignored",
                 strerror(errno));
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(hup_pipe[i], F_SETFL, O_NONBLOCK);
        fcntl(hup_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    hup_fd = hup_pipe[1];
    if (!set_hup(on_hup)) {
        log_warn("cannot take SIGHUP as \"read the config again\" (%s); it is ignored",
                 strerror(errno));
        signals_unwatch_hup();
        return -1;
    }
    return hup_pipe[0];
}

bool signals_drain(int fd)
{
    char buf[64];
    bool any = false;
    while (read(fd, buf, sizeof(buf)) > 0) {
        any = true;
    }
    return any;
}

void signals_unwatch_hup(void)
{
    set_hup(SIG_IGN);
    hup_fd = -1;
    for (int i = 0; i < 2; i++) {
        if (hup_pipe[i] >= 0) {
            close(hup_pipe[i]);
            hup_pipe[i] = -1;
        }
    }
}

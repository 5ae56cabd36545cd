#define _POSIX_C_SOURCE 200809L

#include "signals.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

#include "log.h"
#include "util.h"

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

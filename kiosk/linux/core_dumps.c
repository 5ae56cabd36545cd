#define _POSIX_C_SOURCE 200809L

#include "core_dumps.h"

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "log.h"

bool core_dumps_forbid(void)
{
    bool ok = true;
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0) {
        log_warn("cannot switch core dumps off (%s)", strerror(errno));
        ok = false;
    }
    /* Not dumpable: no core even through a core_pattern pipe, which ignores the limit. */
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        log_warn("cannot mark the kiosk not dumpable (%s)", strerror(errno));
        ok = false;
    }
    return ok;
}

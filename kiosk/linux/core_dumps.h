/* A core dump is the process's memory written to disk: the page a visitor was reading, the
 * text drawn for it, the staff PIN. The live kiosk forbids them for itself, whatever the
 * system's settings (systemd-coredump, a core_pattern pipe, `ulimit -c unlimited`): its core
 * size limit is 0 and the kernel marks it not dumpable, which also keeps other processes of
 * the same user from reading its memory through /proc. The service says LimitCORE=0 too. */
#ifndef KIOSK_CORE_DUMPS_H
#define KIOSK_CORE_DUMPS_H

#include <stdbool.h>

/* False (logged) when either could not be set. */
bool core_dumps_forbid(void);

#endif

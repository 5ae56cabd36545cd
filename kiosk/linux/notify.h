/* Telling systemd how the kiosk is doing (sd_notify's protocol, spoken directly so the kiosk
 * needs no libsystemd): READY=1 once the first screen is up, and WATCHDOG=1 from the main loop,
 * so a hung kiosk is killed and restarted. Without $NOTIFY_SOCKET every call does nothing. */
#ifndef KIOSK_NOTIFY_H
#define KIOSK_NOTIFY_H

#include <stdbool.h>
#include <stdint.h>

/* Sends one state line such as "READY=1"; false when there is nobody to tell. */
bool notify_send(const char *state);
/* How often the loop must report in, in ms (half systemd's WatchdogSec), or 0 for never. */
uint64_t notify_watchdog_interval(void);

#endif

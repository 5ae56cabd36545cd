/* Noticing the wall clock being set: by the RTC or fake-hwclock late in boot, by NTP when a
 * network appears, by staff with `date`. Opening hours are counted in wall-clock minutes, so
 * the loop must look at them again at once, not at a deadline worked out on the old time.
 * A timerfd armed with TFD_TIMER_CANCEL_ON_SET becomes readable the moment that happens. */
#ifndef KIOSK_CLOCK_WATCH_H
#define KIOSK_CLOCK_WATCH_H

#include <stdbool.h>

/* A descriptor to poll for the clock being set, or -1 (logged) when the kernel cannot say. */
int clock_watch_open(void);
/* After poll said `fd` is readable (never blocks): true when the clock was set; it is armed
 * again for the next time. */
bool clock_watch_fired(int fd);
void clock_watch_close(int fd);

#endif

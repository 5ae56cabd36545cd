/* kiosk-store --watch: copies (store_copy.h) at start and again after every change the kiosk
 * makes to its state folder, for as long as it runs. It watches with inotify itself rather than
 * leaving it to a systemd path unit, which stops watching while the service it started runs and
 * would miss a last-good.cfg written during a copy: the one written at the first frame of a
 * boot, right after its CHECK.txt. A folder that is removed or not made yet is waited for
 * (its parent is watched), and every few minutes it copies anyway, in case an event was lost. */
#ifndef KIOSK_STORE_WATCH_H
#define KIOSK_STORE_WATCH_H

/* Never returns but on an error that makes watching impossible (then 1). */
int store_watch(const char *state, const char *config);

#endif

/* Signals that would end the kiosk mid-visit for no reason of its own. By default SIGHUP,
 * SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE (a log reader that went away, outside systemd) each
 * terminate a process: the visitor's page would vanish and systemd would restart the kiosk.
 * The live kiosk ignores the last four, and takes SIGHUP as daemons do: read the config again
 * (`systemctl reload kiosk`). SIGTERM and SIGINT still stop it cleanly (input_wait.h); SIGKILL
 * and SIGSTOP cannot be caught, and the watchdog handles a stopped kiosk. */
#ifndef KIOSK_SIGNALS_H
#define KIOSK_SIGNALS_H

#include <stdbool.h>

/* Ignores all five; logs any that cannot be ignored. */
void signals_ignore_stray(void);
/* From now on each SIGHUP puts a byte on a pipe: returns its read end, for the caller to poll
 * and drain (signals_drain), or -1 (logged) when SIGHUP stays ignored. */
int signals_watch_hup(void);
/* Reads everything waiting on that pipe (never blocks); true when a SIGHUP came. */
bool signals_drain(int fd);
/* Ignores SIGHUP again and closes the pipe. */
void signals_unwatch_hup(void);

#endif

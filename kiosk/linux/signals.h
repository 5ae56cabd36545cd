/* Signals that would end the kiosk mid-visit for no reason of its own. By default SIGHUP (a
 * closed terminal, or an admin's habit of "reload"), SIGUSR1, SIGUSR2, SIGALRM and SIGPIPE (a
 * log reader that went away, outside systemd) each terminate a process: the visitor's page
 * would vanish and systemd would restart the kiosk. The live kiosk ignores them. SIGTERM and
 * SIGINT still stop it cleanly (input_wait.h); SIGKILL and SIGSTOP cannot be caught, and the
 * watchdog handles a stopped kiosk. */
#ifndef KIOSK_SIGNALS_H
#define KIOSK_SIGNALS_H

/* Ignores the signals above; logs any that cannot be ignored. */
void signals_ignore_stray(void);

#endif

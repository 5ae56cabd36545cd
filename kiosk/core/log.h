/* Logging for the app: one line per event on stderr, which systemd puts in the journal.
 * Visitor privacy: nothing logged at the default level names a page a visitor opened. */
#ifndef KIOSK_LOG_H
#define KIOSK_LOG_H

#include <stdio.h>

#define log_error(...)                                                                             \
    (fputs("kiosk: error: ", stderr), fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))
#define log_warn(...)                                                                              \
    (fputs("kiosk: warning: ", stderr), fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))
#define log_info(...) (fputs("kiosk: ", stderr), fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))

#endif

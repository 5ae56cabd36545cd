/* One pass of kiosk-store: the kiosk's state folder's last-good.cfg into the slots of
 * last-good/ beside the staff's file (last_good_store.h), and its CHECK.txt beside that file
 * when what it says has changed. The state folder is the unprivileged kiosk's, so what is in
 * it is not trusted: only regular files with a single name, owned by the folder's owner, of
 * bounded size, opened without following links, and never parsed. */
#ifndef KIOSK_STORE_COPY_H
#define KIOSK_STORE_COPY_H

#include <stdbool.h>
#include <stdio.h>

#define say(...) (fputs("kiosk-store: ", stderr), fprintf(stderr, __VA_ARGS__), fputc('\n', stderr))

/* Copies what changed; false (each problem said on stderr) if anything was refused or failed.
 * A state folder that does not exist yet is not a failure: there is nothing to copy. */
bool store_copy(const char *state, const char *config);

#endif

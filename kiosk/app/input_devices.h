/* At start on the bare display (KMSDRM) the kiosk reads /dev/input itself; if the service user
 * cannot open any touch or pointer device there, SDL fails silently and the kiosk would sit
 * there deaf. This finds out, so the kiosk can say so on screen and in the journal. */
#ifndef KIOSK_INPUT_DEVICES_H
#define KIOSK_INPUT_DEVICES_H

#include <stddef.h>

/* Counts the devices under `dir` (normally "/dev/input") that can be opened and report touch
 * or pointer movement. When none can, writes the reason into `why`. */
int input_devices_count(const char *dir, char *why, size_t why_size);

#endif

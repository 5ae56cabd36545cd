/* Reading and writing the two slots of the last good content (core/last_good_slot.h) in their
 * folder beside the staff's file. The kiosk reads them at boot when its state folder has no
 * last good copy (a read-only root keeps that folder in RAM); kiosk-store, the small privileged
 * helper, writes them, since the kiosk itself may not write the card. */
#ifndef KIOSK_LAST_GOOD_STORE_H
#define KIOSK_LAST_GOOD_STORE_H

#include <stdbool.h>
#include <stddef.h>

/* The slots' folder for the staff's file `config_path`: "<its folder>/last-good". Free it. */
char *last_good_store_folder(const char *config_path);

/* The content of the newest whole slot in `folder` (free it; NUL-terminated, *size bytes), or
 * NULL when there is none. *slot (may be NULL) is set to its file's name. */
char *last_good_store_read(const char *folder, size_t *size, const char **slot);

enum last_good_store_result {
    LAST_GOOD_STORE_SAME,    /* the newest whole slot holds these bytes already */
    LAST_GOOD_STORE_WRITTEN, /* written to the other slot and read back whole */
    LAST_GOOD_STORE_FAILED,  /* logged; the slot that was the newest is untouched */
};
/* Keeps `body` in `folder` (made if missing): in place, in the slot that is not the newest
 * whole one, flushed to the card before it returns. */
enum last_good_store_result last_good_store_write(const char *folder, const char *body,
                                                  size_t size);

#endif

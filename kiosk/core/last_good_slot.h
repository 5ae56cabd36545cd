/* The last good content kept where it outlives a reboot: two copies ("slots") beside the staff's
 * file on the card's FAT partition, because under the read-only root the kiosk's own state
 * folder is in RAM. FAT has no atomic rename a pulled plug cannot tear, so nothing is renamed:
 * each write goes, in place, to the slot that is not the newest whole one, and each slot starts
 * with a line that gives its number, its length and a CRC-32 of those and the rest. A slot cut
 * short or half overwritten fails that check and the other, untouched, slot is used; the newest
 * slot that passes wins. The line is a # note, so a slot is also a config staff can copy back.
 * Pure: the caller reads and writes the files (kiosk/linux/last_good_store.c). */
#ifndef KIOSK_LAST_GOOD_SLOT_H
#define KIOSK_LAST_GOOD_SLOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* The folder beside the staff's file, and the two slots in it. */
#define LAST_GOOD_FOLDER "last-good"
#define LAST_GOOD_SLOTS 2
extern const char *const last_good_slot_names[LAST_GOOD_SLOTS];

/* The CRC-32 (the one of zip and PNG) of `size` bytes. */
uint32_t last_good_crc32(const void *data, size_t size);

/* Writes slot number `number` holding `body` into `out`, replacing what it held. */
void last_good_slot_format(struct strbuf *out, uint64_t number, const char *body, size_t size);

/* A slot as read back: whole (its line is there and its body has the length and CRC the line
 * gives) or not. */
struct last_good_slot {
    bool whole;
    uint64_t number;
    size_t body_offset, body_size; /* the content, within the bytes read */
};
struct last_good_slot last_good_slot_parse(const char *data, size_t size);

/* The newest whole slot, or -1 when none is whole. */
int last_good_slot_newest(const struct last_good_slot slots[LAST_GOOD_SLOTS]);
/* The slot to write next: any slot that is not the newest whole one (so that one stays). */
int last_good_slot_to_write(const struct last_good_slot slots[LAST_GOOD_SLOTS]);

#endif

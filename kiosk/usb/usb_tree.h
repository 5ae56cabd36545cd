/* The files of a content folder (a stick's kiosk folder, the staff's folder on the card): listed
 * under limits and copied from one folder to another. What a stick holds is not trusted: only
 * regular files and folders are taken, never followed through a link, opened without blocking,
 * and bounded in number, size and depth. Anything else is refused by name, so the receipt can
 * say which file to remove. Files the kiosk writes itself beside the staff's file (CHECK.txt,
 * last-good/, ...) and hidden files (a Mac's ._ and .DS_Store) are not content and are skipped. */
#ifndef KIOSK_USB_TREE_H
#define KIOSK_USB_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"
#include "usb_receipt.h"

#define USB_MAX_FILES 200
#define USB_MAX_FILE_BYTES (16u * 1024u * 1024u)
#define USB_MAX_TOTAL_BYTES (64u * 1024u * 1024u)
#define USB_MAX_DEPTH 3 /* kiosk/pictures/people/a.png: two folders inside the kiosk folder */

#define USB_READY_NAME "READY" /* in the stage folder: everything in it is whole and checked */

struct usb_file {
    char *name; /* relative to the folder, with '/' between folders */
    uint64_t size;
};

struct usb_tree {
    struct usb_file *files;
    size_t n, cap;
    uint64_t total;
    struct strbuf refused; /* one numbered paragraph (CRLF) per refused file */
    size_t n_refused;
    bool too_many; /* more files than USB_MAX_FILES: said once */
};

void usb_tree_init(struct usb_tree *t);
void usb_tree_free(struct usb_tree *t);
/* Whether `name`, in the top of a content folder, is not content (see above). */
bool usb_tree_skipped(const char *name, bool top);
/* Lists the content of the folder open as `dirfd`; false when anything was refused (each in
 * t->refused) or the folder could not be read. */
bool usb_tree_scan(int dirfd, struct usb_tree *t);
/* The file of `t` named `name` (compared without regard to case: FAT does not), or NULL. */
const struct usb_file *usb_tree_find(const struct usb_tree *t, const char *name);
/* Makes the folders of `name` (everything before its last '/') inside the folder `dst`. */
bool usb_tree_make_parents(int dst, const char *name);
/* Copies every file of `t` from the folder `src` into the folder `dst` (made, with the folders
 * inside it, as needed), each flushed to the disk; a file that changes size while it is
 * read is a failure. False with the reason in `why`. */
bool usb_tree_copy(int src, const struct usb_tree *t, int dst, struct strbuf *why);
/* Removes the folder `name` in `dirfd` and all that is in it (an absent one is fine). */
bool usb_tree_remove(int dirfd, const char *name);
/* Flushes the file or folder `name` in `dirfd` (NULL: `dirfd` itself) to the disk. */
void usb_sync(int dirfd, const char *name);

#endif

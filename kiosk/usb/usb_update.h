/* What a USB stick does to the staff's folder on the card (the folder of the kiosk's file). A
 * stick's content is copied whole into a hidden stage folder beside the file, checked there by
 * the kiosk's own checker in a child process running as the unprivileged kiosk user, and only
 * if it checks OK: the content on the card is copied to before-usb-update/ (staff mode can go
 * back to it), a READY mark is written in the stage folder, and the staged files are renamed
 * into place, the kiosk's file last. A pulled plug before READY leaves the card as it was (the
 * stage folder is cleared next time); after it, usb_finish completes the renames at the next
 * boot. The running kiosk sees the new file as any edit and shows it when the visit ends. */
#ifndef KIOSK_USB_UPDATE_H
#define KIOSK_USB_UPDATE_H

#include <stdbool.h>

#include "strbuf.h"
#include "usb_receipt.h"

struct usb_card {
    int fd;                  /* the staff's folder, open */
    const char *folder;      /* its path */
    const char *config_name; /* the kiosk's file in it, e.g. "kiosk.cfg" */
    const char *user;        /* the user the check runs as (NULL: this process's own) */
    /* The kiosk's translation ledger (translation_history.h), so the check names translations
     * made before their original changed; NULL or missing: the card's file is compared. */
    const char *ledger;
};

/* What an update did, for the receipt: the caller owns and frees the strings. */
struct usb_result {
    enum usb_outcome outcome;
    char *version, *previous;
    size_t files;
    struct strbuf findings; /* the check's findings, the refused files, or why it failed */
};

void usb_result_init(struct usb_result *r);
void usb_result_free(struct usb_result *r);
/* The receipt for `r`, dated now, into `out`. */
void usb_result_receipt(const struct usb_result *r, const char *kiosk_version, struct strbuf *out);

/* Completes a switch a power cut cut short (the stage folder has READY), or clears a stage
 * folder left unfinished. False, with the reason said on standard error, if it could not. */
bool usb_finish(const struct usb_card *card);
/* Installs the content in the stick's kiosk folder (open as `stick`), if it checks OK. */
void usb_install(const struct usb_card *card, int stick, struct usb_result *out);
/* Waits until no other helper works on the card's folder (two sticks, or a stick and staff
 * mode's "Go back"), then holds it until card->fd is closed. */
void usb_card_lock(const struct usb_card *card);
/* Puts back the content kept in before-usb-update/ (staff mode's "Go back"): staged, marked
 * READY and moved into place like a stick's, so a pulled plug cannot leave half of it, and
 * writes the receipt beside the file. The kept copy stays, so asking twice does no more than
 * asking once. Whether it went back and the receipt says so. */
bool usb_go_back(const struct usb_card *card, const char *kiosk_version);
/* Copies the content on the card into the stick's new kiosk folder, `stick_top` being the top
 * of the stick. */
void usb_export(const struct usb_card *card, int stick_top, struct usb_result *out);

#endif

/* kiosk-receipt.txt: what a USB stick update did, written on the stick (and beside the staff's
 * file on the card) as plain text staff open on their laptop (CRLF line ends, for Notepad). It
 * says when, whether the content was installed, its version, and each mistake with its line
 * and what to write instead, or why the stick's files were refused. Pure: the caller gives the
 * time and the findings and writes the file. */
#ifndef KIOSK_USB_RECEIPT_H
#define KIOSK_USB_RECEIPT_H

#include <stddef.h>

#include "strbuf.h"

#define USB_RECEIPT_NAME "kiosk-receipt.txt"
/* Beside the staff's file: the content the last stick replaced (staff mode goes back to it),
 * and where a stick's content waits, whole, until it is moved into place. */
#define USB_BEFORE_FOLDER "before-usb-update"
#define USB_STAGE_FOLDER ".usb-update"

enum usb_outcome {
    USB_INSTALLED,   /* the stick's content checked OK and is now the kiosk's */
    USB_SAME,        /* the stick's content is what the kiosk already has: nothing changed */
    USB_NOT_CHECKED, /* the stick's files were refused before any check: nothing changed */
    USB_HAS_ERRORS,  /* the stick's kiosk.cfg has mistakes: nothing changed */
    USB_EXPORTED,  /* the stick had no kiosk folder: a copy of the kiosk's content was put on it */
    USB_FAILED,    /* the kiosk could not finish (a full card, a stick pulled out): nothing
                      changed */
    USB_WENT_BACK, /* staff mode put back the content from before the last stick */
};

struct usb_receipt {
    enum usb_outcome outcome;
    const char *when;          /* local time, "2026-12-02 09:30" */
    const char *version;       /* the `version` of the content installed or copied, or NULL */
    const char *previous;      /* the `version` of the content it replaced, or NULL */
    size_t files;              /* files installed or copied, kiosk.cfg included */
    const char *findings;      /* check_report_findings' text, or the list of refused files */
    const char *kiosk_version; /* the program's */
};

/* The name of the request the kiosk leaves in its state folder when staff press "Go back" in
 * staff mode; kiosk-store carries it out (usb_go_back) and writes the receipt beside the file. */
#define USB_GO_BACK_REQUEST "go-back"

/* Writes the whole receipt into `out`, replacing what it held. */
void usb_receipt_format(struct strbuf *out, const struct usb_receipt *in);
/* The receipt's "Result:" words for `outcome`, e.g. "INSTALLED". */
const char *usb_outcome_word(enum usb_outcome outcome);

#endif

/* Staff mode's "Go back to the content before the USB stick": the kiosk itself may not write
 * the card, so it leaves a request in its state folder, which kiosk-store (root, watching that
 * folder) carries out: the content kept in before-usb-update/ beside the file goes back in
 * place, and the receipt beside the file says so. The kiosk then sees its file change, as for
 * any edit. */
#ifndef KIOSK_USB_REQUEST_H
#define KIOSK_USB_REQUEST_H

#include <stdbool.h>

#include "reload.h"
#include "strbuf.h"

/* Whether there is content from before a USB stick to go back to, and a state folder to ask
 * in: staff mode offers the button only then. */
bool usb_request_can_go_back(const struct reload *r);
/* Leaves the request (a new one each time) in the state folder; false if it cannot. */
bool usb_request_go_back(const struct reload *r);
/* What the receipt beside the file says, for staff mode: "2026-12-02 09:30: INSTALLED,
 * version ..." appended to `out`; false (nothing appended) when there is no receipt. */
bool usb_request_last_receipt(const struct reload *r, struct strbuf *out);

#endif

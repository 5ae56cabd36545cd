#include "usb_receipt.h"

#include <string.h>

const char *usb_outcome_word(enum usb_outcome outcome)
{
    switch (outcome) {
    case USB_INSTALLED:
        return "INSTALLED";
    case USB_SAME:
        return "ALREADY ON THE KIOSK";
    case USB_EXPORTED:
        return "COPIED TO THIS STICK";
    case USB_WENT_BACK:
        return "WENT BACK";
    case USB_NOT_CHECKED:
    case USB_HAS_ERRORS:
    case USB_FAILED:
        break;
    }
    return "NOT INSTALLED";
}

/* What the result means, in a sentence or two: what the kiosk did and what to do next. */
static const char *meaning(enum usb_outcome outcome)
{
    switch (outcome) {
    case USB_INSTALLED:
        return "The content in the kiosk folder of this stick checked OK and is now the "
               "kiosk's. It goes on screen when the visit on screen ends. The content it "
               "replaced is kept: staff mode can go back to it.";
    case USB_SAME:
        return "The content in the kiosk folder of this stick is what the kiosk already has, so "
               "nothing was changed.";
    case USB_NOT_CHECKED:
        return "Nothing was changed on the kiosk: some files in the kiosk folder of this stick "
               "cannot be taken (below). Remove or fix them, then plug the stick in again.";
    case USB_HAS_ERRORS:
        return "Nothing was changed on the kiosk: kiosk/kiosk.cfg on this stick has mistakes "
               "(below). The kiosk keeps showing what it showed before.";
    case USB_EXPORTED:
        return "This stick had no kiosk folder, so the kiosk put a copy of its content in one. "
               "Open kiosk/kiosk.cfg on your laptop, change it, save it, and plug the stick "
               "into the kiosk again to install it.";
    case USB_WENT_BACK:
        return "Staff mode put back the content the last USB stick replaced (kept in the folder "
               "before-usb-update). It goes on screen when the visit on screen ends, or at "
               "once with \"Reload content now\".";
    case USB_FAILED:
        break;
    }
    return "Nothing was changed on the kiosk: it could not finish (below). Plug the stick in "
           "again; if it happens again, tell whoever looks after the kiosk.";
}

void usb_receipt_format(struct strbuf *out, const struct usb_receipt *in)
{
    strbuf_reset(out);
    strbuf_addf(out, "KIOSK RECEIPT\r\n"
                     "The kiosk writes this file each time a USB stick is plugged into it.\r\n"
                     "\r\n");
    strbuf_addf(out, "When:      %s\r\n", in->when);
    strbuf_addf(out, "Result:    %s\r\n", usb_outcome_word(in->outcome));
    if (in->outcome == USB_INSTALLED || in->outcome == USB_SAME || in->outcome == USB_EXPORTED) {
        strbuf_addf(out, "Version:   %s\r\n",
                    in->version ? in->version
                                : "(none set: add e.g. version = \"2026-12-01\"; "
                                  "to tell files apart)");
        strbuf_addf(out, "Files:     %zu\r\n", in->files);
    }
    if (in->outcome == USB_INSTALLED) {
        strbuf_addf(out, "Replaced:  %s\r\n",
                    in->previous ? in->previous : "the content before it (no version set)");
    }
    strbuf_addf(out, "Kiosk:     %s\r\n\r\n", in->kiosk_version);
    /* Wrapped by the reader's editor: one long line per paragraph. */
    strbuf_addf(out, "%s\r\n\r\n", meaning(in->outcome));
    if (in->findings && in->findings[0]) {
        strbuf_addf(out, "%s", in->findings);
    }
    strbuf_addf(out, "(end of receipt)\r\n");
}

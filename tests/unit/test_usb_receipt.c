/* kiosk-receipt.txt as staff read it on their laptop after plugging a stick in: the result in
 * one word, the version installed and the one it replaced, what it means and what to do next,
 * the mistakes with their lines, Windows line ends; every outcome has its own words. */
#include <string.h>

#include "check.h"
#include "usb_receipt.h"

static const char *format(struct strbuf *out, enum usb_outcome outcome, const char *findings)
{
    struct usb_receipt in = {outcome, "2026-12-02 09:30", "Spring 2027", "Winter 2026",
                             3,       findings,           "1.2.3"};
    usb_receipt_format(out, &in);
    return strbuf_str(out);
}

int main(void)
{
    struct strbuf a = {0};
    const char *text = format(&a, USB_INSTALLED, "WARNINGS (1). ...\r\n\r\n");
    CHECK(strncmp(text, "KIOSK RECEIPT\r\n", 15) == 0);
    CHECK(strstr(text, "When:      2026-12-02 09:30\r\n") != NULL);
    CHECK(strstr(text, "Result:    INSTALLED\r\n") != NULL);
    CHECK(strstr(text, "Version:   Spring 2027\r\n") != NULL);
    CHECK(strstr(text, "Files:     3\r\n") != NULL);
    CHECK(strstr(text, "Replaced:  Winter 2026\r\n") != NULL);
    CHECK(strstr(text, "staff mode can go back to it") != NULL);
    CHECK(strstr(text, "WARNINGS (1). ...\r\n\r\n(end of receipt)\r\n") != NULL);
    for (const char *p = text; (p = strchr(p, '\n')); p++) {
        CHECK(p > text && p[-1] == '\r'); /* Notepad shows each line as one */
    }

    /* Nothing installed: no version or file count that could be taken for the kiosk's. */
    text = format(&a, USB_HAS_ERRORS, "MISTAKES (1). Fix each one, ...\r\n\r\n1. Line 51 ...");
    CHECK(strstr(text, "Result:    NOT INSTALLED\r\n") != NULL);
    CHECK(strstr(text, "Version:") == NULL && strstr(text, "Replaced:") == NULL);
    CHECK(strstr(text, "Nothing was changed on the kiosk") != NULL);
    CHECK(strstr(text, "1. Line 51") != NULL);
    text = format(&a, USB_NOT_CHECKED, "FILES NOT TAKEN (1):\r\n\r\n1. kiosk/x.png: ...");
    CHECK(strstr(text, "Result:    NOT INSTALLED\r\n") != NULL);
    CHECK(strstr(text, "cannot be taken") != NULL);
    text = format(&a, USB_FAILED, "What went wrong: the card is full\r\n\r\n");
    CHECK(strstr(text, "Result:    NOT INSTALLED\r\n") != NULL);
    CHECK(strstr(text, "could not finish") != NULL);

    text = format(&a, USB_EXPORTED, NULL);
    CHECK(strstr(text, "Result:    COPIED TO THIS STICK\r\n") != NULL);
    CHECK(strstr(text, "Version:   Spring 2027\r\n") != NULL);
    CHECK(strstr(text, "Open kiosk/kiosk.cfg on your laptop") != NULL);
    text = format(&a, USB_SAME, NULL);
    CHECK(strstr(text, "Result:    ALREADY ON THE KIOSK\r\n") != NULL);
    text = format(&a, USB_WENT_BACK, NULL);
    CHECK(strstr(text, "Result:    WENT BACK\r\n") != NULL);
    CHECK(strstr(text, "before-usb-update") != NULL);

    /* A receipt without a version says how to set one. */
    struct usb_receipt none = {USB_INSTALLED, "2026-12-02 09:30", NULL, NULL, 1, "", "1.2.3"};
    usb_receipt_format(&a, &none);
    CHECK(strstr(strbuf_str(&a), "Version:   (none set: add e.g. version") != NULL);
    CHECK(strstr(strbuf_str(&a), "Replaced:  the content before it (no version set)") != NULL);
    strbuf_finish(&a);
    return check_summary("test_usb_receipt");
}

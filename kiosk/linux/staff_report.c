#define _POSIX_C_SOURCE 200809L

#include "staff_report.h"

#include "usb_request.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "unknown"
#endif

const char *staff_report_format(struct strbuf *out, const struct content *content,
                                const struct reload *reload)
{
    strbuf_reset(out);
    strbuf_add(out, "", 0);
    strbuf_addf(out, "*Version:* %s\n*Config:* %s\n", KIOSK_VERSION,
                reload ? reload->path : content->path);
    enum reload_source source = reload ? reload->source : RELOAD_FROM_FILE;
    strbuf_addf(out, "*Showing:* %s, %d pages in %d topics", reload_source_name(source),
                content->n_pages, content->n_topics);
    if (content->version) {
        strbuf_addf(out, ", version \"%s\"", content->version);
    }
    strbuf_addf(out, "%s\n",
                source == RELOAD_FROM_FILE ? ""
                                           : " (your file cannot be used: the welcome screen "
                                             "shows a small ring in its bottom-left corner "
                                             "until it is fixed)");
    if (reload) {
        struct strbuf receipt;
        strbuf_init(&receipt);
        if (usb_request_last_receipt(reload, &receipt)) {
            strbuf_addf(out, "*Last USB stick:* %s\n", strbuf_str(&receipt));
        }
        strbuf_finish(&receipt);
    }
    if (!reload || !reload->checked) {
        return strbuf_str(out);
    }
    char when[32];
    struct tm tm;
    localtime_r(&reload->checked_at, &tm);
    strftime(when, sizeof(when), "%H:%M", &tm);
    if (reload->last_ok) {
        strbuf_addf(out, "*Last check (%s):* OK, %zu warning%s%s\n", when, reload->last_warnings,
                    reload->last_warnings == 1 ? "" : "s",
                    reload->pending ? "; the new content shows after this visit" : "");
        return strbuf_str(out);
    }
    strbuf_addf(out,
                "*Last check (%s):* %zu error%s; the content on screen stays until they are "
                "fixed:\n",
                when, reload->last_errors, reload->last_errors == 1 ? "" : "s");
    /* Each message on its own line, as a bullet, so long ones wrap readably. */
    const char *p = strbuf_str(&reload->messages);
    for (int shown = 0; *p && shown < 4; shown++) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        strbuf_addf(out, "- %.*s\n", (int)n, p);
        p += n + (nl ? 1 : 0);
    }
    return strbuf_str(out);
}

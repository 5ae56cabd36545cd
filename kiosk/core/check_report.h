/* CHECK.txt: the result of the latest check of the staff's file, as plain text they open on
 * their laptop (Notepad included: CRLF line ends). It says when the file was checked, what is
 * on screen and its version, and each mistake with its line and what to write instead. Pure:
 * the caller gives the time and writes the file. */
#ifndef KIOSK_CHECK_REPORT_H
#define KIOSK_CHECK_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "strbuf.h"

/* The name of the report beside the staff's file and in the kiosk's state folder. */
#define CHECK_REPORT_NAME "CHECK.txt"

struct check_report {
    const char *file;          /* the staff's file, as staff know it (its name) */
    const char *checked;       /* when it was checked, in local time: "2026-12-02 09:30" */
    bool ok;                   /* it checked OK: it is (or soon will be) on screen */
    const char *showing;       /* what is on screen, e.g. "your file" (reload_source_name) */
    const char *version;       /* the `version` of what is on screen, or NULL */
    bool waiting;              /* a good file waits for the visit on screen to end */
    const char *findings;      /* check_report_findings' text for that check */
    const char *kiosk_version; /* the program's */
};

/* Appends the mistakes and then the warnings of `diags` to `out`, numbered, one paragraph
 * each, as "Line 42 (idle_timeout): ...": the part of the report that is the check itself. */
void check_report_findings(struct strbuf *out, const struct diag_list *diags);
/* The same, saying what to do once the mistakes are fixed (`then`, e.g. "then plug the stick
 * in again"). */
void check_report_findings_then(struct strbuf *out, const struct diag_list *diags,
                                const char *then);
/* Writes the whole report into `out`, replacing what it held. */
void check_report_format(struct strbuf *out, const struct check_report *in);
/* Whether two reports say the same, whenever they were made: all but the "Checked:" line. */
bool check_report_same(const char *a, size_t na, const char *b, size_t nb);

#endif

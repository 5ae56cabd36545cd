#include "check_report.h"

#include <string.h>

#define CHECKED_LABEL "Checked:   "

/* One line of the report, with the line end Notepad on any Windows shows as one. */
static void line(struct strbuf *out, const char *text)
{
    strbuf_add(out, text, strlen(text));
    strbuf_add(out, "\r\n", 2);
}

static void findings_of(struct strbuf *out, const struct diag_list *d, enum diag_level level)
{
    int n = 0;
    for (size_t i = 0; i < d->count; i++) {
        const struct diag *g = &d->items[i];
        if (g->level != level) {
            continue;
        }
        strbuf_addf(out, "%d. ", ++n);
        if (g->line > 0) {
            strbuf_addf(out, "Line %d", g->line);
        } else {
            strbuf_addf(out, "The whole file");
        }
        if (g->key && g->key[0]) {
            strbuf_addf(out, " (%s)", g->key);
        }
        strbuf_addf(out, ": %s\r\n\r\n", g->message);
    }
}

void check_report_findings(struct strbuf *out, const struct diag_list *diags)
{
    check_report_findings_then(out, diags,
                               "save the file, and the kiosk checks it again by itself");
}

void check_report_findings_then(struct strbuf *out, const struct diag_list *diags, const char *then)
{
    if (diags->errors) {
        strbuf_addf(out, "MISTAKES (%zu). Fix each one, %s:\r\n\r\n", diags->errors, then);
        findings_of(out, diags, DIAG_ERROR);
    }
    if (diags->warnings) {
        strbuf_addf(out, "WARNINGS (%zu). The file can be used, but look at these:\r\n\r\n",
                    diags->warnings);
        findings_of(out, diags, DIAG_WARNING);
    }
    if (!diags->errors && !diags->warnings) {
        strbuf_addf(out, "No mistakes and no warnings.\r\n\r\n");
    }
}

void check_report_format(struct strbuf *out, const struct check_report *in)
{
    strbuf_reset(out);
    strbuf_add(out, "", 0);
    line(out, "KIOSK CHECK REPORT");
    line(out, "The kiosk writes this file each time the result of its check changes.");
    line(out, "");
    strbuf_addf(out, CHECKED_LABEL "%s\r\n", in->checked);
    strbuf_addf(out, "File:      %s\r\n", in->file);
    if (in->ok) {
        strbuf_addf(out, "Result:    OK%s\r\n",
                    in->waiting ? ": it goes on screen when the visit on screen ends" : "");
    } else {
        strbuf_addf(out,
                    "Result:    NOT USED: it has mistakes (below). The kiosk shows %s "
                    "instead, with a small ring in the bottom-left corner of the welcome "
                    "screen, until they are fixed.\r\n",
                    in->showing);
    }
    strbuf_addf(out, "On screen: %s", in->showing);
    if (in->version) {
        strbuf_addf(out, ", version \"%s\"", in->version);
    } else {
        strbuf_addf(out, " (no version set: add e.g. version = \"2026-12-01\"; to tell files "
                         "apart)");
    }
    strbuf_addf(out, "\r\nKiosk:     %s\r\n\r\n", in->kiosk_version);
    strbuf_addf(out, "%s", in->findings ? in->findings : "");
    line(out, "(end of report)");
}

/* The text of `s` without its "Checked:" line. */
static void without_time(const char *s, size_t n, const char **a, size_t *na, const char **b,
                         size_t *nb)
{
    const char *at = NULL;
    for (size_t i = 0; i + sizeof(CHECKED_LABEL) - 1 <= n; i++) {
        if ((i == 0 || s[i - 1] == '\n') &&
            memcmp(s + i, CHECKED_LABEL, sizeof(CHECKED_LABEL) - 1) == 0) {
            at = s + i;
            break;
        }
    }
    if (!at) {
        *a = s;
        *na = n;
        *b = s + n;
        *nb = 0;
        return;
    }
    const char *end = memchr(at, '\n', n - (size_t)(at - s));
    end = end ? end + 1 : s + n;
    *a = s;
    *na = (size_t)(at - s);
    *b = end;
    *nb = n - (size_t)(end - s);
}

bool check_report_same(const char *a, size_t na, const char *b, size_t nb)
{
    if (!a || !b) {
        return false;
    }
    const char *a1, *a2, *b1, *b2;
    size_t na1, na2, nb1, nb2;
    without_time(a, na, &a1, &na1, &a2, &na2);
    without_time(b, nb, &b1, &nb1, &b2, &nb2);
    return na1 == nb1 && na2 == nb2 && memcmp(a1, b1, na1) == 0 && memcmp(a2, b2, na2) == 0;
}

/* CHECK.txt as staff read it on their laptop: what was checked and when, what is on screen and
 * its version, each mistake numbered with its line and what to write, Windows line ends; and
 * two reports that differ only in their time count as the same (the card is not rewritten). */
#include <string.h>

#include "check.h"
#include "check_report.h"

int main(void)
{
    struct diag_list d;
    diag_init(&d, "kiosk.cfg");
    diag_add(&d, DIAG_ERROR, 42, "idle_timeout",
             "is text \"90\"; write a whole number without quotes, e.g. idle_timeout = 90;");
    diag_add(&d, DIAG_WARNING, 7, "page \"help\".text", "still holds a placeholder");
    diag_add(&d, DIAG_ERROR, 0, NULL, "is not UTF-8");
    struct strbuf findings = {0};
    check_report_findings(&findings, &d);
    CHECK_STR(strbuf_str(&findings),
              "MISTAKES (2). Fix each one, save the file, and the kiosk checks it again by "
              "itself:\r\n\r\n"
              "1. Line 42 (idle_timeout): is text \"90\"; write a whole number without quotes, "
              "e.g. idle_timeout = 90;\r\n\r\n"
              "2. The whole file: is not UTF-8\r\n\r\n"
              "WARNINGS (1). The file can be used, but look at these:\r\n\r\n"
              "1. Line 7 (page \"help\".text): still holds a placeholder\r\n\r\n");
    diag_finish(&d);

    struct check_report in = {
        "kiosk.cfg", "2026-12-02 09:30",    false,  "the last good copy of your file", "2026-11-20",
        false,       strbuf_str(&findings), "1.2.3"};
    struct strbuf a = {0}, b = {0};
    check_report_format(&a, &in);
    const char *text = strbuf_str(&a);
    CHECK(strncmp(text, "KIOSK CHECK REPORT\r\n", 20) == 0);
    CHECK(strstr(text, "Checked:   2026-12-02 09:30\r\n") != NULL);
    CHECK(strstr(text, "File:      kiosk.cfg\r\n") != NULL);
    CHECK(strstr(text, "Result:    NOT USED: it has mistakes (below). The kiosk shows the last "
                       "good copy of your file instead, with a small ring") != NULL);
    CHECK(strstr(text, "On screen: the last good copy of your file, version \"2026-11-20\"\r\n") !=
          NULL);
    CHECK(strstr(text, "1. Line 42 (idle_timeout): ") != NULL);
    CHECK(strstr(text, "(end of report)\r\n") != NULL);
    /* Every line ends CRLF: no lone LF for an old Notepad to run together. */
    for (const char *p = text; (p = strchr(p, '\n')); p++) {
        CHECK(p > text && p[-1] == '\r');
    }

    /* The same result an hour later is the same report; another result is not. */
    in.checked = "2026-12-02 10:30";
    check_report_format(&b, &in);
    CHECK(strcmp(strbuf_str(&a), strbuf_str(&b)) != 0);
    CHECK(check_report_same(a.s, a.len, b.s, b.len));
    in.ok = true;
    in.showing = "your file";
    check_report_format(&b, &in);
    CHECK(!check_report_same(a.s, a.len, b.s, b.len));
    CHECK(strstr(strbuf_str(&b), "Result:    OK\r\n") != NULL);
    in.waiting = true;
    in.version = NULL;
    check_report_format(&b, &in);
    CHECK(strstr(strbuf_str(&b), "Result:    OK: it goes on screen when the visit on screen "
                                 "ends\r\n") != NULL);
    CHECK(strstr(strbuf_str(&b), "(no version set") != NULL);
    CHECK(!check_report_same(NULL, 0, b.s, b.len));
    strbuf_finish(&a);
    strbuf_finish(&b);
    strbuf_finish(&findings);
    return check_summary("test_check_report");
}

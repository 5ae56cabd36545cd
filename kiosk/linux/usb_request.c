/* usb_request.h: the kiosk's side of going back to the content before a USB stick. */
#define _POSIX_C_SOURCE 200809L

#include "usb_request.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "file_read.h"
#include "log.h"
#include "usb_receipt.h"

/* `path`'s folder, followed by `/name`, into `out`; false for a NULL path. */
static bool beside(const char *path, const char *name, struct strbuf *out)
{
    if (!path) {
        return false;
    }
    const char *slash = strrchr(path, '/');
    strbuf_reset(out);
    if (slash) {
        strbuf_add(out, path, (size_t)(slash - path));
    } else {
        strbuf_add(out, ".", 1);
    }
    strbuf_addf(out, "/%s", name);
    return true;
}

bool usb_request_can_go_back(const struct reload *r)
{
    struct strbuf kept, name;
    strbuf_init(&kept);
    strbuf_init(&name);
    const char *file = strrchr(r->path, '/');
    strbuf_addf(&name, USB_BEFORE_FOLDER "/%s", file ? file + 1 : r->path);
    bool can = r->last_good && beside(r->path, strbuf_str(&name), &kept) &&
               access(strbuf_str(&kept), R_OK) == 0;
    strbuf_finish(&kept);
    strbuf_finish(&name);
    return can;
}

bool usb_request_go_back(const struct reload *r)
{
    struct strbuf path, tmp;
    strbuf_init(&path);
    strbuf_init(&tmp);
    bool ok = beside(r->last_good, USB_GO_BACK_REQUEST, &path) &&
              beside(r->last_good, USB_GO_BACK_REQUEST ".new", &tmp);
    if (ok) {
        /* A new text each time: kiosk-store carries out each request once. */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        char id[64];
        int n = snprintf(id, sizeof(id), "%lld.%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
        unlink(strbuf_str(&tmp));
        int fd = open(strbuf_str(&tmp), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        ok = fd >= 0 && write(fd, id, (size_t)n) == n;
        if (fd >= 0) {
            ok = close(fd) == 0 && ok;
        }
        ok = ok && rename(strbuf_str(&tmp), strbuf_str(&path)) == 0;
        if (ok) {
            log_info("staff mode: asked kiosk-store to go back to the content before the last "
                     "USB stick");
        } else {
            log_warn("cannot ask to go back to the content before the last USB stick: %s",
                     strerror(errno));
            unlink(strbuf_str(&tmp));
        }
    }
    strbuf_finish(&path);
    strbuf_finish(&tmp);
    return ok;
}

/* The value of the line starting with `label` in the receipt `s`, up to its line end. */
static bool field(const char *s, const char *label, const char **value, int *len)
{
    for (const char *p = s; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        if (strncmp(p, label, strlen(label)) == 0) {
            const char *v = p + strlen(label);
            while (*v == ' ') {
                v++;
            }
            *value = v;
            *len = (int)strcspn(v, "\r\n");
            return true;
        }
    }
    return false;
}

bool usb_request_last_receipt(const struct reload *r, struct strbuf *out)
{
    struct strbuf path;
    strbuf_init(&path);
    struct file_bytes f = {0};
    int error = 0;
    bool got = beside(r->path, USB_RECEIPT_NAME, &path) &&
               file_read(strbuf_str(&path), 64 * 1024, &f, &error) == FILE_READ_OK;
    const char *when, *result, *version;
    int nw, nr, nv;
    got = got && field(f.data, "When:", &when, &nw) && field(f.data, "Result:", &result, &nr);
    if (got) {
        strbuf_addf(out, "%.*s: %.*s", nw, when, nr, result);
        if (field(f.data, "Version:", &version, &nv)) {
            strbuf_addf(out, ", version \"%.*s\"", nv, version);
        }
    }
    free(f.data);
    strbuf_finish(&path);
    return got;
}

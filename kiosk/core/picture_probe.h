/* What a picture file is and how big it says it is, read from its bytes without decoding it,
 * and the limits a picture must stay within to be shown. A PNG or JPEG decodes to 4 bytes a
 * pixel whatever its file size: a 2 MB PNG may declare 16384 x 43700 pixels and need 2.8 GB,
 * so both `kiosk --check` and the code that decodes it look here first, and the decoder is
 * given only the bytes that were looked at. An SVG is drawn at the size it is shown (bounded
 * below), so only its file size is limited. */
#ifndef KIOSK_PICTURE_PROBE_H
#define KIOSK_PICTURE_PROBE_H

#include <stdbool.h>
#include <stddef.h>

/* The limits, as the staff guide (config/README.md) states them. */
#define PICTURE_MAX_SIDE 8192                                /* pixels, either way */
#define PICTURE_MAX_PIXELS (4096 * 4096)                     /* 16.7 million: 64 MB decoded */
#define PICTURE_MAX_BYTES (20 * 1024 * 1024)                 /* a PNG or JPEG file */
#define PICTURE_MAX_SVG_BYTES (2 * 1024 * 1024)              /* an SVG file (text, parsed whole) */
#define PICTURE_MAX_DECODED ((size_t)PICTURE_MAX_PIXELS * 4) /* bytes */

enum picture_format {
    PICTURE_UNKNOWN,
    PICTURE_PNG,
    PICTURE_JPEG,
    PICTURE_SVG,
};

struct picture_probe {
    enum picture_format format;
    /* The declared size in pixels. For PNG and JPEG always set when the format is; for SVG
     * from width and height (or the viewBox) at 96 dots per inch, as SDL_image reads them,
     * or 0 when the file does not say in units that have a size. */
    int w, h;
};

/* Looks at a whole file's bytes. PICTURE_UNKNOWN also for a PNG or JPEG whose header is cut
 * short or broken. */
struct picture_probe picture_probe(const char *data, size_t size);

/* Whether a probed picture may be decoded: within PICTURE_MAX_SIDE and PICTURE_MAX_PIXELS
 * (always true for SVG, which is drawn at the size it is shown). */
bool picture_within_limits(const struct picture_probe *p);

/* The largest size within the limits that keeps w x h's shape, for drawing an SVG (or scaling
 * anything) no larger than the limits allow. Sizes within the limits come back unchanged. */
void picture_fit_limits(int *w, int *h);

#endif

/* picture_probe.h. Each reader follows what its decoder does with the same bytes (libpng,
 * libjpeg, SDL_image's nanosvg), so the size found here is the size decoding gives; the
 * fuzz harness tests/fuzz/fuzz_picture.c checks exactly that. */
#include "picture_probe.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "util.h"

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* libpng reads the IHDR chunk, which must come first, and refuses sizes past 2^31 - 1. */
static bool probe_png(const unsigned char *d, size_t n, struct picture_probe *out)
{
    if (n < 24 || memcmp(d, "\x89PNG\r\n\x1a\n", 8) != 0 || be32(d + 8) != 13 ||
        memcmp(d + 12, "IHDR", 4) != 0) {
        return false;
    }
    uint32_t w = be32(d + 16), h = be32(d + 20);
    if (w == 0 || h == 0 || w > 0x7fffffffu || h > 0x7fffffffu) {
        return false;
    }
    out->w = (int)w;
    out->h = (int)h;
    return true;
}

static bool is_start_of_frame(unsigned m)
{
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

/* libjpeg walks the markers after SOI (skipping stray bytes and 0xFF fill before each, as it
 * does) and takes the size from the first start-of-frame; a scan before any frame is an
 * error, and a height of 0 (set later by a DNL marker) it does not support. */
static bool probe_jpeg(const unsigned char *d, size_t n, struct picture_probe *out)
{
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8) {
        return false;
    }
    size_t i = 2;
    for (;;) {
        while (i < n && d[i] != 0xFF) {
            i++;
        }
        while (i < n && d[i] == 0xFF) {
            i++;
        }
        if (i >= n) {
            return false;
        }
        unsigned m = d[i++];
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
            continue; /* markers without a length */
        }
        if (m == 0xD9 || m == 0xDA || i + 2 > n) {
            return false;
        }
        unsigned len = be16(d + i);
        if (len < 2) {
            return false;
        }
        if (is_start_of_frame(m)) {
            if (len < 8 || i + 7 > n) {
                return false;
            }
            unsigned h = be16(d + i + 3), w = be16(d + i + 5);
            if (w == 0 || h == 0) {
                return false;
            }
            out->w = (int)w;
            out->h = (int)h;
            return true;
        }
        i += len;
    }
}

/* ---- SVG: the root element's width, height and viewBox, as nanosvg reads them ---------- */

static bool svg_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A number as nanosvg's nsvg__atof reads one; *end is past it. False when there is none. */
static bool svg_number(const char *s, const char *stop, double *value, const char **end)
{
    const char *p = s;
    double sign = 1.0, v = 0.0;
    bool digits = false;
    if (p < stop && (*p == '+' || *p == '-')) {
        sign = *p++ == '-' ? -1.0 : 1.0;
    }
    for (; p < stop && *p >= '0' && *p <= '9'; p++) {
        v = v * 10.0 + (*p - '0');
        digits = true;
    }
    if (p < stop && *p == '.') {
        double scale = 0.1;
        for (p++; p < stop && *p >= '0' && *p <= '9'; p++, scale *= 0.1) {
            v += (*p - '0') * scale;
            digits = true;
        }
    }
    if (!digits) {
        return false;
    }
    if (p < stop && (*p == 'e' || *p == 'E') && p + 1 < stop &&
        (p[1] == '-' || p[1] == '+' || (p[1] >= '0' && p[1] <= '9'))) {
        const char *q = p + 1;
        int esign = 1;
        if (*q == '-' || *q == '+') {
            esign = *q++ == '-' ? -1 : 1;
        }
        if (q < stop && *q >= '0' && *q <= '9') {
            int e = 0;
            for (; q < stop && *q >= '0' && *q <= '9'; q++) {
                e = e < 1000 ? e * 10 + (*q - '0') : e;
            }
            v *= pow(10.0, esign * e);
            p = q;
        }
    }
    *value = sign * v;
    *end = p;
    return true;
}

/* A length in pixels at 96 dots per inch, or 0 for none, a percentage or a font-relative unit
 * (which nanosvg cannot size from the root element). */
static double svg_length(const char *s, const char *stop)
{
    double v;
    const char *u;
    while (s < stop && svg_space(*s)) {
        s++;
    }
    if (!svg_number(s, stop, &v, &u)) {
        return 0.0;
    }
    size_t left = (size_t)(stop - u);
    static const struct {
        const char *unit;
        double px;
    } units[] = {{"px", 1.0},         {"pt", 96.0 / 72.0}, {"pc", 96.0 / 6.0},
                 {"mm", 96.0 / 25.4}, {"cm", 96.0 / 2.54}, {"in", 96.0}};
    if (left >= 2) {
        for (size_t k = 0; k < ARRAY_LEN(units); k++) {
            if (memcmp(u, units[k].unit, 2) == 0) {
                return v * units[k].px;
            }
        }
        if (memcmp(u, "em", 2) == 0 || memcmp(u, "ex", 2) == 0) {
            return 0.0;
        }
    }
    return left >= 1 && *u == '%' ? 0.0 : v;
}

/* The value of attribute `name` inside the tag [tag, stop), or NULL. */
static const char *svg_attribute(const char *tag, const char *stop, const char *name,
                                 const char **value_end)
{
    size_t len = strlen(name);
    for (const char *p = tag; p + len + 2 < stop; p++) {
        if (!svg_space(p[0]) || memcmp(p + 1, name, len) != 0) {
            continue;
        }
        const char *q = p + 1 + len;
        while (q < stop && svg_space(*q)) {
            q++;
        }
        if (q >= stop || *q != '=') {
            continue;
        }
        q++;
        while (q < stop && svg_space(*q)) {
            q++;
        }
        if (q >= stop || (*q != '"' && *q != '\'')) {
            continue;
        }
        const char *end = memchr(q + 1, *q, (size_t)(stop - q - 1));
        if (!end) {
            return NULL;
        }
        *value_end = end;
        return q + 1;
    }
    return NULL;
}

static int svg_pixels(double v)
{
    if (!(v > 0.0) || !isfinite(v)) {
        return 0;
    }
    return v >= 1e6 ? 1000000 : (int)ceil(v);
}

static bool probe_svg(const char *d, size_t n, struct picture_probe *out)
{
    const char *tag = NULL;
    for (size_t i = 0; i + 5 <= n; i++) {
        if (memcmp(d + i, "<svg", 4) == 0 && (svg_space(d[i + 4]) || d[i + 4] == '>')) {
            tag = d + i + 4;
            break;
        }
    }
    if (!tag) {
        return false;
    }
    const char *stop = memchr(tag, '>', n - (size_t)(tag - d));
    if (!stop) {
        return false;
    }
    const char *end;
    const char *v = svg_attribute(tag - 1, stop, "width", &end);
    double w = v ? svg_length(v, end) : 0.0;
    v = svg_attribute(tag - 1, stop, "height", &end);
    double h = v ? svg_length(v, end) : 0.0;
    v = svg_attribute(tag - 1, stop, "viewBox", &end);
    if (v && (!(w > 0.0) || !(h > 0.0))) {
        /* viewBox="min-x min-y width height", separated by spaces or commas */
        double box[4];
        int got = 0;
        const char *p = v;
        while (got < 4) {
            while (p < end && (svg_space(*p) || *p == ',' || *p == '%')) {
                p++;
            }
            if (!svg_number(p, end, &box[got], &p)) {
                break;
            }
            got++;
        }
        if (got == 4) {
            w = w > 0.0 ? w : box[2];
            h = h > 0.0 ? h : box[3];
        }
    }
    out->w = svg_pixels(w);
    out->h = svg_pixels(h);
    if (!out->w || !out->h) {
        out->w = out->h = 0;
    }
    return true;
}

static bool starts_as_markup(const char *d, size_t n)
{
    size_t i = n >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && svg_space(d[i])) {
        i++;
    }
    return i < n && d[i] == '<';
}

struct picture_probe picture_probe(const char *data, size_t size)
{
    struct picture_probe p = {PICTURE_UNKNOWN, 0, 0};
    const unsigned char *d = (const unsigned char *)data;
    if (probe_png(d, size, &p)) {
        p.format = PICTURE_PNG;
    } else if (probe_jpeg(d, size, &p)) {
        p.format = PICTURE_JPEG;
    } else if (starts_as_markup(data, size) && probe_svg(data, size, &p)) {
        p.format = PICTURE_SVG;
    } else {
        p.w = p.h = 0;
    }
    return p;
}

bool picture_within_limits(const struct picture_probe *p)
{
    if (p->format == PICTURE_SVG) {
        return true;
    }
    return p->w > 0 && p->h > 0 && p->w <= PICTURE_MAX_SIDE && p->h <= PICTURE_MAX_SIDE &&
           (long long)p->w * p->h <= PICTURE_MAX_PIXELS;
}

void picture_fit_limits(int *w, int *h)
{
    if (*w <= 0 || *h <= 0) {
        return;
    }
    double s = 1.0;
    s = fmin(s, (double)PICTURE_MAX_SIDE / *w);
    s = fmin(s, (double)PICTURE_MAX_SIDE / *h);
    s = fmin(s, sqrt((double)PICTURE_MAX_PIXELS / ((double)*w * *h)));
    if (s < 1.0) {
        *w = (int)fmax(1.0, floor(*w * s));
        *h = (int)fmax(1.0, floor(*h * s));
    }
}

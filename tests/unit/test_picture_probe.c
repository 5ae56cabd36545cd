/* Reading a picture's declared size from its bytes, as its decoder will: PNG's IHDR, JPEG's
 * first frame past any EXIF or thumbnail segment, SVG's width, height and viewBox in the units
 * nanosvg knows. And the limits: what may be decoded, and the shape-keeping fit within them. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "picture_probe.h"

static size_t png(char *out, unsigned w, unsigned h)
{
    static const char head[] = "\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR";
    memcpy(out, head, 16);
    unsigned char *p = (unsigned char *)out + 16;
    for (int i = 0; i < 4; i++) {
        p[i] = (unsigned char)(w >> (24 - 8 * i));
        p[4 + i] = (unsigned char)(h >> (24 - 8 * i));
    }
    memcpy(out + 24, "\x08\x06\0\0\0\0\0\0\0", 9);
    return 33;
}

/* SOI, an APP1 segment of `app_len` bytes, then a start-of-frame `sof` (0xC0, 0xC2...). */
static size_t jpeg(char *out, size_t app_len, unsigned sof, unsigned w, unsigned h)
{
    unsigned char *p = (unsigned char *)out;
    size_t i = 0;
    p[i++] = 0xFF, p[i++] = 0xD8;
    p[i++] = 0xFF, p[i++] = 0xE1;
    p[i++] = (unsigned char)(app_len >> 8), p[i++] = (unsigned char)app_len;
    memset(p + i, 0xFF, app_len - 2); /* 0xFF inside a segment is skipped with it */
    i += app_len - 2;
    p[i++] = 0xFF, p[i++] = 0xFF; /* fill bytes before a marker */
    p[i++] = (unsigned char)sof;
    p[i++] = 0, p[i++] = 17, p[i++] = 8;
    p[i++] = (unsigned char)(h >> 8), p[i++] = (unsigned char)h;
    p[i++] = (unsigned char)(w >> 8), p[i++] = (unsigned char)w;
    memset(p + i, 0, 10);
    return i + 10;
}

static struct picture_probe svg(const char *text)
{
    return picture_probe(text, strlen(text));
}

int main(void)
{
    char buf[70000];
    struct picture_probe p = picture_probe(buf, png(buf, 640, 480));
    CHECK_INT(p.format, PICTURE_PNG);
    CHECK_INT(p.w, 640);
    CHECK_INT(p.h, 480);
    CHECK(picture_within_limits(&p));
    p = picture_probe(buf, png(buf, 16384, 43700)); /* the 2 MB PNG that crashed libpng */
    CHECK_INT(p.w, 16384);
    CHECK(!picture_within_limits(&p));
    p = picture_probe(buf, png(buf, 4096, 4096));
    CHECK(picture_within_limits(&p)); /* exactly the pixel limit */
    p = picture_probe(buf, png(buf, 4097, 4096));
    CHECK(!picture_within_limits(&p));
    p = picture_probe(buf, png(buf, 8193, 10));
    CHECK(!picture_within_limits(&p)); /* one side too long, few pixels */
    p = picture_probe(buf, png(buf, 0, 10));
    CHECK_INT(p.format, PICTURE_UNKNOWN);
    p = picture_probe(buf, 20); /* cut inside the header */
    CHECK_INT(p.format, PICTURE_UNKNOWN);

    p = picture_probe(buf, jpeg(buf, 60000, 0xC0, 4032, 3024)); /* a phone photo with EXIF */
    CHECK_INT(p.format, PICTURE_JPEG);
    CHECK_INT(p.w, 4032);
    CHECK_INT(p.h, 3024);
    CHECK(picture_within_limits(&p));
    p = picture_probe(buf, jpeg(buf, 100, 0xC2, 65535, 65535)); /* progressive, 4.3 G pixels */
    CHECK_INT(p.w, 65535);
    CHECK(!picture_within_limits(&p));
    p = picture_probe(buf, jpeg(buf, 100, 0xC4, 10, 10)); /* a Huffman table, not a frame */
    CHECK_INT(p.format, PICTURE_UNKNOWN);
    p = picture_probe(buf, jpeg(buf, 100, 0xC0, 10, 0)); /* height from a later DNL marker */
    CHECK_INT(p.format, PICTURE_UNKNOWN);
    size_t n = jpeg(buf, 100, 0xC0, 10, 10);
    p = picture_probe(buf, n - 12); /* cut inside the frame header */
    CHECK_INT(p.format, PICTURE_UNKNOWN);

    p = svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"240\" height=\"120\">");
    CHECK_INT(p.format, PICTURE_SVG);
    CHECK_INT(p.w, 240);
    CHECK_INT(p.h, 120);
    p = svg(
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- x -->\n<svg\n width='210mm' height=\"1in\">");
    CHECK_INT(p.w, 794); /* 210 mm at 96 dpi: 793.7 rounded up, as SDL_image sizes it */
    CHECK_INT(p.h, 96);
    p = svg("<svg viewBox=\"0,0 300.5 150\">");
    CHECK_INT(p.w, 301);
    CHECK_INT(p.h, 150);
    p = svg("<svg width=\"100%\" height=\"100%\" viewBox=\"0 0 48 24\">");
    CHECK_INT(p.w, 48); /* a percentage has no size of its own: the viewBox gives it */
    CHECK_INT(p.h, 24);
    p = svg("<svg stroke-width=\"5\" data-height=\"9\">");
    CHECK_INT(p.format, PICTURE_SVG);
    CHECK_INT(p.w, 0); /* says nothing: the kiosk draws it once to learn its shape */
    p = svg("<svg width=\"30000\" height=\"30000\">");
    CHECK_INT(p.w, 30000);
    CHECK(picture_within_limits(&p)); /* drawn at the size it is shown, whatever it says */
    p = svg("<html><body>not a drawing</body></html>");
    CHECK_INT(p.format, PICTURE_UNKNOWN);
    p = svg("GIF89a");
    CHECK_INT(p.format, PICTURE_UNKNOWN);

    int w = 16384, h = 43700;
    picture_fit_limits(&w, &h);
    CHECK(w <= PICTURE_MAX_SIDE && h <= PICTURE_MAX_SIDE);
    CHECK((long long)w * h <= PICTURE_MAX_PIXELS);
    CHECK(abs(w * 1000 / h - 16384 * 1000 / 43700) <= 3); /* the same shape */
    w = 800, h = 600;
    picture_fit_limits(&w, &h);
    CHECK_INT(w, 800);
    CHECK_INT(h, 600);
    return check_summary("test_picture_probe");
}

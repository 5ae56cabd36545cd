/* Fuzzes picture loading as the kiosk does it: the bytes of a picture file are probed
 * (kiosk/core/picture_probe.c) and, when the probe says PNG or JPEG within the limits, decoded
 * by SDL_image's own decoder for that format (kiosk/sdl/picture_decode.c); an SVG is drawn to
 * fit a small box. The decoders themselves are Debian's libpng, libjpeg and SDL_image's
 * nanosvg, not instrumented, so a crash inside them still shows (as a signal) while a bounds
 * error is only caught in the kiosk's own code.
 *
 * Checked: the probe never reads outside the bytes; nothing past the limits is ever decoded
 * (run-ctest.sh's -malloc_limit_mb fails any allocation that would need more); a picture that
 * decodes is exactly the size its header declared, so the size `kiosk --check` read is the
 * size the kiosk decodes; an SVG is never drawn larger than asked (give or take SDL_image's
 * rounding up); nothing leaks. */
#include <SDL.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "picture_decode.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    SDL_SetMainReady();
    /* SDL keeps each thread's error message in a buffer it allocates on first use and never
     * frees: allocate it here, outside any input, so the leak check sees only real leaks. */
    SDL_SetError("start");
    SDL_ClearError();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > PICTURE_MAX_BYTES) {
        return 0;
    }
    /* A copy of exactly `size` bytes and the '\0' file_read adds, so ASan sees any overread. */
    struct file_bytes bytes = {malloc(size + 1), size};
    if (!bytes.data) {
        return 0;
    }
    memcpy(bytes.data, data, size);
    bytes.data[size] = '\0';
    struct picture_probe probe = picture_probe(bytes.data, bytes.size);
    FUZZ_CHECK(probe.w >= 0 && probe.h >= 0, "negative size %d x %d", probe.w, probe.h);
    if (probe.format == PICTURE_PNG || probe.format == PICTURE_JPEG) {
        FUZZ_CHECK(probe.w > 0 && probe.h > 0, "a %s without a size",
                   probe.format == PICTURE_PNG ? "PNG" : "JPEG");
        SDL_Surface *s = picture_decode(&bytes, &probe);
        if (s) {
            FUZZ_CHECK(picture_within_limits(&probe), "decoded %d x %d, past the limits", s->w,
                       s->h);
            FUZZ_CHECK(s->w == probe.w && s->h == probe.h, "decoded %d x %d, declared %d x %d",
                       s->w, s->h, probe.w, probe.h);
            SDL_FreeSurface(s);
        } else {
            FUZZ_CHECK(SDL_GetError()[0] != '\0', "refused without a reason");
        }
    } else if (probe.format == PICTURE_SVG) {
        SDL_Surface *s = picture_decode_svg(&bytes, 96, 64);
        if (s) {
            /* SDL_image rounds the scaled size up: one pixel over, at most. */
            FUZZ_CHECK(s->w <= 97 && s->h <= 65, "drawn at %d x %d in a 96 x 64 box", s->w, s->h);
            SDL_FreeSurface(s);
        }
    } else {
        FUZZ_CHECK(probe.w == 0 && probe.h == 0, "an unknown file with a size");
    }
    free(bytes.data);
    return 0;
}

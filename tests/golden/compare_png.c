/* Compares rendered screens with golden PNGs, within a tolerance: anti-aliasing may differ by
 * a few levels between library builds, a layout change moves whole blocks. On a mismatch the
 * actual image is written beside the golden one as NAME.actual.png for a person to look at.
 *   compare_png GOLDEN_DIR ACTUAL_DIR      every golden image must match its actual twin
 *   KIOSK_UPDATE_GOLDEN=1 compare_png ...   copies the actual images over the golden ones
 *   COMPARE_PNG_PIXEL_SHARE=0.05            a larger share of pixels may differ (another CPU
 *                                           architecture's software renderer, see deploy/cross)
 *   COMPARE_PNG_VERBOSE=1                   prints the share of differing pixels of each image */
#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define CHANNEL_TOLERANCE 24 /* levels a channel may differ by and still match */
#define PIXEL_SHARE 0.002    /* share of pixels that may differ beyond that */

static bool is_png(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".png") == 0 && !strstr(name, ".actual.png");
}

static double pixel_share = PIXEL_SHARE;
static bool verbose;

static int compare(const char *golden_path, const char *actual_path, const char *keep_path)
{
    SDL_Surface *g0 = IMG_Load(golden_path), *a0 = IMG_Load(actual_path);
    if (!g0 || !a0) {
        fprintf(stderr, "%s: cannot load %s\n", golden_path, g0 ? actual_path : golden_path);
        SDL_FreeSurface(g0);
        SDL_FreeSurface(a0);
        return 1;
    }
    SDL_Surface *g = SDL_ConvertSurfaceFormat(g0, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_Surface *a = SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_ARGB8888, 0);
    int status = 0;
    if (g->w != a->w || g->h != a->h) {
        fprintf(stderr, "%s: size %dx%d, expected %dx%d\n", actual_path, a->w, a->h, g->w, g->h);
        status = 1;
    } else {
        long differ = 0;
        for (int y = 0; y < g->h; y++) {
            const Uint8 *gp = (const Uint8 *)g->pixels + y * g->pitch;
            const Uint8 *ap = (const Uint8 *)a->pixels + y * a->pitch;
            for (int x = 0; x < g->w * 4; x += 4) {
                for (int c = 0; c < 3; c++) {
                    if (abs(gp[x + c] - ap[x + c]) > CHANNEL_TOLERANCE) {
                        differ++;
                        break;
                    }
                }
            }
        }
        double share = (double)differ / ((double)g->w * g->h);
        if (verbose) {
            printf("%s: %ld pixels (%.2f%%) differ\n", actual_path, differ, share * 100);
        }
        if (share > pixel_share) {
            fprintf(stderr, "%s: %ld pixels (%.2f%%) differ from the golden image; see %s\n",
                    golden_path, differ, share * 100, keep_path);
            status = 1;
        }
    }
    if (status) {
        IMG_SavePNG(a0, keep_path);
    }
    SDL_FreeSurface(g);
    SDL_FreeSurface(a);
    SDL_FreeSurface(g0);
    SDL_FreeSurface(a0);
    return status;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: compare_png GOLDEN_DIR ACTUAL_DIR\n");
        return 2;
    }
    const char *share_env = getenv("COMPARE_PNG_PIXEL_SHARE");
    if (share_env && *share_env) {
        pixel_share = atof(share_env);
    }
    const char *verbose_env = getenv("COMPARE_PNG_VERBOSE");
    verbose = verbose_env && *verbose_env == '1';
    const char *update = getenv("KIOSK_UPDATE_GOLDEN");
    bool updating = update && *update == '1';
    DIR *dir = opendir(updating ? argv[2] : argv[1]);
    if (!dir) {
        fprintf(stderr, "cannot open %s\n", updating ? argv[2] : argv[1]);
        return 1;
    }
    int passed = 0, failed = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (!is_png(e->d_name)) {
            continue;
        }
        char golden[4096], actual[4096], keep[4200];
        snprintf(golden, sizeof(golden), "%s/%s", argv[1], e->d_name);
        snprintf(actual, sizeof(actual), "%s/%s", argv[2], e->d_name);
        snprintf(keep, sizeof(keep), "%s/%.*s.actual.png", argv[1], (int)(strlen(e->d_name) - 4),
                 e->d_name);
        if (updating) {
            SDL_Surface *s = IMG_Load(actual);
            if (s && IMG_SavePNG(s, golden) == 0) {
                passed++;
            } else {
                failed++;
            }
            SDL_FreeSurface(s);
            continue;
        }
        if (compare(golden, actual, keep) == 0) {
            passed++;
            remove(keep);
        } else {
            failed++;
        }
    }
    closedir(dir);
    if (passed + failed == 0) {
        fprintf(stderr, "no golden images in %s\n", argv[1]);
        failed = 1;
    }
    printf("compare_png: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}

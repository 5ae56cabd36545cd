/* Rotation and touch mapping: wherever a finger lands on the glass, the kiosk must act on the
 * point of the upright picture drawn under it, for every rotation and touch correction. */
#include "check.h"
#include "display.h"

#define PW 800
#define PH 480

/* Where the rotated picture puts logical (lx, ly) on the panel, as SDL_RenderCopyEx does with a
 * clockwise angle: written out independently of display.c, from the corners. */
static void drawn_at(int rotation, int lx, int ly, int *px, int *py)
{
    int lw = rotation % 180 ? PH : PW, lh = rotation % 180 ? PW : PH;
    switch (rotation) {
    case 90: /* the logical top edge becomes the panel's right edge */
        *px = PW - 1 - ly;
        *py = lx;
        break;
    case 180:
        *px = lw - 1 - lx;
        *py = lh - 1 - ly;
        break;
    case 270: /* the logical top edge becomes the panel's left edge */
        *px = ly;
        *py = PH - 1 - lx;
        break;
    default:
        *px = lx;
        *py = ly;
    }
}

static void test_sizes(void)
{
    int w, h;
    struct display d = {0};
    for (int r = 0; r < 360; r += 90) {
        d.rotation = r;
        display_logical_size(&d, PW, PH, &w, &h);
        CHECK_INT(w, r % 180 ? PH : PW);
        CHECK_INT(h, r % 180 ? PW : PH);
    }
}

static void test_touch_follows_rotation(void)
{
    static const int points[][2] = {{0, 0}, {479, 0}, {0, 479}, {100, 37}, {250, 200}, {479, 479}};
    for (int r = 0; r < 360; r += 90) {
        struct display d = {.rotation = r};
        int lw, lh;
        display_logical_size(&d, PW, PH, &lw, &lh);
        for (size_t i = 0; i < sizeof(points) / sizeof(points[0]); i++) {
            int lx = points[i][0] % lw, ly = points[i][1] % lh;
            int px, py, bx, by;
            drawn_at(r, lx, ly, &px, &py);
            CHECK(px >= 0 && px < PW && py >= 0 && py < PH);
            /* A touch on that panel pixel lands on the same logical point. */
            display_map_point(&d, PW, PH, px, py, &bx, &by);
            CHECK_INT(bx, lx);
            CHECK_INT(by, ly);
            display_unmap_point(&d, PW, PH, lx, ly, &bx, &by);
            CHECK_INT(bx, px);
            CHECK_INT(by, py);
        }
    }
}

static void test_touch_corrections(void)
{
    int x, y;
    /* A touch layer mirrored left to right. */
    struct display d = {.touch_invert_x = true};
    display_map_point(&d, PW, PH, 0, 10, &x, &y);
    CHECK(x == PW - 1 && y == 10);
    /* Mirrored top to bottom. */
    d = (struct display){.touch_invert_y = true};
    display_map_point(&d, PW, PH, 10, 0, &x, &y);
    CHECK(x == 10 && y == PH - 1);
    /* Axes swapped: the touch's x runs down the panel; corners stay corners. */
    d = (struct display){.touch_swap_xy = true};
    display_map_point(&d, PW, PH, 0, PH - 1, &x, &y);
    CHECK(x == PW - 1 && y == 0);
    display_map_point(&d, PW, PH, PW - 1, 0, &x, &y);
    CHECK(x == 0 && y == PH - 1);
    /* Corrections first, then the rotation: a touch layer that reports panel coordinates
     * mirrored, on a panel turned 90 degrees. The top-left of the upright picture is drawn at
     * the panel's top-right; this touch layer reports that spot as x = 0. */
    d = (struct display){.rotation = 90, .touch_invert_x = true};
    display_map_point(&d, PW, PH, 0, 0, &x, &y);
    CHECK(x == 0 && y == 0);
    /* Out-of-range input (a touch on the bezel) is clamped onto the screen. */
    d = (struct display){.rotation = 270};
    display_map_point(&d, PW, PH, -20, 9999, &x, &y);
    CHECK(x >= 0 && x < PH && y >= 0 && y < PW);
}

int main(void)
{
    test_sizes();
    test_touch_follows_rotation();
    test_touch_corrections();
    return check_summary("test_display");
}

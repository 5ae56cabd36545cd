#include "display.h"

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

void display_logical_size(const struct display *d, int panel_w, int panel_h, int *w, int *h)
{
    bool turned = d->rotation == 90 || d->rotation == 270;
    *w = turned ? panel_h : panel_w;
    *h = turned ? panel_w : panel_h;
}

/* Scales v from 0..from-1 onto 0..to-1, so corners stay corners when swapping axes. */
static int rescale(int v, int from, int to)
{
    if (from <= 1 || to <= 1) {
        return 0;
    }
    return (int)(((long long)v * (to - 1) + (from - 1) / 2) / (from - 1));
}

void display_map_point(const struct display *d, int panel_w, int panel_h, int px, int py, int *lx,
                       int *ly)
{
    px = clamp(px, 0, panel_w - 1);
    py = clamp(py, 0, panel_h - 1);
    if (d->touch_swap_xy) {
        int x = rescale(py, panel_h, panel_w);
        int y = rescale(px, panel_w, panel_h);
        px = x;
        py = y;
    }
    if (d->touch_invert_x) {
        px = panel_w - 1 - px;
    }
    if (d->touch_invert_y) {
        py = panel_h - 1 - py;
    }
    /* Undo the clockwise turn: a logical point (x, y) is drawn at
     *   90: (panel_w-1-y, x)   180: (panel_w-1-x, panel_h-1-y)   270: (y, panel_h-1-x). */
    switch (d->rotation) {
    case 90:
        *lx = py;
        *ly = panel_w - 1 - px;
        break;
    case 180:
        *lx = panel_w - 1 - px;
        *ly = panel_h - 1 - py;
        break;
    case 270:
        *lx = panel_h - 1 - py;
        *ly = px;
        break;
    default:
        *lx = px;
        *ly = py;
        break;
    }
}

void display_unmap_point(const struct display *d, int panel_w, int panel_h, int lx, int ly, int *px,
                         int *py)
{
    switch (d->rotation) {
    case 90:
        *px = panel_w - 1 - ly;
        *py = lx;
        break;
    case 180:
        *px = panel_w - 1 - lx;
        *py = panel_h - 1 - ly;
        break;
    case 270:
        *px = ly;
        *py = panel_h - 1 - lx;
        break;
    default:
        *px = lx;
        *py = ly;
        break;
    }
}

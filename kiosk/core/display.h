/* Display orientation and touch mapping. KMSDRM does not rotate, so the kiosk draws upright
 * into a picture of the logical size and turns it onto the panel itself; touches go through
 * the inverse of the same transform, so touch always follows rotation. Panels whose touch layer
 * is mounted differently from the glass get their own corrections (swap, invert), applied to
 * the raw touch first. Pure arithmetic, no SDL. */
#ifndef KIOSK_DISPLAY_H
#define KIOSK_DISPLAY_H

#include <stdbool.h>

struct display {
    int rotation; /* 0, 90, 180 or 270: degrees clockwise the picture is turned on the panel */
    bool touch_swap_xy, touch_invert_x, touch_invert_y;
};

/* The size the kiosk lays out at for a panel of panel_w x panel_h pixels. */
void display_logical_size(const struct display *d, int panel_w, int panel_h, int *w, int *h);

/* Maps a point on the panel (pixels, 0..panel_w-1 x 0..panel_h-1, as the touch or mouse
 * reports it) to the logical screen the layout uses. The touch corrections apply first, in
 * panel pixels: swap x/y (scaled to the other axis), then invert x, then invert y. */
void display_map_point(const struct display *d, int panel_w, int panel_h, int px, int py, int *lx,
                       int *ly);

/* Where logical point (lx, ly) appears on the panel: the inverse of the rotation part of
 * display_map_point, used by tests and the touch test screen. */
void display_unmap_point(const struct display *d, int panel_w, int panel_h, int lx, int ly, int *px,
                         int *py);

#endif

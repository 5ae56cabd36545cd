/* Opening the screen the kiosk draws on: the SDL video subsystem (waiting for a bare display
 * that is not there yet), a window that covers the display, and a renderer chosen for the
 * display path, not left to SDL's first guess. */
#ifndef KIOSK_SCREEN_OPEN_H
#define KIOSK_SCREEN_OPEN_H

#include <SDL.h>
#include <stdbool.h>

/* Starts SDL's video and events. When the bare display was asked for (SDL_VIDEODRIVER=kmsdrm,
 * as the service runs it) and there is none yet, for instance while the kernel's DRM driver is
 * still probing at boot or udev has not yet given the device to the video group, it waits for
 * one (telling systemd it is still starting) instead of failing. SIGTERM ends the wait: the
 * process stops, as it would have at any other moment before the loop runs. False (logged)
 * when video cannot start and waiting makes no sense (no bare display was asked for). */
bool screen_start_video(void);

/* Opens a window: `windowed` a resizable width x height window; otherwise one that covers the
 * display. Then a renderer for it (the driver explained in screen_open.c). False (logged) when
 * either fails; on success both are set. */
bool screen_open(bool windowed, int width, int height, SDL_Window **window,
                 SDL_Renderer **renderer);

/* Whether the bare display was asked for by name (SDL_VIDEODRIVER=kmsdrm), as kiosk.service
 * does; known before SDL starts. */
bool screen_bare_display_requested(void);

/* Whether SDL draws straight to the display through DRM/KMS (a Pi without X or Wayland). */
bool screen_is_bare_display(void);

#endif

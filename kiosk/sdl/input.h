/* Input translation: SDL mouse and finger events become one stream of pointer events. Touch
 * and mouse behave the same, and one physical tap never counts twice, whatever SDL's
 * touch-to-mouse and mouse-to-touch hints say: synthetic events from the other kind are
 * dropped here. Only the first finger down is followed. */
#ifndef KIOSK_INPUT_H
#define KIOSK_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "session.h"

struct input {
    bool finger_active;
    SDL_TouchID touch;
    SDL_FingerID finger;
    bool mouse_active;
    bool absolute_active; /* a press from an absolute pointer the kiosk reads (abs_pointer.h) */
};

struct pointer_event {
    enum session_input kind;
    int x, y;
};

/* Turns `e` into a pointer event on a width x height screen (window coordinates scaled to
 * output pixels by `scale_x`/`scale_y`). Returns false when the event is not pointer input
 * for the kiosk. */
bool input_translate(struct input *in, const SDL_Event *e, int width, int height, float scale_x,
                     float scale_y, struct pointer_event *out);

/* The same for a press, move or release of an absolute pointer the kiosk reads itself, at
 * (x, y), each 0..1 across the device, on a width x height screen: one pointer at a time, as
 * with touch and mouse. */
bool input_translate_absolute(struct input *in, enum session_input kind, float x, float y,
                              int width, int height, struct pointer_event *out);

/* Whether `e` stops the kiosk: only SDL_QUIT, which SDL makes of SIGTERM and SIGINT, and in a
 * preview window (`windowed`) closing the window. Keys, gestures and other window events never
 * do; tests/sdl/test_lockdown.c holds every other event to that. */
bool input_ends_kiosk(const SDL_Event *e, bool windowed);

#endif

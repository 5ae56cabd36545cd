#include "input.h"

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

bool input_translate(struct input *in, const SDL_Event *e, int width, int height, float scale_x,
                     float scale_y, struct pointer_event *out)
{
    switch (e->type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) {
            return false; /* SDL's copy of a touch, or a right/middle click */
        }
        if (e->type == SDL_MOUSEBUTTONDOWN) {
            if (in->finger_active || in->mouse_active || in->absolute_active) {
                return false;
            }
            in->mouse_active = true;
            out->kind = INPUT_DOWN;
        } else {
            if (!in->mouse_active) {
                return false;
            }
            in->mouse_active = false;
            out->kind = INPUT_UP;
        }
        out->x = (int)(e->button.x * scale_x);
        out->y = (int)(e->button.y * scale_y);
        return true;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !in->mouse_active) {
            return false;
        }
        out->kind = INPUT_MOVE;
        out->x = (int)(e->motion.x * scale_x);
        out->y = (int)(e->motion.y * scale_y);
        return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        if (e->tfinger.touchId == SDL_MOUSE_TOUCHID) {
            return false; /* SDL's copy of a mouse click */
        }
        if (e->type == SDL_FINGERDOWN) {
            if (in->finger_active || in->mouse_active || in->absolute_active) {
                return false; /* a second finger */
            }
            in->finger_active = true;
            in->touch = e->tfinger.touchId;
            in->finger = e->tfinger.fingerId;
            out->kind = INPUT_DOWN;
        } else {
            if (!in->finger_active || in->touch != e->tfinger.touchId ||
                in->finger != e->tfinger.fingerId) {
                return false;
            }
            if (e->type == SDL_FINGERUP) {
                in->finger_active = false;
                out->kind = INPUT_UP;
            } else {
                out->kind = INPUT_MOVE;
            }
        }
        /* Finger positions are 0..1 across the window. */
        out->x = clamp((int)(e->tfinger.x * (float)width), 0, width - 1);
        out->y = clamp((int)(e->tfinger.y * (float)height), 0, height - 1);
        return true;
    }
    default:
        return false;
    }
}

bool input_translate_absolute(struct input *in, enum session_input kind, float x, float y,
                              int width, int height, struct pointer_event *out)
{
    if (kind == INPUT_DOWN) {
        if (in->finger_active || in->mouse_active || in->absolute_active) {
            return false;
        }
        in->absolute_active = true;
    } else if (!in->absolute_active) {
        return false;
    } else if (kind == INPUT_UP || kind == INPUT_CANCEL) {
        in->absolute_active = false;
    }
    out->kind = kind;
    out->x = clamp((int)(x * (float)width), 0, width - 1);
    out->y = clamp((int)(y * (float)height), 0, height - 1);
    return true;
}

bool input_ends_kiosk(const SDL_Event *e, bool windowed)
{
    if (e->type == SDL_QUIT) {
        return true; /* SIGTERM or SIGINT: closing the window does not make one (run.c) */
    }
    /* Fullscreen, nothing closes the kiosk but a signal; a preview window closes. */
    return windowed && e->type == SDL_WINDOWEVENT && e->window.event == SDL_WINDOWEVENT_CLOSE;
}

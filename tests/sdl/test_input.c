/* Input translation: touch and mouse give the same pointer events, SDL's synthetic copies of
 * one as the other are dropped (one tap never counts twice), and a second finger is ignored. */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "input.h"
#include "input_devices.h"

/* The start-up check for a readable touch screen or mouse says why there is none. */
static void test_input_devices(void)
{
    char dir[] = "/tmp/kiosk-input-XXXXXX", why[200] = "";
    if (!mkdtemp(dir)) {
        CHECK(!"mkdtemp");
        return;
    }
    CHECK_INT(input_devices_report(dir, why, sizeof(why)), 0);
    CHECK(strstr(why, "there are no input devices") != NULL);
    /* Something called event0 that is not an input device (a plain file). */
    char path[64];
    snprintf(path, sizeof(path), "%s/event0", dir);
    FILE *f = fopen(path, "w");
    if (f) {
        fclose(f);
    }
    CHECK_INT(input_devices_report(dir, why, sizeof(why)), 0);
    CHECK(strstr(why, "none of the 1 input devices") != NULL);
    unlink(path);
    rmdir(dir);
    CHECK_INT(input_devices_report("/nonexistent/input", why, sizeof(why)), 0);
    CHECK(strstr(why, "cannot be read") != NULL);
}

static SDL_Event finger(Uint32 type, SDL_TouchID touch, SDL_FingerID id, float x, float y)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.touchId = touch;
    e.tfinger.fingerId = id;
    e.tfinger.x = x;
    e.tfinger.y = y;
    return e;
}

static SDL_Event mouse(Uint32 type, Uint32 which, int x, int y)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.which = which;
        e.motion.x = x;
        e.motion.y = y;
    } else {
        e.button.which = which;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = x;
        e.button.y = y;
    }
    return e;
}

int main(void)
{
    test_input_devices();
    struct input in;
    SDL_zero(in);
    struct pointer_event p;
    /* A real touch: down, move, up, in screen pixels. */
    SDL_Event e = finger(SDL_FINGERDOWN, 7, 1, 0.5f, 0.25f);
    CHECK(input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK_INT(p.kind, INPUT_DOWN);
    CHECK_INT(p.x, 400);
    CHECK_INT(p.y, 120);
    /* SDL's mouse copy of that touch is dropped. */
    e = mouse(SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 400, 120);
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    /* A second finger is ignored, its moves too. */
    e = finger(SDL_FINGERDOWN, 7, 2, 0.1f, 0.1f);
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    e = finger(SDL_FINGERMOTION, 7, 2, 0.2f, 0.1f);
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    e = finger(SDL_FINGERMOTION, 7, 1, 0.5f, 0.5f);
    CHECK(input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK_INT(p.kind, INPUT_MOVE);
    CHECK_INT(p.y, 240);
    /* A real mouse click while a finger is down is ignored. */
    e = mouse(SDL_MOUSEBUTTONDOWN, 0, 10, 10);
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    e = finger(SDL_FINGERUP, 7, 1, 1.2f, -0.1f);
    CHECK(input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK_INT(p.kind, INPUT_UP);
    CHECK_INT(p.x, 799); /* positions stay on the screen */
    CHECK_INT(p.y, 0);
    e = finger(SDL_FINGERUP, 7, 2, 0.2f, 0.1f);
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));

    /* A mouse click, and SDL's touch copy of it (SDL_MOUSE_TOUCH_EVENTS=1) is dropped. */
    e = mouse(SDL_MOUSEBUTTONDOWN, 0, 30, 40);
    CHECK(input_translate(&in, &e, 800, 480, 2, 2, &p));
    CHECK_INT(p.kind, INPUT_DOWN);
    CHECK_INT(p.x, 60); /* window points to output pixels on a HiDPI screen */
    CHECK_INT(p.y, 80);
    e = finger(SDL_FINGERDOWN, SDL_MOUSE_TOUCHID, 0, 0.1f, 0.1f);
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    e = mouse(SDL_MOUSEMOTION, 0, 35, 40);
    CHECK(input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK_INT(p.kind, INPUT_MOVE);
    e = mouse(SDL_MOUSEBUTTONUP, 0, 35, 40);
    CHECK(input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK_INT(p.kind, INPUT_UP);
    /* Moving the mouse with no button down is not input for the kiosk. */
    e = mouse(SDL_MOUSEMOTION, 0, 50, 50);
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    /* A right click is not a tap. */
    e = mouse(SDL_MOUSEBUTTONDOWN, 0, 50, 50);
    e.button.button = SDL_BUTTON_RIGHT;
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    return check_summary("test_input");
}

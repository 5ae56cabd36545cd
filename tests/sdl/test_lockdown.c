/* Lockdown at the SDL-event level: what Xvfb cannot make (several fingers at once, pinch and
 * $1 gestures, app and window events, keys with every modifier) goes down the same path as in
 * the live kiosk: live_events_handle (the kiosk's way out, translation, rotation, the layout's
 * buttons), then a step of the live loop with a fake clock. Nothing may end the kiosk, the screen
 * must stay one of the visitor's (welcome, a page, the cover), a second finger must do nothing, and
 * a plain tap must still work afterwards.
 *
 * Usage: test_lockdown CONFIG (a config without staff_pin: tests/data/e2e.cfg) */
#include <SDL.h>
#include <stdlib.h>

#include "check.h"
#include "config_locate.h"
#include "config_reader.h"
#include "display.h"
#include "input.h"
#include "libraries.h"
#include "live_events.h"
#include "view_rig.h"

#define W 1280
#define H 800

struct rig {
    const struct content *content;
    struct view_rig vr;
    struct live_events events;
    uint64_t now;
    int quits;
    int strays; /* events that left the visitor's screens */
};

/* One wake-up of the live loop at the rig's clock (the test config has no opening hours). */
static void step(struct rig *r)
{
    struct live_clock clock = {r->now, 0, 0};
    live_step(&r->vr.live, &clock);
}

/* What the live kiosk does with one event, then the loop's step. */
static void feed(struct rig *r, const SDL_Event *e)
{
    if (live_events_handle(&r->events, &r->vr.live, e, r->now) == LIVE_EVENT_QUIT) {
        r->quits++;
        return;
    }
    r->now += 3;
    step(r);
    enum session_screen s = r->vr.live.session.screen;
    if (s != SCREEN_WELCOME && s != SCREEN_PAGE && s != SCREEN_COVER) {
        r->strays++;
    }
}

static void finger(struct rig *r, Uint32 type, SDL_FingerID id, float x, float y)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.touchId = 7;
    e.tfinger.fingerId = id;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.pressure = 1.0f;
    feed(r, &e);
}

static void mouse_button(struct rig *r, Uint32 type, Uint8 button, int x, int y)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.button.which = 0;
    e.button.button = button;
    e.button.x = x;
    e.button.y = y;
    feed(r, &e);
}

static void key(struct rig *r, SDL_Keycode sym, SDL_Scancode code, Uint16 mod)
{
    SDL_Event e;
    SDL_zero(e);
    e.key.keysym.sym = sym;
    e.key.keysym.scancode = code;
    e.key.keysym.mod = mod;
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    feed(r, &e);
    e.key.repeat = 1; /* held down: the key repeats */
    feed(r, &e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    e.key.repeat = 0;
    feed(r, &e);
}

static void window_event(struct rig *r, SDL_WindowEventID id)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_WINDOWEVENT;
    e.window.event = (Uint8)id;
    feed(r, &e);
}

static void plain(struct rig *r, Uint32 type)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    feed(r, &e);
}

static void multigesture(struct rig *r, float rotation, float pinch, Uint16 fingers)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MULTIGESTURE;
    e.mgesture.touchId = 7;
    e.mgesture.dTheta = rotation;
    e.mgesture.dDist = pinch;
    e.mgesture.x = 0.5f;
    e.mgesture.y = 0.5f;
    e.mgesture.numFingers = fingers;
    feed(r, &e);
    SDL_zero(e);
    e.type = SDL_DOLLARGESTURE;
    e.dgesture.touchId = 7;
    e.dgesture.numFingers = fingers;
    feed(r, &e);
    e.type = SDL_DOLLARRECORD;
    feed(r, &e);
}

/* Centre of the button with this action (and target, unless CONTENT_NONE) on screen now, in
 * 0..1 finger coordinates. */
static bool centre(struct rig *r, enum session_action action, int target, float *x, float *y)
{
    live_layout(&r->vr.live);
    for (size_t i = 0; i < r->vr.live.layout.n_hits; i++) {
        const struct layout_hit *h = &r->vr.live.layout.hits[i];
        if (h->hit.action == action && (target == CONTENT_NONE || h->hit.target == target)) {
            *x = ((float)h->rect.x + (float)h->rect.w / 2.0f + 0.5f) / (float)W;
            *y = ((float)h->rect.y + (float)h->rect.h / 2.0f + 0.5f) / (float)H;
            return true;
        }
    }
    return false;
}

static void tap_at(struct rig *r, float x, float y)
{
    finger(r, SDL_FINGERDOWN, 1, x, y);
    r->now += 80;
    finger(r, SDL_FINGERUP, 1, x, y);
    r->now += 300;
}

static bool tap_button(struct rig *r, enum session_action action, int target)
{
    float x, y;
    if (!centre(r, action, target, &x, &y)) {
        return false;
    }
    tap_at(r, x, y);
    return true;
}

/* Waits out the idle timer and the countdown: the kiosk goes back to the welcome screen. */
static void walk_away(struct rig *r)
{
    r->now += 3600u * 1000u;
    step(r);
    r->now += 3600u * 1000u;
    step(r);
}

/* From the welcome screen: the menu, then the first topic's first page. */
static int open_first_topic(struct rig *r)
{
    tap_at(r, 0.5f, 0.5f);
    int first = r->content->topics[0].first_page;
    CHECK(tap_button(r, ACTION_GOTO, first));
    CHECK_INT(r->vr.live.session.screen, SCREEN_PAGE);
    CHECK_INT(r->vr.live.session.visit.page, first);
    return first;
}

/* A second (third, fourth...) finger does nothing, wherever it goes, even on Quick exit. */
static void test_more_fingers(struct rig *r)
{
    int first = open_first_topic(r);
    float qx, qy, nx, ny;
    CHECK(centre(r, ACTION_QUICK_EXIT, CONTENT_NONE, &qx, &qy));
    CHECK(centre(r, ACTION_NEXT, CONTENT_NONE, &nx, &ny));
    /* Finger 1 rests on the text; finger 2 taps Quick exit, finger 3 swipes across. */
    finger(r, SDL_FINGERDOWN, 1, 0.5f, 0.5f);
    finger(r, SDL_FINGERDOWN, 2, qx, qy);
    finger(r, SDL_FINGERUP, 2, qx, qy);
    finger(r, SDL_FINGERDOWN, 3, 0.9f, 0.5f);
    for (int i = 0; i < 20; i++) {
        finger(r, SDL_FINGERMOTION, 3, 0.9f - (float)i * 0.04f, 0.5f);
    }
    finger(r, SDL_FINGERUP, 3, 0.1f, 0.5f);
    CHECK_INT(r->vr.live.session.screen, SCREEN_PAGE);
    CHECK_INT(r->vr.live.session.visit.page, first);
    finger(r, SDL_FINGERUP, 1, 0.5f, 0.5f);
    CHECK_INT(r->vr.live.session.visit.page, first);
    /* Five fingers pinch and turn, lifting in another order; gestures come in between. */
    for (SDL_FingerID f = 10; f < 15; f++) {
        finger(r, SDL_FINGERDOWN, f, 0.3f + 0.1f * (float)(f - 10), 0.5f);
    }
    for (int step = 0; step < 30; step++) {
        for (SDL_FingerID f = 10; f < 15; f++) {
            float spread = 0.1f + 0.01f * (float)step;
            float x = 0.5f + spread * (float)(f - 12), y = 0.5f - 0.01f * (float)step;
            finger(r, SDL_FINGERMOTION, f, x, y);
        }
        multigesture(r, 0.05f, 0.01f, 5);
    }
    for (SDL_FingerID f = 14; f >= 10; f--) {
        finger(r, SDL_FINGERUP, f, 0.5f, 0.2f);
    }
    CHECK_INT(r->vr.live.session.screen, SCREEN_PAGE);
    /* The first finger of those was a drag up the page: it may scroll, never leave the page. */
    CHECK_INT(r->vr.live.session.visit.page, first);
    /* A mouse held down makes every finger a second one, and the other way round. */
    mouse_button(r, SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, 640, 400);
    finger(r, SDL_FINGERDOWN, 1, qx, qy);
    finger(r, SDL_FINGERUP, 1, qx, qy);
    mouse_button(r, SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 640, 400);
    finger(r, SDL_FINGERDOWN, 1, 0.5f, 0.5f);
    mouse_button(r, SDL_MOUSEBUTTONDOWN, SDL_BUTTON_LEFT, (int)(qx * W), (int)(qy * H));
    mouse_button(r, SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, (int)(qx * W), (int)(qy * H));
    finger(r, SDL_FINGERUP, 1, 0.5f, 0.5f);
    CHECK_INT(r->vr.live.session.screen, SCREEN_PAGE);
    /* Right, middle and extra mouse buttons and the wheel press nothing, Quick exit included. */
    Uint8 buttons[] = {SDL_BUTTON_RIGHT, SDL_BUTTON_MIDDLE, SDL_BUTTON_X1, SDL_BUTTON_X2};
    for (size_t i = 0; i < sizeof(buttons); i++) {
        mouse_button(r, SDL_MOUSEBUTTONDOWN, buttons[i], (int)(qx * W), (int)(qy * H));
        mouse_button(r, SDL_MOUSEBUTTONUP, buttons[i], (int)(qx * W), (int)(qy * H));
    }
    SDL_Event wheel;
    SDL_zero(wheel);
    wheel.type = SDL_MOUSEWHEEL;
    wheel.wheel.y = -5;
    feed(r, &wheel);
    CHECK_INT(r->vr.live.session.screen, SCREEN_PAGE);
    CHECK_INT(r->vr.live.session.visit.page, first);
    /* Alone, a finger still works: Next, then Quick exit. */
    tap_at(r, nx, ny);
    CHECK_INT(r->vr.live.session.visit.page, r->content->pages[first].next);
    tap_at(r, qx, qy);
    CHECK_INT(r->vr.live.session.screen, SCREEN_COVER);
    walk_away(r);
    CHECK_INT(r->vr.live.session.screen, SCREEN_WELCOME);
}

/* Keys, with any modifier, held or not, do nothing at all; text input neither. */
static void test_keys(struct rig *r)
{
    int first = open_first_topic(r);
    static const SDL_Keycode keys[] = {
        SDLK_F4,      SDLK_q,       SDLK_w,      SDLK_ESCAPE, SDLK_TAB,       SDLK_BACKSPACE,
        SDLK_F1,      SDLK_F2,      SDLK_F11,    SDLK_c,      SDLK_d,         SDLK_z,
        SDLK_DELETE,  SDLK_RETURN,  SDLK_LGUI,   SDLK_RGUI,   SDLK_MENU,      SDLK_APPLICATION,
        SDLK_AC_BACK, SDLK_AC_HOME, SDLK_POWER,  SDLK_SLEEP,  SDLK_LEFT,      SDLK_RIGHT,
        SDLK_HOME,    SDLK_END,     SDLK_PAGEUP, SDLK_SPACE,  SDLK_AUDIOMUTE, SDLK_BRIGHTNESSDOWN};
    static const Uint16 mods[] = {KMOD_NONE,
                                  KMOD_LALT,
                                  KMOD_LCTRL,
                                  KMOD_LCTRL | KMOD_LALT,
                                  KMOD_LGUI,
                                  KMOD_LSHIFT | KMOD_LCTRL,
                                  KMOD_RALT | KMOD_RCTRL};
    for (size_t m = 0; m < sizeof(mods) / sizeof(mods[0]); m++) {
        for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
            key(r, keys[k], SDL_GetScancodeFromKey(keys[k]), mods[m]);
        }
    }
    SDL_Event text;
    SDL_zero(text);
    text.type = SDL_TEXTINPUT;
    SDL_strlcpy(text.text.text, "q", sizeof(text.text.text));
    feed(r, &text);
    text.type = SDL_TEXTEDITING;
    feed(r, &text);
    CHECK_INT(r->quits, 0);
    CHECK_INT(r->vr.live.session.screen, SCREEN_PAGE);
    CHECK_INT(r->vr.live.session.visit.page, first);
    walk_away(r);
}

/* The window and the system say many things; only SDL_QUIT (a signal) ends the kiosk, and
 * closing the window only in a preview window. */
static void test_window_and_app_events(struct rig *r)
{
    int first = open_first_topic(r);
    static const SDL_WindowEventID ids[] = {
        SDL_WINDOWEVENT_FOCUS_LOST,     SDL_WINDOWEVENT_MINIMIZED, SDL_WINDOWEVENT_HIDDEN,
        SDL_WINDOWEVENT_LEAVE,          SDL_WINDOWEVENT_CLOSE,     SDL_WINDOWEVENT_TAKE_FOCUS,
        SDL_WINDOWEVENT_HIT_TEST,       SDL_WINDOWEVENT_RESTORED,  SDL_WINDOWEVENT_MAXIMIZED,
        SDL_WINDOWEVENT_SHOWN,          SDL_WINDOWEVENT_ENTER,     SDL_WINDOWEVENT_FOCUS_GAINED,
        SDL_WINDOWEVENT_MOVED,          SDL_WINDOWEVENT_EXPOSED,   SDL_WINDOWEVENT_ICCPROF_CHANGED,
        SDL_WINDOWEVENT_DISPLAY_CHANGED};
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        window_event(r, ids[i]);
    }
    static const Uint32 types[] = {SDL_APP_TERMINATING,
                                   SDL_APP_LOWMEMORY,
                                   SDL_APP_WILLENTERBACKGROUND,
                                   SDL_APP_DIDENTERBACKGROUND,
                                   SDL_APP_WILLENTERFOREGROUND,
                                   SDL_APP_DIDENTERFOREGROUND,
                                   SDL_LOCALECHANGED,
                                   SDL_DISPLAYEVENT,
                                   SDL_KEYMAPCHANGED,
                                   SDL_CLIPBOARDUPDATE,
                                   SDL_DROPBEGIN,
                                   SDL_DROPCOMPLETE,
                                   SDL_AUDIODEVICEADDED,
                                   SDL_SENSORUPDATE,
                                   SDL_RENDER_TARGETS_RESET,
                                   SDL_RENDER_DEVICE_RESET,
                                   SDL_JOYBUTTONDOWN,
                                   SDL_CONTROLLERBUTTONDOWN,
                                   SDL_CONTROLLERDEVICEADDED,
                                   SDL_SYSWMEVENT,
                                   SDL_USEREVENT};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        plain(r, types[i]);
    }
    CHECK_INT(r->quits, 0);
    CHECK_INT(r->vr.live.session.screen, SCREEN_PAGE);
    CHECK_INT(r->vr.live.session.visit.page, first);
    /* The two ways out there are. */
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_QUIT;
    CHECK(input_ends_kiosk(&e, false));
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    CHECK(!input_ends_kiosk(&e, false));
    CHECK(input_ends_kiosk(&e, true));
    walk_away(r);
}

/* Thousands of random events of every kind, fingers 0..9 down and up in any order, time
 * jumping: never a way out, never a stray screen; once every finger is up and the visitor has
 * gone, the welcome screen is back and a plain tap works. */
static void test_storm(struct rig *r)
{
    unsigned seed = 20240607u;
    for (int i = 0; i < 30000; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned v = seed >> 8;
        float x = (float)(v % 1000u) / 1000.0f, y = (float)((v / 1000u) % 1000u) / 1000.0f;
        SDL_FingerID f = (SDL_FingerID)((v >> 20) % 10u);
        switch ((v >> 4) % 12u) {
        case 0:
        case 1:
            finger(r, SDL_FINGERDOWN, f, x, y);
            break;
        case 2:
        case 3:
        case 4:
            finger(r, SDL_FINGERMOTION, f, x, y);
            break;
        case 5:
        case 6:
            finger(r, SDL_FINGERUP, f, x, y);
            break;
        case 7:
            mouse_button(r, (v & 1) ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP,
                         (Uint8)(1 + (v >> 1) % 5u), (int)(x * W), (int)(y * H));
            break;
        case 8:
            multigesture(r, x - 0.5f, y - 0.5f, (Uint16)(2 + f % 4));
            break;
        case 9:
            key(r, (SDL_Keycode)(v % 0x7f), (SDL_Scancode)(v % SDL_NUM_SCANCODES),
                (Uint16)(v >> 3));
            break;
        case 10:
            window_event(r, (SDL_WindowEventID)(v % (SDL_WINDOWEVENT_DISPLAY_CHANGED + 1)));
            break;
        default:
            r->now += v % 20000u; /* a pause, up to 20 s: timers run out in between */
            step(r);
            break;
        }
        if (i % 500 == 0) {
            view_rig_draw(&r->vr); /* drawing whatever screen it is must not fail either */
        }
    }
    CHECK_INT(r->quits, 0);
    CHECK_INT(r->strays, 0);
    for (SDL_FingerID f = 0; f < 10; f++) {
        finger(r, SDL_FINGERUP, f, 0.5f, 0.5f);
    }
    mouse_button(r, SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, 10, 10);
    walk_away(r);
    CHECK_INT(r->vr.live.session.screen, SCREEN_WELCOME);
    int first = open_first_topic(r);
    float qx, qy;
    CHECK(centre(r, ACTION_QUICK_EXIT, CONTENT_NONE, &qx, &qy));
    tap_at(r, qx, qy);
    CHECK_INT(r->vr.live.session.screen, SCREEN_COVER);
    (void)first;
}

/* Each test gets a kiosk of its own, fresh at the welcome screen: none depends on what another
 * left behind, or on the order they run in. */
static bool run(void (*test)(struct rig *), const struct content *content)
{
    struct rig r;
    SDL_memset(&r, 0, sizeof(r));
    r.content = content;
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *sdl = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    if (!sdl || !view_rig_init(&r.vr, r.content, sdl, W, H)) {
        fprintf(stderr, "test_lockdown: cannot set up the view\n");
        return false;
    }
    /* Drawn every 500 events in the storm, not at every step: the storm is long. */
    r.vr.live.ports.draw = NULL;
    live_events_init(&r.events, W, H, false);
    r.now = 1000;
    test(&r);
    CHECK_INT(r.quits, 0);
    CHECK_INT(r.strays, 0);
    view_rig_finish(&r.vr);
    SDL_DestroyRenderer(sdl);
    SDL_FreeSurface(surface);
    return true;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: test_lockdown CONFIG\n");
        return 2;
    }
    struct diag_list diags;
    diag_init(&diags, argv[1]);
    struct content *content = config_load(argv[1], config_assets_dir(), &diags);
    diag_finish(&diags);
    if (!content || content->staff_pin || !libraries_init()) {
        fprintf(stderr, "test_lockdown: needs a config without staff_pin\n");
        return 1;
    }
    static void (*const tests[])(struct rig *) = {test_more_fingers, test_keys,
                                                  test_window_and_app_events, test_storm};
    for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
        if (!run(tests[i], content)) {
            return 1;
        }
    }
    content_destroy(content);
    libraries_quit();
    return check_summary("test_lockdown");
}

/* Absolute pointers on the bare display: which devices the kiosk reads itself (those SDL 2.26
 * would misread), and how their reports become presses, moves and releases at the right place.
 * A USB touch panel in mouse mode reports 0..32767; the tap must land where the finger was, not
 * in the bottom-right corner. Devices are described by their capability bits, as the kernel
 * gives them, and fed events by hand. */
#include <SDL.h>
#include <linux/input.h>
#include <string.h>

#include "abs_pointer.h"
#include "check.h"
#include "input.h"
#include "input_devices.h"

static void set(unsigned long *bits, unsigned n)
{
    bits[n / INPUT_BITS_LONG] |= 1UL << (n % INPUT_BITS_LONG);
}

/* Capabilities from a list of (type, code) pairs ending with type -1; EV_MAX + code marks an
 * input property. */
static struct input_caps caps_of(const int *pairs)
{
    struct input_caps c;
    memset(&c, 0, sizeof(c));
    for (; pairs[0] >= 0; pairs += 2) {
        if (pairs[0] > EV_MAX) {
            set(c.prop, (unsigned)pairs[1]);
            continue;
        }
        set(c.ev, (unsigned)pairs[0]);
        unsigned long *bits = pairs[0] == EV_KEY   ? c.key
                              : pairs[0] == EV_ABS ? c.abs
                              : pairs[0] == EV_REL ? c.rel
                                                   : NULL;
        if (bits) {
            set(bits, (unsigned)pairs[1]);
        }
    }
    return c;
}

#define PROP (EV_MAX + 1)

static void test_kinds(void)
{
    /* QEMU's usb-tablet: /proc/bus/input/devices says KEY=70000 (left, right, middle),
     * ABS=3 (x, y), REL=900 (wheels). udev calls it a mouse; SDL passes raw values. */
    int tablet[] = {EV_KEY, BTN_LEFT, EV_KEY, BTN_RIGHT, EV_KEY, BTN_MIDDLE, EV_ABS, ABS_X,
                    EV_ABS, ABS_Y,    EV_REL, REL_WHEEL, EV_SYN, 0,          -1,     -1};
    struct input_caps c = caps_of(tablet);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_ABSOLUTE);
    /* A resistive HID panel in mouse mode: a left button and absolute x, y. */
    int panel[] = {EV_KEY, BTN_LEFT, EV_ABS, ABS_X, EV_ABS, ABS_Y, -1, -1};
    c = caps_of(panel);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_ABSOLUTE);
    /* A pen tablet: SDL does not read it at all. */
    int pen[] = {EV_KEY, BTN_TOOL_PEN, EV_KEY, BTN_TOUCH, EV_KEY,       BTN_STYLUS, EV_ABS,
                 ABS_X,  EV_ABS,       ABS_Y,  EV_ABS,    ABS_PRESSURE, -1,         -1};
    c = caps_of(pen);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_ABSOLUTE);
    /* A multi-touch screen (the official Pi panels, most USB panels in touch mode). */
    int mt[] = {EV_KEY, BTN_TOUCH,
                EV_ABS, ABS_X,
                EV_ABS, ABS_Y,
                EV_ABS, ABS_MT_SLOT,
                EV_ABS, ABS_MT_POSITION_X,
                EV_ABS, ABS_MT_POSITION_Y,
                EV_ABS, ABS_MT_TRACKING_ID,
                PROP,   INPUT_PROP_DIRECT,
                -1,     -1};
    c = caps_of(mt);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_TOUCH);
    /* A single-touch screen: BTN_TOUCH and x, y, no mouse button. */
    int single[] = {EV_KEY, BTN_TOUCH, EV_ABS, ABS_X, EV_ABS, ABS_Y, -1, -1};
    c = caps_of(single);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_TOUCH);
    /* A relative mouse, a keyboard, a power button. */
    int mouse[] = {EV_KEY, BTN_LEFT, EV_KEY, BTN_RIGHT, EV_REL, REL_X, EV_REL, REL_Y, -1, -1};
    c = caps_of(mouse);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_MOUSE);
    int keyboard[] = {EV_KEY, KEY_A, EV_KEY, KEY_ESC, EV_LED, LED_CAPSL, -1, -1};
    c = caps_of(keyboard);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_OTHER);
    int power[] = {EV_KEY, KEY_POWER, -1, -1};
    c = caps_of(power);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_OTHER);
    /* A joystick-like device with absolute axes and no button of either kind. */
    int stick[] = {EV_ABS, ABS_X, EV_ABS, ABS_Y, EV_KEY, BTN_TRIGGER, -1, -1};
    c = caps_of(stick);
    CHECK_INT(input_kind_of(&c), INPUT_KIND_OTHER);
}

static struct input_event ev(int type, int code, int value)
{
    struct input_event e;
    memset(&e, 0, sizeof(e));
    e.type = (unsigned short)type;
    e.code = (unsigned short)code;
    e.value = value;
    return e;
}

/* Feeds events; returns how many reports came out, the last in `out`. */
static int feed(struct abs_device *d, const struct input_event *events, int n,
                struct abs_event *out)
{
    int reports = 0;
    for (int i = 0; i < n; i++) {
        reports += abs_device_feed(d, &events[i], out);
    }
    return reports;
}

static void test_reports(void)
{
    struct abs_device d;
    abs_device_init(&d, -1, (struct abs_axis){0, 32767}, (struct abs_axis){0, 32767});
    struct abs_event a;
    /* Moving with nothing pressed says nothing: a hovering pen, a panel's idle reports. */
    struct input_event hover[] = {ev(EV_ABS, ABS_X, 8192), ev(EV_ABS, ABS_Y, 16384),
                                  ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, hover, 3, &a), 0);
    /* A press: the button and the position in one report, at a quarter and a half. */
    struct input_event press[] = {ev(EV_ABS, ABS_X, 8191), ev(EV_KEY, BTN_LEFT, 1),
                                  ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, press, 3, &a), 1);
    CHECK_INT(a.kind, INPUT_DOWN);
    CHECK(a.x > 0.2499f && a.x < 0.2501f);
    CHECK(a.y > 0.4999f && a.y < 0.5001f);
    /* A key repeat of the button changes nothing. */
    struct input_event repeat[] = {ev(EV_KEY, BTN_LEFT, 2), ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, repeat, 2, &a), 0);
    /* A drag, then the release where the finger left. */
    struct input_event drag[] = {ev(EV_ABS, ABS_Y, 32767), ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, drag, 2, &a), 1);
    CHECK_INT(a.kind, INPUT_MOVE);
    CHECK(a.y > 0.9999f);
    struct input_event release[] = {ev(EV_KEY, BTN_LEFT, 0), ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, release, 2, &a), 1);
    CHECK_INT(a.kind, INPUT_UP);
    /* A pen's tip (BTN_TOUCH) counts as a press; other buttons do not. */
    struct input_event right[] = {ev(EV_KEY, BTN_RIGHT, 1), ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, right, 2, &a), 0);
    struct input_event tip[] = {ev(EV_KEY, BTN_TOUCH, 1), ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, tip, 2, &a), 1);
    CHECK_INT(a.kind, INPUT_DOWN);
    /* Events lost (SYN_DROPPED): what comes before the next SYN_REPORT is ignored, then the
     * state known is passed on; a lost release still ends the touch. */
    struct input_event lost[] = {ev(EV_SYN, SYN_DROPPED, 0), ev(EV_ABS, ABS_X, 100),
                                 ev(EV_KEY, BTN_TOUCH, 0), ev(EV_SYN, SYN_REPORT, 0)};
    d.buttons = false; /* what a device (fd >= 0) would answer when asked after the loss */
    CHECK_INT(feed(&d, lost, 4, &a), 1);
    CHECK_INT(a.kind, INPUT_UP);
    /* Values beyond the reported range stay on the screen; an odd range with a minimum. */
    abs_device_init(&d, -1, (struct abs_axis){200, 3900}, (struct abs_axis){300, 3800});
    struct input_event edge[] = {ev(EV_ABS, ABS_X, 100), ev(EV_ABS, ABS_Y, 4095),
                                 ev(EV_KEY, BTN_LEFT, 1), ev(EV_SYN, SYN_REPORT, 0)};
    CHECK_INT(feed(&d, edge, 4, &a), 1);
    CHECK(a.x == 0.0f);
    CHECK(a.y == 1.0f);
}

/* On an 800x480 panel, a tap at raw (16384, 16384) of 0..32767 is in the middle; and one pointer
 * at a time, across absolute pointers, fingers and mice. */
static void test_translate(void)
{
    struct input in;
    SDL_zero(in);
    struct pointer_event p;
    CHECK(input_translate_absolute(&in, INPUT_DOWN, 16384.0f / 32767.0f, 16384.0f / 32767.0f, 800,
                                   480, &p));
    CHECK_INT(p.kind, INPUT_DOWN);
    CHECK_INT(p.x, 400);
    CHECK_INT(p.y, 240);
    /* A finger meanwhile is ignored. */
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_FINGERDOWN;
    e.tfinger.touchId = 3;
    e.tfinger.x = e.tfinger.y = 0.1f;
    CHECK(!input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK(input_translate_absolute(&in, INPUT_UP, 1.0f, 1.0f, 800, 480, &p));
    CHECK_INT(p.kind, INPUT_UP);
    CHECK_INT(p.x, 799);
    CHECK_INT(p.y, 479);
    /* A release or move with no press of its own is not input. */
    CHECK(!input_translate_absolute(&in, INPUT_MOVE, 0.5f, 0.5f, 800, 480, &p));
    CHECK(!input_translate_absolute(&in, INPUT_UP, 0.5f, 0.5f, 800, 480, &p));
    /* While a finger is down, an absolute press waits its turn; a cancel (a device unplugged
     * mid-press) ends the absolute pointer's press without a tap. */
    CHECK(input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK(!input_translate_absolute(&in, INPUT_DOWN, 0.5f, 0.5f, 800, 480, &p));
    e.type = SDL_FINGERUP;
    CHECK(input_translate(&in, &e, 800, 480, 1, 1, &p));
    CHECK(input_translate_absolute(&in, INPUT_DOWN, 0.5f, 0.5f, 800, 480, &p));
    CHECK(input_translate_absolute(&in, INPUT_CANCEL, 0.5f, 0.5f, 800, 480, &p));
    CHECK_INT(p.kind, INPUT_CANCEL);
    CHECK(input_translate_absolute(&in, INPUT_DOWN, 0.5f, 0.5f, 800, 480, &p));
}

int main(void)
{
    test_kinds();
    test_reports();
    test_translate();
    return check_summary("test_abs_pointer");
}

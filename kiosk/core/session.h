/* The session: what one visitor is doing, as a pure state machine. It never reads a clock:
 * every call is given `now` in milliseconds, so idle, countdown, reset and scrolling momentum
 * can be tested to the millisecond. Input arrives as pointer events already matched to the
 * button under them (a `struct hit`, found by the layout); the session decides what they mean:
 * tap, swipe, drag to scroll, fling. */
#ifndef KIOSK_SESSION_H
#define KIOSK_SESSION_H

#include <stdbool.h>
#include <stdint.h>

#include "content.h"

#define SESSION_NO_DEADLINE UINT64_MAX
#define SESSION_HISTORY 64
/* While the page glides after a fling it wants a frame this often. */
#define SESSION_FRAME_MS 16

enum session_screen { SCREEN_WELCOME, SCREEN_PAGE, SCREEN_COVER };

enum session_action {
    ACTION_NONE,
    ACTION_QUICK_EXIT,
    ACTION_BACK,
    ACTION_NEXT,
    ACTION_HOME,
    ACTION_HELP,
    ACTION_GOTO, /* hit.target is the page */
    ACTION_CONTINUE,
};

/* What lies under a point of the screen. */
struct hit {
    enum session_action action;
    int target;
};

enum session_input { INPUT_DOWN, INPUT_MOVE, INPUT_UP, INPUT_CANCEL };

struct session_event {
    enum session_input kind;
    int x, y;       /* screen pixels */
    struct hit hit; /* what the layout has under (x, y) */
};

/* Everything one visit leaves behind. A reset or quick exit puts every byte of it back to
 * how session_init left it, so nothing of one visitor reaches the next. */
struct session_visit {
    int page;
    int history[SESSION_HISTORY];
    int history_scroll[SESSION_HISTORY];
    int depth;
    double scroll;   /* pixels the page is scrolled up by */
    double velocity; /* pixels per second while gliding after a fling */
    uint64_t glide_time;
    bool countdown;
    uint64_t countdown_start;
    int countdown_seconds; /* what the overlay shows */
    uint64_t last_activity;
    int lang;
    struct hit pressed; /* the button a finger is on, drawn pressed */
};

/* The one finger (or mouse) the kiosk follows; a second finger is ignored. */
struct session_pointer {
    bool down;
    bool swallowed; /* this touch already did its job (woke the screen, quick exit...) */
    enum { POINTER_UNDECIDED, POINTER_SCROLL, POINTER_SWIPE } mode;
    int x0, y0, x, y;
    double scroll0;
    struct hit hit;
    /* recent positions to measure fling speed */
    int sample_y[4];
    uint64_t sample_t[4];
    int samples;
};

struct session {
    const struct content *content;
    uint64_t idle_ms, countdown_ms;
    int width, height; /* screen size, for gesture thresholds */
    int scroll_max;
    enum session_screen screen;
    struct session_visit visit;
    struct session_pointer pointer;
};

/* Starts at the welcome screen; `content` must outlive the session. */
void session_init(struct session *s, const struct content *content, int width, int height);
/* Applies one pointer event; returns true when what is on screen changed. */
bool session_handle(struct session *s, const struct session_event *ev, uint64_t now);
/* Lets time pass: idle, countdown, reset, gliding. Returns true when the screen changed. */
bool session_tick(struct session *s, uint64_t now);
/* When session_tick next has work to do, or SESSION_NO_DEADLINE. */
uint64_t session_deadline(const struct session *s);
/* Tells the session how far the current page can scroll (from its layout). */
void session_set_scroll_max(struct session *s, int scroll_max);
/* Tells the session the screen size changed. */
void session_set_screen(struct session *s, int width, int height);
/* Wipes the visit and shows the welcome screen. */
void session_reset(struct session *s);
/* Shows a screen directly, as if a visitor had got there: for previews and tests. `page` is
 * used on SCREEN_PAGE; `countdown` raises the Still-there overlay at its full count. */
void session_preview(struct session *s, enum session_screen screen, int page, bool countdown);
/* Whether Back leads anywhere from here. */
bool session_can_go_back(const struct session *s);
/* Where Next leads from here, or CONTENT_NONE; the last page of a topic leads to the menu. */
int session_next_page(const struct session *s);

#endif

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

/* Holding a finger this long in the top-left corner opens the staff PIN pad (when the config
 * has a staff_pin). Visitors do not hold still that long by accident, and the PIN guards it. */
#define SESSION_STAFF_HOLD_MS 5000
/* The clean-screen mode ignores touches this long, so the glass can be wiped. */
#define SESSION_CLEAN_MS 30000
/* The text sizes "A+" steps through, in percent of the config's size; the last step leads
 * back to the first. */
#define SESSION_TEXT_SCALES 3
extern const int session_text_percent[SESSION_TEXT_SCALES];
/* Wrong PINs in a row before the pad closes. Each time it closes that way, the staff corner
 * then does nothing for SESSION_LOCKOUT_MS, twice as long after each further round of wrong
 * tries, up to SESSION_LOCKOUT_MAX_MS: guessing a 4-digit PIN would take weeks. The right PIN
 * ends the count. */
#define SESSION_PIN_TRIES 3
#define SESSION_LOCKOUT_MS (60u * 1000u)
#define SESSION_LOCKOUT_MAX_MS (16u * 60u * 1000u)

enum session_screen {
    SCREEN_WELCOME,
    SCREEN_PAGE,
    SCREEN_COVER,
    SCREEN_ASLEEP,      /* outside opening hours: black */
    SCREEN_STAFF_PIN,   /* the PIN pad */
    SCREEN_STAFF,       /* staff menu: status, touch test, clean screen, reload */
    SCREEN_STAFF_TOUCH, /* touch test: shows where each touch lands */
    SCREEN_STAFF_CLEAN, /* ignores touches for SESSION_CLEAN_MS */
};

enum session_action {
    ACTION_NONE,
    ACTION_QUICK_EXIT,
    ACTION_BACK,
    ACTION_NEXT,
    ACTION_HOME,
    ACTION_HELP,
    ACTION_GOTO, /* hit.target is the page */
    ACTION_CONTINUE,
    ACTION_KEY,         /* PIN pad digit; hit.target is 0..9 */
    ACTION_KEY_ERASE,   /* PIN pad: remove the last digit */
    ACTION_STAFF_CLOSE, /* leave staff mode */
    ACTION_STAFF_TOUCH_TEST,
    ACTION_STAFF_CLEAN,
    ACTION_STAFF_RELOAD,
    ACTION_STAFF_GO_BACK, /* put back the content from before the last USB stick */
    ACTION_STAFF_BACK,    /* from the touch test to the staff menu */
    ACTION_LANGUAGE,      /* welcome screen: hit.target is the language */
    ACTION_TEXT_SIZE,     /* "A+": the next larger text size, then back to normal */
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
    int lang;       /* index into content.languages: the visitor's choice, 0 until they choose */
    int text_scale; /* index into session_text_percent */
    struct hit pressed; /* the button a finger is on, drawn pressed */
};

/* The one finger (or mouse) the kiosk follows; a second finger is ignored. It holds only the
 * touch in progress: when the finger lifts, all of it is wiped. */
struct session_pointer {
    bool down;
    bool swallowed; /* this touch already did its job (woke the screen, quick exit...) */
    enum { POINTER_UNDECIDED, POINTER_SCROLL, POINTER_SWIPE } mode;
    int x0, y0, x, y;
    uint64_t down_at;
    uint64_t moved_at; /* the last time it went down or moved: a resting object never moves */
    bool corner;       /* went down in the staff corner and has not moved off it */
    double scroll0;
    struct hit hit;
    /* recent positions to measure fling speed */
    int sample_y[4];
    uint64_t sample_t[4];
    int samples;
};

/* Staff mode's state. Like a visit, it is wiped byte for byte when staff mode ends. */
struct session_staff {
    char entered[9]; /* PIN digits typed so far */
    int failures;    /* wrong PINs in a row */
    bool wrong;      /* the last PIN was wrong: the pad says so */
    uint64_t since;  /* when the current staff screen appeared, or the last touch on it */
    uint64_t clean_start;
    int clean_seconds; /* what the clean screen shows */
    bool touch_seen;
    int touch_x, touch_y, touches; /* touch test: the last point and how many touches */
};

struct session {
    const struct content *content;
    uint64_t idle_ms, countdown_ms;
    int width, height; /* screen size, for gesture thresholds */
    int scroll_max;
    enum session_screen screen;
    struct session_visit visit;
    struct session_pointer pointer;
    struct session_staff staff;
    bool open; /* inside opening hours (always, without a schedule) */
    /* Wrong PINs since the last right one, and until when the staff corner does nothing. Not
     * wiped with staff mode, which a wrong try ends: it must outlive the pad. */
    struct {
        int wrong;
        uint64_t until;
    } lockout;
    bool reload_requested;    /* staff pressed "reload content now"; the app clears it */
    bool go_back_requested;   /* staff pressed "go back" (to before the USB stick); likewise */
    bool staff_can_go_back;   /* the app has content from before a USB stick to go back to */
    const char *staff_report; /* text the staff menu shows, owned by the app; may be NULL */
    const char *notice;       /* a problem staff must see on the welcome screen, or NULL */
};

/* What the screen shows as far as its layout goes (scrolling aside): when this changes, the
 * layout must be built again. */
struct session_shown {
    enum session_screen screen;
    int page, depth, countdown_seconds, lang, text_scale;
    bool countdown;
    struct hit pressed;
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
/* Tells the session whether the kiosk is inside opening hours. Outside them the welcome screen
 * gives way to a black one, and a visit that ends goes back to black; a touch on the black
 * screen wakes the welcome screen for one visit and presses nothing. Returns true when what is
 * on screen changed. */
bool session_set_open(struct session *s, bool open);
/* Tells the session the screen size changed. */
void session_set_screen(struct session *s, int width, int height);
/* Wipes the visit and staff mode and shows the welcome screen (black outside opening hours). */
void session_reset(struct session *s);
/* Shows a screen directly, as if a visitor had got there: for previews and tests. `page` is
 * used on SCREEN_PAGE; `countdown` raises the Still-there overlay at its full count. */
void session_preview(struct session *s, enum session_screen screen, int page, bool countdown);
/* Whether the screen shows one of staff mode's screens. */
bool session_in_staff_mode(const struct session *s);
/* Whether the welcome screen holds a visitor's choice (a language, a text size), which must
 * time out like a visit. */
bool session_welcome_touched(const struct session *s);
/* What the screen shows now, and whether two such are the same. */
struct session_shown session_shown(const struct session *s);
bool session_shown_equal(const struct session_shown *a, const struct session_shown *b);
/* Whether staff pressed "reload content now" since the last call (the request is cleared). */
bool session_take_reload_request(struct session *s);
/* Whether staff pressed "go back to the content before the USB stick" since the last call. */
bool session_take_go_back_request(struct session *s);
/* Whether the staff menu offers that button, as the app says. */
void session_set_staff_can_go_back(struct session *s, bool can);
/* Shows the staff menu at once (after staff asked for new content, so they see the result). */
void session_show_staff_menu(struct session *s, uint64_t now);
/* The text the staff menu shows, owned by the caller; may be NULL. */
void session_set_staff_report(struct session *s, const char *report);
/* A problem staff must see on the welcome screen, owned by the caller; NULL for none. */
void session_set_notice(struct session *s, const char *notice);
/* The page scrolled up by `scroll` pixels, limited to what it can scroll, and still: as a
 * reader who dragged there and let go (previews show a page's end this way). */
void session_scroll_to(struct session *s, int scroll);
/* For previews, after session_preview: the words of language `lang`; text size `scale` (an
 * index into session_text_percent), as chosen on the welcome screen; the button `hit` drawn
 * pressed, as under a finger. Out-of-range values are ignored. */
void session_preview_language(struct session *s, int lang);
void session_preview_text_size(struct session *s, int scale);
void session_preview_pressed(struct session *s, struct hit hit);
/* Wipes the visit as session_reset does, with the idle timer starting at `now`. */
void session_restart(struct session *s, uint64_t now);
/* Whether Back leads anywhere from here. */
bool session_can_go_back(const struct session *s);
/* Where Next leads from here, or CONTENT_NONE; the last page of a topic leads to the menu. */
int session_next_page(const struct session *s);

#endif

/* Staff mode's screens: the PIN pad, the staff menu with the kiosk's status, the touch test and
 * the clean-screen notice. Staff read these, not visitors, so the words are fixed here rather
 * than in the config; the sizes follow the same rules as every other screen. */
#include <stdio.h>
#include <string.h>

#include "layout_blocks.h"
#include "layout_screens.h"
#include "util.h"

static struct button_style style(const struct build *b, enum theme_color bg, enum theme_color fg)
{
    struct button_style st = {bg, fg, FONT_BUTTON, b->touch, CONTENT_NONE};
    return st;
}

static int heading(struct build *b, const char *text, int x, int w, int y, enum align align)
{
    return layout_flow(b, text, x, w, y, FONT_TITLE, FONT_TITLE, layout_color(b, COLOR_HEADING),
                       align);
}

static int body(struct build *b, const char *text, int x, int w, int y, enum align align)
{
    return layout_flow(b, text, x, w, y, FONT_BODY, FONT_BOLD, layout_color(b, COLOR_TEXT), align);
}

/* The PIN pad: what was typed as dots beside (or above, on a tall screen) a 3 x 4 keypad. */
static void pin_screen(struct build *b)
{
    const struct session_staff *st = &b->s->staff;
    bool wide = b->w > b->h;
    /* At least a fingertip, even where that runs off a very short screen. */
    int key_h = max_int(
        min_int((int)(b->touch * 1.5), (b->h - 2 * b->margin - 3 * b->gap) / (wide ? 4 : 6)),
        b->touch);
    int key_w = key_h * 3 / 2;
    int pad_w = 3 * key_w + 2 * b->gap;
    int pad_h = 4 * key_h + 3 * b->gap;
    int info_w = wide ? b->w - pad_w - 3 * b->margin : b->w - 2 * b->margin;
    int info_x = b->margin;

    /* One circle per digit of the PIN, filled as they are typed: at most 8 of 4 bytes. */
    char dots[64];
    size_t used = 0, typed = strlen(st->entered), want = strlen(b->c->staff_pin);
    for (size_t i = 0; i < want && i < 8; i++) {
        const char *dot = i < typed ? "\xE2\x97\x8F " : "\xE2\x97\x8B "; /* filled, empty */
        memcpy(dots + used, dot, 4);
        used += 4;
    }
    dots[used] = '\0';
    int y = b->margin;
    y = heading(b, "Staff PIN", info_x, info_w, y, wide ? ALIGN_LEFT : ALIGN_CENTER) + b->gap;
    y = layout_flow(b, dots, info_x, info_w, y, FONT_TITLE, FONT_TITLE, layout_color(b, COLOR_TEXT),
                    wide ? ALIGN_LEFT : ALIGN_CENTER) +
        b->gap;
    const char *msg = st->wrong ? "*Wrong PIN.* Try again." : "Type the staff PIN.";
    y = body(b, msg, info_x, info_w, y, wide ? ALIGN_LEFT : ALIGN_CENTER);

    int px = wide ? b->w - b->margin - pad_w : (b->w - pad_w) / 2;
    int py = wide ? (b->h - pad_h) / 2 : y + b->margin;
    static const char *const labels[12] = {"1", "2", "3", "4",     "5", "6",
                                           "7", "8", "9", "Erase", "0", "Cancel"};
    for (int i = 0; i < (int)ARRAY_LEN(labels); i++) {
        int kx = px + (i % 3) * (key_w + b->gap);
        int ky = py + (i / 3) * (key_h + b->gap);
        struct hit hit = {ACTION_KEY, i == 10 ? 0 : i + 1};
        struct button_style bs = style(b, COLOR_CHOICE, COLOR_CHOICE_TEXT);
        bs.min_h = key_h;
        if (i == 9) {
            hit = (struct hit){ACTION_KEY_ERASE, CONTENT_NONE};
        } else if (i == 11) {
            hit = (struct hit){ACTION_STAFF_CLOSE, CONTENT_NONE};
            bs.bg = COLOR_BUTTON;
            bs.fg = COLOR_BUTTON_TEXT;
        }
        if (i == 9 || i == 11) {
            bs.font = FONT_SMALL;
        }
        layout_button(b, kx, ky, key_w, labels[i], bs, hit);
    }
}

/* The staff menu: the app's status report on the left, the four actions on the right. */
static void menu_screen(struct build *b)
{
    bool wide = b->w > b->h;
    int col_w = wide ? (b->w - 3 * b->margin) * 2 / 5 : b->w - 2 * b->margin;
    int text_w = wide ? b->w - 3 * b->margin - col_w : b->w - 2 * b->margin;
    int y = b->margin;
    y = heading(b, "Staff mode", b->margin, text_w, y, ALIGN_LEFT) + b->gap;
    const char *report = b->s->staff_report ? b->s->staff_report : "";
    int text_bottom = layout_flow(b, report, b->margin, text_w, y, FONT_BODY, FONT_BOLD,
                                  layout_color(b, COLOR_TEXT), ALIGN_LEFT);
    static const struct {
        const char *label;
        enum session_action action;
    } actions[] = {
        {"Touch test", ACTION_STAFF_TOUCH_TEST},
        {"Clean screen (30 s)", ACTION_STAFF_CLEAN},
        {"Reload content now", ACTION_STAFF_RELOAD},
        {"Go back to before the USB stick", ACTION_STAFF_GO_BACK},
        {"Close staff mode", ACTION_STAFF_CLOSE},
    };
    int bx = wide ? b->w - b->margin - col_w : b->margin;
    int by = wide ? b->margin : text_bottom + b->margin;
    for (size_t i = 0; i < ARRAY_LEN(actions); i++) {
        if (actions[i].action == ACTION_STAFF_GO_BACK && !b->s->staff_can_go_back) {
            continue; /* only after a USB stick replaced some content */
        }
        bool last = i + 1 == ARRAY_LEN(actions);
        struct button_style bs = last ? style(b, COLOR_BUTTON, COLOR_BUTTON_TEXT)
                                      : style(b, COLOR_CHOICE, COLOR_CHOICE_TEXT);
        struct hit hit = {actions[i].action, CONTENT_NONE};
        by += layout_button(b, bx, by, col_w, actions[i].label, bs, hit) + b->gap;
    }
}

/* The touch test: crossed lines through the last touch, so a panel whose touch does not
 * follow its picture shows at once. */
static void touch_screen(struct build *b)
{
    const struct session_staff *st = &b->s->staff;
    int col_w = b->w - 2 * b->margin;
    int y = b->margin;
    y = heading(b, "Touch test", b->margin, col_w, y, ALIGN_CENTER) + b->gap;
    char line[160];
    if (st->touch_seen) {
        snprintf(line, sizeof(line),
                 "Touch %d at %d, %d. The lines should cross under your "
                 "finger.",
                 st->touches, st->touch_x, st->touch_y);
    } else {
        snprintf(line, sizeof(line),
                 "Touch anywhere. Lines will cross where the kiosk felt "
                 "the touch.");
    }
    body(b, line, b->margin, col_w, y, ALIGN_CENTER);
    int done_w = min_int(4 * b->touch, col_w);
    layout_button(b, (b->w - done_w) / 2, b->h - b->margin - b->touch, done_w, "Done",
                  style(b, COLOR_BUTTON, COLOR_BUTTON_TEXT),
                  (struct hit){ACTION_STAFF_BACK, CONTENT_NONE});
    if (st->touch_seen) {
        struct color c = layout_color(b, COLOR_QUICK_EXIT);
        int t = b->u > 2 ? (int)(b->u / 2) : 1;
        layout_rect(b, (struct rect){0, st->touch_y - t / 2, b->w, t}, c, 255, 0);
        layout_rect(b, (struct rect){st->touch_x - t / 2, 0, t, b->h}, c, 255, 0);
        int dot = b->touch / 3;
        layout_rect(b, (struct rect){st->touch_x - dot / 2, st->touch_y - dot / 2, dot, dot}, c,
                    255, dot / 2);
    }
}

static void clean_screen(struct build *b)
{
    char text[160];
    snprintf(text, sizeof(text),
             "Touches are ignored for %d more seconds, so the glass can be "
             "wiped.",
             b->s->staff.clean_seconds);
    int col_w = b->w - 2 * b->margin;
    size_t first = b->l->n_items;
    int y = heading(b, "Clean screen", b->margin, col_w, 0, ALIGN_CENTER) + b->gap;
    y = body(b, text, b->margin, col_w, y, ALIGN_CENTER);
    layout_shift_items(b, first, 0, (b->h - y) / 2);
}

void layout_staff_screen(struct build *b)
{
    KIOSK_ASSERT(session_in_staff_mode(b->s)); /* layout_build picks it only for these */
    switch (b->s->screen) {
    case SCREEN_STAFF_PIN:
        pin_screen(b);
        break;
    case SCREEN_STAFF:
        menu_screen(b);
        break;
    case SCREEN_STAFF_TOUCH:
        touch_screen(b);
        break;
    case SCREEN_STAFF_CLEAN:
        clean_screen(b);
        break;
    default:
        break;
    }
}

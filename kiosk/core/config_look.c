/* The look of the screens (config_look.h). Colours are checked for contrast as the screens pair
 * them, since a clinic choosing its brand colours rarely checks them against WCAG itself. */
#include "config_look.h"

#include <stdint.h>
#include <string.h>

#include "config_files.h"
#include "config_text.h"
#include "config_values.h"
#include "strbuf.h"
#include "xalloc.h"

/* WCAG 2's AA minimum for body text. */
#define MIN_CONTRAST 4.5
/* WCAG 2's minimum for what must be seen but is not body text (1.4.11, non-text contrast): the
 * Quick exit button against the bar it sits on, and its words at the very least. */
#define MIN_EXIT_CONTRAST 3.0

static const char *const look_keys[] = {
    "font", "font_bold", "fallback_fonts", "text_size", "high_contrast", "animations", "colors"};

static const struct color default_colors[COLOR_COUNT] = {
    [COLOR_BACKGROUND] = {0xF7, 0xF4, 0xEF},      [COLOR_TEXT] = {0x1E, 0x2B, 0x33},
    [COLOR_HEADING] = {0x1D, 0x4E, 0x57},         [COLOR_BUTTON] = {0x1D, 0x4E, 0x57},
    [COLOR_BUTTON_TEXT] = {0xFF, 0xFF, 0xFF},     [COLOR_CHOICE] = {0xE3, 0xEC, 0xEA},
    [COLOR_CHOICE_TEXT] = {0x1E, 0x2B, 0x33},     [COLOR_QUICK_EXIT] = {0x5B, 0x23, 0x33},
    [COLOR_QUICK_EXIT_TEXT] = {0xFF, 0xFF, 0xFF}, [COLOR_BAR] = {0xEA, 0xE4, 0xDA},
};

/* Light on black, every pair far above 7:1; buttons are light blocks, so they read as buttons
 * without relying on hue. */
static const struct color high_contrast_colors[COLOR_COUNT] = {
    [COLOR_BACKGROUND] = {0x00, 0x00, 0x00},      [COLOR_TEXT] = {0xFF, 0xFF, 0xFF},
    [COLOR_HEADING] = {0xFF, 0xE6, 0x00},         [COLOR_BUTTON] = {0xFF, 0xE6, 0x00},
    [COLOR_BUTTON_TEXT] = {0x00, 0x00, 0x00},     [COLOR_CHOICE] = {0xFF, 0xFF, 0xFF},
    [COLOR_CHOICE_TEXT] = {0x00, 0x00, 0x00},     [COLOR_QUICK_EXIT] = {0xFF, 0xC2, 0xCC},
    [COLOR_QUICK_EXIT_TEXT] = {0x00, 0x00, 0x00}, [COLOR_BAR] = {0x1F, 0x1F, 0x1F},
};

static const struct config_int_spec size_spec = {"text_size", 50, 200, 100, "percent"};

static int hex_value(int c)
{
    return config_is_digit(c) ? c - '0' : config_lower(c) - 'a' + 10;
}

static bool parse_color(const char *v, struct color *out)
{
    if (strlen(v) != 7 || v[0] != '#') {
        return false;
    }
    for (int i = 1; i < 7; i++) {
        if (!config_is_xdigit((unsigned char)v[i])) {
            return false;
        }
    }
    out->r = (uint8_t)(hex_value(v[1]) * 16 + hex_value(v[2]));
    out->g = (uint8_t)(hex_value(v[3]) * 16 + hex_value(v[4]));
    out->b = (uint8_t)(hex_value(v[5]) * 16 + hex_value(v[6]));
    return true;
}

/* The regular and bold fonts; a missing one falls back as the warning says. */
static void read_fonts(struct config_reader *r, const config_setting_t *look)
{
    static const struct {
        const char *name, *without;
    } fonts[] = {
        {"font", "the system font (DejaVu Sans) is used"},
        {"font_bold", "the regular font is made bold instead"},
    };
    struct theme *t = &r->content->theme;
    struct strbuf key = {0}, expected = {0};
    for (int i = 0; i < 2; i++) {
        strbuf_setf(&key, "look.%s", fonts[i].name);
        strbuf_setf(&expected, "write a font file name in double quotes, e.g. %s = \"MyFont.ttf\";",
                    fonts[i].name);
        const char *v;
        struct config_got g = config_member_text(r, look, fonts[i].name, key.s, expected.s, &v);
        char *path = v && v[0]
                         ? config_find_file(r, v, key.s, g.line, CONFIG_FILE_FONT, fonts[i].without)
                         : NULL;
        *(i == 0 ? &t->font : &t->font_bold) = path;
    }
    strbuf_finish(&key);
    strbuf_finish(&expected);
}

/* Fonts for the scripts the main font lacks, tried in order for each character. Any that is
 * missing is skipped with a warning; DejaVu Sans stays the last resort. */
static void read_fallback_fonts(struct config_reader *r, const config_setting_t *look)
{
    const config_setting_t *list;
    config_member_items(r, look, "fallback_fonts", "look.fallback_fonts",
                        "write font file names in square brackets, e.g. fallback_fonts = [ "
                        "\"NotoSansArabicUI-Regular.ttf\" ];",
                        &list);
    if (!list) {
        return;
    }
    struct theme *t = &r->content->theme;
    int n = config_setting_length(list);
    t->fallback_fonts = xcalloc((size_t)n + 1, sizeof(*t->fallback_fonts));
    struct strbuf key = {0};
    for (int i = 0; i < n; i++) {
        const config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
        strbuf_setf(&key, "look.fallback_fonts[%d]", i + 1);
        const char *v;
        config_elem_text(r, e, key.s,
                         "write a font file name in double quotes, e.g. "
                         "\"NotoSansArabicUI-Regular.ttf\"",
                         &v);
        char *path = v && v[0] ? config_find_file(r, v, key.s, config_line(e), CONFIG_FILE_FONT,
                                                  "the next font in the list is used")
                               : NULL;
        if (path) {
            t->fallback_fonts[t->n_fallback_fonts++] = path;
        }
    }
    strbuf_finish(&key);
}

/* Reads `colors` over the defaults, noting the line of each colour for the contrast check. */
static void read_colors(struct config_reader *r, const config_setting_t *colors, int *lines)
{
    struct theme *t = &r->content->theme;
    config_check_known(r, colors, "look.colors", theme_color_names, COLOR_COUNT);
    struct strbuf key = {0}, expected = {0};
    for (int i = 0; i < COLOR_COUNT; i++) {
        const struct color d = default_colors[i];
        const char *name = theme_color_names[i];
        strbuf_setf(&key, "look.colors.%s", name);
        strbuf_setf(&expected,
                    "write a colour as \"#RRGGBB\" in double quotes, e.g. %s = \"#%02X%02X%02X\";",
                    name, d.r, d.g, d.b);
        const char *v;
        lines[i] = config_member_text(r, colors, name, key.s, expected.s, &v).line;
        if (v && !parse_color(v, &t->colors[i])) {
            struct config_excerpt excerpt;
            diag_add(r->diags, DIAG_ERROR, lines[i], key.s,
                     "\"%s\" is not a colour; write it as \"#RRGGBB\" (# and six digits or "
                     "letters A to F), e.g. %s = \"#%02X%02X%02X\";",
                     config_excerpt(&excerpt, v, strlen(v), 30), name, d.r, d.g, d.b);
        }
    }
    strbuf_finish(&key);
    strbuf_finish(&expected);
}

/* `c` moved a fraction `t` (0 to 1) of the way to black or to white. */
static struct color toward(struct color c, bool white, double t)
{
    double target = white ? 255.0 : 0.0;
    struct color out = {(unsigned char)(c.r + (target - c.r) * t + 0.5),
                        (unsigned char)(c.g + (target - c.g) * t + 0.5),
                        (unsigned char)(c.b + (target - c.b) * t + 0.5)};
    return out;
}

/* The nearest text colour to `fg` that reads on `bg` at `min` contrast: `fg` moved towards
 * black or towards white, the way that pulls it away from `bg` first, else the other way. A
 * white text on yellow gets a dark grey, never "a lighter white". One of black and white is
 * always at least 4.58:1 from any colour, so one of the two ways always gets there. */
static struct color passing_color(struct color fg, struct color bg, double min)
{
    bool lighter_first = color_luminance(fg) > color_luminance(bg);
    for (int way = 0; way < 2; way++) {
        bool white = way == 0 ? lighter_first : !lighter_first;
        for (int step = 1; step <= 20; step++) {
            struct color moved = toward(fg, white, step / 20.0);
            if (color_contrast(moved, bg) >= min) {
                return moved;
            }
        }
    }
    return (struct color){0, 0, 0}; /* not reached: see above */
}

/* Warns about each text colour too close to the colour it is drawn on. */
static void check_contrast(struct config_reader *r, const int *color_lines, int colors_line)
{
    const struct theme *t = &r->content->theme;
    struct strbuf key = {0};
    for (size_t i = 0; i < THEME_TEXT_PAIRS; i++) {
        enum theme_color fg = theme_text_pairs[i][0], bg = theme_text_pairs[i][1];
        double ratio = color_contrast(t->colors[fg], t->colors[bg]);
        if (ratio >= MIN_CONTRAST || (fg == COLOR_QUICK_EXIT_TEXT && ratio < MIN_EXIT_CONTRAST)) {
            continue; /* fine, or an error of check_quick_exit's */
        }
        struct color a = t->colors[fg], b = t->colors[bg];
        int line = color_lines[fg]   ? color_lines[fg]
                   : color_lines[bg] ? color_lines[bg]
                                     : colors_line;
        strbuf_setf(&key, "look.colors.%s", theme_color_names[fg]);
        /* Rounded down, so a ratio just under the limit never prints as the limit itself. */
        int tenths = (int)(ratio * 10.0);
        struct color ok = passing_color(a, b, MIN_CONTRAST);
        diag_add(r->diags, DIAG_WARNING, line, key.s,
                 "%s #%02X%02X%02X on %s #%02X%02X%02X has a contrast of only %d.%d:1, hard to "
                 "read; choose colours with at least 4.5:1, e.g. %s = \"#%02X%02X%02X\";",
                 theme_color_names[fg], a.r, a.g, a.b, theme_color_names[bg], b.r, b.g, b.b,
                 tenths / 10, tenths % 10, theme_color_names[fg], ok.r, ok.g, ok.b);
    }
    strbuf_finish(&key);
}

/* A Quick exit colour that stands out from the bar and keeps its words readable: the default if
 * it does, else black or white. */
static struct color passing_exit_color(const struct theme *t)
{
    const struct color choices[] = {default_colors[COLOR_QUICK_EXIT], {0, 0, 0}, {255, 255, 255}};
    for (size_t i = 0; i < sizeof(choices) / sizeof(*choices); i++) {
        if (color_contrast(choices[i], t->colors[COLOR_BAR]) >= MIN_EXIT_CONTRAST &&
            color_contrast(choices[i], t->colors[COLOR_QUICK_EXIT_TEXT]) >= MIN_CONTRAST) {
            return choices[i];
        }
    }
    return color_contrast((struct color){0, 0, 0}, t->colors[COLOR_BAR]) >
                   color_contrast((struct color){255, 255, 255}, t->colors[COLOR_BAR])
               ? (struct color){0, 0, 0}
               : (struct color){255, 255, 255};
}

/* The way out must always be seen: Quick exit that blends into the bar, or whose words blend
 * into it, fails the file (the contrast warnings above only advise). */
static void check_quick_exit(struct config_reader *r, const int *color_lines, int colors_line)
{
    const struct theme *t = &r->content->theme;
    struct color exit = t->colors[COLOR_QUICK_EXIT], bar = t->colors[COLOR_BAR];
    struct color text = t->colors[COLOR_QUICK_EXIT_TEXT];
    double against_bar = color_contrast(exit, bar), words = color_contrast(text, exit);
    if (against_bar < MIN_EXIT_CONTRAST) {
        int line = color_lines[COLOR_QUICK_EXIT] ? color_lines[COLOR_QUICK_EXIT]
                   : color_lines[COLOR_BAR]      ? color_lines[COLOR_BAR]
                                                 : colors_line;
        struct color ok = passing_exit_color(t);
        int tenths = (int)(against_bar * 10.0);
        diag_add(r->diags, DIAG_ERROR, line, "look.colors.quick_exit",
                 "quick_exit #%02X%02X%02X on bar #%02X%02X%02X has a contrast of only %d.%d:1, "
                 "so the Quick exit button does not stand out; it needs at least 3:1, e.g. "
                 "quick_exit = \"#%02X%02X%02X\";",
                 exit.r, exit.g, exit.b, bar.r, bar.g, bar.b, tenths / 10, tenths % 10, ok.r, ok.g,
                 ok.b);
    }
    if (words < MIN_EXIT_CONTRAST) {
        int line = color_lines[COLOR_QUICK_EXIT_TEXT] ? color_lines[COLOR_QUICK_EXIT_TEXT]
                   : color_lines[COLOR_QUICK_EXIT]    ? color_lines[COLOR_QUICK_EXIT]
                                                      : colors_line;
        bool dark_button = color_luminance(exit) < 0.18;
        int tenths = (int)(words * 10.0);
        diag_add(r->diags, DIAG_ERROR, line, "look.colors.quick_exit_text",
                 "quick_exit_text #%02X%02X%02X on quick_exit #%02X%02X%02X has a contrast of "
                 "only %d.%d:1, so the words Quick exit cannot be read; it needs at least 3:1, "
                 "e.g. quick_exit_text = \"%s\";",
                 text.r, text.g, text.b, exit.r, exit.g, exit.b, tenths / 10, tenths % 10,
                 dark_button ? "#FFFFFF" : "#000000");
    }
}

void config_look_read(struct config_reader *r, const config_setting_t *root)
{
    struct theme *t = &r->content->theme;
    memcpy(t->colors, default_colors, sizeof(default_colors));
    const config_setting_t *look;
    config_member_group(r, root, "look", "look", "look = { text_size = 100; };", &look);
    int color_lines[COLOR_COUNT] = {0};
    int colors_line = config_line(look);
    config_member_int(r, look, "look", &size_spec, &t->text_size);
    t->animations = true;
    if (!look) {
        return;
    }
    config_member_bool(r, look, "look", "high_contrast", false, &t->high_contrast);
    config_member_bool(r, look, "look", "animations", true, &t->animations);
    config_check_known(r, look, "look", look_keys, CONFIG_COUNT(look_keys));
    read_fonts(r, look);
    read_fallback_fonts(r, look);
    const config_setting_t *colors;
    config_member_group(r, look, "colors", "look.colors", "colors = { background = \"#F7F4EF\"; };",
                        &colors);
    if (colors) {
        colors_line = config_line(colors);
        read_colors(r, colors, color_lines);
    }
    if (t->high_contrast) {
        /* The colours above stay in the file for when high contrast is turned off again. */
        memcpy(t->colors, high_contrast_colors, sizeof(high_contrast_colors));
        return;
    }
    check_contrast(r, color_lines, colors_line);
    check_quick_exit(r, color_lines, colors_line);
}

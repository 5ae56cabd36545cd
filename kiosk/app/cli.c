#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_usage[] =
    "Usage: kiosk [--config FILE] [--windowed[=WxH]]\n"
    "       kiosk --check [--since OLD-FILE] [--config FILE]\n"
    "       kiosk --render DIR [--size WxH] [--lang CODE] [--no-proof] [--config FILE]\n"
    "\n"
    "A touchscreen kiosk that walks visitors through the pages of one config file.\n"
    "\n"
    "  --config FILE     the config file; default: $KIOSK_CONFIG, then /etc/kiosk/kiosk.cfg,\n"
    "                    then the shipped config/kiosk.cfg\n"
    "  --check           check the config file, print every problem and a summary, and exit\n"
    "  --since OLD-FILE  with --check: also name each translation whose original (first-\n"
    "                    language) text is not the same in OLD-FILE while the translation is;\n"
    "                    without it, --check compares with what the running kiosk kept in\n"
    "                    $STATE_DIRECTORY or /var/lib/kiosk, when it may read that\n"
    "  --windowed[=WxH]  run in a window (default 1280x800) instead of fullscreen\n"
    "  --render DIR      draw every screen to DIR/<page-id>.png, welcome.png, countdown.png\n"
    "                    and cover.png, and for proofreading, for every language, a page to\n"
    "                    print, DIR/proof-<code>.html (pictures in DIR/proof-<code>/), with\n"
    "                    every screen in reading order and the line of its words; then exit\n"
    "                    (no display needed)\n"
    "  --size WxH        the size --render draws at (default 1280x800)\n"
    "  --lang CODE       the language of --render's <page-id>.png, e.g. fr (default: the\n"
    "                    config's own)\n"
    "  --no-proof        --render without the proofreading pages (quicker)\n"
    "  --help            show this help\n"
    "  --version         show the version\n"
    "\n"
    "Exit status: 0 success, 1 the config file has errors (--check, --render) or the display\n"
    "cannot be used, 2 wrong command line. The running kiosk never stops because of its\n"
    "content: with a broken or missing file it shows the last good copy, the shipped content\n"
    "or a resting screen, marked with a small ring on the welcome screen, until it is fixed.\n";

static bool parse_size(const char *s, int *w, int *h)
{
    char *end;
    long a = strtol(s, &end, 10);
    if (end == s || (*end != 'x' && *end != 'X')) {
        return false;
    }
    const char *second = end + 1;
    long b = strtol(second, &end, 10);
    if (end == second || *end != '\0' || a < 160 || b < 120 || a > 16384 || b > 16384) {
        return false;
    }
    *w = (int)a;
    *h = (int)b;
    return true;
}

/* Takes the value of "--name VALUE" or "--name=VALUE"; NULL when it is missing. */
static const char *value_of(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    const char *arg = argv[*i];
    if (arg[n] == '=') {
        return arg + n + 1;
    }
    if (*i + 1 < argc) {
        return argv[++*i];
    }
    return NULL;
}

static bool is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

bool cli_parse(int argc, char **argv, struct cli_options *o, char *error, int error_size)
{
    memset(o, 0, sizeof(*o));
    o->mode = CLI_RUN;
    bool size_given = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            o->mode = CLI_HELP;
            return true;
        } else if (strcmp(arg, "--version") == 0) {
            o->mode = CLI_VERSION;
            return true;
        } else if (strcmp(arg, "--check") == 0) {
            o->mode = CLI_CHECK;
        } else if (is_option(arg, "--config")) {
            o->config = value_of(argc, argv, &i, "--config");
            if (!o->config || !*o->config) {
                snprintf(error, (size_t)error_size, "--config needs a file name");
                return false;
            }
        } else if (is_option(arg, "--render")) {
            o->mode = CLI_RENDER;
            o->render_dir = value_of(argc, argv, &i, "--render");
            if (!o->render_dir || !*o->render_dir) {
                snprintf(error, (size_t)error_size, "--render needs a folder to write to");
                return false;
            }
        } else if (is_option(arg, "--since")) {
            o->since = value_of(argc, argv, &i, "--since");
            if (!o->since || !*o->since) {
                snprintf(error, (size_t)error_size, "--since needs the file to compare with");
                return false;
            }
        } else if (is_option(arg, "--lang")) {
            o->lang = value_of(argc, argv, &i, "--lang");
            if (!o->lang || !*o->lang) {
                snprintf(error, (size_t)error_size, "--lang needs a language code such as fr");
                return false;
            }
        } else if (strcmp(arg, "--no-proof") == 0) {
            o->no_proof = true;
        } else if (is_option(arg, "--size")) {
            const char *v = value_of(argc, argv, &i, "--size");
            if (!v || !parse_size(v, &o->width, &o->height)) {
                snprintf(error, (size_t)error_size,
                         "--size needs a size such as 800x480 (160x120 to 16384x16384)");
                return false;
            }
            size_given = true;
        } else if (is_option(arg, "--windowed")) {
            o->windowed = true;
            if (arg[strlen("--windowed")] == '=' &&
                !parse_size(arg + strlen("--windowed="), &o->width, &o->height)) {
                snprintf(error, (size_t)error_size,
                         "--windowed takes a size such as --windowed=1280x800");
                return false;
            }
        } else {
            snprintf(error, (size_t)error_size, "unknown option '%s'", arg);
            return false;
        }
    }
    if (o->lang && o->mode != CLI_RENDER) {
        snprintf(error, (size_t)error_size, "--lang goes with --render");
        return false;
    }
    if (o->since && o->mode != CLI_CHECK) {
        snprintf(error, (size_t)error_size, "--since goes with --check");
        return false;
    }
    if (o->no_proof && o->mode != CLI_RENDER) {
        snprintf(error, (size_t)error_size, "--no-proof goes with --render");
        return false;
    }
    if (size_given && o->mode != CLI_RENDER) {
        snprintf(error, (size_t)error_size, "--size goes with --render (use --windowed=WxH)");
        return false;
    }
    if (o->mode != CLI_RUN && o->windowed) {
        snprintf(error, (size_t)error_size,
                 "--windowed cannot be combined with --check or --render");
        return false;
    }
    if (o->width == 0) {
        o->width = 1280;
        o->height = 800;
    }
    return true;
}

/* The command line. Exit statuses: 0 success, 1 bad config, 2 bad usage. */
#ifndef KIOSK_CLI_H
#define KIOSK_CLI_H

#include <stdbool.h>

enum cli_mode { CLI_RUN, CLI_CHECK, CLI_RENDER, CLI_HELP, CLI_VERSION };

struct cli_options {
    enum cli_mode mode;
    const char *config;     /* NULL: look in the usual places */
    const char *render_dir; /* with CLI_RENDER */
    const char *lang;       /* with CLI_RENDER: the language to draw, NULL for the first */
    const char *since;      /* with CLI_CHECK: an earlier copy to compare translations with */
    bool no_proof;          /* with CLI_RENDER: no proofreading pages (proof-<code>.html) */
    bool windowed;
    int width, height; /* window or render size; 0 = default */
};

/* Parses argv; on bad usage writes the reason to `error` and returns false. */
bool cli_parse(int argc, char **argv, struct cli_options *o, char *error, int error_size);
/* The --help text. */
extern const char cli_usage[];

#endif

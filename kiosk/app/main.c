/* kiosk: the command line. Finds and checks the config, then runs, checks or renders. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "config_locate.h"
#include "config_reader.h"
#include "diag.h"
#include "translation_history.h"
#include "xalloc.h"

static void print_summary(const char *path, const struct content *c, const struct diag_list *d)
{
    if (c) {
        printf("%s: OK: %d page%s in %d topic%s, %zu warning%s\n", path, c->n_pages,
               c->n_pages == 1 ? "" : "s", c->n_topics, c->n_topics == 1 ? "" : "s", d->warnings,
               d->warnings == 1 ? "" : "s");
        if (c->version) {
            printf("%s: version: %s\n", path, c->version);
        }
        if (c->n_languages > 1) {
            /* How far along each translation is: what is missing shows in the first language. */
            printf("%s: languages offered: %s (%s)", path, c->languages[0].code,
                   c->languages[0].name);
            for (int i = 1; i < c->n_languages; i++) {
                const struct language *l = &c->languages[i];
                if (l->missing || l->stale) {
                    printf(", %s (%s): ", l->code, l->name);
                    if (l->missing) {
                        printf("%d text%s in %s%s", l->missing, l->missing == 1 ? "" : "s",
                               c->languages[0].code, l->stale ? ", " : "");
                    }
                    if (l->stale) {
                        printf("%d text%s out of date", l->stale, l->stale == 1 ? "" : "s");
                    }
                } else {
                    printf(", %s (%s): complete", l->code, l->name);
                }
            }
            printf("\n");
        }
    } else {
        printf("%s: %zu error%s, %zu warning%s: the kiosk cannot use this file until the errors "
               "are fixed\n",
               path, d->errors, d->errors == 1 ? "" : "s", d->warnings,
               d->warnings == 1 ? "" : "s");
    }
}

/* The folder the running kiosk keeps its state in: systemd's, else the usual one. */
static void state_folder(char *out, size_t size)
{
    const char *dirs = getenv("STATE_DIRECTORY"); /* may list several, separated by ':' */
    if (dirs) {
        snprintf(out, size, "%.*s", (int)strcspn(dirs, ":"), dirs);
    } else {
        out[0] = '\0';
    }
}

/* --check: the file, compared with an earlier copy (--since) or else with the ledger the
 * running kiosk kept of it (only if it is about this file), so that out-of-date translations
 * are named. */
static struct content *check_load(const char *path, const struct cli_options *opt,
                                  struct diag_list *diags)
{
    struct translation_history h;
    if (opt->since) {
        translation_history_read(&h, NULL, NULL, opt->since);
        if (!h.baseline) {
            fprintf(stderr, "kiosk: cannot read %s to compare with\n", opt->since);
        }
    } else {
        char state[4096];
        state_folder(state, sizeof(state));
        char *ledger = translation_history_path(state[0] ? state : KIOSK_STATE_FOLDER);
        translation_history_read(&h, ledger, path, NULL);
        free(ledger);
    }
    struct content *c = config_load_since(path, config_assets_dir(), &h.history, diags);
    translation_history_finish(&h);
    return c;
}

/* The live kiosk: starts with the config if it checks OK, else with the last good copy kept in
 * systemd's state folder ($STATE_DIRECTORY), else with the shipped content, else with the
 * resting screen, and keeps watching the file for changes. Content never stops it. */
static int run(char *path, const struct cli_options *opt)
{
    char state[4096];
    state_folder(state, sizeof(state));
    struct reload reload;
    reload_init(&reload, path, config_assets_dir(), state[0] ? state : NULL, config_shipped_path());
    free(path);
    struct content *content = reload_boot(&reload);
    int status = app_run(&reload, content, opt->windowed, opt->width, opt->height);
    reload_finish(&reload);
    return status;
}

int main(int argc, char **argv)
{
    struct cli_options opt;
    char error[256];
    if (!cli_parse(argc, argv, &opt, error, sizeof(error))) {
        fprintf(stderr, "kiosk: %s\nTry 'kiosk --help'.\n", error);
        return 2;
    }
    if (opt.mode == CLI_HELP) {
        fputs(cli_usage, stdout);
        return 0;
    }
    if (opt.mode == CLI_VERSION) {
        printf("kiosk %s\n", KIOSK_VERSION);
        return 0;
    }
    char tried[4096];
    char *path = config_locate(opt.config, tried, sizeof(tried));
    const char *named = opt.config ? opt.config : getenv("KIOSK_CONFIG");
    if (!path && opt.mode == CLI_RUN) {
        /* The file staff edit is gone (deleted, or its card not mounted): the live kiosk shows
         * a stand-in (the last good copy, ...), and takes the file as soon as it is back. */
        const char *want = named && named[0] ? named : CONFIG_SYSTEM_PATH;
        fprintf(stderr, "kiosk: %s is missing; showing a stand-in until it is back\n", want);
        path = xstrdup(want);
    }
    if (!path) {
        fprintf(stderr, "kiosk: no config file found. Looked in:\n%s", tried);
        return 1;
    }
    if (opt.mode == CLI_RUN) {
        return run(path, &opt);
    }
    struct diag_list diags;
    diag_init(&diags, path);
    struct content *content = opt.mode == CLI_CHECK
                                  ? check_load(path, &opt, &diags)
                                  : config_load(path, config_assets_dir(), &diags);
    diag_print(&diags, opt.mode == CLI_CHECK ? stdout : stderr);
    int status = content ? 0 : 1;
    if (opt.mode == CLI_CHECK) {
        print_summary(path, content, &diags);
    } else if (!content) {
        fprintf(stderr,
                "kiosk: %s has %zu error%s; fix them and start again (kiosk --check "
                "lists them)\n",
                path, diags.errors, diags.errors == 1 ? "" : "s");
    } else {
        int lang = opt.lang ? content_find_language(content, opt.lang) : 0;
        if (lang == CONTENT_NONE) {
            fprintf(stderr, "kiosk: the config offers no language \"%s\"; it offers", opt.lang);
            for (int i = 0; i < content->n_languages; i++) {
                fprintf(stderr, "%s %s", i ? "," : "", content->languages[i].code);
            }
            fprintf(stderr, "\n");
            status = 2;
        } else {
            status =
                app_render_all(content, opt.render_dir, opt.width, opt.height, lang, !opt.no_proof);
        }
    }
    content_destroy(content);
    diag_finish(&diags);
    free(path);
    return status;
}

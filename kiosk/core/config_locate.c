/* Finding the config file. A path given on purpose (--config or $KIOSK_CONFIG) is never
 * swapped for another one when it is missing: running a different file than the one asked for
 * would hide the mistake. Only the default places fall through to the next. */
#define _POSIX_C_SOURCE 200809L

#include "config_locate.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xalloc.h"

#ifndef KIOSK_INSTALL_DATADIR
#define KIOSK_INSTALL_DATADIR "/usr/local/share/kiosk"
#endif

/* Appends "  LABEL PATH: REASON\n" to `tried`, cutting it short rather than overflowing. */
static void note(char *tried, size_t size, const char *label, const char *path, int err)
{
    if (!tried || size == 0) {
        return;
    }
    size_t used = strnlen(tried, size);
    if (used >= size - 1) {
        return;
    }
    snprintf(tried + used, size - used, "  %s%s%s: %s\n", label, label[0] ? " " : "", path,
             err == ENOENT || err == ENOTDIR ? "not found" : strerror(err));
}

/* True when `path` exists; otherwise notes why not. A folder or an unreadable file counts as
 * found: config_load then says exactly what is wrong with it. */
static bool exists(const char *path, char *tried, size_t size, const char *label)
{
    struct stat st;
    if (stat(path, &st) == 0) {
        return true;
    }
    note(tried, size, label, path, errno);
    return false;
}

#ifdef KIOSK_SOURCE_DIR
static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
#endif

char *config_locate(const char *explicit_path, char *tried, size_t tried_size)
{
    if (tried && tried_size > 0) {
        tried[0] = '\0';
    }
    if (explicit_path) {
        return exists(explicit_path, tried, tried_size, "--config") ? xstrdup(explicit_path) : NULL;
    }
    const char *env = getenv("KIOSK_CONFIG");
    if (env && env[0]) {
        return exists(env, tried, tried_size, "$KIOSK_CONFIG") ? xstrdup(env) : NULL;
    }
    if (exists(CONFIG_SYSTEM_PATH, tried, tried_size, "")) {
        return xstrdup(CONFIG_SYSTEM_PATH);
    }
#ifdef KIOSK_SOURCE_DIR
    /* While developing, the source tree's copy is the one being edited. */
    if (exists(KIOSK_SOURCE_DIR "/config/kiosk.cfg", tried, tried_size, "shipped config")) {
        return xstrdup(KIOSK_SOURCE_DIR "/config/kiosk.cfg");
    }
#endif
    if (exists(KIOSK_INSTALL_DATADIR "/config/kiosk.cfg", tried, tried_size, "shipped config")) {
        return xstrdup(KIOSK_INSTALL_DATADIR "/config/kiosk.cfg");
    }
    return NULL;
}

const char *config_shipped_path(void)
{
#ifdef KIOSK_SOURCE_DIR
    struct stat st;
    if (stat(KIOSK_SOURCE_DIR "/config/kiosk.cfg", &st) == 0) {
        return KIOSK_SOURCE_DIR "/config/kiosk.cfg";
    }
#endif
    return KIOSK_INSTALL_DATADIR "/config/kiosk.cfg";
}

const char *config_assets_dir(void)
{
#ifdef KIOSK_SOURCE_DIR
    if (is_dir(KIOSK_SOURCE_DIR "/assets")) {
        return KIOSK_SOURCE_DIR "/assets";
    }
#endif
    return KIOSK_INSTALL_DATADIR "/assets";
}

/* The config reader: the only part of the kiosk that includes <libconfig.h>. It turns a config
 * file into a validated content model, collecting every problem it finds. */
#ifndef KIOSK_CONFIG_READER_H
#define KIOSK_CONFIG_READER_H

#include <stddef.h>

#include "content.h"
#include "diag.h"

/* Files larger than this are refused: a real config is a few hundred kilobytes at most. */
#define CONFIG_MAX_BYTES (8u * 1024u * 1024u)

/* What the kiosk kept of earlier good files, so that --check can name each translation made
 * before its original changed (translation_ledger.h). Any part may be missing (NULL). */
struct config_history {
    const char *ledger; /* the ledger kept after the last file that checked OK (content.ledger) */
    size_t ledger_size;
    /* An earlier file that checked OK (the last good copy), read for a ledger when there is
     * none: a text whose original differs there while its translation does not is out of date. */
    const char *baseline;
    size_t baseline_size;
};

/* Reads and validates the file at `path`. Pictures and fonts are looked for beside the file,
 * then in `assets_dir` (may be NULL). Every problem goes to `diags` (already initialised).
 * Returns the content, owned by the caller, or NULL when there was any error. */
struct content *config_load(const char *path, const char *assets_dir, struct diag_list *diags);

/* Reads the file at `path` as config_load does (refusing folders, and files whose size is over
 * the limit; one that grows past it while being read is refused by config_load_buffer),
 * returning its bytes (malloc'd) and their count, or NULL with the problem in `diags`. */
char *config_read_bytes(const char *path, size_t *size, struct diag_list *diags);

/* The same from bytes already in memory; `path` names the file in messages and sets the folder
 * that relative picture paths start from. Used by config_load and by the fuzzer. */
struct content *config_load_buffer(const char *path, const char *data, size_t size,
                                   const char *assets_dir, struct diag_list *diags);

/* config_load and config_load_buffer compared with `history` (may be NULL: nothing to compare
 * with, so no translation is out of date). The content's ledger is the one to keep. */
struct content *config_load_since(const char *path, const char *assets_dir,
                                  const struct config_history *history, struct diag_list *diags);
struct content *config_load_buffer_since(const char *path, const char *data, size_t size,
                                         const char *assets_dir,
                                         const struct config_history *history,
                                         struct diag_list *diags);

#endif

/* Where the kiosk keeps what its translations were made from (translation_ledger.h), and how each
 * program that checks the staff's file reads it: kiosk's reload and --check, kiosk-usb. */
#ifndef KIOSK_TRANSLATION_HISTORY_H
#define KIOSK_TRANSLATION_HISTORY_H

#include "config_reader.h"
#include "content.h"

/* The ledger's name in the kiosk's state folder, beside last-good.cfg. */
#define TRANSLATION_LEDGER_NAME "translation-ledger.txt"
/* The state folder systemd gives the kiosk (StateDirectory=kiosk). */
#define KIOSK_STATE_FOLDER "/var/lib/kiosk"

struct translation_history {
    struct config_history history; /* to pass to config_load_since */
    char *ledger, *baseline;       /* the bytes read, owned */
};

/* Reads the ledger at `ledger_path` if it is about the file at `config_path` (another file is
 * not compared with it), or else the earlier good file at `baseline_path`; any path may be
 * NULL, and what cannot be read is left out. */
void translation_history_read(struct translation_history *t, const char *ledger_path,
                              const char *config_path, const char *baseline_path);
void translation_history_finish(struct translation_history *t);
/* Writes the content's ledger to `ledger_path` (whole, through a temporary file) when it says
 * something else than the one there. False, with errno, when it could not be written. */
bool translation_history_keep(const char *ledger_path, const struct content *c);
/* `folder`/TRANSLATION_LEDGER_NAME, malloc'd. */
char *translation_history_path(const char *folder);

#endif

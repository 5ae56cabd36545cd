/* Replacing a small file whole, so that a reader (or a pulled plug) finds the old bytes or the
 * new ones, never a mix: written to NAME.new, flushed, renamed over NAME, then NAME flushed
 * again under its new name (on FAT the moved directory entry is written with the file, not
 * with the folder) and the folder flushed. Used for CHECK.txt, the last good copy in the state
 * folder, the translation ledger and kiosk-receipt.txt. */
#ifndef KIOSK_FILE_REPLACE_H
#define KIOSK_FILE_REPLACE_H

#include <stdbool.h>
#include <stddef.h>

/* Replaces `name` in the folder open as `dirfd` (AT_FDCWD: `name` is a path) with `size`
 * bytes of `data`, created with `mode` (less the umask). Never follows a link at NAME.new.
 * False, with errno set, if it could not; NAME is then as it was. */
bool file_replace(int dirfd, const char *name, const char *data, size_t size, int mode);

enum file_replace_result { FILE_REPLACE_SAME, FILE_REPLACE_WRITTEN, FILE_REPLACE_FAILED };
/* Replaces the file at `path` as file_replace does (mode 0644), unless it already holds exactly
 * these bytes (a file over `limit` bytes counts as different): a card is not written to for
 * nothing. On FILE_REPLACE_FAILED errno says why. */
enum file_replace_result file_replace_changed(const char *path, const char *data, size_t size,
                                              size_t limit);

#endif

#define _POSIX_C_SOURCE 200809L

#include "last_good_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_reader.h"
#include "file_read.h"
#include "last_good_slot.h"
#include "log.h"
#include "strbuf.h"
#include "xalloc.h"

/* A slot is the content plus its first line. */
#define SLOT_MAX_BYTES (CONFIG_MAX_BYTES + 256u)

char *last_good_store_folder(const char *config_path)
{
    const char *slash = strrchr(config_path, '/');
    struct strbuf b;
    strbuf_init(&b);
    if (slash) {
        strbuf_add(&b, config_path, (size_t)(slash - config_path) + 1);
    }
    strbuf_add(&b, LAST_GOOD_FOLDER, strlen(LAST_GOOD_FOLDER));
    return strbuf_take(&b);
}

static char *slot_path(const char *folder, int i)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_addf(&b, "%s/%s", folder, last_good_slot_names[i]);
    return strbuf_take(&b);
}

/* Reads every slot: bytes[i] is NULL for one that cannot be read. */
static void read_slots(const char *folder, struct file_bytes bytes[LAST_GOOD_SLOTS],
                       struct last_good_slot slots[LAST_GOOD_SLOTS])
{
    for (int i = 0; i < LAST_GOOD_SLOTS; i++) {
        char *path = slot_path(folder, i);
        int error = 0;
        if (file_read(path, SLOT_MAX_BYTES, &bytes[i], &error) != FILE_READ_OK) {
            bytes[i] = (struct file_bytes){0};
        }
        slots[i] = last_good_slot_parse(bytes[i].data, bytes[i].size);
        free(path);
    }
}

static void free_slots(struct file_bytes bytes[LAST_GOOD_SLOTS])
{
    for (int i = 0; i < LAST_GOOD_SLOTS; i++) {
        free(bytes[i].data);
    }
}

char *last_good_store_read(const char *folder, size_t *size, const char **slot)
{
    struct file_bytes bytes[LAST_GOOD_SLOTS];
    struct last_good_slot slots[LAST_GOOD_SLOTS];
    read_slots(folder, bytes, slots);
    int newest = last_good_slot_newest(slots);
    char *body = NULL;
    if (newest >= 0) {
        const struct last_good_slot *s = &slots[newest];
        body = xrealloc(NULL, s->body_size + 1);
        memcpy(body, bytes[newest].data + s->body_offset, s->body_size);
        body[s->body_size] = '\0';
        *size = s->body_size;
        if (slot) {
            *slot = last_good_slot_names[newest];
        }
    }
    free_slots(bytes);
    return body;
}

/* Makes sure what was written to `path` (a file or a folder) is on the card, not in a cache. */
static bool sync_path(const char *path, int flags)
{
    int fd = open(path, flags | O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    bool ok = fsync(fd) == 0 || errno == EINVAL; /* some file systems cannot sync a folder */
    close(fd);
    return ok;
}

/* Writes `data` over the start of the file, then cuts it to that length: a slot that keeps its
 * size changes only its own clusters, not the FAT's table. Never follows a link. */
static bool write_in_place(const char *path, const char *data, size_t size)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        return false;
    }
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    if (!ok) {
        errno = EINVAL;
    }
    for (size_t done = 0; ok && done < size;) {
        ssize_t w = pwrite(fd, data + done, size - done, (off_t)done);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        ok = w > 0;
        done += ok ? (size_t)w : 0;
    }
    ok = ok && ftruncate(fd, (off_t)size) == 0 && fsync(fd) == 0;
    int saved = errno;
    ok = close(fd) == 0 && ok;
    errno = ok ? 0 : saved;
    return ok;
}

enum last_good_store_result last_good_store_write(const char *folder, const char *body, size_t size)
{
    struct file_bytes bytes[LAST_GOOD_SLOTS];
    struct last_good_slot slots[LAST_GOOD_SLOTS];
    read_slots(folder, bytes, slots);
    int newest = last_good_slot_newest(slots);
    if (newest >= 0 && slots[newest].body_size == size &&
        memcmp(bytes[newest].data + slots[newest].body_offset, body, size) == 0) {
        free_slots(bytes);
        return LAST_GOOD_STORE_SAME;
    }
    int target = last_good_slot_to_write(slots);
    uint64_t number = newest >= 0 ? slots[newest].number + 1 : 1;
    free_slots(bytes);

    bool made = mkdir(folder, 0755) == 0;
    if (!made && errno != EEXIST) {
        log_error("cannot make the folder %s: %s", folder, strerror(errno));
        return LAST_GOOD_STORE_FAILED;
    }
    struct strbuf text;
    strbuf_init(&text);
    last_good_slot_format(&text, number, body, size);
    char *path = slot_path(folder, target);
    bool ok = write_in_place(path, strbuf_str(&text), text.len);
    if (!ok) {
        log_error("cannot write %s: %s", path, strerror(errno));
    }
    /* The folder's entry for a new slot must reach the card too; so must the new folder. */
    ok = ok && sync_path(folder, O_DIRECTORY);
    if (ok && made) {
        char *parent = xstrdup(folder);
        char *slash = strrchr(parent, '/');
        if (slash) {
            slash[slash == parent] = '\0'; /* "/x" has the parent "/" */
        }
        sync_path(slash ? parent : ".", O_DIRECTORY);
        free(parent);
    }
    /* Read it back as the kiosk will at boot: a card that lies about writes is caught here. */
    if (ok) {
        struct file_bytes back = {0};
        int error = 0;
        struct last_good_slot s = {0};
        if (file_read(path, SLOT_MAX_BYTES, &back, &error) == FILE_READ_OK) {
            s = last_good_slot_parse(back.data, back.size);
        }
        ok = s.whole && s.number == number && s.body_size == size &&
             memcmp(back.data + s.body_offset, body, size) == 0;
        if (!ok) {
            log_error("%s does not read back as written", path);
        }
        free(back.data);
    }
    free(path);
    strbuf_finish(&text);
    return ok ? LAST_GOOD_STORE_WRITTEN : LAST_GOOD_STORE_FAILED;
}

/* Checking a changed config off the main loop. A check can take seconds (libconfig reads a
 * group's settings in quadratic time: 40,000 of them take 20 s on a PC), and while the main
 * loop waits Quick exit and the idle reset wait with it. So the live kiosk hands each settled
 * change to this one worker thread and carries on; the worker writes a byte to the wake-up
 * descriptor it was given when the result is ready, and the main loop applies it
 * (reload_check_apply) at its next step. One check at a time: a change that settles while one
 * runs is checked after it. */
#ifndef KIOSK_CHECK_WORKER_H
#define KIOSK_CHECK_WORKER_H

#include <pthread.h>
#include <stdbool.h>

#include "reload.h"

struct check_worker {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool started, stop;
    bool asked, busy, done; /* a check asked for, one running, one finished */
    const struct reload *reload;
    void *(*prepare)(void *ctx, const struct content *content); /* may be NULL */
    void (*discard)(void *prepared);
    void (*thread_done)(void *ctx); /* last thing the thread does, may be NULL */
    void *prepare_ctx;
    struct reload_check_result result;
    int done_fd; /* a byte is written here when a result is ready */
};

/* Starts the thread for checks of `reload`'s file; false (logged) when it cannot, and the
 * caller checks on its own thread as before. */
bool check_worker_start(struct check_worker *w, const struct reload *reload, int done_fd);
/* After a check finds good content, the thread also calls prepare(ctx, content) and hands
 * what it returns over with the result (reload_check_result.prepared), freed with discard
 * if unused; thread_done(ctx) is the thread's last call (to free what a library keeps per
 * thread). Set before the first check_worker_ask. */
void check_worker_prepare(struct check_worker *w, void *(*prepare)(void *, const struct content *),
                          void (*discard)(void *), void (*thread_done)(void *), void *ctx);
/* Stops the thread (after the check it is running, if any) and frees any result. */
void check_worker_stop(struct check_worker *w);
/* Asks for a check of the file as it is now; false when one is still running. */
bool check_worker_ask(struct check_worker *w);
/* Moves a finished check's result into *out; false when none is ready. */
bool check_worker_take(struct check_worker *w, struct reload_check_result *out);
/* Whether a check is asked for or running. */
bool check_worker_busy(struct check_worker *w);

#endif

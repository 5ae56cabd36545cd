#define _POSIX_C_SOURCE 200809L

#include "check_worker.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

static void *run(void *data)
{
    struct check_worker *w = data;
    pthread_mutex_lock(&w->lock);
    for (;;) {
        while (!w->asked && !w->stop) {
            pthread_cond_wait(&w->wake, &w->lock);
        }
        if (w->stop) {
            break;
        }
        w->asked = false;
        w->busy = true;
        pthread_mutex_unlock(&w->lock);
        struct reload_check_result result;
        reload_check_run(w->reload, &result); /* the slow part, unlocked */
        if (result.content && !result.unsettled && w->prepare) {
            result.prepared = w->prepare(w->prepare_ctx, result.content);
            result.discard = w->discard;
        }
        pthread_mutex_lock(&w->lock);
        w->result = result;
        w->busy = false;
        w->done = true;
        ssize_t n = write(w->done_fd, "k", 1);
        (void)n; /* a full pipe is awake already */
    }
    pthread_mutex_unlock(&w->lock);
    if (w->thread_done) {
        w->thread_done(w->prepare_ctx);
    }
    return NULL;
}

bool check_worker_start(struct check_worker *w, const struct reload *reload, int done_fd)
{
    memset(w, 0, sizeof(*w));
    w->reload = reload;
    w->done_fd = done_fd;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    int err = pthread_create(&w->thread, NULL, run, w);
    if (err != 0) {
        log_warn("cannot start the thread that checks config changes (%s); they are checked "
                 "between frames",
                 strerror(err));
        pthread_cond_destroy(&w->wake);
        pthread_mutex_destroy(&w->lock);
        return false;
    }
    w->started = true;
    return true;
}

void check_worker_prepare(struct check_worker *w, void *(*prepare)(void *, const struct content *),
                          void (*discard)(void *), void (*thread_done)(void *), void *ctx)
{
    w->prepare = prepare;
    w->discard = discard;
    w->thread_done = thread_done;
    w->prepare_ctx = ctx;
}

void check_worker_stop(struct check_worker *w)
{
    if (!w->started) {
        return;
    }
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    if (w->done) {
        reload_check_result_free(&w->result);
    }
    pthread_cond_destroy(&w->wake);
    pthread_mutex_destroy(&w->lock);
    w->started = false;
}

bool check_worker_ask(struct check_worker *w)
{
    pthread_mutex_lock(&w->lock);
    bool free_now = !w->asked && !w->busy && !w->done;
    if (free_now) {
        w->asked = true;
        pthread_cond_signal(&w->wake);
    }
    pthread_mutex_unlock(&w->lock);
    return free_now;
}

bool check_worker_take(struct check_worker *w, struct reload_check_result *out)
{
    pthread_mutex_lock(&w->lock);
    bool ready = w->done;
    if (ready) {
        *out = w->result;
        memset(&w->result, 0, sizeof(w->result));
        w->done = false;
    }
    pthread_mutex_unlock(&w->lock);
    return ready;
}

bool check_worker_busy(struct check_worker *w)
{
    pthread_mutex_lock(&w->lock);
    bool busy = w->asked || w->busy || w->done;
    pthread_mutex_unlock(&w->lock);
    return busy;
}

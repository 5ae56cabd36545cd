/* soak: days of waiting-room use in minutes. Simulated visitors (tests/soak/visitor.c) use the
 * real session, layout, fonts, pictures and renderer (tests/soak/sim.c) on a fake clock. After
 * the first hour of opening and at the end it takes the same tour of every screen and then
 * measures heap in use, resident memory, and the SDL handles the kiosk holds. It fails when
 * the heap grew by more than --max-growth KiB or any handle count grew: on a kiosk that runs
 * for months, a slow leak is a freeze (see shared/PLATFORM.md).
 *   soak [--days N] [--seed N] [--config FILE] [--size WxH] [--rate VISITS_PER_HOUR]
 *        [--max-growth KIB] [--no-hours] [--no-pin] [--no-resize] [--inject-leak texture|heap] */
#define _GNU_SOURCE /* mallinfo2 */

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "handles.h"
#include "sim.h"
#include "visitor.h"

#if defined(__SANITIZE_ADDRESS__)
#define SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SOAK_ASAN 1
#endif
#endif
#ifndef SOAK_ASAN
#define SOAK_ASAN 0
#endif

/* Monday 08:30, when the clinic opens: the first hour is an hour of visitors. */
#define START (8u * SIM_HOUR + 30u * SIM_MINUTE)

struct options {
    double days;
    int width, height;
    unsigned long seed;
    double rate;
    long max_growth_kib;
    const char *config;
    bool hours, pin, resize;
    const char *inject;
};

struct measure {
    long long heap, rss; /* bytes */
    struct handles live;
    size_t texts;
    int pictures;
    int fonts; /* what the view's fonts hold */
};

static long long heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return (long long)(mi.uordblks + mi.hblkhd); /* small blocks + mmapped big ones */
}

static long long resident(void)
{
    long long size = 0, pages = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%lld %lld", &size, &pages) != 2) {
            pages = 0;
        }
        fclose(f);
    }
    return pages * sysconf(_SC_PAGESIZE);
}

static struct measure measure(struct sim *s)
{
    sim_tour(s);
    struct measure m;
    m.heap = heap_in_use();
    m.rss = resident();
    m.live = handles_live();
    m.texts = renderer_text_count(&s->view.renderer);
    m.fonts = fonts_open_count(&s->view.fonts);
    m.pictures = pictures_texture_count(&s->view.pictures);
    return m;
}

static double mib(long long bytes)
{
    return (double)bytes / (1024.0 * 1024.0);
}

static void print_measure(const char *when, const struct measure *m)
{
    printf("soak: %-16s heap %7.2f MiB  rss %7.2f MiB  textures %ld (text %zu, pictures %d)  "
           "fonts %ld  surfaces %ld  files read %ld\n",
           when, mib(m->heap), mib(m->rss), m->live.textures, m->texts, m->pictures, m->live.fonts,
           m->live.surfaces, m->live.reads);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* When the next person arrives after `t`: a Poisson process at `rate` an hour while open, and
 * about one touch every other night while closed. */
static uint64_t next_arrival(const struct sim *s, struct rng *r, double rate, uint64_t t)
{
    for (;;) {
        bool open = sim_open_at(s, t);
        double mean = open ? SIM_HOUR / rate : 40.0 * SIM_HOUR;
        uint64_t at = t + (uint64_t)rng_exp(r, mean) + 1;
        /* The rate changes at opening and closing: draw again from there (no memory). */
        uint64_t step = t;
        while (step < at && sim_open_at(s, step) == open) {
            step += SIM_MINUTE;
        }
        if (step >= at) {
            return at;
        }
        t = step;
    }
}

static bool parse(int argc, char **argv, struct options *o)
{
    *o = (struct options){7, 1280, 800, 1, 8.0, 1024, SOAK_CONFIG, true, true, true, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool ok = true;
        if (strcmp(a, "--no-hours") == 0) {
            o->hours = false;
            continue;
        }
        if (strcmp(a, "--no-pin") == 0) {
            o->pin = false;
            continue;
        }
        if (strcmp(a, "--no-resize") == 0) {
            o->resize = false;
            continue;
        }
        if (!v) {
            ok = false;
        } else if (strcmp(a, "--days") == 0) {
            o->days = atof(v); /* fractions too: a short run under valgrind */
            ok = o->days > 0;
        } else if (strcmp(a, "--seed") == 0) {
            o->seed = strtoul(v, NULL, 10);
        } else if (strcmp(a, "--config") == 0) {
            o->config = v;
        } else if (strcmp(a, "--size") == 0) {
            ok = sscanf(v, "%dx%d", &o->width, &o->height) == 2 && o->width >= 320 &&
                 o->height >= 240;
        } else if (strcmp(a, "--rate") == 0) {
            o->rate = atof(v);
            ok = o->rate > 0;
        } else if (strcmp(a, "--max-growth") == 0) {
            o->max_growth_kib = atol(v);
        } else if (strcmp(a, "--inject-leak") == 0) {
            o->inject = v;
            ok = strcmp(v, "texture") == 0 || strcmp(v, "heap") == 0;
        } else {
            ok = false;
        }
        if (!ok) {
            fprintf(stderr, "soak: bad option %s (see the comment at the top of soak.c)\n", a);
            return false;
        }
        i++;
    }
    return true;
}

/* Sizes a kiosk's panel may be swapped for during a day; the day ends on the first one. */
static const int other_sizes[][2] = {{800, 480}, {1920, 1080}, {800, 1280}};

/* One run: the kiosk, the people, and what happens on the calendar besides visits. */
struct soak {
    struct options o;
    struct sim s;
    struct rng r;
    struct visitor_stats st;
    uint64_t arrival;   /* the next person */
    uint64_t reload;    /* the daily config reload, 19:00, as when staff edit the file */
    uint64_t swap;      /* maybe a different panel from 10:30 ... */
    uint64_t swap_back; /* ... back to the usual one at 17:45 */
    bool swapped, have_first;
    struct measure first;
    long first_load_reads; /* files content loads had read by the 1st hour's end */
    long long peak_heap, peak_rss;
    void *injected; /* --inject-leak heap: the blocks, chained */
};

static void print_day(struct soak *k)
{
    static const char *const names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    struct handles live = handles_live();
    uint64_t day = k->s.now / SIM_DAY;
    printf("soak: day %3d %s 19:00  %5lu visits %7lu frames  heap %6.2f MiB  rss %6.2f MiB  "
           "textures %ld  fonts %ld\n",
           (int)day + 1, names[day % 7], k->st.visits, k->s.stats.frames, mib(heap_in_use()),
           mib(resident()), live.textures, live.fonts);
    fflush(stdout);
}

/* The --inject-leak self-tests: what the soak must catch, starting after the first hour. */
static void inject(struct soak *k)
{
    if (!k->o.inject || !k->have_first) {
        return;
    }
    if (strcmp(k->o.inject, "texture") == 0) {
        handles_leak_textures(true);
        return;
    }
    void **block = malloc(64 * 1024); /* one per visit, freed only at exit */
    if (block) {
        memset(block, 1, 64 * 1024);
        *block = k->injected;
        k->injected = block;
    }
}

/* Does what falls due at `k->s.now`. Calendar events wait for the visit in progress to end, as
 * the live kiosk's content switch does. */
static void happen(struct soak *k)
{
    bool between = sim_between_visits(&k->s);
    uint64_t now = k->s.now;
    if (now == k->reload) {
        if (!between) {
            k->reload += SIM_MINUTE;
            return;
        }
        sim_reload(&k->s);
        k->reload += SIM_DAY;
        print_day(k);
    } else if (now == k->swap) {
        if (!between) {
            k->swap += SIM_MINUTE;
            return;
        }
        if (rng_chance(&k->r, 0.4) && k->o.resize) {
            const int *size = other_sizes[rng_range(&k->r, 0, 2)];
            sim_resize(&k->s, size[0], size[1]);
            k->swapped = true;
            k->swap_back = now - now % SIM_DAY + 17u * SIM_HOUR + 45u * SIM_MINUTE;
        }
        k->swap += SIM_DAY;
    } else if (k->swapped && now == k->swap_back) {
        if (!between) {
            k->swap_back += SIM_MINUTE;
            return;
        }
        sim_resize(&k->s, k->o.width, k->o.height);
        k->swapped = false;
    } else if (now == k->arrival) {
        visitor_visit(&k->s, &k->r, &k->st);
        inject(k);
        k->arrival = next_arrival(&k->s, &k->r, k->o.rate, k->s.now);
    }
    /* A visit may have run past a calendar event: it happens next. */
    uint64_t after = k->s.now;
    k->reload = k->reload < after ? after : k->reload;
    k->swap = k->swap < after ? after : k->swap;
    if (k->swapped && k->swap_back < after) {
        k->swap_back = after;
    }
}

static void note_peaks(struct soak *k, long long heap, long long rss)
{
    k->peak_heap = heap > k->peak_heap ? heap : k->peak_heap;
    k->peak_rss = rss > k->peak_rss ? rss : k->peak_rss;
}

static void run(struct soak *k)
{
    const uint64_t end = START + (uint64_t)(k->o.days * SIM_DAY);
    k->s.now = START;
    sim_advance(&k->s, START);
    k->arrival = next_arrival(&k->s, &k->r, k->o.rate, START);
    k->reload = 19u * SIM_HOUR;
    k->swap = START + 2u * SIM_HOUR;
    while (k->s.now < end) {
        uint64_t t = k->arrival < k->reload ? k->arrival : k->reload;
        t = k->swap < t ? k->swap : t;
        t = k->swapped && k->swap_back < t ? k->swap_back : t;
        sim_advance(&k->s, t < end ? t : end);
        if (!k->have_first && k->s.now >= START + SIM_HOUR && sim_between_visits(&k->s)) {
            k->first = measure(&k->s);
            k->first_load_reads = k->s.stats.load_reads;
            print_measure("after 1st hour:", &k->first);
            k->have_first = true;
        }
        note_peaks(k, heap_in_use(), resident());
        if (k->s.now < end) {
            happen(k);
        }
    }
    if (k->swapped) {
        sim_resize(&k->s, k->o.width, k->o.height);
    }
    /* The last visit may still be counting down: let it end, as the kiosk would. */
    while (!sim_between_visits(&k->s)) {
        sim_advance(&k->s, k->s.now + SIM_MINUTE);
    }
    if (!k->have_first) {
        k->first = measure(&k->s);
        k->first_load_reads = k->s.stats.load_reads;
        print_measure("after 1st hour:", &k->first);
    }
}

static void report(const struct soak *k, const struct measure *last, double wall)
{
    const struct visitor_stats *st = &k->st;
    printf("soak: seed %lu, %.2f simulated days at %dx%d in %.1f s wall time\n", k->o.seed,
           (double)(k->s.now - START) / SIM_DAY, k->o.width, k->o.height, wall);
    printf("soak: %lu visits, %lu night wakes, %lu staff holds (%lu logins, %lu wrong PINs), "
           "%lu reloads, %lu size changes\n",
           st->visits, st->night_wakes, st->staff_holds, st->staff_logins, st->wrong_pins,
           k->s.stats.reloads, k->s.stats.resizes);
    printf("soak: %lu taps on buttons, %lu off them, %lu swipes, %lu drags, %lu flings (%lu "
           "caught), %lu quick exits, %lu walked away, %lu Continue, %lu corner slips, %lu second "
           "fingers, %lu cancels\n",
           st->taps, st->misses, st->swipes, st->drags, st->flings, st->glide_stops,
           st->quick_exits, st->walk_aways, st->continues, st->corner_slips, st->second_fingers,
           st->cancels);
    printf("soak: %lu pointer events, %lu frames drawn (%lu more for the two tours)\n",
           k->s.stats.events, k->s.stats.frames, k->s.stats.tour_frames);
    printf("soak: peak heap %.2f MiB, peak rss %.2f MiB; end minus 1st hour: heap %+.1f KiB, "
           "rss %+.1f KiB\n",
           mib(k->peak_heap), mib(k->peak_rss), (double)(last->heap - k->first.heap) / 1024.0,
           (double)(last->rss - k->first.rss) / 1024.0);
}

/* The checks after the run, before the view is finished; returns how many failed. */
static int verdict(const struct soak *k, const struct measure *last)
{
    const struct measure *first = &k->first;
    int failures = 0;
    if (SOAK_ASAN || first->heap == 0) {
        /* AddressSanitizer and valgrind bring their own malloc, which mallinfo2 does not see,
         * and their own memory swamps the kiosk's; they check every access instead. */
        printf("soak: memory not checked: malloc is not glibc's here (AddressSanitizer or "
               "valgrind); the handle counts are\n");
    } else if (last->heap - first->heap > k->o.max_growth_kib * 1024) {
        printf("FAILED: the heap grew by %.1f KiB (limit %ld KiB)\n",
               (double)(last->heap - first->heap) / 1024.0, k->o.max_growth_kib);
        failures++;
    }
    if (last->live.textures > first->live.textures || last->texts > first->texts ||
        last->pictures > first->pictures) {
        printf("FAILED: textures grew: %ld alive (text %zu, pictures %d) after the 1st hour, "
               "%ld (text %zu, pictures %d) at the end\n",
               first->live.textures, first->texts, first->pictures, last->live.textures,
               last->texts, last->pictures);
        failures++;
    }
    if (last->live.textures != (long)last->texts + last->pictures) {
        printf("FAILED: %ld textures alive, but the caches hold %zu + %d\n", last->live.textures,
               last->texts, last->pictures);
        failures++;
    }
    if (last->live.fonts > first->live.fonts || last->live.fonts != last->fonts) {
        printf("FAILED: %ld fonts open (%ld after the 1st hour, %d held by the view)\n",
               last->live.fonts, first->live.fonts, last->fonts);
        failures++;
    }
    if (last->live.surfaces != 0) {
        printf("FAILED: %ld surfaces still alive between frames\n", last->live.surfaces);
        failures++;
    }
    /* Every file is read when content loads, never while a visitor looks (file access times
     * would record the visit). */
    long visit_reads =
        (last->live.reads - first->live.reads) - (k->s.stats.load_reads - k->first_load_reads);
    if (visit_reads != 0) {
        printf("FAILED: %ld files were read during visits, not when content loaded\n", visit_reads);
        failures++;
    }
    return failures;
}

int main(int argc, char **argv)
{
    static struct soak k;
    if (!parse(argc, argv, &k.o)) {
        return 2;
    }
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (!sim_open(&k.s, k.o.config, k.o.width, k.o.height, k.o.hours, k.o.pin)) {
        sim_close(&k.s);
        return 1;
    }
    k.r.state = k.o.seed;
    run(&k);
    struct measure last = measure(&k.s);
    print_measure("at the end:", &last);
    note_peaks(&k, last.heap, last.rss);
    report(&k, &last, seconds_since(&t0));
    int failures = verdict(&k, &last);

    sim_close(&k.s);
    while (k.injected) {
        void *next = *(void **)k.injected;
        free(k.injected);
        k.injected = next;
    }
    struct handles after = handles_live();
    if (after.textures != 0 && !k.o.inject) {
        /* SDL_DestroyRenderer would free what is left, but the kiosk should have freed it. */
        printf("FAILED: %ld textures were still alive when the view was finished\n",
               after.textures);
        failures++;
    }
    if (after.fonts != 0) {
        printf("FAILED: %ld fonts were still open when the view was finished\n", after.fonts);
        failures++;
    }
    printf("soak: %s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}

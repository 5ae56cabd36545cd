/* What a visitor may choose for their own visit, with a fake clock: a language on the welcome
 * screen, a larger text size with "A+", and page turns that follow a right-to-left language.
 * Each choice lasts for the visit and is gone after any reset. */
#include <string.h>

#include "check.h"
#include "fixture.h"
#include "session.h"
#include "session_input.h"

#define W 800
#define H 480

/* A tap on the given button, in the middle of the screen. */
static void tap(struct session *s, struct hit hit, uint64_t now)
{
    tap_at(s, hit, 400, 300, now);
}

static bool is_fresh(const struct session *s, const struct content *c)
{
    struct session fresh;
    session_init(&fresh, c, W, H);
    return s->screen == SCREEN_WELCOME && memcmp(&s->visit, &fresh.visit, sizeof(fresh.visit)) == 0;
}

/* The fixture plus a right-to-left language (index 1) and a left-to-right one (index 2). */
static struct content *two_more_languages(void)
{
    struct content *c = fixture_content();
    c->languages = xrealloc(c->languages, 3 * sizeof(*c->languages));
    language_init_from(&c->languages[1], c, "ar",
                       "\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9", true);
    language_init_from(&c->languages[2], c, "fr",
                       "Fran\xC3\xA7"
                       "ais",
                       false);
    c->n_languages = 3;
    return c;
}

static void test_language_choice(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    CHECK_INT(s.visit.lang, 0);
    /* A language button changes the welcome screen, and only that. */
    CHECK(ev(&s, INPUT_DOWN, 400, 430, hit_of(ACTION_LANGUAGE, 2), 1000));
    ev(&s, INPUT_UP, 400, 430, hit_of(ACTION_LANGUAGE, 2), 1080);
    CHECK_INT(s.screen, SCREEN_WELCOME);
    CHECK_INT(s.visit.lang, 2);
    CHECK(session_welcome_touched(&s));
    /* A language that does not exist is not taken. */
    ev(&s, INPUT_DOWN, 400, 430, hit_of(ACTION_LANGUAGE, 7), 1500);
    ev(&s, INPUT_UP, 400, 430, hit_of(ACTION_LANGUAGE, 7), 1580);
    CHECK_INT(s.visit.lang, 2);
    /* A tap elsewhere starts the visit in that language. */
    tap(&s, hit_of(ACTION_NONE, CONTENT_NONE), 2000);
    CHECK_INT(s.screen, SCREEN_PAGE);
    CHECK_INT(s.visit.lang, 2);
    tap(&s, hit_of(ACTION_GOTO, FX_A1), 2500);
    CHECK_INT(s.visit.lang, 2);
    /* Quick exit wipes it... */
    ev(&s, INPUT_DOWN, 700, 20, hit_of(ACTION_QUICK_EXIT, CONTENT_NONE), 3000);
    ev(&s, INPUT_UP, 700, 20, hit_of(ACTION_QUICK_EXIT, CONTENT_NONE), 3050);
    CHECK_INT(s.visit.lang, 0);
    session_tick(&s, 3000 + 60000);
    CHECK(is_fresh(&s, c));
    /* ...and so does the idle reset. */
    tap(&s, hit_of(ACTION_LANGUAGE, 1), 100000);
    tap(&s, hit_of(ACTION_NONE, CONTENT_NONE), 101000);
    CHECK_INT(s.visit.lang, 1);
    session_tick(&s, 101080 + 60000);
    CHECK(s.visit.countdown);
    session_tick(&s, 101080 + 60000 + 10000);
    CHECK(is_fresh(&s, c));
}

/* A choice made on the welcome screen and then left there must not greet the next person. */
static void test_choice_left_on_welcome(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    CHECK(session_deadline(&s) == SESSION_NO_DEADLINE);
    tap(&s, hit_of(ACTION_LANGUAGE, 1), 1000);
    tap(&s, hit_of(ACTION_TEXT_SIZE, CONTENT_NONE), 2000);
    CHECK_INT(s.visit.text_scale, 1);
    CHECK(session_deadline(&s) == 2000 + 60000); /* from the touch */
    CHECK(!session_tick(&s, 2000 + 59999));
    CHECK_INT(s.visit.lang, 1);
    CHECK(session_tick(&s, 2000 + 60000));
    CHECK(is_fresh(&s, c));
    CHECK(session_deadline(&s) == SESSION_NO_DEADLINE);
    /* Closing time on a welcome screen with a choice on it: black, and the choice is gone. */
    tap(&s, hit_of(ACTION_LANGUAGE, 2), 200000);
    CHECK(session_set_open(&s, false));
    CHECK_INT(s.screen, SCREEN_ASLEEP);
    CHECK_INT(s.visit.lang, 0);
    session_set_open(&s, true);
    CHECK(is_fresh(&s, c));
}

static void test_text_size(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    CHECK_INT(session_text_percent[s.visit.text_scale], 100);
    /* On the welcome screen "A+" does not start the visit. */
    tap(&s, hit_of(ACTION_TEXT_SIZE, CONTENT_NONE), 1000);
    CHECK_INT(s.screen, SCREEN_WELCOME);
    CHECK_INT(session_text_percent[s.visit.text_scale], 125);
    tap(&s, hit_of(ACTION_NONE, CONTENT_NONE), 2000);
    tap(&s, hit_of(ACTION_GOTO, FX_A1), 3000);
    /* On a page it steps on, back to the top of the page, and round to the start. */
    session_set_scroll_max(&s, 900);
    session_scroll_to(&s, 300);
    tap(&s, hit_of(ACTION_TEXT_SIZE, CONTENT_NONE), 4000);
    CHECK_INT(session_text_percent[s.visit.text_scale], 150);
    CHECK(s.visit.scroll == 0.0);
    CHECK_INT(s.visit.page, FX_A1);
    tap(&s, hit_of(ACTION_TEXT_SIZE, CONTENT_NONE), 5000);
    CHECK_INT(session_text_percent[s.visit.text_scale], 100);
    tap(&s, hit_of(ACTION_TEXT_SIZE, CONTENT_NONE), 6000);
    CHECK_INT(s.visit.text_scale, 1);
    /* The visit's end takes it away. */
    ev(&s, INPUT_DOWN, 700, 20, hit_of(ACTION_QUICK_EXIT, CONTENT_NONE), 7000);
    ev(&s, INPUT_UP, 700, 20, hit_of(ACTION_QUICK_EXIT, CONTENT_NONE), 7050);
    CHECK_INT(s.visit.text_scale, 0);
}

/* In a right-to-left language the next page lies to the left: a swipe to the right. */
static void test_rtl_swipes(const struct content *c)
{
    struct session s;
    session_init(&s, c, W, H);
    tap(&s, hit_of(ACTION_LANGUAGE, 1), 1000);
    tap(&s, hit_of(ACTION_NONE, CONTENT_NONE), 2000);
    tap(&s, hit_of(ACTION_GOTO, FX_A1), 3000);
    uint64_t t = 4000;
    ev(&s, INPUT_DOWN, 200, 200, hit_of(ACTION_NONE, CONTENT_NONE), t);
    ev(&s, INPUT_MOVE, 350, 205, hit_of(ACTION_NONE, CONTENT_NONE), t += 30);
    ev(&s, INPUT_UP, 500, 210, hit_of(ACTION_NONE, CONTENT_NONE), t += 30);
    CHECK_INT(s.visit.page, FX_A2);
    ev(&s, INPUT_DOWN, 500, 200, hit_of(ACTION_NONE, CONTENT_NONE), t += 300);
    ev(&s, INPUT_MOVE, 350, 205, hit_of(ACTION_NONE, CONTENT_NONE), t += 30);
    ev(&s, INPUT_UP, 200, 210, hit_of(ACTION_NONE, CONTENT_NONE), t += 30);
    CHECK_INT(s.visit.page, FX_A1);
}

/* With animations off, a fling stops where the finger lets go. */
static void test_no_animations(struct content *c)
{
    c->theme.animations = false;
    struct session s;
    session_init(&s, c, W, H);
    tap(&s, hit_of(ACTION_NONE, CONTENT_NONE), 1000);
    tap(&s, hit_of(ACTION_GOTO, FX_A1), 2000);
    session_set_scroll_max(&s, 1000);
    uint64_t t = 3000;
    ev(&s, INPUT_DOWN, 400, 400, hit_of(ACTION_NONE, CONTENT_NONE), t);
    ev(&s, INPUT_MOVE, 400, 360, hit_of(ACTION_NONE, CONTENT_NONE), t += 10);
    ev(&s, INPUT_MOVE, 400, 300, hit_of(ACTION_NONE, CONTENT_NONE), t += 10);
    ev(&s, INPUT_UP, 400, 280, hit_of(ACTION_NONE, CONTENT_NONE), t += 10);
    CHECK(s.visit.velocity == 0.0);
    CHECK(s.visit.scroll == 100.0); /* where the last move left it */
    c->theme.animations = true;
}

int main(void)
{
    struct content *c = two_more_languages();
    test_language_choice(c);
    test_choice_left_on_welcome(c);
    test_text_size(c);
    test_rtl_swipes(c);
    test_no_animations(c);
    content_destroy(c);
    return check_summary("test_visit_choices");
}

/* The last good copy's two slots on the card: a slot reads back whole only exactly as written;
 * one cut short by a pulled plug, overwritten halfway or changed by hand is not whole, and the
 * other slot is used; each write goes to the slot that is not the newest whole one. */
#include <string.h>

#include "check.h"
#include "last_good_slot.h"

static struct last_good_slot parse(const struct strbuf *b)
{
    return last_good_slot_parse(strbuf_str(b), b->len);
}

int main(void)
{
    /* The CRC of zip and PNG: "123456789" gives CBF43926. */
    CHECK(last_good_crc32("123456789", 9) == 0xCBF43926u);

    const char body[] = "welcome_title = \"Hello\";\nidle_timeout = 90;\n";
    struct strbuf a = {0}, b = {0};
    last_good_slot_format(&a, 7, body, sizeof(body) - 1);
    CHECK(strncmp(strbuf_str(&a), "# The kiosk's last good copy", 28) == 0); /* a # note */
    struct last_good_slot s = parse(&a);
    CHECK(s.whole && s.number == 7 && s.body_size == sizeof(body) - 1);
    CHECK(memcmp(strbuf_str(&a) + s.body_offset, body, s.body_size) == 0);

    /* Cut short at every length: never whole. */
    bool any_whole = false;
    for (size_t n = 0; n < a.len; n++) {
        any_whole |= last_good_slot_parse(strbuf_str(&a), n).whole;
    }
    CHECK(!any_whole);
    /* One byte changed anywhere, in the line or the content: not whole. */
    int whole_after_flip = 0;
    for (size_t i = 0; i < a.len; i++) {
        strbuf_reset(&b);
        strbuf_add(&b, strbuf_str(&a), a.len);
        b.s[i] ^= 0x01;
        whole_after_flip += parse(&b).whole;
    }
    CHECK_INT(whole_after_flip, 0);
    /* Half overwritten by a newer copy (the new line, the old content): not whole. */
    const char newer[] = "welcome_title = \"Hi there\";\nidle_timeout = 120;\n";
    last_good_slot_format(&b, 8, newer, sizeof(newer) - 1);
    size_t line = (size_t)(strchr(strbuf_str(&b), '\n') - strbuf_str(&b)) + 1;
    struct strbuf torn = {0};
    strbuf_add(&torn, strbuf_str(&b), line);
    strbuf_add(&torn, body, sizeof(body) - 1);
    CHECK(!parse(&torn).whole);
    /* Bytes after the content (a card that kept the old, longer file): not whole. */
    strbuf_reset(&torn);
    strbuf_add(&torn, strbuf_str(&a), a.len);
    strbuf_add(&torn, "\n", 1);
    CHECK(!parse(&torn).whole);
    CHECK(!last_good_slot_parse(NULL, 0).whole);
    CHECK(!last_good_slot_parse("", 0).whole);

    /* Which slot wins and which is written next. */
    struct last_good_slot none[LAST_GOOD_SLOTS] = {{0}};
    CHECK_INT(last_good_slot_newest(none), -1);
    CHECK_INT(last_good_slot_to_write(none), 0);
    struct last_good_slot slots[LAST_GOOD_SLOTS] = {parse(&a), parse(&b)}; /* 7 and 8 */
    CHECK_INT(last_good_slot_newest(slots), 1);
    CHECK_INT(last_good_slot_to_write(slots), 0);
    slots[1].whole = false; /* 8 torn: 7 is used, and 8's slot is the one written again */
    CHECK_INT(last_good_slot_newest(slots), 0);
    CHECK_INT(last_good_slot_to_write(slots), 1);
    slots[0] = (struct last_good_slot){0};
    slots[1] = parse(&b); /* only B whole: A is written */
    CHECK_INT(last_good_slot_to_write(slots), 0);

    strbuf_finish(&a);
    strbuf_finish(&b);
    strbuf_finish(&torn);
    return check_summary("test_last_good_slot");
}

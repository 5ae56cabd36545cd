#include "resting.h"

#include <string.h>

#include "config_reader.h"
#include "util.h"

/* In the config's own syntax, so the resting screen is checked by the same reader as any
 * file, and test_resting proves it loads with no message at all. Plain words only: no
 * picture, no staff PIN, no opening hours, nothing that could be missing. */
static const char resting_cfg[] =
    "words = {\n"
    "  welcome_title = \"Welcome\";\n"
    "  welcome_text = \"Please take a seat. Someone will be with you soon.\";\n"
    "  welcome_prompt = \"Take a calm moment\";\n"
    "};\n"
    "menu = { title = \"Take a moment for yourself\"; };\n"
    "topics = ( {\n"
    "  title = \"Breathe slowly\";\n"
    "  pages = ( {\n"
    "    id = \"breathe\";\n"
    "    title = \"Breathe slowly\";\n"
    "    text = \"Sit back and let your shoulders drop.\\n\\n\"\n"
    "           \"Breathe in slowly. Then breathe out, a little longer.\\n\\n\"\n"
    "           \"Do this a few times, at your own pace.\\n\\n\"\n"
    "           \"If you would like to talk to someone, please ask at the front desk.\";\n"
    "  } );\n"
    "} );\n";

struct content *resting_content(const char *assets_dir, struct diag_list *diags)
{
    struct diag_list own;
    diag_init(&own, RESTING_NAME);
    struct content *c = config_load_buffer(RESTING_NAME, resting_cfg, strlen(resting_cfg),
                                           assets_dir, diags ? diags : &own);
    diag_finish(&own);
    KIOSK_ASSERT(c); /* the text above is fixed: test_resting checks it loads cleanly */
    c->stand_in = true;
    return c;
}

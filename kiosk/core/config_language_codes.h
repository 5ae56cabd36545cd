/* Language codes: which codes the config may use (BCP 47's common forms), and the built-in name
 * and direction of each language, so a translation need not give them. */
#ifndef KIOSK_CONFIG_LANGUAGE_CODES_H
#define KIOSK_CONFIG_LANGUAGE_CODES_H

#include <libconfig.h>
#include <stdbool.h>

#include "config_state.h"
#include "config_values.h"

struct config_known_language {
    const char *code, *name, *english; /* name: in the language itself */
    bool rtl;
};

/* The built-in entry for a code, by its language part only ("pt" for "pt-BR"), or NULL. */
const struct config_known_language *config_known_language(const char *code);
/* Whether `s` is a language code as BCP 47 writes the common cases: "fr", "ast", "pt-BR",
 * "es-419". */
bool config_language_code_valid(const char *s);
/* Says what to write instead of `v`, which is not a code, guessing from a language's name. */
void config_language_code_report(struct config_reader *r, int line, const char *key, const char *v);
/* The member `name` of `group` as a language code; a text that is not one is reported and
 * counts as wrong. */
struct config_got config_member_language_code(struct config_reader *r,
                                              const config_setting_t *group, const char *name,
                                              const char *key, const char **out);

#endif

/* Typed settings: reading one setting of the config and saying, for staff, what is wrong with
 * it. Every lookup answers in three ways, missing / wrong / ok, so a caller that treats a
 * missing setting differently from a wrong one never asks libconfig twice (libconfig 1.5's own
 * lookups return false for both). A wrong setting is reported here, once, with what to write
 * instead; a missing one is left to the caller, which knows whether it matters. */
#ifndef KIOSK_CONFIG_VALUES_H
#define KIOSK_CONFIG_VALUES_H

#include <libconfig.h>
#include <stdbool.h>
#include <stddef.h>

#include "config_state.h"

enum config_found {
    CONFIG_MISSING, /* not in the file (or its group is missing): nothing is reported */
    CONFIG_WRONG,   /* there but unusable: already reported */
    CONFIG_OK,
};

/* What a lookup found, and the setting's line (0 when missing). */
struct config_got {
    enum config_found found;
    int line;
};

/* An integer setting: its name, range, default and unit (for messages). */
struct config_int_spec {
    const char *name;
    int min, max, fallback;
    const char *unit;
};

/* The line of a setting, or 0 for NULL. */
int config_line(const config_setting_t *s);
/* Reports "<key>: is <what it holds>; <expected>" as an error. */
void config_report_type(struct config_reader *r, const config_setting_t *s, const char *key,
                        const char *expected);
/* Warns about every member of `group` that is not in `known`, with a near miss if there is one;
 * messages name a member "<prefix>.<name>" (just the name when `prefix` is ""). */
void config_check_known(struct config_reader *r, const config_setting_t *group, const char *prefix,
                        const char *const *known, size_t n_known);

/* The setting `s` (a list element) as text, valid UTF-8; *out is NULL unless found is OK. Warns
 * about placeholders for staff left in it. */
struct config_got config_elem_text(struct config_reader *r, const config_setting_t *s,
                                   const char *key, const char *expected, const char **out);
/* The member `name` of `group` (which may be NULL) as config_elem_text reads it. */
struct config_got config_member_text(struct config_reader *r, const config_setting_t *group,
                                     const char *name, const char *key, const char *expected,
                                     const char **out);
/* The member spec->name of `group` as a whole number in range; *out is spec->fallback unless
 * found is OK. Messages name it "<prefix>.<name>" (just the name when `prefix` is ""). */
struct config_got config_member_int(struct config_reader *r, const config_setting_t *group,
                                    const char *prefix, const struct config_int_spec *spec,
                                    int *out);
/* The member `name` of `group` as true/false; *out is `fallback` unless found is OK. */
struct config_got config_member_bool(struct config_reader *r, const config_setting_t *group,
                                     const char *prefix, const char *name, bool fallback,
                                     bool *out);
/* The member `name` of `group` when it is a group { ... }; `example` shows one in messages. */
struct config_got config_member_group(struct config_reader *r, const config_setting_t *group,
                                      const char *name, const char *key, const char *example,
                                      const config_setting_t **out);
/* The member `name` of `group` when it is a list of groups ( ... ); an empty [ ] is accepted as
 * an empty list too. */
struct config_got config_member_list(struct config_reader *r, const config_setting_t *group,
                                     const char *name, const char *key, const char *example,
                                     const config_setting_t **out);
/* The member `name` of `group` when it is a list of values, [ ... ] or ( ... ). */
struct config_got config_member_items(struct config_reader *r, const config_setting_t *group,
                                      const char *name, const char *key, const char *expected,
                                      const config_setting_t **out);

#endif

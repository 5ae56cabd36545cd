/* Language codes (config_language_codes.h). Codes are checked by their form only, so a clinic
 * can offer a language the kiosk has never heard of; the table below just saves it naming the
 * common ones, and lets a message turn "French" into "fr". */
#include "config_language_codes.h"

#include <string.h>

#include "config_text.h"

/* Names in the language itself, so a visitor finds theirs without reading English; never a
 * flag, since a language is not a country. */
static const struct config_known_language known_languages[] = {
    {"am", "አማርኛ", "Amharic", false},
    {"ar", "العربية", "Arabic", true},
    {"bg", "Български", "Bulgarian", false},
    {"bn", "বাংলা", "Bengali", false},
    {"cs", "Čeština", "Czech", false},
    {"cy", "Cymraeg", "Welsh", false},
    {"da", "Dansk", "Danish", false},
    {"de", "Deutsch", "German", false},
    {"el", "Ελληνικά", "Greek", false},
    {"en", "English", "English", false},
    {"es", "Español", "Spanish", false},
    {"et", "Eesti", "Estonian", false},
    {"fa", "فارسی", "Persian", true},
    {"fi", "Suomi", "Finnish", false},
    {"fr", "Français", "French", false},
    {"ga", "Gaeilge", "Irish", false},
    {"he", "עברית", "Hebrew", true},
    {"hi", "हिन्दी", "Hindi", false},
    {"hr", "Hrvatski", "Croatian", false},
    {"hu", "Magyar", "Hungarian", false},
    {"id", "Bahasa Indonesia", "Indonesian", false},
    {"it", "Italiano", "Italian", false},
    {"ja", "日本語", "Japanese", false},
    {"ko", "한국어", "Korean", false},
    {"ku", "Kurdî", "Kurdish", false},
    {"lt", "Lietuvių", "Lithuanian", false},
    {"lv", "Latviešu", "Latvian", false},
    {"ms", "Bahasa Melayu", "Malay", false},
    {"nl", "Nederlands", "Dutch", false},
    {"no", "Norsk", "Norwegian", false},
    {"pa", "ਪੰਜਾਬੀ", "Punjabi", false},
    {"pl", "Polski", "Polish", false},
    {"ps", "پښتو", "Pashto", true},
    {"pt", "Português", "Portuguese", false},
    {"ro", "Română", "Romanian", false},
    {"ru", "Русский", "Russian", false},
    {"sk", "Slovenčina", "Slovak", false},
    {"so", "Soomaali", "Somali", false},
    {"sq", "Shqip", "Albanian", false},
    {"sr", "Српски", "Serbian", false},
    {"sv", "Svenska", "Swedish", false},
    {"sw", "Kiswahili", "Swahili", false},
    {"th", "ไทย", "Thai", false},
    {"ti", "ትግርኛ", "Tigrinya", false},
    {"tl", "Tagalog", "Tagalog", false},
    {"tr", "Türkçe", "Turkish", false},
    {"uk", "Українська", "Ukrainian", false},
    {"ur", "اردو", "Urdu", true},
    {"vi", "Tiếng Việt", "Vietnamese", false},
    {"yi", "ייִדיש", "Yiddish", true},
    {"zh", "中文", "Chinese", false},
};

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool config_language_code_valid(const char *s)
{
    size_t n = 0;
    while (is_lower(s[n])) {
        n++;
    }
    if (n < 2 || n > 3) {
        return false;
    }
    if (s[n] == '\0') {
        return true;
    }
    if (s[n] != '-') {
        return false;
    }
    const char *region = s + n + 1;
    if (is_upper(region[0]) && is_upper(region[1]) && region[2] == '\0') {
        return true;
    }
    return region[0] >= '0' && region[0] <= '9' && region[1] >= '0' && region[1] <= '9' &&
           region[2] >= '0' && region[2] <= '9' && region[3] == '\0';
}

const struct config_known_language *config_known_language(const char *code)
{
    size_t n = strcspn(code, "-");
    for (size_t i = 0; i < CONFIG_COUNT(known_languages); i++) {
        if (strlen(known_languages[i].code) == n &&
            strncmp(known_languages[i].code, code, n) == 0) {
            return &known_languages[i];
        }
    }
    return NULL;
}

void config_language_code_report(struct config_reader *r, int line, const char *key, const char *v)
{
    struct config_excerpt excerpt;
    config_excerpt(&excerpt, v, strlen(v), 40);
    for (size_t i = 0; i < CONFIG_COUNT(known_languages); i++) {
        const char *english = known_languages[i].english;
        size_t n = strlen(english);
        bool same = strlen(v) == n;
        for (size_t k = 0; same && k < n; k++) {
            same = (v[k] | 0x20) == (english[k] | 0x20);
        }
        if (same || strcmp(v, known_languages[i].name) == 0) {
            diag_add(r->diags, DIAG_ERROR, line, key,
                     "\"%s\" is not a language code; write the code, e.g. \"%s\" for %s", excerpt.s,
                     known_languages[i].code, english);
            return;
        }
    }
    diag_add(r->diags, DIAG_ERROR, line, key,
             "\"%s\" is not a language code; write two or three small letters, e.g. \"en\" "
             "(English), \"fr\" (French), \"es\" (Spanish), \"ar\" (Arabic); a region may follow, "
             "e.g. \"pt-BR\"",
             excerpt.s);
}

struct config_got config_member_language_code(struct config_reader *r,
                                              const config_setting_t *group, const char *name,
                                              const char *key, const char **out)
{
    struct config_got g =
        config_member_text(r, group, name, key,
                           "write a language code in double quotes, e.g. language = \"en\";", out);
    if (*out && !config_language_code_valid(*out)) {
        config_language_code_report(r, g.line, key, *out);
        *out = NULL;
        g.found = CONFIG_WRONG;
    }
    return g;
}

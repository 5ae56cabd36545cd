#!/usr/bin/env bash
# The self-check in the shipped config, every path of it: each answer on each check-* page leads
# to a page that exists; every answer that is not a plain yes (or a skip) to a question, such as
# "No", "Not always" or "I'm not sure", leads straight to check-not-safe, a notok-* page or the
# help page; each question has a plain "No"; no result page has a title that tells an onlooker
# what was answered ("Thank you for being honest"); the self-check is the menu's first button,
# so it shows without scrolling on any screen. Then, drawn by the kiosk itself at 1280x800 in
# every language, the pages a worried visitor lands on (help, notok-*, check-*,
# consent-your-choice) fit without scrolling: --render writes no PAGE.end.png for them.
# Usage: self_check.sh KIOSK CONFIG WORKDIR
set -uo pipefail
kiosk=$1 config=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0

python3 - "$config" "$work/languages" <<'PY' || failures=$((failures + 1))
import re
import sys

# ---- a small libconfig reader: settings, { groups }, ( lists ), [ arrays ], "strings" -------
text = open(sys.argv[1], encoding="utf-8-sig").read()
TOKEN = re.compile(r'\s+|#[^\n]*|//[^\n]*|/\*.*?\*/|"(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*'
                   r'|[-+]?(?:0x[0-9A-Fa-f]+|[0-9.]+(?:[eE][-+]?[0-9]+)?L?)|[=:;,{}()\[\]]', re.S)
tokens, pos = [], 0
while pos < len(text):
    m = TOKEN.match(text, pos)
    if not m:
        sys.exit(f"self_check: cannot read {sys.argv[1]} at offset {pos}: {text[pos:pos + 30]!r}")
    t = m.group(0)
    pos = m.end()
    if not (t.isspace() or t.startswith(("#", "//", "/*"))):
        tokens.append(t)
ESC = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def unquote(t):
    return re.sub(r'\\(.)', lambda m: ESC.get(m.group(1), m.group(1)), t[1:-1])


def value(i):
    t = tokens[i]
    if t.startswith('"'):
        s = ""
        while i < len(tokens) and tokens[i].startswith('"'):
            s += unquote(tokens[i])
            i += 1
        return s, i
    if t == "{":
        return settings(i + 1, "}")
    if t in "([":
        close = ")" if t == "(" else "]"
        items, i = [], i + 1
        while tokens[i] != close:
            v, i = value(i)
            items.append(v)
            if tokens[i] == ",":
                i += 1
        return items, i + 1
    return t, i + 1


def settings(i, close):
    out = {}
    while i < len(tokens) and tokens[i] != close:
        name = tokens[i]
        if tokens[i + 1] not in ("=", ":"):
            sys.exit(f"self_check: expected = after {name}")
        out[name], i = value(i + 2)
        if i < len(tokens) and tokens[i] in (";", ","):
            i += 1
    return out, i + 1


cfg, _ = settings(0, None)

# ---- the base language's pages, with their choices as (label, page) -------------------------
pages, order = {}, []
for topic in cfg.get("topics", []):
    for p in topic.get("pages", []):
        pages[p["id"]] = p
        order.append(p["id"])
for p in cfg.get("pages", []):
    pages[p["id"]] = p
    order.append(p["id"])
known = set(pages) | {"menu"}
passes, fails = 0, 0


def check(ok, what):
    global passes, fails
    if ok:
        passes += 1
    else:
        fails += 1
        print(f"FAILED: {what}")


def choices(page_id):
    return [(c["label"], c["page"]) for c in pages[page_id].get("choices", [])]


def is_question(page_id):
    # A question asks in bold: *... ?* in the page's text.
    return re.search(r"\*[^*]*\?\s*\*", pages[page_id].get("text", "")) is not None


def kind(label):
    # "yes", "skip", or "other": anything else ("No", "Not really", "Not always", "Sometimes",
    # "I'm not sure", and any wording this list does not know) counts as a worried answer.
    l = label.lower().replace("\u2019", "'")
    if re.match(r"yes\b", l):
        return "yes"
    if "skip" in l or "rather not" in l:
        return "skip"
    return "other"


def safe_place(target):
    return target == "check-not-safe" or target.startswith("notok-") or target == "help"


checks = [i for i in order if i.startswith("check-")]
check("check-start" in pages, "there is a check-start page")
check(len(checks) >= 3, f"the self-check has its pages (found {checks})")

# The menu's first button is the self-check: the first topic starts with check-start (the
# menu's own choices come after every topic, off a small screen).
topics = cfg.get("topics", [])
first = topics[0]["pages"][0]["id"] if topics and topics[0].get("pages") else None
check(first == "check-start",
      f"the menu's first button opens check-start, so it shows without scrolling (it opens {first})")

# Walk every path from check-start through the check-* pages.
print("The self-check, every answer:")
seen, queue = set(), ["check-start"]
while queue:
    pid = queue.pop(0)
    if pid in seen or pid not in pages:
        continue
    seen.add(pid)
    q = is_question(pid)
    for label, target in choices(pid):
        print(f"  {pid}: \"{label}\" -> {target}")
        check(target in known, f"{pid}: \"{label}\" leads to a page that exists ({target})")
        if q and kind(label) == "other":
            check(safe_place(target),
                  f"{pid}: the worried answer \"{label}\" leads to check-not-safe, a notok-* page "
                  f"or help (it leads to {target})")
        if target.startswith("check-"):
            queue.append(target)
for pid in checks:
    check(pid in seen, f"{pid} is reached from check-start")
    labels = [label for label, _ in choices(pid)]
    if is_question(pid):
        check(any(re.match(r"No(?![A-Za-z])", label) for label in labels),
              f"{pid}: the question has a plain \"No\" answer (it has {labels})")
        check(any(kind(label) == "other" for label in labels) and
              any(kind(label) == "yes" for label in labels),
              f"{pid}: the question has a yes and a worried answer")
    else:
        title = pages[pid]["title"].lower()
        check(not re.search(r"honest|thank", title),
              f"{pid}: the result's title says nothing about the answer (\"{pages[pid]['title']}\")")
check("check-not-safe" in pages and
      any(t == "help" for _, t in choices("check-not-safe")) and
      any(t.startswith("notok-") for _, t in choices("check-not-safe")),
      "check-not-safe offers the help page and a notok-* page")

# Translations: the choices match by order, so each check-* page has as many; and no result
# title thanks the visitor for an answer, in any language.
thanks = re.compile(r"honest|thank|merci|franchise|gracias|sinceridad|شكر|صراح", re.I)
for tr in cfg.get("translations", []):
    lang = tr.get("language")
    for p in tr.get("pages", []):
        pid = p.get("id", "")
        if pid not in pages or not pid.startswith("check-"):
            continue
        if "choices" in p:
            check(len(p["choices"]) == len(choices(pid)),
                  f"{lang}: {pid} has {len(p['choices'])} choices for {len(choices(pid))}")
        if not is_question(pid) and "title" in p:
            check(not thanks.search(p["title"]),
                  f"{lang}: {pid}: the result's title says nothing about the answer "
                  f"(\"{p['title']}\")")
langs = cfg.get("languages") or [cfg.get("language", "en")] + [
    tr.get("language") for tr in cfg.get("translations", [])]
open(sys.argv[2], "w").write(" ".join(langs) + "\n")
print(f"self-check routing: {passes} passed, {fails} failed")
sys.exit(1 if fails else 0)
PY

# The kiosk takes the file, and the pages a worried visitor meets fit a 1280x800 screen.
if out=$("$kiosk" --check --config "$config" 2>&1) && grep -q ": OK:" <<<"$out"; then
    echo "ok: --check takes the shipped config"
else
    echo "FAILED: --check on the shipped config:"; printf '    %s\n' "$out"
    failures=$((failures + 1))
fi
langs=$(cat "$work/languages" 2>/dev/null || echo en)
for lang in $langs; do
    if ! "$kiosk" --config "$config" --render "$work/$lang" --size 1280x800 --lang "$lang" \
        >"$work/$lang.log" 2>&1; then
        echo "FAILED: --render --lang $lang:"; sed 's/^/    /' "$work/$lang.log"
        failures=$((failures + 1))
        continue
    fi
    long=""
    for f in "$work/$lang"/help.end.png "$work/$lang"/notok-*.end.png \
        "$work/$lang"/check-*.end.png "$work/$lang"/consent-your-choice.end.png; do
        [ -e "$f" ] && long="$long ${f##*/}"
    done
    if [ -n "$long" ]; then
        echo "FAILED: $lang at 1280x800: these pages need scrolling: $long"
        failures=$((failures + 1))
    else
        echo "ok: $lang at 1280x800: help, notok-*, check-* and consent-your-choice fit"
    fi
done
echo "self_check: $failures failed"
[ "$failures" = 0 ]

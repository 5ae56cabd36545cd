#!/usr/bin/env bash
# The shape of kiosk/, checked on every build so it cannot drift back:
#  - each layer includes only what it may: the core (kiosk/core) ISO C, <sys/stat.h> (to check
#    that files the config names exist), in the config reader only, <libconfig.h>, and in
#    file_read.c only (which opens files without blocking), <fcntl.h> and <unistd.h>; the
#    Linux edge (kiosk/linux) no SDL and nothing of the SDL edge; the SDL edge (kiosk/sdl)
#    nothing of the executable (kiosk/app); the privileged helpers (kiosk/usb, and kiosk/store,
#    which also uses kiosk/usb's update) what the Linux edge may, and the user database (to
#    drop root for the kiosk user), and nothing of SDL or the executable;
#  - a module's internal headers (config_*.h but its public two, session_*.h, layout_*.h) are
#    included only by that module's own files;
#  - no two object files call each other, in either direction (a circle), through any header;
#  - no .c file is longer than 800 lines.
# Usage: structure.sh SOURCE_DIR OBJECT_FILE...
set -euo pipefail
src=$1
shift
# CTest hands each target's objects over as one ;-separated list.
IFS=';' read -r -a objects <<< "$(IFS=';'; echo "$*")"
set -- "${objects[@]}"
failures=0
fail() {
    echo "structure: $*" >&2
    failures=$((failures + 1))
}

# ---- includes, layer by layer -------------------------------------------------------------
iso_c='assert|ctype|errno|float|inttypes|limits|math|stdarg|stdbool|stddef|stdint|stdio|stdlib|string|time'
layer_files() { find "$src/kiosk/$1" -name '*.[ch]' | sort; }
local_header_layer() { # HEADER -> the layer directory it lives in, or nothing
    local d
    for d in core linux sdl app store usb; do
        [ -e "$src/kiosk/$d/$1" ] && echo "$d" && return
    done
}
check_layer() { # LAYER ALLOWED_SYSTEM_REGEX ALLOWED_LOCAL_LAYERS...
    local layer=$1 system=$2 f line header where
    shift 2
    local allowed=" $* "
    for f in $(layer_files "$layer"); do
        while IFS= read -r line; do
            if [[ $line =~ ^#include\ \<([^>]+)\> ]]; then
                header=${BASH_REMATCH[1]}
                [[ $header =~ ^($system)$ ]] ||
                    fail "${f#"$src"/}: includes <$header>, which kiosk/$layer may not use"
            elif [[ $line =~ ^#include\ \"([^\"]+)\" ]]; then
                header=${BASH_REMATCH[1]}
                where=$(local_header_layer "$header")
                [ -n "$where" ] || continue # a header of the build (none yet) or a typo the build catches
                [[ $allowed == *" $where "* ]] ||
                    fail "${f#"$src"/}: includes \"$header\" from kiosk/$where, a layer above kiosk/$layer"
            fi
        done < "$f"
    done
}
check_layer core "(${iso_c})\\.h|sys/stat\\.h|libconfig\\.h|fcntl\\.h|unistd\\.h" core
mapfile -t core_files < <(layer_files core)
while IFS= read -r f; do
    case ${f##*/} in
    config_*) ;;
    *) fail "${f#"$src"/}: includes <libconfig.h>; only the config reader may" ;;
    esac
done < <(grep -l '#include <libconfig.h>' "${core_files[@]}")
while IFS= read -r f; do
    case ${f##*/} in
    file_read.c) ;;
    *) fail "${f#"$src"/}: includes POSIX <fcntl.h> or <unistd.h>; only file_read.c may" ;;
    esac
done < <(grep -lE '#include <(fcntl|unistd)\.h>' "${core_files[@]}")
check_layer linux "(${iso_c})\\.h|sys/[a-z]+\\.h|linux/[a-z]+\\.h|dirent\\.h|fcntl\\.h|poll\\.h|pthread\\.h|signal\\.h|unistd\\.h" core linux
check_layer usb "(${iso_c})\\.h|sys/[a-z]+\\.h|dirent\\.h|fcntl\\.h|grp\\.h|pwd\\.h|strings\\.h|unistd\\.h" core linux usb
check_layer store "(${iso_c})\\.h|sys/[a-z]+\\.h|fcntl\\.h|poll\\.h|unistd\\.h" core linux usb store
check_layer sdl "(${iso_c})\\.h|SDL[a-z_]*\\.h|fribidi\\.h|sys/[a-z]+\\.h|unistd\\.h|fcntl\\.h|dirent\\.h|signal\\.h" core linux sdl

# ---- internal headers stay inside their module ------------------------------------------------
# A module's own layers share headers that nothing else may include: outside it only its public
# header is used (config_reader.h and config_locate.h, session.h, layout.h).
internal_header() { # HEADER -> the file-name prefix of the module that owns it, or nothing
    case $1 in
    config_reader.h | config_locate.h) ;;
    config_*.h) echo config_ ;;
    session_*.h) echo session ;;
    layout_*.h) echo layout ;;
    esac
}
mapfile -t every_file < <(find "$src/kiosk" "$src/tests" -name '*.[ch]' | sort)
while IFS=: read -r f _ line; do
    [[ $line =~ \"([^\"]+)\" ]] || continue
    [ -e "$src/kiosk/core/${BASH_REMATCH[1]}" ] || continue # a test's own helper
    owner=$(internal_header "${BASH_REMATCH[1]}")
    [ -n "$owner" ] || continue
    case ${f##*/} in
    "$owner"*) ;;
    *) fail "${f#"$src"/}: includes ${BASH_REMATCH[1]}, which is internal to the ${owner%_} files" ;;
    esac
done < <(grep -n '^#include "' "${every_file[@]}")

# ---- no circles ------------------------------------------------------------------------------
# For every object: the functions and data it defines and the ones it uses. A circle is a pair
# where each uses something the other defines.
circles=$(for o in "$@"; do
    nm "$o" | awk -v o="${o##*/}" '$1 ~ /^[UTDRB]$/ { print o, "U", $2; next }
                                  $2 ~ /^[TDRB]$/ { print o, "D", $3 }'
done | awk '$2 == "D" { owner[$3] = $1; next }
            { use[NR] = $1; sym[NR] = $3 }
            END {
                for (i in use) {
                    d = owner[sym[i]]
                    if (d != "" && d != use[i]) calls[use[i] SUBSEP d] = sym[i]
                }
                for (k in calls) {
                    split(k, p, SUBSEP)
                    if ((p[2] SUBSEP p[1]) in calls && p[1] < p[2])
                        printf "%s uses %s from %s, and %s uses %s from it\n", p[1], calls[k], p[2], p[2], calls[p[2] SUBSEP p[1]]
                }
            }')
if [ -n "$circles" ]; then
    while IFS= read -r c; do fail "a circle: $c"; done <<< "$circles"
fi

# ---- size ------------------------------------------------------------------------------------
mapfile -t c_files < <(find "$src/kiosk" -name '*.c' | sort)
while read -r n f; do
    [ "$f" = total ] && continue
    [ "$n" -le 800 ] || fail "${f#"$src"/} has $n lines; cut it by job (at most 800)"
done < <(wc -l "${c_files[@]}")

if [ "$failures" -gt 0 ]; then
    echo "structure: $failures problem(s)" >&2
    exit 1
fi
echo "structure: ${#c_files[@]} files in 6 layers, $# objects, no circles"

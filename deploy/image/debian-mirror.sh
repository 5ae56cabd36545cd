#!/usr/bin/env bash
# Prints the Debian mirror this machine's apt is configured to use for a release, so that image
# and test-system builds fetch from where this machine already can (a local mirror, a proxy, a
# snapshot) rather than from a fixed host:
#   deploy/image/debian-mirror.sh [SUITE]              the main archive, e.g. http://deb.debian.org/debian
#   deploy/image/debian-mirror.sh --security [SUITE]   the archive for SUITE-security
# SUITE defaults to bookworm. apt itself answers (`apt-get indextargets`), so one-line and
# deb822 source files alike count. With no matching source configured it prints Debian's own
# (http://deb.debian.org/debian, and .../debian-security).
set -euo pipefail
security=0
if [ "${1:-}" = "--security" ]; then
    security=1
    shift
fi
suite=${1:-bookworm}
want=$suite
[ "$security" = 0 ] || want=$suite-security
# The $(...) are apt's own placeholders, not the shell's.
# shellcheck disable=SC2016
uri=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE) $(TARGET_OF)' 2>/dev/null |
    awk -v r="$want" '$2 == r && $3 == "deb" { print $1; exit }')
if [ -z "$uri" ]; then
    uri=http://deb.debian.org/debian
    [ "$security" = 0 ] || uri=http://deb.debian.org/debian-security
fi
printf '%s\n' "${uri%/}"

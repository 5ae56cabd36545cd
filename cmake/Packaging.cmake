# The Debian package: `cpack -G DEB` in a build configured for packaging:
#
#   cmake -S . -B build-package -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
#         -DKIOSK_DEV_PATHS=OFF -DBUILD_TESTING=OFF
#   cmake --build build-package -j2 && (cd build-package && cpack -G DEB)
#
# gives build-package/kiosk_<version>-1_<arch>.deb for the architecture being built: the host's,
# or arm64 when cross-building with deploy/cross/arm64.cmake. deploy/check-package.sh builds and
# checks it; deploy/README.md is the installer's guide.
#
# What the package holds (the install() rules at the bottom of the top-level CMakeLists.txt):
#   /usr/bin/kiosk, /usr/share/kiosk/assets/*, /usr/share/kiosk/config/kiosk.cfg (shipped default),
#   /etc/kiosk/kiosk.cfg (the same file, a conffile: dpkg never overwrites a staff edit),
#   /lib/systemd/system/kiosk.service, /lib/udev/rules.d/70-kiosk-backlight.rules,
#   /usr/share/man/man1/kiosk.1.gz, /usr/share/doc/kiosk/{copyright,changelog.Debian.gz},
#   /usr/share/lintian/overrides/kiosk.
# deploy/debian/ holds the maintainer scripts (the kiosk user, purge), the conffiles list, and
# Debian's copyright, changelog and lintian overrides. lintian passes the package with no error
# and no warning (deploy/check-package.sh checks that).

# Where systemd and udev find packaged files. Debian 12 and Raspberry Pi OS Bookworm packages put
# them under /lib (the same directory as /usr/lib on merged-/usr systems). Any other prefix (a
# developer's `cmake --install` into /usr/local) keeps them under that prefix.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(_kiosk_libroot "/lib")
else()
  set(_kiosk_libroot "${CMAKE_INSTALL_PREFIX}/lib")
endif()
set(KIOSK_SYSTEMD_UNITDIR "${_kiosk_libroot}/systemd/system" CACHE PATH
    "Where the systemd unit kiosk.service is installed")
set(KIOSK_UDEV_RULESDIR "${_kiosk_libroot}/udev/rules.d" CACHE PATH
    "Where the udev rule for the backlight is installed")

# The Debian architecture of what is being built. A cross toolchain file may set it
# (deploy/cross/arm64.cmake does); otherwise ask dpkg: for a native build the host's
# architecture, for a cross build the one matching the compiler's GNU triplet
# (aarch64-linux-gnu -> arm64). Without this CPack would label an arm64 binary amd64.
if(NOT CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
  if(CMAKE_CROSSCOMPILING)
    execute_process(COMMAND ${CMAKE_C_COMPILER} -dumpmachine
                    OUTPUT_VARIABLE _kiosk_triplet OUTPUT_STRIP_TRAILING_WHITESPACE
                    ERROR_QUIET)
    execute_process(COMMAND dpkg-architecture -t${_kiosk_triplet} -qDEB_HOST_ARCH
                    OUTPUT_VARIABLE _kiosk_deb_arch OUTPUT_STRIP_TRAILING_WHITESPACE
                    ERROR_QUIET)
  else()
    execute_process(COMMAND dpkg --print-architecture
                    OUTPUT_VARIABLE _kiosk_deb_arch OUTPUT_STRIP_TRAILING_WHITESPACE
                    ERROR_QUIET)
  endif()
  if(_kiosk_deb_arch)
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${_kiosk_deb_arch}")
  endif()
endif()

# dpkg-shlibdeps computes Depends from the libraries the binary links (libSDL2, SDL2_ttf,
# SDL2_image, libconfig, libfribidi, libpng, libc). Cross-building for arm64 on Debian 12 it already works (the
# :arm64 libraries are found through /etc/ld.so.conf.d/aarch64-linux-gnu.conf, their symbols
# files in dpkg's database); DEB_HOST_ARCH makes it explicit: search /usr/lib/<target multiarch>
# and read with <triplet>-objdump. cpack runs the generated CPackProjectConfig.cmake in its own
# process before the generator, so the variable set there reaches dpkg-shlibdeps; a value
# already in the environment wins.
# If dpkg-shlibdeps cannot work (no dpkg-dev, or a sysroot without a dpkg database), configure
# with -DKIOSK_DEB_SHLIBDEPS=OFF: Depends then comes from the explicit list below, whose package
# names are the same on every Debian architecture (the libraries are Multi-Arch: same).
option(KIOSK_DEB_SHLIBDEPS "Compute the package's library Depends with dpkg-shlibdeps" ON)
set(_kiosk_lib_depends
    "libc6, libsdl2-2.0-0 (>= 2.26), libsdl2-ttf-2.0-0 (>= 2.20), libsdl2-image-2.0-0 (>= 2.6), libconfig9, libfribidi0, libpng16-16")

# What the binary needs but does not link, so dpkg-shlibdeps cannot see it:
# - SDL loads libEGL, libGLESv2 and libudev with dlopen; its KMSDRM driver cannot create a window
#   without EGL and Mesa's DRI drivers (vc4/v3d on a Pi; Raspberry Pi OS Lite lacks them), and
#   without libudev SDL finds no touchscreen at all.
# - fonts-dejavu-core: DejaVu Sans is the font every other font falls back to.
# - fonts-noto-ui-core: Noto Sans Arabic UI and the Indic and Thai UI fonts. The shipped content
#   offers Arabic on its welcome screen, and the screens are designed and tested with Noto
#   drawing it; without it DejaVu Sans draws other letter shapes. A Depends, not a Recommends:
#   images are built without recommended packages (deploy/image/build-image.sh), and the
#   appliance test found the field kiosk's Arabic in the wrong font that way.
# - passwd: the maintainer scripts create and delete the kiosk user with useradd/userdel.
# Not listed: init-system-helpers, whose deb-systemd-helper and deb-systemd-invoke the
# maintainer scripts run. It is Essential, and Debian packages do not depend on those (lintian:
# depends-on-essential-package-without-using-version); every version since Debian 9 has what
# the scripts use.
set(_kiosk_runtime_depends
    "fonts-dejavu-core, fonts-noto-ui-core, libegl1, libgles2, libgl1-mesa-dri, libudev1, passwd")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "kiosk")
set(CPACK_DEBIAN_PACKAGE_NAME "kiosk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# kiosk_<version>-<release>_<arch>.deb, the name apt and deploy/pi/install.sh expect.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Who answers for the package. Whoever builds and installs it sets their own:
# -DKIOSK_DEB_MAINTAINER="Name <address>". The default is a well-formed address in example.org,
# a domain reserved for examples (RFC 2606): lintian accepts it, and no stranger gets the mail.
set(KIOSK_DEB_MAINTAINER "Waiting-room kiosk maintainers <kiosk-maintainers@example.org>"
    CACHE STRING "Maintainer field of the .deb: \"Name <address>\"")
set(CPACK_PACKAGE_CONTACT "${KIOSK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${KIOSK_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline touchscreen kiosk for clinic waiting rooms")
# The long description; CPack puts the summary above it and indents every line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"A fullscreen SDL2 program that shows short, plain pages about closeness and
healthy relationships. It wipes every visit when the visitor walks away and
has a quick-exit button on every screen. All content lives in one text file,
/etc/kiosk/kiosk.cfg. The systemd unit kiosk.service runs it on the display
with the KMSDRM driver; the package does not enable it (deploy/pi/install.sh
in the kiosk's source sets up a Raspberry Pi appliance).")

set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ${KIOSK_DEB_SHLIBDEPS})
if(KIOSK_DEB_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_kiosk_runtime_depends}")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_kiosk_lib_depends}, ${_kiosk_runtime_depends}")
endif()
# The kiosk needs the systemd that runs its unit; it still installs (for --check and --render)
# where there is none.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd, udev")

# Install paths inside the package are those the binary was compiled with (KIOSK_INSTALL_DATADIR),
# not CPack's own default of /usr.
set(CPACK_PACKAGING_INSTALL_PREFIX "${CMAKE_INSTALL_PREFIX}")
set(CPACK_STRIP_FILES ON)

# Maintainer scripts and the conffiles list. STRICT_PERMISSION gives the scripts 0755 and the
# lists 0644 whatever the checkout's modes are.
configure_file(${PROJECT_SOURCE_DIR}/deploy/debian/conffiles.in
               ${PROJECT_BINARY_DIR}/debian/conffiles @ONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/deploy/debian/postinst;${PROJECT_SOURCE_DIR}/deploy/debian/prerm;${PROJECT_SOURCE_DIR}/deploy/debian/postrm;${PROJECT_BINARY_DIR}/debian/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Debian's hardening flags (what dpkg-buildflags gives with hardening=+all): fortified libc
# calls, a stack protector, a read-only GOT bound at start-up (full RELRO), a position-independent
# binary. Only in the build that is packaged (KIOSK_DEV_PATHS OFF, the only one cpack accepts):
# developer and test builds keep their flags.
if(NOT KIOSK_DEV_PATHS)
  include(CheckPIESupported)
  check_pie_supported(LANGUAGES C)
  foreach(_kiosk_target kiosk kiosk_sdl kiosk_linux kiosk_core)
    set_property(TARGET ${_kiosk_target} PROPERTY POSITION_INDEPENDENT_CODE ON)
    # -U first: a compiler that defines its own level would otherwise warn of a redefinition.
    target_compile_options(${_kiosk_target} PRIVATE -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2
                           -fstack-protector-strong -Werror=format-security)
  endforeach()
  target_link_options(kiosk PRIVATE LINKER:-z,relro LINKER:-z,now)
endif()

# Checks that run when cpack runs (not at configure time: a developer build with the defaults
# must configure quietly), and the cross-build environment for dpkg-shlibdeps.
if(KIOSK_DEV_PATHS)
  set(_kiosk_dev_paths 1)
else()
  set(_kiosk_dev_paths 0)
endif()
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_BINARY_DIR}/CPackProjectConfig.cmake")
file(WRITE "${CPACK_PROJECT_CONFIG_FILE}"
"# Generated by cmake/Packaging.cmake; cpack includes it before building a package.
if(${_kiosk_dev_paths})
  message(FATAL_ERROR \"This build looks for its config and assets in ${PROJECT_SOURCE_DIR} first \"
    \"(KIOSK_DEV_PATHS is ON). Reconfigure with -DKIOSK_DEV_PATHS=OFF before packaging.\")
endif()
if(NOT \"${CMAKE_INSTALL_PREFIX}\" STREQUAL \"/usr\")
  message(WARNING \"CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}, not /usr: the package will \"
    \"not match Debian's layout, and the unit runs /usr/bin/kiosk.\")
endif()
if(\"${CMAKE_CROSSCOMPILING}\" AND NOT DEFINED ENV{DEB_HOST_ARCH})
  set(ENV{DEB_HOST_ARCH} \"${CPACK_DEBIAN_PACKAGE_ARCHITECTURE}\")
endif()
")
# A new version needs a changelog entry and a manual page that name it: read at cpack time, so
# an edit after configuring counts.
set(_kiosk_deb_version "${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")
string(CONFIGURE [=[
file(STRINGS "@PROJECT_SOURCE_DIR@/deploy/debian/changelog" _top LIMIT_COUNT 1)
string(FIND "${_top}" "kiosk (@_kiosk_deb_version@) " _at)
if(NOT _at EQUAL 0)
  message(FATAL_ERROR "deploy/debian/changelog begins '${_top}', but the package is "
    "@_kiosk_deb_version@: add an entry for it at the top.")
endif()
file(STRINGS "@PROJECT_SOURCE_DIR@/kiosk/kiosk.1" _th REGEX "^[.]TH " LIMIT_COUNT 1)
separate_arguments(_th_fields UNIX_COMMAND "${_th}")
list(GET _th_fields 4 _source)
if(NOT _source STREQUAL "kiosk @PROJECT_VERSION@")
  message(FATAL_ERROR "kiosk/kiosk.1 says '${_th}', but the kiosk is @PROJECT_VERSION@: "
    "update its .TH line (and what changed in the page).")
endif()
]=] _kiosk_version_checks @ONLY)
file(APPEND "${CPACK_PROJECT_CONFIG_FILE}" "${_kiosk_version_checks}")

include(CPack)

# CMake toolchain file: build the kiosk for 64-bit Raspberry Pi OS / Debian arm64 on an x86-64
# Debian 12 machine, with Debian's multiarch cross toolchain and arm64 -dev packages.
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=deploy/cross/arm64.cmake
# deploy/cross/build-arm64.sh installs what this needs and runs the whole proof.
#
# Tests run under qemu-user: CTest prefixes every test executable with
# CMAKE_CROSSCOMPILING_EMULATOR. "-L /" makes qemu load arm64 shared libraries from the host's
# multiarch directories (/usr/lib/aarch64-linux-gnu, /lib/ld-linux-aarch64.so.1).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(PKG_CONFIG_EXECUTABLE /usr/bin/aarch64-linux-gnu-pkg-config CACHE FILEPATH
    "pkg-config that reads the arm64 .pc files")

if(NOT DEFINED CMAKE_CROSSCOMPILING_EMULATOR)
  find_program(KIOSK_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64
               PATHS /usr/bin NO_CMAKE_FIND_ROOT_PATH)
  if(KIOSK_QEMU_AARCH64)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${KIOSK_QEMU_AARCH64};-L;/" CACHE STRING
        "Runs arm64 test programs on this machine")
  endif()
endif()

# Multiarch: arm64 libraries and headers live beside the host's, so search the host's tree
# for libraries and headers (CMAKE_LIBRARY_ARCHITECTURE picks the arm64 directories), and
# never look for programs to run there.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# CPack's DEB generator reads the architecture from dpkg on the host: tell it the truth.
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64 CACHE STRING "Debian architecture of the package")

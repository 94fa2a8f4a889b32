# SPDX-License-Identifier: MIT
# Cross-compile wufix for 64-bit Windows with mingw-w64; run results under Wine.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
find_program(WUFIX_WINE NAMES wine wine64)
if(WUFIX_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${WUFIX_WINE})
endif()

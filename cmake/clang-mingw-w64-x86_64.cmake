# SPDX-License-Identifier: MIT
# A second compiler for wufix.exe: clang targeting x86_64-w64-mingw32, with
# mingw-w64's headers, libraries and linker.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET x86_64-w64-mingw32)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
# libgcc, libgcc_eh and libssp live with mingw-w64's gcc.
file(GLOB WF_MINGW_GCC_LIB /usr/lib/gcc/x86_64-w64-mingw32/*-win32)
if(WF_MINGW_GCC_LIB)
  list(GET WF_MINGW_GCC_LIB 0 WF_MINGW_GCC_LIB)
  set(CMAKE_EXE_LINKER_FLAGS_INIT "-L${WF_MINGW_GCC_LIB}")
  set(CMAKE_SHARED_LINKER_FLAGS_INIT "-L${WF_MINGW_GCC_LIB}")
endif()

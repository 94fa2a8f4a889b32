# SPDX-License-Identifier: MIT
# Windows build (mingw-w64 or MSVC): wufix.exe, and the programs that test it under Wine.
add_compile_definitions(UNICODE _UNICODE WIN32_LEAN_AND_MEAN _WIN32_WINNT=0x0A00 WINVER=0x0A00)

add_library(wufix_win32 STATIC src/win32/scm.c src/win32/scm_admin.c src/win32/scm_util.c src/win32/host.c src/win32/store.c src/win32/winutil.c src/win32/console.c src/win32/logfile.c)
target_link_libraries(wufix_win32 PUBLIC wufix_core advapi32)
target_include_directories(wufix_win32 PUBLIC src/win32)
wf_warnings(wufix_win32)

add_executable(wufix src/win32/main.c)
target_link_libraries(wufix PRIVATE wufix_win32)
wf_warnings(wufix)

if(MSVC)
  target_compile_options(wufix_core PRIVATE /GS /sdl /guard:cf)
  target_compile_options(wufix_win32 PRIVATE /GS /sdl /guard:cf)
  target_link_options(wufix PRIVATE /DYNAMICBASE /NXCOMPAT /HIGHENTROPYVA /GUARD:CF)
  set_property(TARGET wufix PROPERTY MSVC_RUNTIME_LIBRARY "MultiThreaded")
else()
  foreach(t wufix_core wufix_win32 wufix)
    target_compile_options(${t} PRIVATE -fstack-protector-strong -D_FORTIFY_SOURCE=2 -O2)
  endforeach()
  target_link_options(wufix PRIVATE -municode -static -s
    -Wl,--dynamicbase -Wl,--nxcompat -Wl,--high-entropy-va)
  target_link_libraries(wufix_win32 PUBLIC ssp)
endif()

# Test programs for Wine (tests/wine, tests/contract); not installed.
if(NOT MSVC AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/wine/standin.c)
  include(win32_tests)
endif()

# SPDX-License-Identifier: MIT
# Windows build (mingw-w64 or MSVC): wufix.exe, and the programs that test it under Wine.
add_compile_definitions(UNICODE _UNICODE WIN32_LEAN_AND_MEAN _WIN32_WINNT=0x0A00 WINVER=0x0A00)

add_library(wufix_win32 STATIC src/win32/scm.c src/win32/scm_admin.c src/win32/scm_util.c src/win32/host.c src/win32/registry.c src/win32/security.c src/win32/callerpath.c src/win32/store.c src/win32/tasks.c src/win32/winutil.c src/win32/console.c src/win32/logfile.c src/win32/elevate.c src/win32/eventlog.c src/win32/net.c src/win32/remote.c src/win32/workers.c)
target_link_libraries(wufix_win32 PUBLIC wufix_core advapi32 ws2_32)
target_include_directories(wufix_win32 PUBLIC src/win32)
wf_warnings(wufix_win32)

# Explorer's Properties, the manifest, the icon (src/win32/wufix.rc.in).
set(WF_VERSION4 ${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}.${PROJECT_VERSION_PATCH}.0)
set(WF_MANIFEST ${CMAKE_BINARY_DIR}/wufix.manifest)
set(WF_ICON ${CMAKE_SOURCE_DIR}/src/win32/wufix.ico)
# Embedded without the .in file's comments and indentation (they are for people;
# 420 bytes of .rsrc in every exe). Copied only when it changed: no rebuild.
configure_file(src/win32/wufix.manifest.in ${WF_MANIFEST}.in @ONLY)
file(READ ${WF_MANIFEST}.in WF_MANIFEST_TEXT)
string(REGEX REPLACE "<!--([^-]|-[^-])*-->" "" WF_MANIFEST_TEXT "${WF_MANIFEST_TEXT}")
string(REGEX REPLACE ">[ \t\r\n]+<" "><" WF_MANIFEST_TEXT "${WF_MANIFEST_TEXT}")
string(STRIP "${WF_MANIFEST_TEXT}" WF_MANIFEST_TEXT)
file(WRITE ${WF_MANIFEST}.min "${WF_MANIFEST_TEXT}")
configure_file(${WF_MANIFEST}.min ${WF_MANIFEST} COPYONLY)
# The event log's message table: windmc with mingw, mc with MSVC (same flags).
find_program(WUFIX_MC NAMES x86_64-w64-mingw32-windmc windmc mc REQUIRED)
set(WF_MC_DIR ${CMAKE_BINARY_DIR}/mc)
add_custom_command(OUTPUT ${WF_MC_DIR}/messages.h ${WF_MC_DIR}/messages.rc
  COMMAND ${CMAKE_COMMAND} -E make_directory ${WF_MC_DIR}
  COMMAND ${WUFIX_MC} -U -h ${WF_MC_DIR} -r ${WF_MC_DIR} ${CMAKE_SOURCE_DIR}/src/win32/messages.mc
  DEPENDS ${CMAKE_SOURCE_DIR}/src/win32/messages.mc
  COMMENT "Compiling the event log's message table")
add_custom_target(wufix_messages DEPENDS ${WF_MC_DIR}/messages.h ${WF_MC_DIR}/messages.rc)
add_dependencies(wufix_win32 wufix_messages)
target_include_directories(wufix_win32 PRIVATE ${WF_MC_DIR})
set(WF_MESSAGES_RC ${WF_MC_DIR}/messages.rc)
configure_file(src/win32/wufix.rc.in ${CMAKE_BINARY_DIR}/wufix.rc @ONLY)
set_source_files_properties(${CMAKE_BINARY_DIR}/wufix.rc PROPERTIES
  OBJECT_DEPENDS "${WF_MANIFEST};${WF_ICON};${WF_MC_DIR}/messages.rc")
add_executable(wufix src/win32/main.c ${CMAKE_BINARY_DIR}/wufix.rc)
target_link_libraries(wufix PRIVATE wufix_win32)
target_include_directories(wufix PRIVATE ${WF_MC_DIR}) # messages.rc's MSG00409.bin
add_dependencies(wufix wufix_messages)
wf_warnings(wufix)

if(MSVC)
  target_compile_options(wufix_core PRIVATE /GS /sdl /guard:cf)
  target_compile_options(wufix_win32 PRIVATE /GS /sdl /guard:cf)
  # The manifest is the one in wufix.rc: without /MANIFEST:NO the linker adds a second.
  target_link_options(wufix PRIVATE /DYNAMICBASE /NXCOMPAT /HIGHENTROPYVA /GUARD:CF /MANIFEST:NO)
  set_property(TARGET wufix PROPERTY MSVC_RUNTIME_LIBRARY "MultiThreaded")
else()
  # -Oz (GCC 12 and clang: -Os and smaller still): SPEC 9 wants the exe at most 256 KB;
  # the waits, not the code, set the pace.
  # Reproducible: no build folder in the code (__FILE__, debug paths) and no
  # time stamp in the PE header, so two checkouts give the same bytes.
  # __USE_MINGW_ANSI_STDIO=0: the C library's own printf family (msvcrt, with
  # mingw-w64's C99 return values over _vsnprintf and _vscprintf) instead of a
  # ~22 KB copy of mingw-w64's in the exe. wufix formats no %z, %j or %hh.
  # -mcmodel=small: the exe's code and data lie within 2 GB of each other (as
  # MSVC assumes), so a global is reached directly, not through a .refptr
  # pointer to it (1.5 KB less); every import is declared dllimport by the
  # headers, so the link makes no runtime pseudo-relocation.
  foreach(t wufix_core wufix_win32 wufix)
    target_compile_options(${t} PRIVATE -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Oz -mcmodel=small -ffunction-sections -fdata-sections
      -D__USE_MINGW_ANSI_STDIO=0 -ffile-prefix-map=${CMAKE_SOURCE_DIR}=. -ffile-prefix-map=${CMAKE_BINARY_DIR}=.)
  endforeach()
  # The core's sentences are read from the exe's deflated text, not written
  # as literals (prose.h): their formats are checked by the native build,
  # where they are literals.
  target_compile_options(wufix_core PRIVATE -Wno-format-nonliteral -Wno-format-security)
  # src/win32's sentences and formats too; as that code is not built natively,
  # its formats are checked here: the same files compiled again (-O0, never
  # linked) with each sentence its literal (WF_PROSE_LITERALS), a format that
  # does not fit its arguments an error.
  target_compile_options(wufix_win32 PRIVATE -Wno-format-nonliteral -Wno-format-security)
  get_target_property(WF_WIN32_SOURCES wufix_win32 SOURCES)
  add_library(wufix_win32_formats OBJECT ${WF_WIN32_SOURCES} src/win32/main.c)
  target_link_libraries(wufix_win32_formats PRIVATE wufix_core)
  target_include_directories(wufix_win32_formats PRIVATE src/win32 ${WF_MC_DIR})
  target_compile_definitions(wufix_win32_formats PRIVATE WF_PROSE_LITERALS)
  target_compile_options(wufix_win32_formats PRIVATE -O0 -D__USE_MINGW_ANSI_STDIO=0 -Werror=format
    -Werror=format-security -Werror=format-nonliteral)
  add_dependencies(wufix_win32_formats wufix_messages)
  wf_warnings(wufix_win32_formats)
  target_link_options(wufix PRIVATE -municode -static -s -Wl,--gc-sections -Wl,--no-insert-timestamp
    -Wl,--dynamicbase -Wl,--nxcompat -Wl,--high-entropy-va -Wl,--disable-runtime-pseudo-reloc)
  # The stack guard seeded without the CryptoAPI (src/win32/ssp.c): in the
  # exe itself, so the linker never takes libssp's own guard. Not through
  # LTO (the compiler's own calls to these are invisible to it, so it would
  # drop them) and not guarded itself (it sets the guard).
  target_sources(wufix PRIVATE src/win32/ssp.c src/win32/crt.c)
  set_source_files_properties(src/win32/ssp.c src/win32/crt.c PROPERTIES COMPILE_OPTIONS "-fno-lto;-fno-stack-protector")
  target_link_libraries(wufix_win32 PUBLIC ssp)
  # GCC: link-time optimization across the core and the platform (8 KB less),
  # in one partition: split, each partition kept its own copy of a string
  # literal two modules share (3.5 KB of .rdata).
  if(CMAKE_C_COMPILER_ID STREQUAL "GNU")
    foreach(t wufix_core wufix_win32 wufix)
      target_compile_options(${t} PRIVATE -flto=auto)
    endforeach()
    target_link_options(wufix PRIVATE -flto=auto -flto-partition=one -Oz)
  endif()
endif()

include(package)

# The unit suites with MSVC too (the GitHub workflow on windows-latest).
option(WUFIX_UNIT_TESTS "Build and register the CMocka unit suites (needs CMocka)" OFF)
if(WUFIX_UNIT_TESTS)
  enable_testing()
  include(unit_tests)
endif()

# Test programs for Wine (tests/wine, tests/contract); not installed.
if(NOT MSVC AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/wine/standin.c)
  include(win32_tests)
endif()

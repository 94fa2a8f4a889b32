# SPDX-License-Identifier: MIT
# wf_warnings(target): the one warnings policy for wufix's own targets.
option(WUFIX_WERROR "Treat warnings as errors" OFF)

function(wf_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
    # The portable C library calls (bounded by the code, not by Annex K's _s
    # variants, which other compilers lack) are not warnings.
    target_compile_definitions(${target} PRIVATE _CRT_SECURE_NO_WARNINGS)
    if(WUFIX_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
      -Wformat=2 -Wmissing-prototypes -Wstrict-prototypes -Wold-style-definition
      -Wcast-qual -Wpointer-arith -Wundef -Wvla -Wnull-dereference)
    if(WUFIX_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

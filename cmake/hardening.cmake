# SPDX-License-Identifier: MIT
# libFuzzer targets built with clang (whatever compiles the rest), and static
# analysis, as CTest tests labelled "hardening".
find_program(WUFIX_CLANG NAMES clang clang-14 REQUIRED)
find_program(WUFIX_CPPCHECK cppcheck REQUIRED)
find_program(WUFIX_CLANG_TIDY NAMES clang-tidy clang-tidy-14 REQUIRED)

set(WF_FUZZ_SECONDS 20 CACHE STRING "How long each fuzzer runs in the test suite")

foreach(target cli inflate journal machines sddl waas wulog hosts firewall preg http_date)
  set(out ${CMAKE_BINARY_DIR}/fuzz_${target})
  add_custom_command(OUTPUT ${out}
    COMMAND ${WUFIX_CLANG} -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined "-DWF_VERSION=\"${PROJECT_VERSION}\"" -DWF_PROSE_LITERALS
            -fno-sanitize-recover=all -I${CMAKE_SOURCE_DIR}/include ${WF_CORE_SOURCES}
            tests/fuzz/fuzz_${target}.c -o ${out}
    WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    DEPENDS ${WF_CORE_SOURCES} tests/fuzz/fuzz_${target}.c
    COMMENT "Building the ${target} fuzzer with clang"
    VERBATIM)
  add_custom_target(fuzz_${target}_build ALL DEPENDS ${out})
  add_test(NAME hardening.fuzz_${target}
    COMMAND ${CMAKE_COMMAND} -E env
            bash -c "mkdir -p fuzz-${target}-corpus && exec '${out}' -max_total_time=${WF_FUZZ_SECONDS} -timeout=5 -print_final_stats=1 fuzz-${target}-corpus '${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${target}'"
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
  set_tests_properties(hardening.fuzz_${target} PROPERTIES LABELS hardening TIMEOUT 120)
endforeach()

add_test(NAME hardening.cppcheck
  COMMAND ${WUFIX_CPPCHECK} --quiet --error-exitcode=1 --std=c11 --enable=warning,performance,portability
          --inline-suppr -I include -D_WIN32 -DUNICODE
          src/core src/win32 tests/support tests/wine tests/contract
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME hardening.clang_tidy
  COMMAND ${WUFIX_CLANG_TIDY} --quiet -p ${CMAKE_BINARY_DIR} --warnings-as-errors=* ${WF_CORE_SOURCES}
          tests/support/fake_scm.c
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(hardening.cppcheck hardening.clang_tidy PROPERTIES LABELS hardening TIMEOUT 300)

find_program(WUFIX_CLANG_FORMAT NAMES clang-format clang-format-14 REQUIRED)
file(GLOB_RECURSE WF_FORMATTED RELATIVE ${CMAKE_SOURCE_DIR}
  ${CMAKE_SOURCE_DIR}/src/*.c ${CMAKE_SOURCE_DIR}/src/*.h ${CMAKE_SOURCE_DIR}/include/*.h
  ${CMAKE_SOURCE_DIR}/tests/*.c ${CMAKE_SOURCE_DIR}/tests/*.h)
add_test(NAME hardening.format
  COMMAND ${WUFIX_CLANG_FORMAT} --dry-run --Werror ${WF_FORMATTED}
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(hardening.format PROPERTIES LABELS hardening TIMEOUT 60)

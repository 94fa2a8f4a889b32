# SPDX-License-Identifier: MIT
# Native (Linux) build: the core's CMocka suites on the fake SCM, the contract
# suite on the fake, and - through a mingw-w64 sub-build - the real wufix.exe
# tested under Wine.
include(unit_tests)

option(WUFIX_WINE_TESTS "Cross-build wufix.exe with mingw-w64 and test it under Wine" ON)
if(WUFIX_WINE_TESTS)
  include(wine_tests)
endif()

# Hardening in CI: libFuzzer on the parsers (a short run from the committed
# seeds), cppcheck and clang-tidy over the sources.
option(WUFIX_HARDENING_TESTS "Fuzz and static-analysis tests (clang, cppcheck, clang-tidy)" OFF)
if(WUFIX_HARDENING_TESTS)
  include(hardening)
endif()

# The core's layers stay one way down, with no circle (includes and calls).
find_program(WUFIX_PYTHON3 python3 REQUIRED)
add_test(NAME layers.tree COMMAND ${WUFIX_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/layers/layers.py)
add_test(NAME layers.self_test COMMAND ${WUFIX_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/layers/layers.py --self-test)
set_tests_properties(layers.tree layers.self_test PROPERTIES LABELS layers TIMEOUT 60)

# The mutation run (tests/mutation, see docs/testing.md): minutes long, so a
# target of its own, never a test: `cmake --workflow --preset mutation`, or
# tests/mutation/mutate.py --file engine.c for one file.
add_custom_target(mutation
  COMMAND ${WUFIX_PYTHON3} ${CMAKE_SOURCE_DIR}/tests/mutation/mutate.py
  WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
  USES_TERMINAL)

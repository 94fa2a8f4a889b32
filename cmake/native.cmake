# SPDX-License-Identifier: MIT
# Native (Linux) build: the core's CMocka suites on the fake SCM, the contract
# suite on the fake, and - through a mingw-w64 sub-build - the real wufix.exe
# tested under Wine.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)

add_library(wufix_fake STATIC tests/support/fake_scm.c)
target_link_libraries(wufix_fake PUBLIC wufix_core)
target_include_directories(wufix_fake PUBLIC tests/support)
wf_warnings(wufix_fake)

foreach(suite cli verbs plan engine report err journal safety sweep defaults check health reset waas trust log people)
  add_executable(test_${suite} tests/unit/test_${suite}.c)
  target_link_libraries(test_${suite} PRIVATE wufix_fake PkgConfig::CMOCKA)
  wf_warnings(test_${suite})
  add_test(NAME unit.${suite} COMMAND test_${suite})
  set_tests_properties(unit.${suite} PROPERTIES LABELS unit)
endforeach()

add_executable(test_contract_fake tests/contract/contract.c tests/contract/contract_fake.c)
target_link_libraries(test_contract_fake PRIVATE wufix_fake PkgConfig::CMOCKA)
target_include_directories(test_contract_fake PRIVATE tests/contract)
wf_warnings(test_contract_fake)
add_test(NAME contract.fake COMMAND test_contract_fake)
set_tests_properties(contract.fake PROPERTIES LABELS contract)

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

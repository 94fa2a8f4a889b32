# SPDX-License-Identifier: MIT
# The core's CMocka suites on the fake SCM, and the contract suite on the
# fake: natively on Linux, and with MSVC on Windows (WUFIX_UNIT_TESTS).
if(WIN32)
  # MSVC on Windows: CMocka from vcpkg.
  find_package(cmocka CONFIG REQUIRED)
  set(WF_CMOCKA cmocka::cmocka)
else()
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)
  set(WF_CMOCKA PkgConfig::CMOCKA)
endif()

add_library(wufix_fake STATIC tests/support/fake_scm.c tests/support/machines.c tests/support/regfile.c)
find_package(Threads REQUIRED)
target_link_libraries(wufix_fake PUBLIC wufix_core Threads::Threads)
target_include_directories(wufix_fake PUBLIC tests/support)
# regfile.c reads tests/fixtures.
target_compile_definitions(wufix_fake PRIVATE WF_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
wf_warnings(wufix_fake)

foreach(suite cli verbs plan engine report err journal safety sweep defaults check health reset waas trust access log people fleet machines diagnose history collect pause tools hosts firewall clock policies partitions)
  add_executable(test_${suite} tests/unit/test_${suite}.c)
  target_link_libraries(test_${suite} PRIVATE wufix_fake ${WF_CMOCKA})
  wf_warnings(test_${suite})
  add_test(NAME unit.${suite} COMMAND test_${suite})
  set_tests_properties(unit.${suite} PROPERTIES LABELS unit)
endforeach()

# The exe's deflated text against the .inc files it is made from; the target
# `prose` makes src/core/base/prose_z.c again from them (cmake/prose.py).
add_executable(test_prose tests/unit/test_prose.c)
target_link_libraries(test_prose PRIVATE wufix_fake ${WF_CMOCKA})
target_include_directories(test_prose PRIVATE src/core)
wf_warnings(test_prose)
add_test(NAME unit.prose COMMAND test_prose)
set_tests_properties(unit.prose PROPERTIES LABELS unit)
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_custom_target(prose
    COMMAND Python3::Interpreter ${CMAKE_SOURCE_DIR}/cmake/prose.py $<TARGET_FILE:test_prose>
            ${CMAKE_SOURCE_DIR}/src/core/base/prose_z.c ${CMAKE_SOURCE_DIR}/include/wufix/base/messages_text.h
    DEPENDS test_prose VERBATIM)
endif()

# Every JSON the suites write (tests/support keeps each --json run's stdout
# when WF_JSON_DUMP names a folder), held against docs/json's schema by
# Python's jsonschema.
if(NOT WIN32)
  set(WF_JSON_SUITES verbs engine report safety sweep check health reset trust log people fleet diagnose history collect pause tools hosts firewall clock policies partitions)
  set(WF_JSON_RUN "rm -rf json-outputs")
  foreach(suite ${WF_JSON_SUITES})
    string(APPEND WF_JSON_RUN " && mkdir -p json-outputs/${suite} && WF_JSON_DUMP=json-outputs/${suite} ./test_${suite} >/dev/null 2>&1")
  endforeach()
  add_test(NAME unit.json_schema
    COMMAND bash -c "${WF_JSON_RUN} && python3 '${CMAKE_SOURCE_DIR}/tests/wine/check_json.py' --dir json-outputs"
    WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
  # 240 s: the suites again, each journal holding its values whole (megabytes ASan maps and poisons).
  set_tests_properties(unit.json_schema PROPERTIES LABELS unit TIMEOUT 240)
endif()

# test_diagnose holds docs/problems.md's error table against the code's.
target_compile_definitions(test_diagnose PRIVATE WF_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

add_executable(test_contract_fake tests/contract/contract.c tests/contract/contract_fake.c)
target_link_libraries(test_contract_fake PRIVATE wufix_fake ${WF_CMOCKA})
target_include_directories(test_contract_fake PRIVATE tests/contract)
wf_warnings(test_contract_fake)
add_test(NAME contract.fake COMMAND test_contract_fake)
set_tests_properties(contract.fake PROPERTIES LABELS contract)

# The --computer benchmark: a target that prints figures, never a test.
add_executable(bench_fleet tests/bench/fleet.c)
target_link_libraries(bench_fleet PRIVATE wufix_fake)
wf_warnings(bench_fleet)
add_custom_target(bench_fleet_run COMMAND bench_fleet DEPENDS bench_fleet USES_TERMINAL)

# Suites that hold the promises tests/mutation's mutants of the core would
# otherwise break unnoticed (see docs/testing.md).
foreach(suite engine check journal cli sddl wulog plan)
  add_executable(test_mutants_${suite} tests/unit/test_mutants_${suite}.c)
  target_link_libraries(test_mutants_${suite} PRIVATE wufix_fake ${WF_CMOCKA})
  wf_warnings(test_mutants_${suite})
  add_test(NAME unit.mutants_${suite} COMMAND test_mutants_${suite})
  set_tests_properties(unit.mutants_${suite} PROPERTIES LABELS unit)
endforeach()

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

add_library(wufix_fake STATIC tests/support/fake_scm.c tests/support/machines.c)
find_package(Threads REQUIRED)
target_link_libraries(wufix_fake PUBLIC wufix_core Threads::Threads)
target_include_directories(wufix_fake PUBLIC tests/support)
wf_warnings(wufix_fake)

foreach(suite cli verbs plan engine report err journal safety sweep defaults check health reset waas trust log people fleet machines diagnose)
  add_executable(test_${suite} tests/unit/test_${suite}.c)
  target_link_libraries(test_${suite} PRIVATE wufix_fake ${WF_CMOCKA})
  wf_warnings(test_${suite})
  add_test(NAME unit.${suite} COMMAND test_${suite})
  set_tests_properties(unit.${suite} PROPERTIES LABELS unit)
endforeach()

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

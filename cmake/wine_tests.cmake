# SPDX-License-Identifier: MIT
# The Win32 side, cross-built with mingw-w64 as a sub-build, and tested under
# Wine against Wine's own SCM: the contract suite on the Win32 backend and the
# black-box scenarios of the real wufix.exe, in one throwaway sandbox prefix.
include(ExternalProject)
find_program(WUFIX_MINGW_CC x86_64-w64-mingw32-gcc REQUIRED)
find_program(WUFIX_WINE_BIN wine REQUIRED)
find_program(WUFIX_PYTHON python3 REQUIRED)

set(WF_WIN32_DIR ${CMAKE_BINARY_DIR}/win32)
set(WF_SANDBOX_DIR ${CMAKE_BINARY_DIR}/sandbox)
ExternalProject_Add(wufix_win32_build
  SOURCE_DIR ${CMAKE_SOURCE_DIR}
  BINARY_DIR ${WF_WIN32_DIR}
  CMAKE_ARGS
    -DCMAKE_TOOLCHAIN_FILE=${CMAKE_SOURCE_DIR}/cmake/mingw-w64-x86_64.cmake
    -DCMAKE_BUILD_TYPE=Release
    -DWUFIX_WERROR=${WUFIX_WERROR}
  BUILD_ALWAYS ON
  INSTALL_COMMAND ""
  USES_TERMINAL_BUILD ON)

# What Explorer shows of the exe, read back from it (no Wine needed).
find_program(WUFIX_WINDRES x86_64-w64-mingw32-windres REQUIRED)
add_test(NAME win32.resources
  COMMAND ${CMAKE_COMMAND} -E env WINDRES=${WUFIX_WINDRES}
          bash ${CMAKE_SOURCE_DIR}/tests/wine/resources.sh ${WF_WIN32_DIR}/wufix.exe ${PROJECT_VERSION})
set_tests_properties(win32.resources PROPERTIES LABELS win32 TIMEOUT 60)

# The release: two checkouts in two folders give the same wufix.exe and zip;
# the zip, SHA256SUMS and both package manifests check out.
add_test(NAME release.reproducible
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/release/reproducible.sh ${CMAKE_SOURCE_DIR} ${PROJECT_VERSION})
set_tests_properties(release.reproducible PROPERTIES LABELS release TIMEOUT 900)

# A second compiler: clang for x86_64-w64-mingw32 builds wufix.exe, warnings as errors.
find_program(WUFIX_CLANG_FOR_MINGW clang)
if(WUFIX_CLANG_FOR_MINGW)
  add_test(NAME win32.clang_build
    COMMAND ${CMAKE_COMMAND} -E env
            bash -c "rm -rf '${CMAKE_BINARY_DIR}/clang-mingw64' && cmake -S '${CMAKE_SOURCE_DIR}' -B '${CMAKE_BINARY_DIR}/clang-mingw64' -DCMAKE_TOOLCHAIN_FILE='${CMAKE_SOURCE_DIR}/cmake/clang-mingw-w64-x86_64.cmake' -DCMAKE_BUILD_TYPE=Release -DWUFIX_WERROR=ON >/dev/null && cmake --build '${CMAKE_BINARY_DIR}/clang-mingw64' --target wufix && x86_64-w64-mingw32-objdump -p '${CMAKE_BINARY_DIR}/clang-mingw64/wufix.exe' | grep -E 'DLL Name'")
  set_tests_properties(win32.clang_build PROPERTIES LABELS win32 TIMEOUT 600)
endif()

# The GitHub workflows, checked by the action-validator npm package.
find_program(WUFIX_ACTION_VALIDATOR action-validator REQUIRED)
file(GLOB WF_WORKFLOWS ${CMAKE_SOURCE_DIR}/.github/workflows/*.yml)
foreach(wf ${WF_WORKFLOWS})
  get_filename_component(n ${wf} NAME_WE)
  add_test(NAME workflows.${n} COMMAND ${WUFIX_ACTION_VALIDATOR} ${wf})
  set_tests_properties(workflows.${n} PROPERTIES LABELS workflows TIMEOUT 60)
endforeach()

set(WF_SANDBOX ${CMAKE_SOURCE_DIR}/tests/wine/sandbox.sh)
add_test(NAME wine.sandbox.up COMMAND bash ${WF_SANDBOX} up ${WF_SANDBOX_DIR} ${WF_WIN32_DIR})
add_test(NAME wine.sandbox.down COMMAND bash ${WF_SANDBOX} down ${WF_SANDBOX_DIR})
set_tests_properties(wine.sandbox.up PROPERTIES FIXTURES_SETUP wine TIMEOUT 180 LABELS wine)
set_tests_properties(wine.sandbox.down PROPERTIES FIXTURES_CLEANUP wine TIMEOUT 60 LABELS wine)

add_test(NAME contract.win32
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/wine/run_in_sandbox.sh ${WF_SANDBOX_DIR} ${WF_WIN32_DIR}
          contract_win32.exe)
set_tests_properties(contract.win32 PROPERTIES
  FIXTURES_REQUIRED wine RESOURCE_LOCK wine_sandbox TIMEOUT 120 LABELS "contract;wine")

set(WF_SCENARIOS
  status_json restart_wuauserv restart_default restart_opens_as_needed restart_all stop_then_start
  failed_start_restores hung_stop_times_out slow_stop_with_progress disabled_blocks
  missing_blocks bad_arguments_touch_nothing command_line_forms helpdesk_batch
  two_at_once killed_run_recovers undo_after_stop
  planted_journal_does_nothing unsafe_folder_set_aside environment_is_not_trusted
  check_healthy repair_disabled repair_tampered_image long_image_path long_registry_values check_healthy_24h2 repair_disabled_usosvc_24h2 account_changed_24h2 repair_ifeo_debugger undo_after_repair
  reset_sets_aside reset_waits_for_an_install undo_after_reset waas_file_edited blocker_traces text_from_the_system_escaped journal_records_values_exactly busy_journal_is_never_lost caller_paths_judged_whole
  json_schema_every_command check_json_failed_last_run problem_flood check_json_title_in_japanese multi_sz_read_whole blocked_json_says_why marked_for_deletion_blocks
  yes_all_and_log plan_numbers
  guided_repair_in_a_terminal guided_broken_machine_in_a_terminal guided_fits_a_narrow_terminal silent_elevated_half repair_leaves_what_it_cannot_fix repair_quiet_log guided_no_and_healthy_in_a_terminal shared_console_never_waits limited_token_redirected limited_token_relaunch_in_a_terminal
  guided_bare_no_auto_update_in_a_terminal
  event_source_registered anchor_key_as_windows_lays_it
  why_install_failed why_scan_failed_name why_wsus_unreachable why_proxy_unreachable why_updates_paused pause_beyond_settings hosts_blocks_update firewall_blocks_update helper_service_disabled delivery_optimization_off why_log_of_random_bytes why_reset_clears_old_failure history_after_reset check_json_brief collect_zip update_tasks_25h2 repair_policies recovery_actions_zeroed update_health_tools_broken
  why_definitions_do_not_hide_a_failed_update reboot_file_renames_alone feature_update_held_back reset_held_by_a_process clock_not_synced stack_guard winre_after_0x80070643
  computer_local_names computer_one_machine_by_many_names computer_unreachable computer_remote_path computer_ctrl_c_in_a_terminal
  fleet_recipes_cmd fleet_recipe_ansible)
foreach(s ${WF_SCENARIOS})
  add_test(NAME wine.${s}
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/wine/scenarios.sh ${WF_SANDBOX_DIR} ${WF_WIN32_DIR} ${s})
  set_tests_properties(wine.${s} PROPERTIES
    FIXTURES_REQUIRED wine RESOURCE_LOCK wine_sandbox TIMEOUT 120 LABELS wine)
endforeach()
# It needs ports 135 and 445 (root); without them it says so and is not run.
set_tests_properties(wine.computer_remote_path PROPERTIES SKIP_RETURN_CODE 77)

# The benchmark and the demo: targets, not tests (SPEC: figures, never timed tests).
add_custom_target(demo
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/wine/demo.sh ${CMAKE_BINARY_DIR}/demo ${WF_WIN32_DIR}
  DEPENDS wufix_win32_build USES_TERMINAL)
add_custom_target(bench
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/wine/bench.sh ${CMAKE_BINARY_DIR}/bench ${WF_WIN32_DIR}
  DEPENDS wufix_win32_build USES_TERMINAL)

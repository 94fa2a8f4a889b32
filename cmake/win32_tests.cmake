# SPDX-License-Identifier: MIT
# Programs that test wufix under Wine: the stand-in service, the sandbox's
# service tool, and the contract suite on the Win32 backend.
foreach(tool standin wfsvc benchtool limited)
  add_executable(${tool} tests/wine/${tool}.c)
  target_link_options(${tool} PRIVATE -municode -static)
  target_link_libraries(${tool} PRIVATE advapi32)
  wf_warnings(${tool})
endforeach()

# The stack guard of src/win32/ssp.c, in a program built as wufix.exe is.
add_executable(stackguard tests/wine/stackguard.c src/win32/ssp.c)
target_compile_options(stackguard PRIVATE -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Oz)
target_link_options(stackguard PRIVATE -municode -static)
target_link_libraries(stackguard PRIVATE ssp)
wf_warnings(stackguard)

add_executable(contract_win32 tests/contract/contract.c tests/contract/contract_win32.c)
target_include_directories(contract_win32 PRIVATE tests/contract)
target_link_libraries(contract_win32 PRIVATE wufix_win32)
target_link_options(contract_win32 PRIVATE -static)
wf_warnings(contract_win32)

# The same stand-in as a service DLL, for svchost to host.
add_library(standin_dll SHARED tests/wine/standin.c)
target_compile_definitions(standin_dll PRIVATE STANDIN_DLL)
set_target_properties(standin_dll PROPERTIES OUTPUT_NAME standin PREFIX "")
target_link_options(standin_dll PRIVATE -static)
target_link_libraries(standin_dll PRIVATE advapi32)
wf_warnings(standin_dll)

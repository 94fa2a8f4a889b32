# SPDX-License-Identifier: MIT
# The release: wufix-VERSION-win64.zip (wufix.exe, README, LICENSE, docs) by
# CPack, made reproducible, then SHA256SUMS and the winget and Scoop manifests
# from the zip's hash (cmake/release_post.cmake).
install(TARGETS wufix RUNTIME DESTINATION .)
install(FILES README.md LICENSE DESTINATION .)
install(DIRECTORY docs/ DESTINATION docs)

set(WUFIX_RELEASE_BASE "https://github.com/wufix/wufix" CACHE STRING "The project's home; releases are under /releases")
# Every file in the zip gets this time: SOURCE_DATE_EPOCH, else the commit's.
set(WF_EPOCH "$ENV{SOURCE_DATE_EPOCH}")
if(NOT WF_EPOCH)
  execute_process(COMMAND git log -1 --format=%ct WORKING_DIRECTORY ${CMAKE_SOURCE_DIR}
    OUTPUT_VARIABLE WF_EPOCH OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
endif()
if(NOT WF_EPOCH)
  set(WF_EPOCH 315532800) # 1980-01-01, the oldest time a zip can hold
endif()

set(CPACK_GENERATOR ZIP)
set(CPACK_PACKAGE_NAME wufix)
set(CPACK_PACKAGE_VENDOR "The wufix developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_FILE_NAME wufix-${PROJECT_VERSION}-win64)
set(CPACK_INCLUDE_TOPLEVEL_DIRECTORY OFF)
set(CPACK_ARCHIVE_THREADS 1)
set(CPACK_WF_EPOCH ${WF_EPOCH})
set(CPACK_WF_RELEASE_BASE ${WUFIX_RELEASE_BASE})
set(CPACK_WF_SOURCE_DIR ${CMAKE_SOURCE_DIR})
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_SOURCE_DIR}/cmake/release_pre.cmake)
set(CPACK_POST_BUILD_SCRIPTS ${CMAKE_SOURCE_DIR}/cmake/release_post.cmake)
include(CPack)

# SPDX-License-Identifier: MIT
# Before CPack zips the staged files: one time stamp for every file and folder
# (the commit's, or SOURCE_DATE_EPOCH), so the zip is the same bytes wherever
# and whenever it is made.
file(GLOB_RECURSE staged LIST_DIRECTORIES true "${CPACK_TEMPORARY_DIRECTORY}/*")
foreach(f ${staged} ${CPACK_TEMPORARY_DIRECTORY})
  execute_process(COMMAND touch -h -d @${CPACK_WF_EPOCH} "${f}" RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    message(FATAL_ERROR "release: cannot set the time of ${f}")
  endif()
endforeach()

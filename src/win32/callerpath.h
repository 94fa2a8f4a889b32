/* SPDX-License-Identifier: MIT */
/* callerpath.h - a file the caller named, opened as an elevated process may. */
#ifndef WUFIX_WIN32_CALLERPATH_H
#define WUFIX_WIN32_CALLERPATH_H

#include <windows.h>

#include <stdbool.h>
#include <stddef.h>

/* The file at `path` (UTF-8), opened to append (made when missing) or to
 * read, after its whole path was judged (callerpath.c); INVALID_HANDLE_VALUE
 * and the reason, naming the component, in `why` otherwise. */
HANDLE wf_win_caller_open(const char *path, bool append, char *why, size_t size);
/* A new file at `path`, judged the same way, made only when nothing is
 * there (never written over), opened to append. */
HANDLE wf_win_caller_create(const char *path, char *why, size_t size);

#endif

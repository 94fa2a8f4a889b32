/* SPDX-License-Identifier: MIT */
/* winutil.h - Win32 helpers: UTF-8 <-> UTF-16, system error text, elevation. */
#ifndef WUFIX_WIN32_WINUTIL_H
#define WUFIX_WIN32_WINUTIL_H

#include <windows.h>

#include <stdbool.h>
#include <stddef.h>

/* Convert; the output is always terminated. False when it did not fit or the
 * input was not valid. */
bool wf_w_from_utf8(const char *in, WCHAR *out, size_t cap);
bool wf_utf8_from_w(const WCHAR *in, char *out, size_t cap);
/* A UTF-8 copy the caller frees with free(); NULL on no memory. */
char *wf_utf8_dup_w(const WCHAR *in);

/* FormatMessage's text for a system code, CR/LF trimmed, in UTF-8. */
void wf_win_describe(DWORD code, char *buf, size_t size);

/* The process token is elevated (an administrator with UAC's full rights). */
bool wf_win_elevated(void);

#endif

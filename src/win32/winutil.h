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
/* The strings (a NULL-terminated list) one after the other in `out`; false,
 * and "" in `out`, when they do not fit in `cap` characters. (Not swprintf:
 * the C library's wide formatter costs the exe about 10 KB.) */
bool wf_w_join(WCHAR *out, size_t cap, ...);
/* `v` in decimal, at least `width` digits (zero-padded), in `buf` (24). */
const WCHAR *wf_w_num(WCHAR buf[24], unsigned long long v, int width);
bool wf_utf8_from_w(const WCHAR *in, char *out, size_t cap);
/* A UTF-8 copy the caller frees with free(); NULL on no memory. */
char *wf_utf8_dup_w(const WCHAR *in);

/* FormatMessage's text for a system code, CR/LF trimmed, in UTF-8. */
void wf_win_describe(DWORD code, char *buf, size_t size);

/* The process token is elevated (an administrator with UAC's full rights). */
bool wf_win_elevated(void);

/* Folders from what a standard user cannot change (the system's own answer
 * and HKLM), never from the environment, which the user who started wufix
 * controls: %SystemRoot% and the ProgramData folder. */
bool wf_win_system_root(WCHAR *out, size_t cap);
bool wf_win_program_data(WCHAR *out, size_t cap);

/* Expand %SystemRoot%, %windir%, %SystemDrive%, %ProgramData% and
 * %ALLUSERSPROFILE% from those trusted sources; any other %NAME% is left as
 * it is. False when the result does not fit. */
bool wf_win_expand_trusted(const WCHAR *in, WCHAR *out, size_t cap);
/* The same for another machine whose %SystemRoot% is `root` ("C:\\Windows");
 * its ProgramData is taken as the system drive's. */
bool wf_win_expand_with(const WCHAR *in, const WCHAR *root, WCHAR *out, size_t cap);

/* Under Wine, the SID ("S-1-5-21-...") of the account wufix runs as: Wine
 * makes it the owner of every file. False on Windows. */
bool wf_win_wine_account(char *sid, size_t size);

#endif

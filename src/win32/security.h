/* SPDX-License-Identifier: MIT */
/* security.h - an object's owner and access list, read from its open handle. */
#ifndef WUFIX_WIN32_SECURITY_H
#define WUFIX_WIN32_SECURITY_H

#include <windows.h>

#include "wufix/base/host.h"

/* The owner, DACL and attributes of what an open handle names (opened
 * with READ_CONTROL and FILE_READ_ATTRIBUTES, without following a link). */
void wf_win_folder_security(HANDLE h, struct wf_folder_sec *s);
/* A registry key's owner and DACL, from its open handle (judged as a key). */
void wf_win_key_security(HKEY k, struct wf_folder_sec *s);

#endif

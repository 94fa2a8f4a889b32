/* SPDX-License-Identifier: MIT */
/* winutil.c - Win32 helpers: text conversion, error text, elevation. */
#include "winutil.h"

#include <stdlib.h>
#include <string.h>

bool wf_w_from_utf8(const char *in, WCHAR *out, size_t cap)
{
    if (cap == 0)
        return false;
    int n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, in, -1, out, (int)cap);
    if (n <= 0) {
        out[0] = L'\0';
        return false;
    }
    return true;
}

bool wf_utf8_from_w(const WCHAR *in, char *out, size_t cap)
{
    if (cap == 0)
        return false;
    int n = WideCharToMultiByte(CP_UTF8, 0, in, -1, out, (int)cap, NULL, NULL);
    if (n <= 0) {
        /* Too long: keep what fits, cut at a character boundary. */
        int need = WideCharToMultiByte(CP_UTF8, 0, in, -1, NULL, 0, NULL, NULL);
        char *tmp = need > 0 ? malloc((size_t)need) : NULL;
        out[0] = '\0';
        if (!tmp)
            return false;
        WideCharToMultiByte(CP_UTF8, 0, in, -1, tmp, need, NULL, NULL);
        size_t len = cap - 1;
        while (len > 0 && ((unsigned char)tmp[len] & 0xC0) == 0x80)
            len--;
        memcpy(out, tmp, len);
        out[len] = '\0';
        free(tmp);
        return false;
    }
    return true;
}

char *wf_utf8_dup_w(const WCHAR *in)
{
    int need = WideCharToMultiByte(CP_UTF8, 0, in, -1, NULL, 0, NULL, NULL);
    char *s = need > 0 ? malloc((size_t)need) : NULL;
    if (s)
        WideCharToMultiByte(CP_UTF8, 0, in, -1, s, need, NULL, NULL);
    return s;
}

void wf_win_describe(DWORD code, char *buf, size_t size)
{
    WCHAR w[512];
    DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code, 0, w,
                             (DWORD)(sizeof(w) / sizeof(w[0])), NULL);
    if (size == 0)
        return;
    buf[0] = '\0';
    if (n == 0)
        return;
    while (n > 0 && (w[n - 1] == L'\r' || w[n - 1] == L'\n' || w[n - 1] == L' '))
        w[--n] = L'\0';
    wf_utf8_from_w(w, buf, size);
}

bool wf_win_elevated(void)
{
    HANDLE token = NULL;
    TOKEN_ELEVATION el = {0};
    DWORD len = 0;
    bool yes = false;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return false;
    if (GetTokenInformation(token, TokenElevation, &el, sizeof(el), &len))
        yes = el.TokenIsElevated != 0;
    CloseHandle(token);
    return yes;
}

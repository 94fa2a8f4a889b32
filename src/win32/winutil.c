/* SPDX-License-Identifier: MIT */
/* winutil.c - Win32 helpers: text conversion, error text, elevation, trusted folders. */
#include "winutil.h"

#include "wufix/base/prose.h"

#include <sddl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

bool wf_w_join(WCHAR *out, size_t cap, ...)
{
    va_list ap;
    size_t n = 0;
    bool fits = cap > 0;
    va_start(ap, cap);
    for (const WCHAR *s = va_arg(ap, const WCHAR *); s && fits; s = va_arg(ap, const WCHAR *)) {
        size_t len = wcslen(s);
        fits = n + len < cap;
        if (fits) {
            memcpy(out + n, s, len * sizeof(WCHAR));
            n += len;
        }
    }
    va_end(ap);
    if (cap)
        out[fits ? n : 0] = L'\0';
    return fits;
}

const WCHAR *wf_w_num(WCHAR buf[24], unsigned long long v, int width)
{
    WCHAR digits[24];
    int n = 0;
    do {
        digits[n++] = (WCHAR)(L'0' + v % 10);
        v /= 10;
    } while (v && n < 23);
    while (n < width && n < 23)
        digits[n++] = L'0';
    for (int i = 0; i < n; i++)
        buf[i] = digits[n - 1 - i];
    buf[n] = L'\0';
    return buf;
}

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

bool wf_win_system_root(WCHAR *out, size_t cap)
{
    UINT n = GetSystemWindowsDirectoryW(out, (UINT)cap);
    return n > 0 && n < cap;
}

bool wf_win_program_data(WCHAR *out, size_t cap)
{
    WCHAR root[MAX_PATH], value[MAX_PATH];
    DWORD size = sizeof(value);
    if (!wf_win_system_root(root, MAX_PATH) || root[1] != L':')
        return false;
    root[2] = L'\0'; /* the system drive, "C:" */
    /* ProfileList's ProgramData is "%SystemDrive%\ProgramData" unless an
     * administrator moved it; anything else is not used. */
    if (RegGetValueW(HKEY_LOCAL_MACHINE, L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList",
                     L"ProgramData", RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND, NULL, value,
                     &size) == ERROR_SUCCESS &&
        _wcsnicmp(value, L"%SystemDrive%\\", 14) == 0 && !wcschr(value + 14, L'%'))
        return wf_w_join(out, cap, root, value + 13, (const WCHAR *)NULL);
    return wf_w_join(out, cap, root, L"\\ProgramData", (const WCHAR *)NULL);
}

static bool expand(const WCHAR *in, const WCHAR *root, const WCHAR *data, WCHAR *out, size_t cap);

bool wf_win_expand_trusted(const WCHAR *in, WCHAR *out, size_t cap)
{
    WCHAR root[MAX_PATH], data[MAX_PATH];
    if (!wf_win_system_root(root, MAX_PATH) || !wf_win_program_data(data, MAX_PATH))
        return false;
    return expand(in, root, data, out, cap);
}

bool wf_win_expand_with(const WCHAR *in, const WCHAR *root, WCHAR *out, size_t cap)
{
    WCHAR data[MAX_PATH];
    WCHAR drive[2] = {root[0], L'\0'};
    if (!root[0] || root[1] != L':' ||
        !wf_w_join(data, MAX_PATH, drive, L":\\ProgramData", (const WCHAR *)NULL))
        return false;
    return expand(in, root, data, out, cap);
}

static bool expand(const WCHAR *in, const WCHAR *root, const WCHAR *data, WCHAR *out, size_t cap)
{
    WCHAR drive[3];
    drive[0] = root[0];
    drive[1] = root[1];
    drive[2] = L'\0';
    static const struct {
        const WCHAR *name;
        int which; /* 0 root, 1 drive, 2 ProgramData */
    } vars[] = {{L"%SystemRoot%", 0},
                {L"%windir%", 0},
                {L"%SystemDrive%", 1},
                {L"%ProgramData%", 2},
                {L"%ALLUSERSPROFILE%", 2}};
    size_t o = 0;
    while (*in) {
        size_t k = 0;
        for (; k < sizeof(vars) / sizeof(vars[0]); k++)
            if (_wcsnicmp(in, vars[k].name, wcslen(vars[k].name)) == 0)
                break;
        const WCHAR *add = k < sizeof(vars) / sizeof(vars[0]) ? (vars[k].which == 0   ? root
                                                                 : vars[k].which == 1 ? drive
                                                                                      : data)
                                                              : NULL;
        size_t n = add ? wcslen(add) : 1;
        if (o + n >= cap)
            return false;
        if (add) {
            memcpy(out + o, add, n * sizeof(WCHAR));
            in += wcslen(vars[k].name);
        } else {
            out[o] = *in++;
        }
        o += n;
    }
    out[o] = L'\0';
    return true;
}

bool wf_win_wine_account(char *sid, size_t size)
{
    HMODULE nt = GetModuleHandleW(L"ntdll.dll");
    union {
        TOKEN_USER user;
        BYTE raw[256];
    } buf;
    HANDLE token = NULL;
    DWORD len = 0;
    LPWSTR text = NULL;
    bool ok = false;
    if (!nt || !GetProcAddress(nt, WF_M(M_WINE_GET_VERSION)))
        return false;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return false;
    if (GetTokenInformation(token, TokenUser, &buf, sizeof(buf), &len) &&
        ConvertSidToStringSidW(buf.user.User.Sid, &text)) {
        ok = wf_utf8_from_w(text, sid, size);
        LocalFree(text);
    }
    CloseHandle(token);
    return ok;
}

/* SPDX-License-Identifier: MIT */
/* registry.c - the host seam's registry: values under HKLM (and HKEY_USERS,
 * read only), read and written exactly, key names, a key's descriptor; of
 * this machine, or of another through RegConnectRegistryW. */
#include <windows.h>
#include <sddl.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "registry.h"
#include "winutil.h"

static HKEY root(void *self)
{
    const struct win_remote *r = self;
    return r ? r->hklm : HKEY_LOCAL_MACHINE;
}

/* A key as the host seam names it: under HKEY_USERS when it starts with
 * WF_KEY_USERS, else under HKLM. NULL when that hive cannot be reached. */
HKEY wf_win_key_root(void *self, const char *key, const char **rest)
{
    const struct win_remote *r = self;
    size_t n = strlen(WF_KEY_USERS);
    if (strncmp(key, WF_KEY_USERS, n) == 0 || strcmp(key, "HKEY_USERS") == 0) {
        *rest = key[n - 1] ? key + n : "";
        return r ? r->hku : HKEY_USERS;
    }
    *rest = key;
    return root(self);
}

/* A REG_MULTI_SZ as the strings joined by '|'; false when one holds '|' or
 * they do not fit (it could not be written back as it was). */
static bool multi_text(const WCHAR *data, DWORD bytes, char *out, size_t size)
{
    size_t o = 0, count = bytes / sizeof(WCHAR);
    out[0] = '\0';
    for (size_t i = 0; i < count && data[i];) {
        char one[WF_TEXT_MAX];
        size_t len = wcsnlen(data + i, count - i);
        if (i + len >= count || !wf_utf8_from_w(data + i, one, sizeof(one)) || strchr(one, '|'))
            return false;
        int n = snprintf(out + o, size - o, "%s%s", o ? "|" : "", one);
        if (n < 0 || (size_t)n >= size - o)
            return false;
        o += (size_t)n;
        i += len + 1;
    }
    return true;
}

wf_err wf_win_reg_read(void *self, const char *key, const char *value, struct wf_reg *out)
{
    WCHAR k[WF_TEXT_MAX], v[WF_NAME_MAX], data[WF_TEXT_MAX];
    DWORD type = 0, size = sizeof(data);
    const char *rest;
    HKEY top = wf_win_key_root(self, key, &rest);
    memset(out, 0, sizeof(*out));
    if (!top)
        return WF_OK;
    if (!wf_w_from_utf8(rest, k, WF_TEXT_MAX) || !wf_w_from_utf8(value, v, WF_NAME_MAX))
        return WF_E_BAD_DATA;
    LSTATUS r = RegGetValueW(top, k, v,
                             RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_RT_REG_DWORD | RRF_RT_REG_MULTI_SZ |
                                 RRF_NOEXPAND,
                             &type, data, &size);
    if (r == ERROR_FILE_NOT_FOUND || r == ERROR_PATH_NOT_FOUND)
        return WF_OK;
    if (r == ERROR_MORE_DATA) /* longer than wufix records exactly: never read as something shorter */
        return WF_E_BAD_DATA;
    if (r != ERROR_SUCCESS)
        return wf_err_from_syscode((uint32_t)r);
    if (type == REG_DWORD) {
        out->type = WF_REG_DWORD;
        memcpy(&out->dword, data, sizeof(DWORD));
    } else if (type == REG_MULTI_SZ) {
        out->type = WF_REG_MULTI_SZ;
        if (!multi_text(data, size, out->str, sizeof(out->str)))
            return WF_E_BAD_DATA;
    } else {
        out->type = type == REG_EXPAND_SZ ? WF_REG_EXPAND_SZ : WF_REG_SZ;
        data[WF_TEXT_MAX - 1] = L'\0';
        if (!wf_utf8_from_w(data, out->str, sizeof(out->str)))
            return WF_E_BAD_DATA;
    }
    return WF_OK;
}

wf_err wf_win_reg_write(void *self, const char *key, const char *value, const struct wf_reg *in)
{
    WCHAR k[WF_TEXT_MAX], v[WF_NAME_MAX], data[WF_TEXT_MAX + 1];
    if (!wf_w_from_utf8(key, k, WF_TEXT_MAX) || !wf_w_from_utf8(value, v, WF_NAME_MAX) ||
        !wf_w_from_utf8(in->str, data, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    LSTATUS r;
    size_t len = wcslen(data);
    if (in->type == WF_REG_DWORD) {
        r = RegSetKeyValueW(root(self), k, v, REG_DWORD, &in->dword, sizeof(DWORD));
    } else if (in->type == WF_REG_MULTI_SZ) {
        /* "a|b" back into "a\0b\0\0". */
        for (size_t i = 0; i < len; i++)
            if (data[i] == L'|')
                data[i] = L'\0';
        data[len + 1] = L'\0';
        r = RegSetKeyValueW(root(self), k, v, REG_MULTI_SZ, data, (DWORD)((len + 2) * sizeof(WCHAR)));
    } else {
        r = RegSetKeyValueW(root(self), k, v, in->type == WF_REG_EXPAND_SZ ? REG_EXPAND_SZ : REG_SZ, data,
                            (DWORD)((len + 1) * sizeof(WCHAR)));
    }
    return r == ERROR_SUCCESS ? WF_OK : wf_err_from_syscode((uint32_t)r);
}

wf_err wf_win_reg_delete(void *self, const char *key, const char *value)
{
    WCHAR k[WF_TEXT_MAX], v[WF_NAME_MAX];
    if (!wf_w_from_utf8(key, k, WF_TEXT_MAX) || !wf_w_from_utf8(value, v, WF_NAME_MAX))
        return WF_E_BAD_DATA;
    LSTATUS r = RegDeleteKeyValueW(root(self), k, v);
    return r == ERROR_SUCCESS || r == ERROR_FILE_NOT_FOUND ? WF_OK : wf_err_from_syscode((uint32_t)r);
}

wf_err wf_win_reg_key_exists(void *self, const char *key)
{
    WCHAR k[WF_TEXT_MAX];
    HKEY h;
    if (!wf_w_from_utf8(key, k, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    if (RegOpenKeyExW(root(self), k, 0, KEY_READ, &h) != ERROR_SUCCESS)
        return WF_E_NO_SERVICE;
    RegCloseKey(h);
    return WF_OK;
}

wf_err wf_win_reg_key_time(void *self, const char *key, char *buf, size_t size)
{
    WCHAR k[WF_TEXT_MAX];
    HKEY h;
    FILETIME ft;
    SYSTEMTIME st;
    const char *rest;
    HKEY base = wf_win_key_root(self, key, &rest);
    if (!base || !wf_w_from_utf8(rest, k, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    LSTATUS r = RegOpenKeyExW(base, k, 0, KEY_QUERY_VALUE, &h);
    if (r != ERROR_SUCCESS)
        return r == ERROR_FILE_NOT_FOUND ? WF_E_NO_SERVICE : wf_err_from_syscode((uint32_t)r);
    r = RegQueryInfoKeyW(h, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, &ft);
    RegCloseKey(h);
    if (r != ERROR_SUCCESS)
        return wf_err_from_syscode((uint32_t)r);
    if (!FileTimeToSystemTime(&ft, &st))
        return WF_E_BAD_DATA;
    snprintf(buf, size, "%04u-%02u-%02uT%02u:%02u:%02uZ", st.wYear, st.wMonth, st.wDay, st.wHour, st.wMinute,
             st.wSecond);
    return WF_OK;
}

wf_err wf_win_reg_enum(void *self, const char *key, bool values, char (*names)[WF_NAME_MAX], size_t max,
                       size_t *n)
{
    WCHAR k[WF_TEXT_MAX], name[WF_NAME_MAX];
    const char *rest;
    HKEY top = wf_win_key_root(self, key, &rest), h;
    *n = 0;
    if (!top || !wf_w_from_utf8(rest, k, WF_TEXT_MAX))
        return WF_OK;
    if (RegOpenKeyExW(top, k, 0, KEY_READ, &h) != ERROR_SUCCESS)
        return WF_OK;
    for (DWORD i = 0; *n < max; i++) {
        DWORD len = WF_NAME_MAX;
        LSTATUS r = values ? RegEnumValueW(h, i, name, &len, NULL, NULL, NULL, NULL)
                           : RegEnumKeyExW(h, i, name, &len, NULL, NULL, NULL, NULL);
        if (r == ERROR_MORE_DATA)
            continue; /* a name longer than any wufix looks for */
        if (r != ERROR_SUCCESS)
            break;
        if (wf_utf8_from_w(name, names[*n], WF_NAME_MAX))
            (*n)++;
    }
    RegCloseKey(h);
    return WF_OK;
}

wf_err wf_win_reg_key_sddl(void *self, const char *key, char *sddl, size_t size)
{
    WCHAR k[WF_TEXT_MAX], *text = NULL;
    HKEY h;
    DWORD needed = 0;
    const SECURITY_INFORMATION what = OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    if (size)
        sddl[0] = '\0';
    if (!wf_w_from_utf8(key, k, WF_TEXT_MAX))
        return WF_E_BAD_DATA;
    if (RegOpenKeyExW(root(self), k, 0, READ_CONTROL, &h) != ERROR_SUCCESS)
        return WF_OK; /* not readable: nothing to say */
    RegGetKeySecurity(h, what, NULL, &needed);
    BYTE *buf = needed ? malloc(needed) : NULL;
    if (buf && RegGetKeySecurity(h, what, buf, &needed) == ERROR_SUCCESS &&
        ConvertSecurityDescriptorToStringSecurityDescriptorW(buf, SDDL_REVISION_1, what, &text, NULL)) {
        wf_utf8_from_w(text, sddl, size);
        LocalFree(text);
    }
    free(buf);
    RegCloseKey(h);
    return WF_OK;
}

wf_err wf_win_reg_read_bytes(void *self, const char *key, const char *value, uint8_t *out, size_t size,
                             size_t *n)
{
    WCHAR k[WF_TEXT_MAX], v[WF_NAME_MAX];
    DWORD type = 0, bytes = (DWORD)size;
    const char *rest;
    HKEY top = wf_win_key_root(self, key, &rest);
    *n = 0;
    if (!top)
        return WF_OK;
    if (!wf_w_from_utf8(rest, k, WF_TEXT_MAX) || !wf_w_from_utf8(value, v, WF_NAME_MAX))
        return WF_E_BAD_DATA;
    LSTATUS r = RegGetValueW(top, k, v, RRF_RT_REG_BINARY, &type, out, &bytes);
    if (r == ERROR_FILE_NOT_FOUND || r == ERROR_PATH_NOT_FOUND || r == ERROR_UNSUPPORTED_TYPE)
        return WF_OK;
    if (r == ERROR_MORE_DATA)
        return WF_E_LIMIT;
    if (r != ERROR_SUCCESS)
        return wf_err_from_syscode((uint32_t)r);
    *n = bytes;
    return WF_OK;
}

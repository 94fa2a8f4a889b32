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

#include "wufix/base/prose.h"
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
    if (strncmp(key, WF_KEY_USERS, n) == 0 || strcmp(key, WF_M(M_HKEY_USERS)) == 0) {
        *rest = key[n - 1] ? key + n : "";
        return r ? r->hku : HKEY_USERS;
    }
    *rest = key;
    return root(self);
}

/* A REG_MULTI_SZ, read by its length, as the strings joined by '|': the
 * strings end in one NUL each and the list in one more ("a\0\0b\0\0" is
 * "a", "" and "b": "a||b"), so the writer gives back the same bytes. False
 * when that cannot be (a '|' in a string, a list not ending "\0\0", an odd
 * length, too long): such a value is not recorded, so never changed. */
static bool multi_text(const WCHAR *data, DWORD bytes, char *out, size_t size)
{
    size_t count = bytes / sizeof(WCHAR), o = 0;
    out[0] = '\0';
    if (bytes % sizeof(WCHAR) || count < 2 || data[count - 1] || data[count - 2])
        return false;
    count -= 2; /* the last string's NUL and the list's */
    for (size_t i = 0; i <= count;) {
        size_t len = 0;
        while (i + len < count && data[i + len])
            len++;
        WCHAR *one = malloc((len + 1) * sizeof(WCHAR));
        char *text = one ? malloc(len * 3 + 1) : NULL;
        bool ok = text != NULL;
        if (ok) {
            memcpy(one, data + i, len * sizeof(WCHAR));
            one[len] = L'\0';
            ok = wf_utf8_from_w(one, text, len * 3 + 1) && !strchr(text, '|');
        }
        int n = ok ? snprintf(out + o, size - o, "%s%s", i ? "|" : "", text) : -1;
        free(one);
        free(text);
        if (n < 0 || (size_t)n >= size - o)
            return false;
        o += (size_t)n;
        i += len + 1;
    }
    return true;
}

/* A value's type and data, read whole however long it is (on the heap;
 * the caller frees *data). ERROR_FILE_NOT_FOUND when it does not exist. */
static LSTATUS query_whole(HKEY top, const WCHAR *key, const WCHAR *value, DWORD *type, BYTE **data,
                           DWORD *bytes)
{
    HKEY h;
    LSTATUS r = RegOpenKeyExW(top, key, 0, KEY_QUERY_VALUE, &h);
    *data = NULL;
    *bytes = 0;
    if (r != ERROR_SUCCESS)
        return r;
    for (int tries = 0; tries < 8; tries++) {
        DWORD need = 0;
        r = RegQueryValueExW(h, value, NULL, type, NULL, &need);
        if (r != ERROR_SUCCESS)
            break;
        free(*data);
        /* Room for a NUL the value may lack, so text always ends. */
        *data = calloc(1, (size_t)need + 2 * sizeof(WCHAR));
        if (!*data) {
            r = ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        *bytes = need;
        r = RegQueryValueExW(h, value, NULL, type, *data, bytes);
        if (r != ERROR_MORE_DATA) /* else it grew meanwhile: again */
            break;
    }
    RegCloseKey(h);
    if (r != ERROR_SUCCESS) {
        free(*data);
        *data = NULL;
    }
    return r;
}

wf_err wf_win_reg_read(void *self, const char *key, const char *value, struct wf_reg *out)
{
    WCHAR k[WF_TEXT_MAX], v[WF_NAME_MAX];
    DWORD type = 0, size = 0;
    BYTE *data = NULL;
    const char *rest;
    HKEY top = wf_win_key_root(self, key, &rest);
    wf_err e = WF_OK;
    memset(out, 0, sizeof(*out));
    if (!top)
        return WF_OK;
    if (!wf_w_from_utf8(rest, k, WF_TEXT_MAX) || !wf_w_from_utf8(value, v, WF_NAME_MAX))
        return WF_E_BAD_DATA;
    LSTATUS r = query_whole(top, k, v, &type, &data, &size);
    if (r == ERROR_FILE_NOT_FOUND || r == ERROR_PATH_NOT_FOUND)
        return WF_OK;
    if (r != ERROR_SUCCESS)
        return wf_err_from_syscode((uint32_t)r);
    if (type == REG_DWORD && size == sizeof(DWORD)) {
        out->type = WF_REG_DWORD;
        memcpy(&out->dword, data, sizeof(DWORD));
    } else if (type == REG_MULTI_SZ) {
        out->type = WF_REG_MULTI_SZ;
        if (!multi_text((const WCHAR *)data, size, out->str, sizeof(out->str)))
            e = WF_E_BAD_DATA;
    } else if (type == REG_SZ || type == REG_EXPAND_SZ) {
        /* Text up to its NUL (the buffer holds one past the data). Longer
         * than wufix records exactly: its start, cut on a character, is
         * kept for the report, marked cut, never read as the value. */
        out->type = type == REG_EXPAND_SZ ? WF_REG_EXPAND_SZ : WF_REG_SZ;
        if (!wf_utf8_from_w((const WCHAR *)data, out->str, sizeof(out->str))) {
            out->cut = out->str[0] != '\0';
            e = out->cut ? WF_E_LIMIT : WF_E_BAD_DATA;
        }
    } else {
        e = wf_err_from_syscode(ERROR_UNSUPPORTED_TYPE);
    }
    free(data);
    if (e != WF_OK && !out->cut)
        memset(out, 0, sizeof(*out));
    return e;
}

wf_err wf_win_reg_write(void *self, const char *key, const char *value, const struct wf_reg *in)
{
    WCHAR k[WF_TEXT_MAX], v[WF_NAME_MAX];
    /* Every character of .str is at most one UTF-16 unit per byte; two more
     * for a MULTI_SZ's last NULs. */
    size_t cap = strlen(in->str) + 2;
    WCHAR *data = malloc(cap * sizeof(WCHAR));
    if (!data || in->cut || !wf_w_from_utf8(key, k, WF_TEXT_MAX) || !wf_w_from_utf8(value, v, WF_NAME_MAX) ||
        !wf_w_from_utf8(in->str, data, cap - 1)) {
        free(data);
        return WF_E_BAD_DATA;
    }
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
    free(data);
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
    snprintf(buf, size, WF_M(M_04U_02U_02UT_02U_02U), st.wYear, st.wMonth, st.wDay, st.wHour, st.wMinute,
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

/* SPDX-License-Identifier: MIT */
/* preg.c - Registry.pol read from its documented format.
 *
 * Microsoft Learn, "Registry Policy File Format"
 * (https://learn.microsoft.com/previous-versions/windows/desktop/Policy/registry-policy-file-format),
 * and [MS-GPREG] 2.2.1 "Registry Policy Message Syntax": a header of two
 * little-endian DWORDs, REGFILE_SIGNATURE 0x67655250 ("PReg") and
 * REGISTRY_FILE_VERSION 1, then entries [key;value;type;size;data] where the
 * brackets and semicolons are UTF-16LE characters, key and value are
 * NUL-terminated UTF-16LE strings, type and size are DWORDs and data is
 * `size` bytes. Value names with a special meaning: **Del.NAME deletes one
 * value, **DelVals deletes every value of the key, **DeleteValues deletes
 * the values its data lists (semicolon-delimited), **DeleteKeys the keys
 * its data lists; others beginning with ** (**SecureKey, **soft.) set no
 * value. Every length is held against the bytes there: a file cut short, a
 * size past its end, a missing bracket is not a Registry.pol. */
#include "wufix/base/preg.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/base/svc.h"

#define SIGNATURE 0x67655250u
#define REG_SZ_   1u
#define REG_EXP_  2u
#define REG_DW_   4u
#define REG_MULTI 7u

struct entry {
    char key[WF_TEXT_MAX], value[WF_NAME_MAX];
    bool key_ok, value_ok; /* false: too long to be one wufix asks about */
    uint32_t type, size;
    const uint8_t *data;
};

static bool ch(const uint8_t *b, size_t n, size_t *at, char c)
{
    if (*at + 2 > n || b[*at] != (uint8_t)c || b[*at + 1])
        return false;
    *at += 2;
    return true;
}

static bool dword(const uint8_t *b, size_t n, size_t *at, uint32_t *v)
{
    if (*at + 4 > n)
        return false;
    *v = (uint32_t)b[*at] | (uint32_t)b[*at + 1] << 8 | (uint32_t)b[*at + 2] << 16 |
         (uint32_t)b[*at + 3] << 24;
    *at += 4;
    return true;
}

/* A NUL-terminated UTF-16LE string at *at, as UTF-8 (*ok false when it does
 * not fit `size`); *at moves past its NUL. */
static bool text(const uint8_t *b, size_t n, size_t *at, char *out, size_t size, bool *ok)
{
    size_t i = *at;
    while (i + 2 <= n && (b[i] || b[i + 1]))
        i += 2;
    if (i + 2 > n)
        return false;
    *ok = wf_utf16_text(b + *at, (i - *at) / 2, out, size);
    *at = i + 2;
    return true;
}

/* The next entry at *at; false when the bytes there are not one. */
static bool next(const uint8_t *b, size_t n, size_t *at, struct entry *e)
{
    if (!ch(b, n, at, '[') || !text(b, n, at, e->key, sizeof(e->key), &e->key_ok) || !ch(b, n, at, ';') ||
        !text(b, n, at, e->value, sizeof(e->value), &e->value_ok) || !ch(b, n, at, ';') ||
        !dword(b, n, at, &e->type) || !ch(b, n, at, ';') || !dword(b, n, at, &e->size) ||
        !ch(b, n, at, ';') || e->size > n - *at)
        return false;
    e->data = b + *at;
    *at += e->size;
    return ch(b, n, at, ']');
}

static char lower(char c)
{
    if (c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
    return c;
}

/* `s` begins with `p`, case ignored (ASCII). */
static bool starts(const char *s, const char *p)
{
    for (; *p; s++, p++)
        if (lower(*s) != lower(*p))
            return false;
    return true;
}

/* Whether a semicolon-delimited list of names (the text datum of
 * **DeleteValues, **DeleteKeys) holds `value`; with a `parent`, whether
 * `key` is one of the keys it names under `parent`, or below one. */
static bool listed(const struct entry *e, const char *value, const char *parent, const char *key)
{
    char item[WF_TEXT_MAX], full[WF_TEXT_MAX * 2];
    size_t units = e->size / 2, from = 0;
    for (size_t i = 0; i <= units; i++) {
        bool end = i == units || (!e->data[2 * i] && !e->data[2 * i + 1]);
        if (!end && (e->data[2 * i] != ';' || e->data[2 * i + 1]))
            continue;
        if (i > from && wf_utf16_text(e->data + 2 * from, i - from, item, sizeof(item))) {
            if (!parent && wf_name_cmp(item, value) == 0)
                return true;
            if (parent) {
                size_t k = (size_t)snprintf(full, sizeof(full), "%s\\%s", parent, item);
                if (k < sizeof(full) && starts(key, full) && (key[k] == '\0' || key[k] == '\\'))
                    return true;
            }
        }
        if (end)
            break;
        from = i + 1;
    }
    return false;
}

/* The entry's data as a wf_reg; false for a type (or a size) it cannot hold. */
static bool datum(const struct entry *e, struct wf_reg *out)
{
    memset(out, 0, sizeof(*out));
    if (e->type == REG_DW_ && e->size == 4) {
        size_t at = 0;
        out->type = WF_REG_DWORD;
        return dword(e->data, 4, &at, &out->dword);
    }
    if (e->type == REG_SZ_ || e->type == REG_EXP_) {
        out->type = e->type == REG_SZ_ ? WF_REG_SZ : WF_REG_EXPAND_SZ;
        return wf_utf16_text(e->data, e->size / 2, out->str, sizeof(out->str));
    }
    if (e->type != REG_MULTI)
        return false;
    /* The strings joined by '|', as the registry reader gives them. */
    size_t units = e->size / 2, from = 0, o = 0;
    out->type = WF_REG_MULTI_SZ;
    for (size_t i = 0; i < units; i++) {
        if (e->data[2 * i] || e->data[2 * i + 1])
            continue;
        if (i == from)
            break; /* the empty string that ends the list */
        if (o && o + 1 < sizeof(out->str))
            out->str[o++] = '|';
        if (!wf_utf16_text(e->data + 2 * from, i - from, out->str + o, sizeof(out->str) - o) ||
            strchr(out->str + o, '|'))
            return false;
        o += strlen(out->str + o);
        from = i + 1;
    }
    return true;
}

wf_err wf_preg_lookup(const uint8_t *buf, size_t n, const char *key, const char *value, struct wf_reg *out,
                      bool *other)
{
    struct entry e;
    size_t at = 0;
    uint32_t sig = 0, ver = 0;
    bool odd = false;
    memset(out, 0, sizeof(*out));
    if (!dword(buf, n, &at, &sig) || !dword(buf, n, &at, &ver) || sig != SIGNATURE || ver != 1)
        return WF_E_BAD_DATA;
    while (at < n) {
        if (!next(buf, n, &at, &e)) {
            memset(out, 0, sizeof(*out));
            if (other)
                *other = false;
            return WF_E_BAD_DATA;
        }
        if (!e.key_ok || !e.value_ok)
            continue;
        bool here = wf_name_cmp(e.key, key) == 0, gone = false;
        if (starts(e.value, WF_M(M_DELETEKEYS)))
            gone = listed(&e, NULL, e.key, key);
        else if (!here)
            continue;
        else if (starts(e.value, "**del."))
            gone = wf_name_cmp(e.value + 6, value) == 0;
        else if (starts(e.value, "**delvals"))
            gone = true;
        else if (starts(e.value, WF_M(M_DELETEVALUES)))
            gone = listed(&e, value, NULL, NULL);
        else if (e.value[0] != '*' || e.value[1] != '*') {
            if (wf_name_cmp(e.value, value) != 0)
                continue;
            odd = !datum(&e, out);
            if (odd)
                memset(out, 0, sizeof(*out));
        }
        if (gone) {
            memset(out, 0, sizeof(*out));
            odd = false;
        }
    }
    if (other)
        *other = odd;
    return WF_OK;
}

/* SPDX-License-Identifier: MIT */
/* regfile.c - Registry Editor files into the fake (regfile.h). The format
 * as regedit writes it: a section per key, "name"=data per value, the data
 * a quoted string (\\ and \" escaped), dword:8 hex digits, or hex bytes
 * (hex: binary, hex(2): REG_EXPAND_SZ and hex(7): REG_MULTI_SZ in
 * UTF-16LE) or - (the value deleted), long lines continued with a trailing
 * backslash. */
#include "regfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HKLM     "HKEY_LOCAL_MACHINE\\"
#define SERVICES "SYSTEM\\CurrentControlSet\\Services\\"

static int bad(char *why, size_t size, const char *what, const char *line)
{
    snprintf(why, size, "%s: %.80s", what, line);
    return -1;
}

/* Hex bytes "00,a1,..." into `out`; their count, or -1. */
static long hex_bytes(const char *s, unsigned char *out, size_t cap)
{
    size_t n = 0;
    while (*s) {
        unsigned v;
        int used = 0;
        if (sscanf(s, "%2x%n", &v, &used) != 1 || used != 2 || n == cap)
            return -1;
        out[n++] = (unsigned char)v;
        s += 2;
        if (*s == ',')
            s++;
        else if (*s)
            return -1;
    }
    return (long)n;
}

/* UTF-16LE (ASCII only, as these files hold) to text; a MULTI_SZ's
 * strings joined by '|', as the host seam gives them. */
static void utf16_text(const unsigned char *b, size_t n, char *out, size_t cap, int multi)
{
    size_t o = 0;
    for (size_t i = 0; i + 1 < n && o + 1 < cap; i += 2) {
        unsigned c = b[i] | (unsigned)b[i + 1] << 8;
        if (c == 0) {
            if (!multi || (i + 3 < n && !b[i + 2] && !b[i + 3]))
                break;
            c = '|';
        }
        out[o++] = c < 128 ? (char)c : '?';
    }
    out[o] = '\0';
}

static void set_value(struct fake_scm *f, const char *key, const char *name, const char *data, int *n,
                      int *err, char *why, size_t size)
{
    static unsigned char bytes[4096];
    char text[WF_TEXT_MAX];
    if (strcmp(data, "-") == 0) /* "name"=- deletes the value */
        fake_reg_set(f, key, name, WF_REG_NONE, NULL, 0);
    else if (*data == '"') {
        size_t o = 0;
        for (const char *p = data + 1; *p && *p != '"' && o + 1 < sizeof(text); p++)
            text[o++] = *p == '\\' && p[1] ? *++p : *p;
        text[o] = '\0';
        fake_reg_set(f, key, name, WF_REG_SZ, text, 0);
    } else if (strncmp(data, "dword:", 6) == 0) {
        uint32_t v = (uint32_t)strtoul(data + 6, NULL, 16);
        fake_reg_set(f, key, name, WF_REG_DWORD, NULL, v);
        if (strncmp(key, SERVICES, strlen(SERVICES)) == 0 && !strchr(key + strlen(SERVICES), '\\') &&
            strcmp(name, "Start") == 0) {
            struct fake_svc *s = fake_scm_get(f, key + strlen(SERVICES));
            /* 2 with DelayedAutostart stays as the fake has it. */
            if (s && v != 2)
                s->start_type = v == 3 ? WF_START_MANUAL : v == 4 ? WF_START_DISABLED : s->start_type;
            else if (s && s->start_type != WF_START_AUTO_DELAYED)
                s->start_type = WF_START_AUTO;
        }
    } else if (strncmp(data, "hex", 3) == 0) {
        const char *colon = strchr(data, ':');
        long nb = colon ? hex_bytes(colon + 1, bytes, sizeof(bytes)) : -1;
        if (nb < 0) {
            *err = bad(why, size, "hex data not read", data);
            return;
        }
        if (strncmp(data, "hex:", 4) == 0)
            fake_reg_set_bin(f, key, name, bytes, (size_t)nb);
        else if (strncmp(data, "hex(2):", 7) == 0 || strncmp(data, "hex(7):", 7) == 0) {
            utf16_text(bytes, (size_t)nb, text, sizeof(text), data[4] == '7');
            fake_reg_set(f, key, name, data[4] == '7' ? WF_REG_MULTI_SZ : WF_REG_EXPAND_SZ, text, 0);
        } else {
            *err = bad(why, size, "a value type the fake does not keep", data);
            return;
        }
    } else {
        *err = bad(why, size, "data not read", data);
        return;
    }
    (*n)++;
}

int fake_reg_load(struct fake_scm *f, const char *text, char *why, size_t size)
{
    /* Continued lines joined first. */
    size_t len = strlen(text);
    char *all = malloc(len + 1), *o = all;
    if (!all)
        return bad(why, size, "out of memory", "");
    for (const char *p = text; *p; p++) {
        if (*p == '\\' && (p[1] == '\n' || (p[1] == '\r' && p[2] == '\n'))) {
            p += p[1] == '\r' ? 2 : 1;
            while (p[1] == ' ' || p[1] == '\t')
                p++;
            continue;
        }
        *o++ = *p;
    }
    *o = '\0';
    char key[WF_TEXT_MAX] = "";
    int n = 0, err = 0;
    for (char *line = strtok(all, "\r\n"); line && !err; line = strtok(NULL, "\r\n")) {
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line || *line == ';' || strncmp(line, "Windows Registry Editor", 23) == 0)
            continue;
        if (*line == '[') {
            char *end = strrchr(line, ']');
            if (!end || strncmp(line + 1, HKLM, strlen(HKLM)) != 0) {
                err = bad(why, size, "a key outside HKEY_LOCAL_MACHINE, or a deletion", line);
                break;
            }
            *end = '\0';
            snprintf(key, sizeof(key), "%s", line + 1 + strlen(HKLM));
            fake_reg_set(f, key, "", WF_REG_NONE, NULL, 0);
            continue;
        }
        char name[WF_NAME_MAX] = "";
        char *eq;
        if (*line == '@')
            eq = line + 1;
        else if (*line == '"' && (eq = strstr(line + 1, "\"=")) != NULL) {
            snprintf(name, sizeof(name), "%.*s", (int)(eq - line - 1), line + 1);
            eq++;
        } else {
            err = bad(why, size, "not a value line", line);
            break;
        }
        if (*eq != '=' || !key[0]) {
            err = bad(why, size, "a value outside a key", line);
            break;
        }
        set_value(f, key, name, eq + 1, &n, &err, why, size);
    }
    free(all);
    return err ? -1 : n;
}

int fake_reg_load_file(struct fake_scm *f, const char *name, char *why, size_t size)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/tests/fixtures/%s", WF_SOURCE_DIR, name);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return bad(why, size, "cannot open", path);
    static char text[256 * 1024];
    size_t got = fread(text, 1, sizeof(text) - 1, fp);
    fclose(fp);
    text[got] = '\0';
    return fake_reg_load(f, text, why, size);
}

/* A UTF-16LE string of `units` (to its NUL) as ASCII; false for other text. */
static bool pol_ascii(const uint8_t *b, size_t units, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < units && (b[2 * i] || b[2 * i + 1]); i++) {
        if (b[2 * i + 1] || b[2 * i] >= 0x80 || o + 1 >= size)
            return false;
        out[o++] = (char)b[2 * i];
    }
    out[o] = '\0';
    return true;
}

static uint32_t pol_u32(const uint8_t *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

/* The end of the NUL-terminated UTF-16LE string at `at` (past its NUL); 0 when none. */
static size_t pol_end(const uint8_t *b, size_t n, size_t at)
{
    for (; at + 2 <= n; at += 2)
        if (!b[at] && !b[at + 1])
            return at + 2;
    return 0;
}

int fake_pol_apply(struct fake_scm *f, const uint8_t *b, size_t n, const char *under, char *why, size_t size)
{
    char key[512], name[256], text[1024];
    size_t at = 8, count = 0;
    if (n < 8 || memcmp(b, "PReg\1\0\0\0", 8) != 0)
        return bad(why, size, "not a Registry.pol", "header");
    while (at < n) {
        size_t k = at + 2, ke = pol_end(b, n, k), v = ke + 2, ve = ke ? pol_end(b, n, v) : 0;
        if (b[at] != '[' || !ve || ve + 18 > n)
            return bad(why, size, "not an entry", "Registry.pol");
        uint32_t type = pol_u32(b + ve + 2), len = pol_u32(b + ve + 8);
        const uint8_t *data = b + ve + 14;
        if (len > n - ve - 14 || ve + 14 + len + 2 > n || data[len] != ']')
            return bad(why, size, "an entry past the end", "Registry.pol");
        at = ve + 14 + len + 2;
        if (!pol_ascii(b + k, (ke - k) / 2, key, sizeof(key)) ||
            !pol_ascii(b + v, (ve - v) / 2, name, sizeof(name)))
            return bad(why, size, "a name wufix's tests do not read", "Registry.pol");
        if (wf_name_ncmp(key, under, strlen(under)) != 0)
            continue;
        /* The registry extension's special names ([MS-GPREG] 2.2.1): **del.NAME, **delvals. */
        if (wf_name_ncmp(name, "**del.", 6) == 0)
            fake_reg_set(f, key, name + 6, WF_REG_NONE, NULL, 0);
        else if (wf_name_ncmp(name, "**delvals", 9) == 0) {
            for (size_t i = 0; i < f->nreg; i++)
                if (wf_name_cmp(f->reg[i].key, key) == 0 && f->reg[i].value[0])
                    fake_reg_set(f, key, f->reg[i].value, WF_REG_NONE, NULL, 0);
        } else if (strncmp(name, "**", 2) == 0)
            continue;
        else if (type == 4 && len == 4)
            fake_reg_set(f, key, name, WF_REG_DWORD, NULL, pol_u32(data));
        else if ((type == 1 || type == 2) && !(len & 1) && pol_ascii(data, len / 2, text, sizeof(text)))
            fake_reg_set(f, key, name, type == 1 ? WF_REG_SZ : WF_REG_EXPAND_SZ, text, 0);
        else
            return bad(why, size, "a value of a type wufix's tests do not load", name);
        count++;
    }
    return (int)count;
}

const uint8_t *fake_fixture_bytes(const char *name, size_t *n)
{
    static uint8_t bytes[4][64 * 1024];
    static unsigned next;
    char path[512];
    uint8_t *b = bytes[next++ % 4];
    snprintf(path, sizeof(path), "%s/tests/fixtures/%s", WF_SOURCE_DIR, name);
    FILE *fp = fopen(path, "rb");
    *n = fp ? fread(b, 1, sizeof(bytes[0]), fp) : 0;
    if (fp)
        fclose(fp);
    return *n && *n < sizeof(bytes[0]) ? b : NULL;
}

char *fake_fixture(const char *name, size_t *n)
{
    char path[512];
    snprintf(path, sizeof(path), "%s/tests/fixtures/%s", WF_SOURCE_DIR, name);
    FILE *fp = fopen(path, "rb");
    char *t = NULL;
    long len = -1;
    if (fp && fseek(fp, 0, SEEK_END) == 0 && (len = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
        (t = malloc((size_t)len + 1)) != NULL && fread(t, 1, (size_t)len, fp) == (size_t)len) {
        t[len] = '\0';
        *n = (size_t)len;
    } else {
        free(t);
        t = NULL;
    }
    if (fp)
        fclose(fp);
    return t;
}

/* SPDX-License-Identifier: MIT */
/* zip.c - a stored zip archive (APPNOTE.TXT 4.3: local file header, data,
 * central directory header, end of central directory record; version
 * needed 1.0, method 0, no data descriptor), built in memory. */
#include "wufix/mech/zip.h"

#include <string.h>

uint32_t wf_crc32(const uint8_t *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = c & 1u ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

static void le16(struct wf_buf *b, uint32_t v)
{
    char x[2] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF)};
    wf_buf_add(b, x, 2);
}

static void le32(struct wf_buf *b, uint32_t v)
{
    le16(b, v & 0xFFFF);
    le16(b, v >> 16);
}

static unsigned num(const char *s, size_t n)
{
    unsigned v = 0;
    for (size_t i = 0; i < n; i++)
        v = s[i] >= '0' && s[i] <= '9' ? v * 10 + (unsigned)(s[i] - '0') : 0;
    return v;
}

void wf_zip_init(struct wf_zip *z, const char *utc)
{
    memset(z, 0, sizeof(*z));
    wf_buf_init(&z->out);
    wf_buf_init(&z->central);
    /* MS-DOS date and time (APPNOTE 4.4.6): years from 1980, seconds / 2. */
    unsigned y = strlen(utc) >= 19 ? num(utc, 4) : 0;
    if (y < 1980 || y > 2107) {
        z->dos_date = (1 << 5) | 1; /* 1980-01-01 */
        return;
    }
    z->dos_date = (uint16_t)((y - 1980) << 9 | num(utc + 5, 2) << 5 | num(utc + 8, 2));
    z->dos_time = (uint16_t)(num(utc + 11, 2) << 11 | num(utc + 14, 2) << 5 | num(utc + 17, 2) / 2);
}

static bool name_ok(const char *name)
{
    size_t n = strlen(name);
    if (!n || n > 255 || name[0] == '/' || name[n - 1] == '/')
        return false;
    for (const char *p = name; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c > 0x7e || c == '\\' || c == ':')
            return false;
        if (c == '.' && p[1] == '.' && (p == name || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
            return false;
    }
    return true;
}

static void header(struct wf_buf *b, const struct wf_zip *z, uint32_t crc, size_t n, size_t len)
{
    le16(b, 10); /* version needed: 1.0 */
    le16(b, 0);  /* flags */
    le16(b, 0);  /* method: stored */
    le16(b, z->dos_time);
    le16(b, z->dos_date);
    le32(b, crc);
    le32(b, (uint32_t)n); /* compressed size */
    le32(b, (uint32_t)n); /* size */
    le16(b, (uint32_t)len);
    le16(b, 0); /* extra field length */
}

wf_err wf_zip_add(struct wf_zip *z, const char *name, const uint8_t *data, size_t n)
{
    if (!name_ok(name))
        return WF_E_BAD_DATA;
    size_t len = strlen(name);
    if (z->n >= WF_ZIP_FILES_MAX || n > WF_ZIP_BYTES_MAX || z->out.len + n + len + 30 > WF_ZIP_BYTES_MAX)
        return WF_E_LIMIT;
    uint32_t crc = wf_crc32(data, n), at = (uint32_t)z->out.len;
    le32(&z->out, 0x04034b50u); /* local file header */
    header(&z->out, z, crc, n, len);
    wf_buf_add(&z->out, name, len);
    if (n)
        wf_buf_add(&z->out, (const char *)data, n);
    le32(&z->central, 0x02014b50u); /* central directory header */
    le16(&z->central, 20);          /* made by: MS-DOS, 2.0 */
    header(&z->central, z, crc, n, len);
    le16(&z->central, 0); /* comment length */
    le16(&z->central, 0); /* disk number */
    le16(&z->central, 0); /* internal attributes */
    le32(&z->central, 0); /* external attributes */
    le32(&z->central, at);
    wf_buf_add(&z->central, name, len);
    z->n++;
    return WF_OK;
}

void wf_zip_finish(struct wf_zip *z)
{
    uint32_t at = (uint32_t)z->out.len, size = (uint32_t)z->central.len;
    if (z->central.len)
        wf_buf_add(&z->out, z->central.data, z->central.len);
    le32(&z->out, 0x06054b50u); /* end of central directory */
    le16(&z->out, 0);           /* this disk */
    le16(&z->out, 0);           /* the directory's disk */
    le16(&z->out, (uint32_t)z->n);
    le16(&z->out, (uint32_t)z->n);
    le32(&z->out, size);
    le32(&z->out, at);
    le16(&z->out, 0); /* comment length */
}

void wf_zip_release(struct wf_zip *z)
{
    wf_buf_release(&z->out);
    wf_buf_release(&z->central);
}

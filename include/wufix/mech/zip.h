/* SPDX-License-Identifier: MIT */
/* zip.h - a zip archive written in memory, its files stored (no
 * compression), as PKWARE's APPNOTE.TXT lays it out: each file's local
 * header and bytes, then the central directory and its end record. */
#ifndef WUFIX_ZIP_H
#define WUFIX_ZIP_H

#include <stddef.h>
#include <stdint.h>

#include "wufix/base/buf.h"
#include "wufix/base/err.h"

#define WF_ZIP_FILES_MAX 1000u
#define WF_ZIP_BYTES_MAX ((size_t)1 << 30) /* far below the 4 GB a zip without Zip64 holds */

struct wf_zip {
    struct wf_buf out;     /* the archive so far */
    struct wf_buf central; /* the central directory so far */
    size_t n;
    uint16_t dos_time, dos_date; /* every file's time */
};

/* An empty archive whose files carry the time `utc` ("YYYY-MM-DDTHH:MM:SSZ"). */
void wf_zip_init(struct wf_zip *z, const char *utc);
/* Add a file: `name` is ASCII, '/' between folders, no "..", not absolute.
 * WF_E_BAD_DATA for another name, WF_E_LIMIT past the limits above. */
wf_err wf_zip_add(struct wf_zip *z, const char *name, const uint8_t *data, size_t n);
/* Close it: the central directory and the end record follow the files;
 * z->out is the whole archive. */
void wf_zip_finish(struct wf_zip *z);
void wf_zip_release(struct wf_zip *z);

/* The CRC-32 zip uses (ISO 3309, polynomial 0xEDB88320 reflected). */
uint32_t wf_crc32(const uint8_t *p, size_t n);

#endif

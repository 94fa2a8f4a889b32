/* SPDX-License-Identifier: MIT */
/* sha256.h - SHA-256 (FIPS 180-4), for the journal's anchor. */
#ifndef WUFIX_SHA256_H
#define WUFIX_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define WF_SHA256_HEX 65 /* 64 hex digits and the terminator */

struct wf_sha256 {
    uint32_t h[8];
    uint64_t bytes;    /* message length so far */
    uint8_t block[64]; /* the part not yet compressed */
    size_t used;
};

void wf_sha256_init(struct wf_sha256 *s);
void wf_sha256_add(struct wf_sha256 *s, const void *data, size_t n);
/* The digest as 64 lower-case hex digits; `s` is spent. */
void wf_sha256_hex(struct wf_sha256 *s, char out[WF_SHA256_HEX]);

/* The digest of `n` bytes as hex, in one call. */
void wf_sha256_of(const void *data, size_t n, char out[WF_SHA256_HEX]);

#endif

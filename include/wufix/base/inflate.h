/* SPDX-License-Identifier: MIT */
/* inflate.h - raw DEFLATE (RFC 1951) decoding, for the text the exe keeps
 * deflated (text.h). */
#ifndef WUFIX_INFLATE_H
#define WUFIX_INFLATE_H

#include <stdbool.h>
#include <stddef.h>

/* Unpacks the raw DEFLATE stream `in` (no zlib or gzip header) into `out`.
 * False for a stream that is damaged, ends early or unpacks to more than
 * `cap` bytes; *len is then what was unpacked before the fault. Bytes after
 * the final block are ignored. */
bool wf_inflate(const unsigned char *in, size_t n, unsigned char *out, size_t cap, size_t *len);

#endif

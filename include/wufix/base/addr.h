/* SPDX-License-Identifier: MIT */
/* addr.h - a machine's network addresses, as --computer compares them: one
 * machine named twice (an alias, its address, localhost) is one target. */
#ifndef WUFIX_ADDR_H
#define WUFIX_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WF_ADDRS_MAX 32u

/* An IPv4 (len 4) or IPv6 (len 16) address, in network order. An
 * IPv4-mapped IPv6 address is kept as the IPv4 address it maps. */
struct wf_addr {
    uint8_t len;
    uint8_t b[16];
};

struct wf_addrs {
    size_t n;
    struct wf_addr a[WF_ADDRS_MAX];
};

/* Add an address of `len` bytes (4 or 16) once; false when it is not an
 * address or the list is full. */
bool wf_addrs_add(struct wf_addrs *s, const uint8_t *bytes, size_t len);

/* A dotted-quad IPv4 literal ("10.0.0.5"), each part 0-255 in decimal
 * without leading zeros; false for anything else (a name). */
bool wf_addr_parse4(const char *text, struct wf_addr *a);

/* The first `n` characters of `text` as an IPv4 literal (as wf_addr_parse4)
 * or an IPv6 one in RFC 4291 2.2's text forms ("::" once, a dotted IPv4
 * tail); false for anything else. An IPv4-mapped one stays 16 bytes. */
bool wf_addr_parse(const char *text, size_t n, struct wf_addr *a);

/* 127.0.0.1 or ::1: the loopback addresses Windows gives its own name
 * (other 127.x.x.x addresses may carry a tunnel or port proxy to another
 * machine, so they are taken as named). */
bool wf_addr_is_loopback(const struct wf_addr *a);

/* 0.0.0.0 or :: (RFC 4291 section 2.5.2): no address, where a route's
 * gateway or a hosts file's entry sends a name nowhere. */
bool wf_addr_is_unspecified(const struct wf_addr *a);

/* Whether the two lists share an address; the first shared one into *same. */
bool wf_addrs_meet(const struct wf_addrs *x, const struct wf_addrs *y, struct wf_addr *same);

/* "10.0.0.5", or IPv6 as eight hexadecimal groups with the longest run of
 * zero groups as "::". */
void wf_addr_text(const struct wf_addr *a, char *buf, size_t size);

#endif

/* SPDX-License-Identifier: MIT */
/* preg.h - a Group Policy registry file (Registry.pol, the "PReg" format):
 * what it sets a registry value to. */
#ifndef WUFIX_PREG_H
#define WUFIX_PREG_H

#include <stddef.h>
#include <stdint.h>

#include "wufix/base/err.h"
#include "wufix/base/host.h"
#include "wufix/base/prose.h"

/* The local policy's file for the machine, and the most of it read: a
 * larger file is not read at all. */
#define WF_PREG_LOCAL WF_M(M_PREG_LOCAL)
#define WF_PREG_MAX   ((size_t)1 << 20)

/* What the file's entries, applied in order, leave in `value` of `key`
 * (case ignored; a key without HKLM\): out->type NONE when they set nothing
 * there, or delete it (**del., **delvals., **DeleteValues, **DeleteKeys).
 * Data of a type wf_reg does not hold (binary, QWORD) reads as type NONE
 * with *other set (a NULL `other` is allowed). WF_E_BAD_DATA when the
 * bytes are not a whole Registry.pol: nothing of them is believed. */
wf_err wf_preg_lookup(const uint8_t *buf, size_t n, const char *key, const char *value, struct wf_reg *out,
                      bool *other);

#endif

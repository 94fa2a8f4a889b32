/* SPDX-License-Identifier: MIT */
/* sddl.h - read a security descriptor (SDDL text) of a service, a file, a
 * folder or a key, and work out what SYSTEM and Administrators may actually
 * do with a service. */
#ifndef WUFIX_SDDL_H
#define WUFIX_SDDL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/err.h"

/* Service access rights (winsvc.h) and the standard ones. */
#define WF_SR_QUERY_CONFIG  0x0001u  /* CC */
#define WF_SR_CHANGE_CONFIG 0x0002u  /* DC */
#define WF_SR_QUERY_STATUS  0x0004u  /* LC */
#define WF_SR_ENUM_DEPS     0x0008u  /* SW */
#define WF_SR_START         0x0010u  /* RP */
#define WF_SR_STOP          0x0020u  /* WP */
#define WF_SR_PAUSE         0x0040u  /* DT */
#define WF_SR_INTERROGATE   0x0080u  /* LO */
#define WF_SR_USER_CONTROL  0x0100u  /* CR */
#define WF_SR_DELETE        0x10000u /* SD */
#define WF_SR_READ_CONTROL  0x20000u /* RC */
#define WF_SR_WRITE_DAC     0x40000u /* WD */
#define WF_SR_WRITE_OWNER   0x80000u /* WO */
#define WF_SR_ALL           0xF01FFu

/* Generic rights (winnt.h): each object type maps them to its own. */
#define WF_GENERIC_ALL     0x10000000u /* GA */
#define WF_GENERIC_EXECUTE 0x20000000u /* GX */
#define WF_GENERIC_WRITE   0x40000000u /* GW */
#define WF_GENERIC_READ    0x80000000u /* GR */

/* ACE flags (winnt.h OBJECT_INHERIT_ACE 0x1, CONTAINER_INHERIT_ACE 0x2,
 * NO_PROPAGATE_INHERIT_ACE 0x4, INHERIT_ONLY_ACE 0x8, INHERITED_ACE 0x10). */
#define WF_ACE_OI 0x01u
#define WF_ACE_CI 0x02u
#define WF_ACE_NP 0x04u
#define WF_ACE_IO 0x08u
#define WF_ACE_ID 0x10u

/* What wufix and Windows Update need: query, start, stop, change config. */
#define WF_SR_NEEDED                                                                                         \
    (WF_SR_QUERY_CONFIG | WF_SR_QUERY_STATUS | WF_SR_START | WF_SR_STOP | WF_SR_CHANGE_CONFIG)

#define WF_SDDL_ACES_MAX 32
#define WF_SID_MAX       192

struct wf_sddl_ace {
    bool allow;           /* A; false: D (deny) */
    bool inherit_only;    /* IO: does not apply to the object itself */
    uint8_t flags;        /* WF_ACE_OI... */
    uint32_t mask;        /* as written: generic bits unmapped (GA is 0x10000000) */
    char sid[WF_SID_MAX]; /* alias ("SY") or S-1-... */
};

struct wf_sddl {
    char owner[WF_SID_MAX];
    bool has_dacl;  /* false: none, or a NULL DACL (everyone every right) */
    bool null_dacl; /* "D:NO_ACCESS_CONTROL" */
    struct wf_sddl_ace ace[WF_SDDL_ACES_MAX];
    size_t nace;
};

enum wf_principal {
    WF_PRINCIPAL_SYSTEM, /* a LocalSystem token: SY, BA, AU, WD */
    WF_PRINCIPAL_ADMIN   /* an elevated administrator: BA, BU, AU, IU, WD */
};

/* Parse SDDL text (owner, group, DACL; the SACL is skipped). Well-known SIDs
 * written as S-1-5-18 and the like become their aliases. WF_E_BAD_DATA when
 * it is not SDDL. */
wf_err wf_sddl_parse(const char *text, struct wf_sddl *out);

/* Whether the descriptor says anything: an owner or at least one ACE. Wine,
 * and an unreadable descriptor, give none: "could not be read", not tampering. */
bool wf_sddl_meaningful(const struct wf_sddl *s);

/* The service rights `who` has, evaluating the DACL as Windows does: in
 * order, a deny takes what no earlier allow granted; no DACL grants
 * everything; generic bits mapped as for a service. */
uint32_t wf_sddl_rights(const struct wf_sddl *s, enum wf_principal who);
/* The same for a registry key: generic bits mapped as for a key. */
uint32_t wf_sddl_key_rights(const struct wf_sddl *s, enum wf_principal who);

/* "start, stop" for the bits of `mask` among WF_SR_NEEDED, into buf. */
void wf_sddl_describe(uint32_t mask, char *buf, size_t size);

#endif

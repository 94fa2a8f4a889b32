/* SPDX-License-Identifier: MIT */
/* hresult.h - the error codes Windows Update reports, each with its name,
 * what it means, a cause class and the remedy: what wufix does about it, or
 * the Windows command or setting to use. One table; an unknown code is shown
 * with its facility, never guessed. */
#ifndef WUFIX_HRESULT_H
#define WUFIX_HRESULT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum wf_hr_class {
    WF_HRC_UNKNOWN,     /* no documented cause */
    WF_HRC_SERVICE,     /* a service Windows Update needs: repair */
    WF_HRC_CACHE,       /* the update caches or metadata: reset */
    WF_HRC_STORE,       /* the component store or payload: DISM, sfc */
    WF_HRC_DISK,        /* free space */
    WF_HRC_NETWORK,     /* reaching the update source */
    WF_HRC_NAME,        /* a name (update server, proxy) does not resolve */
    WF_HRC_PROXY,       /* the proxy */
    WF_HRC_TLS,         /* TLS 1.2 for WinHTTP */
    WF_HRC_SERVER,      /* the update server answered with an error */
    WF_HRC_POLICY,      /* a policy */
    WF_HRC_REBOOT,      /* a restart of Windows is pending */
    WF_HRC_PERMISSIONS, /* file or registry permissions */
    WF_HRC_SOFTWARE,    /* other software (security software, filter drivers) */
    WF_HRC_DRIVER,      /* a driver package */
    WF_HRC_RESOURCES,   /* servicing timed out: memory, CPU */
    WF_HRC_PARTITION,   /* the System Reserved partition */
    WF_HRC_RECOVERY,    /* the recovery partition (WinRE) */
    WF_HRC_TRANSIENT,   /* temporary: try again later */
    WF_HRC_NOT_APPLICABLE
};

/* A row of the table (hresult.inc); its words through wf_hr_name() and
 * the functions after it. */
struct wf_hr {
    uint32_t code;
    uint8_t cls;    /* enum wf_hr_class */
    uint8_t source; /* wf_hr_source(source) */
};

extern const struct wf_hr wf_hr_table[];
extern const size_t wf_hr_count;
extern const size_t wf_hr_nsources;

/* Where the facts of rows with this source come from (docs/problems.md lists
 * them too); "" past the last. */
const char *wf_hr_source(size_t source);

/* The name as Windows' headers spell it: "E_ACCESSDENIED". */
const char *wf_hr_name(const struct wf_hr *r);

/* Microsoft's meaning, in our words. */
const char *wf_hr_meaning(const struct wf_hr *r);

/* The row of a code, or NULL. */
const struct wf_hr *wf_hr_find(uint32_t code);

/* "component_store", "network", ... (stable: JSON). */
const char *wf_hr_class_token(enum wf_hr_class c);

/* Why it failed, for a person: "some of Windows' own files are damaged". */
const char *wf_hr_class_plain(enum wf_hr_class c);

/* What to do: the row's remedy, else its class's; "" for none. */
const char *wf_hr_remedy(const struct wf_hr *r);

/* Whether the class is about reaching the update source (then Microsoft's
 * endpoints are worth probing). */
bool wf_hr_network(enum wf_hr_class c);

/* A code wufix has no row for, as far as it can be told without guessing:
 * "Win32 error 1460", "Windows Update", "setup API (SETUPAPI) or component
 * servicing (CBS)" (facility 15, which both use), or
 * "facility 0x123". */
void wf_hr_facility(uint32_t code, char *buf, size_t size);

/* A feature update's extend code (0xC1900101 - 0x4000D) in Microsoft's words:
 * "phase 4 (OOBE_BOOT), operation 0x0D (MIGRATE_DATA)". */
void wf_hr_extend(uint32_t ext, char *buf, size_t size);

#endif

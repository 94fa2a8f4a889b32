/* SPDX-License-Identifier: MIT */
/* aside.h - reset's deep part: the caches Windows Update keeps, renamed aside
 * (never deleted) while the services that use them are stopped, and put back
 * by undo. */
#ifndef WUFIX_ASIDE_H
#define WUFIX_ASIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/host.h"
#include "wufix/base/fix.h"

/* Tries of a rename something holds open, and the waits between them. */
#define WF_ASIDE_TRIES 5u

/* What reset sets aside, unexpanded, and who holds each. */
struct wf_cache {
    const char *path;    /* a folder, or with `pattern` the folder of the files */
    const char *pattern; /* NULL: the folder itself; else the files matching it */
    const char *users;   /* the services that must be stopped, for people */
};
const struct wf_cache *wf_aside_caches(size_t *n);

/* A RENAME fix for each cache present: PATH -> PATH.wufix-STAMP (STAMP is
 * YYYYMMDD-HHMMSS), with its size. A name already taken gets -2, -3, ... */
wf_err wf_aside_plan(const struct wf_host *h, const char *stamp, struct wf_repair *out);

/* Rename, retrying while something holds it open (WF_E_IN_USE, WF_E_ACCESS). */
wf_err wf_aside_move(const struct wf_host *h, const char *from, const char *to);

/* Who holds `path` open, or runs `service` (path NULL), for people: "held by
 * MsMpEng.exe (PID 3120, Microsoft Defender Antivirus Service)", escaped;
 * "" when no one can be named. */
void wf_aside_holders(const struct wf_host *h, const char *path, const char *service, char *out, size_t size);

/* Put a cache back. A folder Windows made again in its place meanwhile is
 * itself moved aside (to the aside name + "-recreated"), never deleted.
 * With nothing at the aside name: WF_E_GONE when
 * the rename surely happened; otherwise (a run killed around it) success
 * when the cache is still where it was. */
wf_err wf_aside_back(const struct wf_host *h, const struct wf_fix *f, bool surely_moved);

/* "20261122-101500" from an ISO 8601 time ("2026-11-22T10:15:00Z"). */
void wf_aside_stamp(const char *iso, char *out, size_t size);

/* "1.2 GB", "340 KB", "12 bytes". */
void wf_aside_size_words(uint64_t bytes, char *out, size_t size);

#endif

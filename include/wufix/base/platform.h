/* SPDX-License-Identifier: MIT */
/* platform.h - what the platform gives the core: the SCM, the machine's lock,
 * the clock, output, the journal's store and the host (registry, files). */
#ifndef WUFIX_PLATFORM_H
#define WUFIX_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/backend.h"
#include "wufix/base/buf.h"
#include "wufix/base/err.h"
#include "wufix/base/host.h"
#include "wufix/base/out.h"

/* Where journals live (%ProgramData%\wufix\ on Windows). save replaces the
 * journal atomically (temporary file, flush, rename); load gives "" when
 * there is none. */
struct wf_store {
    wf_err (*load)(void *self, struct wf_buf *out);
    wf_err (*save)(void *self, const char *data, size_t n);
    void *self;
};

struct wf_platform {
    /* Connect to the SCM. WF_E_ACCESS or WF_E_SYSTEM when it cannot. */
    wf_err (*open_backend)(void *self, struct wf_backend *out);
    void (*close_backend)(void *self, struct wf_backend *b);
    /* One changing wufix at a time per machine: WF_E_BUSY when another
     * process holds the lock. */
    wf_err (*lock)(void *self);
    void (*unlock)(void *self);
    /* UTC time as ISO 8601, for the journal. */
    void (*timestamp)(void *self, char *buf, size_t size);
    void *self;
    struct wf_out out;
    struct wf_store store; /* where the journal lives */
    struct wf_host host;   /* registry, files, free space */
    uint32_t pid;
    bool elevated; /* the process runs with administrator rights */
};

#endif

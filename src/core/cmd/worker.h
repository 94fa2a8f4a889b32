/* SPDX-License-Identifier: MIT */
/* worker.h - --computer: one machine's record and its worker (internal to
 * src/core/cmd; fleet.c's runner starts the workers and keeps their
 * deadlines). */
#ifndef WUFIX_CMD_WORKER_H
#define WUFIX_CMD_WORKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common.h"
#include "wufix/base/addr.h"

enum phase { WAITING, CONNECTING, RUNNING, DONE };

/* One machine named: its record, shared by its worker and the runner, freed
 * by whichever of them lets it go last. */
struct machine {
    char name[WF_MACHINE_NAME_MAX];
    bool local;
    size_t index;                 /* in the order named */
    struct machine *const *all;   /* every machine; alive while this one is not DONE */
    struct wf_addrs here;         /* this machine's addresses */
    char local_note[WF_TEXT_MAX]; /* why a name not known here runs here, or "" */
    bool direct;                  /* the only machine: its words go straight out (live progress) */
    const struct wf_platform *pf;
    const struct wf_workers *w;
    struct wf_options opt; /* the command's, without --computer */
    const struct wf_cmd_table *table;
    uint32_t connect_ms;
    /* Under the monitor. */
    enum phase phase;
    bool abandoned;             /* its deadline passed, or Ctrl+C came, before it connected */
    bool resolved;              /* addrs, same and local are settled */
    const struct machine *same; /* the machine named before it that it is, or NULL */
    struct wf_addrs addrs;
    bool shown;
    unsigned refs; /* the runner's and the worker's */
    uint64_t t_start, t_end;
    int code;
    char outcome[128];
    /* Written by the worker until DONE, then read by the runner. */
    struct wf_buf out, err;
    struct wf_target target;
};

/* Under the monitor: drop one of its references (the runner's or the
 * worker's); the last one frees it. */
void wf_cmd_machine_release(struct machine *m);

/* Under the monitor: it was not reached (the system code, what happened,
 * how long it took): its exit code, outcome, words and JSON object. */
void wf_cmd_machine_unreached(struct machine *m, uint32_t syscode, const char *detail, uint64_t ms);

/* The only machine's words go out as they come. */
void wf_cmd_machine_flush(struct machine *m);

/* The worker: spawned with the machine's record (holding a reference). */
void wf_cmd_machine_worker(void *arg);

#endif

/* SPDX-License-Identifier: MIT */
/* plan.h - the services a command moves, their live dependency graph, and the steps. */
#ifndef WUFIX_PLAN_H
#define WUFIX_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/backend.h"
#include "wufix/base/err.h"
#include "wufix/base/svc.h"

#define WF_PLAN_MAX    32 /* services in one plan (bitmasks below) */
#define WF_STEPS_MAX   ((size_t)2 * WF_PLAN_MAX)
#define WF_ACTIONS_MAX ((size_t)4 * WF_PLAN_MAX)

enum wf_op { WF_OP_STATUS, WF_OP_STOP, WF_OP_START, WF_OP_RESTART };
enum wf_step_kind { WF_STEP_STOP, WF_STEP_START };

enum wf_step_state {
    WF_STEP_WAITING, /* its predecessors are not done yet */
    WF_STEP_ACTIVE,  /* control sent; waiting for the target state */
    WF_STEP_RETRY,   /* database locked: sending again at retry_at */
    WF_STEP_DONE,
    WF_STEP_FAILED,
    WF_STEP_CANCELLED /* not started because an earlier step failed */
};

struct wf_plan_svc {
    char name[WF_NAME_MAX];
    bool in_set; /* false: a running dependent outside the set */
    bool installed;
    bool protected_svc; /* reported only, never controlled */
    struct wf_svc_status before;
    struct wf_svc_config cfg;
    uint32_t needs;     /* bit j: this service depends on service j */
    bool marked_delete; /* DeleteService was called: stopping it deletes it */
    wf_err blocked;     /* why the run cannot move it (preflight), WF_OK when it can */
    struct wf_svc_status after;
    enum wf_start_type after_start; /* the start type after the run (repair may change it) */
};

struct wf_step {
    enum wf_step_kind kind;
    size_t svc;
    uint64_t preds; /* bit k: step k must be finished first */
    unsigned wave;  /* 1-based level, for showing the plan */
    /* Run state, owned by the engine. */
    enum wf_step_state st;
    bool resend; /* 1061: send again once the pending state ends */
    bool forced; /* --force ended its process; waiting for STOPPED */
    bool noop;   /* already in the target state: nothing sent */
    unsigned tries;
    unsigned query_errors; /* consecutive failed queries while waiting */
    uint64_t t_begin, t_end, deadline, last_progress, retry_at;
    enum wf_state last_state;
    uint32_t last_checkpoint, wait_hint_ms;
};

/* One thing the engine did to a service, in the order it ended. */
struct wf_action {
    size_t svc;
    enum wf_step_kind kind;
    bool rollback;       /* part of putting things back after a failure */
    bool noop;           /* already in the target state */
    wf_err err;          /* WF_OK on success */
    uint32_t syscode;    /* raw system code behind err, or the service's exit code */
    enum wf_state stuck; /* state it was in when it failed */
    bool stalled;        /* WF_E_TIMEOUT: no progress within the wait hint */
    bool left_alone;     /* rollback: still pending, so nothing was sent */
    bool forced;         /* --force ended the service's process */
    char note[256];      /* --force refused: the services sharing its process */
    uint64_t ms;         /* how long the transition took */
};

struct wf_plan {
    enum wf_op op;
    struct wf_plan_svc svc[WF_PLAN_MAX];
    size_t nsvc;
    struct wf_step step[WF_STEPS_MAX];
    size_t nstep;
    unsigned nwaves;
    struct wf_action action[WF_ACTIONS_MAX];
    size_t naction;
    char problem[WF_TEXT_MAX]; /* why gathering or building failed, for people */
};

/* Allocate an empty plan for `op`; free it with wf_plan_free. NULL on no memory. */
struct wf_plan *wf_plan_new(enum wf_op op);
void wf_plan_free(struct wf_plan *p);

/* Index of `name` in the plan (case-insensitive), or -1. */
int wf_plan_find(const struct wf_plan *p, const char *name);

/* Add a service by name (not queried). WF_E_LIMIT when the plan is full. */
wf_err wf_plan_add(struct wf_plan *p, const char *name, bool in_set, size_t *index);

/* Read the live state of every service in the plan and its graph: status,
 * config, dependents. For stop and restart, running dependents outside the
 * set join the plan. wufix's own ordering rules are added on top. A missing
 * service stays in the plan with installed = false. */
wf_err wf_plan_gather(struct wf_plan *p, const struct wf_backend *b);

/* Build the steps for the plan's op from the graph in `needs` (no SCM call).
 * WF_E_CYCLE, with p->problem naming the services, when the graph has one. */
wf_err wf_plan_build(struct wf_plan *p);

/* Build the steps that take each service to `want[i]` (STOPPED or RUNNING;
 * UNKNOWN leaves it alone) from its state `now[i]`, in graph order. */
wf_err wf_plan_build_towards(struct wf_plan *p, const enum wf_state *now, const enum wf_state *want);

/* Record an action. */
void wf_plan_record(struct wf_plan *p, const struct wf_action *a);

#endif

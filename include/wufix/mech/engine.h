/* SPDX-License-Identifier: MIT */
/* engine.h - executes a plan: event driven, in parallel where the graph allows. */
#ifndef WUFIX_ENGINE_H
#define WUFIX_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "wufix/base/backend.h"
#include "wufix/base/host.h"
#include "wufix/mech/plan.h"

/* Told as the run goes, for live progress. All optional. step_end gets
 * SIZE_MAX as the step for an action that was decided without a step (a
 * rollback that leaves a stuck service alone). */
struct wf_engine_events {
    void (*step_end)(void *ctx, const struct wf_plan *p, size_t step, const struct wf_action *a);
    void (*tick)(void *ctx, const struct wf_plan *p, uint64_t elapsed_ms);
    void *ctx;
    uint32_t tick_ms; /* 0: no ticks */
};

struct wf_engine_opts {
    uint32_t timeout_ms; /* per transition, the hard cap */
    bool best_effort;    /* a failed step does not cancel the others (rollback) */
    bool rollback;       /* mark the actions as rollback */
    bool force;          /* end a service stuck stopping, if its process is its own */
    const struct wf_engine_events *events;
    /* Where to ask who holds a service that does not stop (the Restart
     * Manager); NULL: not asked. */
    const struct wf_host *host;
};

/* Smallest time a service is given to show progress when its wait hint is
 * shorter (the SCM's own default hint is 2 s). */
#define WF_MIN_STALL_MS 2000u

/* Run the plan's steps. Each step starts when its predecessors are finished;
 * a transition succeeds on its target state, fails when the service stops
 * showing progress (state or check point) within its wait hint, or when
 * `timeout_ms` passes. Returns WF_OK or the error of the first failed step;
 * what happened is in p->action. Without best_effort, the first failure
 * cancels the steps not yet started and waits for the ones in flight. */
wf_err wf_engine_run(struct wf_plan *p, const struct wf_backend *b, const struct wf_engine_opts *o);

/* Each service's state as the SCM says it now: NOT_INSTALLED when it is
 * gone, UNKNOWN when the query failed (a control is then sent, and "already
 * there" counts as success). */
void wf_engine_states_now(const struct wf_plan *p, const struct wf_backend *b, enum wf_state *now);

/* Put every service of the plan back in its state before the run (running or
 * stopped), best effort, in graph order. Returns WF_OK when all are back. */
wf_err wf_engine_restore(struct wf_plan *p, const struct wf_backend *b, const struct wf_engine_opts *o);

/* Fill each service's `after` status (not_installed when it is gone). */
void wf_engine_query_after(struct wf_plan *p, const struct wf_backend *b);

#endif

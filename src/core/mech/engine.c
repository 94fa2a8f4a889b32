/* SPDX-License-Identifier: MIT */
/* engine.c - runs a plan's steps, event driven and in parallel.
 *
 * Waiting follows Microsoft's rules for service transitions: a service that
 * advances dwCheckPoint (or changes state) shows progress and is waited for;
 * one that shows none within its wait hint is stalled. --timeout caps every
 * transition. The backend's wait returns when a watched service changes state
 * (NotifyServiceStatusChange on Windows) or at the next deadline, so no time
 * is spent sleeping in fixed slices. */
#include "wufix/mech/engine.h"

#include "wufix/base/prose.h"
#include "wufix/mech/aside.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RETRY_FIRST_MS   100u
#define RETRY_MAX_MS     2000u
#define POLL_MIN_MS      50u
#define POLL_MAX_MS      1000u
#define QUERY_ERRORS_MAX 3u

struct run {
    struct wf_plan *p;
    const struct wf_backend *b;
    const struct wf_engine_opts *o;
    uint64_t t0;
    wf_err first;
    bool failed;
};

static uint64_t now(const struct run *r)
{
    return r->b->ops->now_ms(r->b->self);
}

static enum wf_state target_of(const struct wf_step *s)
{
    return s->kind == WF_STEP_STOP ? WF_STATE_STOPPED : WF_STATE_RUNNING;
}

static const char *name_of(const struct run *r, const struct wf_step *s)
{
    return r->p->svc[s->svc].name;
}

static uint64_t stall_ms(const struct wf_step *s)
{
    return s->wait_hint_ms > WF_MIN_STALL_MS ? s->wait_hint_ms : WF_MIN_STALL_MS;
}

static void finish_note(struct run *r, size_t k, wf_err e, uint32_t code, enum wf_state stuck, bool stalled,
                        const char *note)
{
    struct wf_step *s = &r->p->step[k];
    s->st = e == WF_OK ? WF_STEP_DONE : WF_STEP_FAILED;
    s->t_end = now(r);
    struct wf_action a = {
        .svc = s->svc,
        .kind = s->kind,
        .rollback = r->o->rollback,
        .noop = s->noop,
        .err = e,
        .syscode = code,
        .stuck = stuck,
        .stalled = stalled,
        .forced = s->forced,
        .ms = s->t_end - s->t_begin,
    };
    if (note)
        wf_strlcpy(a.note, note, sizeof(a.note));
    else if (e == WF_E_TIMEOUT && s->kind == WF_STEP_STOP && r->o->host)
        wf_aside_holders(r->o->host, NULL, name_of(r, s), a.note, sizeof(a.note));
    wf_plan_record(r->p, &a);
    if (e != WF_OK && !r->failed) {
        r->failed = true;
        r->first = e;
    }
    const struct wf_engine_events *ev = r->o->events;
    if (ev && ev->step_end)
        ev->step_end(ev->ctx, r->p, k, &a);
}

static void finish(struct run *r, size_t k, wf_err e, uint32_t code, enum wf_state stuck, bool stalled)
{
    finish_note(r, k, e, code, stuck, stalled, NULL);
}

#define FORCE_GRACE_MS 5000u

/* --force on a stop that ran out of time: end the service's process, but
 * only when that process hosts no other service (a shared svchost never).
 * True when the process was ended and the step waits on. */
static bool force_stop(struct run *r, size_t k, const struct wf_svc_status *q)
{
    struct wf_step *s = &r->p->step[k];
    struct wf_dependent in[8];
    size_t n = 0;
    char note[256] = "";
    if (!r->o->force || s->kind != WF_STEP_STOP || s->forced || q->state != WF_STATE_STOP_PENDING ||
        q->pid == 0)
        return false;
    wf_err e = r->b->ops->process_services(r->b->self, q->pid, in, 8, &n);
    if (e == WF_OK && n == 1 && wf_name_cmp(in[0].name, name_of(r, s)) == 0) {
        e = r->b->ops->terminate(r->b->self, name_of(r, s), q->pid);
        if (e == WF_E_GONE) {
            /* Between the look and the kill the process became another one's: never ended. */
            snprintf(note, sizeof(note), WF_M(M_NOT_ENDED_PROCESS_U_IS), (unsigned)q->pid);
            finish_note(r, k, WF_E_TIMEOUT, 0, q->state, false, note);
            return true;
        }
        if (e == WF_OK) {
            s->forced = true;
            s->deadline = now(r) + FORCE_GRACE_MS;
            s->last_progress = now(r);
            return true;
        }
        finish(r, k, e, r->b->ops->last_syscode(r->b->self), q->state, false);
        return true;
    }
    if (e == WF_OK || e == WF_E_LIMIT) {
        size_t used =
            (size_t)snprintf(note, sizeof(note), WF_M(M_NOT_ENDED_PROCESS_U_ALSO), (unsigned)q->pid);
        for (size_t i = 0; i < n && i < 8 && used < sizeof(note); i++)
            if (wf_name_cmp(in[i].name, name_of(r, s)) != 0)
                used += (size_t)snprintf(note + used, sizeof(note) - used, " %s", in[i].name);
    }
    finish_note(r, k, WF_E_TIMEOUT, 0, q->state, false, note[0] ? note : NULL);
    return true;
}

static void send(struct run *r, size_t k)
{
    struct wf_step *s = &r->p->step[k];
    const struct wf_backend *b = r->b;
    wf_err e = s->kind == WF_STEP_STOP ? b->ops->stop(b->self, name_of(r, s))
                                       : b->ops->start(b->self, name_of(r, s));
    uint32_t code = e == WF_OK ? 0 : b->ops->last_syscode(b->self);
    uint64_t t = now(r);
    switch (e) {
    case WF_OK:
    case WF_E_NOT_ACTIVE:      /* stop of a stopped service: success */
    case WF_E_ALREADY_RUNNING: /* start of a running service: success */
        s->st = WF_STEP_ACTIVE;
        s->resend = false;
        s->last_progress = t;
        return;
    case WF_E_CANNOT_ACCEPT: /* pending: wait until it settles, then send again */
        s->st = WF_STEP_ACTIVE;
        s->resend = true;
        s->last_progress = t;
        return;
    case WF_E_DB_LOCKED:       /* retry with backoff while the deadline allows */
    case WF_E_REQUEST_TIMEOUT: /* the SCM was busy for 30 s: one more try */
        if (e == WF_E_REQUEST_TIMEOUT && s->tries >= 1)
            break;
        if (s->tries < 5) {
            uint32_t delay = RETRY_FIRST_MS << s->tries;
            s->tries++;
            s->retry_at = t + (delay < RETRY_MAX_MS ? delay : RETRY_MAX_MS);
            if (s->retry_at <= s->deadline) {
                s->st = WF_STEP_RETRY;
                return;
            }
        }
        break;
    default: break;
    }
    finish(r, k, e, code, s->last_state, false);
}

static void launch(struct run *r, size_t k)
{
    struct wf_step *s = &r->p->step[k];
    struct wf_svc_status q;
    uint64_t t = now(r);
    s->t_begin = t;
    s->deadline = t + (r->o->timeout_ms ? r->o->timeout_ms : 30000u);
    s->last_progress = t;
    wf_err e = r->b->ops->query(r->b->self, name_of(r, s), &q);
    if (e != WF_OK) {
        finish(r, k, e, r->b->ops->last_syscode(r->b->self), WF_STATE_UNKNOWN, false);
        return;
    }
    s->last_state = q.state;
    s->last_checkpoint = q.checkpoint;
    s->wait_hint_ms = q.wait_hint_ms;
    if (q.state == target_of(s)) {
        s->noop = true;
        finish(r, k, WF_OK, 0, q.state, false);
        return;
    }
    /* Already on its way there: just wait. */
    if ((s->kind == WF_STEP_STOP && q.state == WF_STATE_STOP_PENDING) ||
        (s->kind == WF_STEP_START && q.state == WF_STATE_START_PENDING)) {
        s->st = WF_STEP_ACTIVE;
        return;
    }
    /* Moving the other way: let that transition end, then send. */
    if (wf_state_is_pending(q.state)) {
        s->st = WF_STEP_ACTIVE;
        s->resend = true;
        return;
    }
    if (s->kind == WF_STEP_STOP && q.state == WF_STATE_RUNNING && !q.accepts_stop) {
        finish(r, k, WF_E_NOT_STOPPABLE, 0, q.state, false);
        return;
    }
    send(r, k);
}

static void poll(struct run *r, size_t k)
{
    struct wf_step *s = &r->p->step[k];
    struct wf_svc_status q;
    wf_err e = r->b->ops->query(r->b->self, name_of(r, s), &q);
    uint64_t t = now(r);
    if (e != WF_OK) {
        /* The control was accepted and the service is moving: one failed
         * query does not abandon it; a persistent failure, or the deadline, does. */
        if (++s->query_errors >= QUERY_ERRORS_MAX || t >= s->deadline)
            finish(r, k, e, r->b->ops->last_syscode(r->b->self), s->last_state, false);
        return;
    }
    s->query_errors = 0;
    if (q.state != s->last_state || q.checkpoint != s->last_checkpoint) {
        s->last_progress = t;
        s->last_state = q.state;
        s->last_checkpoint = q.checkpoint;
    }
    s->wait_hint_ms = q.wait_hint_ms;
    if (s->resend) {
        if (q.state == target_of(s)) {
            finish(r, k, WF_OK, 0, q.state, false);
            return;
        }
        if (!wf_state_is_pending(q.state)) {
            send(r, k);
            return;
        }
    } else if (q.state == target_of(s)) {
        finish(r, k, WF_OK, 0, q.state, false);
        return;
    } else if (s->kind == WF_STEP_START && q.state == WF_STATE_STOPPED) {
        /* It stopped instead of running: its exit code says why. */
        finish(r, k, WF_E_START_FAILED, q.exit_code, q.state, false);
        return;
    }
    bool out_of_time = t >= s->deadline, stalled = !out_of_time && t - s->last_progress >= stall_ms(s);
    if ((out_of_time || stalled) && force_stop(r, k, &q))
        return;
    if (out_of_time || stalled)
        finish(r, k, WF_E_TIMEOUT, 0, q.state, stalled);
}

static bool finished(enum wf_step_state st, bool best_effort)
{
    return st == WF_STEP_DONE || (best_effort && (st == WF_STEP_FAILED || st == WF_STEP_CANCELLED));
}

/* Start every step whose predecessors are finished; true if any was started. */
static bool launch_ready(struct run *r)
{
    struct wf_plan *p = r->p;
    bool any = false;
    for (size_t k = 0; k < p->nstep; k++) {
        struct wf_step *s = &p->step[k];
        if (s->st != WF_STEP_WAITING)
            continue;
        if (r->failed && !r->o->best_effort) {
            s->st = WF_STEP_CANCELLED;
            continue;
        }
        bool ready = true;
        for (size_t j = 0; j < p->nstep && ready; j++)
            if ((s->preds & (1ull << j)) && !finished(p->step[j].st, r->o->best_effort))
                ready = false;
        if (ready) {
            launch(r, k);
            any = true;
        }
    }
    return any;
}

wf_err wf_engine_run(struct wf_plan *p, const struct wf_backend *b, const struct wf_engine_opts *o)
{
    struct run r = {.p = p, .b = b, .o = o, .first = WF_OK};
    const struct wf_engine_events *ev = o->events;
    r.t0 = now(&r);
    for (size_t k = 0; k < p->nstep; k++) {
        struct wf_step *s = &p->step[k];
        s->st = WF_STEP_WAITING;
        s->resend = s->noop = s->forced = false;
        s->tries = s->query_errors = 0;
    }
    uint64_t next_tick = r.t0 + (ev ? ev->tick_ms : 0);
    for (;;) {
        while (launch_ready(&r))
            ;
        uint64_t t = now(&r), deadline = UINT64_MAX;
        uint32_t poll_ms = POLL_MAX_MS;
        size_t open = 0;
        for (size_t k = 0; k < p->nstep; k++) {
            struct wf_step *s = &p->step[k];
            if (s->st == WF_STEP_RETRY) {
                open++;
                if (s->retry_at < deadline)
                    deadline = s->retry_at;
            }
            if (s->st != WF_STEP_ACTIVE)
                continue;
            open++;
            uint64_t stall = s->last_progress + stall_ms(s);
            if (s->deadline < deadline)
                deadline = s->deadline;
            if (stall < deadline)
                deadline = stall;
            uint32_t hint_poll = s->wait_hint_ms / 10;
            if (hint_poll < poll_ms)
                poll_ms = hint_poll;
            b->ops->watch(b->self, p->svc[s->svc].name, s->last_state);
        }
        if (open == 0) {
            /* Nothing in flight can make a waiting step ready any more. */
            for (size_t k = 0; k < p->nstep; k++)
                if (p->step[k].st == WF_STEP_WAITING)
                    p->step[k].st = WF_STEP_CANCELLED;
            break;
        }
        if (ev && ev->tick_ms && next_tick < deadline)
            deadline = next_tick;
        if (poll_ms < POLL_MIN_MS)
            poll_ms = POLL_MIN_MS;
        if (deadline < t)
            deadline = t;
        wf_err we = b->ops->wait(b->self, deadline, poll_ms);
        if (we != WF_OK && !r.failed) {
            r.failed = true;
            r.first = we;
        }
        t = now(&r);
        for (size_t k = 0; k < p->nstep; k++) {
            struct wf_step *s = &p->step[k];
            if (s->st == WF_STEP_ACTIVE)
                poll(&r, k);
            else if (s->st == WF_STEP_RETRY && s->retry_at <= t)
                send(&r, k);
        }
        if (ev && ev->tick_ms && t >= next_tick) {
            if (ev->tick)
                ev->tick(ev->ctx, p, t - r.t0);
            next_tick = t + ev->tick_ms;
        }
    }
    b->ops->unwatch_all(b->self);
    return r.first;
}

static enum wf_state settled(enum wf_state s)
{
    switch (s) {
    case WF_STATE_STOPPED:
    case WF_STATE_STOP_PENDING: return WF_STATE_STOPPED;
    case WF_STATE_RUNNING:
    case WF_STATE_START_PENDING:
    case WF_STATE_CONTINUE_PENDING:
    case WF_STATE_PAUSE_PENDING:
    case WF_STATE_PAUSED: return WF_STATE_RUNNING;
    default: return WF_STATE_UNKNOWN;
    }
}

static bool timed_out(const struct wf_plan *p, size_t svc)
{
    for (size_t i = 0; i < p->naction; i++)
        if (p->action[i].svc == svc && p->action[i].err == WF_E_TIMEOUT)
            return true;
    return false;
}

void wf_engine_states_now(const struct wf_plan *p, const struct wf_backend *b, enum wf_state *now)
{
    for (size_t i = 0; i < p->nsvc; i++) {
        struct wf_svc_status q;
        wf_err e = b->ops->query(b->self, p->svc[i].name, &q);
        now[i] = e == WF_OK ? q.state : e == WF_E_NO_SERVICE ? WF_STATE_NOT_INSTALLED : WF_STATE_UNKNOWN;
    }
}

wf_err wf_engine_restore(struct wf_plan *p, const struct wf_backend *b, const struct wf_engine_opts *o)
{
    enum wf_state cur[WF_PLAN_MAX] = {WF_STATE_UNKNOWN}, want[WF_PLAN_MAX];
    wf_engine_states_now(p, b, cur);
    for (size_t i = 0; i < p->nsvc; i++) {
        want[i] = p->svc[i].installed ? settled(p->svc[i].before.state) : WF_STATE_UNKNOWN;
        /* Stuck (it timed out) in a transition away from where it was:
         * another control would only wait out the same timeout again. Any
         * other pending service is waited for, then put back. */
        if (wf_state_is_pending(cur[i]) && settled(cur[i]) != want[i] && want[i] != WF_STATE_UNKNOWN &&
            timed_out(p, i)) {
            struct wf_action a = {.svc = i,
                                  .rollback = true,
                                  .left_alone = true,
                                  .err = WF_E_TIMEOUT,
                                  .stuck = cur[i],
                                  .kind = want[i] == WF_STATE_RUNNING ? WF_STEP_START : WF_STEP_STOP};
            wf_plan_record(p, &a);
            if (o->events && o->events->step_end)
                o->events->step_end(o->events->ctx, p, SIZE_MAX, &a);
            want[i] = WF_STATE_UNKNOWN;
        }
    }
    wf_err e = wf_plan_build_towards(p, cur, want);
    if (e != WF_OK)
        return e;
    struct wf_engine_opts ro = *o;
    ro.best_effort = true;
    ro.rollback = true;
    e = wf_engine_run(p, b, &ro);
    for (size_t i = 0; i < p->naction && e == WF_OK; i++)
        if (p->action[i].left_alone)
            e = WF_E_TIMEOUT;
    return e;
}

void wf_engine_query_after(struct wf_plan *p, const struct wf_backend *b)
{
    for (size_t i = 0; i < p->nsvc; i++) {
        struct wf_plan_svc *s = &p->svc[i];
        memset(&s->after, 0, sizeof(s->after));
        wf_err e = b->ops->query(b->self, s->name, &s->after);
        if (e == WF_E_NO_SERVICE)
            s->after.state = WF_STATE_NOT_INSTALLED;
        else if (e != WF_OK)
            s->after.state = WF_STATE_UNKNOWN;
        /* The start type as the SCM has it now: repair may have changed it. */
        s->after_start = s->cfg.start_type;
        if (e == WF_OK && s->installed) {
            struct wf_svc_config *now = calloc(1, sizeof(*now));
            if (now && b->ops->config(b->self, s->name, now) == WF_OK)
                s->after_start = now->start_type;
            free(now);
        }
    }
}

/* SPDX-License-Identifier: MIT */
/* contract.c - what every wf_backend must do, as the SCM does it. */
#include "contract.h"

#include <stdio.h>
#include <string.h>

#define CHECK(r, cond)                                                                                       \
    do {                                                                                                     \
        (r)->checks++;                                                                                       \
        if (!(cond) && (r)->failures++ == 0)                                                                 \
            snprintf((r)->first, sizeof((r)->first), "%s:%d: %s", __FILE__, __LINE__, #cond);                \
    } while (0)

#define SETTLE_MS 15000u

/* Wait with watch/wait until `name` is in `target`; returns the state seen
 * last and counts the pending states passed through. */
static enum wf_state settle(const struct ct_env *env, const char *name, enum wf_state target,
                            unsigned *pending_seen, unsigned *wakes)
{
    const struct wf_backend *b = &env->b;
    uint64_t deadline = b->ops->now_ms(b->self) + SETTLE_MS;
    struct wf_svc_status st = {0};
    for (;;) {
        if (b->ops->query(b->self, name, &st) != WF_OK)
            break;
        if (wf_state_is_pending(st.state) && pending_seen)
            (*pending_seen)++;
        if (st.state == target || b->ops->now_ms(b->self) >= deadline)
            break;
        b->ops->watch(b->self, name, st.state);
        b->ops->wait(b->self, deadline, 100);
        if (wakes)
            (*wakes)++;
    }
    b->ops->unwatch_all(b->self);
    return st.state;
}

/* Put the slow service into `target` before a case. */
static void given(const struct ct_env *env, enum wf_state target)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    if (b->ops->query(b->self, env->slow, &st) == WF_OK && st.state == target)
        return;
    if (target == WF_STATE_RUNNING)
        b->ops->start(b->self, env->slow);
    else
        b->ops->stop(b->self, env->slow);
    settle(env, env->slow, target, NULL, NULL);
}

static void ct_query_missing(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    struct wf_svc_config cfg;
    CHECK(r, b->ops->query(b->self, env->missing, &st) == WF_E_NO_SERVICE);
    CHECK(r, b->ops->last_syscode(b->self) == 1060);
    CHECK(r, b->ops->config(b->self, env->missing, &cfg) == WF_E_NO_SERVICE);
    CHECK(r, b->ops->start(b->self, env->missing) == WF_E_NO_SERVICE);
    CHECK(r, b->ops->stop(b->self, env->missing) == WF_E_NO_SERVICE);
}

static void ct_config_reads(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_config cfg;
    CHECK(r, b->ops->config(b->self, env->slow, &cfg) == WF_OK);
    CHECK(r, cfg.start_type == WF_START_MANUAL);
    CHECK(r, strcmp(cfg.display_name, env->slow_display) == 0);
    CHECK(r, cfg.image_path[0] != '\0');
    CHECK(r, b->ops->config(b->self, env->disabled, &cfg) == WF_OK);
    CHECK(r, cfg.start_type == WF_START_DISABLED);
}

static void ct_start_reaches_running_through_pending(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    unsigned pending = 0;
    given(env, WF_STATE_STOPPED);
    CHECK(r, b->ops->start(b->self, env->slow) == WF_OK);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    CHECK(r, st.state == WF_STATE_START_PENDING);
    CHECK(r, settle(env, env->slow, WF_STATE_RUNNING, &pending, NULL) == WF_STATE_RUNNING);
    CHECK(r, pending >= 1);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    CHECK(r, st.pid != 0);
    CHECK(r, st.accepts_stop);
}

static void ct_start_of_running_is_1056(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    given(env, WF_STATE_RUNNING);
    CHECK(r, b->ops->start(b->self, env->slow) == WF_E_ALREADY_RUNNING);
    CHECK(r, b->ops->last_syscode(b->self) == 1056);
}

static void ct_stop_reaches_stopped_and_wait_ends_on_change(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    unsigned pending = 0, wakes = 0;
    given(env, WF_STATE_RUNNING);
    uint64_t t0 = b->ops->now_ms(b->self);
    CHECK(r, b->ops->stop(b->self, env->slow) == WF_OK);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    /* The service, not the SCM, reports STOP_PENDING: for a moment after
     * ControlService returns it may still read RUNNING. */
    CHECK(r, st.state == WF_STATE_STOP_PENDING || st.state == WF_STATE_RUNNING);
    CHECK(r, settle(env, env->slow, WF_STATE_STOPPED, &pending, &wakes) == WF_STATE_STOPPED);
    CHECK(r, pending >= 1 || st.state == WF_STATE_STOP_PENDING);
    uint64_t took = b->ops->now_ms(b->self) - t0;
    /* The wait ended on the change, long before its 15 s deadline, and
     * without spinning. */
    CHECK(r, took < 5000);
    CHECK(r, wakes >= 1 && wakes <= 60);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    CHECK(r, st.pid == 0);
}

static void ct_stop_of_stopped_is_1062(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    given(env, WF_STATE_STOPPED);
    CHECK(r, b->ops->stop(b->self, env->slow) == WF_E_NOT_ACTIVE);
    CHECK(r, b->ops->last_syscode(b->self) == 1062);
}

static void ct_disabled_refuses_to_start(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    CHECK(r, b->ops->start(b->self, env->disabled) == WF_E_DISABLED);
    CHECK(r, b->ops->last_syscode(b->self) == 1058);
    CHECK(r, b->ops->query(b->self, env->disabled, &st) == WF_OK);
    CHECK(r, st.state == WF_STATE_STOPPED);
}

static void ct_wait_returns_at_deadline_without_watches(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    uint64_t t0 = b->ops->now_ms(b->self);
    CHECK(r, b->ops->wait(b->self, t0 + 200, 50) == WF_OK);
    uint64_t t1 = b->ops->now_ms(b->self);
    CHECK(r, t1 >= t0);
    CHECK(r, t1 - t0 <= 1000);
    char name[WF_TEXT_MAX] = "";
    b->ops->computer(b->self, name, sizeof(name));
    CHECK(r, name[0] != '\0');
}

const struct ct_case ct_cases[] = {
    {"query_missing", ct_query_missing},
    {"config_reads", ct_config_reads},
    {"start_reaches_running_through_pending", ct_start_reaches_running_through_pending},
    {"start_of_running_is_1056", ct_start_of_running_is_1056},
    {"stop_reaches_stopped_and_wait_ends_on_change", ct_stop_reaches_stopped_and_wait_ends_on_change},
    {"stop_of_stopped_is_1062", ct_stop_of_stopped_is_1062},
    {"disabled_refuses_to_start", ct_disabled_refuses_to_start},
    {"wait_returns_at_deadline_without_watches", ct_wait_returns_at_deadline_without_watches},
};
const size_t ct_ncases = sizeof(ct_cases) / sizeof(ct_cases[0]);

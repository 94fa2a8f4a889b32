/* SPDX-License-Identifier: MIT */
/* test_mutants_engine.c - the engine's promises a small change to engine.c
 * would break unnoticed otherwise (tests/mutation): --force never ends a
 * process another service shares, whatever order Windows lists them in, nor
 * one twice, nor for a start; rollback waits for a service caught moving
 * when nothing timed out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/engine.h"

/* The fake, with what process_services answers and terminate does scripted. */
static struct {
    struct fake_scm f;
    struct wf_backend_ops ops;
    struct wf_backend b;
    const char *listed[4]; /* what the process hosts, in Windows' order */
    size_t nlisted;
    unsigned terminations;
    bool terminate_leaves_it_pending;                  /* the process ends, the SCM does not see it yet */
    unsigned queries, fail_queries_from, fail_queries; /* queries from the Nth fail, this many */
} w;

static wf_err w_query(void *self, const char *name, struct wf_svc_status *out)
{
    struct wf_backend inner = fake_scm_backend(&w.f);
    w.queries++;
    if (w.fail_queries_from && w.queries >= w.fail_queries_from &&
        w.queries < w.fail_queries_from + w.fail_queries)
        return WF_E_SYSTEM;
    return inner.ops->query(self, name, out);
}

static wf_err w_process_services(void *self, uint32_t pid, struct wf_dependent *out, size_t cap, size_t *n)
{
    (void)self;
    (void)pid;
    *n = 0;
    for (size_t i = 0; i < w.nlisted && i < cap; i++) {
        wf_strlcpy(out[i].name, w.listed[i], sizeof(out[i].name));
        out[i].state = WF_STATE_STOP_PENDING;
        (*n)++;
    }
    return WF_OK;
}

static wf_err w_terminate(void *self, const char *name, uint32_t pid)
{
    w.terminations++;
    if (w.terminate_leaves_it_pending)
        return WF_OK;
    struct wf_backend inner = fake_scm_backend(&w.f);
    return inner.ops->terminate(self, name, pid);
}

static int setup(void **state)
{
    (void)state;
    memset(&w, 0, sizeof(w));
    fake_scm_init(&w.f);
    struct wf_backend inner = fake_scm_backend(&w.f);
    w.ops = *inner.ops;
    w.ops.process_services = w_process_services;
    w.ops.terminate = w_terminate;
    w.ops.query = w_query;
    w.b.ops = &w.ops;
    w.b.self = inner.self;
    return 0;
}

static struct wf_plan *plan_of(enum wf_op op, const char *name)
{
    struct wf_plan *p = wf_plan_new(op);
    assert_int_equal(wf_plan_add(p, name, true, NULL), WF_OK);
    assert_int_equal(wf_plan_gather(p, &w.b), WF_OK);
    assert_int_equal(wf_plan_build(p), WF_OK);
    return p;
}

static struct fake_svc *stuck_stopping(const char *name)
{
    struct fake_svc *s = fake_scm_add(&w.f, name, WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    s->hang_stop = true;
    s->hint_ms = 60000;
    return s;
}

static wf_err run_forced(struct wf_plan *p)
{
    struct wf_engine_opts o = {.timeout_ms = 2000, .force = true};
    return wf_engine_run(p, &w.b, &o);
}

/* The stuck service listed first, another after it: never ended (the
 * `n == 1` of force_stop), and the other is named. */
static void test_force_shared_process_listed_first(void **state)
{
    (void)state;
    struct fake_svc *s = stuck_stopping("Svc");
    w.listed[0] = "Svc";
    w.listed[1] = "Other";
    w.nlisted = 2;
    struct wf_plan *p = plan_of(WF_OP_STOP, "Svc");
    assert_int_equal(run_forced(p), WF_E_TIMEOUT);
    assert_int_equal(w.terminations, 0);
    assert_int_equal(s->state, WF_STATE_STOP_PENDING);
    assert_int_equal(p->naction, 1);
    assert_false(p->action[0].forced);
    assert_non_null(strstr(p->action[0].note, "also hosts Other"));
    wf_plan_free(p);
}

/* The same, through a whole command on Windows' services with one shared
 * svchost where the stuck wuauserv is the first service Windows lists. */
static void test_force_shared_svchost_stuck_service_first(void **state)
{
    struct fake_cli *x = *state;
    /* Put wuauserv first in the fake's (Windows') order. */
    size_t at = 0;
    while (strcmp(x->scm.svc[at].name, "wuauserv") != 0)
        at++;
    struct fake_svc tmp = x->scm.svc[0];
    x->scm.svc[0] = x->scm.svc[at];
    x->scm.svc[at] = tmp;
    struct fake_svc *s = fake_scm_get(&x->scm, "wuauserv");
    s->hang_stop = true;
    s->hint_ms = 60000;
    x->scm.shared_process = true;
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "wuauserv", "-t", "2", "--force"), 4);
    assert_int_equal(x->scm.terminated_pid, 0);
    assert_non_null(strstr(FAKE_ERR(x), "also hosts"));
}

/* A process that hosts one service, not the stuck one: never ended. */
static void test_force_process_of_another_service(void **state)
{
    (void)state;
    stuck_stopping("Svc");
    w.listed[0] = "Other";
    w.nlisted = 1;
    struct wf_plan *p = plan_of(WF_OP_STOP, "Svc");
    assert_int_equal(run_forced(p), WF_E_TIMEOUT);
    assert_int_equal(w.terminations, 0);
    wf_plan_free(p);
}

/* The process ended but the service still stops: ended once, never twice. */
static void test_force_ends_a_process_once(void **state)
{
    (void)state;
    struct fake_svc *s = stuck_stopping("Svc");
    w.listed[0] = "Svc";
    w.nlisted = 1;
    w.terminate_leaves_it_pending = true;
    struct wf_plan *p = plan_of(WF_OP_STOP, "Svc");
    assert_int_equal(run_forced(p), WF_E_TIMEOUT);
    assert_int_equal(w.terminations, 1);
    assert_int_equal(s->state, WF_STATE_STOP_PENDING);
    wf_plan_free(p);
}

/* A start that waits on a service someone else is stopping (and that hangs
 * there): --force is for wufix's own stops only. */
static void test_force_never_for_a_start(void **state)
{
    (void)state;
    struct fake_svc *s = stuck_stopping("Svc");
    w.listed[0] = "Svc";
    w.nlisted = 1;
    struct wf_plan *p = plan_of(WF_OP_START, "Svc");
    assert_int_equal(w.b.ops->stop(w.b.self, "Svc"), WF_OK); /* another program's stop */
    assert_int_equal(s->state, WF_STATE_STOP_PENDING);
    assert_int_equal(run_forced(p), WF_E_TIMEOUT);
    assert_int_equal(w.terminations, 0);
    wf_plan_free(p);
}

/* Rollback when nothing timed out: a service caught stopping (another
 * program's stop) is waited for and put back, never left alone. */
static void test_restore_waits_for_a_pending_service_when_nothing_timed_out(void **state)
{
    (void)state;
    struct fake_svc *s = fake_scm_add(&w.f, "Svc", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    s->stop_ms = 1500;
    struct wf_plan *p = plan_of(WF_OP_RESTART, "Svc");
    assert_int_equal(w.b.ops->stop(w.b.self, "Svc"), WF_OK);
    assert_int_equal(s->state, WF_STATE_STOP_PENDING);
    struct wf_engine_opts o = {.timeout_ms = 30000};
    assert_int_equal(wf_engine_restore(p, &w.b, &o), WF_OK);
    assert_int_equal(s->state, WF_STATE_RUNNING);
    for (size_t i = 0; i < p->naction; i++)
        assert_false(p->action[i].left_alone);
    wf_plan_free(p);
}

/* A service stuck stopping after it timed out is left alone, and the
 * restore says so (it is not back). */
static void test_restore_left_alone_is_a_failure(void **state)
{
    (void)state;
    struct fake_svc *s = stuck_stopping("Svc");
    struct wf_plan *p = plan_of(WF_OP_RESTART, "Svc");
    struct wf_engine_opts o = {.timeout_ms = 2000};
    assert_int_equal(wf_engine_run(p, &w.b, &o), WF_E_TIMEOUT);
    assert_int_equal(s->state, WF_STATE_STOP_PENDING);
    size_t stops = fake_scm_log_count(&w.f, "stop");
    assert_int_equal(wf_engine_restore(p, &w.b, &o), WF_E_TIMEOUT);
    assert_int_equal(fake_scm_log_count(&w.f, "stop"), stops);
    assert_int_equal(fake_scm_log_count(&w.f, "start"), 0);
    bool left = false;
    for (size_t i = 0; i < p->naction; i++)
        left |= p->action[i].left_alone && p->action[i].kind == WF_STEP_START;
    assert_true(left);
    wf_plan_free(p);
}

/* A service that was stopping when wufix looked is put back stopped. */
static void test_restore_stop_pending_before_means_stopped(void **state)
{
    (void)state;
    struct fake_svc *s = fake_scm_add(&w.f, "Svc", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    s->stop_ms = 500;
    assert_int_equal(w.b.ops->stop(w.b.self, "Svc"), WF_OK);
    struct wf_plan *p = plan_of(WF_OP_START, "Svc"); /* `before` is STOP_PENDING */
    assert_int_equal(p->svc[0].before.state, WF_STATE_STOP_PENDING);
    w.f.now += 1000; /* it stopped; then someone started it */
    assert_int_equal(w.b.ops->query(w.b.self, "Svc", &(struct wf_svc_status){0}), WF_OK);
    assert_int_equal(w.b.ops->start(w.b.self, "Svc"), WF_OK);
    w.f.now += 1000;
    struct wf_engine_opts o = {.timeout_ms = 30000};
    assert_int_equal(wf_engine_restore(p, &w.b, &o), WF_OK);
    assert_int_equal(s->state, WF_STATE_STOPPED);
    wf_plan_free(p);
}

/* The default per-transition cap is 30 s: a start taking 20 s succeeds
 * with no --timeout given. */
static void test_default_timeout_is_30_seconds(void **state)
{
    (void)state;
    struct fake_svc *s = fake_scm_add(&w.f, "Svc", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    s->start_ms = 20000;
    s->hint_ms = 30000;
    struct wf_plan *p = plan_of(WF_OP_START, "Svc");
    struct wf_engine_opts o = {0};
    assert_int_equal(wf_engine_run(p, &w.b, &o), WF_OK);
    assert_int_equal(s->state, WF_STATE_RUNNING);
    wf_plan_free(p);
}

/* The database locked (1055): tried again with backoff (100, 200, 400 ms)
 * while the next try is within the deadline, then failed at once. */
static void test_retries_stay_within_the_deadline(void **state)
{
    (void)state;
    fake_scm_add(&w.f, "Svc", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    struct wf_plan *p = plan_of(WF_OP_START, "Svc");
    fake_scm_script(&w.f, "start", "Svc", 1055, 10);
    uint64_t t0 = w.f.now;
    struct wf_engine_opts o = {.timeout_ms = 1000};
    assert_int_equal(wf_engine_run(p, &w.b, &o), WF_E_DB_LOCKED);
    assert_int_equal(fake_scm_log_count(&w.f, "start"), 4);
    assert_true(w.f.now - t0 <= 1000);
    wf_plan_free(p);
}

/* One failed query while a service moves does not abandon it; three in a row do. */
static void test_one_failed_query_is_not_the_end(void **state)
{
    (void)state;
    fake_scm_add(&w.f, "Svc", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    struct wf_plan *p = plan_of(WF_OP_START, "Svc");
    w.queries = 0;
    w.fail_queries_from = 2; /* the first query while it starts */
    w.fail_queries = 2;
    struct wf_engine_opts o = {.timeout_ms = 30000};
    assert_int_equal(wf_engine_run(p, &w.b, &o), WF_OK);
    assert_int_equal(fake_scm_get(&w.f, "Svc")->state, WF_STATE_RUNNING);
    wf_plan_free(p);
    fake_scm_get(&w.f, "Svc")->state = WF_STATE_STOPPED;
    p = plan_of(WF_OP_START, "Svc");
    w.queries = 0;
    w.fail_queries = 3;
    assert_int_equal(wf_engine_run(p, &w.b, &o), WF_E_SYSTEM);
    wf_plan_free(p);
}

/* A service already stopping is waited for, never sent a stop of its own:
 * when it ends up running instead, the step runs out of time. */
static void test_already_stopping_is_waited_for_not_sent_a_stop(void **state)
{
    (void)state;
    struct fake_svc *s = fake_scm_add(&w.f, "Svc", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    struct wf_plan *p = plan_of(WF_OP_STOP, "Svc");
    s->state = WF_STATE_STOP_PENDING; /* another program's stop, which the service refuses */
    s->final = WF_STATE_RUNNING;
    s->t_done = w.f.now + 500;
    struct wf_engine_opts o = {.timeout_ms = 3000};
    assert_int_equal(wf_engine_run(p, &w.b, &o), WF_E_TIMEOUT);
    assert_int_equal(fake_scm_log_count(&w.f, "stop"), 0);
    assert_int_equal(s->state, WF_STATE_RUNNING);
    wf_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_force_shared_process_listed_first, setup),
        cmocka_unit_test_setup_teardown(test_force_shared_svchost_stuck_service_first, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup(test_force_process_of_another_service, setup),
        cmocka_unit_test_setup(test_force_ends_a_process_once, setup),
        cmocka_unit_test_setup(test_force_never_for_a_start, setup),
        cmocka_unit_test_setup(test_restore_waits_for_a_pending_service_when_nothing_timed_out, setup),
        cmocka_unit_test_setup(test_restore_left_alone_is_a_failure, setup),
        cmocka_unit_test_setup(test_restore_stop_pending_before_means_stopped, setup),
        cmocka_unit_test_setup(test_default_timeout_is_30_seconds, setup),
        cmocka_unit_test_setup(test_retries_stay_within_the_deadline, setup),
        cmocka_unit_test_setup(test_one_failed_query_is_not_the_end, setup),
        cmocka_unit_test_setup(test_already_stopping_is_waited_for_not_sent_a_stop, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

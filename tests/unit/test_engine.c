/* SPDX-License-Identifier: MIT */
/* test_engine.c - the wait state machine and the parallel executor on the fake's
 * virtual clock: check points, stalls, timeouts, error meanings, parallelism. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/engine.h"

struct fixture {
    struct fake_scm f;
    struct wf_backend b;
    struct wf_plan *p;
    uint64_t t0;
};

static struct fixture *fx_new(void)
{
    struct fixture *x = test_calloc(1, sizeof(*x));
    fake_scm_init(&x->f);
    x->b = fake_scm_backend(&x->f);
    return x;
}

static void fx_plan(struct fixture *x, enum wf_op op, const char *const *names)
{
    x->p = wf_plan_new(op);
    for (; *names; names++)
        assert_int_equal(wf_plan_add(x->p, *names, true, NULL), WF_OK);
    assert_int_equal(wf_plan_gather(x->p, &x->b), WF_OK);
    assert_int_equal(wf_plan_build(x->p), WF_OK);
    x->t0 = x->f.now;
}

static wf_err fx_run(struct fixture *x, uint32_t timeout_ms)
{
    struct wf_engine_opts o = {.timeout_ms = timeout_ms};
    return wf_engine_run(x->p, &x->b, &o);
}

static void fx_free(struct fixture *x)
{
    wf_plan_free(x->p);
    test_free(x);
}

static const struct wf_action *action_of(const struct wf_plan *p, enum wf_step_kind k, const char *name)
{
    for (size_t i = 0; i < p->naction; i++)
        if (p->action[i].kind == k && wf_name_cmp(p->svc[p->action[i].svc].name, name) == 0)
            return &p->action[i];
    return NULL;
}

static void test_engine_restart_moves_and_orders(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_windows(&x->f);
    uint32_t old = fake_scm_get(&x->f, "wuauserv")->pid;
    const char *names[] = {"wuauserv", "UsoSvc", NULL};
    fx_plan(x, WF_OP_RESTART, names);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    int su = fake_scm_log_find(&x->f, "stop UsoSvc"), sw = fake_scm_log_find(&x->f, "stop wuauserv");
    int aw = fake_scm_log_find(&x->f, "start wuauserv"), au = fake_scm_log_find(&x->f, "start UsoSvc");
    assert_true(su >= 0 && su < sw && sw < aw && aw < au);
    assert_int_equal(fake_scm_get(&x->f, "wuauserv")->state, WF_STATE_RUNNING);
    assert_int_not_equal(fake_scm_get(&x->f, "wuauserv")->pid, old);
    /* Critical path: 200 + 200 + 300 + 300 ms, no polling slack. */
    assert_int_equal(x->f.now - x->t0, 1000);
    fx_free(x);
}

static void test_engine_independent_services_move_in_parallel(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_windows(&x->f);
    fake_scm_get(&x->f, "BITS")->stop_ms = 600;
    fake_scm_get(&x->f, "CryptSvc")->stop_ms = 500;
    fake_scm_get(&x->f, "DoSvc")->stop_ms = 700;
    const char *names[] = {"BITS", "CryptSvc", "DoSvc", NULL};
    fx_plan(x, WF_OP_STOP, names);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    /* The longest, not the sum (1800 ms). */
    assert_int_equal(x->f.now - x->t0, 700);
    /* All three stop requests went out before any service had stopped. */
    assert_true(fake_scm_log_find(&x->f, "stop DoSvc") < fake_scm_log_find(&x->f, "watch BITS"));
    fx_free(x);
}

static void test_engine_checkpoint_progress_extends_the_wait(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    struct fake_svc *s = fake_scm_add(&x->f, "Slow", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    s->stop_ms = 9000; /* far beyond its 1 s hint ... */
    s->hint_ms = 1000;
    s->cp_every_ms = 500; /* ... but it keeps showing progress */
    const char *names[] = {"Slow", NULL};
    fx_plan(x, WF_OP_STOP, names);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    assert_int_equal(s->state, WF_STATE_STOPPED);
    fx_free(x);
}

static void test_engine_no_progress_within_hint_is_a_stall(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    struct fake_svc *s = fake_scm_add(&x->f, "Stuck", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    s->hang_stop = true;
    s->hint_ms = 5000;
    const char *names[] = {"Stuck", NULL};
    fx_plan(x, WF_OP_STOP, names);
    assert_int_equal(fx_run(x, 30000), WF_E_TIMEOUT);
    const struct wf_action *a = action_of(x->p, WF_STEP_STOP, "Stuck");
    assert_non_null(a);
    assert_true(a->stalled);
    assert_int_equal(a->stuck, WF_STATE_STOP_PENDING);
    assert_int_equal(x->f.now - x->t0, 5000); /* the hint, not the 30 s timeout */
    fx_free(x);
}

static void test_engine_timeout_caps_progress(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    struct fake_svc *s = fake_scm_add(&x->f, "Slow", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    s->stop_ms = 60000;
    s->hint_ms = 1000;
    s->cp_every_ms = 200;
    const char *names[] = {"Slow", NULL};
    fx_plan(x, WF_OP_STOP, names);
    assert_int_equal(fx_run(x, 3000), WF_E_TIMEOUT);
    const struct wf_action *a = action_of(x->p, WF_STEP_STOP, "Slow");
    assert_false(a->stalled);
    assert_int_equal(a->ms, 3000);
    fx_free(x);
}

static void test_engine_start_failure_carries_exit_code(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    struct fake_svc *s = fake_scm_add(&x->f, "Bad", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    s->fail_start_code = 1066;
    const char *names[] = {"Bad", NULL};
    fx_plan(x, WF_OP_START, names);
    assert_int_equal(fx_run(x, 30000), WF_E_START_FAILED);
    assert_int_equal(action_of(x->p, WF_STEP_START, "Bad")->syscode, 1066);
    fx_free(x);
}

static void test_engine_idempotent_1056_1062(void **state)
{
    (void)state;
    /* Started by someone else between our query and StartService: 1056. */
    struct fixture *x = fx_new();
    fake_scm_add(&x->f, "Up", WF_STATE_STOPPED, WF_START_MANUAL, NULL)->race = true;
    const char *names[] = {"Up", NULL};
    fx_plan(x, WF_OP_START, names);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    assert_int_equal(fake_scm_log_count(&x->f, "start Up"), 1);
    assert_int_equal(action_of(x->p, WF_STEP_START, "Up")->err, WF_OK);
    fx_free(x);

    /* Stopped by someone else between our query and ControlService: 1062. */
    x = fx_new();
    fake_scm_add(&x->f, "Down", WF_STATE_RUNNING, WF_START_MANUAL, NULL)->race = true;
    const char *n2[] = {"Down", NULL};
    fx_plan(x, WF_OP_STOP, n2);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    assert_int_equal(fake_scm_log_count(&x->f, "stop Down"), 1);
    assert_int_equal(fake_scm_get(&x->f, "Down")->state, WF_STATE_STOPPED);
    fx_free(x);
}

static void test_engine_already_in_target_sends_nothing(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_add(&x->f, "Down", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    const char *names[] = {"Down", NULL};
    fx_plan(x, WF_OP_STOP, names);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    assert_int_equal(fake_scm_log_count(&x->f, "stop "), 0);
    assert_true(action_of(x->p, WF_STEP_STOP, "Down")->noop);
    fx_free(x);
}

static void test_engine_1061_waits_then_retries(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    struct fake_svc *s = fake_scm_add(&x->f, "Busy", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    const char *names[] = {"Busy", NULL};
    fx_plan(x, WF_OP_STOP, names);
    /* It is starting when we ask it to stop. */
    s->state = WF_STATE_START_PENDING;
    s->t_change = x->f.now;
    s->t_done = x->f.now + 400;
    s->final = WF_STATE_RUNNING;
    assert_int_equal(fx_run(x, 30000), WF_OK);
    assert_int_equal(s->state, WF_STATE_STOPPED);
    /* The stop went out only once the start had finished. */
    assert_int_equal(fake_scm_log_count(&x->f, "stop Busy"), 1);
    assert_int_equal(x->f.now - x->t0, 400 + 200);
    fx_free(x);

    /* The SCM itself answers 1061 while the service is pending. */
    x = fx_new();
    s = fake_scm_add(&x->f, "Busy", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    fx_plan(x, WF_OP_STOP, names);
    fake_scm_script(&x->f, "stop", "Busy", 1061, 1);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    assert_int_equal(fake_scm_log_count(&x->f, "stop Busy"), 2);
    fx_free(x);
}

static void test_engine_1055_retries_with_backoff(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_add(&x->f, "Locked", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    const char *names[] = {"Locked", NULL};
    fx_plan(x, WF_OP_START, names);
    fake_scm_script(&x->f, "start", "Locked", 1055, 3);
    assert_int_equal(fx_run(x, 30000), WF_OK);
    assert_int_equal(fake_scm_log_count(&x->f, "start Locked"), 4);
    /* 100 + 200 + 400 ms of backoff, then the 300 ms start. */
    assert_int_equal(x->f.now - x->t0, 1000);
    fx_free(x);

    x = fx_new();
    fake_scm_add(&x->f, "Locked", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    fx_plan(x, WF_OP_START, names);
    fake_scm_script(&x->f, "start", "Locked", 1055, 100);
    assert_int_equal(fx_run(x, 30000), WF_E_DB_LOCKED);
    assert_int_equal(fake_scm_log_count(&x->f, "start Locked"), 6);
    fx_free(x);
}

static void test_engine_failure_cancels_the_rest_and_restore_puts_back(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_windows(&x->f);
    fake_scm_get(&x->f, "wuauserv")->fail_start_code = 1066;
    const char *names[] = {"wuauserv", "UsoSvc", NULL};
    fx_plan(x, WF_OP_RESTART, names);
    struct wf_engine_opts o = {.timeout_ms = 30000};
    assert_int_equal(wf_engine_run(x->p, &x->b, &o), WF_E_START_FAILED);
    /* UsoSvc's start waited for wuauserv's and was cancelled. */
    assert_int_equal(fake_scm_log_count(&x->f, "start UsoSvc"), 0);
    fake_scm_get(&x->f, "wuauserv")->fail_start_code = 0; /* it would start now */
    assert_int_equal(wf_engine_restore(x->p, &x->b, &o), WF_OK);
    assert_int_equal(fake_scm_get(&x->f, "wuauserv")->state, WF_STATE_RUNNING);
    assert_int_equal(fake_scm_get(&x->f, "UsoSvc")->state, WF_STATE_RUNNING);
    size_t rollbacks = 0;
    for (size_t i = 0; i < x->p->naction; i++)
        rollbacks += x->p->action[i].rollback;
    assert_int_equal(rollbacks, 2);
    fx_free(x);
}

/* A service whose state cannot be read at the moment of putting back is
 * still put back (a start answered "already running" would be fine too). */
static void test_engine_restore_acts_when_a_query_fails(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_windows(&x->f);
    fake_scm_get(&x->f, "wuauserv")->fail_start_code = 1066;
    const char *names[] = {"wuauserv", "UsoSvc", NULL};
    fx_plan(x, WF_OP_RESTART, names);
    struct wf_engine_opts o = {.timeout_ms = 30000};
    assert_int_equal(wf_engine_run(x->p, &x->b, &o), WF_E_START_FAILED);
    fake_scm_get(&x->f, "wuauserv")->fail_start_code = 0;
    fake_scm_script(&x->f, "query", "UsoSvc", 5, 1); /* the first look at UsoSvc is refused */
    assert_int_equal(wf_engine_restore(x->p, &x->b, &o), WF_OK);
    assert_int_equal(fake_scm_get(&x->f, "UsoSvc")->state, WF_STATE_RUNNING);
    assert_int_equal(fake_scm_get(&x->f, "wuauserv")->state, WF_STATE_RUNNING);
    fx_free(x);
}

static void test_engine_restore_is_best_effort(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_windows(&x->f);
    fake_scm_get(&x->f, "wuauserv")->fail_start_code = 1066;
    const char *names[] = {"wuauserv", "UsoSvc", NULL};
    fx_plan(x, WF_OP_RESTART, names);
    struct wf_engine_opts o = {.timeout_ms = 30000};
    assert_int_equal(wf_engine_run(x->p, &x->b, &o), WF_E_START_FAILED);
    /* wuauserv keeps failing; UsoSvc is still started again. */
    assert_int_equal(wf_engine_restore(x->p, &x->b, &o), WF_E_START_FAILED);
    assert_int_equal(fake_scm_get(&x->f, "UsoSvc")->state, WF_STATE_RUNNING);
    fx_free(x);
}

static void test_engine_restore_leaves_a_hung_service_alone(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_windows(&x->f);
    fake_scm_get(&x->f, "wuauserv")->hang_stop = true;
    const char *names[] = {"wuauserv", "UsoSvc", NULL};
    fx_plan(x, WF_OP_RESTART, names);
    struct wf_engine_opts o = {.timeout_ms = 1000};
    assert_int_equal(wf_engine_run(x->p, &x->b, &o), WF_E_TIMEOUT);
    size_t before = fake_scm_log_count(&x->f, "start wuauserv");
    assert_int_equal(wf_engine_restore(x->p, &x->b, &o), WF_E_TIMEOUT);
    assert_int_equal(fake_scm_log_count(&x->f, "start wuauserv"), before);
    assert_int_equal(fake_scm_get(&x->f, "UsoSvc")->state, WF_STATE_RUNNING);
    const struct wf_action *a = action_of(x->p, WF_STEP_START, "wuauserv");
    assert_non_null(a);
    assert_true(a->left_alone && a->rollback);
    fx_free(x);
}

static void test_engine_query_error_fails_the_step(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_add(&x->f, "S", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    const char *names[] = {"S", NULL};
    fx_plan(x, WF_OP_STOP, names);
    fake_scm_script(&x->f, "stop", "S", 5, 1);
    assert_int_equal(fx_run(x, 30000), WF_E_ACCESS);
    assert_int_equal(action_of(x->p, WF_STEP_STOP, "S")->syscode, 5);
    fx_free(x);
}

static void test_engine_not_stoppable(void **state)
{
    (void)state;
    struct fixture *x = fx_new();
    fake_scm_add(&x->f, "Rock", WF_STATE_RUNNING, WF_START_AUTO, NULL)->accepts_stop = false;
    const char *names[] = {"Rock", NULL};
    fx_plan(x, WF_OP_STOP, names);
    assert_int_equal(fx_run(x, 30000), WF_E_NOT_STOPPABLE);
    assert_int_equal(fake_scm_log_count(&x->f, "stop "), 0);
    fx_free(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_engine_restart_moves_and_orders),
        cmocka_unit_test(test_engine_independent_services_move_in_parallel),
        cmocka_unit_test(test_engine_checkpoint_progress_extends_the_wait),
        cmocka_unit_test(test_engine_no_progress_within_hint_is_a_stall),
        cmocka_unit_test(test_engine_timeout_caps_progress),
        cmocka_unit_test(test_engine_start_failure_carries_exit_code),
        cmocka_unit_test(test_engine_idempotent_1056_1062),
        cmocka_unit_test(test_engine_already_in_target_sends_nothing),
        cmocka_unit_test(test_engine_1061_waits_then_retries),
        cmocka_unit_test(test_engine_1055_retries_with_backoff),
        cmocka_unit_test(test_engine_failure_cancels_the_rest_and_restore_puts_back),
        cmocka_unit_test(test_engine_restore_is_best_effort),
        cmocka_unit_test(test_engine_restore_acts_when_a_query_fails),
        cmocka_unit_test(test_engine_restore_leaves_a_hung_service_alone),
        cmocka_unit_test(test_engine_query_error_fails_the_step),
        cmocka_unit_test(test_engine_not_stoppable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

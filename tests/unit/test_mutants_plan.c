/* SPDX-License-Identifier: MIT */
/* test_mutants_plan.c - the plan's order, where a small change to plan.c
 * would go unnoticed otherwise (tests/mutation): a dependency on the plan's
 * first service is kept; an ordering through a service that does not move
 * is kept (the closure is transitive); the plan's tables at their limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/engine.h"

/* The fake, with an SCM that lists no dependents (only each service's own
 * dependencies say the order). */
static struct {
    struct fake_scm f;
    struct wf_backend_ops ops;
    struct wf_backend b;
} w;

static wf_err no_dependents(void *self, const char *name, struct wf_dependent *out, size_t cap, size_t *n)
{
    (void)self;
    (void)name;
    (void)out;
    (void)cap;
    *n = 0;
    return WF_OK;
}

static int setup(void **state)
{
    (void)state;
    memset(&w, 0, sizeof(w));
    fake_scm_init(&w.f);
    struct wf_backend inner = fake_scm_backend(&w.f);
    w.ops = *inner.ops;
    w.b.ops = &w.ops;
    w.b.self = inner.self;
    return 0;
}

static struct wf_plan *plan_of(enum wf_op op, const char *const *names)
{
    struct wf_plan *p = wf_plan_new(op);
    for (; *names; names++)
        assert_int_equal(wf_plan_add(p, *names, true, NULL), WF_OK);
    assert_int_equal(wf_plan_gather(p, &w.b), WF_OK);
    assert_int_equal(wf_plan_build(p), WF_OK);
    return p;
}

static void run(struct wf_plan *p)
{
    struct wf_engine_opts o = {.timeout_ms = 30000};
    assert_int_equal(wf_engine_run(p, &w.b, &o), WF_OK);
}

static void assert_before(const char *a, const char *b)
{
    int i = fake_scm_log_find(&w.f, a), j = fake_scm_log_find(&w.f, b);
    if (i < 0 || j < 0 || i >= j)
        fail_msg("'%s' (at %d) is not before '%s' (at %d)", a, i, b, j);
}

/* Top depends on Base, the plan's first service: Top stops first and
 * starts last. */
static void test_plan_dependency_on_the_first_service(void **state)
{
    (void)state;
    w.ops.dependents = no_dependents;
    fake_scm_add(&w.f, "Base", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    fake_scm_add(&w.f, "Top", WF_STATE_RUNNING, WF_START_MANUAL, "Base");
    struct wf_plan *p = plan_of(WF_OP_RESTART, (const char *const[]){"Base", "Top", NULL});
    run(p);
    assert_before("stop Top", "stop Base");
    assert_before("start Base", "start Top");
    assert_int_equal(p->nwaves, 4);
    wf_plan_free(p);
}

/* Top needs Mid, Mid needs Base; Mid is protected and never moves: Top
 * still stops before Base and starts after it. */
static void test_plan_order_through_a_service_that_does_not_move(void **state)
{
    (void)state;
    w.ops.dependents = no_dependents;
    w.f.enforce_deps = false; /* the order alone is under test */
    fake_scm_add(&w.f, "Base", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    fake_scm_add(&w.f, "Top", WF_STATE_RUNNING, WF_START_MANUAL, "Mid");
    fake_scm_add(&w.f, "Mid", WF_STATE_RUNNING, WF_START_MANUAL, "Base")->protection =
        WF_PROTECTION_WINDOWS_LIGHT;
    struct wf_plan *p = plan_of(WF_OP_RESTART, (const char *const[]){"Base", "Top", "Mid", NULL});
    assert_int_equal(p->nstep, 4);
    run(p);
    assert_before("stop Top", "stop Base");
    assert_before("start Base", "start Top");
    assert_int_equal(fake_scm_log_count(&w.f, "stop Mid"), 0);
    wf_plan_free(p);
}

/* Running services outside the set that depend on one stopped join the
 * plan; stopped ones, and any for a start, do not. */
static void test_plan_outsiders(void **state)
{
    (void)state;
    fake_scm_add(&w.f, "Base", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    fake_scm_add(&w.f, "Runs", WF_STATE_RUNNING, WF_START_MANUAL, "Base");
    fake_scm_add(&w.f, "Sleeps", WF_STATE_STOPPED, WF_START_MANUAL, "Base");
    struct wf_plan *p = plan_of(WF_OP_STOP, (const char *const[]){"Base", NULL});
    assert_int_equal(p->nsvc, 2);
    assert_int_equal(wf_plan_find(p, "Runs"), 1);
    run(p);
    assert_before("stop Runs", "stop Base");
    assert_int_equal(fake_scm_log_count(&w.f, "start"), 0);
    /* Whether a service is marked for deletion is asked with a configuration
     * change (that changes nothing): never of a service outside the set. */
    assert_int_equal(fake_scm_log_count(&w.f, "marked_for_delete Base"), 1);
    assert_int_equal(fake_scm_log_count(&w.f, "marked_for_delete Runs"), 0);
    wf_plan_free(p);
    fake_scm_get(&w.f, "Base")->state = WF_STATE_STOPPED;
    fake_scm_get(&w.f, "Base")->pid = 0;
    p = plan_of(WF_OP_START, (const char *const[]){"Base", NULL});
    assert_int_equal(p->nsvc, 1);
    wf_plan_free(p);
    /* A start plan given an outsider (as a journal's are) starts only the set. */
    p = wf_plan_new(WF_OP_START);
    wf_plan_add(p, "Base", true, NULL);
    wf_plan_add(p, "Sleeps", false, NULL);
    assert_int_equal(wf_plan_gather(p, &w.b), WF_OK);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_int_equal(p->nstep, 1);
    assert_int_equal(p->step[0].svc, 0);
    wf_plan_free(p);
}

/* A circle of dependencies is refused and named. */
static void test_plan_cycle(void **state)
{
    (void)state;
    w.ops.dependents = no_dependents;
    fake_scm_add(&w.f, "A", WF_STATE_RUNNING, WF_START_MANUAL, "B");
    fake_scm_add(&w.f, "B", WF_STATE_RUNNING, WF_START_MANUAL, "C");
    fake_scm_add(&w.f, "C", WF_STATE_RUNNING, WF_START_MANUAL, "A");
    struct wf_plan *p = wf_plan_new(WF_OP_RESTART);
    wf_plan_add(p, "A", true, NULL);
    wf_plan_add(p, "B", true, NULL);
    wf_plan_add(p, "C", true, NULL);
    assert_int_equal(wf_plan_gather(p, &w.b), WF_OK);
    assert_int_equal(wf_plan_build(p), WF_E_CYCLE);
    assert_non_null(strstr(p->problem, "dependency cycle: A -> B -> C -> A"));
    wf_plan_free(p);
}

/* 32 services fill a plan, the 33rd is refused; actions past the table are dropped. */
static void test_plan_tables_full_and_one_past(void **state)
{
    (void)state;
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    char name[32];
    for (int i = 0; i < WF_PLAN_MAX; i++) {
        snprintf(name, sizeof(name), "svc%d", i);
        assert_int_equal(wf_plan_add(p, name, true, NULL), WF_OK);
    }
    assert_int_equal(wf_plan_add(p, "one-more", true, NULL), WF_E_LIMIT);
    assert_int_equal(p->nsvc, WF_PLAN_MAX);
    assert_string_equal(p->svc[WF_PLAN_MAX - 1].name, "svc31");
    struct wf_action a = {.svc = 1};
    for (size_t i = 0; i < WF_ACTIONS_MAX + 1; i++)
        wf_plan_record(p, &a);
    assert_int_equal(p->naction, WF_ACTIONS_MAX);
    wf_plan_free(p);
}

/* Put back towards: a service gone is never started or stopped. */
static void test_plan_towards_leaves_gone_services(void **state)
{
    (void)state;
    fake_scm_add(&w.f, "Here", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    struct wf_plan *p = plan_of(WF_OP_STATUS, (const char *const[]){"Here", "Gone", NULL});
    enum wf_state now[2] = {WF_STATE_STOPPED, WF_STATE_NOT_INSTALLED};
    enum wf_state want[2] = {WF_STATE_RUNNING, WF_STATE_RUNNING};
    assert_int_equal(wf_plan_build_towards(p, now, want), WF_OK);
    assert_int_equal(p->nstep, 1);
    assert_int_equal(p->step[0].svc, 0);
    enum wf_state now2[2] = {WF_STATE_START_PENDING, WF_STATE_NOT_INSTALLED};
    enum wf_state want2[2] = {WF_STATE_STOPPED, WF_STATE_STOPPED};
    assert_int_equal(wf_plan_build_towards(p, now2, want2), WF_OK);
    assert_int_equal(p->nstep, 1);
    assert_int_equal(p->step[0].kind, WF_STEP_STOP);
    wf_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_plan_dependency_on_the_first_service, setup),
        cmocka_unit_test_setup(test_plan_order_through_a_service_that_does_not_move, setup),
        cmocka_unit_test_setup(test_plan_outsiders, setup),
        cmocka_unit_test_setup(test_plan_cycle, setup),
        cmocka_unit_test_setup(test_plan_tables_full_and_one_past, setup),
        cmocka_unit_test_setup(test_plan_towards_leaves_gone_services, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

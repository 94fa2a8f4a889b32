/* SPDX-License-Identifier: MIT */
/* test_plan.c - ordering from the live graph: chains, diamonds, parallel waves,
 * dependents outside the set, wufix's UsoSvc rule, cycles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/plan.h"

static struct wf_plan *gathered(struct fake_scm *f, enum wf_op op, const char *const *names)
{
    struct wf_backend b = fake_scm_backend(f);
    struct wf_plan *p = wf_plan_new(op);
    assert_non_null(p);
    for (; *names; names++)
        assert_int_equal(wf_plan_add(p, *names, true, NULL), WF_OK);
    assert_int_equal(wf_plan_gather(p, &b), WF_OK);
    return p;
}

/* The step index of `kind name`, or -1. */
static int step_of(const struct wf_plan *p, enum wf_step_kind kind, const char *name)
{
    for (size_t k = 0; k < p->nstep; k++)
        if (p->step[k].kind == kind && wf_name_cmp(p->svc[p->step[k].svc].name, name) == 0)
            return (int)k;
    return -1;
}

static unsigned wave(const struct wf_plan *p, enum wf_step_kind kind, const char *name)
{
    int k = step_of(p, kind, name);
    assert_true(k >= 0);
    return p->step[k].wave;
}

static void test_plan_stops_usosvc_before_wuauserv(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    const char *names[] = {"wuauserv", "UsoSvc", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_RESTART, names);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_int_equal(p->nstep, 4);
    assert_int_equal(wave(p, WF_STEP_STOP, "UsoSvc"), 1);
    assert_int_equal(wave(p, WF_STEP_STOP, "wuauserv"), 2);
    assert_int_equal(wave(p, WF_STEP_START, "wuauserv"), 3);
    assert_int_equal(wave(p, WF_STEP_START, "UsoSvc"), 4);
    wf_plan_free(p);
}

static void test_plan_chain(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_add(&f, "A", WF_STATE_RUNNING, WF_START_MANUAL, "B");
    fake_scm_add(&f, "B", WF_STATE_RUNNING, WF_START_MANUAL, "C");
    fake_scm_add(&f, "C", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    const char *names[] = {"C", "A", "B", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_RESTART, names);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_int_equal(wave(p, WF_STEP_STOP, "A"), 1);
    assert_int_equal(wave(p, WF_STEP_STOP, "B"), 2);
    assert_int_equal(wave(p, WF_STEP_STOP, "C"), 3);
    assert_int_equal(wave(p, WF_STEP_START, "C"), 4);
    assert_int_equal(wave(p, WF_STEP_START, "B"), 5);
    assert_int_equal(wave(p, WF_STEP_START, "A"), 6);
    assert_int_equal(p->nwaves, 6);
    wf_plan_free(p);
}

static void test_plan_diamond(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_add(&f, "Top", WF_STATE_RUNNING, WF_START_MANUAL, "Left,Right");
    fake_scm_add(&f, "Left", WF_STATE_RUNNING, WF_START_MANUAL, "Base");
    fake_scm_add(&f, "Right", WF_STATE_RUNNING, WF_START_MANUAL, "Base");
    fake_scm_add(&f, "Base", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    const char *names[] = {"Base", "Left", "Right", "Top", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_STOP, names);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_int_equal(p->nstep, 4);
    assert_int_equal(wave(p, WF_STEP_STOP, "Top"), 1);
    assert_int_equal(wave(p, WF_STEP_STOP, "Left"), 2);
    assert_int_equal(wave(p, WF_STEP_STOP, "Right"), 2); /* in parallel */
    assert_int_equal(wave(p, WF_STEP_STOP, "Base"), 3);
    wf_plan_free(p);
}

static void test_plan_independent_services_share_a_wave(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    const char *names[] = {"BITS", "CryptSvc", "DoSvc", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_START, names);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_int_equal(p->nstep, 3);
    assert_int_equal(p->nwaves, 1);
    for (size_t k = 0; k < p->nstep; k++)
        assert_int_equal(p->step[k].preds, 0);
    wf_plan_free(p);
}

static void test_plan_running_dependent_outside_set_joins(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    fake_scm_add(&f, "AppIDSvc", WF_STATE_RUNNING, WF_START_MANUAL, "RpcSs,CryptSvc");
    fake_scm_add(&f, "Idle", WF_STATE_STOPPED, WF_START_MANUAL, "CryptSvc");
    const char *names[] = {"CryptSvc", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_RESTART, names);
    assert_int_equal(p->nsvc, 2); /* the stopped one stays out */
    int a = wf_plan_find(p, "AppIDSvc");
    assert_true(a >= 0);
    assert_false(p->svc[a].in_set);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_true(wave(p, WF_STEP_STOP, "AppIDSvc") < wave(p, WF_STEP_STOP, "CryptSvc"));
    assert_true(wave(p, WF_STEP_START, "CryptSvc") < wave(p, WF_STEP_START, "AppIDSvc"));
    wf_plan_free(p);

    /* start does not pull outsiders in. */
    p = gathered(&f, WF_OP_START, names);
    assert_int_equal(p->nsvc, 1);
    wf_plan_free(p);
}

static void test_plan_outsider_of_outsider(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_add(&f, "Core", WF_STATE_RUNNING, WF_START_MANUAL, NULL);
    fake_scm_add(&f, "Mid", WF_STATE_RUNNING, WF_START_MANUAL, "Core");
    fake_scm_add(&f, "Leaf", WF_STATE_RUNNING, WF_START_MANUAL, "Mid");
    const char *names[] = {"Core", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_STOP, names);
    assert_int_equal(p->nsvc, 3);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_int_equal(wave(p, WF_STEP_STOP, "Leaf"), 1);
    assert_int_equal(wave(p, WF_STEP_STOP, "Mid"), 2);
    assert_int_equal(wave(p, WF_STEP_STOP, "Core"), 3);
    assert_int_equal(p->nstep, 3); /* stop: nobody is started again */
    wf_plan_free(p);
}

static void test_plan_cycle_is_an_error(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_add(&f, "A", WF_STATE_RUNNING, WF_START_MANUAL, "B");
    fake_scm_add(&f, "B", WF_STATE_RUNNING, WF_START_MANUAL, "A");
    const char *names[] = {"A", "B", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_RESTART, names);
    assert_int_equal(wf_plan_build(p), WF_E_CYCLE);
    assert_non_null(strstr(p->problem, "A -> B -> A"));
    wf_plan_free(p);
}

static void test_plan_missing_service_stays_uninstalled(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_add(&f, "UsoSvc", WF_STATE_RUNNING, WF_START_AUTO_DELAYED, NULL);
    const char *names[] = {"wuauserv", "UsoSvc", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_RESTART, names);
    assert_false(p->svc[0].installed);
    assert_int_equal(p->svc[0].before.state, WF_STATE_NOT_INSTALLED);
    assert_int_equal(wf_plan_build(p), WF_OK);
    assert_int_equal(step_of(p, WF_STEP_STOP, "wuauserv"), -1);
    wf_plan_free(p);
}

static void test_plan_status_reads_no_graph(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    const char *names[] = {"wuauserv", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_STATUS, names);
    assert_int_equal(fake_scm_log_count(&f, "dependents"), 0);
    assert_string_equal(p->svc[0].cfg.display_name, "wuauserv display");
    wf_plan_free(p);
}

static void test_plan_towards_only_what_differs(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    const char *names[] = {"wuauserv", "UsoSvc", "BITS", NULL};
    struct wf_plan *p = gathered(&f, WF_OP_RESTART, names);
    enum wf_state now[3] = {WF_STATE_STOPPED, WF_STATE_STOPPED, WF_STATE_RUNNING};
    enum wf_state want[3] = {WF_STATE_RUNNING, WF_STATE_RUNNING, WF_STATE_RUNNING};
    assert_int_equal(wf_plan_build_towards(p, now, want), WF_OK);
    assert_int_equal(p->nstep, 2);
    assert_true(wave(p, WF_STEP_START, "wuauserv") < wave(p, WF_STEP_START, "UsoSvc"));
    wf_plan_free(p);
}

static void test_plan_limit(void **state)
{
    (void)state;
    struct wf_plan *p = wf_plan_new(WF_OP_STOP);
    char name[16];
    for (int i = 0; i < WF_PLAN_MAX; i++) {
        snprintf(name, sizeof(name), "S%d", i);
        assert_int_equal(wf_plan_add(p, name, true, NULL), WF_OK);
    }
    assert_int_equal(wf_plan_add(p, "one-more", true, NULL), WF_E_LIMIT);
    wf_plan_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_stops_usosvc_before_wuauserv),
        cmocka_unit_test(test_plan_chain),
        cmocka_unit_test(test_plan_diamond),
        cmocka_unit_test(test_plan_independent_services_share_a_wave),
        cmocka_unit_test(test_plan_running_dependent_outside_set_joins),
        cmocka_unit_test(test_plan_outsider_of_outsider),
        cmocka_unit_test(test_plan_cycle_is_an_error),
        cmocka_unit_test(test_plan_missing_service_stays_uninstalled),
        cmocka_unit_test(test_plan_status_reads_no_graph),
        cmocka_unit_test(test_plan_towards_only_what_differs),
        cmocka_unit_test(test_plan_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* contract_fake.c - the contract suite against the fake SCM, one CMocka test a case. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "contract.h"
#include "fake_scm.h"

static void run_case(void **state)
{
    const struct ct_case *c = &ct_cases[*(size_t *)*state];
    struct fake_scm f;
    struct ct_result r = {0};
    fake_scm_init(&f);
    struct fake_svc *s = fake_scm_add(&f, "wfct_slow", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    s->start_ms = 500;
    s->stop_ms = 300;
    wf_strlcpy(s->display, "wufix contract slow service", sizeof(s->display));
    fake_scm_add(&f, "wfct_disabled", WF_STATE_STOPPED, WF_START_DISABLED, NULL);
    fake_file_put(&f, "C:\\wfct\\cache\\a.txt", 5)->content = "hello";
    fake_file_put(&f, "C:\\ProgramData\\wfct\\a.txt", 5);
    struct ct_env env = {.b = fake_scm_backend(&f),
                         .h = fake_scm_host(&f),
                         .dir = "C:\\wfct\\cache",
                         .data = "C:\\ProgramData\\wfct",
                         .slow = "wfct_slow",
                         .slow_display = "wufix contract slow service",
                         .disabled = "wfct_disabled",
                         .missing = "wfct_missing",
                         .split = fake_split_cmdline};
    c->fn(&env, &r);
    if (r.failures)
        fail_msg("%s: %u of %u checks failed; first: %s", c->name, r.failures, r.checks, r.first);
    assert_true(r.checks > 0);
}

int main(void)
{
    static size_t index[32];
    struct CMUnitTest tests[32];
    for (size_t i = 0; i < ct_ncases && i < 32; i++) {
        index[i] = i;
        struct CMUnitTest t = {ct_cases[i].name, run_case, NULL, NULL, &index[i]};
        tests[i] = t;
    }
    return _cmocka_run_group_tests("contract.fake", tests, ct_ncases, NULL, NULL);
}

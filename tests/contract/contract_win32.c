/* SPDX-License-Identifier: MIT */
/* contract_win32.c - the contract suite against the Win32 backend, run under Wine
 * in the sandbox (services wfct_slow and wfct_disabled). Prints a line a case
 * and "N passed, N failed"; exits 1 on any failure. */
#include <stdio.h>

#include "contract.h"
#include "scm.h"

int main(void)
{
    struct ct_env env = {{0}, "wfct_slow", "wufix contract slow service", "wfct_disabled", "wfct_missing"};
    unsigned passed = 0, failed = 0;
    if (wf_scm_open(NULL, &env.b) != WF_OK) {
        printf("cannot open the service control manager\n");
        return 1;
    }
    for (size_t i = 0; i < ct_ncases; i++) {
        struct ct_result r = {0};
        ct_cases[i].fn(&env, &r);
        if (r.failures == 0 && r.checks > 0) {
            passed++;
            printf("ok     %s (%u checks)\n", ct_cases[i].name, r.checks);
        } else {
            failed++;
            printf("FAILED %s: %u of %u checks; first: %s\n", ct_cases[i].name, r.failures, r.checks,
                   r.first);
        }
    }
    wf_scm_close(&env.b);
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}

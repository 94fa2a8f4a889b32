/* SPDX-License-Identifier: MIT */
/* test_err.c - every SCM error of SPEC section 6 has its decided meaning and exit code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "wufix/base/err.h"

static void test_err_spec_codes(void **state)
{
    (void)state;
    static const struct {
        uint32_t code;
        wf_err e;
        int exit_elevated;
    } table[] = {
        {0, WF_OK, 0},
        {1062, WF_E_NOT_ACTIVE, 0},      /* stop of a stopped service: success */
        {1056, WF_E_ALREADY_RUNNING, 0}, /* start of a running service: success */
        {1061, WF_E_CANNOT_ACCEPT, 4},
        {1055, WF_E_DB_LOCKED, 4},
        {1058, WF_E_DISABLED, 5},
        {1060, WF_E_NO_SERVICE, 5},
        {1072, WF_E_MARKED_DELETE, 5},
        {1051, WF_E_DEPENDENTS, 4},
        {1052, WF_E_BAD_CONTROL, 4},
        {1053, WF_E_REQUEST_TIMEOUT, 4},
        {1068, WF_E_DEPENDENCY, 4},
        {1075, WF_E_DEPENDENCY, 4},
        {5, WF_E_ACCESS, 4},
        {53, WF_E_UNREACHABLE, 8},
        {1722, WF_E_UNREACHABLE, 8},
        {1753, WF_E_UNREACHABLE, 8},
        {8, WF_E_NOMEM, 8},
        {87, WF_E_SYSTEM, 8},
        {32, WF_E_IN_USE, 4},
        {33, WF_E_IN_USE, 4},
    };
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        assert_int_equal(wf_err_from_syscode(table[i].code), table[i].e);
        assert_int_equal(wf_err_exit_code(table[i].e, 1), table[i].exit_elevated);
    }
}

static void test_err_access_depends_on_elevation(void **state)
{
    (void)state;
    assert_int_equal(wf_err_exit_code(WF_E_ACCESS, 0), WF_EXIT_ACCESS);
    assert_int_equal(wf_err_exit_code(WF_E_ACCESS, 1), WF_EXIT_FAILED);
}

static void test_err_exit_codes_are_the_contract(void **state)
{
    (void)state;
    assert_int_equal(WF_EXIT_OK, 0);
    assert_int_equal(WF_EXIT_PROBLEMS, 1);
    assert_int_equal(WF_EXIT_USAGE, 2);
    assert_int_equal(WF_EXIT_ACCESS, 3);
    assert_int_equal(WF_EXIT_FAILED, 4);
    assert_int_equal(WF_EXIT_BLOCKED, 5);
    assert_int_equal(WF_EXIT_BUSY, 6);
    assert_int_equal(WF_EXIT_INTERRUPTED, 7);
    assert_int_equal(WF_EXIT_SYSTEM, 8);
    assert_int_equal(WF_EXIT_REBOOT, 3010);
    assert_int_equal(wf_err_exit_code(WF_E_TIMEOUT, 1), 4);
    assert_int_equal(wf_err_exit_code(WF_E_START_FAILED, 1), 4);
    assert_int_equal(wf_err_exit_code(WF_E_CYCLE, 1), 5);
    assert_string_equal(wf_err_token(WF_E_TIMEOUT), "timeout");
    assert_int_equal(wf_err_exit_code(WF_E_GONE, 1), 4);
    assert_string_equal(wf_err_token(WF_E_GONE), "gone");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_err_spec_codes),
        cmocka_unit_test(test_err_access_depends_on_elevation),
        cmocka_unit_test(test_err_exit_codes_are_the_contract),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_clock.c - the clock's service: the Windows Time service disabled or
 * told never to synchronize is a warning naming the value; reported, never
 * changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"

#define W32TIME "SYSTEM\\CurrentControlSet\\Services\\W32Time"

static void test_clock_time_service_disabled_is_a_warning(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, W32TIME, "Start", WF_REG_DWORD, NULL, 3);
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NTP", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "Windows Time"));
    fake_reg_set(&x->scm, W32TIME, "Start", WF_REG_DWORD, NULL, 4);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "the Windows Time service is disabled: a wrong clock fails HTTPS "
                                        "(0x80072F8F) (HKLM\\" W32TIME "\\Start=4 (disabled))"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"time_service_disabled\",\"severity\":\"warning\""));
    /* Reported only: repair changes nothing of it. */
    FAKE_RUN(x, "repair", "--yes");
    assert_int_equal(fake_reg_get(&x->scm, W32TIME, "Start")->dword, 4);
}

static void test_clock_nosync_is_a_warning(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "nosync", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "the Windows Time service does not set the clock from any source "
                                        "(0x80072F8F) (HKLM\\" W32TIME "\\Parameters\\Type=NoSync)"));
    assert_non_null(strstr(FAKE_OUT(x), "w32tm /resync"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"time_sync_off\",\"severity\":\"warning\""));
    /* A domain member's NT5DS, or a value no source names as NoSync: nothing. */
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NT5DS", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NoSyncX", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_DWORD, NULL, 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
}

/* Guided mode says it in plain words. */
static void test_clock_guided_plain_words(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, W32TIME "\\Parameters", "Type", WF_REG_SZ, "NoSync", 0);
    x->fp.pf.alone = x->fp.pf.interactive = true;
    x->fp.answer = "";
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    /* The lines unwrapped. */
    static char o[1 << 16];
    size_t n = 0;
    for (const char *p = FAKE_OUT(x); *p && n + 1 < sizeof(o); p++)
        if (*p == '\n') {
            while (p[1] == ' ')
                p++;
            o[n++] = ' ';
        } else
            o[n++] = *p;
    o[n] = '\0';
    assert_non_null(strstr(o,
                           "The Windows Time service is told never to set the clock, so downloads can fail. "
                           "wufix leaves it."));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_clock_time_service_disabled_is_a_warning, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_clock_nosync_is_a_warning, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_clock_guided_plain_words, fake_cli_setup, fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_pause.c - a pause Settings cannot make: found as a warning naming the
 * date, resumed by repair, put back by undo; an ordinary pause stays
 * information. The fake's clock says 2026-12-02T12:00:00Z. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/diagnose.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/pause.h"
#include "wufix/mech/trust.h"

#define UX     WF_KEY_UX
#define POLICY WF_KEY_UPDATE_POLICY

/* What Aetherinox's windows-updates-pause.reg writes. */
static void aetherinox(struct fake_scm *f)
{
    fake_reg_set(f, UX, "PauseFeatureUpdatesStartTime", WF_REG_SZ, "2025-01-01T00:00:00Z", 0);
    fake_reg_set(f, UX, "PauseFeatureUpdatesEndTime", WF_REG_SZ, "2051-12-31T00:00:00Z", 0);
    fake_reg_set(f, UX, "PauseQualityUpdatesStartTime", WF_REG_SZ, "2025-01-01T00:00:00Z", 0);
    fake_reg_set(f, UX, "PauseQualityUpdatesEndTime", WF_REG_SZ, "2051-12-31T00:00:00Z", 0);
    fake_reg_set(f, UX, "PauseUpdatesStartTime", WF_REG_SZ, "2025-01-01T00:00:00Z", 0);
    fake_reg_set(f, UX, "PauseUpdatesExpiryTime", WF_REG_SZ, "2051-12-31T00:00:00Z", 0);
    fake_reg_set(f, UX, "ActiveHoursStart", WF_REG_DWORD, NULL, 13);
    fake_reg_set(f, UX, "FlightSettingsMaxPauseDays", WF_REG_DWORD, NULL, 0x2727);
    fake_reg_set(f, POLICY, "PausedFeatureStatus", WF_REG_DWORD, NULL, 1);
    fake_reg_set(f, POLICY, "PausedQualityStatus", WF_REG_DWORD, NULL, 1);
    fake_reg_set(f, POLICY, "PausedQualityDate", WF_REG_SZ, "2025-01-01T00:00:00Z", 0);
    fake_reg_set(f, POLICY, "PausedFeatureDate", WF_REG_SZ, "2025-01-01T00:00:00Z", 0);
}

static bool present(const struct fake_scm *f, const char *key, const char *value)
{
    const struct fake_value *v = fake_reg_get(f, key, value);
    return v && v->type != WF_REG_NONE;
}

static void test_pause_days_counts_whole_days(void **state)
{
    (void)state;
    long d;
    assert_true(wf_pause_days("2026-12-02T12:00:00Z", "2027-01-06T12:00:00Z", &d));
    assert_int_equal(d, 35);
    assert_true(wf_pause_days("2026-12-02T12:00:00Z", "2027-01-07T11:59:59Z", &d));
    assert_int_equal(d, 35);
    assert_true(wf_pause_days("2026-12-02T12:00:00Z", "2027-01-07T12:00:00Z", &d));
    assert_int_equal(d, 36);
    assert_true(wf_pause_days("2024-02-28T00:00:00Z", "2024-03-01T00:00:00Z", &d)); /* a leap year */
    assert_int_equal(d, 2);
    assert_true(wf_pause_days("2026-12-02T12:00:00Z", "2051-12-31T00:00:00Z", &d));
    assert_int_equal(d, 9159);
    assert_false(wf_pause_days("2026-12-02T12:00:00Z", "2051-13-31T00:00:00Z", &d));
    assert_false(wf_pause_days("2026-12-02T12:00:00Z", "2051-12-31", &d));
}

static void test_pause_to_2051_is_a_warning_naming_the_date(void **state)
{
    struct fake_cli *x = *state;
    aetherinox(&x->scm);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "updates are paused beyond what Settings allows (35 days)"));
    assert_non_null(strstr(o,
                           "until 2051-12-31T00:00:00Z (PauseUpdatesExpiryTime), "
                           "FlightSettingsMaxPauseDays 10023, PausedFeatureStatus 1, PausedQualityStatus 1"));
    assert_null(strstr(o, "updates_paused"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"pause_beyond_settings\",\"severity\":\"warning\""));
}

static void test_pause_within_settings_stays_information(void **state)
{
    struct fake_cli *x = *state;
    /* 35 days ahead and a few hours: what Settings' 5 weeks can leave. */
    fake_reg_set(&x->scm, UX, "PauseUpdatesExpiryTime", WF_REG_SZ, "2027-01-06T20:00:00Z", 0);
    fake_reg_set(&x->scm, UX, "FlightSettingsMaxPauseDays", WF_REG_DWORD, NULL, 35);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"updates_paused\",\"severity\":\"info\""));
    assert_null(strstr(FAKE_OUT(x), "pause_beyond_settings"));
    /* 36 days ahead: no longer one Settings makes. */
    fake_reg_set(&x->scm, UX, "PauseUpdatesExpiryTime", WF_REG_SZ, "2027-01-07T12:00:00Z", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "(until 2027-01-07T12:00:00Z (PauseUpdatesExpiryTime))"));
}

static void test_pause_max_days_raised_alone_is_a_warning(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, UX, "FlightSettingsMaxPauseDays", WF_REG_DWORD, NULL, 0x2727);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "(FlightSettingsMaxPauseDays 10023)"));
}

static void test_pause_repair_resumes_and_undo_puts_back(void **state)
{
    struct fake_cli *x = *state;
    aetherinox(&x->scm);
    static struct fake_scm before;
    before = x->scm;
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    for (const struct wf_pause_value *p = wf_pause_values; p->key; p++)
        assert_false(present(&x->scm, p->key, p->value));
    assert_true(present(&x->scm, UX, "ActiveHoursStart")); /* not a pause value */
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "paused"));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    for (const struct wf_pause_value *p = wf_pause_values; p->key; p++) {
        const struct fake_value *a = fake_reg_get(&before, p->key, p->value),
                                *b = fake_reg_get(&x->scm, p->key, p->value);
        assert_non_null(b);
        assert_int_equal(b->type, a->type);
        assert_int_equal(b->dword, a->dword);
        assert_string_equal(b->str, a->str);
    }
}

static const char *const head = "wufix-journal 1\ncommand repair\nstarted 2026-11-21T10:00:00Z\npid 99\n"
                                "open 0\noutcome ok\nservice 1 running manual wuauserv\n";

static wf_err validate(struct fake_scm *scm, const char *line)
{
    char text[2048], why[512];
    static struct wf_journal j; /* 2 MB: off the stack */
    struct wf_host h = fake_scm_host(scm);
    snprintf(text, sizeof(text), "%s%s", head, line);
    assert_int_equal(wf_journal_parse(text, &j), WF_OK);
    return wf_trust_journal(&j, &h, why, sizeof(why));
}

static void test_pause_journal_may_touch_the_pause_values_only(void **state)
{
    (void)state;
    struct fake_scm scm;
    fake_scm_init(&scm);
    fake_scm_windows(&scm);
    assert_int_equal(validate(&scm, "fix reg sz 0 " UX "|PauseUpdatesExpiryTime|2051-12-31T00:00:00Z\n"),
                     WF_OK);
    assert_int_equal(validate(&scm, "fix reg dword 10023 " UX "|FlightSettingsMaxPauseDays|-\n"), WF_OK);
    assert_int_equal(validate(&scm, "fix reg dword 1 " POLICY "|PausedQualityStatus|-\n"), WF_OK);
    assert_int_equal(validate(&scm, "fix reg dword 13 " UX "|ActiveHoursStart|-\n"), WF_E_UNTRUSTED);
    assert_int_equal(validate(&scm, "fix reg sz 0 " UX "|Debugger|x\n"), WF_E_UNTRUSTED);
    assert_int_equal(validate(&scm, "fix reg sz 0 " POLICY "|PauseUpdatesExpiryTime|x\n"), WF_E_UNTRUSTED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pause_days_counts_whole_days),
        cmocka_unit_test_setup_teardown(test_pause_to_2051_is_a_warning_naming_the_date, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_pause_within_settings_stays_information, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_pause_max_days_raised_alone_is_a_warning, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_pause_repair_resumes_and_undo_puts_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test(test_pause_journal_may_touch_the_pause_values_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

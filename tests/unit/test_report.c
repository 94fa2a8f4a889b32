/* SPDX-License-Identifier: MIT */
/* test_report.c - golden text and JSON for a known plan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/problems.h"
#include "wufix/mech/report.h"

static struct wf_plan *sample(void)
{
    struct wf_plan *p = wf_plan_new(WF_OP_RESTART);
    size_t i;
    wf_plan_add(p, "wuauserv", true, &i);
    p->svc[i].installed = true;
    wf_strlcpy(p->svc[i].cfg.display_name, "Windows Update", WF_TEXT_MAX);
    p->svc[i].cfg.start_type = WF_START_MANUAL;
    p->svc[i].before = (struct wf_svc_status){.state = WF_STATE_RUNNING, .pid = 1234};
    p->svc[i].after = (struct wf_svc_status){.state = WF_STATE_RUNNING, .pid = 5678};
    p->svc[i].after_start = WF_START_MANUAL;
    wf_plan_add(p, "UsoSvc", true, &i);
    p->svc[i].installed = true;
    /* A localized name, and a character JSON must escape. */
    wf_strlcpy(p->svc[i].cfg.display_name, "Orchestrateur \"mise à jour\"", WF_TEXT_MAX);
    p->svc[i].cfg.start_type = WF_START_AUTO_DELAYED;
    p->svc[i].before = (struct wf_svc_status){.state = WF_STATE_STOPPED, .exit_code = 1066};
    p->svc[i].after = (struct wf_svc_status){.state = WF_STATE_RUNNING, .pid = 42};
    p->svc[i].after_start = WF_START_AUTO_DELAYED;
    struct wf_action a1 = {.svc = 0, .kind = WF_STEP_STOP, .ms = 310};
    struct wf_action a2 = {
        .svc = 1, .kind = WF_STEP_START, .err = WF_E_TIMEOUT, .stuck = WF_STATE_START_PENDING, .ms = 3000};
    wf_plan_record(p, &a1);
    wf_plan_record(p, &a2);
    return p;
}

static void test_report_table_golden(void **state)
{
    (void)state;
    struct wf_plan *p = sample();
    struct wf_report_ctx c = {.command = "restart", .computer = "PC1"};
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_table(&b, &c, p, WF_TABLE_BEFORE);
    assert_string_equal(
        wf_buf_str(&b),
        "  SERVICE   DISPLAY NAME                 STATE    START TYPE                 PID     LAST EXIT\n"
        "  wuauserv  Windows Update               Running  Manual                     1234\n"
        "  UsoSvc    Orchestrateur \"mise à jour\"  Stopped  Automatic (Delayed Start)  -       1066\n");
    wf_buf_clear(&b);
    wf_report_table(&b, &c, p, WF_TABLE_AFTER);
    assert_non_null(strstr(wf_buf_str(&b), "5678\n"));
    assert_null(strstr(wf_buf_str(&b), "LAST EXIT"));
    wf_buf_release(&b);
    wf_plan_free(p);
}

static void test_report_actions_and_errors(void **state)
{
    (void)state;
    struct wf_plan *p = sample();
    struct wf_report_ctx c = {.command = "restart", .computer = "PC1"};
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_action(&b, &c, p, &p->action[0]);
    assert_string_equal(wf_buf_str(&b), "  stopped  wuauserv in 0.31 s\n");
    wf_buf_clear(&b);
    wf_report_action(&b, &c, p, &p->action[1]);
    assert_string_equal(wf_buf_str(&b), "  could not start 'UsoSvc': still Starting after 3.0 s; "
                                        "try again with a longer --timeout, or restart Windows\n");
    wf_buf_release(&b);
    wf_plan_free(p);
}

static void test_report_json_golden(void **state)
{
    (void)state;
    struct wf_plan *p = sample();
    struct wf_report_ctx c = {.command = "restart", .computer = "PC1"};
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_json(&b, &c, p, 4, 3310, true);
    assert_string_equal(
        wf_buf_str(&b),
        "{\"command\":\"restart\",\"computer\":\"PC1\",\"exit_code\":4,\"elapsed_ms\":3310,"
        "\"wufix_version\":\"" WF_VERSION "\",\"time\":null,"
        "\"services\":["
        "{\"name\":\"wuauserv\",\"display_name\":\"Windows Update\",\"in_set\":true,\"protected\":false,"
        "\"trigger_start\":false,\"before\":{\"state\":\"running\",\"start_type\":\"manual\",\"pid\":1234,"
        "\"exit_code\":0},"
        "\"after\":{\"state\":\"running\",\"start_type\":\"manual\",\"pid\":5678,\"exit_code\":0},"
        "\"actions\":[{\"action\":\"stop\",\"result\":\"ok\",\"ms\":310,\"rollback\":false}],"
        "\"error\":null},"
        "{\"name\":\"UsoSvc\",\"display_name\":\"Orchestrateur \\\"mise à jour\\\"\",\"in_set\":true,"
        "\"protected\":false,\"trigger_start\":false,"
        "\"before\":{\"state\":\"stopped\",\"start_type\":\"auto_delayed\",\"pid\":0,\"exit_code\":1066},"
        "\"after\":{\"state\":\"running\",\"start_type\":\"auto_delayed\",\"pid\":42,\"exit_code\":0},"
        "\"actions\":[{\"action\":\"start\",\"result\":\"timeout\",\"ms\":3000,\"rollback\":false}],"
        "\"error\":{\"code\":\"timeout\",\"syscode\":0,\"message\":\"could not start 'UsoSvc': still "
        "Starting after 3.0 s; try again with a longer --timeout, or restart Windows\"}}"
        "],\"problems\":[]}\n");
    wf_buf_release(&b);
    wf_plan_free(p);
}

static void test_report_plan_waves(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    fake_scm_add(&f, "AppIDSvc", WF_STATE_RUNNING, WF_START_MANUAL, "CryptSvc");
    struct wf_backend be = fake_scm_backend(&f);
    struct wf_plan *p = wf_plan_new(WF_OP_RESTART);
    wf_plan_add(p, "UsoSvc", true, NULL);
    wf_plan_add(p, "wuauserv", true, NULL);
    wf_plan_add(p, "CryptSvc", true, NULL);
    assert_int_equal(wf_plan_gather(p, &be), WF_OK);
    assert_int_equal(wf_plan_build(p), WF_OK);
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_plan(&b, p, NULL, false);
    assert_string_equal(wf_buf_str(&b), "Plan (4 steps; services on one line move together):\n"
                                        "  1. stop UsoSvc, AppIDSvc (running dependent, outside the set)\n"
                                        "  2. stop wuauserv, CryptSvc\n"
                                        "  3. start wuauserv, CryptSvc\n"
                                        "  4. start UsoSvc, AppIDSvc (running dependent, outside the set)\n");
    wf_buf_release(&b);
    wf_plan_free(p);
}

/* A wave that holds stops and starts (BITS restarts while wuauserv is still
 * stopping) prints two lines: each has its own number, and the count says so. */
static void test_report_plan_numbers_each_line_once(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    struct wf_backend be = fake_scm_backend(&f);
    struct wf_plan *p = wf_plan_new(WF_OP_RESTART);
    wf_plan_add(p, "UsoSvc", true, NULL);
    wf_plan_add(p, "wuauserv", true, NULL);
    wf_plan_add(p, "BITS", true, NULL);
    assert_int_equal(wf_plan_gather(p, &be), WF_OK);
    assert_int_equal(wf_plan_build(p), WF_OK);
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_plan(&b, p, NULL, false);
    assert_string_equal(wf_buf_str(&b), "Plan (5 steps; services on one line move together):\n"
                                        "  1. stop UsoSvc, BITS\n"
                                        "  2. stop wuauserv\n"
                                        "  3. start BITS\n"
                                        "  4. start wuauserv\n"
                                        "  5. start UsoSvc\n");
    /* Reset: every stop, then the caches, then every start, as it runs. */
    struct wf_repair aside = {.n = 1};
    aside.fix[0].kind = WF_FIX_RENAME;
    wf_strlcpy(aside.fix[0].was.str, "C:\\Windows\\SoftwareDistribution", WF_TEXT_MAX);
    wf_strlcpy(aside.fix[0].will.str, "C:\\Windows\\SoftwareDistribution.wufix-20261122-000000", WF_TEXT_MAX);
    wf_buf_clear(&b);
    wf_report_plan(&b, p, &aside, false);
    const char *t = wf_buf_str(&b);
    assert_non_null(strstr(t, "Plan (6 steps;"));
    assert_non_null(strstr(t,
                           "  2. stop wuauserv\n  3. with every service stopped, set aside (never deleted):\n"
                           "       set aside C:\\Windows\\SoftwareDistribution -> "));
    assert_non_null(
        strstr(t, "SoftwareDistribution.wufix-20261122-000000 (0 bytes in 0 files)\n  4. start BITS\n"));
    assert_non_null(strstr(t, "  6. start UsoSvc\n"));
    wf_buf_release(&b);
    wf_plan_free(p);
}

static void test_report_json_escapes_control_characters(void **state)
{
    (void)state;
    struct wf_buf b;
    wf_buf_init(&b);
    wf_buf_json_str(&b, "a\"b\\c\n\x01");
    assert_string_equal(wf_buf_str(&b), "\"a\\\"b\\\\c\\n\\u0001\"");
    wf_buf_release(&b);
    /* Strict UTF-8 out whatever comes in (b394e12 wrote U+009B, DEL and a
     * cut character raw): C1 and DEL escaped, a byte that is not UTF-8 (a
     * stray continuation, a cut lead, an overlong form, a surrogate) as the
     * text "\xNN", letters of every language as they are. */
    wf_buf_init(&b);
    wf_buf_json_str(&b,
                    "\xc2\x9b"
                    "2J\x7f\xc3\xa9\xe3\x82\xa2\xf0\x9f\x98\x80|\xc3|\x80|\xc0\xaf|\xed\xa0\x80|\xe3\x82");
    assert_string_equal(wf_buf_str(&b),
                        "\"\\u009b2J\\u007f\xc3\xa9\xe3\x82\xa2\xf0\x9f\x98\x80|\\\\xc3|\\\\x80|"
                        "\\\\xc0\\\\xaf|\\\\xed\\\\xa0\\\\x80|\\\\xe3\\\\x82\"");
    wf_buf_release(&b);
}

/* A cut never leaves half a character. */
static void test_report_utf8_cut(void **state)
{
    (void)state;
    char out[8];
    const char *kana = "\xe3\x82\xa2\xe3\x82\xa2\xe3\x82\xa2"; /* 3 x U+30A2 */
    assert_int_equal(wf_utf8_cut(kana, 8), 6);
    assert_int_equal(wf_utf8_cut(kana, 9), 9);
    assert_int_equal(wf_utf8_cut("ab\xc3\xa9", 3), 2);
    assert_int_equal(wf_utf8_cut("ab", 60), 2);
    assert_int_equal(wf_utf8_copy(out, sizeof(out), kana), 6);
    assert_string_equal(out, "\xe3\x82\xa2\xe3\x82\xa2");
    assert_false(wf_strlcpy(out, "abcdef\xc3\xa9", sizeof(out)));
    assert_string_equal(out, "abcdef");
}

/* What wf_text_safe lets through and what it writes as an escape. */
static void test_report_text_safe(void **state)
{
    (void)state;
    char out[64];
    struct wf_buf b;
    /* Letters of any language pass; controls of every kind do not. */
    assert_string_equal(wf_text_safe("Mise \xc3\xa0 jour \xe2\x9c\x93", out, sizeof(out)),
                        "Mise \xc3\xa0 jour \xe2\x9c\x93");
    assert_string_equal(wf_text_safe("a\tb\nc\x7f\x1b[0m", out, sizeof(out)), "a\\x09b\\x0ac\\x7f\\x1b[0m");
    assert_string_equal(wf_text_safe("\xc2\x9b"
                                     "31m\xc2\x85",
                                     out, sizeof(out)),
                        "\\u009b31m\\u0085");
    /* Bytes that are not UTF-8: a stray continuation, a lead without its rest. */
    assert_string_equal(wf_text_safe("\x9b\xe2\x9c", out, sizeof(out)), "\\x9b\\xe2\\x9c");
    /* Cut to fit, never inside an escape or a character. */
    assert_string_equal(wf_text_safe("ab\x1b", out, 6), "ab");
    assert_string_equal(wf_text_safe("ab\xe2\x9c\x93", out, 5), "ab");
    wf_buf_init(&b);
    wf_buf_puts_safe(&b, "x\r\ny");
    assert_string_equal(wf_buf_str(&b), "x\\x0d\\x0ay");
    wf_buf_release(&b);
}

/* Words that say nothing go: "services on one line move together" only
 * where a line has more than one (b394e12 said it over a plan of one
 * service a line). */
static void test_report_plan_says_together_only_where_it_is(void **state)
{
    (void)state;
    struct fake_scm f;
    fake_scm_init(&f);
    fake_scm_windows(&f);
    struct wf_backend be = fake_scm_backend(&f);
    struct wf_plan *p = wf_plan_new(WF_OP_RESTART);
    wf_plan_add(p, "UsoSvc", true, NULL);
    wf_plan_add(p, "wuauserv", true, NULL);
    assert_int_equal(wf_plan_gather(p, &be), WF_OK);
    assert_int_equal(wf_plan_build(p), WF_OK);
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_plan(&b, p, NULL, false);
    assert_string_equal(wf_buf_str(&b), "Plan (4 steps):\n"
                                        "  1. stop UsoSvc\n"
                                        "  2. stop wuauserv\n"
                                        "  3. start wuauserv\n"
                                        "  4. start UsoSvc\n");
    wf_buf_release(&b);
    wf_plan_free(p);
}

/* Start types in services.msc's words, triggers included (b394e12:
 * "Automatic (delayed)", "Manual (trigger)"). */
static void test_report_start_types_as_services_msc(void **state)
{
    (void)state;
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    static const struct {
        enum wf_start_type t;
        int triggers;
        const char *words;
    } cases[] = {
        {WF_START_AUTO_DELAYED, 0, "Automatic (Delayed Start)"},
        {WF_START_AUTO_DELAYED, 1, "Automatic (Delayed Start, Trigger Start)"},
        {WF_START_MANUAL, 2, "Manual (Trigger Start)"},
        {WF_START_AUTO, 1, "Automatic (Trigger Start)"},
        {WF_START_DISABLED, 1, "Disabled"},
    };
    size_t i;
    wf_plan_add(p, "DoSvc", true, &i);
    p->svc[i].installed = true;
    struct wf_report_ctx c = {.command = "status", .computer = "PC1"};
    struct wf_buf b;
    wf_buf_init(&b);
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        p->svc[i].cfg.start_type = cases[k].t;
        p->svc[i].cfg.triggers = cases[k].triggers;
        wf_buf_clear(&b);
        wf_report_table(&b, &c, p, WF_TABLE_BEFORE);
        if (!strstr(wf_buf_str(&b), cases[k].words))
            fail_msg("case %u: %s", (unsigned)k, wf_buf_str(&b));
    }
    wf_buf_release(&b);
    wf_plan_free(p);
}

/* The code column is as wide as the longest code, no wider, and a code
 * longer than b394e12's 22 columns does not push its words out of line. */
static void test_report_code_column_fits_the_codes(void **state)
{
    (void)state;
    struct wf_check *chk = calloc(1, sizeof(*chk));
    assert_non_null(chk);
    wf_check_add(chk, "wuauserv", "disabled", WF_SEV_ERROR, true, "disabled", "manual");
    wf_check_add(chk, "UsoSvc", "image_path", WF_SEV_ERROR, true, "x", "y");
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_problems(&b, NULL, chk);
    const char *t = wf_buf_str(&b);
    assert_non_null(strstr(t, "  error   disabled    "));
    assert_non_null(strstr(t, "  error   image_path  "));
    assert_null(strstr(t, "image_path           "));
    wf_check_add(chk, "", "update_server_unreachable_long", WF_SEV_ERROR, false, "", "");
    wf_buf_clear(&b);
    wf_report_problems(&b, NULL, chk);
    t = wf_buf_str(&b);
    const char *a = strstr(t, "disabled "), *z = strstr(t, "update_server_unreachable_long ");
    assert_non_null(a);
    assert_non_null(z);
    /* Each code's words start in the same column. */
    size_t col_a, col_z;
    const char *la = a;
    while (la > t && la[-1] != '\n')
        la--;
    const char *lz = z;
    while (lz > t && lz[-1] != '\n')
        lz--;
    col_a = (size_t)(a - la) + strlen("disabled") + strspn(a + strlen("disabled"), " ");
    col_z = (size_t)(z - lz) + strlen("update_server_unreachable_long") +
            strspn(z + strlen("update_server_unreachable_long"), " ");
    assert_int_equal(col_a, col_z);
    wf_check_release(chk);
    free(chk);
    wf_buf_release(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_table_golden),
        cmocka_unit_test(test_report_plan_says_together_only_where_it_is),
        cmocka_unit_test(test_report_start_types_as_services_msc),
        cmocka_unit_test(test_report_code_column_fits_the_codes),
        cmocka_unit_test(test_report_text_safe),
        cmocka_unit_test(test_report_utf8_cut),
        cmocka_unit_test(test_report_actions_and_errors),
        cmocka_unit_test(test_report_json_golden),
        cmocka_unit_test(test_report_plan_waves),
        cmocka_unit_test(test_report_plan_numbers_each_line_once),
        cmocka_unit_test(test_report_json_escapes_control_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_history.c - the update history (every result of ReportingEvents.log
 * and of the copies reset set aside, newest first, -n, text escaped, JSON)
 * and check --json --brief (one flat object within 2,048 characters on the
 * worst machine the fixtures make, and on a check full of the longest
 * problems). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_scm.h"
#include "machines.h"
#include "wufix/mech/brief.h"
#include "wufix/mech/history.h"

#define SD       "C:\\Windows\\SoftwareDistribution"
#define LOG_PATH SD "\\ReportingEvents.log"
#define ASIDE1   SD ".wufix-20261101-090000"
#define ASIDE2   SD ".wufix-20261115-090000"

/* One event line as Windows writes it (13 tab-separated fields). */
#define EVENT(when, id, hr, message)                                                                         \
    "{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}\t" when "\t1\t" id                                               \
    "\t101\t{00000000-0000-0000-0000-000000000000}\t"                                                        \
    "200\t" hr "\tUpdateOrchestrator\tFailure\tContent Install\t" message                                    \
    "\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}"                                                               \
    "\r\n"
#define SCAN_OK(when)                                                                                        \
    EVENT(when, "147 [AGENT_DETECTION_FINISHED]", "0",                                                       \
          "Windows Update Client successfully detected 3 updates.")
#define SCAN_FAIL(when, hr)                                                                                  \
    EVENT(when, "148 [AGENT_DETECTION_FAILED]", hr,                                                          \
          "Windows Update Client failed to detect with error 0x" hr ".")
#define INSTALL_FAIL(when, hr, title)                                                                        \
    EVENT(when, "182 [AGENT_INSTALLING_FAILED]", hr,                                                         \
          "Installation Failure: Windows failed to install the following update with error 0x" hr ": " title \
          ".")
#define INSTALL_OK(when, title)                                                                              \
    EVENT(when, "183 [AGENT_INSTALLING_SUCCEEDED]", "0",                                                     \
          "Installation Successful: Windows successfully installed the following update: " title)
#define DOWNLOAD_FAIL(when, hr, title)                                                                       \
    EVENT(when, "161 [AGENT_DOWNLOAD_FAILED]", hr,                                                           \
          "Download Failure: Windows failed to download the following update with error 0x" hr ": " title    \
          ".")

#define NOV_CU "2026-11 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5099999)"
#define OCT_CU "2026-10 Cumulative Update for Windows 10 Version 22H2 for x64-based Systems (KB5088888)"

static uint8_t bufs[4][1u << 16];

/* UTF-16LE with a byte order mark, as Windows writes the file. */
static size_t utf16(const char *text, uint8_t *out)
{
    size_t n = 0;
    out[n++] = 0xFF;
    out[n++] = 0xFE;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        out[n++] = *p;
        out[n++] = 0;
    }
    return n;
}

static void plant(struct fake_scm *f, const char *path, const char *text, int slot)
{
    struct fake_file *x = fake_file_put(f, path, 0);
    assert_non_null(x);
    x->nbytes = utf16(text, bufs[slot]);
    x->bytes = bufs[slot];
    x->size = x->nbytes;
}

/* The machine after two resets: the current log, and two set aside. */
static void plant_three_logs(struct fake_scm *f)
{
    plant(f, ASIDE1 "\\ReportingEvents.log",
          SCAN_OK("2026-10-30 08:00:00:000+0100") INSTALL_OK("2026-10-30 08:30:00:000+0100", OCT_CU), 0);
    plant(f, ASIDE2 "\\ReportingEvents.log",
          INSTALL_FAIL("2026-11-14 10:00:00:000+0100", "80073712", NOV_CU)
              INSTALL_FAIL("2026-11-14 18:00:00:000+0100", "80073712", NOV_CU),
          1);
    plant(f, LOG_PATH,
          SCAN_FAIL("2026-11-20 09:00:00:000+0000", "8024402c") DOWNLOAD_FAIL(
              "2026-11-20 08:00:00:000-0500", "80240438", "Evil\x1b[31m update\x07 (KB5077777)"),
          2);
}

static void test_history_parse_every_result(void **state)
{
    struct wf_history h;
    uint8_t *b = bufs[3];
    (void)state;
    memset(&h, 0, sizeof(h));
    size_t n = utf16(SCAN_OK("2026-11-20 13:58:02:100+0100")
                         INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU)
                             INSTALL_OK("2026-11-21 14:02:11:509+0100", NOV_CU) "not an event\r\n",
                     b);
    assert_int_equal(wf_history_parse(b, n, n, false, &h), WF_OK);
    assert_int_equal(h.n, 3);
    assert_int_equal(h.unreadable, 0);
    assert_int_equal(h.ev[0].kind, WF_WU_SCAN);
    assert_int_equal(h.ev[0].result, WF_WU_SUCCEEDED);
    assert_string_equal(h.ev[0].title, "");
    assert_int_equal(h.ev[1].result, WF_WU_FAILED);
    assert_int_equal(h.ev[1].hresult, 0x80073712u);
    assert_string_equal(h.ev[1].kb, "KB5099999");
    assert_string_equal(h.ev[1].title, NOV_CU);
    assert_string_equal(h.ev[1].when, "2026-11-20T14:02:11+01:00");
    assert_int_equal(h.ev[2].result, WF_WU_SUCCEEDED);
    assert_string_equal(h.ev[2].title, NOV_CU); /* a success's title too */
    wf_history_sort(&h);
    assert_int_equal(h.ev[0].kind, WF_WU_INSTALL);
    assert_int_equal(h.ev[0].result, WF_WU_SUCCEEDED);
    wf_history_release(&h);
    /* Not this format: said, nothing made up. */
    assert_int_equal(wf_history_parse((const uint8_t *)"hello\r\n", 7, 7, false, &h), WF_OK);
    assert_int_equal(h.n, 0);
    assert_int_equal(h.unreadable, 1);
    wf_history_release(&h);
}

static void test_history_instants_across_offsets(void **state)
{
    int64_t a, b;
    (void)state;
    assert_true(wf_history_instant("1970-01-01T00:00:00Z", &a));
    assert_int_equal(a, 0);
    assert_true(wf_history_instant("2026-11-20T09:00:00+01:00", &a));
    assert_true(wf_history_instant("2026-11-20T04:00:00-05:00", &b));
    assert_true(b > a); /* 09:00Z after 08:00Z */
    assert_true(wf_history_instant("2024-03-01T00:00:00Z", &a));
    assert_true(wf_history_instant("2024-02-28T00:00:00Z", &b));
    assert_int_equal(a - b, 2 * 86400); /* 2024 is a leap year */
    assert_false(wf_history_instant("2026-13-01T00:00:00Z", &a));
    assert_false(wf_history_instant("not a date", &a));
}

static void test_history_reads_the_copies_reset_set_aside(void **state)
{
    struct fake_cli *x = *state;
    struct wf_history h;
    plant_three_logs(&x->scm);
    struct wf_host host = fake_scm_host(&x->scm);
    assert_int_equal(wf_history_read(&host, &h), WF_OK);
    assert_int_equal(h.logs, 3);
    assert_int_equal(h.n, 6);
    /* Newest first, by the instant: 13:00Z (-05:00) before 09:00Z. */
    assert_int_equal(h.ev[0].kind, WF_WU_DOWNLOAD);
    assert_int_equal(h.ev[1].kind, WF_WU_SCAN);
    assert_false(h.ev[1].set_aside);
    assert_string_equal(h.ev[2].when, "2026-11-14T18:00:00+01:00");
    assert_true(h.ev[2].set_aside);
    assert_string_equal(h.ev[5].when, "2026-10-30T08:00:00+01:00");
    wf_history_release(&h);
}

static void test_history_command_text(void **state)
{
    struct fake_cli *x = *state;
    plant_three_logs(&x->scm);
    x->fp.pf.elevated = false; /* reads only: no administrator needed */
    assert_int_equal(FAKE_RUN(x, "history"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "Update history on FAKEPC (newest first, 6 of 6 found):\n"));
    /* The update source's words escaped: no tab, no escape sequence reaches the screen. */
    assert_null(strstr(o, "\x1b"));
    assert_non_null(strstr(o, "download failed           0x80240438"));
    assert_non_null(strstr(o, "KB5077777  Evil\\x1b[31m update\\x07 (KB5077777)\n"));
    assert_non_null(strstr(o, "* 2026-11-14 18:00  install  failed           0x80073712 "
                              "ERROR_SXS_COMPONENT_STORE_CORRUPT  KB5099999  " NOV_CU "\n"));
    assert_non_null(strstr(o, "* from a copy of the log that 'wufix reset' set aside\n"));
    /* -n N: the newest N. */
    assert_int_equal(FAKE_RUN(x, "history", "-n", "2"), 0);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "(newest first, 2 of 6 found)"));
    assert_null(strstr(o, "2026-11-14"));
    assert_int_equal(FAKE_RUN(x, "history", "--count=1"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "(newest first, 1 of 6 found)"));
}

static void test_history_command_json(void **state)
{
    struct fake_cli *x = *state;
    plant_three_logs(&x->scm);
    assert_int_equal(FAKE_RUN(x, "history", "--json", "-n", "3"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "{\"command\":\"history\",\"computer\":\"FAKEPC\",\"exit_code\":0,"));
    assert_non_null(
        strstr(o, "\"services\":[],\"problems\":[],\"history\":[{\"date\":\"2026-11-20T08:00:00-05:00\","
                  "\"kind\":\"download\",\"result\":\"failed\",\"hresult\":\"0x80240438\""));
    assert_non_null(strstr(o, "\"update\":\"Evil\\u001b[31m update\\u0007 (KB5077777)\""));
    assert_non_null(strstr(o, "\"name\":\"ERROR_SXS_COMPONENT_STORE_CORRUPT\",\"kb\":\"KB5099999\""));
    assert_non_null(strstr(o, "\"set_aside\":true}]}\n"));
    /* No log at all: an empty history, not an error. */
    fake_file_remove(&x->scm, LOG_PATH);
    fake_file_remove(&x->scm, ASIDE1 "\\ReportingEvents.log");
    fake_file_remove(&x->scm, ASIDE2 "\\ReportingEvents.log");
    assert_int_equal(FAKE_RUN(x, "history", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"history\":[]}"));
}

static void test_history_usage_errors(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "history", "-n", "0"), 2);
    assert_non_null(strstr(FAKE_ERR(x), "--count: '0' is not a whole number of results from 1 to 1000"));
    assert_int_equal(FAKE_RUN(x, "history", "-n", "1001"), 2);
    assert_int_equal(FAKE_RUN(x, "history", "-n"), 2);
    assert_int_equal(FAKE_RUN(x, "history", "--all"), 2);
    assert_int_equal(FAKE_RUN(x, "restart", "--count", "3"), 2);
    assert_non_null(strstr(FAKE_ERR(x), "option '--count' does not apply to 'restart'"));
    /* Elsewhere -n is still --dry-run. */
    assert_int_equal(FAKE_RUN(x, "restart", "-n"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Dry run: nothing was changed."));
}

/* check --json --brief */

static void assert_brief(const char *o)
{
    size_t n = strlen(o);
    assert_true(n <= WF_BRIEF_MAX);
    assert_true(n > 0 && o[n - 1] == '\n');
    assert_null(strchr(o, '\n') + 1 < o + n ? strchr(o, '\n') + 1 : NULL); /* one line */
    assert_null(strchr(o + 1, '{'));                                       /* flat: no object inside */
    assert_null(strchr(o, '['));                                           /* and no array */
    assert_non_null(strstr(o, "\"brief\":true"));
}

static void test_brief_healthy_and_failed(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuild", WF_REG_SZ,
                 "19045", 0);
    fake_reg_set(&x->scm, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "UBR", WF_REG_DWORD, NULL, 5131);
    assert_int_equal(FAKE_RUN(x, "check", "--json", "--brief"), 0);
    assert_brief(FAKE_OUT(x));
    assert_string_equal(FAKE_OUT(x),
                        "{\"command\":\"check\",\"computer\":\"FAKEPC\",\"exit_code\":0,\"brief\":true,"
                        "\"errors\":0,\"warnings\":0,\"fixable\":0,\"last_failure\":null,"
                        "\"last_failure_hresult\":null,\"last_failure_kb\":null,"
                        "\"last_failure_date\":null,\"days_since_install\":null,"
                        "\"days_since_scan\":null,\"build\":\"19045.5131\",\"reboot_pending\":false,"
                        "\"problems\":\"\",\"problems_left_out\":0}\n");
    plant(&x->scm, LOG_PATH,
          SCAN_OK("2026-11-30 12:00:00:000+0000") INSTALL_OK("2026-11-10 08:30:00:000+0100", OCT_CU)
              INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU),
          2);
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    assert_int_equal(FAKE_RUN(x, "check", "--json", "--brief"), 1);
    const char *o = FAKE_OUT(x);
    assert_brief(o);
    assert_non_null(
        strstr(o, "\"last_failure\":\"install\",\"last_failure_hresult\":\"0x80073712\","
                  "\"last_failure_kb\":\"KB5099999\",\"last_failure_date\":\"2026-11-20T14:02:11+01:00\","
                  "\"days_since_install\":22,\"days_since_scan\":2,"));
    assert_non_null(
        strstr(o, "\"problems\":\"wuauserv:disabled last_install_failed\",\"problems_left_out\":0}"));
}

/* Every trace of every blocker tool the fixtures know, on one machine, with
 * Windows Update failing every way, a reboot pending and a hostile name. */
static void test_brief_worst_machine_fits(void **state)
{
    struct fake_scm *f = calloc(1, sizeof(*f));
    struct fake_platform *fp = calloc(1, sizeof(*fp));
    (void)state;
    assert_non_null(f);
    assert_non_null(fp);
    fake_scm_init(f);
    machine_apply(f, &machine_winutil);
    machine_apply_traces(f, &machine_wub_17);
    machine_apply_traces(f, &machine_wu10man_2018);
    machine_apply_traces(f, &machine_privacy_sexy);
    fake_reg_set(f, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending",
                 "", WF_REG_NONE, NULL, 0);
    fake_reg_set(f, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuild", WF_REG_SZ,
                 "\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"", 0);
    /* A feature update held back every way check says (a hold, a red reason, the policies, SetupDiag). */
    static const char *const fu[][2] = {{"GatedBlockId", "41332279"},
                                        {"GatedBlockReason", "Printer"},
                                        {"UpgEx", "Red"},
                                        {"RedReason", "Tpm UefiSecureBoot"}};
    for (size_t i = 0; i < 4; i++)
        fake_reg_set(f,
                     "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\AppCompatFlags\\"
                     "TargetVersionUpgradeExperienceIndicators\\NI22H2",
                     fu[i][0], WF_REG_SZ, fu[i][1], 0);
    static const char *const pol[] = {"TargetReleaseVersion", "DeferFeatureUpdatesPeriodInDays",
                                      "DisableWUfBSafeguards"};
    for (size_t i = 0; i < 3; i++)
        fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", pol[i], WF_REG_DWORD, NULL,
                     1);
    fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", "TargetReleaseVersionInfo",
                 WF_REG_SZ, "22H2", 0);
    fake_file_put(f, "C:\\Windows\\Logs\\SetupDiag\\SetupDiagResults.xml", 0)->content =
        "<ProfileName>FindRollbackFailure</ProfileName><FailureDetails>Err = 0xC1900101</FailureDetails>";
    memset(f->computer, '"', sizeof(f->computer) - 1);
    f->computer[sizeof(f->computer) - 1] = '\0';
    plant(f, LOG_PATH,
          SCAN_FAIL("2026-11-20 09:00:00:000+0000", "8024402c")
              DOWNLOAD_FAIL("2026-11-20 08:00:00:000-0500", "80240438", NOV_CU)
                  INSTALL_FAIL("2026-11-20 14:02:11:509+0100", "80073712", NOV_CU),
          2);
    fake_platform_init(fp, f, true);
    assert_int_equal(
        fake_platform_run(fp, (const char *const[]){"check", "--all", "--json", "--brief", NULL}), 1);
    const char *o = wf_buf_str(&fp->out);
    assert_brief(o);
    assert_non_null(strstr(o, "\"reboot_pending\":true"));
    assert_non_null(strstr(o, "\"problems_left_out\":0}")); /* every problem of the worst fixture fits */
    assert_non_null(strstr(o, " safeguard_hold "));
    assert_non_null(strstr(o, " setupdiag_failure"));
    assert_non_null(strstr(o, "\"last_failure_hresult\":\"0x8")); /* the latest failure check reports */
    /* Many problems found, every one counted. */
    unsigned errors = 0, warnings = 0;
    assert_int_equal(sscanf(strstr(o, "\"errors\":"), "\"errors\":%u,\"warnings\":%u", &errors, &warnings),
                     2);
    assert_true(errors + warnings >= 20);
    fake_platform_release(fp);
    free(fp);
    free(f);
}

/* The bound holds whatever the problems: a check full of the longest names
 * that JSON must escape. */
static void test_brief_flood_of_problems_fits(void **state)
{
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_brief facts;
    struct wf_buf b;
    char longest[WF_NAME_MAX], name[64];
    (void)state;
    assert_non_null(c);
    memset(longest, '"', sizeof(longest) - 1);
    longest[sizeof(longest) - 1] = '\0';
    for (int i = 0; i < 500; i++) /* the list has no limit: far more than fit */
        assert_non_null(wf_check_add(c, longest, "blocker_ifeo_debugger", WF_SEV_ERROR, true, "", ""));
    assert_int_equal(c->n, 500);
    memset(&facts, 0, sizeof(facts));
    facts.install_days = facts.scan_days = 99999;
    memset(facts.build, '\\', sizeof(facts.build) - 1);
    memset(name, '\x01', sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    wf_buf_init(&b);
    wf_brief_json(&b, name, c, &facts, 1);
    assert_brief(wf_buf_str(&b));
    assert_non_null(strstr(wf_buf_str(&b), "\"problems_left_out\":"));
    assert_null(strstr(wf_buf_str(&b), "\"problems_left_out\":0}"));
    /* Short ones: all of them fit. */
    wf_buf_clear(&b);
    c->n = 0;
    for (int i = 0; i < 20; i++)
        wf_check_add(c, "wuauserv", "start_type", WF_SEV_ERROR, true, "", "");
    wf_brief_json(&b, "PC", c, &facts, 1);
    assert_brief(wf_buf_str(&b));
    assert_non_null(strstr(wf_buf_str(&b), "\"problems_left_out\":0}"));
    wf_buf_release(&b);
    wf_check_release(c);
    free(c);
}

static void test_brief_usage_errors(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "check", "--brief"), 2);
    assert_non_null(strstr(FAKE_ERR(x), "--brief needs --json"));
    assert_int_equal(FAKE_RUN(x, "status", "--json", "--brief"), 2);
    assert_non_null(strstr(FAKE_ERR(x), "option '--brief' does not apply to 'status'"));
    assert_int_equal(FAKE_RUN(x, "check", "--json", "--brief", "--computer", "PC01"), 2);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fake_cli_setup, fake_cli_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_history_parse_every_result),
        cmocka_unit_test(test_history_instants_across_offsets),
        T(test_history_reads_the_copies_reset_set_aside),
        T(test_history_command_text),
        T(test_history_command_json),
        T(test_history_usage_errors),
        T(test_brief_healthy_and_failed),
        cmocka_unit_test(test_brief_worst_machine_fits),
        cmocka_unit_test(test_brief_flood_of_problems_fits),
        T(test_brief_usage_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

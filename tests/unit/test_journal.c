/* SPDX-License-Identifier: MIT */
/* test_journal.c - the journal's text form: round trip, and what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "wufix/journal.h"

static void test_journal_round_trip(void **state)
{
    (void)state;
    struct wf_plan *p = wf_plan_new(WF_OP_RESTART);
    size_t i;
    wf_plan_add(p, "wuauserv", true, &i);
    p->svc[i].installed = true;
    p->svc[i].before.state = WF_STATE_RUNNING;
    p->svc[i].cfg.start_type = WF_START_MANUAL;
    wf_plan_add(p, "AppIDSvc", false, &i);
    p->svc[i].installed = true;
    p->svc[i].before.state = WF_STATE_STOPPED;
    p->svc[i].cfg.start_type = WF_START_AUTO_DELAYED;
    wf_plan_add(p, "gone", true, &i); /* not installed: nothing to put back */
    struct wf_journal j, k;
    wf_journal_from_plan(&j, p, "restart", "2026-11-22T01:02:03Z", 77);
    assert_int_equal(j.nsvc, 2);
    struct wf_buf b;
    wf_buf_init(&b);
    wf_journal_format(&j, &b);
    assert_string_equal(
        wf_buf_str(&b),
        "wufix-journal 1\ncommand restart\nstarted 2026-11-22T01:02:03Z\npid 77\nopen 1\n"
        "outcome -\nservice 1 running manual wuauserv\nservice 0 stopped auto_delayed AppIDSvc\n");
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), &k), WF_OK);
    assert_string_equal(k.command, "restart");
    assert_int_equal(k.pid, 77);
    assert_true(k.open);
    assert_int_equal(k.nsvc, 2);
    assert_string_equal(k.svc[1].name, "AppIDSvc");
    assert_false(k.svc[1].in_set);
    assert_int_equal(k.svc[1].state, WF_STATE_STOPPED);
    assert_int_equal(k.svc[1].start_type, WF_START_AUTO_DELAYED);
    wf_buf_release(&b);
    wf_plan_free(p);
}

static void test_journal_refuses_what_is_not_one(void **state)
{
    (void)state;
    struct wf_journal j;
    assert_int_equal(wf_journal_parse("", &j), WF_E_NO_SERVICE);
    assert_int_equal(wf_journal_parse("hello\n", &j), WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 2\ncommand stop\n", &j), WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 1\n", &j), WF_E_JOURNAL); /* no command */
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand stop\nservice 1 running manual\n", &j),
                     WF_E_JOURNAL); /* no name */
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand stop\nservice 1 dancing manual x\n", &j),
                     WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand stop\noutcome \r 76\n", &j), WF_E_JOURNAL);
    /* A name with spaces, and an empty time, survive a round trip. */
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand stop\nstarted -\n"
                                      "service 0 running manual Some Vendor Agent\n",
                                      &j),
                     WF_OK);
    assert_string_equal(j.svc[0].name, "Some Vendor Agent");
    assert_string_equal(j.started, "");
    struct wf_buf b;
    wf_buf_init(&b);
    wf_journal_format(&j, &b);
    assert_non_null(strstr(wf_buf_str(&b), "started -\n"));
    assert_non_null(strstr(wf_buf_str(&b), "service 0 running manual Some Vendor Agent\n"));
    wf_buf_release(&b);
    /* CRLF line ends (a journal edited on Windows) are fine. */
    assert_int_equal(wf_journal_parse("wufix-journal 1\r\ncommand stop\r\nopen 0\r\n"
                                      "service 1 running manual BITS\r\n",
                                      &j),
                     WF_OK);
    assert_false(j.open);
    assert_int_equal(j.svc[0].state, WF_STATE_RUNNING);
    assert_string_equal(j.svc[0].name, "BITS");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_journal_round_trip),
        cmocka_unit_test(test_journal_refuses_what_is_not_one),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

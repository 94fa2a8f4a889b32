/* SPDX-License-Identifier: MIT */
/* test_journal.c - the journal's text form: round trip, and what is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/journal.h"

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
    static struct wf_journal j, k;    /* 2 MB each: off the stack */
    wf_journal_from_plan(&j, p, "restart", "2026-11-22T01:02:03Z", 77);
    assert_int_equal(j.nsvc, 2);
    struct wf_buf b;
    wf_buf_init(&b);
    wf_journal_format(&j, &b);
    assert_string_equal(
        wf_buf_str(&b),
        "wufix-journal 3\ncommand restart\nstarted 2026-11-22T01:02:03Z\npid 77\nopen 1\n"
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

/* The account a repair sets back, and a REG_MULTI_SZ it removes (WubBlockLists),
 * are kept as they were and read back equal. */
static void test_journal_account_and_multi_string(void **state)
{
    (void)state;
    static struct wf_journal j, k; /* 2 MB each: off the stack */
    memset(&j, 0, sizeof(j));
    wf_strlcpy(j.command, "repair", sizeof(j.command));
    j.nfix = 2;
    j.fix[0].kind = WF_FIX_ACCOUNT;
    wf_strlcpy(j.fix[0].service, "wuauserv", sizeof(j.fix[0].service));
    wf_strlcpy(j.fix[0].was.str, "NT AUTHORITY\\LocalService", sizeof(j.fix[0].was.str));
    j.fix[1].kind = WF_FIX_REG;
    j.fix[1].was.type = WF_REG_MULTI_SZ;
    wf_strlcpy(j.fix[1].key, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options",
               sizeof(j.fix[1].key));
    wf_strlcpy(j.fix[1].value, "WubBlockLists", sizeof(j.fix[1].value));
    wf_strlcpy(j.fix[1].was.str, "WaaSMedic.exe|remsh.exe", sizeof(j.fix[1].was.str));
    struct wf_buf b;
    wf_buf_init(&b);
    wf_journal_format(&j, &b);
    assert_non_null(strstr(wf_buf_str(&b), "fix account wuauserv|NT AUTHORITY\\LocalService\n"));
    assert_non_null(strstr(wf_buf_str(&b), "fix reg multi 0 "));
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), &k), WF_OK);
    assert_int_equal(k.nfix, 2);
    assert_int_equal(k.fix[0].kind, WF_FIX_ACCOUNT);
    assert_string_equal(k.fix[0].service, "wuauserv");
    assert_string_equal(k.fix[0].was.str, "NT AUTHORITY\\LocalService");
    assert_int_equal(k.fix[1].kind, WF_FIX_REG);
    assert_int_equal(k.fix[1].was.type, WF_REG_MULTI_SZ);
    assert_string_equal(k.fix[1].was.str, "WaaSMedic.exe|remsh.exe");
    assert_string_equal(k.fix[1].value, "WubBlockLists");
    wf_buf_release(&b);
}

/* Every value recorded exactly (issue: an ImagePath holding a line break
 * followed by "fix reg sz 0 ...|Debugger|..." became a journal line of its
 * own, which wufix anchored and applied on undo). Any byte but NUL, any '|'
 * or '%', comes back as it was, on the one line it belongs to; a version 1
 * journal (no escapes) is still read as it was written. */
static void test_journal_values_recorded_exactly(void **state)
{
    (void)state;
    static const char evil[] =
        "C:\\x.exe\nfix reg sz 0 SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image "
        "File Execution Options\\UsoClient.exe|Debugger|C:\\evil.exe\r\x01\x1b\x7f%41|\xff";
    static struct wf_journal j, k; /* 2 MB each: off the stack */
    memset(&j, 0, sizeof(j));
    wf_strlcpy(j.command, "repair", sizeof(j.command));
    j.nsvc = 1;
    wf_strlcpy(j.svc[0].name, "odd|name%0A", sizeof(j.svc[0].name));
    j.svc[0].state = WF_STATE_RUNNING;
    j.nfix = 2;
    j.fix[0].kind = WF_FIX_IMAGE;
    wf_strlcpy(j.fix[0].service, "UsoSvc", sizeof(j.fix[0].service));
    wf_strlcpy(j.fix[0].was.str, evil, sizeof(j.fix[0].was.str));
    j.fix[1].kind = WF_FIX_REG;
    j.fix[1].was.type = WF_REG_SZ;
    wf_strlcpy(j.fix[1].key, "SOFTWARE\\a|b", sizeof(j.fix[1].key));
    wf_strlcpy(j.fix[1].value, "Debugger\n", sizeof(j.fix[1].value));
    wf_strlcpy(j.fix[1].was.str, evil, sizeof(j.fix[1].was.str));
    struct wf_buf b;
    wf_buf_init(&b);
    wf_journal_format(&j, &b);
    size_t lines = 0;
    for (const char *p = wf_buf_str(&b); *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 6 + 1 + 2); /* the header's six, one service, two fixes: nothing forged */
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), &k), WF_OK);
    assert_int_equal(k.nfix, 2);
    assert_string_equal(k.svc[0].name, "odd|name%0A");
    assert_string_equal(k.fix[0].was.str, evil);
    assert_string_equal(k.fix[1].key, "SOFTWARE\\a|b");
    assert_string_equal(k.fix[1].value, "Debugger\n");
    assert_string_equal(k.fix[1].was.str, evil);
    wf_buf_release(&b);
    /* Escapes that are not wufix's: refused whole. */
    assert_int_equal(wf_journal_parse("wufix-journal 2\ncommand repair\nfix image UsoSvc|C:%0\n", &k),
                     WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 2\ncommand repair\nfix image UsoSvc|C:%00x\n", &k),
                     WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 2\ncommand repair\nfix image UsoSvc|C:%zz\n", &k),
                     WF_E_JOURNAL);
    /* Version 1: as written, % and all. */
    assert_int_equal(
        wf_journal_parse("wufix-journal 1\ncommand repair\nfix image UsoSvc|%systemroot%\\x.exe\n", &k),
        WF_OK);
    assert_string_equal(k.fix[0].was.str, "%systemroot%\\x.exe");
}

static void test_journal_refuses_what_is_not_one(void **state)
{
    (void)state;
    static struct wf_journal j; /* 2 MB: off the stack */
    assert_int_equal(wf_journal_parse("", &j), WF_E_NO_SERVICE);
    assert_int_equal(wf_journal_parse("hello\n", &j), WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 4\ncommand stop\n", &j), WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 1\n", &j), WF_E_JOURNAL); /* no command */
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand stop\nservice 1 running manual\n", &j),
                     WF_E_JOURNAL); /* no name */
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand stop\nservice 1 dancing manual x\n", &j),
                     WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand stop\noutcome \r 76\n", &j), WF_E_JOURNAL);
    /* A start fix cut after its first start type, at the very end of the
     * text: refused, and nothing past the text is read (the fuzzer found
     * this read under ASan). */
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand restart\nfix start manual", &j),
                     WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand restart\nfix start manual\nopen 1\n", &j),
                     WF_E_JOURNAL);
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

/* A full repair and a reset's renames fit together, and come back whole. */
static void test_journal_holds_a_full_reset(void **state)
{
    struct wf_repair *r = calloc(2, sizeof(*r));
    struct wf_journal *j = calloc(2, sizeof(*j));
    struct wf_buf b;
    (void)state;
    assert_non_null(r);
    assert_non_null(j);
    for (size_t i = 0; i < WF_FIXES_MAX; i++) {
        struct wf_fix *f = &r[0].fix[r[0].n++];
        f->kind = WF_FIX_START;
        f->was_start = WF_START_DISABLED;
        f->will_start = WF_START_MANUAL;
        snprintf(f->service, sizeof(f->service), "svc%u", (unsigned)i);
    }
    for (size_t i = 0; i < 10; i++) {
        struct wf_fix *f = &r[1].fix[r[1].n++];
        f->kind = WF_FIX_RENAME;
        f->bytes = 1000 + i;
        f->files = i;
        snprintf(f->was.str, sizeof(f->was.str), "C:\\ProgramData\\Microsoft\\q m\\qmgr%u.dat", (unsigned)i);
        snprintf(f->will.str, sizeof(f->will.str),
                 "C:\\ProgramData\\Microsoft\\q m\\qmgr%u.dat.wufix-20261122-000000", (unsigned)i);
    }
    j[0].nsvc = 0;
    wf_strlcpy(j[0].command, "reset", sizeof(j[0].command));
    wf_strlcpy(j[0].started, "2026-11-22T00:00:00Z", sizeof(j[0].started));
    wf_strlcpy(j[0].outcome, "-", sizeof(j[0].outcome));
    wf_journal_add_fixes(&j[0], &r[0]);
    wf_journal_add_fixes(&j[0], &r[1]);
    assert_int_equal(j[0].nfix, WF_FIXES_MAX + 10);
    wf_buf_init(&b);
    wf_journal_format(&j[0], &b);
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), &j[1]), WF_OK);
    assert_int_equal(j[1].nfix, WF_FIXES_MAX + 10);
    const struct wf_fix *last = &j[1].fix[j[1].nfix - 1];
    assert_int_equal(last->kind, WF_FIX_RENAME);
    assert_int_equal(last->bytes, 1009);
    assert_int_equal(last->files, 9);
    assert_string_equal(last->was.str, "C:\\ProgramData\\Microsoft\\q m\\qmgr9.dat");
    assert_string_equal(last->will.str, "C:\\ProgramData\\Microsoft\\q m\\qmgr9.dat.wufix-20261122-000000");
    wf_buf_release(&b);
    free(r);
    free(j);
}

/* Version 3: the last run, then the earlier runs undo can still put back,
 * each after a line "earlier"; the last run's parse stops there. */
static void test_journal_earlier_runs(void **state)
{
    (void)state;
    static const char text[] =
        "wufix-journal 3\ncommand restart\nstarted 2026-12-07T02:00:00Z\npid 9\nopen 0\n"
        "outcome ok\nservice 1 running manual wuauserv\n"
        "earlier\ncommand repair\nstarted 2026-12-07T01:00:00Z\npid 8\nopen 0\noutcome ok\n"
        "service 1 stopped disabled wuauserv\nfix start disabled manual wuauserv\n"
        "earlier\ncommand reset\nstarted 2026-12-06T01:00:00Z\npid 7\nopen 0\noutcome ok\n"
        "undoes 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n"
        "service 1 running manual wuauserv\nfix start auto manual wuauserv\n";
    static struct wf_journal j; /* 2 MB: off the stack */
    assert_int_equal(wf_journal_parse(text, &j), WF_OK);
    assert_string_equal(j.command, "restart");
    assert_int_equal(j.nsvc, 1);
    assert_int_equal(j.nfix, 0);
    assert_false(wf_journal_keeps(&j)); /* it changed no configuration */
    assert_int_equal(wf_journal_parse_run(text, 1, &j), WF_OK);
    assert_string_equal(j.command, "repair");
    assert_int_equal(j.nfix, 1);
    assert_int_equal(j.svc[0].state, WF_STATE_STOPPED);
    assert_true(wf_journal_keeps(&j));
    assert_int_equal(wf_journal_parse_run(text, 2, &j), WF_OK);
    assert_string_equal(j.command, "reset");
    assert_string_equal(j.undoes, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    assert_int_equal(wf_journal_parse_run(text, 3, &j), WF_E_NO_SERVICE);
    /* An undo, a failed run, an open one: never kept. */
    assert_int_equal(wf_journal_parse_run(text, 1, &j), WF_OK);
    wf_strlcpy(j.outcome, "rolled_back", sizeof(j.outcome));
    assert_false(wf_journal_keeps(&j));
    wf_strlcpy(j.outcome, "ok", sizeof(j.outcome));
    j.open = true;
    assert_false(wf_journal_keeps(&j));
    j.open = false;
    wf_strlcpy(j.command, "undo", sizeof(j.command));
    assert_false(wf_journal_keeps(&j));
    /* A malformed "undoes" line is not one wufix writes. */
    assert_int_equal(wf_journal_parse("wufix-journal 3\ncommand undo\nundoes 12\n", &j), WF_E_JOURNAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_journal_earlier_runs),
        cmocka_unit_test(test_journal_round_trip),
        cmocka_unit_test(test_journal_account_and_multi_string),
        cmocka_unit_test(test_journal_values_recorded_exactly),
        cmocka_unit_test(test_journal_refuses_what_is_not_one),
        cmocka_unit_test(test_journal_holds_a_full_reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_safety.c - SPEC section 6 through whole commands on the fake: the journal,
 * rollback, recovery of a killed run, undo, one wufix at a time, Ctrl+C, --force. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/journal.h"

#define JOURNAL(x) wf_buf_str(&(x)->fp.journal)

static enum wf_state st(struct fake_cli *x, const char *name)
{
    return fake_scm_get(&x->scm, name)->state;
}

static void test_safety_journal_written_before_change_and_closed(void **state)
{
    struct fake_cli *x = *state;
    x->fp.fail_save_at = 1; /* the journal cannot be written */
    assert_int_equal(FAKE_RUN(x, "restart"), 8);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_non_null(strstr(FAKE_ERR(x), "cannot write the journal"));
    assert_false(x->fp.held); /* the lock was given back */

    x->fp.fail_save_at = 0;
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_int_equal(x->fp.saves, 3); /* failed try, open, closed */
    assert_non_null(strstr(JOURNAL(x), "command restart\n"));
    assert_non_null(strstr(JOURNAL(x), "open 0\noutcome ok\n"));
    assert_non_null(strstr(JOURNAL(x), "service 1 running manual wuauserv\n"));
    assert_non_null(strstr(JOURNAL(x), "service 1 running auto_delayed UsoSvc\n"));
}

/* A power cut after any write that reached the disk leaves a journal the
 * anchor vouches for: the anchor (flushed, RegFlushKey) moves before the
 * file that it vouches for replaces the one before, which stays vouched for
 * as the one before. Written the other way round, a cut between the two
 * leaves a journal nothing vouches for: set aside unread, its run never put
 * back. Replayed line by line over restart, a repair and undo. */
static void test_safety_power_cut_after_any_write_leaves_a_vouched_journal(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_int_equal(FAKE_RUN(x, "undo", "--yes"), 0);
    char last[65] = "", before[65] = "", file[65] = "";
    unsigned files = 0;
    const char *line = wf_buf_str(&x->fp.durable);
    while (*line) {
        char one[160], kind[8], a[65], b[65];
        size_t len = strcspn(line, "\n");
        assert_true(len < sizeof(one));
        memcpy(one, line, len);
        one[len] = '\0';
        int n = sscanf(one, "%7s %64s %64s", kind, a, b);
        if (n == 3 && strcmp(kind, "anchor") == 0) {
            strcpy(last, strcmp(a, "-") ? a : "");
            strcpy(before, strcmp(b, "-") ? b : "");
        } else {
            assert_int_equal(n, 2);
            strcpy(file, a);
            files++;
        }
        /* The power goes here: what is on disk must be vouched for. */
        if (file[0] && strcmp(file, last) != 0 && strcmp(file, before) != 0)
            fail_msg("a cut after \"%s\" leaves a journal nothing vouches for", one);
        line += len + (line[len] == '\n');
    }
    assert_true(files >= 6); /* each run's opening and closing save */
}

static void test_safety_second_wufix_exits_6_reads_still_work(void **state)
{
    struct fake_cli *x = *state;
    x->fp.busy = true;
    assert_int_equal(FAKE_RUN(x, "restart"), 6);
    assert_non_null(strstr(FAKE_ERR(x), "another wufix is changing services"));
    assert_int_equal(x->scm.opens, 0);
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_int_equal(FAKE_RUN(x, "restart", "--dry-run"), 0); /* changes nothing: needs no lock */
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

static void test_safety_failure_rolls_back_and_closes_journal(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "CryptSvc")->fail_start_code = 2;
    assert_int_equal(FAKE_RUN(x, "restart", "--all"), 4);
    assert_int_equal(st(x, "wuauserv"), WF_STATE_RUNNING);
    assert_int_equal(st(x, "BITS"), WF_STATE_RUNNING);
    assert_non_null(strstr(JOURNAL(x), "open 0\noutcome failed\n")); /* CryptSvc could not be put back */
    fake_scm_get(&x->scm, "CryptSvc")->fail_start_code = 0;
    fake_scm_get(&x->scm, "DoSvc")->hang_stop = true;
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "DoSvc", "-s", "BITS", "-t", "1"), 4);
    assert_non_null(strstr(JOURNAL(x), "open 0\n"));
}

static void test_safety_killed_run_is_recovered_first(void **state)
{
    struct fake_cli *x = *state;
    /* A run was killed after stopping both: its journal is still open. */
    wf_buf_puts(&x->fp.journal, "wufix-journal 1\ncommand restart\nstarted 2026-11-21T10:00:00Z\npid 99\n"
                                "open 1\noutcome -\nservice 1 running manual wuauserv\n"
                                "service 1 running auto_delayed UsoSvc\n");
    fake_platform_vouch(&x->fp); /* the journal as wufix wrote it */
    fake_scm_get(&x->scm, "wuauserv")->state = WF_STATE_STOPPED;
    fake_scm_get(&x->scm, "UsoSvc")->state = WF_STATE_STOPPED;
    /* A dry run only says so. */
    assert_int_equal(FAKE_RUN(x, "stop", "-n"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "found the journal of an unfinished 'restart' (process 99"));
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    /* The next real run puts them back before doing its own work. */
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "BITS"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "the unfinished run was put back"));
    assert_int_equal(st(x, "wuauserv"), WF_STATE_RUNNING);
    assert_int_equal(st(x, "UsoSvc"), WF_STATE_RUNNING);
    assert_int_equal(st(x, "BITS"), WF_STATE_STOPPED);
    assert_true(fake_scm_log_find(&x->scm, "start wuauserv") < fake_scm_log_find(&x->scm, "start UsoSvc"));
    assert_true(fake_scm_log_find(&x->scm, "start UsoSvc") < fake_scm_log_find(&x->scm, "stop BITS"));
    assert_non_null(strstr(JOURNAL(x), "command stop\n"));
}

/* wufix's own journal, damaged on disk: never replaced or set aside (it may
 * be the only record of what a killed run changed), so nothing is changed. */
static void test_safety_unreadable_journal_is_kept(void **state)
{
    struct fake_cli *x = *state;
    wf_buf_puts(&x->fp.journal, "garbage\n");
    fake_platform_vouch(&x->fp);
    assert_int_equal(FAKE_RUN(x, "restart"), 8);
    assert_non_null(
        strstr(FAKE_ERR(x), "the journal of the last run cannot be read (journal_error); it is kept"));
    assert_string_equal(JOURNAL(x), "garbage\n");
    assert_int_equal(x->fp.asides, 0);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_int_equal(FAKE_RUN(x, "undo"), 8);
    assert_string_equal(JOURNAL(x), "garbage\n");
}

/* Another process holds the journal open so that it cannot be read (any user
 * could, with the read right it had): on 0085826 each run took it for
 * unreadable, moved the anchor, failed to save (exit 8) and, after two such
 * runs, set wufix's own journal aside as untrusted, so a killed run was never
 * recovered and undo was lost. Now: busy, exit 6, nothing changed, the anchor
 * where it was; once let go, the journal is wufix's as before. */
static void test_safety_busy_journal_is_never_lost(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    char last[65], before[65];
    wf_strlcpy(last, x->fp.anchor_last, sizeof(last));
    wf_strlcpy(before, x->fp.anchor_before, sizeof(before));
    size_t moves = fake_scm_changes(&x->scm);
    x->fp.journal_busy = true;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(FAKE_RUN(x, "restart"), 6);
        assert_non_null(strstr(FAKE_ERR(x), "held open by another process (busy)"));
    }
    assert_int_equal(FAKE_RUN(x, "undo"), 6);
    assert_int_equal(fake_scm_changes(&x->scm), moves);
    assert_string_equal(x->fp.anchor_last, last);
    assert_string_equal(x->fp.anchor_before, before);
    assert_int_equal(x->fp.asides, 0);
    x->fp.journal_busy = false;
    assert_int_equal(FAKE_RUN(x, "undo"),
                     0); /* read again: that restart left the services as it found them */
    assert_non_null(strstr(FAKE_OUT(x), "Nothing to undo: the last run ('restart', "));
}

/* A save that fails (the journal held open between this run's read and its
 * write) puts the anchor back: the journal on disk stays vouched for. */
static void test_safety_failed_save_puts_the_anchor_back(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    char last[65], before[65];
    wf_strlcpy(last, x->fp.anchor_last, sizeof(last));
    wf_strlcpy(before, x->fp.anchor_before, sizeof(before));
    x->fp.fail_save_at = x->fp.saves + 1;
    assert_int_equal(FAKE_RUN(x, "restart"), 8);
    assert_string_equal(x->fp.anchor_last, last);
    assert_string_equal(x->fp.anchor_before, before);
    x->fp.fail_save_at = 0;
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
}

static void test_safety_undo_puts_back_the_last_run(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Nothing to undo: no changing run"));
    assert_int_equal(FAKE_RUN(x, "stop", "--all"), 0);
    assert_int_equal(st(x, "CryptSvc"), WF_STATE_STOPPED);
    assert_int_equal(FAKE_RUN(x, "undo", "-n"), 0); /* shows the plan only */
    assert_int_equal(st(x, "CryptSvc"), WF_STATE_STOPPED);
    assert_non_null(strstr(FAKE_OUT(x), "start wuauserv"));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    const char *names[] = {"wuauserv", "UsoSvc", "BITS", "CryptSvc", "DoSvc"};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(st(x, names[i]), WF_STATE_RUNNING);
    assert_true(fake_scm_log_find(&x->scm, "start wuauserv") < fake_scm_log_find(&x->scm, "start UsoSvc"));
    /* An undo is not undone. */
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "was an undo"));
    assert_int_equal(st(x, "wuauserv"), WF_STATE_RUNNING);
}

static void test_safety_undo_after_failed_run_does_nothing(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "UsoSvc")->fail_start_code = 2;
    assert_int_equal(FAKE_RUN(x, "restart"), 4);
    size_t before = fake_scm_changes(&x->scm);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "did not complete"));
    assert_int_equal(fake_scm_changes(&x->scm), before);
}

static void test_safety_interrupt_puts_back_and_exits_7(void **state)
{
    struct fake_cli *x = *state;
    x->scm.interrupt_at_wait = 2; /* Ctrl+C while UsoSvc is stopping */
    assert_int_equal(FAKE_RUN(x, "restart"), 7);
    assert_int_equal(st(x, "wuauserv"), WF_STATE_RUNNING);
    assert_int_equal(st(x, "UsoSvc"), WF_STATE_RUNNING);
    assert_int_equal(fake_scm_log_count(&x->scm, "stop wuauserv"), 0); /* nothing new was started */
    assert_non_null(strstr(JOURNAL(x), "outcome interrupted\n"));
}

/* Ctrl+C, and then putting back fails (UsoSvc will not start again): that is
 * a failure, not "interrupted" (which promises everything was put back), and
 * the journal stays open so that the next run finishes putting back. On
 * 0085826 it was recorded and reported as interrupted (exit 7). */
static void test_safety_interrupt_whose_put_back_fails_is_a_failure(void **state)
{
    struct fake_cli *x = *state;
    x->scm.interrupt_at_wait = 2;                         /* Ctrl+C while UsoSvc is stopping */
    fake_scm_script(&x->scm, "start", "UsoSvc", 1053, 2); /* its one try and the retry 1053 earns */
    assert_int_equal(FAKE_RUN(x, "restart"), 4);
    assert_non_null(strstr(JOURNAL(x), "open 1\n"));
    assert_non_null(strstr(JOURNAL(x), "outcome failed\n"));
    assert_null(strstr(JOURNAL(x), "outcome interrupted"));
    /* The next run puts UsoSvc back first. */
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "found the journal of an unfinished 'restart'"));
    assert_int_equal(st(x, "UsoSvc"), WF_STATE_RUNNING);
}

static void test_safety_not_elevated_exits_3_first(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false;
    assert_int_equal(FAKE_RUN(x, "undo"), 3);
    assert_int_equal(x->fp.locks, 0);
    assert_int_equal(x->scm.opens, 0);
}

/* --force looks the process up, then ends it: a process ID that passed to
 * another process in between is never ended (on 0085826 the ID was opened
 * after the look, so a reused one was ended). */
static void test_safety_force_never_ends_a_reused_process_id(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    w->hang_stop = true;
    w->hint_ms = 60000;
    x->scm.pid_reused = true;
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "wuauserv", "-t", "2", "--force"), 4);
    assert_int_equal(x->scm.terminated_pid, 0);
    assert_non_null(strstr(FAKE_ERR(x), "is no longer its own"));
}

static void test_safety_force_ends_own_process_only(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    w->hang_stop = true;
    w->hint_ms = 60000;
    uint32_t pid = w->pid;
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "wuauserv", "-t", "2", "--force"), 0);
    assert_int_equal(x->scm.terminated_pid, pid);
    assert_int_equal(w->state, WF_STATE_STOPPED);
    assert_non_null(strstr(FAKE_OUT(x), "(--force ended its process)"));
}

static void test_safety_force_never_ends_a_shared_process(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    w->hang_stop = true;
    w->hint_ms = 60000;
    x->scm.shared_process = true; /* one svchost hosts them all */
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "wuauserv", "-t", "2", "--force"), 4);
    assert_int_equal(x->scm.terminated_pid, 0);
    assert_non_null(strstr(FAKE_ERR(x), "not ended: process"));
    assert_non_null(strstr(FAKE_ERR(x), "also hosts"));
    assert_non_null(strstr(FAKE_ERR(x), "UsoSvc"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_safety_journal_written_before_change_and_closed, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_power_cut_after_any_write_leaves_a_vouched_journal,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_second_wufix_exits_6_reads_still_work, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_failure_rolls_back_and_closes_journal, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_killed_run_is_recovered_first, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_unreadable_journal_is_kept, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_busy_journal_is_never_lost, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_failed_save_puts_the_anchor_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_undo_puts_back_the_last_run, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_undo_after_failed_run_does_nothing, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_interrupt_puts_back_and_exits_7, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_interrupt_whose_put_back_fails_is_a_failure,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_not_elevated_exits_3_first, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_force_never_ends_a_reused_process_id, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_force_ends_own_process_only, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_safety_force_never_ends_a_shared_process, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_reset.c - reset on the fake: the caches renamed aside only with their
 * services stopped, sizes reported, a rename something holds open retried
 * then put back, undo renaming back (a folder Windows made again moved aside,
 * never deleted), and a killed reset put back by the next run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/aside.h"

#define JOURNAL(x)  wf_buf_str(&(x)->fp.journal)
#define STAMP       ".wufix-20261122-000000"
#define SD_ASIDE    FAKE_SD STAMP
#define CAT_ASIDE   FAKE_CATROOT2 STAMP
#define QMGR0       FAKE_DOWNLOADER "\\qmgr0.dat"
#define QMGR0_ASIDE QMGR0 STAMP
#define MARKER      "\\marker.txt"

static int setup(void **state)
{
    int r = fake_cli_setup(state);
    struct fake_cli *x = *state;
    fake_scm_caches(&x->scm);
    return r;
}

static struct fake_svc *svc(struct fake_cli *x, const char *name)
{
    return fake_scm_get(&x->scm, name);
}

static bool exists(struct fake_cli *x, const char *path)
{
    struct wf_host h = fake_scm_host(&x->scm);
    return h.ops->path_exists(h.self, path) == WF_OK;
}

static void assert_all_running(struct fake_cli *x)
{
    static const char *const names[] = {"wuauserv", "UsoSvc", "BITS", "CryptSvc", "DoSvc"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        assert_int_equal(svc(x, names[i])->state, WF_STATE_RUNNING);
}

static void test_reset_sets_the_caches_aside(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    /* Renamed whole, the marker inside intact; nothing deleted. */
    assert_true(exists(x, SD_ASIDE MARKER));
    assert_true(exists(x, SD_ASIDE "\\Download\\update.cab"));
    assert_true(exists(x, CAT_ASIDE "\\edb.log"));
    assert_true(exists(x, QMGR0_ASIDE));
    assert_true(exists(x, FAKE_DOWNLOADER "\\qmgr1.dat" STAMP));
    assert_true(exists(x, FAKE_DOWNLOADER "\\qmgr.db")); /* not a queue file of the procedure */
    assert_false(exists(x, FAKE_SD MARKER));
    /* Each held open while its service ran: renamed only once all were stopped. */
    assert_int_equal(fake_scm_log_count(&x->scm, "rename"), 4);
    int first_rename = fake_scm_log_find(&x->scm, "rename " FAKE_SD);
    assert_true(first_rename > fake_scm_log_find(&x->scm, "stop CryptSvc"));
    assert_true(first_rename > fake_scm_log_find(&x->scm, "stop BITS"));
    assert_true(first_rename < fake_scm_log_find(&x->scm, "start wuauserv"));
    assert_all_running(x);
    assert_true(exists(x, FAKE_SD)); /* made again by Windows Update when it started */
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "set aside " FAKE_SD " -> " SD_ASIDE " (8.0 MB in 3 files)"));
    assert_non_null(
        strstr(o, "Set aside (delete them once updates work again; 'wufix undo' puts them back):"));
    assert_non_null(strstr(o, "Checked again:\n  healthy"));
    const char *j = JOURNAL(x);
    assert_non_null(strstr(j, "command reset\n"));
    assert_non_null(strstr(j, "fix rename 8388620 3 " FAKE_SD "|" SD_ASIDE "\n"));
    assert_non_null(strstr(j, "fix rename 4096 1 " QMGR0 "|" QMGR0_ASIDE "\n"));
    assert_non_null(strstr(j, "open 0\noutcome ok\n"));
}

/* DoSvc as Windows 10 1809+ has it: launch-protected, refusing an
 * unprotected caller's stop and changes with 5. reset stops what it may,
 * sets the caches aside with DoSvc running, and succeeds; restart --all the
 * same. On 0085826 reset stopped DoSvc every time: 5, rolled back, exit 4. */
static void test_reset_around_a_protected_service(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *d = svc(x, "DoSvc");
    d->protection = WF_PROTECTION_WINDOWS_LIGHT;
    d->start_type = WF_START_DISABLED; /* not even its configuration is wufix's to mend */
    uint32_t pid = d->pid;
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 1); /* DoSvc stays disabled: an error left */
    assert_true(exists(x, SD_ASIDE MARKER));
    assert_int_equal(fake_scm_log_find(&x->scm, "stop DoSvc"), -1);
    assert_int_equal(fake_scm_log_count(&x->scm, "set_start DoSvc"), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "marked_for_delete DoSvc"), 0);
    assert_int_equal(d->state, WF_STATE_RUNNING);
    assert_int_equal(d->pid, pid);
    assert_non_null(strstr(FAKE_OUT(x), "(protected by Windows: shown, never stopped or changed)"));
    assert_non_null(strstr(
        FAKE_OUT(x), "Left as they are (protected by Windows: shown, never stopped or changed): DoSvc\n"));
    assert_int_equal(FAKE_RUN(x, "restart", "--all", "--json"), 0);
    assert_int_equal(fake_scm_log_find(&x->scm, "stop DoSvc"), -1);
    assert_non_null(strstr(FAKE_OUT(x),
                           "\"name\":\"DoSvc\",\"display_name\":\"DoSvc display\",\"in_set\":true,"
                           "\"protected\":true"));
    assert_int_equal(FAKE_RUN(x, "undo", "--yes"), 0);
    assert_int_equal(fake_scm_log_find(&x->scm, "stop DoSvc"), -1);
}

static void test_reset_dry_run_changes_nothing(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "reset", "--dry-run"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "set aside (never deleted):\n       set aside " FAKE_SD " -> " SD_ASIDE));
    /* The plan shown is the plan run: every stop, then the caches, then every start. */
    const char *aside = strstr(o, "with every service stopped"), *last_stop = NULL,
               *first_start = strstr(o, ". start ");
    for (const char *t = strstr(o, ". stop "); t; t = strstr(t + 1, ". stop "))
        last_stop = t;
    assert_true(last_stop && aside && first_start && last_stop < aside && aside < first_start);
    assert_non_null(strstr(FAKE_OUT(x), "Dry run: nothing was changed."));
    assert_int_equal(fake_scm_log_count(&x->scm, "rename"), 0);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_true(exists(x, FAKE_SD MARKER));
    assert_string_equal(JOURNAL(x), "");
}

/* At a console a person is asked before the caches are set aside; no means
 * nothing changes; --yes and a script (no console) are never asked. */
static void test_reset_asks_at_a_console_only(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.interactive = true;
    x->fp.answer = "n";
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_int_equal(x->fp.asked, 1);
    assert_non_null(strstr(FAKE_OUT(x),
                           "Set aside the caches listed above (they are renamed, never deleted)? "
                           "[y/N] Nothing was changed.\n"));
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "rename") + fake_scm_log_count(&x->scm, "set_"), 0);
    assert_string_equal(JOURNAL(x), "");
    assert_true(exists(x, FAKE_SD MARKER));

    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 0);
    assert_int_equal(x->fp.asked, 1); /* not asked again */
    assert_true(exists(x, SD_ASIDE MARKER));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);

    x->fp.answer = "YES";
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_int_equal(x->fp.asked, 2);
    assert_true(exists(x, SD_ASIDE MARKER));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);

    x->fp.pf.interactive = false; /* a script: never asked, runs */
    x->fp.answer = NULL;
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_int_equal(x->fp.asked, 2);
}

static void test_reset_retries_a_rename_held_open(void **state)
{
    struct fake_cli *x = *state;
    fake_file_get(&x->scm, FAKE_CATROOT2 "\\edb.log")->locked = 2; /* a scanner lets go after two tries */
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_true(exists(x, CAT_ASIDE "\\edb.log"));
    assert_int_equal(fake_scm_log_count(&x->scm, "rename " FAKE_CATROOT2), 3);
    assert_int_equal(x->scm.slept_ms, 250 + 500);
}

static void test_reset_held_for_good_puts_everything_back(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = svc(x, "wuauserv");
    w->start_type = WF_START_DISABLED; /* repair re-enables it first */
    w->state = WF_STATE_STOPPED;
    w->pid = 0;
    fake_file_get(&x->scm, FAKE_CATROOT2 "\\edb.log")->locked = UINT32_MAX;
    assert_int_equal(FAKE_RUN(x, "reset"), 4);
    assert_int_equal(fake_scm_log_count(&x->scm, "rename " FAKE_CATROOT2), WF_ASIDE_TRIES);
    assert_non_null(strstr(FAKE_ERR(x), "cannot set aside " FAKE_CATROOT2 " (in_use, tried 5 times)"));
    /* SoftwareDistribution had been set aside: it is back, whole. */
    assert_true(exists(x, FAKE_SD MARKER));
    assert_false(exists(x, SD_ASIDE));
    assert_true(exists(x, FAKE_CATROOT2 "\\edb.log"));
    assert_int_equal(w->start_type, WF_START_DISABLED);
    assert_int_equal(w->state, WF_STATE_STOPPED);
    assert_int_equal(svc(x, "CryptSvc")->state, WF_STATE_RUNNING);
    assert_int_equal(svc(x, "BITS")->state, WF_STATE_RUNNING);
    assert_non_null(strstr(JOURNAL(x), "open 0\noutcome rolled_back\n"));
}

/* Who holds the cache is named, as the Restart Manager names it: a process
 * (Microsoft Defender's engine, PID 3120) and a service that runs; its
 * words from the system are escaped. */
static void test_reset_names_what_holds_the_cache(void **state)
{
    struct fake_cli *x = *state;
    struct fake_file *edb = fake_file_get(&x->scm, FAKE_CATROOT2 "\\edb.log");
    edb->locked = UINT32_MAX;
    edb->holder = "MsMpEng.exe|3120|Microsoft Defender Antivirus Service";
    assert_int_equal(FAKE_RUN(x, "reset"), 4);
    assert_non_null(strstr(FAKE_ERR(x),
                           "another program holds it open: held by MsMpEng.exe (PID 3120, Microsoft "
                           "Defender Antivirus Service); putting everything back"));
    edb->holder = "Evil\x1b[2J.exe|77|\x07name";
    assert_int_equal(FAKE_RUN(x, "reset"), 4);
    assert_null(strchr(FAKE_ERR(x), '\x1b'));
    assert_null(strchr(FAKE_ERR(x), '\x07'));
    assert_non_null(strstr(FAKE_ERR(x), "(PID 77, "));
    /* A service that holds a file while it runs: its image, PID and display name. */
    struct fake_svc *c = svc(x, "CryptSvc");
    wf_strlcpy(c->display, "Cryptographic Services", sizeof(c->display));
    struct wf_holder who[4];
    size_t n = 0;
    struct wf_host h = fake_scm_host(&x->scm);
    edb->locked = 0;
    wf_strlcpy(edb->held_by, "CryptSvc", sizeof(edb->held_by));
    assert_int_equal(h.ops->holders(h.self, FAKE_CATROOT2, NULL, who, 4, &n), WF_OK);
    assert_int_equal(n, 1);
    assert_int_equal(who[0].pid, c->pid);
    assert_string_equal(who[0].name, "Cryptographic Services");
    char words[600];
    wf_aside_holders(&h, NULL, "CryptSvc", words, sizeof(words));
    assert_non_null(strstr(words, "held by svchost.exe (PID "));
    assert_non_null(strstr(words, ", Cryptographic Services)"));
    /* No one to name: nothing said. */
    edb->held_by[0] = '\0';
    wf_aside_holders(&h, FAKE_CATROOT2, NULL, words, sizeof(words));
    assert_string_equal(words, "");
}

/* A service that does not stop: the process that runs it is named. */
static void test_stop_names_what_holds_a_service(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *b = svc(x, "BITS");
    b->hang_stop = true;
    wf_strlcpy(b->display, "Background Intelligent Transfer Service", sizeof(b->display));
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "BITS", "-t", "1"), 4);
    char want[160];
    snprintf(want, sizeof(want), "; held by svchost.exe (PID %u, Background Intelligent Transfer Service)",
             (unsigned)b->pid);
    print_message("%s", FAKE_ERR(x));
    assert_non_null(strstr(FAKE_ERR(x), want));
}

static void test_reset_failed_start_puts_the_caches_back(void **state)
{
    struct fake_cli *x = *state;
    svc(x, "DoSvc")->fail_start_code = 1067;
    assert_int_equal(FAKE_RUN(x, "reset"), 4);
    assert_true(exists(x, FAKE_SD MARKER));
    assert_true(exists(x, QMGR0));
    assert_false(exists(x, QMGR0_ASIDE));
    /* What the services made again meanwhile was moved aside, not deleted. */
    assert_int_equal(svc(x, "wuauserv")->state, WF_STATE_RUNNING);
}

static void test_reset_then_undo(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    fake_file_put(&x->scm, FAKE_SD "\\new.log", 5); /* written since, by Windows Update */
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_true(exists(x, FAKE_SD MARKER));
    assert_true(exists(x, FAKE_SD "\\Download\\update.cab"));
    assert_true(exists(x, FAKE_CATROOT2 "\\edb.log"));
    assert_true(exists(x, QMGR0));
    assert_true(exists(x, SD_ASIDE "-recreated\\new.log")); /* kept, never deleted */
    assert_false(exists(x, FAKE_SD "\\new.log"));
    assert_non_null(strstr(FAKE_OUT(x), "  put back " FAKE_SD "\n"));
    assert_all_running(x);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Nothing to undo"));
}

static void test_undo_says_what_it_cannot_put_back(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    /* The admin deleted catroot2's copy since. */
    fake_file_remove(&x->scm, CAT_ASIDE "\\edb.log");
    assert_int_equal(FAKE_RUN(x, "undo"), 4);
    assert_non_null(strstr(FAKE_ERR(x), "cannot put " FAKE_CATROOT2 " back from " CAT_ASIDE
                                        ": the copy set aside is gone"));
    assert_true(exists(x, FAKE_SD MARKER)); /* the others are back */
    assert_true(exists(x, QMGR0));
    assert_all_running(x);
    assert_non_null(strstr(JOURNAL(x), "outcome failed\n"));
}

static void test_reset_killed_is_put_back_by_the_next_run(void **state)
{
    struct fake_cli *x = *state;
    /* Killed after the renames, before the journal was closed: the file on
     * disk is the open one and the anchor names it. */
    x->fp.fail_save_from = 2;
    assert_int_equal(FAKE_RUN(x, "reset"), 8);
    assert_non_null(strstr(JOURNAL(x), "open 1\noutcome -\n"));
    x->fp.fail_save_from = 0;
    fake_platform_vouch(&x->fp);
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "found the journal of an unfinished 'reset'"));
    assert_true(exists(x, FAKE_SD MARKER));
    assert_true(exists(x, CAT_ASIDE "-recreated"));
    assert_true(exists(x, FAKE_CATROOT2 "\\edb.log"));
}

static void test_reset_a_name_taken_gets_a_number(void **state)
{
    struct fake_cli *x = *state;
    fake_file_put(&x->scm, SD_ASIDE "\\old.txt", 1); /* a reset earlier in the same second */
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_true(exists(x, SD_ASIDE "-2" MARKER));
    assert_true(exists(x, SD_ASIDE "\\old.txt"));
}

static void test_reset_json_lists_what_was_set_aside(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "reset", "--json"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"command\":\"reset\""));
    assert_non_null(
        strstr(o, "{\"kind\":\"set_aside\",\"from\":\"C:\\\\Windows\\\\SoftwareDistribution\",\"to\":"
                  "\"C:\\\\Windows\\\\SoftwareDistribution.wufix-20261122-000000\",\"bytes\":8388620,"
                  "\"files\":3,\"applied\":true}"));
}

static void test_reset_without_caches_is_a_repair(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_init(&x->scm);
    fake_scm_windows(&x->scm);
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "rename"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Nothing to set aside"));
    assert_all_running(x);
}

static void test_reset_refuses_a_service_list(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "reset", "-s", "wuauserv"), 2);
    assert_int_equal(x->scm.calls, 0);
    assert_true(exists(x, FAKE_SD MARKER));
}

static void test_aside_words(void **state)
{
    char s[32];
    (void)state;
    wf_aside_stamp("2026-11-22T10:15:07Z", s, sizeof(s));
    assert_string_equal(s, "20261122-101507");
    wf_aside_size_words(1, s, sizeof(s));
    assert_string_equal(s, "1 byte");
    wf_aside_size_words(1536, s, sizeof(s));
    assert_string_equal(s, "1.5 KB");
    wf_aside_size_words(3ull << 30, s, sizeof(s));
    assert_string_equal(s, "3.0 GB");
    wf_aside_size_words(200ull << 20, s, sizeof(s));
    assert_string_equal(s, "200 MB");
}

/* Windows installing (SPEC 6): reset and restart change nothing, exit 6. */
#define PENDING_XML "C:\\Windows\\WinSxS\\pending.xml"
#define SESSIONS    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\SessionsPending"

static void assert_nothing_moved(struct fake_cli *x)
{
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "rename"), 0);
    assert_true(exists(x, FAKE_SD MARKER));
    assert_string_equal(JOURNAL(x), ""); /* nothing journaled: nothing was going to change */
    assert_all_running(x);
}

static void test_reset_waits_for_no_pending_xml(void **state)
{
    struct fake_cli *x = *state;
    fake_file_add(&x->scm, PENDING_XML);
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 6);
    assert_nothing_moved(x);
    const char *e = FAKE_ERR(x);
    assert_non_null(strstr(e, "Windows is installing (%SystemRoot%\\WinSxS\\pending.xml"));
    assert_non_null(strstr(e, "busy: try again when it finishes, or restart Windows first"));
}

static void test_reset_waits_for_tiworker(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "TrustedInstaller")->state = WF_STATE_RUNNING;
    x->scm.processes = "svchost.exe,tiworker.exe";
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 6);
    assert_nothing_moved(x);
    assert_non_null(strstr(FAKE_ERR(x), "TrustedInstaller is running with TiWorker.exe at work"));
}

static void test_reset_idle_trustedinstaller_is_not_busy(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "TrustedInstaller")->state = WF_STATE_RUNNING; /* no TiWorker.exe */
    x->scm.processes = "svchost.exe";
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 0);
    assert_false(exists(x, FAKE_SD MARKER));
}

static void test_reset_waits_for_sessions_pending(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, SESSIONS "\\31012345_123456789", "", WF_REG_NONE, NULL, 0);
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 6);
    assert_nothing_moved(x);
    assert_non_null(strstr(FAKE_ERR(x), "SessionsPending holds 1 pending entry"));
}

static void test_reset_empty_sessions_pending_is_not_busy(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, SESSIONS, "", WF_REG_NONE, NULL, 0);
    fake_reg_set(&x->scm, SESSIONS, "Exclusive", WF_REG_DWORD, NULL, 0);
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 0);
    assert_false(exists(x, FAKE_SD MARKER));
    assert_null(strstr(FAKE_ERR(x), "installing"));
    /* A value set is a session waiting. */
    fake_reg_set(&x->scm, SESSIONS, "Exclusive", WF_REG_DWORD, NULL, 1);
    assert_int_equal(FAKE_RUN(x, "restart"), 6);
}

static void test_reset_force_goes_ahead_past_an_install(void **state)
{
    struct fake_cli *x = *state;
    fake_file_add(&x->scm, PENDING_XML);
    assert_int_equal(FAKE_RUN(x, "reset", "--yes", "--force"), 0);
    assert_false(exists(x, FAKE_SD MARKER));
    assert_true(exists(x, SD_ASIDE MARKER));
    assert_non_null(strstr(FAKE_ERR(x), "going ahead as --force asks"));
}

static void test_restart_waits_for_an_install(void **state)
{
    struct fake_cli *x = *state;
    fake_file_add(&x->scm, PENDING_XML);
    assert_int_equal(FAKE_RUN(x, "restart"), 6);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_string_equal(JOURNAL(x), "");
    /* The JSON alone says why. */
    assert_int_equal(FAKE_RUN(x, "restart", "--json"), 6);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"exit_code\":6"));
    assert_non_null(strstr(o, "\"code\":\"install_in_progress\",\"severity\":\"error\""));
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    /* A dry run says so and shows the plan; stop and start are not restart. */
    assert_int_equal(FAKE_RUN(x, "restart", "--dry-run"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "without --dry-run, 'restart' would stop here (exit 6)"));
    assert_int_equal(FAKE_RUN(x, "restart", "--force"), 0);
    assert_true(fake_scm_changes(&x->scm) > 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, fake_cli_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_reset_sets_the_caches_aside),
        T(test_reset_around_a_protected_service),
        T(test_reset_dry_run_changes_nothing),
        T(test_reset_asks_at_a_console_only),
        T(test_reset_retries_a_rename_held_open),
        T(test_reset_held_for_good_puts_everything_back),
        T(test_reset_names_what_holds_the_cache),
        T(test_stop_names_what_holds_a_service),
        T(test_reset_failed_start_puts_the_caches_back),
        T(test_reset_then_undo),
        T(test_undo_says_what_it_cannot_put_back),
        T(test_reset_killed_is_put_back_by_the_next_run),
        T(test_reset_a_name_taken_gets_a_number),
        T(test_reset_json_lists_what_was_set_aside),
        T(test_reset_without_caches_is_a_repair),
        T(test_reset_refuses_a_service_list),
        T(test_reset_waits_for_no_pending_xml),
        T(test_reset_waits_for_tiworker),
        T(test_reset_idle_trustedinstaller_is_not_busy),
        T(test_reset_waits_for_sessions_pending),
        T(test_reset_empty_sessions_pending_is_not_busy),
        T(test_reset_force_goes_ahead_past_an_install),
        T(test_restart_waits_for_an_install),
        cmocka_unit_test(test_aside_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

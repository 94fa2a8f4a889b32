/* SPDX-License-Identifier: MIT */
/* test_verbs.c - whole commands through wf_main on the fake SCM: exit codes,
 * output, and which SCM calls were made. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/traces.h"
#include "wufix/mech/check.h"

static void test_verbs_status_reads_only(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    for (const char *const *n =
             (const char *const[]){"wuauserv", "UsoSvc", "WaaSMedicSvc", "TrustedInstaller", NULL};
         *n; n++)
        assert_non_null(strstr(FAKE_OUT(x), *n));
    assert_null(strstr(FAKE_OUT(x), "BITS"));
    assert_non_null(strstr(FAKE_OUT(x), "(protected by Windows: shown, never stopped or changed)"));
    assert_int_equal(FAKE_RUN(x, "status", "--all", "-q"), 0);
    assert_string_equal(FAKE_OUT(x), "wuauserv running, UsoSvc running, BITS running, CryptSvc running, "
                                     "DoSvc running, WaaSMedicSvc stopped, TrustedInstaller stopped\n");
}

static void test_verbs_status_json_fields(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "status", "--json", "-s", "wuauserv"), 0);
    const char *o = FAKE_OUT(x);
    static const char head[] = "{\"command\":\"status\",\"computer\":\"FAKEPC\",\"exit_code\":0,";
    assert_true(strncmp(o, head, sizeof(head) - 1) == 0);
    assert_non_null(strstr(o, "\"name\":\"wuauserv\""));
    assert_non_null(strstr(o, "\"before\":{\"state\":\"running\",\"start_type\":\"manual\""));
    assert_non_null(strstr(o, "\"after\":null"));
    assert_non_null(strstr(o, "\"problems\":[]}"));
    assert_null(strstr(o, "UsoSvc"));
}

static void test_verbs_restart_default_set(void **state)
{
    struct fake_cli *x = *state;
    uint32_t old = fake_scm_get(&x->scm, "wuauserv")->pid;
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    int su = fake_scm_log_find(&x->scm, "stop UsoSvc"), sw = fake_scm_log_find(&x->scm, "stop wuauserv");
    int aw = fake_scm_log_find(&x->scm, "start wuauserv"), au = fake_scm_log_find(&x->scm, "start UsoSvc");
    assert_true(su >= 0 && su < sw && sw < aw && aw < au);
    assert_int_not_equal(fake_scm_get(&x->scm, "wuauserv")->pid, old);
    assert_int_equal(fake_scm_log_count(&x->scm, "stop BITS"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Before:"));
    assert_non_null(strstr(FAKE_OUT(x), "After:"));
    assert_non_null(strstr(FAKE_OUT(x), "  1. stop UsoSvc\n"));
    assert_non_null(strstr(FAKE_OUT(x), "stopped  UsoSvc in 0.20 s"));
    assert_non_null(strstr(FAKE_OUT(x), "Done: 4 steps in "));
    assert_string_equal(FAKE_ERR(x), "");
}

/* How many calls `op` the fake logged on service `name` among its first
 * `upto` log lines. */
static size_t calls_on(const struct fake_scm *f, size_t upto, const char *op, const char *name)
{
    size_t n = 0, len = strlen(op);
    for (size_t i = 0; i < upto && i < f->nlog; i++)
        if (strncmp(f->log[i], op, len) == 0 && f->log[i][len] == ' ' &&
            strcmp(f->log[i] + len + 1, name) == 0)
            n++;
    return n;
}

/* Issue 28: each SCM call opens the service again (a round trip while a
 * person waits). Before its first control, restart reads each service's
 * configuration and Windows' traits of it on one open; after the last, the
 * start type once more for the after-table. */
static void test_verbs_restart_opens_each_service_only_as_needed(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    int first_stop = fake_scm_log_find(&x->scm, "stop UsoSvc");
    assert_true(first_stop > 0);
    for (const char *const *n = (const char *const[]){"wuauserv", "UsoSvc", NULL}; *n; n++) {
        size_t before = (size_t)first_stop;
        assert_int_equal(calls_on(&x->scm, before, "traits", *n) + calls_on(&x->scm, before, "config", *n),
                         1);
        assert_int_equal(calls_on(&x->scm, before, "dependents", *n), 1);
        assert_int_equal(calls_on(&x->scm, x->scm.nlog, "config", *n), 1); /* the after-table's */
        /* Opened for: its status, its configuration and traits, whether it is
         * marked for deletion, its dependents; the status before the stop, the
         * stop, the watch (held: the queries while it moves and before its
         * start use it), the start; its status and start type after. */
        assert_int_equal(fake_scm_get(&x->scm, *n)->opens, 10);
    }
}

static void test_verbs_restart_all_json(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "restart", "--all", "--json"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"command\":\"restart\""));
    assert_non_null(strstr(o, "\"name\":\"DoSvc\""));
    assert_non_null(strstr(o, "{\"action\":\"stop\",\"result\":\"ok\""));
    assert_null(strstr(o, "Before:"));
    assert_int_equal(fake_scm_log_count(&x->scm, "start "), 5);
    /* One line of JSON. */
    assert_ptr_equal(strchr(o, '\n'), o + strlen(o) - 1);
}

static void test_verbs_change_needs_elevation(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false;
    assert_int_equal(FAKE_RUN(x, "restart"), 3);
    assert_int_equal(x->scm.opens, 0);
    assert_non_null(strstr(FAKE_ERR(x), "needs administrator rights"));
    /* Reading needs no rights, and neither does a dry run. */
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_int_equal(FAKE_RUN(x, "stop", "--dry-run"), 0);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

static void test_verbs_dry_run_touches_nothing(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "restart", "--all", "-n"), 0);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Plan ("));
    assert_non_null(strstr(FAKE_OUT(x), "Dry run: nothing was changed."));
}

static void test_verbs_disabled_blocks_with_5(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    assert_int_equal(FAKE_RUN(x, "restart"), 5);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_non_null(strstr(FAKE_ERR(x), "cannot restart 'wuauserv': the service is disabled; 'wufix repair' "
                                        "turns it back on"));
    /* The JSON alone says why: the service's error and the problem. */
    assert_int_equal(FAKE_RUN(x, "restart", "--json"), 5);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"error\":{\"code\":\"disabled\",\"syscode\":1058,\"message\":"));
    assert_non_null(strstr(o, "\"problems\":[{\"service\":\"wuauserv\",\"code\":\"disabled\",\"severity\":"
                              "\"error\",\"fixable\":true"));
    assert_non_null(strstr(o, "\"after\":null")); /* nothing moved */
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    /* Stopping a disabled service is fine. */
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "wuauserv"), 0);
}

/* DeleteService on a running wuauserv: stopping it would complete the
 * deletion. Nothing moves (exit 5), check says so, repair touches nothing. */
static void test_verbs_marked_for_deletion_blocks_everything(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->marked_delete = true;
    static const char *const commands[] = {"restart", "stop", "start", "repair", "reset"};
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        assert_int_equal(FAKE_RUN(x, commands[i]), 5);
        assert_non_null(strstr(FAKE_ERR(x), "'wuauserv': the service is marked for deletion"));
    }
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "set_"), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "rename"), 0);
    assert_int_equal(FAKE_RUN(x, "restart", "--json"), 5);
    assert_non_null(strstr(FAKE_OUT(x), "\"error\":{\"code\":\"marked_for_delete\",\"syscode\":1072,"));
    assert_non_null(
        strstr(FAKE_OUT(x), "\"code\":\"marked_for_deletion\",\"severity\":\"error\",\"fixable\":false"));
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "1 problem (0 fixable): wuauserv:marked_for_deletion\n");
}

/* Colour on a console that shows it: states, severities, the outcome; never
 * with --no-color or when the platform says the output is no such console. */
static void test_verbs_colour_only_where_asked(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.out.color = true;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    fake_scm_get(&x->scm, "wuauserv")->state = WF_STATE_STOPPED;
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\x1b[32mRunning"));
    assert_non_null(strstr(FAKE_OUT(x), "\x1b[33mStopped"));
    assert_non_null(strstr(FAKE_OUT(x), "\x1b[31mDisabled"));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\x1b[31merror"));
    assert_non_null(strstr(FAKE_OUT(x), "\x1b[31m1 problem; 'wufix repair' fixes 1.\x1b[0m"));
    assert_int_equal(FAKE_RUN(x, "status", "--no-color"), 0);
    assert_null(strchr(FAKE_OUT(x), '\x1b'));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_null(strchr(FAKE_OUT(x), '\x1b'));
    x->fp.pf.out.color = false;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strchr(FAKE_OUT(x), '\x1b'));
}

/* A script that asked for JSON gets JSON, even for a wrong command line. */
static void test_verbs_usage_error_json(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "restart", "--json", "-s", "wu\\auserv"), 2);
    assert_string_equal(
        FAKE_OUT(x),
        "{\"command\":\"restart\",\"computer\":null,\"exit_code\":2,\"elapsed_ms\":0,"
        "\"wufix_version\":\"" WF_VERSION
        "\",\"time\":null,\"services\":[],\"problems\":[],\"error\":{\"code\":\"usage\",\"syscode\":0,"
        "\"message\":\"--service: 'wu\\\\auserv' is not a service name (it holds a "
        "backslash, a slash or a control character)\"}}\n");
    assert_non_null(strstr(FAKE_ERR(x), "wufix: --service: 'wu\\auserv' is not a service name"));
    assert_int_equal(FAKE_RUN(x, "--json", "--frob"), 2);
    assert_non_null(strstr(FAKE_OUT(x), "{\"command\":null,"));
    assert_int_equal(x->scm.opens, 0);
}

/* repair's JSON carries the exit code the check after it decided (3010). */
static void test_verbs_repair_json_has_the_final_exit_code(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    fake_reg_set(&x->scm,
                 "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired",
                 "", WF_REG_SZ, "", 0);
    int rc = FAKE_RUN(x, "repair", "--json");
    assert_int_equal(rc, 3010);
    char want[64];
    snprintf(want, sizeof(want), "\"exit_code\":%d,", rc);
    assert_non_null(strstr(FAKE_OUT(x), want));
    assert_int_equal(strchr(FAKE_OUT(x), '\n') - FAKE_OUT(x) + 1, (long)strlen(FAKE_OUT(x))); /* one object */
}

static void test_verbs_missing_blocks_with_5(void **state)
{
    struct fake_cli *x = *state;
    wf_strlcpy(fake_scm_get(&x->scm, "UsoSvc")->name, "gone", WF_NAME_MAX);
    assert_int_equal(FAKE_RUN(x, "start", "--json"), 5);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"exit_code\":5"));
    assert_non_null(strstr(FAKE_OUT(x), "\"state\":\"not_installed\""));
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Not installed"));
}

static void test_verbs_failed_start_puts_others_back(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "BITS")->fail_start_code = 1066;
    assert_int_equal(FAKE_RUN(x, "restart", "--all"), 4);
    const char *names[] = {"wuauserv", "UsoSvc", "CryptSvc", "DoSvc"};
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(fake_scm_get(&x->scm, names[i])->state, WF_STATE_RUNNING);
    assert_non_null(
        strstr(FAKE_ERR(x), "could not start 'BITS': it stopped instead of starting, exit code 1066"));
    assert_non_null(strstr(FAKE_OUT(x), "Putting back what was changed:"));
    assert_non_null(strstr(FAKE_OUT(x), "Failed:"));
}

static void test_verbs_hung_stop_times_out(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    w->hang_stop = true;
    w->hint_ms = 60000;
    uint64_t t0 = x->scm.now;
    assert_int_equal(FAKE_RUN(x, "restart", "-t", "3"), 4);
    assert_non_null(strstr(FAKE_ERR(x), "could not stop 'wuauserv': still Stopping after 3.0 s; held by "
                                        "svchost.exe (PID "));
    assert_non_null(strstr(FAKE_ERR(x), "); try again with a longer --timeout (or --force)"));
    /* UsoSvc had stopped first; it is running again. */
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->state, WF_STATE_RUNNING);
    assert_non_null(
        strstr(FAKE_ERR(x), "could not put back: could not start 'wuauserv': it is still Stopping"));
    /* 0.2 s to stop UsoSvc, 3 s waiting on wuauserv, 0.3 s to start UsoSvc:
     * no second timeout spent on the hung service. */
    assert_int_equal(x->scm.now - t0, 3500);
}

static void test_verbs_access_denied_elevated_is_4(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_script(&x->scm, "stop", "wuauserv", 5, 1);
    assert_int_equal(FAKE_RUN(x, "stop", "-s", "wuauserv", "-q"), 4);
    assert_non_null(strstr(FAKE_ERR(x), "could not stop 'wuauserv': access is denied: this account lacks "
                                        "the SERVICE_STOP right on it (5)"));
}

static void test_verbs_scm_unreachable_is_8(void **state)
{
    struct fake_cli *x = *state;
    x->scm.refuse_open = true;
    assert_int_equal(FAKE_RUN(x, "status"), 8);
    assert_non_null(strstr(FAKE_ERR(x), "cannot connect to the service control manager"));
}

static void test_verbs_query_failure_is_8(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_script(&x->scm, "query", "UsoSvc", 87, 1);
    assert_int_equal(FAKE_RUN(x, "restart"), 8);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

static void test_verbs_cycle_is_reported(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    wf_strlcpy(w->deps[w->ndeps++], "UsoSvc", WF_NAME_MAX); /* UsoSvc must start after wuauserv */
    assert_int_equal(FAKE_RUN(x, "restart"), 5);
    assert_non_null(strstr(FAKE_ERR(x), "dependency cycle"));
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

static void test_verbs_outside_dependent_restarted(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_add(&x->scm, "AppIDSvc", WF_STATE_RUNNING, WF_START_MANUAL, "CryptSvc");
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "CryptSvc"), 0);
    assert_true(fake_scm_log_find(&x->scm, "stop AppIDSvc") < fake_scm_log_find(&x->scm, "stop CryptSvc"));
    assert_true(fake_scm_log_find(&x->scm, "start CryptSvc") < fake_scm_log_find(&x->scm, "start AppIDSvc"));
    assert_int_equal(fake_scm_get(&x->scm, "AppIDSvc")->state, WF_STATE_RUNNING);
    assert_non_null(strstr(FAKE_OUT(x), "AppIDSvc (running dependent, outside the set)"));
}

static void test_verbs_stop_then_start(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "stop"), 0);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_STOPPED);
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->state, WF_STATE_STOPPED);
    assert_int_equal(FAKE_RUN(x, "stop"), 0); /* again: nothing to do, still success */
    assert_non_null(strstr(FAKE_OUT(x), "stop wuauserv (already stopped)\n"));
    assert_null(strstr(FAKE_OUT(x), "was already stopped")); /* the plan said so */
    assert_int_equal(FAKE_RUN(x, "start"), 0);
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->state, WF_STATE_RUNNING);
    assert_true(fake_scm_log_find(&x->scm, "start wuauserv") < fake_scm_log_find(&x->scm, "start UsoSvc"));
}

/* wuauserv disabled and stopped, a Debugger on UsoClient.exe: what repair fixes. */
static void undo_broken(struct fake_cli *x)
{
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    w->start_type = WF_START_DISABLED;
    w->state = WF_STATE_STOPPED;
    w->pid = 0;
    fake_reg_set(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger", WF_REG_SZ, "/", 0);
}

/* repair, then restart (which changes no configuration), then undo: the
 * repair is put back. On b394e12 the restart took its place: "Plan: nothing
 * to do", and the repair could never be undone. */
static void test_verbs_undo_after_restart_puts_back_the_repair(void **state)
{
    struct fake_cli *x = *state;
    undo_broken(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_int_equal(FAKE_RUN(x, "undo", "--list"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "Runs 'wufix undo' can put back (newest first"));
    assert_non_null(strstr(o, "repair   2 configuration values, service states\n"));
    assert_null(strstr(o, "restart"));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Undoing 'repair' of "));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_STOPPED);
    assert_non_null(fake_reg_get(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger"));
    /* Put back once: nothing is left to undo; --json still gives one object. */
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Nothing to undo: the last run ('undo', "));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
    assert_int_equal(FAKE_RUN(x, "undo", "--json"), 0);
    assert_true(strncmp(FAKE_OUT(x), "{\"command\":\"undo\",", 18) == 0);
    assert_non_null(strstr(FAKE_ERR(x), "Nothing to undo"));
}

/* undo --dry-run shows every value it will put back, was -> will be, not
 * only the steps (b394e12 showed "stop wuauserv" alone); the After table
 * comes once everything is put back (b394e12 showed wuauserv Manual). */
static void test_verbs_undo_shows_what_it_puts_back(void **state)
{
    struct fake_cli *x = *state;
    undo_broken(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    size_t changes = fake_scm_changes(&x->scm);
    assert_int_equal(FAKE_RUN(x, "undo", "--dry-run"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "Changes (was -> will be):\n"));
    assert_non_null(strstr(o, "wuauserv: start type manual -> disabled\n"));
    assert_non_null(strstr(o, "UsoClient.exe\\Debugger: (none) -> \"/\"\n"));
    assert_non_null(strstr(o, "stop wuauserv"));
    assert_null(strstr(o, "Nothing to set aside"));
    assert_int_equal(fake_scm_changes(&x->scm), changes);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    const char *after = strstr(FAKE_OUT(x), "After:");
    assert_non_null(after);
    const char *row = strstr(after, "wuauserv");
    assert_non_null(row);
    assert_non_null(strstr(row, "Disabled"));
    assert_true(strstr(row, "Disabled") < strchr(row, '\n'));
}

/* An undo puts back the newest run first, then the one before it. */
static void test_verbs_undo_goes_back_run_by_run(void **state)
{
    struct fake_cli *x = *state;
    undo_broken(x);
    fake_reg_set(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger", WF_REG_SZ, "/", 0);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    /* Broken again in another way, repaired again. */
    fake_reg_set(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock", WF_REG_DWORD, NULL, 1);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_null(fake_reg_get(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock"));
    assert_int_equal(FAKE_RUN(x, "stop"), 0);
    assert_int_equal(FAKE_RUN(x, "undo"), 0); /* the stop first */
    assert_non_null(strstr(FAKE_OUT(x), "Undoing 'stop' of "));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_RUNNING);
    assert_null(fake_reg_get(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock"));
    assert_int_equal(FAKE_RUN(x, "undo"), 0); /* then the second repair */
    assert_non_null(fake_reg_get(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock"));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(FAKE_RUN(x, "undo"), 0); /* then the first */
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Nothing to undo"));
}

/* The runs kept for undo are vouched for with the journal: one changed on
 * disk is never acted on, earlier runs included. */
static void test_verbs_undo_earlier_runs_need_the_anchor(void **state)
{
    struct fake_cli *x = *state;
    undo_broken(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_non_null(strstr(wf_buf_str(&x->fp.journal), "\nearlier\ncommand repair\n"));
    wf_buf_puts(&x->fp.journal, "earlier\ncommand repair\n");
    size_t changes = fake_scm_changes(&x->scm);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "not trusted"));
    assert_int_equal(fake_scm_changes(&x->scm), changes);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_verbs_status_reads_only, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_status_json_fields, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_restart_default_set, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_restart_all_json, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_restart_opens_each_service_only_as_needed, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_change_needs_elevation, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_dry_run_touches_nothing, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_disabled_blocks_with_5, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_marked_for_deletion_blocks_everything, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_usage_error_json, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_colour_only_where_asked, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_repair_json_has_the_final_exit_code, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_missing_blocks_with_5, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_failed_start_puts_others_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_hung_stop_times_out, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_access_denied_elevated_is_4, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_scm_unreachable_is_8, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_query_failure_is_8, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_cycle_is_reported, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_outside_dependent_restarted, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_stop_then_start, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_undo_after_restart_puts_back_the_repair, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_undo_shows_what_it_puts_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_undo_goes_back_run_by_run, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_verbs_undo_earlier_runs_need_the_anchor, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

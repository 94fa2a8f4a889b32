/* SPDX-License-Identifier: MIT */
/* test_health.c - check and repair as whole commands on the fake: exit codes,
 * JSON size, each fix applied and journaled, dry run, undo, and every failure
 * putting the configuration back. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/check.h"
#include "wufix/mech/traces.h"

#define JOURNAL(x) wf_buf_str(&(x)->fp.journal)
#define IFEO_USO   WF_KEY_IFEO "UsoClient.exe"
#define DENY_SDDL  "D:(D;;RPWP;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)"

static struct fake_svc *svc(struct fake_cli *x, const char *name)
{
    return fake_scm_get(&x->scm, name);
}

/* A machine an update blocker went through. */
static void break_it(struct fake_cli *x)
{
    struct fake_svc *w = svc(x, "wuauserv");
    w->start_type = WF_START_DISABLED;
    w->state = WF_STATE_STOPPED;
    w->pid = 0;
    wf_strlcpy(svc(x, "UsoSvc")->image, "C:\\blocker\\nothing.exe", WF_TEXT_MAX);
    wf_strlcpy(svc(x, "wuauserv")->sddl, DENY_SDDL, WF_TEXT_MAX);
    fake_reg_set(&x->scm, IFEO_USO, "Debugger", WF_REG_SZ, "/", 0);
    fake_reg_set(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock", WF_REG_DWORD, NULL, 1);
}

static void test_health_check_healthy_and_not(void **state)
{
    struct fake_cli *x = *state;
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Healthy: no problems found."));
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
    assert_string_equal(FAKE_OUT(x), "healthy\n");
    break_it(x);
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "5 problems (5 fixable): wuauserv:disabled wuauserv:security_descriptor "
                                     "wuauserv:blocker_wublock UsoSvc:image_path "
                                     "UsoClient.exe:blocker_ifeo_debugger\n");
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_int_equal(x->scm.nlog - fake_scm_log_count(&x->scm, "query") -
                         fake_scm_log_count(&x->scm, "config") - fake_scm_log_count(&x->scm, "security") -
                         fake_scm_log_count(&x->scm, "reg_read") - fake_scm_log_count(&x->scm, "reg_enum") -
                         fake_scm_log_count(&x->scm, "traits") - fake_scm_log_count(&x->scm, "read_tail") -
                         fake_scm_log_count(&x->scm, "read_text") -
                         fake_scm_log_count(&x->scm, "marked_for_delete"),
                     0); /* check only reads (the deletion question changes nothing) */
}

static void test_health_check_json_fits_intune(void **state)
{
    struct fake_cli *x = *state;
    /* Healthy, the default set: SPEC 7's whole schema in under 2,048 characters. */
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    const char *o = FAKE_OUT(x);
    print_message("check --json, healthy: %zu characters\n", strlen(o));
    assert_true(strlen(o) < 2048);
    assert_non_null(strstr(o, "{\"name\":\"wuauserv\",\"display_name\":\"wuauserv display\""));
    assert_non_null(strstr(o, "\"after\":null,\"actions\":[],\"error\":null}"));
    assert_non_null(strstr(o, "\"problems\":[]}"));
    /* Everything wrong at once: every problem is there, with its code,
     * whether repair fixes it, its words and evidence, past 2,048 characters. */
    break_it(x);
    svc(x, "UsoSvc")->start_type = WF_START_DISABLED;
    fake_reg_set(&x->scm, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU", "NoAutoUpdate",
                 WF_REG_DWORD, NULL, 1);
    x->scm.disk_free = 1ull << 30;
    for (const char *const *exe = wf_traces_update_programs; *exe; exe++) {
        char key[WF_TEXT_MAX];
        snprintf(key, sizeof(key), WF_KEY_IFEO "%s", *exe);
        fake_reg_set(&x->scm, key, "Debugger", WF_REG_SZ, "/", 0);
    }
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    o = FAKE_OUT(x);
    assert_true(strncmp(o, "{\"command\":\"check\",\"computer\":\"FAKEPC\",\"exit_code\":1,", 52) == 0);
    assert_non_null(
        strstr(o, "{\"service\":\"wuauserv\",\"code\":\"disabled\",\"severity\":\"error\",\"fixable\":true"));
    assert_non_null(
        strstr(o, "\"code\":\"policy_no_auto_update\",\"severity\":\"warning\",\"fixable\":false"));
    assert_non_null(strstr(o, "\"service\":null,\"code\":\"low_disk_space\""));
    assert_true(strlen(o) >= 2048);
    assert_non_null(
        strstr(o, "\"code\":\"low_disk_space\",\"severity\":\"warning\",\"fixable\":false,\"message\":"));
    assert_non_null(strstr(o, "\"evidence\":{\"found\":\"1024 MB\""));
}

/* A failed last run: its code and the system's words for it, in the text and the JSON. */
static void test_health_failed_last_run_says_why(void **state)
{
    struct fake_cli *x = *state;
    svc(x, "wuauserv")->state = WF_STATE_STOPPED;
    svc(x, "wuauserv")->exit_code = 1067;
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x),
                           "\"code\":\"last_run_failed\",\"severity\":\"warning\",\"fixable\":true,"
                           "\"message\":"));
    assert_non_null(strstr(FAKE_OUT(x),
                           "\"evidence\":{\"found\":\"1067\",\"expected\":\"0\",\"exit_code\":1067,"
                           "\"exit_message\":\"fake error 1067\"}"));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "found: 1067 (fake error 1067); expected: 0"));
}

static void test_health_repair_fixes_and_journals(void **state)
{
    struct fake_cli *x = *state;
    break_it(x);
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    struct fake_svc *w = svc(x, "wuauserv");
    assert_int_equal(w->start_type, WF_START_MANUAL);
    assert_int_equal(w->state, WF_STATE_RUNNING);
    assert_string_equal(svc(x, "UsoSvc")->image, "%systemroot%\\system32\\svchost.exe -k netsvcs -p");
    assert_int_equal(svc(x, "UsoSvc")->state, WF_STATE_RUNNING);
    assert_non_null(strstr(w->sddl, "(A;;CCLCSWRPLORC;;;AU)")); /* Windows' current default, */
    assert_null(strstr(w->sddl, ";PU)"));                       /* never the old one with PU */
    assert_null(fake_reg_get(&x->scm, IFEO_USO, "Debugger"));
    assert_null(fake_reg_get(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock"));
    assert_non_null(strstr(FAKE_OUT(x), "wuauserv: start type disabled -> manual"));
    /* The after-table shows the start type the repair set, read back from the SCM. */
    const char *after = strstr(FAKE_OUT(x), "After:");
    assert_non_null(after);
    assert_non_null(strstr(after, "Running  Manual"));
    assert_null(strstr(after, "Disabled"));
    assert_non_null(strstr(FAKE_OUT(x), "Checked again:\n  healthy"));
    const char *j = JOURNAL(x);
    assert_non_null(strstr(j, "command repair\n"));
    assert_non_null(strstr(j, "fix start disabled manual wuauserv\n"));
    assert_non_null(strstr(j, "fix image UsoSvc|C:\\blocker\\nothing.exe\n"));
    assert_non_null(strstr(j, "fix sddl wuauserv|" DENY_SDDL "\n"));
    assert_non_null(strstr(j, "fix reg sz 0 " IFEO_USO "|Debugger|/\n"));
    assert_non_null(strstr(j, "open 0\noutcome ok\n"));
    assert_int_equal(FAKE_RUN(x, "check"), 0);
}

static void test_health_repair_dry_run_changes_nothing(void **state)
{
    struct fake_cli *x = *state;
    break_it(x);
    assert_int_equal(FAKE_RUN(x, "repair", "-n"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Changes (was -> will be):"));
    assert_non_null(strstr(FAKE_OUT(x), "HKLM\\" IFEO_USO "\\Debugger: \"/\" -> (none)"));
    assert_int_equal(svc(x, "wuauserv")->start_type, WF_START_DISABLED);
    assert_non_null(fake_reg_get(&x->scm, IFEO_USO, "Debugger"));
    assert_int_equal(fake_scm_log_count(&x->scm, "set_"), 0);
}

static void test_health_undo_puts_the_blocker_back(void **state)
{
    struct fake_cli *x = *state;
    break_it(x);
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_int_equal(svc(x, "wuauserv")->start_type, WF_START_DISABLED);
    assert_int_equal(svc(x, "wuauserv")->state, WF_STATE_STOPPED);
    assert_string_equal(svc(x, "UsoSvc")->image, "C:\\blocker\\nothing.exe");
    assert_string_equal(svc(x, "wuauserv")->sddl, DENY_SDDL);
    const struct fake_value *d = fake_reg_get(&x->scm, IFEO_USO, "Debugger");
    assert_non_null(d);
    assert_string_equal(d->str, "/");
    assert_non_null(fake_reg_get(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock"));
    /* Each value is put back before the After table, which shows it. */
    assert_non_null(
        strstr(FAKE_OUT(x), "Changes (was -> will be):\n  wuauserv: start type manual -> disabled\n"));
    const char *after = strstr(FAKE_OUT(x), "After:");
    assert_non_null(after);
    assert_non_null(strstr(after, "Disabled"));
}

static void test_health_failed_fix_puts_back(void **state)
{
    struct fake_cli *x = *state;
    break_it(x);
    fake_scm_script(&x->scm, "set_image", "UsoSvc", 5, 1); /* the second fix is refused */
    assert_int_equal(FAKE_RUN(x, "repair"), 4);
    assert_int_equal(svc(x, "wuauserv")->start_type, WF_START_DISABLED); /* the first was put back */
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_non_null(strstr(JOURNAL(x), "open 0\n"));
}

static void test_health_failed_restart_puts_config_back(void **state)
{
    struct fake_cli *x = *state;
    break_it(x);
    svc(x, "wuauserv")->fail_start_code = 2;
    assert_int_equal(FAKE_RUN(x, "repair"), 4);
    assert_int_equal(svc(x, "wuauserv")->start_type, WF_START_DISABLED);
    assert_non_null(fake_reg_get(&x->scm, IFEO_USO, "Debugger"));
    assert_string_equal(svc(x, "UsoSvc")->image, "C:\\blocker\\nothing.exe");
}

static void test_health_repair_reports_what_it_must_not_touch(void **state)
{
    struct fake_cli *x = *state;
    svc(x, "WaaSMedicSvc")->start_type = WF_START_DISABLED; /* protected */
    fake_reg_set(&x->scm, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate",
                 "DisableWindowsUpdateAccess", WF_REG_DWORD, NULL, 1);
    assert_int_equal(FAKE_RUN(x, "repair"), 1); /* errors remain that are not repair's to fix */
    assert_int_equal(fake_scm_log_count(&x->scm, "set_start WaaSMedicSvc"), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "reg_delete"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "policy_blocks_access"));
}

#define KEY_SESSION "SYSTEM\\CurrentControlSet\\Control\\Session Manager"
#define KEY_CBS     "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending"

static void test_health_reboot_pending_is_3010(void **state)
{
    struct fake_cli *x = *state;
    break_it(x);
    fake_reg_set(&x->scm, KEY_CBS, "", WF_REG_SZ, "", 0);
    assert_int_equal(FAKE_RUN(x, "repair", "-q"), 3010);
}

/* Files other software left to be renamed at the next restart are not
 * Windows Update waiting for one: check says so and exits 0, repair does
 * not answer 3010 (a detection that is never compliant, a restart loop). */
static void test_health_file_renames_alone_are_no_restart(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, KEY_SESSION, "PendingFileRenameOperations", WF_REG_MULTI_SZ,
                 "\\??\\C:\\Program Files\\AV\\engine.dll.new|!\\??\\C:\\Program Files\\AV\\engine.dll", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    const char *o = FAKE_OUT(x);
    assert_null(strstr(o, "reboot_pending"));
    assert_non_null(strstr(o, "file_renames_pending"));
    assert_non_null(strstr(o, "Windows Update does not wait for them"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_null(strstr(FAKE_OUT(x), "reboot_pending"));
    break_it(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "-q"), 0);
    /* A file of Windows' own waiting: Windows Update waits for the restart. */
    fake_reg_set(&x->scm, KEY_SESSION, "PendingFileRenameOperations", WF_REG_MULTI_SZ,
                 "\\??\\C:\\Windows\\System32\\ntdll.dll.new|\\??\\C:\\Windows\\System32\\ntdll.dll", 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0); /* information */
    assert_non_null(strstr(FAKE_OUT(x), "reboot_pending"));
    assert_non_null(strstr(FAKE_OUT(x), "PendingFileRenameOperations (files under %SystemRoot%)"));
    break_it(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "-q"), 3010);
}

/* A pending restart is information, named by its signal and its date; a
 * warning once it has waited more than 7 days. */
static void test_health_reboot_pending_says_which_and_since_when(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, KEY_CBS, "", WF_REG_SZ, "", 0);
    x->scm.utc = "2026-12-02T12:00:00Z";
    x->scm.key_time = "2026-11-30T08:00:00Z";
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "info    reboot_pending"));
    assert_non_null(strstr(o, "Component Based Servicing\\RebootPending; since 2026-11-30"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0); /* in the JSON: a script must see it */
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"reboot_pending\",\"severity\":\"info\""));
    x->scm.key_time = "2026-11-24T08:00:00Z"; /* 8 days */
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "warning reboot_pending"));
}

static void test_health_repair_needs_rights_and_lock(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false;
    assert_int_equal(FAKE_RUN(x, "repair"), 3);
    assert_int_equal(FAKE_RUN(x, "check"), 0); /* reading needs no rights */
    x->fp.pf.elevated = true;
    x->fp.busy = true;
    assert_int_equal(FAKE_RUN(x, "repair"), 6);
}

static void test_health_service_dll_and_stopped_service_repaired(void **state)
{
    struct fake_cli *x = *state;
    const char *key = WF_KEY_SERVICES "UsoSvc\\Parameters";
    fake_reg_set(&x->scm, key, "ServiceDll", WF_REG_EXPAND_SZ, "C:\\blocker\\usosvc.dll", 0);
    struct fake_svc *u = svc(x, "UsoSvc");
    u->state = WF_STATE_STOPPED; /* starts automatically by default, */
    u->pid = 0;
    u->exit_code = 1067; /* and its last run failed */
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(
        FAKE_OUT(x),
        "3 problems (3 fixable): UsoSvc:not_running UsoSvc:last_run_failed UsoSvc:service_dll\n");
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    assert_string_equal(fake_reg_get(&x->scm, key, "ServiceDll")->str, "%systemroot%\\system32\\usosvc.dll");
    assert_int_equal(fake_reg_get(&x->scm, key, "ServiceDll")->type, WF_REG_EXPAND_SZ);
    assert_int_equal(u->state, WF_STATE_RUNNING);
    assert_non_null(strstr(JOURNAL(x), "fix reg expand 0 " WF_KEY_SERVICES
                                       "UsoSvc\\Parameters|ServiceDll|C:\\blocker\\usosvc.dll\n"));
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
}

static void test_health_added_dependency_repaired_and_undone(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = svc(x, "wuauserv");
    wf_strlcpy(w->deps[1], "wfblock", WF_NAME_MAX); /* not installed: a start fails with 1075 */
    w->ndeps = 2;
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "1 problem (1 fixable): wuauserv:dependencies\n");
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "found: rpcss,wfblock; expected: rpcss"));
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "wuauserv: depends on \"rpcss,wfblock\" -> \"rpcss\""));
    assert_int_equal(w->ndeps, 1);
    assert_string_equal(w->deps[0], "rpcss");
    assert_non_null(strstr(JOURNAL(x), "fix deps wuauserv|rpcss,wfblock\n"));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_int_equal(w->ndeps, 2);
    assert_string_equal(w->deps[1], "wfblock");
    /* An added dependency that exists only warns, and is still put right. */
    fake_scm_add(&x->scm, "wfblock", WF_STATE_RUNNING, WF_START_AUTO, NULL);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "warning dependencies"));
    /* One that Windows gives but the SCM does not list is not a problem. */
    w->ndeps = 0;
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
}

/* The Microsoft Account Sign-in Assistant disabled: repair sets it back to
 * Manual, journaled as every start type is, and undo makes it Disabled again. */
static void test_health_helper_repaired_and_undone(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = fake_scm_add(&x->scm, "wlidsvc", WF_STATE_STOPPED, WF_START_DISABLED, "RpcSs");
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "1 problem (1 fixable): wlidsvc:sign_in_assistant_disabled\n");
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    assert_int_equal(w->start_type, WF_START_MANUAL);
    assert_non_null(strstr(FAKE_OUT(x), "wlidsvc: start type disabled -> manual"));
    assert_non_null(strstr(JOURNAL(x), "fix start disabled manual wlidsvc\n"));
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_int_equal(w->start_type, WF_START_DISABLED);
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
}

/* DODownloadMode=0 as WinUtil's "disable updates" writes it: repair deletes that value alone,
 * journaled, and undo writes it back as it was; the same under a policy is left. */
static void test_health_delivery_optimization_repaired_and_undone(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 0);
    fake_reg_set(&x->scm, WF_KEY_DO_CONFIG, "DOMaxCacheAge", WF_REG_DWORD, NULL, 7);
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "1 problem (1 fixable): delivery_optimization_off\n");
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    assert_null(fake_reg_get(&x->scm, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE));
    assert_non_null(fake_reg_get(&x->scm, WF_KEY_DO_CONFIG, "DOMaxCacheAge"));
    assert_non_null(strstr(JOURNAL(x), "fix reg dword 0 " WF_KEY_DO_CONFIG "|DODownloadMode|"));
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    const struct fake_value *v = fake_reg_get(&x->scm, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE);
    assert_non_null(v);
    assert_int_equal(v->type, WF_REG_DWORD);
    assert_int_equal(v->dword, 0);
    /* A policy's: reported, never deleted. */
    const char *pol = "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization";
    fake_reg_set(&x->scm, pol, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 100);
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "1 problem (0 fixable): policy_delivery_optimization\n");
    FAKE_RUN(x, "repair");
    assert_non_null(fake_reg_get(&x->scm, pol, WF_VALUE_DO_MODE));
    assert_non_null(fake_reg_get(&x->scm, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE));
}

/* 64 and more DisallowRun entries in one user's hive are read before the
 * Image File Execution Options: the Debugger on an update program is still
 * named, and repair still removes it (b394e12 kept 64 problems, silently). */
#define USER_EXPLORER                                                                                        \
    WF_KEY_USERS                                                                                             \
    "S-1-5-21-1004336348-1177238915-682003330-1001\\Software\\Microsoft\\Windows\\CurrentVersion\\"          \
    "Policies\\Explorer"
static void test_health_problem_flood_keeps_the_debugger(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, USER_EXPLORER, "DisallowRun", WF_REG_DWORD, NULL, 1);
    for (int i = 1; i <= 70; i++) {
        char name[16];
        snprintf(name, sizeof(name), "%d", i);
        fake_reg_set(&x->scm, USER_EXPLORER "\\DisallowRun", name, WF_REG_SZ,
                     wf_traces_update_programs[i % 17], 0);
    }
    fake_reg_set(&x->scm, IFEO_USO, "Debugger", WF_REG_SZ, "/", 0);
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "71 problems (1 fixable)"));
    assert_non_null(strstr(FAKE_OUT(x), "UsoClient.exe:blocker_ifeo_debugger"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"blocker_ifeo_debugger\""));
    FAKE_RUN(x, "repair", "--yes");
    assert_null(fake_reg_get(&x->scm, IFEO_USO, "Debugger"));
    assert_non_null(strstr(FAKE_OUT(x), "UsoClient.exe"));
}

/* Whether `s` is strict UTF-8 with no raw DEL or C1 control. */
static bool strict_utf8(const char *text)
{
    for (const unsigned char *s = (const unsigned char *)text; *s;) {
        /* RFC 3629 section 4's table of well-formed sequences. */
        size_t n = *s < 0x80                  ? 1
                   : *s >= 0xc2 && *s <= 0xdf ? 2
                   : *s >= 0xe0 && *s <= 0xef ? 3
                   : *s >= 0xf0 && *s <= 0xf4 ? 4
                                              : 0;
        unsigned char lo = *s == 0xe0 ? 0xa0 : *s == 0xf0 ? 0x90 : 0x80;
        unsigned char hi = *s == 0xed ? 0x9f : *s == 0xf4 ? 0x8f : 0xbf;
        if (!n || *s == 0x7f || (n > 1 && (s[1] < lo || s[1] > hi)) || (*s == 0xc2 && s[1] <= 0x9f))
            return false;
        for (size_t k = 2; k < n; k++)
            if ((s[k] & 0xc0) != 0x80)
                return false;
        s += n;
    }
    return true;
}

/* UTF-8 text as UTF-16LE with a byte order mark, as Windows writes ReportingEvents.log. */
static uint8_t logbuf[1u << 16];
static size_t utf16le(const char *t, uint8_t *out)
{
    size_t n = 0;
    out[n++] = 0xFF;
    out[n++] = 0xFE;
    for (const unsigned char *p = (const unsigned char *)t; *p;) {
        unsigned cp = *p < 0x80 ? *p : *p < 0xe0 ? *p & 0x1fu : *p & 0x0fu;
        size_t len = *p < 0x80 ? 1 : *p < 0xe0 ? 2 : 3;
        for (size_t k = 1; k < len; k++)
            cp = cp << 6 | (p[k] & 0x3fu);
        out[n++] = (uint8_t)cp;
        out[n++] = (uint8_t)(cp >> 8);
        p += len;
    }
    return n;
}

/* --json is strict UTF-8 (b394e12: a DisallowRun value name cut by %.60s
 * left a lone 0xC3, U+009B went out raw, a Japanese title was cut in the
 * middle of a character). */
static void test_health_json_is_strict_utf8(void **state)
{
    struct fake_cli *x = *state;
    char name[80], title[256] = "2026-11 ", line[1024];
    memset(name, 'a', 59);
    strcpy(name + 59, "\xc3\xa9"); /* U+00E9 across the 60th byte */
    fake_reg_set(&x->scm, USER_EXPLORER, "DisallowRun", WF_REG_DWORD, NULL, 1);
    fake_reg_set(&x->scm, USER_EXPLORER "\\DisallowRun", name, WF_REG_SZ, "UsoClient.exe", 0);
    wf_strlcpy(svc(x, "UsoSvc")->image,
               "C:\\blocker\\\xc2\x9b"
               "2J\x7f.exe",
               WF_TEXT_MAX);
    for (int i = 0; i < 60; i++)
        strcat(title, "\xe3\x82\xa2"); /* U+30A2, 60 times: 188 bytes, cut at 159 */
    snprintf(line, sizeof(line),
             "{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}\t2026-11-20 14:02:11:509+0100\t1\t"
             "182 [AGENT_INSTALLING_FAILED]\t101\t{00000000-0000-0000-0000-000000000000}\t200\t80073712\t"
             "UpdateOrchestrator\tFailure\tContent Install\tInstallation Failure: Windows failed to install "
             "the following update with error 0x80073712: %s.\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}\r\n",
             title);
    struct fake_file *f = fake_file_put(&x->scm, "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log", 0);
    f->nbytes = utf16le(line, logbuf);
    f->bytes = logbuf;
    f->size = f->nbytes;
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_true(strict_utf8(o));
    assert_non_null(strstr(o, "\"code\":\"policy_disallow_run\""));
    assert_non_null(strstr(o, "\\\\aaaaaaaaaa")); /* the name, cut before the character that did not fit */
    assert_non_null(strstr(o, "C:\\\\blocker\\\\\\u009b2J\\u007f.exe"));
    assert_non_null(strstr(o, "\"code\":\"last_install_failed\""));
    assert_non_null(strstr(o, "\xe3\x82\xa2\xe3\x82\xa2")); /* the title, in whole characters */
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_true(strict_utf8(FAKE_OUT(x)));
}

/* An image path of 4,000 bytes (a blocker's padding; 8a0d128 read any past
 * 1,023 as unreadable, so the service was out of repair's reach): check
 * names it, cut on a character boundary for display only; repair restores
 * Windows' own and journals the long value whole; undo puts it back byte for
 * byte. A ServiceDll too long to record is reported and never changed. */
static void test_health_long_image_path_repaired_and_put_back(void **state)
{
    struct fake_cli *x = *state;
    static char image[4001];
    size_t n = (size_t)snprintf(image, sizeof(image), "C:\\blocker\\pad.exe ");
    while (n + 3 <= 4000) { /* U+00E9 and a space: a cut could land mid-character */
        memcpy(image + n, "\xc3\xa9 ", 3);
        n += 3;
    }
    while (n < 4000)
        image[n++] = 'x';
    image[n] = '\0';
    wf_strlcpy(svc(x, "UsoSvc")->image, image, sizeof(svc(x, "UsoSvc")->image));
    assert_string_equal(svc(x, "UsoSvc")->image, image);

    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "UsoSvc:image_path"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_true(strict_utf8(FAKE_OUT(x)));
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"image_path\""));
    assert_non_null(strstr(FAKE_OUT(x), "C:\\\\blocker\\\\pad.exe"));

    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_string_equal(svc(x, "UsoSvc")->image, "%systemroot%\\system32\\svchost.exe -k netsvcs -p");
    /* The journal holds the whole value, escaped only where version 2 escapes. */
    const char *j = strstr(JOURNAL(x), "fix image UsoSvc|C:\\blocker\\pad.exe ");
    assert_non_null(j);
    const char *end = strchr(j, '\n');
    assert_int_equal((size_t)(end - strchr(j, '|') - 1), strlen(image));
    assert_int_equal(FAKE_RUN(x, "check"), 0);

    assert_int_equal(FAKE_RUN(x, "undo", "--yes"), 0);
    assert_string_equal(svc(x, "UsoSvc")->image, image);
}

static void test_health_value_too_long_to_record_is_not_changed(void **state)
{
    struct fake_cli *x = *state;
    char dll[1200];
    memset(dll, 'a', sizeof(dll) - 1);
    memcpy(dll, "C:\\blocker\\", 11);
    dll[sizeof(dll) - 1] = '\0';
    /* The fake keeps 1,023 bytes: longer reads as Windows' reader reads one longer than WF_VALUE_MAX. */
    fake_reg_set(&x->scm, WF_KEY_SERVICES "UsoSvc\\Parameters", "ServiceDll", WF_REG_EXPAND_SZ, dll, 0);
    fake_reg_set(&x->scm, IFEO_USO, "Debugger", WF_REG_SZ, dll, 0);
    /* Listed as fixable, but repair's own read of it fails: not changed either. */
    fake_reg_set(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock", WF_REG_SZ, dll, 0);
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "blocker_wublock"));
    assert_non_null(strstr(FAKE_OUT(x), "UsoSvc:service_dll"));
    assert_non_null(strstr(FAKE_OUT(x), "blocker_ifeo_debugger"));
    assert_null(strstr(FAKE_OUT(x), "registry_unreadable"));
    /* Reported, left: it could not be put back; the WubLock repair meant to remove stays: 4. */
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 4);
    assert_non_null(fake_reg_get(&x->scm, WF_KEY_SERVICES "wuauserv", "WubLock"));
    assert_true(fake_reg_get(&x->scm, WF_KEY_SERVICES "UsoSvc\\Parameters", "ServiceDll")->cut);
    assert_true(fake_reg_get(&x->scm, IFEO_USO, "Debugger")->cut);
    assert_int_equal(fake_scm_log_count(&x->scm, "reg_write") + fake_scm_log_count(&x->scm, "reg_delete"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_health_check_healthy_and_not, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_check_json_fits_intune, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_failed_last_run_says_why, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_repair_fixes_and_journals, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_repair_dry_run_changes_nothing, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_undo_puts_the_blocker_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_failed_fix_puts_back, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_failed_restart_puts_config_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_repair_reports_what_it_must_not_touch, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_file_renames_alone_are_no_restart, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_reboot_pending_says_which_and_since_when, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_reboot_pending_is_3010, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_repair_needs_rights_and_lock, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_added_dependency_repaired_and_undone, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_service_dll_and_stopped_service_repaired, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_helper_repaired_and_undone, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_delivery_optimization_repaired_and_undone, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_problem_flood_keeps_the_debugger, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_json_is_strict_utf8, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_long_image_path_repaired_and_put_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_health_value_too_long_to_record_is_not_changed, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

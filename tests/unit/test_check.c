/* SPDX-License-Identifier: MIT */
/* test_check.c - each problem of SPEC section 5 detected from its evidence, and
 * a healthy machine found healthy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/check.h"
#include "wufix/mech/tasks.h"
#include "wufix/mech/traces.h"

static const char *const names[] = {"wuauserv",     "UsoSvc",          "BITS", "CryptSvc", "DoSvc",
                                    "WaaSMedicSvc", "TrustedInstaller"};

static int setup(void **state)
{
    struct fake_scm *f = test_calloc(1, sizeof(*f));
    fake_scm_init(f);
    fake_scm_windows(f);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    test_free(*state);
    return 0;
}

static void run(struct fake_scm *f, struct wf_check *c)
{
    struct wf_backend b = fake_scm_backend(f);
    struct wf_host h = fake_scm_host(f);
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        wf_plan_add(p, names[i], true, NULL);
    assert_int_equal(wf_plan_gather(p, &b), WF_OK);
    assert_int_equal(wf_check_run(p, &b, &h, c), WF_OK);
    wf_plan_free(p);
}

static const struct wf_problem *find(const struct wf_check *c, const char *svc, const char *code)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->p[i].code, code) == 0 && wf_name_cmp(c->p[i].service, svc) == 0)
            return &c->p[i];
    return NULL;
}

static struct wf_check *new_check(void)
{
    return test_calloc(1, sizeof(struct wf_check));
}

static void test_check_healthy_machine_is_healthy(void **state)
{
    struct wf_check *c = new_check();
    run(*state, c);
    for (size_t i = 0; i < c->n; i++)
        print_message("unexpected: %s %s\n", c->p[i].service, c->p[i].code);
    assert_int_equal(c->n, 0);
    wf_check_release(c);
    test_free(c);
}

static void test_check_start_type_and_state(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_scm_get(f, "wuauserv")->start_type = WF_START_DISABLED;
    fake_scm_get(f, "BITS")->start_type = WF_START_AUTO; /* neither of the two BITS has */
    struct fake_svc *u = fake_scm_get(f, "UsoSvc");
    u->state = WF_STATE_STOPPED;
    u->pid = 0;
    u->exit_code = 1067;
    fake_scm_get(f, "DoSvc")->state = WF_STATE_STOP_PENDING;
    run(f, c);
    const struct wf_problem *p = find(c, "wuauserv", "disabled");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_ERROR);
    assert_true(p->fixable);
    assert_string_equal(p->found, "disabled");
    assert_string_equal(p->expected, "manual");
    p = find(c, "BITS", "start_type");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_string_equal(p->found, "auto");
    assert_string_equal(p->expected, "auto_delayed or manual");
    assert_non_null(find(c, "UsoSvc", "not_running"));
    p = find(c, "UsoSvc", "last_run_failed");
    assert_non_null(p);
    assert_string_equal(p->found, "1067");
    assert_non_null(find(c, "DoSvc", "stuck_pending"));
    wf_check_release(c);
    test_free(c);
}

/* Start types Windows changes by itself (windows-defaults-review.md items 3
 * and 4): BITS Automatic (delayed) while jobs are queued [BITSDOC]; DoSvc
 * Manual with a trigger, Automatic or Automatic (delayed) with Delivery
 * Optimization's mode [S26][PSX]. A healthy machine in any of them is
 * healthy, and stays as it is; on 0085826 each was a start_type warning. */
static void test_check_start_types_windows_changes_itself(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    const enum wf_start_type dosvc[] = {WF_START_MANUAL, WF_START_AUTO, WF_START_AUTO_DELAYED};
    fake_scm_get(f, "BITS")->start_type = WF_START_AUTO_DELAYED;
    fake_scm_get(f, "DoSvc")->triggers = 2;
    for (size_t i = 0; i < 3; i++) {
        fake_scm_get(f, "DoSvc")->start_type = dosvc[i];
        fake_scm_get(f, "DoSvc")->state = WF_STATE_STOPPED; /* it stops itself when idle */
        run(f, c);
        assert_int_equal(wf_check_count(c, WF_SEV_WARNING), 0);
    }
    /* Manual without a trigger is not one of Windows' own. */
    fake_scm_get(f, "DoSvc")->start_type = WF_START_MANUAL;
    fake_scm_get(f, "DoSvc")->triggers = 0;
    run(f, c);
    const struct wf_problem *p = find(c, "DoSvc", "start_type");
    assert_non_null(p);
    assert_string_equal(p->expected, "auto or auto_delayed or manual with a trigger");
    wf_check_release(c);
    test_free(c);
}

static void test_check_tampering(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    wf_strlcpy(fake_scm_get(f, "wuauserv")->image, "C:\\evil\\svc.exe", WF_TEXT_MAX);
    /* Same path in other letter case and expanded: not tampering. */
    wf_strlcpy(fake_scm_get(f, "BITS")->image, "C:\\WINDOWS\\System32\\svchost.exe -k netsvcs -p",
               WF_TEXT_MAX);
    fake_reg_set(f, WF_KEY_SERVICES "UsoSvc\\Parameters", "ServiceDll", WF_REG_EXPAND_SZ,
                 "%systemroot%\\system32\\Wu10Man_usosvc.dll", 0);
    fake_file_remove(f, "C:\\Windows\\System32\\qmgr.dll");
    run(f, c);
    const struct wf_problem *p = find(c, "wuauserv", "image_path");
    assert_non_null(p);
    assert_string_equal(p->found, "C:\\evil\\svc.exe");
    assert_null(find(c, "BITS", "image_path"));
    p = find(c, "UsoSvc", "service_dll");
    assert_non_null(p);
    assert_true(p->fixable);
    p = find(c, "BITS", "service_dll_missing");
    assert_non_null(p);
    assert_false(p->fixable);
    wf_check_release(c);
    test_free(c);
}

static void test_check_security_descriptor(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    wf_strlcpy(fake_scm_get(f, "wuauserv")->sddl,
               "D:(D;;RPWP;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)",
               WF_TEXT_MAX);
    fake_scm_get(f, "BITS")->sddl[0] = '\0'; /* as Wine returns it */
    run(f, c);
    const struct wf_problem *p = find(c, "wuauserv", "security_descriptor");
    assert_non_null(p);
    assert_true(strncmp(p->found, "denies start, stop: D:(D;;RPWP;;;BA)", 36) == 0);
    p = find(c, "BITS", "security_unreadable");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_INFO); /* never counted as a problem */
    assert_null(find(c, "BITS", "security_descriptor"));
    assert_int_equal(wf_check_count(c, WF_SEV_WARNING), 1);
    wf_check_release(c);
    test_free(c);
}

static void test_check_dependencies(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_scm_get(f, "RpcSs")->start_type = WF_START_DISABLED;
    run(f, c);
    const struct wf_problem *p = find(c, "wuauserv", "dependency_disabled");
    assert_non_null(p);
    assert_string_equal(p->found, "rpcss");
    assert_false(p->fixable);
    wf_strlcpy(fake_scm_get(f, "RpcSs")->name, "gone", WF_NAME_MAX);
    run(f, c);
    assert_non_null(find(c, "CryptSvc", "dependency_missing"));
    assert_null(find(c, "TrustedInstaller", "dependency_missing")); /* it has none */
    wf_check_release(c);
    test_free(c);
}

/* Traces real tools leave beyond the services (windows-defaults-review.md items
 * 6, 7 and 12), each one wufix missed on 0085826. */
#define USER_HIVE WF_KEY_USERS "S-1-5-21-1004336348-1177238915-682003330-1001\\"
#define EXPLORER  "Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer"
static void test_check_traces_policies_and_users(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU", "UseWUServer", WF_REG_DWORD,
                 NULL, 1);
    fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", "WUServer", WF_REG_SZ,
                 "http://127.0.0.1:8530", 0);
    fake_reg_set(f, USER_HIVE "Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\WindowsUpdate",
                 "DisableWindowsUpdateAccess", WF_REG_DWORD, NULL, 1);
    fake_reg_set(f, USER_HIVE EXPLORER, "DisallowRun", WF_REG_DWORD, NULL, 1);
    fake_reg_set(f, USER_HIVE EXPLORER "\\DisallowRun", "1", WF_REG_SZ, "software_reporter_tool.exe", 0);
    fake_reg_set(f, USER_HIVE EXPLORER "\\DisallowRun", "2", WF_REG_SZ, "usoclient.exe", 0);
    /* The classes hive of the same user is not a user's policy hive. */
    fake_reg_set(f, WF_KEY_USERS "S-1-5-21-1-2-3-1001_Classes\\" EXPLORER, "NoWindowsUpdate", WF_REG_DWORD,
                 NULL, 1);
    /* A key whose Allow entries were cut to reading, without a Deny entry. */
    fake_reg_set(f, WF_KEY_SERVICES "UsoSvc", "(key_sddl)", WF_REG_SZ,
                 "O:SYG:SYD:(A;CI;KR;;;SY)(A;CI;KR;;;BA)", 0);
    run(f, c);
    const struct wf_problem *p = find(c, "", "policy_wsus_loopback");
    assert_non_null(p);
    assert_false(p->fixable);
    assert_non_null(strstr(p->found, "http://127.0.0.1:8530"));
    assert_non_null(strstr(
        p->expected, "delete HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\UseWUServer"));
    p = find(c, "", "policy_user_blocks_access");
    assert_non_null(p);
    assert_non_null(strstr(p->found, "S-1-5-21-1004336348-1177238915-682003330-1001"));
    p = find(c, "UsoClient.exe", "policy_disallow_run");
    assert_non_null(p);
    assert_false(p->fixable);
    /* DisallowRun stops only what Explorer starts; services and tasks start the update programs. */
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_null(find(c, "", "policy_no_windows_update"));
    size_t disallowed = 0;
    for (size_t i = 0; i < c->n; i++)
        disallowed += strcmp(c->p[i].code, "policy_disallow_run") == 0;
    assert_int_equal(disallowed, 1); /* Chrome's reporter is not an update program */
    p = find(c, "UsoSvc", "blocker_key_rights");
    assert_non_null(p);
    assert_false(p->fixable);
    assert_null(find(c, "UsoSvc", "blocker_key_deny"));
    assert_null(find(c, "wuauserv", "blocker_key_rights"));
    /* An update server elsewhere is the admin's WSUS: nothing to say. */
    fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", "WUServer", WF_REG_SZ,
                 "http://wsus.example.org:8530", 0);
    run(f, c);
    assert_null(find(c, "", "policy_wsus_loopback"));
    /* Generic rights on a key map as for a key (winnt.h: GENERIC_EXECUTE is
     * KEY_EXECUTE 0x20019, which holds KEY_QUERY_VALUE; GENERIC_WRITE is
     * KEY_WRITE 0x20006, which holds KEY_SET_VALUE), not as for a service. */
    fake_reg_set(f, WF_KEY_SERVICES "UsoSvc", "(key_sddl)", WF_REG_SZ,
                 "O:SYG:SYD:(A;CI;GXGW;;;SY)(A;CI;GXGW;;;BA)", 0);
    run(f, c);
    assert_null(find(c, "UsoSvc", "blocker_key_rights"));
    wf_check_release(c);
    test_free(c);
}

/* A build no public source covers (Server 2022, 20348): said once, and only
 * what holds on every build is compared; a disabled service is still found
 * and repaired to a start type every covered build agrees on. */
static void test_check_build_not_covered(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "20348", 0);
    wf_strlcpy(fake_scm_get(f, "BITS")->image, "%SystemRoot%\\System32\\svchost.exe -k netsvcs", WF_TEXT_MAX);
    fake_scm_get(f, "UsoSvc")->start_type = WF_START_MANUAL;
    fake_scm_get(f, "wuauserv")->start_type = WF_START_DISABLED;
    wf_strlcpy(fake_scm_get(f, "CryptSvc")->image, "C:\\Tools\\crypt.exe", WF_TEXT_MAX);
    wf_strlcpy(fake_scm_get(f, "DoSvc")->image, "\"%SystemRoot%\\System32\\..\\..\\Tools\\do.exe\"",
               WF_TEXT_MAX);
    run(f, c);
    const struct wf_problem *p = find(c, "", "build_not_covered");
    assert_non_null(p);
    assert_string_equal(p->found, "20348");
    assert_string_equal(p->expected, "14393, 19041-19045, 22000-22631, 26100-26200");
    assert_null(find(c, "BITS", "image_path"));   /* Windows' own there is not known */
    assert_null(find(c, "UsoSvc", "start_type")); /* nor its start type */
    p = find(c, "wuauserv", "disabled");
    assert_non_null(p);
    assert_true(p->fixable);
    assert_string_equal(p->expected, "manual");
    p = find(c, "CryptSvc", "image_path");
    assert_non_null(p); /* outside %SystemRoot%: tampering on any build */
    assert_false(p->fixable);
    assert_non_null(find(c, "DoSvc", "image_path")); /* under %SystemRoot% only by its name */
    assert_int_equal(wf_check_count(c, WF_SEV_WARNING), 3);
    /* A program of its own (not svchost), under %SystemRoot% by its name
     * only: "..\.." climbs out of it. */
    wf_strlcpy(fake_scm_get(f, "TrustedInstaller")->image, "%SystemRoot%\\servicing\\..\\..\\Tools\\ti.exe",
               WF_TEXT_MAX);
    run(f, c);
    assert_non_null(find(c, "TrustedInstaller", "image_path"));
    wf_strlcpy(fake_scm_get(f, "TrustedInstaller")->image, "%SystemRoot%\\servicing\\TrustedInstaller.exe",
               WF_TEXT_MAX);
    run(f, c);
    assert_null(find(c, "TrustedInstaller", "image_path"));
    /* The build cannot be read: the same, said as unknown. */
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_NONE, NULL, 0);
    run(f, c);
    assert_string_equal(find(c, "", "build_not_covered")->found, "unknown");
    wf_check_release(c);
    test_free(c);
}

/* A build no row covers: a disabled service is set back to what the nearest
 * covered builds ship (UsoSvc: Automatic (delayed) near Windows 10/11, where
 * b394e12 said Manual, which only 1607 ships), and an svchost service whose
 * program is a copy of svchost under another name (facts-audit-2026: AME's
 * amehost.exe) is reported, though it lies under %SystemRoot%. Windows Server
 * 2025 is build 26100, but the 24H2 rows come from client machines: generic,
 * said once. */
static void test_check_uncovered_builds(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "20348", 0);
    fake_scm_get(f, "UsoSvc")->start_type = WF_START_DISABLED;
    wf_strlcpy(fake_scm_get(f, "CryptSvc")->image, "%SystemRoot%\\System32\\amehost.exe -k NetworkService -p",
               WF_TEXT_MAX);
    wf_strlcpy(fake_scm_get(f, "BITS")->image, "\"C:\\WINDOWS\\system32\\svchost.exe\" -k netsvcs",
               WF_TEXT_MAX);
    run(f, c);
    const struct wf_problem *p = find(c, "UsoSvc", "disabled");
    assert_non_null(p);
    assert_true(p->fixable);
    assert_string_equal(p->expected, "auto_delayed");
    p = find(c, "CryptSvc", "image_path");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_ERROR);
    assert_false(p->fixable);                               /* Windows' own command line there is not known */
    assert_null(find(c, "BITS", "image_path"));             /* svchost.exe, quoted: Windows' own program */
    assert_null(find(c, "TrustedInstaller", "image_path")); /* not an svchost service */
    /* Windows Server 2025. */
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "26100", 0);
    fake_reg_set(f, WF_KEY_VERSION, "InstallationType", WF_REG_SZ, "Server", 0);
    run(f, c);
    p = find(c, "", "build_not_covered");
    assert_non_null(p);
    assert_string_equal(p->found, "26100 (Windows Server)");
    assert_string_equal(find(c, "UsoSvc", "disabled")->expected, "auto"); /* the nearest: 24H2 */
    assert_non_null(find(c, "CryptSvc", "image_path"));
    size_t said = 0;
    for (size_t i = 0; i < c->n; i++)
        said += strcmp(c->p[i].code, "build_not_covered") == 0;
    assert_int_equal(said, 1);
    /* Windows Server 2019: a source gives only wuauserv's and BITS' descriptors [S3]. Those
     * are compared and restored there; the build is still said not covered. */
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "17763", 0);
    wf_strlcpy(fake_scm_get(f, "wuauserv")->sddl, "O:SYG:SYD:(D;;RPWP;;;BA)(A;;CCLCSWRPLORC;;;AU)",
               WF_TEXT_MAX);
    run(f, c);
    assert_string_equal(find(c, "", "build_not_covered")->found, "17763 (Windows Server)");
    assert_true(find(c, "wuauserv", "security_descriptor")->fixable);
    assert_string_equal(find(c, "UsoSvc", "disabled")->expected, "auto_delayed");
    assert_non_null(find(c, "CryptSvc", "image_path"));
    /* Windows 10 1809, the same build as a client: no source at all. */
    fake_reg_set(f, WF_KEY_VERSION, "InstallationType", WF_REG_SZ, "Client", 0);
    run(f, c);
    assert_string_equal(find(c, "", "build_not_covered")->found, "17763");
    assert_false(find(c, "wuauserv", "security_descriptor")->fixable);
    wf_check_release(c);
    test_free(c);
}

/* Windows 11 24H2: compared against its own row (not "not covered"), and
 * the fields no source gives there are said once, not compared. */
static void test_check_24h2_says_what_it_did_not_compare(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "26100", 0);
    fake_scm_get(f, "UsoSvc")->start_type = WF_START_AUTO;
    wf_strlcpy(fake_scm_get(f, "wuauserv")->account, "NT AUTHORITY\\LocalService", WF_TEXT_MAX);
    run(f, c);
    assert_null(find(c, "", "build_not_covered"));
    assert_null(find(c, "wuauserv", "account"));
    const struct wf_problem *p = find(c, "", "fields_not_compared");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_INFO);
    assert_string_equal(p->found, "ServiceDll, account, security descriptor");
    assert_int_equal(wf_check_count(c, WF_SEV_WARNING), 0);
    char text[512];
    wf_check_describe(p, text, sizeof(text));
    assert_non_null(strstr(text, "(ServiceDll, account, security descriptor)"));
    wf_check_release(c);
    test_free(c);
}

/* Windows 10 1607: DoSvc's ServiceDll sits in the service key itself, not
 * under Parameters [S40]; svchost reads either, so both are looked at (b394e12
 * reported a healthy 1607 DoSvc as having no DLL). Its repair target is
 * Automatic (delayed), as the restore files write it. */
static void test_check_1607_dosvc_dll_in_service_key(void **state)
{
    (void)state;
    struct fake_scm *f = test_calloc(1, sizeof(*f));
    struct wf_check *c = new_check();
    fake_scm_init(f);
    f->build = 14393;
    fake_scm_windows(f);
    fake_reg_set(f, WF_KEY_SERVICES "DoSvc\\Parameters", "ServiceDll", WF_REG_NONE, NULL, 0);
    fake_reg_set(f, WF_KEY_SERVICES "DoSvc", "ServiceDll", WF_REG_EXPAND_SZ,
                 "%SystemRoot%\\system32\\dosvc.dll", 0);
    run(f, c);
    assert_null(find(c, "DoSvc", "service_dll"));
    assert_null(find(c, "DoSvc", "service_dll_missing"));
    fake_reg_set(f, WF_KEY_SERVICES "DoSvc", "ServiceDll", WF_REG_EXPAND_SZ,
                 "%SystemRoot%\\system32\\nodo.dll", 0);
    fake_scm_get(f, "DoSvc")->start_type = WF_START_DISABLED;
    run(f, c);
    const struct wf_problem *p = find(c, "DoSvc", "service_dll");
    assert_non_null(p);
    assert_string_equal(p->found, "%SystemRoot%\\system32\\nodo.dll");
    assert_string_equal(find(c, "DoSvc", "disabled")->expected, "auto_delayed");
    wf_check_release(c);
    test_free(c);
    test_free(f);
}

/* Severities follow what a policy does: the machine's
 * DisableWindowsUpdateAccess only takes "Check for updates" from users while
 * background updates go on [WUS] (a warning); DisableOSUpgrade has no source
 * for any effect on Windows 10/11 (information). b394e12: error and warning. */
static void test_check_policy_severities(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", "DisableWindowsUpdateAccess",
                 WF_REG_DWORD, NULL, 1);
    fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", "DisableOSUpgrade", WF_REG_DWORD,
                 NULL, 1);
    run(f, c);
    const struct wf_problem *p = find(c, "", "policy_blocks_access");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_false(p->fixable);
    p = find(c, "", "policy_disable_os_upgrade");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_INFO);
    assert_int_equal(wf_check_count(c, WF_SEV_ERROR), 0);
    wf_check_release(c);
    test_free(c);
}

static void test_check_machine_and_blockers(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending",
                 "", WF_REG_SZ, "", 0);
    fake_reg_set(f, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU", "NoAutoUpdate", WF_REG_DWORD,
                 NULL, 1);
    fake_reg_set(f, WF_KEY_IFEO "UsoClient.exe", "Debugger", WF_REG_SZ, "/", 0);
    fake_reg_set(f, WF_KEY_SERVICES "wuauserv", "WubLock", WF_REG_DWORD, NULL, 1);
    wf_strlcpy(f->key_sddl, "D:(D;;KA;;;SY)(A;;KA;;;BA)", sizeof(f->key_sddl));
    f->disk_free = 3ull << 30;
    run(f, c);
    assert_non_null(find(c, "", "reboot_pending"));
    const struct wf_problem *p = find(c, "", "policy_no_auto_update");
    assert_non_null(p);
    assert_false(p->fixable); /* a policy is the admin's intent */
    p = find(c, "UsoClient.exe", "blocker_ifeo_debugger");
    assert_non_null(p);
    assert_true(p->fixable);
    assert_string_equal(p->found, "/");
    assert_non_null(find(c, "wuauserv", "blocker_wublock"));
    assert_non_null(find(c, "wuauserv", "blocker_key_deny"));
    p = find(c, "", "low_disk_space");
    assert_non_null(p);
    assert_string_equal(p->found, "3072 MB");
    char text[512];
    wf_check_describe(find(c, "wuauserv", "blocker_wublock"), text, sizeof(text));
    assert_non_null(strstr(text, "wuauserv: an update blocker's WubLock marker"));
    wf_check_release(c);
    test_free(c);
}

static void test_check_protected_and_reported_never_fixable(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_scm_get(f, "WaaSMedicSvc")->start_type = WF_START_DISABLED;
    fake_scm_get(f, "TrustedInstaller")->start_type = WF_START_DISABLED;
    run(f, c);
    assert_false(find(c, "WaaSMedicSvc", "disabled")->fixable);
    assert_false(find(c, "TrustedInstaller", "disabled")->fixable);
    wf_check_release(c);
    test_free(c);
}

static void test_check_unreadable_value_is_reported(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_scm_script(f, "reg_read", "Debugger", 5, 1); /* the first update program's key */
    run(f, c);
    const struct wf_problem *p = find(c, "UsoClient.exe", "registry_unreadable");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_non_null(strstr(p->found, "UsoClient.exe\\Debugger"));
    wf_check_release(c);
    test_free(c);
}

static void test_check_unreadable_config_is_not_fixed(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_scm_get(f, "wuauserv")->start_type = WF_START_DISABLED;
    fake_scm_script(f, "traits", "wuauserv", 5, 1); /* the plan reads config and traits at once */
    run(f, c);
    const struct wf_problem *p = find(c, "wuauserv", "config_unreadable");
    assert_non_null(p);
    assert_false(p->fixable);
    assert_null(find(c, "wuauserv", "start_type"));
    assert_null(find(c, "wuauserv", "disabled"));
    wf_check_release(c);
    test_free(c);
}

static void test_check_missing_service(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    wf_strlcpy(fake_scm_get(f, "DoSvc")->name, "gone-DoSvc", WF_NAME_MAX);
    run(f, c);
    const struct wf_problem *p = find(c, "DoSvc", "not_installed");
    assert_non_null(p);
    assert_false(p->fixable);
    wf_check_release(c);
    test_free(c);
}

/* App Readiness and the Microsoft Account Sign-in Assistant, beside the update
 * services: disabled, each is reported with its own code and fixed back to
 * Manual, but only on a build whose default a source gives; a protected one
 * is never fixable, a missing one is not reported, a running one is fine.
 * WaaSMedicSvc missing is the table's own not_installed. */
static void test_check_helpers_disabled(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_scm_add(f, "AppReadiness", WF_STATE_STOPPED, WF_START_DISABLED, NULL);
    run(f, c);
    const struct wf_problem *p = find(c, "AppReadiness", "app_readiness_disabled");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_true(p->fixable);
    assert_string_equal(p->found, "disabled");
    assert_string_equal(p->expected, "manual");
    assert_null(find(c, "wlidsvc", "sign_in_assistant_disabled")); /* not there: not reported */
    fake_scm_add(f, "wlidsvc", WF_STATE_STOPPED, WF_START_DISABLED, "RpcSs")->protection =
        WF_PROTECTION_WINDOWS_LIGHT;
    run(f, c);
    assert_false(find(c, "wlidsvc", "sign_in_assistant_disabled")->fixable);
    fake_scm_get(f, "wlidsvc")->protection = WF_PROTECTION_NONE;
    fake_scm_get(f, "AppReadiness")->start_type = WF_START_MANUAL;
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "26200", 0);
    run(f, c);
    assert_null(find(c, "AppReadiness", "app_readiness_disabled"));
    assert_true(find(c, "wlidsvc", "sign_in_assistant_disabled")->fixable);
    /* Disabled by an MDM policy (Policy CSP Accounts/AllowMicrosoftAccountSignInAssistant=0):
     * the organization's choice, reported and never fixable; allowed (1), repair's again. */
    const char *mdm = "SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Accounts";
    fake_reg_set(f, mdm, "AllowMicrosoftAccountSignInAssistant", WF_REG_DWORD, NULL, 0);
    run(f, c);
    p = find(c, "wlidsvc", "sign_in_assistant_disabled");
    assert_false(p->fixable);
    assert_non_null(strstr(p->expected, "disabled by MDM policy"));
    assert_non_null(strstr(p->expected, "AllowMicrosoftAccountSignInAssistant=0"));
    fake_reg_set(f, mdm, "AllowMicrosoftAccountSignInAssistant", WF_REG_DWORD, NULL, 1);
    run(f, c);
    assert_true(find(c, "wlidsvc", "sign_in_assistant_disabled")->fixable);
    /* Windows 10 1809: no source gives their defaults there. */
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "17763", 0);
    run(f, c);
    assert_null(find(c, "wlidsvc", "sign_in_assistant_disabled"));
    /* WaaSMedicSvc deleted, as pause tools and blockers do: not_installed where the build ships
     * it (1803 and later), nothing on 1607, which has none. */
    wf_strlcpy(fake_scm_get(f, "WaaSMedicSvc")->name, "gone-WaaSMedicSvc", WF_NAME_MAX);
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "22631", 0);
    run(f, c);
    assert_int_equal(find(c, "WaaSMedicSvc", "not_installed")->sev, WF_SEV_ERROR);
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "14393", 0);
    run(f, c);
    assert_null(find(c, "WaaSMedicSvc", "not_installed"));
    wf_check_release(c);
    test_free(c);
}

/* The Update Health Tools' program in place (%ProgramFiles% as ProgramFilesDir
 * gives it) with their service deleted or disabled: a warning, reported only,
 * with the remedy; uhssvc missing without the program says nothing, and the
 * service as the tools leave it is not reported. */
static void test_check_update_health_tools_broken(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    const char *exe = "D:\\Apps\\Microsoft Update Health Tools\\uhssvc.exe";
    run(f, c);
    assert_null(find(c, "uhssvc", "update_health_tools_broken")); /* no tools: nothing to say */
    fake_reg_set(f, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion", "ProgramFilesDir", WF_REG_SZ, "D:\\Apps",
                 0);
    run(f, c);
    assert_null(find(c, "uhssvc", "update_health_tools_broken"));
    fake_file_add(f, exe);
    run(f, c);
    const struct wf_problem *p = find(c, "uhssvc", "update_health_tools_broken");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_false(p->fixable);
    assert_string_equal(p->found,
                        "not installed; D:\\Apps\\Microsoft Update Health Tools\\uhssvc.exe present");
    assert_non_null(p->remedy);
    assert_non_null(strstr(p->remedy, "KB4023057"));
    fake_scm_add(f, "uhssvc", WF_STATE_RUNNING, WF_START_AUTO, NULL);
    run(f, c);
    assert_null(find(c, "uhssvc", "update_health_tools_broken"));
    fake_scm_get(f, "uhssvc")->start_type = WF_START_DISABLED;
    run(f, c);
    p = find(c, "uhssvc", "update_health_tools_broken");
    assert_non_null(p);
    assert_string_equal(p->found, "disabled; D:\\Apps\\Microsoft Update Health Tools\\uhssvc.exe present");
    wf_check_release(c);
    test_free(c);
}

/* Recovery actions zeroed where Windows' own restart the service: found on the
 * builds a public source covers (WaaSMedicSvc, 22621-22631), from the SCM's
 * answer or the FailureActions value Aetherinox's pause writes; a warning
 * repair does not fix (the service is protected), with its remedy in words.
 * Windows' own actions, other actions, and other builds are not reported. */
static void test_check_recovery_actions_zeroed(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    const char *key = WF_KEY_SERVICES "WaaSMedicSvc";
    static const uint8_t zeroed[44] = {0};
    /* reset 0; three actions at offset 20: none, none, reboot after 1 s. */
    static const uint8_t reboots[44] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 20, 0, 0,    0, 0, 0,
                                        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0,  0, 0xe8, 3, 0, 0};
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "22621", 0);
    run(f, c);
    assert_null(find(c, "WaaSMedicSvc", "recovery_actions_zeroed")); /* Windows' own */
    fake_reg_set_bin(f, key, "FailureActions", zeroed, sizeof(zeroed));
    run(f, c);
    const struct wf_problem *p = find(c, "WaaSMedicSvc", "recovery_actions_zeroed");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_false(p->fixable);
    assert_string_equal(p->found, "no recovery actions");
    assert_string_equal(p->expected, "restart after 2 min, 5 min; reset after 15 min (Windows' manifest)");
    assert_non_null(p->remedy);
    assert_non_null(strstr(p->remedy, "windows-updates-unpause.reg"));
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "22631", 0);
    run(f, c);
    assert_non_null(find(c, "WaaSMedicSvc", "recovery_actions_zeroed"));
    /* An action that does something is not zeroed. */
    fake_reg_set_bin(f, key, "FailureActions", reboots, sizeof(reboots));
    run(f, c);
    assert_null(find(c, "WaaSMedicSvc", "recovery_actions_zeroed"));
    /* The SCM's own answer, with no value in the registry: none set. */
    fake_reg_set_bin(f, key, "FailureActions", zeroed, 0);
    memset(&fake_scm_get(f, "WaaSMedicSvc")->recovery, 0, sizeof(struct wf_recovery));
    run(f, c);
    assert_non_null(find(c, "WaaSMedicSvc", "recovery_actions_zeroed"));
    /* A build no public source gives the default for: not compared, not even asked. */
    for (size_t i = 0; i < 3; i++) {
        static const char *const builds[] = {"19045", "22000", "26100"};
        fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, builds[i], 0);
        f->nlog = 0;
        run(f, c);
        assert_null(find(c, "WaaSMedicSvc", "recovery_actions_zeroed"));
        assert_int_equal(fake_scm_log_count(f, "recovery "), 0);
    }
    /* Nor on Windows Server of the same build. */
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "22621", 0);
    fake_reg_set(f, WF_KEY_VERSION, "InstallationType", WF_REG_SZ, "Server", 0);
    run(f, c);
    assert_null(find(c, "WaaSMedicSvc", "recovery_actions_zeroed"));
    wf_check_release(c);
    test_free(c);
}

/* Delivery Optimization's download mode as WinUtil's "disable updates" writes it (0, outside
 * policy) and Bypass (100): a warning repair fixes; Windows' own modes are not reported; a
 * policy that sets the mode is the admin's (reported, never fixable) and rules the other. */
static void test_check_delivery_optimization_off(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    const char *pol = "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization";
    fake_reg_set(f, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 0);
    run(f, c);
    const struct wf_problem *p = find(c, "", "delivery_optimization_off");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_true(p->fixable);
    assert_string_equal(p->found, "HKLM\\" WF_KEY_DO_CONFIG "\\DODownloadMode=0 (HTTP only: no peers)");
    fake_reg_set(f, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 100);
    run(f, c);
    assert_non_null(strstr(find(c, "", "delivery_optimization_off")->found, "=100 (Bypass"));
    fake_reg_set(f, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 1);
    run(f, c);
    assert_null(find(c, "", "delivery_optimization_off"));
    /* A policy: the admin's, and the value under Config does not count. */
    fake_reg_set(f, WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 0);
    fake_reg_set(f, pol, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 0);
    run(f, c);
    assert_null(find(c, "", "delivery_optimization_off"));
    p = find(c, "", "policy_delivery_optimization");
    assert_non_null(p);
    assert_false(p->fixable);
    assert_int_equal(p->sev, WF_SEV_INFO);
    fake_reg_set(f, pol, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 100);
    run(f, c);
    assert_int_equal(find(c, "", "policy_delivery_optimization")->sev, WF_SEV_WARNING);
    fake_reg_set(f, pol, WF_VALUE_DO_MODE, WF_REG_DWORD, NULL, 3);
    run(f, c);
    assert_null(find(c, "", "policy_delivery_optimization"));
    assert_null(find(c, "", "delivery_optimization_off"));
    wf_check_release(c);
    test_free(c);
}

/* Problems of one code, counted. */
static size_t count_code(const struct wf_check *c, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        n += strcmp(c->p[i].code, code) == 0;
    return n;
}

static const struct wf_problem *find_found(const struct wf_check *c, const char *code, const char *found)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->p[i].code, code) == 0 && strcmp(c->p[i].found, found) == 0)
            return &c->p[i];
    return NULL;
}

#define TASKS "\\Microsoft\\Windows\\"

/* A stock 25H2 (26200) as WinUtil's "disable updates" and a deleting blocker
 * leave it: each task Windows ships enabled and finds disabled is a warning
 * with the command that enables it again; a deleted task or folder is named;
 * what Windows ships disabled (PerformRemediation, Schedule Maintenance Work)
 * is not judged, whatever its state. Nothing is fixable: wufix reports only. */
static void test_check_update_tasks_disabled_or_deleted(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "26200", 0);
    f->tasks =
        TASKS "UpdateOrchestrator\\Report policies\n"
              "!" TASKS "UpdateOrchestrator\\Schedule Scan\n" TASKS
              "UpdateOrchestrator\\Schedule Scan Static Task\n"
              "!" TASKS "UpdateOrchestrator\\Schedule Maintenance Work\n" TASKS
              "UpdateOrchestrator\\Start Oobe Expedite Work\n" TASKS
              "UpdateOrchestrator\\StartOobeAppsScanAfterUpdate\n" TASKS
              "UpdateOrchestrator\\StartOobeAppsScan_LicenseAccepted\n" TASKS
              "UpdateOrchestrator\\UIEOrchestrator\n" TASKS
              "UpdateOrchestrator\\uso_uxbroker\n" /* names compare without case */
        TASKS "UpdateOrchestrator\\UUS Failover Task\n"
              "!" TASKS "WaaSMedic\\PerformRemediation\n" TASKS "WindowsUpdate\\Refresh Group Policy Cache\n";
    run(f, c);
    assert_int_equal(count_code(c, "update_task_disabled"), 1);
    assert_int_equal(count_code(c, "update_task_missing"), 2);
    const struct wf_problem *p =
        find_found(c, "update_task_disabled", TASKS "UpdateOrchestrator\\Schedule Scan");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_false(p->fixable);
    assert_string_equal(p->expected,
                        "enabled: schtasks /Change /TN \"\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule "
                        "Scan\" /Enable");
    char text[512];
    wf_check_describe(p, text, sizeof(text));
    assert_non_null(strstr(text,
                           "disabled; Windows ships it enabled (\\Microsoft\\Windows\\UpdateOrchestrator\\"
                           "Schedule Scan)"));
    /* Guided mode's "To fix it": the command, to run as administrator. */
    char who[1024];
    wf_check_who(p, who, sizeof(who));
    assert_string_equal(who, "Run in a Command Prompt started as administrator: schtasks /Change /TN "
                             "\"\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan\" /Enable");
    p = find_found(c, "update_task_missing", TASKS "WindowsUpdate\\Scheduled Start");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    assert_false(p->fixable);
    /* The folder gone: one problem for it, not one for each task it held. */
    assert_non_null(find_found(c, "update_task_missing", TASKS "InstallService\\"));
    wf_check_release(c);
    test_free(c);
}

/* Only a build a public source gives is judged: 19045 and Windows Server 2025
 * (26100 with InstallationType Server) with every task disabled say nothing;
 * a stock 26200 is healthy. */
static void test_check_update_tasks_only_where_sourced(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    f->tasks = "!" TASKS "UpdateOrchestrator\\Schedule Scan\n!" TASKS "WindowsUpdate\\Scheduled Start\n";
    run(f, c);
    assert_int_equal(count_code(c, "update_task_disabled") + count_code(c, "update_task_missing"), 0);
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "26200", 0);
    fake_reg_set(f, WF_KEY_VERSION, "InstallationType", WF_REG_SZ, "Server", 0);
    run(f, c);
    assert_int_equal(count_code(c, "update_task_disabled") + count_code(c, "update_task_missing"), 0);
    fake_reg_set(f, WF_KEY_VERSION, "InstallationType", WF_REG_SZ, "Client", 0);
    run(f, c);
    assert_int_equal(count_code(c, "update_task_disabled"), 2);
    f->tasks = NULL; /* a stock 25H2's tasks */
    run(f, c);
    assert_int_equal(count_code(c, "update_task_disabled") + count_code(c, "update_task_missing"), 0);
    assert_null(find(c, "", "update_tasks_skipped"));
    wf_check_release(c);
    test_free(c);
}

/* Tasks that cannot be listed whole (not elevated; another machine's
 * Task Scheduler not answering) are said once, as information a script sees,
 * never taken for deleted. */
static void test_check_update_tasks_unlisted_are_skipped(void **state)
{
    struct fake_scm *f = *state;
    struct wf_check *c = new_check();
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "26200", 0);
    f->tasks = "";
    f->tasks_why = "not elevated";
    run(f, c);
    assert_int_equal(count_code(c, "update_task_missing"), 0);
    assert_int_equal(count_code(c, "update_tasks_skipped"), 1);
    const struct wf_problem *p = find(c, "", "update_tasks_skipped");
    assert_int_equal(p->sev, WF_SEV_INFO);
    assert_string_equal(p->found, "not elevated");
    assert_true(wf_check_for_scripts(p));
    wf_check_release(c);
    test_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_check_healthy_machine_is_healthy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_start_type_and_state, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_start_types_windows_changes_itself, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_tampering, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_security_descriptor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_dependencies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_machine_and_blockers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_traces_policies_and_users, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_build_not_covered, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_policy_severities, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_uncovered_builds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_24h2_says_what_it_did_not_compare, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_1607_dosvc_dll_in_service_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_protected_and_reported_never_fixable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_unreadable_value_is_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_unreadable_config_is_not_fixed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_missing_service, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_helpers_disabled, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_delivery_optimization_off, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_recovery_actions_zeroed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_update_health_tools_broken, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_update_tasks_disabled_or_deleted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_update_tasks_only_where_sourced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_update_tasks_unlisted_are_skipped, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

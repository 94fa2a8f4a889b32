/* SPDX-License-Identifier: MIT */
/* test_tools.c - whole machines as public tools that stop Windows Update
 * leave them, from the tools' own files (tests/fixtures/README.md names each
 * source): check finds every trace wufix knows, repair mends what is wufix's
 * to mend, undo brings the machine back value for value, and what the
 * tools' own "enable updates again" leaves behind is still found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_scm.h"
#include "regfile.h"
#include "wufix/mech/hosts.h"

#define UX     "SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings"
#define AU     "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU"
#define DOCONF "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\DeliveryOptimization\\Config"
#define HOSTS  "C:\\Windows\\System32\\drivers\\etc\\hosts"
#define FWLOC  "SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules"

static void load(struct fake_scm *f, const char *name)
{
    char why[256] = "";
    int n = fake_reg_load_file(f, name, why, sizeof(why));
    if (n <= 0)
        fail_msg("%s: %s", name, why);
}

static bool present(const struct fake_scm *f, const char *key, const char *value)
{
    const struct fake_value *v = fake_reg_get(f, key, value);
    return v && (v->type != WF_REG_NONE || v->dword);
}

static const struct fake_reg *entry(const struct fake_scm *f, const char *key, const char *value)
{
    for (size_t i = 0; i < f->nreg; i++)
        if (strcmp(f->reg[i].key, key) == 0 && strcmp(f->reg[i].value, value) == 0)
            return &f->reg[i];
    return NULL;
}

/* Every value `before` had is back, the same; and none is there that was not. */
static void same_registry(const struct fake_scm *before, const struct fake_scm *now)
{
    for (size_t i = 0; i < before->nreg; i++) {
        const struct fake_reg *a = &before->reg[i];
        if (!a->value[0])
            continue;
        if (a->v.type == WF_REG_NONE) { /* binary, or deleted */
            const struct fake_reg *b = entry(now, a->key, a->value);
            if (a->nbin && (!b || b->v.type != WF_REG_NONE || b->nbin != a->nbin ||
                            memcmp(b->bin, a->bin, a->nbin) != 0))
                fail_msg("%s\\%s is not the bytes it was", a->key, a->value);
            continue;
        }
        const struct fake_value *b = fake_reg_get(now, a->key, a->value);
        if (!b || b->type != a->v.type || b->dword != a->v.dword || strcmp(b->str, a->v.str) != 0)
            fail_msg("%s\\%s is not as it was (type %d -> %d, dword %u -> %u, '%s' -> '%s')", a->key,
                     a->value, (int)a->v.type, b ? (int)b->type : -1, (unsigned)a->v.dword,
                     b ? (unsigned)b->dword : 0, a->v.str, b ? b->str : "");
    }
    for (size_t i = 0; i < now->nreg; i++) {
        const struct fake_reg *b = &now->reg[i];
        if (b->value[0] && b->v.type != WF_REG_NONE && !present(before, b->key, b->value))
            fail_msg("%s\\%s was not there before", b->key, b->value);
    }
}

static void test_tools_aetherinox_pause_found_mended_and_undone(void **state)
{
    struct fake_cli *x = *state;
    load(&x->scm, "aetherinox-pause.reg");
    assert_int_equal(fake_scm_get(&x->scm, "WaaSMedicSvc")->start_type, WF_START_DISABLED);
    static struct fake_scm before;
    before = x->scm;
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    /* The pause to 2051 and FlightSettingsMaxPauseDays 10023 (warning). */
    assert_non_null(strstr(o, "\"code\":\"pause_beyond_settings\",\"severity\":\"warning\""));
    assert_non_null(strstr(o, "FlightSettingsMaxPauseDays 10023"));
    /* The policy it writes: reported, not changed by repair. */
    assert_non_null(strstr(o, "\"code\":\"policy_no_auto_update\""));
    /* WaaSMedicSvc disabled: an error repair cannot fix (protected). */
    assert_non_null(strstr(o, "{\"service\":\"WaaSMedicSvc\",\"code\":\"disabled\",\"severity\":\"error\""));
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 1); /* the policy remains */
    assert_false(present(&x->scm, UX, "PauseUpdatesExpiryTime"));
    assert_false(present(&x->scm, UX, "FlightSettingsMaxPauseDays"));
    assert_true(present(&x->scm, AU, "NoAutoUpdate")); /* a policy: the admin's */
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    same_registry(&before, &x->scm);
}

/* Its own "unpause" deletes the pause's dates but leaves
 * FlightSettingsMaxPauseDays at 10023 days and the AU policy values it
 * wrote: Settings still offers pauses no one meant. */
static void test_tools_aetherinox_unpause_leaves_a_pause_limit(void **state)
{
    struct fake_cli *x = *state;
    load(&x->scm, "aetherinox-pause.reg");
    load(&x->scm, "aetherinox-unpause.reg");
    assert_false(present(&x->scm, UX, "PauseUpdatesExpiryTime"));
    assert_int_equal(fake_scm_get(&x->scm, "WaaSMedicSvc")->start_type, WF_START_MANUAL);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"pause_beyond_settings\",\"severity\":\"warning\""));
    assert_non_null(strstr(FAKE_OUT(x), "FlightSettingsMaxPauseDays 10023"));
    assert_null(strstr(FAKE_OUT(x), "policy_no_auto_update")); /* NoAutoUpdate is 0 now */
}

/* On a build whose WaaSMedicSvc recovery a public source gives (Windows 11
 * 22H2, 22621), the FailureActions the pause zeroes are found, and reported
 * only (the service is protected); its "unpause" writes Windows' own back. */
static void test_tools_aetherinox_recovery_actions_zeroed(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuildNumber", WF_REG_SZ,
                 "22621", 0);
    load(&x->scm, "aetherinox-pause.reg");
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "{\"service\":\"WaaSMedicSvc\",\"code\":\"recovery_actions_zeroed\","
                                        "\"severity\":\"warning\",\"fixable\":false"));
    assert_non_null(strstr(FAKE_OUT(x), "\"found\":\"no recovery actions\""));
    load(&x->scm, "aetherinox-unpause.reg");
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_null(strstr(FAKE_OUT(x), "recovery_actions_zeroed"));
}

static void test_tools_winutil_disable_found_mended_and_undone(void **state)
{
    struct fake_cli *x = *state;
    load(&x->scm, "winutil-disable.reg");
    static struct fake_scm before;
    before = x->scm;
    assert_int_equal(FAKE_RUN(x, "check", "--all", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"service\":\"wuauserv\",\"code\":\"disabled\""));
    assert_non_null(strstr(o, "\"service\":\"UsoSvc\",\"code\":\"disabled\""));
    assert_non_null(strstr(o, "\"service\":\"BITS\",\"code\":\"disabled\""));
    assert_non_null(strstr(o, "\"code\":\"policy_no_auto_update\""));
    /* 0: what remains is a policy, a warning (the admin's), named. */
    assert_int_equal(FAKE_RUN(x, "repair", "--all", "--yes"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "NoAutoUpdate"));
    assert_int_not_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
    assert_int_not_equal(fake_scm_get(&x->scm, "UsoSvc")->start_type, WF_START_DISABLED);
    assert_int_not_equal(fake_scm_get(&x->scm, "BITS")->start_type, WF_START_DISABLED);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->start_type, WF_START_DISABLED);
    assert_int_equal(fake_scm_get(&x->scm, "BITS")->start_type, WF_START_DISABLED);
    same_registry(&before, &x->scm);
}

/* A domain machine as Group Policy leaves it: the local policy holds
 * Harden Windows Security's Windows Update category (LGPO.exe /m imports
 * that Registry.pol into the local GPO), the domain GPO "SOS - Telemetry
 * and Security" (a GPMC backup of sos.lan) is applied after it, and a
 * script points the machine at a WSUS server with bare registry writes.
 * Group Policy's history of the registry extension names both GPOs
 * (Microsoft Support KB 201453: one numbered key per GPO in the order
 * applied, with DisplayName, FileSysPath, GPOName, DSPath, Version). */
#define GP_HIST                                                                                              \
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group Policy\\History\\{35378EAC-683F-11D2-A89A-"         \
    "00C04FBBCFA2}"
#define GP_LIST  "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group Policy\\State\\Machine\\GPO-List"
#define SOS_GUID "{65F6CCDA-FCD6-480A-84DC-A9E3C85D1D31}"
#define SOS_DIR  "\\\\sos.lan\\SysVol\\sos.lan\\Policies\\" SOS_GUID "\\Machine"
#define LOCALPOL "C:\\Windows\\System32\\GroupPolicy\\Machine\\Registry.pol"
#define WUPOL    "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate"

static void gpo_record(struct fake_scm *f, const char *key, const char *name, const char *dir,
                       const char *guid, const char *ds, uint32_t version)
{
    fake_reg_set(f, key, "DisplayName", WF_REG_SZ, name, 0);
    fake_reg_set(f, key, "FileSysPath", WF_REG_SZ, dir, 0);
    fake_reg_set(f, key, "GPOName", WF_REG_SZ, guid, 0);
    fake_reg_set(f, key, "DSPath", WF_REG_SZ, ds, 0);
    fake_reg_set(f, key, "Version", WF_REG_DWORD, NULL, version);
}

static void domain_machine(struct fake_scm *f)
{
    char why[256] = "";
    size_t nl = 0, nd = 0;
    const uint8_t *local = fake_fixture_bytes("hotcakex-windows-update.pol", &nl);
    const uint8_t *gpo = fake_fixture_bytes("sos-telemetry-gpo.pol", &nd);
    assert_non_null(local);
    assert_non_null(gpo);
    struct fake_file *x = fake_file_put(f, LOCALPOL, nl);
    x->bytes = local;
    x->nbytes = nl;
    x = fake_file_put(f, SOS_DIR "\\Registry.pol", nd); /* the GPO's own file on SYSVOL */
    x->bytes = gpo;
    x->nbytes = nd;
    /* Local first, then the domain's (LSDOU): only the update policy keys are loaded. */
    if (fake_pol_apply(f, local, nl, WUPOL, why, sizeof(why)) != 21 ||
        fake_pol_apply(f, gpo, nd, WUPOL, why, sizeof(why)) != 6)
        fail_msg("Registry.pol: %s", why);
    /* The GPO's identity from its backup's Backup.xml and bkupInfo.xml. */
    gpo_record(f, GP_HIST "\\0", "Local Group Policy", "C:\\Windows\\System32\\GroupPolicy\\Machine",
               "Local Group Policy", "Local", 1);
    gpo_record(f, GP_HIST "\\1", "SOS - Telemetry and Security", SOS_DIR, SOS_GUID,
               "cn=" SOS_GUID ",cn=policies,cn=system,DC=sos,DC=lan", 393222);
    gpo_record(f, GP_LIST "\\0", "Local Group Policy", "C:\\Windows\\System32\\GroupPolicy\\Machine",
               "Local Group Policy", "Local", 1);
    gpo_record(f, GP_LIST "\\1", "SOS - Telemetry and Security", SOS_DIR, SOS_GUID,
               "cn=" SOS_GUID ",cn=policies,cn=system,DC=sos,DC=lan", 393222);
    /* The bare writes: no GPO holds them. */
    fake_reg_set(f, WUPOL, "WUServer", WF_REG_SZ, "http://wsus.sos.lan:8530", 0);
    fake_reg_set(f, WUPOL, "WUStatusServer", WF_REG_SZ, "http://wsus.sos.lan:8530", 0);
    fake_reg_set(f, AU, "UseWUServer", WF_REG_DWORD, NULL, 1);
    f->listening = "sos.lan:445"; /* the domain's SYSVOL answers over SMB */
}

static void test_tools_domain_gpo_and_local_policy_sources_repair_and_undo(void **state)
{
    struct fake_cli *x = *state;
    domain_machine(&x->scm);
    static struct fake_scm before;
    before = x->scm;
    FAKE_RUN(x, "check", "--json");
    const char *o = FAKE_OUT(x);
    /* The domain GPO's values, each named so (found in its own Registry.pol on SYSVOL). */
    assert_non_null(
        strstr(o, "\"value\":\"DeferFeatureUpdatesPeriodInDays\",\"data\":60,\"source\":\"domain_gpo\""));
    assert_non_null(strstr(o, "\"value\":\"BranchReadinessLevel\",\"data\":16,\"source\":\"domain_gpo\""));
    assert_non_null(strstr(o, "\"value\":\"ManagePreviewBuilds\",\"data\":1,\"source\":\"domain_gpo\""));
    assert_non_null(
        strstr(o, "\"value\":\"PauseFeatureUpdatesStartTime\",\"data\":\"\",\"source\":\"domain_gpo\""));
    /* The local policy's. */
    assert_non_null(strstr(o, "\"value\":\"NoAutoUpdate\",\"data\":0,\"source\":\"local_policy\""));
    assert_non_null(strstr(o, "\"value\":\"AUOptions\",\"data\":4,\"source\":\"local_policy\""));
    assert_non_null(
        strstr(o, "\"value\":\"SetComplianceDeadlineForFU\",\"data\":1,\"source\":\"local_policy\""));
    /* The bare writes, and the dual scan Microsoft names: WSUS with deferrals. */
    assert_non_null(
        strstr(o, "\"value\":\"WUServer\",\"data\":\"http://wsus.sos.lan:8530\",\"source\":\"none\""));
    assert_non_null(
        strstr(o, "\"value\":\"UseWUServer\",\"data\":1,\"source\":\"none\",\"conflicts\":[\"Defer"));
    assert_non_null(strstr(o, "\"value\":\"DeferFeatureUpdates\",\"data\":1,\"source\":\"domain_gpo\","
                              "\"conflicts\":[\"WUServer\",\"UseWUServer\"]"));
    assert_non_null(strstr(o, "\"code\":\"policy_dual_scan\""));
    assert_null(strstr(o, "\"source\":\"unknown\""));
    /* repair --policies removes the bare writes only; the others are named with their owner. */
    FAKE_RUN(x, "repair", "--policies", "--yes");
    o = FAKE_OUT(x);
    assert_null(fake_reg_get(&x->scm, WUPOL, "WUServer"));
    assert_null(fake_reg_get(&x->scm, WUPOL, "WUStatusServer"));
    assert_null(fake_reg_get(&x->scm, AU, "UseWUServer"));
    assert_non_null(fake_reg_get(&x->scm, WUPOL, "DeferFeatureUpdates"));
    assert_non_null(fake_reg_get(&x->scm, AU, "NoAutoUpdate"));
    assert_non_null(strstr(o,
                           "left: HKLM\\" WUPOL "\\BranchReadinessLevel: a domain GPO 'SOS - Telemetry and "
                           "Security'"));
    assert_non_null(strstr(o, "left: HKLM\\" AU "\\AUOptions: the local policy (Registry.pol)"));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    same_registry(&before, &x->scm);
    /* The GPO's file damaged (cut short), or SYSVOL out of reach: the GPO's
     * values cannot be told apart, none is removed. */
    fake_file_get(&x->scm, SOS_DIR "\\Registry.pol")->nbytes -= 3;
    FAKE_RUN(x, "check", "--json");
    assert_non_null(strstr(FAKE_OUT(x), "\"value\":\"UseWUServer\",\"data\":1,\"source\":\"domain_gpo\""));
    fake_file_remove(&x->scm, SOS_DIR "\\Registry.pol");
    FAKE_RUN(x, "check", "--json");
    assert_non_null(strstr(FAKE_OUT(x),
                           "\"value\":\"WUServer\",\"data\":\"http://wsus.sos.lan:8530\",\"source\":"
                           "\"domain_gpo\""));
    FAKE_RUN(x, "repair", "--policies", "--yes");
    assert_non_null(fake_reg_get(&x->scm, WUPOL, "WUServer"));
}

/* A domain laptop away from its network: SYSVOL's server takes no SMB
 * connection, so its GPO file is not opened (no wait for SMB's own
 * timeouts), the server asked once, and the values it may set stay the
 * domain's: nothing is removed. */
static void test_tools_domain_gpo_out_of_reach_is_not_read(void **state)
{
    struct fake_cli *x = *state;
    domain_machine(&x->scm);
    x->scm.listening = NULL;
    unsigned probes = x->scm.probes;
    FAKE_RUN(x, "check", "--json");
    assert_non_null(strstr(FAKE_OUT(x),
                           "\"value\":\"WUServer\",\"data\":\"http://wsus.sos.lan:8530\",\"source\":"
                           "\"domain_gpo\""));
    assert_int_equal(x->scm.probes - probes, 2); /* sos.lan:445 once; the WSUS server the policy names */
    FAKE_RUN(x, "repair", "--policies", "--yes");
    assert_non_null(fake_reg_get(&x->scm, WUPOL, "WUServer"));
    assert_non_null(fake_reg_get(&x->scm, AU, "UseWUServer"));
}

/* Aetherinox's NoAutoUpdate=1 on a machine no policy source holds it on: a
 * bare write, so policy_no_auto_update says repair --policies deletes it
 * (and it does); where the local policy holds the value, the admin's. */
static void test_tools_no_auto_update_words_follow_its_source(void **state)
{
    struct fake_cli *x = *state;
    load(&x->scm, "aetherinox-pause.reg");
    FAKE_RUN(x, "check", "--json");
    const char *o = FAKE_OUT(x), *at = strstr(o, "\"code\":\"policy_no_auto_update\"");
    assert_non_null(at);
    const char *end = strchr(at, '}');
    assert_non_null(end);
    char one[2048];
    snprintf(one, sizeof(one), "%.*s", (int)(end - at), at);
    assert_non_null(strstr(one, "repair --policies deletes it"));
    assert_null(strstr(one, "admin's choice"));
    FAKE_RUN(x, "check");
    assert_null(strstr(FAKE_OUT(x), "automatic updates (not changed: it is the admin's choice)"));
    assert_non_null(strstr(FAKE_OUT(x), "wufix repair --policies deletes this bare write"));
    FAKE_RUN(x, "repair", "--policies", "--yes");
    assert_false(present(&x->scm, AU, "NoAutoUpdate"));
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_true(present(&x->scm, AU, "NoAutoUpdate"));
    /* The local policy sets NoAutoUpdate: its value, not a bare write. */
    size_t nl = 0;
    const uint8_t *local = fake_fixture_bytes("hotcakex-windows-update.pol", &nl);
    assert_non_null(local);
    struct fake_file *f = fake_file_put(&x->scm, LOCALPOL, nl);
    f->bytes = local;
    f->nbytes = nl;
    FAKE_RUN(x, "check", "--json");
    at = strstr(FAKE_OUT(x), "\"code\":\"policy_no_auto_update\"");
    assert_non_null(at);
    end = strchr(at, '}');
    snprintf(one, sizeof(one), "%.*s", (int)(end - at), at);
    assert_non_null(strstr(one, "not changed: it is the admin's choice; delete HKLM\\\\"
                                "SOFTWARE\\\\Policies"));
    assert_null(strstr(one, "repair --policies"));
    FAKE_RUN(x, "repair", "--policies", "--yes");
    assert_true(present(&x->scm, AU, "NoAutoUpdate"));
}

/* The loader refuses what it does not read, naming the line. */
static void test_tools_loader_refuses_what_it_does_not_read(void **state)
{
    (void)state;
    static struct fake_scm f;
    char why[256];
    fake_scm_init(&f);
    assert_int_equal(fake_reg_load(&f, "[HKEY_CURRENT_USER\\Software]\n\"a\"=dword:1\n", why, sizeof(why)),
                     -1);
    assert_non_null(strstr(why, "HKEY_CURRENT_USER"));
    assert_int_equal(fake_reg_load(&f, "[HKEY_LOCAL_MACHINE\\X]\n\"a\"=qword:1\n", why, sizeof(why)), -1);
    assert_int_equal(fake_reg_load(&f, "[HKEY_LOCAL_MACHINE\\X]\n\"a\"=hex:0g\n", why, sizeof(why)), -1);
    assert_int_equal(
        fake_reg_load(&f,
                      "[HKEY_LOCAL_MACHINE\\X]\n\"s\"=\"a\\\\b\"\n\"e\"=hex(2):25,00,41,00,00,00\n"
                      "\"b\"=hex:01,\\\n  02\n",
                      why, sizeof(why)),
        3);
    assert_string_equal(fake_reg_get(&f, "X", "s")->str, "a\\b");
    assert_string_equal(fake_reg_get(&f, "X", "e")->str, "%A");
    assert_int_equal(fake_reg_get(&f, "X", "e")->type, WF_REG_EXPAND_SZ);
}

/* WindowsSpyBlocker's data/hosts/update.txt as the hosts file: found,
 * commented out by repair, and given back byte for byte by undo. */
static void test_tools_spyblocker_hosts_found_commented_and_undone(void **state)
{
    struct fake_cli *x = *state;
    size_t n = 0;
    char *text = fake_fixture("windowsspyblocker-hosts-update.txt", &n);
    assert_non_null(text);
    struct fake_file *h = fake_file_put(&x->scm, HOSTS, n);
    assert_non_null(h);
    h->content = text;
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"hosts_blocks_update\",\"severity\":\"error\""));
    assert_non_null(strstr(FAKE_OUT(x), "hosts: \\\"0.0.0.0 00001b-1.l.windowsupdate.com\\\" and "));
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    h = fake_file_get(&x->scm, HOSTS);
    assert_non_null(h->bytes);
    assert_true(h->nbytes > n);
    char *now = calloc(1, h->nbytes + 1);
    assert_non_null(now);
    memcpy(now, h->bytes, h->nbytes);
    assert_non_null(strstr(now, "\n" WF_HOSTS_MARK "0.0.0.0 fe3.delivery.mp.microsoft.com\n"));
    assert_non_null(strstr(now, "\n### License: MIT\n")); /* its comments as they were */
    /* Not Windows Update's (push notifications): left as it was. */
    assert_non_null(strstr(now, "\n0.0.0.0 am3p.wns.windows.com\n"));
    free(now);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    h = fake_file_get(&x->scm, HOSTS);
    assert_int_equal(h->nbytes, n);
    assert_memory_equal(h->bytes, text, n);
    free(text);
}

/* The rules WindowsSpyBlocker's "Add update rules" makes from
 * data/firewall/update.txt (app/cmds/telemetry/firewall/firewall.go: for
 * each address, netsh advfirewall firewall add rule
 * name="windowsSpyBlockerUpdate-ADDRESS" dir=out protocol=any action=block
 * remoteip="ADDRESS"), as Windows keeps them: found when an update server's
 * name resolves into one, not when it resolves elsewhere. The fake holds
 * 160 values: the 374 rules are loaded 100 at a time. */
static void test_tools_spyblocker_firewall_rules_found_by_address(void **state)
{
    struct fake_cli *x = *state;
    size_t n = 0, base = x->scm.nreg, count = 0;
    char *list = fake_fixture("windowsspyblocker-firewall-update.txt", &n), *entry[512];
    assert_non_null(list);
    for (char *line = strtok(list, "\n"); line && count < 512; line = strtok(NULL, "\n"))
        if (line[0] != '#')
            entry[count++] = line;
    assert_int_equal(count, 374);
    for (size_t at = 0; at < count; at += 100) {
        char dns[160], name[96], rule[256];
        for (size_t i = at; i < count && i < at + 100; i++) {
            snprintf(name, sizeof(name), "windowsSpyBlockerUpdate-%s", entry[i]);
            snprintf(rule, sizeof(rule), "v2.30|Action=Block|Active=TRUE|Dir=Out|RA4=%s|Name=%s|", entry[i],
                     name);
            fake_reg_set(&x->scm, FWLOC, name, WF_REG_SZ, rule, 0);
        }
        /* The batch's first address (a range's first is inside it). */
        snprintf(dns, sizeof(dns), "fe3.delivery.mp.microsoft.com=%.*s;ctldl.windowsupdate.com=192.0.2.1",
                 (int)strcspn(entry[at], "-"), entry[at]);
        x->scm.dns = dns;
        assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
        const char *o = FAKE_OUT(x);
        snprintf(name, sizeof(name), "Remove-NetFirewallRule -Name 'windowsSpyBlockerUpdate-%s'", entry[at]);
        assert_non_null(strstr(o, name));
        assert_non_null(strstr(o, "is fe3.delivery.mp.microsoft.com's address now"));
        /* Resolved elsewhere (192.0.2.1 is RFC 5737's documentation block). */
        x->scm.dns = "fe3.delivery.mp.microsoft.com=192.0.2.1;ctldl.windowsupdate.com=2001:db8::1";
        assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
        assert_null(strstr(FAKE_OUT(x), "firewall_blocks_update"));
        x->scm.nreg = base; /* the next 100 */
    }
    free(list);
}

/* A range of the list ("65.55.138.0-65.55.138.255") holds an address inside it. */
static void test_tools_spyblocker_firewall_range_found(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, FWLOC, "windowsSpyBlockerUpdate-65.55.138.0-65.55.138.255", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|RA4=65.55.138.0-65.55.138.255|"
                 "Name=windowsSpyBlockerUpdate-65.55.138.0-65.55.138.255|",
                 0);
    x->scm.dns = "sls.update.microsoft.com=65.55.138.114";
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "RA4=65.55.138.0-65.55.138.255: 65.55.138.114 is "
                                        "sls.update.microsoft.com's address now"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_tools_aetherinox_pause_found_mended_and_undone, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_aetherinox_unpause_leaves_a_pause_limit, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_aetherinox_recovery_actions_zeroed, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_winutil_disable_found_mended_and_undone, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test(test_tools_loader_refuses_what_it_does_not_read),
        cmocka_unit_test_setup_teardown(test_tools_domain_gpo_and_local_policy_sources_repair_and_undo,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_domain_gpo_out_of_reach_is_not_read, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_no_auto_update_words_follow_its_source, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_spyblocker_hosts_found_commented_and_undone,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_spyblocker_firewall_rules_found_by_address, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_tools_spyblocker_firewall_range_found, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_policies.c - Registry.pol read from its documented format, hostile
 * bytes refused whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/base/preg.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/policies.h"
#include "wufix/mech/trust.h"

#define AU "Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU"
#define WU "Software\\Policies\\Microsoft\\Windows\\WindowsUpdate"

/* A Registry.pol as the Group Policy editor writes it. */
struct pol {
    uint8_t b[8192];
    size_t n;
};

static void u16(struct pol *p, const char *s, bool nul)
{
    for (; *s; s++) {
        p->b[p->n++] = (uint8_t)*s;
        p->b[p->n++] = 0;
    }
    if (nul) {
        p->b[p->n++] = 0;
        p->b[p->n++] = 0;
    }
}

static void u32(struct pol *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p->b[p->n++] = (uint8_t)(v >> (8 * i));
}

static void head(struct pol *p)
{
    p->n = 0;
    u32(p, 0x67655250u);
    u32(p, 1);
}

static void entry(struct pol *p, const char *key, const char *value, uint32_t type, const uint8_t *data,
                  uint32_t size)
{
    u16(p, "[", false);
    u16(p, key, true);
    u16(p, ";", false);
    u16(p, value, true);
    u16(p, ";", false);
    u32(p, type);
    u16(p, ";", false);
    u32(p, size);
    u16(p, ";", false);
    memcpy(p->b + p->n, data, size);
    p->n += size;
    u16(p, "]", false);
}

static void dword(struct pol *p, const char *key, const char *value, uint32_t v)
{
    uint8_t d[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    entry(p, key, value, 4, d, 4);
}

/* A text datum ("a\0b\0" for a multi-string: `len` bytes of `s`, NUL ended). */
static void text(struct pol *p, const char *key, const char *value, uint32_t type, const char *s, size_t len)
{
    struct pol d = {.n = 0};
    for (size_t i = 0; i < len; i++) {
        d.b[d.n++] = (uint8_t)s[i];
        d.b[d.n++] = 0;
    }
    d.b[d.n++] = 0;
    d.b[d.n++] = 0;
    entry(p, key, value, type, d.b, (uint32_t)d.n);
}

static wf_err look(const struct pol *p, const char *key, const char *value, struct wf_reg *v)
{
    return wf_preg_lookup(p->b, p->n, key, value, v, NULL);
}

static void test_preg_reads_what_the_local_policy_sets(void **state)
{
    static struct pol p;
    struct wf_reg v;
    bool other = true;
    (void)state;
    head(&p);
    dword(&p, AU, "NoAutoUpdate", 1);
    text(&p, WU, "WUServer", 1, "http://wsus:8530", 16);
    text(&p, WU, "Multi", 7, "a\0b", 3);
    assert_int_equal(wf_preg_lookup(p.b, p.n, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\au",
                                    "noautoupdate", &v, &other),
                     WF_OK);
    assert_false(other);
    assert_int_equal(v.type, WF_REG_DWORD);
    assert_int_equal(v.dword, 1);
    assert_int_equal(look(&p, WU, "WUServer", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_SZ);
    assert_string_equal(v.str, "http://wsus:8530");
    assert_int_equal(look(&p, WU, "Multi", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_MULTI_SZ);
    assert_string_equal(v.str, "a|b");
    assert_int_equal(look(&p, WU, "NoAutoUpdate", &v), WF_OK); /* another key */
    assert_int_equal(v.type, WF_REG_NONE);
    /* A QWORD: set, of a type wufix does not compare. */
    uint8_t q[8] = {1};
    entry(&p, AU, "Big", 11, q, 8);
    assert_int_equal(wf_preg_lookup(p.b, p.n, AU, "Big", &v, &other), WF_OK);
    assert_true(other);
    assert_int_equal(v.type, WF_REG_NONE);
    /* A header alone sets nothing. */
    head(&p);
    assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_NONE);
}

static void test_preg_deletions_apply_in_order(void **state)
{
    static struct pol p;
    struct wf_reg v;
    (void)state;
    const char *dels[] = {"**del.NoAutoUpdate", "**Del.noautoupdate", "**delvals.", "**DelVals"};
    for (size_t i = 0; i < 4; i++) {
        head(&p);
        dword(&p, AU, "NoAutoUpdate", 1);
        text(&p, AU, dels[i], 1, " ", 1);
        assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
        assert_int_equal(v.type, WF_REG_NONE);
        dword(&p, AU, "NoAutoUpdate", 0); /* set again after */
        assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
        assert_int_equal(v.type, WF_REG_DWORD);
        assert_int_equal(v.dword, 0);
    }
    head(&p);
    dword(&p, AU, "NoAutoUpdate", 1);
    dword(&p, AU, "AUOptions", 2);
    text(&p, AU, "**DeleteValues", 1, "Other;NoAutoUpdate", 18);
    assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_NONE);
    assert_int_equal(look(&p, AU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.dword, 2);
    /* **del.X deletes X only; **DeleteKeys deletes the keys below. */
    text(&p, AU, "**del.NoAutoUpdateX", 1, " ", 1);
    assert_int_equal(look(&p, AU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.dword, 2);
    text(&p, WU, "**DeleteKeys", 1, "A;au", 4);
    assert_int_equal(look(&p, AU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_NONE);
    head(&p);
    dword(&p, WU, "AUOptions", 2);
    text(&p, WU, "**DeleteKeys", 1, "AU", 2); /* the key itself keeps its values */
    assert_int_equal(look(&p, WU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.dword, 2);
}

static void test_preg_hostile_bytes_are_refused_whole(void **state)
{
    static struct pol p, bad;
    struct wf_reg v;
    (void)state;
    head(&p);
    dword(&p, AU, "NoAutoUpdate", 1);
    /* Cut anywhere inside the entry: not a Registry.pol, never a half. */
    for (size_t n = 0; n < p.n; n++)
        if (n != 8) {
            assert_int_equal(wf_preg_lookup(p.b, n, AU, "NoAutoUpdate", &v, NULL), WF_E_BAD_DATA);
            assert_int_equal(v.type, WF_REG_NONE);
        }
    /* A wrong signature or version. */
    bad = p;
    bad.b[0] = 'X';
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    bad = p;
    bad.b[4] = 2;
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    /* A size past the end, a huge one, a missing bracket, an odd trailing byte. */
    size_t size_at = p.n - 2 - 4 - 2 - 4;
    for (uint32_t s = 5; s; s = s == 5 ? 0xFFFFFFFFu : 0) {
        bad = p;
        memcpy(bad.b + size_at, &s, 4);
        assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    }
    bad = p;
    bad.b[bad.n - 2] = ')';
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    bad = p;
    bad.b[bad.n++] = '[';
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    /* A bad entry after a good one: nothing of the file is believed. */
    bad = p;
    u16(&bad, "[", false);
    u16(&bad, AU, false); /* no NUL, no end */
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    assert_int_equal(v.type, WF_REG_NONE);
    /* An odd-length string and a too-short DWORD are set, not read. */
    head(&bad);
    entry(&bad, AU, "NoAutoUpdate", 4, (const uint8_t *)"\1\0", 2);
    bool other = false;
    assert_int_equal(wf_preg_lookup(bad.b, bad.n, AU, "NoAutoUpdate", &v, &other), WF_OK);
    assert_true(other);
    head(&bad);
    entry(&bad, WU, "WUServer", 1, (const uint8_t *)"h\0t\0t", 5);
    assert_int_equal(look(&bad, WU, "WUServer", &v), WF_OK);
    assert_string_equal(v.str, "ht");
}

#define POLFILE "C:\\Windows\\System32\\GroupPolicy\\Machine\\Registry.pol"
#define MDM     "SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Update"
#define HIST                                                                                                 \
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Group "                                                   \
    "Policy\\History\\{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"
#define HKWU "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate"
#define HKAU HKWU "\\AU"

static struct pol local; /* the fake's file points at it */

/* The local policy sets NoAutoUpdate=1 (gpedit: "Configure Automatic
 * Updates" Disabled), the registry holds it and a tool's bare AUOptions. */
static void machine(struct fake_scm *f)
{
    head(&local);
    dword(&local, AU, "NoAutoUpdate", 1);
    struct fake_file *file = fake_file_put(f, POLFILE, local.n);
    file->bytes = local.b;
    file->nbytes = local.n;
    fake_reg_set(f, HKAU, "NoAutoUpdate", WF_REG_DWORD, NULL, 1);
    fake_reg_set(f, HKAU, "AUOptions", WF_REG_DWORD, NULL, 2);
}

static void test_policies_each_value_has_its_source(void **state)
{
    struct fake_cli *x = *state;
    machine(&x->scm);
    fake_reg_set(&x->scm, MDM, "AllowAutoUpdate", WF_REG_DWORD, NULL, 5);
    fake_reg_set(&x->scm, MDM, "AllowAutoUpdate_ProviderSet", WF_REG_DWORD, NULL, 1);
    fake_reg_set(&x->scm, "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization", "DODownloadMode",
                 WF_REG_DWORD, NULL, 0);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o,
                           "{\"key\":\""
                           "SOFTWARE\\\\Policies\\\\Microsoft\\\\Windows\\\\WindowsUpdate\\\\AU\",\"value\":"
                           "\"NoAutoUpdate\",\"data\":1,\"source\":\"local_policy\",\"conflicts\":[]}"));
    assert_non_null(strstr(o, "\"value\":\"AUOptions\",\"data\":2,\"source\":\"none\""));
    assert_non_null(strstr(o, "\"value\":\"AllowAutoUpdate\",\"data\":5,\"source\":\"mdm\""));
    assert_non_null(strstr(o, "\"value\":\"DODownloadMode\",\"data\":0,\"source\":\"none\""));
    assert_null(strstr(o, "_ProviderSet")); /* MDM's record of who set it, not a policy */
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "AUOptions=2, DODownloadMode=0"));
    assert_non_null(strstr(FAKE_OUT(x), "(NoAutoUpdate=1 (local_policy), AllowAutoUpdate=5 (mdm))"));
    assert_null(strstr(FAKE_OUT(x), "NoAutoUpdate=1,"));
    /* A domain GPO in the registry extension's history: what the local file
     * does not set is the domain's (the history names no values). */
    fake_reg_set(&x->scm, HIST "\\0", "FileSysPath", WF_REG_SZ, "C:\\Windows\\System32\\GroupPolicy\\Machine",
                 0);
    fake_reg_set(&x->scm, HIST "\\0", "DisplayName", WF_REG_SZ, "Local Group Policy", 0);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"value\":\"AUOptions\",\"data\":2,\"source\":\"none\""));
    fake_reg_set(
        &x->scm, HIST "\\1", "FileSysPath", WF_REG_SZ,
        "\\\\corp.example\\SysVol\\corp.example\\Policies\\{31B2F340-016D-11D2-945F-00C04FB984F9}\\Machine",
        0);
    fake_reg_set(&x->scm, HIST "\\1", "DisplayName", WF_REG_SZ, "Updates", 0);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"value\":\"AUOptions\",\"data\":2,\"source\":\"domain_gpo\""));
    assert_non_null(strstr(o, "\"value\":\"NoAutoUpdate\",\"data\":1,\"source\":\"local_policy\""));
}

static void test_policies_a_bad_file_makes_sources_unknown(void **state)
{
    struct fake_cli *x = *state;
    machine(&x->scm);
    local.b[0] = 'X';
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"value\":\"AUOptions\",\"data\":2,\"source\":\"unknown\""));
    assert_non_null(strstr(o, "\"code\":\"policy_file_unreadable\""));
    assert_int_equal(FAKE_RUN(x, "repair", "--policies", "--yes"), 0);
    assert_non_null(fake_reg_get(&x->scm, HKAU, "AUOptions")); /* not known: never removed */
}

static void test_policies_dual_scan_is_named(void **state)
{
    struct fake_cli *x = *state;
    fake_reg_set(&x->scm, HKAU, "UseWUServer", WF_REG_DWORD, NULL, 1);
    fake_reg_set(&x->scm, HKWU, "WUServer", WF_REG_SZ, "http://wsus.corp.example:8530", 0);
    fake_reg_set(&x->scm, HKWU, "DeferQualityUpdatesPeriodInDays", WF_REG_DWORD, NULL, 7);
    x->scm.listening = "wsus.corp.example:8530";
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"code\":\"policy_dual_scan\""));
    assert_non_null(strstr(o, "\"value\":\"UseWUServer\",\"data\":1,\"source\":\"none\",\"conflicts\":["
                              "\"DeferQualityUpdatesPeriodInDays\"]"));
    assert_non_null(strstr(o, "\"value\":\"DeferQualityUpdatesPeriodInDays\",\"data\":7,\"source\":\"none\","
                              "\"conflicts\":[\"WUServer\",\"UseWUServer\"]"));
    fake_reg_set(&x->scm, HKWU, "DisableDualScan", WF_REG_DWORD, NULL, 1);
    FAKE_RUN(x, "check", "--json");
    assert_null(strstr(FAKE_OUT(x), "policy_dual_scan"));
    assert_null(strstr(FAKE_OUT(x), "\"conflicts\":[\""));
    /* The source chosen per class of update (Windows 10 2004 and later) is no dual scan either. */
    fake_reg_set(&x->scm, HKWU, "DisableDualScan", WF_REG_DWORD, NULL, 0);
    FAKE_RUN(x, "check", "--json");
    assert_non_null(strstr(FAKE_OUT(x), "policy_dual_scan"));
    fake_reg_set(&x->scm, HKWU, "SetPolicyDrivenUpdateSourceForQualityUpdates", WF_REG_DWORD, NULL, 1);
    FAKE_RUN(x, "check", "--json");
    assert_null(strstr(FAKE_OUT(x), "policy_dual_scan"));
}

static void test_policies_repair_removes_bare_writes_only(void **state)
{
    struct fake_cli *x = *state;
    machine(&x->scm);
    /* Plain repair never touches a policy. */
    FAKE_RUN(x, "repair", "--yes");
    assert_non_null(fake_reg_get(&x->scm, HKAU, "AUOptions"));
    assert_int_equal(FAKE_RUN(x, "repair", "--policies", "--dry-run"), 0);
    assert_non_null(strstr(FAKE_OUT(x), HKAU "\\AUOptions: 2 -> (none)"));
    assert_non_null(fake_reg_get(&x->scm, HKAU, "AUOptions")); /* --dry-run changes nothing */
    assert_int_equal(FAKE_RUN(x, "repair", "--policies", "--yes"), 0);
    const char *o = FAKE_OUT(x);
    assert_null(fake_reg_get(&x->scm, HKAU, "AUOptions"));
    assert_non_null(fake_reg_get(&x->scm, HKAU, "NoAutoUpdate"));
    assert_non_null(strstr(o, "left: HKLM\\" HKAU "\\NoAutoUpdate: the local policy (Registry.pol)"));
    assert_non_null(strstr(o, HKAU "\\AUOptions: 2 -> (none)"));
    assert_int_equal(FAKE_RUN(x, "repair", "--policies", "--json", "--yes"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"value\":\"NoAutoUpdate\",\"data\":1,\"source\":\"local_policy\""));
    assert_int_equal(FAKE_RUN(x, "check", "--policies"), 2); /* repair's alone */
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    const struct fake_value *v = fake_reg_get(&x->scm, HKAU, "AUOptions");
    assert_non_null(v);
    assert_int_equal(v->type, WF_REG_DWORD);
    assert_int_equal(v->dword, 2);
}

/* More bare values than one run's journal holds: each one left is named. */
static void test_policies_more_than_one_run_holds_are_named(void **state)
{
    struct fake_cli *x = *state;
    char name[32];
    for (int i = 0; i < WF_FIXES_MAX + 2; i++) {
        snprintf(name, sizeof(name), "Tweak%02d", i);
        fake_reg_set(&x->scm, "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization", name,
                     WF_REG_DWORD, NULL, 1);
    }
    FAKE_RUN(x, "repair", "--policies", "--yes");
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "Tweak33: more changes than one run holds (run it again)"));
    assert_null(
        fake_reg_get(&x->scm, "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization", "Tweak00"));
    assert_non_null(
        fake_reg_get(&x->scm, "SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization", "Tweak33"));
}

static const char head_line[] = "wufix-journal 1\ncommand repair\nstarted 2026-11-21T10:00:00Z\npid 99\n"
                                "open 0\noutcome ok\nservice 1 running manual wuauserv\n";

static wf_err validate(struct fake_scm *scm, const char *line)
{
    char text[2048], why[512];
    static struct wf_journal j; /* 2 MB: off the stack */
    struct wf_host h = fake_scm_host(scm);
    snprintf(text, sizeof(text), "%s%s", head_line, line);
    assert_int_equal(wf_journal_parse(text, &j), WF_OK);
    return wf_trust_journal(&j, &h, why, sizeof(why));
}

static void test_policies_journal_may_touch_policy_keys_only(void **state)
{
    (void)state;
    struct fake_scm scm;
    fake_scm_init(&scm);
    fake_scm_windows(&scm);
    assert_int_equal(validate(&scm, "fix reg dword 2 " HKAU "|AUOptions|-\n"), WF_OK);
    assert_int_equal(validate(&scm, "fix reg sz 0 " HKWU "|WUServer|x\n"), WF_OK);
    assert_int_equal(validate(&scm, "fix reg dword 2 " MDM "|AllowAutoUpdate|-\n"), WF_E_UNTRUSTED);
    assert_int_equal(validate(&scm, "fix reg dword 2 " HKAU "\\X|AUOptions|-\n"), WF_E_UNTRUSTED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_preg_reads_what_the_local_policy_sets),
        cmocka_unit_test(test_preg_deletions_apply_in_order),
        cmocka_unit_test(test_preg_hostile_bytes_are_refused_whole),
        cmocka_unit_test_setup_teardown(test_policies_each_value_has_its_source, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_policies_a_bad_file_makes_sources_unknown, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_policies_dual_scan_is_named, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_policies_repair_removes_bare_writes_only, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_policies_more_than_one_run_holds_are_named, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test(test_policies_journal_may_touch_policy_keys_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_defaults.c - the defaults table, and what each default security
 * descriptor lets SYSTEM and Administrators do; the pre-2022 "reset" SDDL and
 * a blocker's deny entry are told apart from the real defaults. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "wufix/base/defaults.h"
#include "wufix/base/sddl.h"
#include "wufix/base/services.h"

/* Every known service has a generic row and, on each covered build, at most
 * one row of its own; rows of one build never overlap. */
static void test_defaults_cover_every_known_service(void **state)
{
    (void)state;
    size_t nk;
    const unsigned builds[] = {14393, 19041, 19045, 22000, 22631, 26100, 26200};
    const struct wf_known_service *k = wf_services_table(&nk);
    for (size_t i = 0; i < nk; i++) {
        const struct wf_default *e = wf_defaults_find(k[i].name);
        assert_non_null(e);
        assert_string_equal(e->name, k[i].name);
        assert_true(strlen(e->display_name) > 5);
        const struct wf_default *g = wf_defaults_for(k[i].name, 20348); /* Server 2022: not covered */
        assert_non_null(g);
        assert_int_equal(g->builds, 0);
        assert_null(g->image_path);
        assert_false(g->start_ok & WF_START_BIT(WF_START_DISABLED));
        assert_ptr_equal(wf_defaults_for(k[i].name, WF_BUILD_UNKNOWN), g);
        for (size_t b = 0; b < sizeof(builds) / sizeof(builds[0]); b++) {
            const struct wf_default *r = wf_defaults_for(k[i].name, builds[b]);
            if (!r) { /* a service that build does not have */
                assert_string_equal(k[i].name, "WaaSMedicSvc");
                assert_int_equal(builds[b], 14393);
                continue;
            }
            assert_int_not_equal(r->builds, 0);
            assert_non_null(strstr(r->image_path, ".exe"));
            assert_true(r->start_ok & WF_START_BIT(r->start_type));
        }
    }
    assert_true(wf_defaults_covered(19045));
    assert_false(wf_defaults_covered(17763));
    assert_true(wf_defaults_covered(26100));
    assert_true(wf_defaults_covered(26200));
    assert_false(wf_defaults_covered(26300));
    assert_null(wf_defaults_for("NoSuchSvc", 19045));
    char words[96];
    wf_defaults_covered_words(words, sizeof(words));
    assert_string_equal(words, "14393, 19041-19045, 22000-22631, 26100-26200");
}

/* Windows 11 24H2 and 25H2 (26100-26200), from listings of such machines
 * [NOH][WU25][ATL][5095]: start types, image paths and dependencies of all
 * seven; no source gives their ServiceDll, account or descriptor, so those
 * are not known there (not compared); UsoSvc starts automatically, the delay
 * not said: either is Windows' own, and repair sets Automatic. */
static void test_defaults_windows_11_24h2_and_25h2(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        enum wf_start_type start;
        const char *group, *deps;
    } want[] = {
        {"wuauserv", WF_START_MANUAL, "-k netsvcs -p", "rpcss"},
        {"UsoSvc", WF_START_AUTO, "-k netsvcs -p", "rpcss"},
        {"BITS", WF_START_MANUAL, "-k netsvcs -p", "RpcSs"},
        {"CryptSvc", WF_START_AUTO, "-k NetworkService -p", "RpcSs"},
        {"DoSvc", WF_START_AUTO, "-k NetworkService -p", "rpcss"},
        {"WaaSMedicSvc", WF_START_MANUAL, "-k wusvcs -p", "rpcss"},
        {"TrustedInstaller", WF_START_MANUAL, "TrustedInstaller.exe", ""},
    };
    const unsigned builds[] = {26100, 26200};
    for (size_t b = 0; b < 2; b++)
        for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
            const struct wf_default *d = wf_defaults_for(want[i].name, builds[b]);
            assert_non_null(d);
            assert_int_equal(d->builds, WF_BUILDS_24H2);
            assert_int_equal(d->start_type, want[i].start);
            assert_int_equal(wf_defaults_target(d, builds[b]), want[i].start);
            assert_non_null(strstr(d->image_path, want[i].group));
            assert_string_equal(d->depends_on, want[i].deps);
            assert_null(d->service_dll);
            assert_null(d->account);
            assert_null(d->sddl);
        }
    const struct wf_default *u = wf_defaults_for("UsoSvc", 26100);
    assert_true(wf_defaults_start_ok(u, WF_START_AUTO, 0));
    assert_true(wf_defaults_start_ok(u, WF_START_AUTO_DELAYED, 0));
    assert_false(wf_defaults_start_ok(u, WF_START_MANUAL, 0));
    assert_true(wf_defaults_for("TrustedInstaller", 26100)->own_program);
    /* Windows Server 2025 is build 26100 too, but no source lists its services. */
    assert_false(wf_defaults_covered(26100 | WF_BUILD_SERVER));
    assert_int_equal(wf_defaults_for("UsoSvc", 26100 | WF_BUILD_SERVER)->builds, 0);
    assert_true(wf_defaults_covered(14393 | WF_BUILD_SERVER)); /* Server 2016 [S38] */
    /* Server 2019: two descriptors have a source [S3]; the build stays not covered. */
    assert_false(wf_defaults_covered(17763 | WF_BUILD_SERVER));
    const struct wf_default *w19 = wf_defaults_for("wuauserv", 17763 | WF_BUILD_SERVER);
    assert_int_equal(w19->builds, WF_BUILDS_S2019);
    assert_non_null(w19->sddl);
    assert_null(w19->image_path);
    assert_int_equal(wf_defaults_for("BITS", 17763 | WF_BUILD_SERVER)->builds, WF_BUILDS_S2019);
    assert_int_equal(wf_defaults_for("UsoSvc", 17763 | WF_BUILD_SERVER)->builds, 0);
    assert_int_equal(wf_defaults_for("wuauserv", 17763)->builds, 0); /* 1809 client: none */
}

/* A build no row covers: only Disabled is Windows' wrong start type there,
 * and repair sets what the nearest covered builds ship (UsoSvc: Manual near
 * 1607, Automatic (delayed) near Windows 10/11, Automatic past 25H2); every
 * service svchost hosts is marked so on every build. */
static void test_defaults_generic_rows_take_the_nearest_build(void **state)
{
    (void)state;
    const struct wf_default *u = wf_defaults_for("UsoSvc", 17763);
    assert_int_equal(u->builds, 0);
    assert_int_equal(wf_defaults_target(u, 10586), WF_START_MANUAL);                 /* 1511: near 1607 */
    assert_int_equal(wf_defaults_target(u, 17763), WF_START_AUTO_DELAYED);           /* Server 2019 / 1809 */
    assert_int_equal(wf_defaults_target(u, 20348), WF_START_AUTO_DELAYED);           /* Server 2022 */
    assert_int_equal(wf_defaults_target(u, 27000), WF_START_AUTO);                   /* after 25H2 */
    assert_int_equal(wf_defaults_target(u, 26100 | WF_BUILD_SERVER), WF_START_AUTO); /* Server 2025 */
    assert_int_equal(wf_defaults_target(u, WF_BUILD_UNKNOWN), WF_START_AUTO_DELAYED);
    /* WaaSMedicSvc has no 1607 row: the next covered builds that have it. */
    assert_int_equal(wf_defaults_target(wf_defaults_for("WaaSMedicSvc", 10586), 10586), WF_START_MANUAL);
    size_t n;
    const struct wf_default *d = wf_defaults_table(&n);
    for (size_t i = 0; i < n; i++) {
        bool ti = strcmp(d[i].name, "TrustedInstaller") == 0;
        assert_int_equal(d[i].svchost, !ti);
        assert_int_equal(d[i].own_program, ti);
        if (d[i].image_path)
            assert_int_equal(strstr(d[i].image_path, "svchost.exe -k ") != NULL, !ti);
    }
}

/* What the research holds per build (windows-defaults-review.md items 3, 4,
 * 9, 10): 1607's UsoSvc, svchost groups without -p, BITS' and DoSvc's sets,
 * Windows 11's DoSvc descriptor. */
static void test_defaults_per_build(void **state)
{
    (void)state;
    char words[128];
    const struct wf_default *u16 = wf_defaults_for("UsoSvc", 14393), *u10 = wf_defaults_for("usosvc", 19045);
    assert_int_equal(u16->start_type, WF_START_MANUAL);
    assert_non_null(strstr(u16->service_dll, "usocore.dll"));
    assert_null(strstr(u16->image_path, "-p"));
    assert_int_equal(u10->start_type, WF_START_AUTO_DELAYED);
    assert_non_null(strstr(u10->image_path, "netsvcs -p"));
    const struct wf_default *bits = wf_defaults_for("BITS", 22631);
    assert_true(wf_defaults_start_ok(bits, WF_START_MANUAL, 0));
    assert_true(wf_defaults_start_ok(bits, WF_START_AUTO_DELAYED, 0));
    assert_false(wf_defaults_start_ok(bits, WF_START_AUTO, 0));
    wf_defaults_start_words(bits, words, sizeof(words));
    assert_string_equal(words, "auto_delayed or manual");
    const struct wf_default *d10 = wf_defaults_for("DoSvc", 19045), *d11 = wf_defaults_for("DoSvc", 22631);
    assert_true(wf_defaults_start_ok(d10, WF_START_AUTO, 0));
    assert_true(wf_defaults_start_ok(d10, WF_START_MANUAL, 2));
    assert_true(wf_defaults_start_ok(d10, WF_START_MANUAL, -1)); /* triggers not known: not held against it */
    assert_false(wf_defaults_start_ok(d10, WF_START_MANUAL, 0));
    assert_false(wf_defaults_start_ok(d10, WF_START_DISABLED, 1));
    assert_non_null(strstr(d10->sddl, "(A;;DCRC;;;S-1-5-80-3055155277"));
    assert_non_null(strstr(d11->sddl, "(A;;DCWPRC;;;S-1-5-80-3055155277"));
    assert_string_equal(d10->account, "NT Authority\\NetworkService");
    assert_string_equal(wf_defaults_for("DoSvc", 14393)->account, "LocalSystem");
    /* 1607's restore files write DoSvc back as Start=2 with DelayedAutoStart=1 [S40]. */
    assert_int_equal(wf_defaults_for("DoSvc", 14393)->start_type, WF_START_AUTO_DELAYED);
}

static void test_defaults_sddl_grant_system_and_admins(void **state)
{
    (void)state;
    size_t n;
    const struct wf_default *d = wf_defaults_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (!d[i].sddl)
            continue;
        struct wf_sddl s;
        assert_int_equal(wf_sddl_parse(d[i].sddl, &s), WF_OK);
        assert_true(wf_sddl_meaningful(&s));
        uint32_t sy = wf_sddl_rights(&s, WF_PRINCIPAL_SYSTEM), ba = wf_sddl_rights(&s, WF_PRINCIPAL_ADMIN);
        if ((sy & WF_SR_NEEDED) != WF_SR_NEEDED || (ba & WF_SR_NEEDED) != WF_SR_NEEDED)
            fail_msg("%s: SYSTEM %#x, Administrators %#x", d[i].name, (unsigned)sy, (unsigned)ba);
    }
}

static void test_sddl_old_reset_string_strips_system(void **state)
{
    (void)state;
    /* What reset scripts copied from the pre-2022 doc still apply. */
    struct wf_sddl s;
    char words[128];
    assert_int_equal(wf_sddl_parse("D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
                                   "(A;;CCLCSWLOCRRC;;;AU)(A;;CCLCSWRPWPDTLOCRRC;;;PU)",
                                   &s),
                     WF_OK);
    /* SYSTEM's token holds BA too, so it still changes config through it... */
    assert_int_equal(wf_sddl_rights(&s, WF_PRINCIPAL_SYSTEM) & WF_SR_NEEDED, WF_SR_NEEDED);
    /* ...but a service SID ACE alone would not: the SY ACE lacks DC. */
    assert_int_equal(s.ace[0].mask & WF_SR_CHANGE_CONFIG, 0);
    wf_sddl_describe(WF_SR_NEEDED & ~s.ace[0].mask, words, sizeof(words));
    assert_string_equal(words, "change configuration");
}

static void test_sddl_deny_entry_is_seen(void **state)
{
    (void)state;
    struct wf_sddl s;
    char words[128];
    /* A blocker's deny first: allow entries after it cannot give back start/stop. */
    assert_int_equal(wf_sddl_parse("O:SYG:SYD:(D;;RPWPDC;;;BA)(D;;RPWP;;;S-1-5-18)"
                                   "(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)",
                                   &s),
                     WF_OK);
    assert_string_equal(s.ace[1].sid, "SY"); /* S-1-5-18 read as its alias */
    uint32_t missing = WF_SR_NEEDED & ~wf_sddl_rights(&s, WF_PRINCIPAL_ADMIN);
    wf_sddl_describe(missing, words, sizeof(words));
    assert_string_equal(words, "start, stop, change configuration");
    missing = WF_SR_NEEDED & ~wf_sddl_rights(&s, WF_PRINCIPAL_SYSTEM);
    assert_int_equal(missing, WF_SR_START | WF_SR_STOP | WF_SR_CHANGE_CONFIG);
    /* An allow before a deny keeps what it granted (ACE order matters). */
    assert_int_equal(wf_sddl_parse("D:(A;;RPWP;;;BA)(D;;RPWP;;;BA)", &s), WF_OK);
    assert_int_equal(wf_sddl_rights(&s, WF_PRINCIPAL_ADMIN), WF_SR_START | WF_SR_STOP);
    /* Inherit-only entries do not apply to the service itself. */
    assert_int_equal(wf_sddl_parse("D:(D;IO;RPWP;;;BA)(A;;RPWP;;;BA)", &s), WF_OK);
    assert_int_equal(wf_sddl_rights(&s, WF_PRINCIPAL_ADMIN), WF_SR_START | WF_SR_STOP);
}

static void test_sddl_empty_is_unreadable_not_tampered(void **state)
{
    (void)state;
    struct wf_sddl s;
    /* What Wine returns for every service. */
    assert_int_equal(wf_sddl_parse("", &s), WF_OK);
    assert_false(wf_sddl_meaningful(&s));
    assert_int_equal(wf_sddl_parse("D:", &s), WF_OK);
    assert_false(wf_sddl_meaningful(&s));
    /* An owner with an empty DACL does say something: nobody may do anything. */
    assert_int_equal(wf_sddl_parse("O:SYD:", &s), WF_OK);
    assert_true(wf_sddl_meaningful(&s));
    assert_int_equal(wf_sddl_rights(&s, WF_PRINCIPAL_SYSTEM), 0);
    /* No DACL at all: everyone is let in. */
    assert_int_equal(wf_sddl_parse("O:BA", &s), WF_OK);
    assert_int_equal(wf_sddl_rights(&s, WF_PRINCIPAL_ADMIN), WF_SR_ALL);
}

static void test_sddl_hex_generic_and_malformed(void **state)
{
    (void)state;
    struct wf_sddl s;
    assert_int_equal(wf_sddl_parse("D:P(A;;0xf01ff;;;BA)(A;;GX;;;SY)", &s), WF_OK);
    assert_int_equal(s.ace[0].mask, WF_SR_ALL);
    assert_int_equal(wf_sddl_rights(&s, WF_PRINCIPAL_SYSTEM) & (WF_SR_START | WF_SR_STOP),
                     WF_SR_START | WF_SR_STOP); /* GX as the SCM maps it */
    const char *bad[] = {"X:SY", "D:(A;;ZZ;;;BA)", "D:(A;;RP;;;)",     "D:(A;;RP;;;BA",
                         "O:",   "D:(A;;RP)",      "D:(A;;0xZZ;;;BA)", "O:s-1-5"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (wf_sddl_parse(bad[i], &s) != WF_E_BAD_DATA)
            fail_msg("accepted '%s'", bad[i]);
}

/* The FailureActions bytes as the SCM keeps them: Aetherinox's "unpause"
 * writes WaaSMedicSvc's Windows default back (windows-updates-unpause.reg),
 * the same as its manifest gives; a value too short for what it says is refused. */
static void test_recovery_parse_and_defaults(void **state)
{
    (void)state;
    static const uint8_t own[44] = {0x84, 3,    0,    0,    0, 0, 0, 0, 0, 0,    0,    0, 3, 0, 0,
                                    0,    0x14, 0,    0,    0, 1, 0, 0, 0, 0xc0, 0xd4, 1, 0, 1, 0,
                                    0,    0,    0xe0, 0x93, 4, 0, 0, 0, 0, 0,    0,    0, 0, 0};
    static const uint8_t zeroed[44] = {0};
    struct wf_recovery r;
    assert_true(wf_recovery_parse(own, sizeof(own), &r));
    assert_int_equal(r.reset, 900);
    assert_int_equal(r.n, 3);
    assert_true(r.acts);
    assert_int_equal(r.type[0], 1);
    assert_int_equal(r.delay[0], 120000);
    assert_int_equal(r.type[1], 1);
    assert_int_equal(r.delay[1], 300000);
    assert_int_equal(r.type[2], 0);
    const struct wf_recovery *d = wf_defaults_recovery("waasmedicsvc", 22621);
    assert_non_null(d);
    assert_memory_equal(d, &r, sizeof(r));
    assert_true(wf_recovery_parse(zeroed, sizeof(zeroed), &r));
    assert_int_equal(r.n, 0);
    assert_false(r.acts);
    assert_false(wf_recovery_parse(own, sizeof(own) - 1, &r)); /* the third action cut */
    assert_false(wf_recovery_parse(own, 19, &r));
    char words[128];
    wf_defaults_recovery_words(d, words, sizeof(words));
    assert_string_equal(words, "restart after 2 min, 5 min; reset after 15 min (Windows' manifest)");
    assert_non_null(wf_defaults_recovery("WaaSMedicSvc", 22631));
    assert_null(wf_defaults_recovery("WaaSMedicSvc", 19045));
    assert_null(wf_defaults_recovery("WaaSMedicSvc", 26100));
    assert_null(wf_defaults_recovery("WaaSMedicSvc", 22621 | WF_BUILD_SERVER));
    assert_null(wf_defaults_recovery("wuauserv", 22621)); /* no public source */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_cover_every_known_service),
        cmocka_unit_test(test_defaults_per_build),
        cmocka_unit_test(test_defaults_windows_11_24h2_and_25h2),
        cmocka_unit_test(test_defaults_generic_rows_take_the_nearest_build),
        cmocka_unit_test(test_defaults_sddl_grant_system_and_admins),
        cmocka_unit_test(test_sddl_old_reset_string_strips_system),
        cmocka_unit_test(test_sddl_deny_entry_is_seen),
        cmocka_unit_test(test_sddl_empty_is_unreadable_not_tampered),
        cmocka_unit_test(test_sddl_hex_generic_and_malformed),
        cmocka_unit_test(test_recovery_parse_and_defaults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

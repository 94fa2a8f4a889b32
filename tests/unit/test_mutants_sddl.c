/* SPDX-License-Identifier: MIT */
/* test_mutants_sddl.c - the SDDL reader at its edges, where a small change
 * to sddl.c would go unnoticed otherwise (tests/mutation): 32 entries read,
 * the 33rd refused; entries evaluated in order as Windows does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "wufix/base/sddl.h"

static struct wf_sddl d;

static uint32_t rights(const char *sddl, enum wf_principal who)
{
    assert_int_equal(wf_sddl_parse(sddl, &d), WF_OK);
    return wf_sddl_rights(&d, who);
}

static void test_sddl_aces_full_and_one_past(void **state)
{
    (void)state;
    char text[4096];
    size_t n = (size_t)snprintf(text, sizeof(text), "O:SYD:");
    for (int i = 0; i < WF_SDDL_ACES_MAX; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "(A;;LC;;;S-1-5-21-1-2-3-%d)", 1000 + i);
    assert_int_equal(wf_sddl_parse(text, &d), WF_OK);
    assert_int_equal(d.nace, WF_SDDL_ACES_MAX);
    assert_string_equal(d.ace[WF_SDDL_ACES_MAX - 1].sid, "S-1-5-21-1-2-3-1031");
    snprintf(text + n, sizeof(text) - n, "(A;;LC;;;SY)");
    assert_int_equal(wf_sddl_parse(text, &d), WF_E_BAD_DATA);
    /* Entries of the SACL are not counted (nor kept). */
    snprintf(text + n, sizeof(text) - n, "S:(AU;FA;GA;;;WD)(AU;FA;GA;;;WD)");
    assert_int_equal(wf_sddl_parse(text, &d), WF_OK);
    assert_int_equal(d.nace, WF_SDDL_ACES_MAX);
}

static void test_sddl_in_order_as_windows(void **state)
{
    (void)state;
    /* A deny after an allow takes nothing the allow gave; before it, it does. */
    assert_int_equal(rights("D:(A;;RPWP;;;SY)(D;;RPWP;;;SY)", WF_PRINCIPAL_SYSTEM), WF_SR_START | WF_SR_STOP);
    assert_int_equal(rights("D:(D;;RP;;;SY)(A;;RPWP;;;SY)", WF_PRINCIPAL_SYSTEM), WF_SR_STOP);
    /* No DACL lets everyone in; an empty one no one. */
    assert_int_equal(rights("O:SY", WF_PRINCIPAL_ADMIN), WF_SR_ALL);
    assert_int_equal(rights("O:SYD:", WF_PRINCIPAL_ADMIN), 0);
    /* Inherit-only entries do not apply to the object itself. */
    assert_int_equal(rights("D:(A;IO;RPWP;;;SY)(A;;LC;;;SY)", WF_PRINCIPAL_SYSTEM), WF_SR_QUERY_STATUS);
    assert_int_equal(rights("D:(D;CIIO;RPWP;;;SY)(A;;RPWP;;;SY)", WF_PRINCIPAL_SYSTEM),
                     WF_SR_START | WF_SR_STOP);
    /* Whose token holds what: BU an administrator's, not SYSTEM's; SY the other way. */
    assert_int_equal(rights("D:(A;;RP;;;BU)", WF_PRINCIPAL_ADMIN), WF_SR_START);
    assert_int_equal(rights("D:(A;;RP;;;BU)", WF_PRINCIPAL_SYSTEM), 0);
    assert_int_equal(rights("D:(A;;RP;;;SY)", WF_PRINCIPAL_ADMIN), 0);
    assert_int_equal(rights("D:(A;;RP;;;WD)", WF_PRINCIPAL_SYSTEM), WF_SR_START);
    /* A well-known SID written in full is its alias. */
    assert_int_equal(rights("D:(A;;RP;;;S-1-5-18)", WF_PRINCIPAL_SYSTEM), WF_SR_START);
    assert_string_equal(d.ace[0].sid, "SY");
    /* An entry of the SACL grants nothing, whatever its letter. */
    assert_int_equal(rights("D:(A;;LC;;;SY)S:(A;;RPWP;;;SY)", WF_PRINCIPAL_SYSTEM), WF_SR_QUERY_STATUS);
    assert_int_equal(d.nace, 1);
    /* Hex rights. */
    assert_int_equal(rights("D:(A;;0x10;;;SY)", WF_PRINCIPAL_SYSTEM), 0x10u);
    /* Up to 15 characters of hex are read, 16 are not. */
    assert_int_equal(rights("D:(A;;0x0000000000010;;;SY)", WF_PRINCIPAL_SYSTEM), 0x10u);
    assert_int_equal(wf_sddl_parse("D:(A;;0x00000000000010;;;SY)", &d), WF_E_BAD_DATA);
    assert_int_equal(
        wf_sddl_parse("D:(A;;0x000000000000000000000000000000000000000000000000000000000010;;;SY)", &d),
        WF_E_BAD_DATA);
}

static void test_sddl_what_is_refused(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "D:(A;;0x10g;;;SY)",               /* not hex */
        "D:(A;;0x1234567890abcdef0;;;SY)", /* too long for a mask */
        "D:(A;;RPW;;;SY)",                 /* half a right */
        "D:(A;;RPZZ;;;SY)",                /* no such right */
        "D:(A;;RP;;SY)",                   /* five fields */
        "D:(A;;RP;;;SYX)",                 /* more after the SID */
        "X:(A;;RP;;;SY)",                  /* no such part */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_int_equal(wf_sddl_parse(bad[i], &d), WF_E_BAD_DATA);
    /* A SID of WF_SID_MAX - 1 characters is read, one longer is not (as an
     * owner and in an entry). */
    char text[600], sid[WF_SID_MAX + 2];
    memset(sid, '1', sizeof(sid));
    memcpy(sid, "S-1-5-21-", 9);
    sid[WF_SID_MAX - 1] = '\0';
    snprintf(text, sizeof(text), "O:%sD:(A;;RP;;;SY)", sid);
    assert_int_equal(wf_sddl_parse(text, &d), WF_OK);
    assert_string_equal(d.owner, sid);
    sid[WF_SID_MAX - 1] = '1';
    sid[WF_SID_MAX] = '\0';
    snprintf(text, sizeof(text), "O:%sD:(A;;RP;;;SY)", sid);
    assert_int_equal(wf_sddl_parse(text, &d), WF_E_BAD_DATA);
    /* An owner alone says something; nothing at all says nothing. */
    assert_int_equal(wf_sddl_parse("O:BA", &d), WF_OK);
    assert_true(wf_sddl_meaningful(&d));
    assert_int_equal(wf_sddl_parse("", &d), WF_OK);
    assert_false(wf_sddl_meaningful(&d));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sddl_aces_full_and_one_past),
        cmocka_unit_test(test_sddl_in_order_as_windows),
        cmocka_unit_test(test_sddl_what_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

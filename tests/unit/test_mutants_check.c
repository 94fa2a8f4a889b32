/* SPDX-License-Identifier: MIT */
/* test_mutants_check.c - check.c's promises a small change would break
 * unnoticed otherwise (tests/mutation): a descriptor that takes start or
 * stop from SYSTEM alone, or from Administrators alone, is reported; a
 * service marked for deletion gets no fixable problem. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/check.h"

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

static struct wf_check *run(struct fake_scm *f)
{
    struct wf_check *c = test_calloc(1, sizeof(*c));
    struct wf_backend b = fake_scm_backend(f);
    struct wf_host h = fake_scm_host(f);
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        wf_plan_add(p, names[i], true, NULL);
    assert_int_equal(wf_plan_gather(p, &b), WF_OK);
    assert_int_equal(wf_check_run(p, &b, &h, c), WF_OK);
    wf_plan_free(p);
    return c;
}

static const struct wf_problem *find(const struct wf_check *c, const char *svc, const char *code)
{
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->p[i].code, code) == 0 && wf_name_cmp(c->p[i].service, svc) == 0)
            return &c->p[i];
    return NULL;
}

/* Full rights for both, then a Deny entry for one principal only: SY is in
 * SYSTEM's token and not in an administrator's, BU the other way round. */
#define BOTH_ALLOWED "(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"

static void test_check_descriptor_denying_system_alone(void **state)
{
    struct fake_scm *f = *state;
    wf_strlcpy(fake_scm_get(f, "wuauserv")->sddl, "O:SYD:(D;;RPWP;;;SY)" BOTH_ALLOWED, WF_TEXT_MAX);
    struct wf_check *c = run(f);
    const struct wf_problem *p = find(c, "wuauserv", "security_descriptor");
    assert_non_null(p);
    assert_non_null(strstr(p->found, "denies start, stop"));
    assert_true(p->fixable);
    wf_check_release(c);
    test_free(c);
}

static void test_check_descriptor_denying_administrators_alone(void **state)
{
    struct fake_scm *f = *state;
    wf_strlcpy(fake_scm_get(f, "wuauserv")->sddl, "O:SYD:(D;;WP;;;BU)" BOTH_ALLOWED, WF_TEXT_MAX);
    struct wf_check *c = run(f);
    const struct wf_problem *p = find(c, "wuauserv", "security_descriptor");
    assert_non_null(p);
    assert_non_null(strstr(p->found, "denies stop"));
    assert_null(strstr(p->found, "denies start"));
    wf_check_release(c);
    test_free(c);
}

/* And nothing is reported when neither loses a right it needs. */
static void test_check_descriptor_both_allowed_is_healthy(void **state)
{
    struct fake_scm *f = *state;
    wf_strlcpy(fake_scm_get(f, "wuauserv")->sddl, "O:SYD:(D;;WP;;;LS)" BOTH_ALLOWED "(A;;LC;;;LS)",
               WF_TEXT_MAX);
    struct wf_check *c = run(f);
    assert_null(find(c, "wuauserv", "security_descriptor"));
    assert_null(find(c, "wuauserv", "security_unreadable"));
    wf_check_release(c);
    test_free(c);
}

/* A protected service's bad descriptor is reported, never fixable. */
static void test_check_descriptor_of_a_protected_service_is_not_fixable(void **state)
{
    struct fake_scm *f = *state;
    struct fake_svc *s = fake_scm_get(f, "DoSvc");
    s->protection = WF_PROTECTION_WINDOWS_LIGHT; /* as Windows 10 1809 and later have it */
    wf_strlcpy(s->sddl, "O:SYD:(D;;RPWP;;;SY)" BOTH_ALLOWED, WF_TEXT_MAX);
    struct wf_check *c = run(f);
    const struct wf_problem *p = find(c, "DoSvc", "security_descriptor");
    assert_non_null(p);
    assert_false(p->fixable);
    wf_check_release(c);
    test_free(c);
}

/* A descriptor with an owner and no access list entry is read, and its
 * empty DACL denies everything. */
static void test_check_descriptor_with_an_empty_dacl(void **state)
{
    struct fake_scm *f = *state;
    wf_strlcpy(fake_scm_get(f, "wuauserv")->sddl, "O:SYD:", WF_TEXT_MAX);
    struct wf_check *c = run(f);
    assert_non_null(find(c, "wuauserv", "security_descriptor"));
    wf_check_release(c);
    test_free(c);
}

/* Marked for deletion, and disabled, with a foreign image path: reported as
 * marked, and nothing else (nothing may be done to it). */
static void test_check_marked_for_deletion_gets_no_fixable_problem(void **state)
{
    struct fake_scm *f = *state;
    struct fake_svc *s = fake_scm_get(f, "wuauserv");
    s->marked_delete = true;
    s->start_type = WF_START_DISABLED;
    wf_strlcpy(s->image, "C:\\Users\\Public\\evil.exe", WF_TEXT_MAX);
    struct wf_check *c = run(f);
    assert_non_null(find(c, "wuauserv", "marked_for_deletion"));
    for (size_t i = 0; i < c->n; i++) {
        if (wf_name_cmp(c->p[i].service, "wuauserv") != 0)
            continue;
        assert_false(c->p[i].fixable);
        assert_string_equal(c->p[i].code, "marked_for_deletion");
    }
    wf_check_release(c);
    test_free(c);
}

/* Paths compare without regard to case or doubled separators. */
static void test_check_image_path_case_and_doubled_separators(void **state)
{
    struct fake_scm *f = *state;
    struct fake_svc *s = fake_scm_get(f, "wuauserv");
    char *sep = strchr(s->image, '\\');
    assert_non_null(sep);
    memmove(sep + 1, sep, strlen(sep) + 1); /* one backslash more */
    for (char *p = s->image; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    struct wf_check *c = run(f);
    assert_null(find(c, "wuauserv", "image_path"));
    wf_check_release(c);
    test_free(c);
}

/* An account the SCM does not give (empty) is not a wrong account. */
static void test_check_empty_account_is_not_reported(void **state)
{
    struct fake_scm *f = *state;
    fake_scm_get(f, "wuauserv")->account[0] = '\0';
    struct wf_check *c = run(f);
    assert_null(find(c, "wuauserv", "account"));
    wf_check_release(c);
    test_free(c);
}

/* A dependency Windows does not give: an error when it blocks the start
 * (it does not exist), a warning when it does not. */
static void test_check_added_dependency_that_blocks(void **state)
{
    struct fake_scm *f = *state;
    struct fake_svc *s = fake_scm_get(f, "wuauserv");
    wf_strlcpy(s->deps[s->ndeps++], "NoSuchSvc", WF_NAME_MAX);
    struct fake_svc *u = fake_scm_get(f, "UsoSvc");
    wf_strlcpy(u->deps[u->ndeps++], "BITS", WF_NAME_MAX);
    struct wf_check *c = run(f);
    const struct wf_problem *p = find(c, "wuauserv", "dependencies");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_ERROR);
    p = find(c, "UsoSvc", "dependencies");
    assert_non_null(p);
    assert_int_equal(p->sev, WF_SEV_WARNING);
    wf_check_release(c);
    test_free(c);
}

/* A Deny entry on a service's key that only what is created under it
 * inherits (inherit-only) takes nothing from the key itself. */
static void test_check_key_inherit_only_deny_is_no_blocker(void **state)
{
    struct fake_scm *f = *state;
    wf_strlcpy(f->key_sddl, "O:SYG:SYD:(D;CIIO;KW;;;BU)(A;CI;KA;;;SY)(A;CI;KA;;;BA)", sizeof(f->key_sddl));
    struct wf_check *c = run(f);
    assert_null(find(c, "wuauserv", "blocker_key_deny"));
    assert_null(find(c, "wuauserv", "blocker_key_rights"));
    wf_strlcpy(f->key_sddl, "O:SYG:SYD:(D;CI;KW;;;BU)(A;CI;KA;;;SY)(A;CI;KA;;;BA)", sizeof(f->key_sddl));
    wf_check_release(c);
    test_free(c);
    c = run(f);
    assert_non_null(find(c, "wuauserv", "blocker_key_deny"));
    wf_check_release(c);
    test_free(c);
}

/* A key whose Allow entries give Administrators only reading (and SYSTEM
 * everything): reported, as one that takes from SYSTEM alone would be. */
static void test_check_key_rights_taken_from_administrators_alone(void **state)
{
    struct fake_scm *f = *state;
    wf_strlcpy(f->key_sddl, "O:SYG:SYD:(A;CI;KA;;;SY)(A;CI;KR;;;BA)", sizeof(f->key_sddl));
    struct wf_check *c = run(f);
    assert_non_null(find(c, "wuauserv", "blocker_key_rights"));
    wf_check_release(c);
    test_free(c);
}

/* CurrentBuildNumber is a number and nothing more, else the build is unknown. */
static void test_check_build_number_exactly_digits(void **state)
{
    struct fake_scm *f = *state;
    struct wf_host h = fake_scm_host(f);
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "19045x", 0);
    assert_int_equal(wf_check_build(&h), WF_BUILD_UNKNOWN);
    fake_reg_set(f, WF_KEY_VERSION, "CurrentBuildNumber", WF_REG_SZ, "19045", 0);
    assert_int_equal(wf_check_build(&h), 19045);
}

/* Windows' own copy saying Manual ("demand") for DoSvc: a file gives no
 * triggers, and Manual with a trigger is Windows' own for DoSvc, so nothing
 * is reported; Disabled is. */
static void test_check_waas_manual_is_windows_own(void **state)
{
    struct fake_scm *f = *state;
    fake_file_put(f, "C:\\Windows\\WaaS\\services\\w.xml", 10)->content =
        "<serviceData name=\"DoSvc\" start=\"demand\"/>";
    struct wf_check *c = run(f);
    assert_null(find(c, "DoSvc", "waas_file_edited"));
    wf_check_release(c);
    test_free(c);
    fake_file_put(f, "C:\\Windows\\WaaS\\services\\w.xml", 10)->content =
        "<serviceData name=\"DoSvc\" start=\"disabled\"/>";
    c = run(f);
    assert_non_null(find(c, "DoSvc", "waas_file_edited"));
    wf_check_release(c);
    test_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_check_descriptor_denying_system_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_descriptor_denying_administrators_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_descriptor_both_allowed_is_healthy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_descriptor_of_a_protected_service_is_not_fixable, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_check_descriptor_with_an_empty_dacl, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_marked_for_deletion_gets_no_fixable_problem, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_check_image_path_case_and_doubled_separators, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_empty_account_is_not_reported, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_added_dependency_that_blocks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_key_inherit_only_deny_is_no_blocker, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_key_rights_taken_from_administrators_alone, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_check_build_number_exactly_digits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_waas_manual_is_windows_own, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_waas.c - Windows' own copy of the defaults (%windir%\WaaS\services):
 * the parser, and check holding it against the table as evidence (blockers
 * edit these files), never taking a value from it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/waas.h"

#define WAAS "C:\\Windows\\WaaS\\services\\"

/* Shaped like the files Windows keeps: one serviceData element, the
 * Parameters key as registry values. */
static const char wu_auto[] =
    "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n"
    "<assembly manifestVersion=\"1.0\">\n"
    "  <categoryInstance subcategory=\"wuauserv\">\n"
    "    <serviceData displayName=\"@%systemroot%\\system32\\wuaueng.dll,-105\" name=\"wuauserv\"\n"
    "        start=\"auto\" type=\"win32ShareProcess\" dependOnService=\"rpcss\"\n"
    "        imagePath=\"%systemroot%\\system32\\svchost.exe -k netsvcs -p\" objectName=\"LocalSystem\">\n"
    "      <securityDescriptor name=\"WuauservServiceSecurity\" />\n"
    "    </serviceData>\n"
    "  </categoryInstance>\n"
    "  <registryKeys><registryKey keyName=\"...\\wuauserv\\Parameters\">\n"
    "    <registryValue name=\"ServiceMain\" valueType=\"REG_SZ\" value=\"WUServiceMain\" />\n"
    "    <registryValue name=\"ServiceDll\" valueType=\"REG_EXPAND_SZ\" "
    "value=\"%systemroot%\\system32\\wuaueng.dll\" />\n"
    "  </registryKey></registryKeys>\n"
    "</assembly>\n";

static void test_waas_parse(void **state)
{
    struct wf_waas_entry e;
    (void)state;
    assert_int_equal(wf_waas_parse(wu_auto, &e), WF_OK);
    assert_string_equal(e.name, "wuauserv");
    assert_int_equal(e.start_type, WF_START_AUTO);
    assert_string_equal(e.image_path, "%systemroot%\\system32\\svchost.exe -k netsvcs -p");
    assert_string_equal(e.service_dll, "%systemroot%\\system32\\wuaueng.dll");
    assert_true(e.has_deps);
    assert_string_equal(e.depends_on, "rpcss");
    assert_int_equal(wf_waas_parse("<serviceData name='UsoSvc' start='delayedAuto' dependOnService='rpcss, "
                                   "BITS' imagePath='a&amp;b &quot;c&quot;'/>",
                                   &e),
                     WF_OK);
    assert_int_equal(e.start_type, WF_START_AUTO_DELAYED);
    assert_string_equal(e.depends_on, "rpcss,BITS");
    assert_string_equal(e.image_path, "a&b \"c\"");
    assert_string_equal(e.service_dll, "");
    /* Not the file wufix expects: nothing taken from it. */
    assert_int_equal(wf_waas_parse("<assembly/>", &e), WF_E_BAD_DATA);
    assert_int_equal(wf_waas_parse("<serviceData start=\"auto\"/>", &e), WF_E_BAD_DATA);
    assert_int_equal(wf_waas_parse("<serviceDataX name=\"wuauserv\"/>", &e), WF_E_BAD_DATA);
    assert_int_equal(wf_waas_parse("<serviceData name=\"wuauserv", &e), WF_E_BAD_DATA);
    assert_int_equal(wf_waas_parse("<serviceData name=\"wu&bogus;\"/>", &e), WF_E_BAD_DATA);
    /* An unknown start word is not guessed. */
    assert_int_equal(wf_waas_parse("<serviceData name=\"wuauserv\" start=\"sometimes\"/>", &e), WF_OK);
    assert_int_equal(e.start_type, WF_START_UNKNOWN);
}

/* The blocker method of privacy.sexy #272/#294: the file edited to Disabled.
 * Its owner has since set wuauserv back to Manual and it runs: repair must
 * not "repair" it to Disabled (on 0085826 it refused with exit 5, "the
 * service is disabled"); the file is reported as a blocker's trace. */
static void test_waas_disabled_file_is_a_trace_not_a_default(void **state)
{
    struct fake_cli *x = *state;
    static char edited[sizeof(wu_auto) + 8];
    wf_strlcpy(edited, wu_auto, sizeof(edited));
    memcpy(strstr(edited, "start=\"auto\""), "start=\"disabled\"", 16);
    memmove(strstr(edited, "start=\"disabled\"") + 16, strstr(wu_auto, "start=\"auto\"") + 12,
            strlen(strstr(wu_auto, "start=\"auto\"") + 12) + 1);
    fake_file_put(&x->scm, WAAS "3f1a.xml", 100)->content = edited;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "waas_file_edited"));
    assert_non_null(strstr(o, "found: " WAAS "3f1a.xml: start=disabled; expected: start manual"));
    assert_null(strstr(o, "wuauserv: the start type"));
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_RUNNING);
}

/* A file that says Automatic, another program and another DLL: each is
 * reported in one problem, the table applies, repair changes nothing. */
static void test_waas_other_values_are_reported_the_table_applies(void **state)
{
    struct fake_cli *x = *state;
    static const char other[] = "<serviceData name=\"UsoSvc\" start=\"auto\" imagePath=\"C:\\Tools\\x.exe\"/>"
                                "<registryValue name=\"ServiceDll\" value=\"C:\\Tools\\x.dll\"/>";
    fake_file_put(&x->scm, WAAS "u.xml", 100)->content = other;
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "1 problem (0 fixable): UsoSvc:waas_file_edited\n");
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(
        strstr(FAKE_OUT(x), "start=auto imagePath=C:\\\\Tools\\\\x.exe ServiceDll=C:\\\\Tools\\\\x.dll"));
    size_t before = fake_scm_log_count(&x->scm, "set_");
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "set_"), before);
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->start_type, WF_START_AUTO_DELAYED);
}

static void test_waas_unusable_files_leave_the_table(void **state)
{
    struct fake_cli *x = *state;
    fake_file_put(&x->scm, WAAS "a.xml", 10)->content = "<serviceData name=\"NotOurs\" start=\"disabled\"/>";
    fake_file_put(&x->scm, WAAS "b.xml", 10)->content = "garbage";
    fake_file_put(&x->scm, WAAS "c.xml", 10)->content = wu_auto;
    fake_scm_script(&x->scm, "read_text", WAAS "c.xml", 5, 1); /* access denied: not readable */
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
    assert_null(strstr(FAKE_OUT(x), "waas_file_edited"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_waas_parse),
        cmocka_unit_test_setup_teardown(test_waas_disabled_file_is_a_trace_not_a_default, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_waas_other_values_are_reported_the_table_applies, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_waas_unusable_files_leave_the_table, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_waas.c - Windows' own copy of the defaults (%windir%\WaaS\services):
 * the parser, and check and repair comparing with it where it is readable. */
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

static void test_waas_values_win_and_the_report_says_so(void **state)
{
    struct fake_cli *x = *state;
    fake_file_put(&x->scm, WAAS "3f1a.xml", 100)->content = wu_auto;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "wuauserv: compared with Windows' own copy of its defaults, " WAAS "3f1a.xml"));
    assert_non_null(strstr(o, "found: manual; expected: auto"));
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_AUTO);
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
}

static void test_waas_unusable_files_leave_the_table(void **state)
{
    struct fake_cli *x = *state;
    fake_file_put(&x->scm, WAAS "a.xml", 10)->content = "<serviceData name=\"NotOurs\" start=\"disabled\"/>";
    fake_file_put(&x->scm, WAAS "b.xml", 10)->content = "garbage";
    fake_file_put(&x->scm, WAAS "c.xml", 10)->content = wu_auto;
    fake_scm_script(&x->scm, "read_text", WAAS "c.xml", 5, 1); /* access denied: not readable */
    assert_int_equal(FAKE_RUN(x, "check", "-q"), 0);
    assert_null(strstr(FAKE_OUT(x), "defaults_from_waas"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_waas_parse),
        cmocka_unit_test_setup_teardown(test_waas_values_win_and_the_report_says_so, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_waas_unusable_files_leave_the_table, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

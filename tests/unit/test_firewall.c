/* SPDX-License-Identifier: MIT */
/* test_firewall.c - firewall rules that block Windows Update: the rule's
 * grammar ([MS-GPFAS] 2.2.2.19), each blocking rule reported with its name
 * and the command that removes it, nothing changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/firewall.h"

#define LOCAL  "SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules"
#define POLICY "SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules"

/* The rule Destroy Windows 10 Spying's "Disable Windows Update" makes
 * (github.com/Nummer/Destroy-Windows-10-Spying: netsh advfirewall firewall add
 * rule name="WindowsUpdateBlock" dir=out interface=any action=block
 * service=wuauserv), as the grammar writes it. */
#define DWS "v2.30|Action=Block|Active=TRUE|Dir=Out|Svc=wuauserv|Name=WindowsUpdateBlock|"

static void test_firewall_rule_grammar(void **state)
{
    (void)state;
    struct wf_fw_rule r;
    assert_true(wf_fw_parse(DWS, &r));
    assert_true(r.block && r.active && r.out);
    assert_string_equal(r.svc, "wuauserv");
    assert_string_equal(r.name, "WindowsUpdateBlock");
    assert_string_equal(r.app, "");
    assert_true(wf_fw_parse("v2.31|Action=Allow|Active=FALSE|Dir=In|App=C:\\a|b.exe|", &r));
    assert_false(r.block || r.active || r.out);
    assert_string_equal(r.app, "C:\\a"); /* a field ends at '|' */
    assert_false(wf_fw_parse("v2.30", &r));
    assert_false(wf_fw_parse("x2.30|Action=Block|", &r));
    assert_false(wf_fw_parse("v2.30|Action=Block|Dir=Out", &r)); /* the last field without its '|' */
    assert_true(wf_fw_parse("v2.30|=|Action|Svc=|Name=|", &r));
}

static void test_firewall_blocking_rules_reported_with_their_removal(void **state)
{
    struct fake_cli *x = *state;
    struct fake_scm *f = &x->scm;
    fake_reg_set(f, LOCAL, "{8B4A1A5E-DWS}", WF_REG_SZ, DWS, 0);
    /* Windows' own rules and others' that do not block updates. */
    fake_reg_set(
        f, LOCAL, "CoreNet-DNS-Out-UDP", WF_REG_SZ,
        "v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=17|RPort=53|App=%SystemRoot%\\system32\\svchost.exe|"
        "Svc=dnscache|Name=@FirewallAPI.dll,-25405|",
        0);
    fake_reg_set(f, LOCAL, "off", WF_REG_SZ, "v2.30|Action=Block|Active=FALSE|Dir=Out|Svc=wuauserv|Name=off|",
                 0);
    fake_reg_set(f, LOCAL, "in", WF_REG_SZ, "v2.30|Action=Block|Active=TRUE|Dir=In|Svc=BITS|Name=in|", 0);
    fake_reg_set(f, LOCAL, "dns", WF_REG_SZ, "v2.30|Action=Block|Active=TRUE|Dir=Out|Svc=Dnscache|Name=dns|",
                 0);
    fake_reg_set(
        f, LOCAL, "ips", WF_REG_SZ,
        "v2.30|Action=Block|Active=TRUE|Dir=Out|RA4=13.68.87.47|Name=windowsSpyBlocker-update-13.68.87.47|",
        0);
    fake_reg_set(f, LOCAL, "junk", WF_REG_SZ, "not a rule", 0);
    /* An update program, and a policy's rule for every svchost service. */
    fake_reg_set(f, LOCAL, "uso", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|App=C:\\Windows\\System32\\UsoClient.exe|Name=uso|",
                 0);
    fake_reg_set(f, POLICY, "it's", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|App=%SystemRoot%\\System32\\svchost.exe|Name=gpo|",
                 0);
    size_t writes = fake_scm_log_count(f, "reg_write");
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"found\":\"the rule \\\"WindowsUpdateBlock\\\": Block, Out, Svc=wuauserv\""));
    assert_non_null(strstr(o, "Remove-NetFirewallRule -Name '{8B4A1A5E-DWS}')"));
    assert_non_null(strstr(
        o, "\"found\":\"the rule \\\"uso\\\": Block, Out, App=C:\\\\Windows\\\\System32\\\\UsoClient.exe\""));
    assert_non_null(strstr(o, "a policy's rule \\\"gpo\\\""));
    assert_non_null(strstr(o, "Remove-NetFirewallRule -Name 'it''s' -PolicyStore localhost"));
    size_t n = 0;
    for (const char *p = o; (p = strstr(p, "\"code\":\"firewall_blocks_update\"")) != NULL; p++)
        n++;
    assert_int_equal(n, 3);
    assert_non_null(strstr(o, "\"code\":\"firewall_blocks_update\",\"severity\":\"warning\""));
    assert_int_equal(fake_scm_log_count(f, "reg_write"), writes); /* never changed */
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "a firewall rule blocks Windows Update"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_firewall_rule_grammar),
        cmocka_unit_test_setup_teardown(test_firewall_blocking_rules_reported_with_their_removal,
                                        fake_cli_setup, fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

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
#define ROUTES "SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\PersistentRoutes"
#define FE3    "fe3.delivery.mp.microsoft.com"

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
    /* PowerShell's other single quotes (U+2018 to U+201B) end a '...' string too: each doubled. */
    fake_reg_set(f, LOCAL, "a\xE2\x80\x99; Stop-Computer; \xE2\x80\x98\xE2\x80\x9B", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|Svc=wuauserv|Name=quotes|", 0);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x),
                           "Remove-NetFirewallRule -Name 'a\xE2\x80\x99\xE2\x80\x99; Stop-Computer; "
                           "\xE2\x80\x98\xE2\x80\x98\xE2\x80\x9B\xE2\x80\x9B')"));
    fake_reg_set(f, LOCAL, "a\xE2\x80\x99; Stop-Computer; \xE2\x80\x98\xE2\x80\x9B", WF_REG_NONE, NULL, 0);
    o = FAKE_RUN(x, "check", "--json") == 1 ? FAKE_OUT(x) : "";
    size_t n = 0;
    for (const char *p = o; (p = strstr(p, "\"code\":\"firewall_blocks_update\"")) != NULL; p++)
        n++;
    assert_int_equal(n, 3);
    assert_non_null(strstr(o, "\"code\":\"firewall_blocks_update\",\"severity\":\"warning\""));
    assert_int_equal(fake_scm_log_count(f, "reg_write"), writes); /* never changed */
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "a firewall rule blocks Windows Update"));
}

static struct wf_addr addr(const char *s)
{
    struct wf_addr a;
    if (!wf_addr_parse(s, strlen(s), &a))
        fail_msg("not an address: %s", s);
    return a;
}

static bool covers(const char *range, const char *a)
{
    struct wf_range r;
    struct wf_addr x = addr(a);
    return wf_range_parse(range, strlen(range), &r) && wf_range_covers(&r, &x);
}

/* RFC 4291 2.2's text forms, and what is none. */
static void test_firewall_ipv6_text_forms(void **state)
{
    (void)state;
    static const uint8_t a[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 8, 8, 0, 0x20, 0x0c, 0x41, 0x7a};
    static const uint8_t mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 129, 144, 52, 38};
    struct wf_addr x;
    const char *forms[] = {"2001:DB8:0:0:8:800:200C:417A", "2001:db8::8:800:200c:417a"};
    for (size_t i = 0; i < 2; i++) {
        assert_true(wf_addr_parse(forms[i], strlen(forms[i]), &x));
        assert_int_equal(x.len, 16);
        assert_memory_equal(x.b, a, 16);
    }
    assert_true(wf_addr_parse("::FFFF:129.144.52.38", 20, &x));
    assert_memory_equal(x.b, mapped, 16);
    x = addr("FF01::101");
    assert_int_equal(x.b[0], 0xff);
    assert_int_equal(x.b[15], 0x01);
    assert_int_equal(x.b[14], 0x01);
    x = addr("::");
    assert_int_equal(x.len, 16);
    assert_true(wf_addr_is_unspecified(&x));
    x = addr("0.0.0.0");
    assert_true(wf_addr_is_unspecified(&x));
    x = addr("0.0.0.1");
    assert_false(wf_addr_is_unspecified(&x));
    x = addr("::100");
    assert_false(wf_addr_is_unspecified(&x));
    x.len = 0;
    assert_false(wf_addr_is_unspecified(&x)); /* no address at all is not "the unspecified" one */
    x = addr("::1");
    assert_true(wf_addr_is_loopback(&x));
    x = addr("1::");
    assert_int_equal(x.b[1], 1);
    x = addr("13.68.87.47");
    assert_int_equal(x.len, 4);
    const char *bad[] = {"1:::2", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1::",
                         "1:",    "::1.2.3", "g::",     "1:2:3:4:5:6:7::8",  "::1.2.3.4:5",   "LocalSubnet",
                         ""};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (wf_addr_parse(bad[i], strlen(bad[i]), &x))
            fail_msg("read as an address: %s", bad[i]);
}

/* Remote addresses as Set-NetFirewallRule's -RemoteAddress documents them
 * (single, subnet by bit count and by mask, range, keywords) and as
 * WindowsSpyBlocker's data/firewall/update.txt lists them. */
static void test_firewall_remote_address_grammar(void **state)
{
    (void)state;
    struct wf_range r;
    assert_true(covers("1.2.3.4", "1.2.3.4"));
    assert_false(covers("1.2.3.4", "1.2.3.5"));
    assert_true(covers("1.2.3.4/24", "1.2.3.255"));
    assert_true(covers("1.2.3.4/24", "1.2.3.0"));
    assert_false(covers("1.2.3.4/24", "1.2.4.0"));
    assert_true(covers("1.2.3.4/255.255.255.0", "1.2.3.200"));
    assert_false(covers("1.2.3.4/255.255.255.0", "1.2.2.200"));
    assert_true(covers("1.2.3.4-1.2.3.7", "1.2.3.7"));
    assert_false(covers("1.2.3.4-1.2.3.7", "1.2.3.8"));
    assert_false(covers("1.2.3.4-1.2.3.7", "1.2.3.3"));
    assert_true(covers("65.55.138.0-65.55.138.255", "65.55.138.17"));
    assert_true(covers("fe80::1", "fe80::1"));
    assert_true(covers("fe80::1/48", "fe80::ffff:1"));
    assert_false(covers("fe80::1/48", "fe80:0:1::1"));
    assert_true(covers("fe80::1-fe80::9", "fe80::5"));
    assert_false(covers("fe80::1-fe80::9", "fe80::a"));
    assert_true(covers("0.0.0.0/0", "13.68.87.47"));
    assert_false(covers("0.0.0.0/0", "2001:db8::1")); /* one family */
    assert_false(covers("1.2.3.4", "::ffff:1.2.3.5"));
    /* Keywords cover no public address ([MS-GPFAS] 2.2.2.13); nor what is not a range. */
    const char *none[] = {"LocalSubnet",
                          "DNS",
                          "DHCP",
                          "WINS",
                          "DefaultGateway",
                          "IntrAnet",
                          "IntErnet",
                          "Ply2Renders",
                          "RmtIntrAnet",
                          "CaptivePortal",
                          "*",
                          "1.2.3.7-1.2.3.4",
                          "1.2.3.4/33",
                          "fe80::1/129",
                          "fe80::1/255.255.0.0",
                          "1.2.3.4-fe80::1",
                          "1.2.3.4/",
                          "1.2.3.4/24x",
                          "1.2.3.4/255.255.255"};
    for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
        if (wf_range_parse(none[i], strlen(none[i]), &r))
            fail_msg("read as a range: %s", none[i]);
    /* The rule's fields, each RA4/RA6 on its own. */
    char field[96];
    struct wf_addr x = addr("13.68.88.129");
    assert_true(
        wf_fw_remote_covers("v2.30|Action=Block|RA4=LocalSubnet|RA4=13.68.88.0/24|RA6=fe80::1|Name=n|", &x,
                            field, sizeof(field)));
    assert_string_equal(field, "RA4=13.68.88.0/24");
    assert_false(
        wf_fw_remote_covers("v2.30|Action=Block|LA4=13.68.88.129|Name=n|", &x, field, sizeof(field)));
    assert_false(
        wf_fw_remote_covers("v2.30|RA4=13.68.88.129", &x, field, sizeof(field))); /* no closing '|' */
}

/* PersistentRoutes' value names: "destination,subnet mask,gateway,metric"
 * (Microsoft, "Windows 2000 TCP/IP Implementation Details": route add
 * 10.99.100.0 MASK 255.255.255.0 10.99.99.1 METRIC 1 /p writes
 * "10.99.100.0,255.255.255.0,10.99.99.1,1"); tron's null routes (`route -p
 * add 204.79.197.200/32 0.0.0.0`) send an address to 0.0.0.0. */
static void test_firewall_route_grammar(void **state)
{
    (void)state;
    struct wf_route r;
    struct wf_addr in = addr("10.99.100.7"), out = addr("10.99.101.7");
    assert_true(wf_route_parse("10.99.100.0,255.255.255.0,10.99.99.1,1", &r));
    assert_int_equal(r.metric, 1);
    assert_int_equal(r.gw.b[3], 1);
    assert_false(wf_route_blackholes(&r, &in)); /* a router: it goes somewhere */
    assert_true(wf_route_parse("10.99.100.0,255.255.255.0,0.0.0.0,1", &r));
    assert_true(wf_route_blackholes(&r, &in));
    assert_false(wf_route_blackholes(&r, &out));
    assert_true(wf_route_parse("204.79.197.200,255.255.255.255,127.0.0.1,256", &r));
    in = addr("204.79.197.200");
    out = addr("204.79.197.201");
    assert_true(wf_route_blackholes(&r, &in));
    assert_false(wf_route_blackholes(&r, &out));
    in = addr("::1");
    assert_false(wf_route_blackholes(&r, &in));
    const char *bad[] = {"10.99.100.0,255.255.255.0,10.99.99.1",
                         "10.99.100.0,255.255.255.0,10.99.99.1,",
                         "10.99.100.0,255.255.255.0,10.99.99.1,1x",
                         "10.99.100.0;255.255.255.0;10.99.99.1;1",
                         "fe80::,ffff::,::,1",
                         "10.99.100.0,255.255.255.0,10.99.99.1,-1",
                         ""};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (wf_route_parse(bad[i], &r))
            fail_msg("read as a route: %s", bad[i]);
}

static size_t count(const char *o, const char *s)
{
    size_t n = 0;
    for (const char *p = o; (p = strstr(p, s)) != NULL; p++)
        n++;
    return n;
}

static void test_firewall_rules_by_address_judged_by_what_dns_says_now(void **state)
{
    struct fake_cli *x = *state;
    struct fake_scm *f = &x->scm;
    /* Nothing by address, no routes: DNS is not asked. */
    fake_reg_set(f, LOCAL, "{8B4A1A5E-DWS}", WF_REG_SZ, DWS, 0);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_int_equal(f->resolves, 0u);
    fake_reg_set(f, LOCAL, "{8B4A1A5E-DWS}", WF_REG_NONE, NULL, 0);
    fake_reg_set(f, LOCAL, "ra", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|RA4=13.68.87.0-13.68.87.255|RA6=2a01:111:f100::/48|"
                 "Name=by address|",
                 0);
    /* Not judged: inbound, allowed, off, one program, UDP, port 53 only, a keyword. */
    fake_reg_set(f, LOCAL, "in", WF_REG_SZ, "v2.30|Action=Block|Active=TRUE|Dir=In|RA4=13.68.87.47|Name=in|",
                 0);
    fake_reg_set(f, LOCAL, "allow", WF_REG_SZ,
                 "v2.30|Action=Allow|Active=TRUE|Dir=Out|RA4=13.68.87.47|Name=al|", 0);
    fake_reg_set(f, LOCAL, "off", WF_REG_SZ,
                 "v2.30|Action=Block|Active=FALSE|Dir=Out|RA4=13.68.87.47|Name=off|", 0);
    fake_reg_set(f, LOCAL, "app", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|App=C:\\Games\\game.exe|RA4=13.68.87.47|Name=app|",
                 0);
    fake_reg_set(f, LOCAL, "udp", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=17|RA4=13.68.87.47|Name=udp|", 0);
    fake_reg_set(f, LOCAL, "dns", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|Protocol=6|RPort=53|RA4=13.68.87.47|Name=dnsport|",
                 0);
    fake_reg_set(f, LOCAL, "kw", WF_REG_SZ,
                 "v2.30|Action=Block|Active=TRUE|Dir=Out|RA4=LocalSubnet|RA4=DNS|Name=kw|", 0);
    /* DNS gives an address the rule holds: found, named, with its removal. */
    f->dns = FE3 "=13.68.87.47,2a01:111:f100:3000::a83e:1b2;sls.update.microsoft.com=20.54.89.106";
    size_t writes = fake_scm_log_count(f, "reg_write");
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_int_equal(count(o, "\"code\":\"firewall_blocks_update\",\"severity\":\"error\""), 1);
    assert_non_null(
        strstr(o, "the rule \\\"by address\\\": Block, Out, RA4=13.68.87.0-13.68.87.255: 13.68.87.47 "
                  "is " FE3 "'s address now"));
    assert_non_null(strstr(o, "Remove-NetFirewallRule -Name 'ra')"));
    assert_null(strstr(o, "update_hosts_not_resolved"));
    assert_int_equal(f->resolves, 5u); /* each name once, for every rule */
    /* Over IPv6 alone. */
    f->dns = FE3 "=2a01:111:f100:3000::a83e:1b2";
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "RA6=2a01:111:f100::/48: 2a01:111:f100:3000::a83e:1b2 is " FE3));
    /* Elsewhere now: the rule blocks an address no update server has. */
    f->dns = FE3 "=192.0.2.1,2001:db8::1";
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_null(strstr(FAKE_OUT(x), "firewall_blocks_update"));
    /* The hosts file's 0.0.0.0 (hosts_blocks_update says so): no address of a server. */
    f->dns = FE3 "=0.0.0.0;sls.update.microsoft.com=::";
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"update_hosts_not_resolved\",\"severity\":\"info\""));
    assert_non_null(strstr(FAKE_OUT(x), "0.0.0.0 or the loopback only (the hosts file)"));
    /* No DNS: said once, as information; the first name unanswered ends the asking. */
    f->dns = NULL;
    f->resolves = 0;
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    o = FAKE_OUT(x);
    assert_int_equal(count(o, "update_hosts_not_resolved"), 1);
    assert_non_null(strstr(o, FE3 ": no answer from DNS within 1500 ms"));
    assert_int_equal(f->resolves, 1u);
    assert_int_equal(fake_scm_log_count(f, "reg_write"), writes); /* never changed */
}

static void test_firewall_null_routes_reported_with_their_removal(void **state)
{
    struct fake_cli *x = *state;
    struct fake_scm *f = &x->scm;
    /* As `route -p add 13.78.168.230 0.0.0.0` and a LAN route write them;
     * the value data is empty. */
    fake_reg_set(f, ROUTES, "13.78.168.230,255.255.255.255,0.0.0.0,1", WF_REG_SZ, "", 0);
    fake_reg_set(f, ROUTES, "10.0.0.0,255.0.0.0,192.168.1.1,1", WF_REG_SZ, "", 0);
    fake_reg_set(f, ROUTES, "not a route", WF_REG_SZ, "", 0);
    f->dns = "download.windowsupdate.com=13.78.168.230;ctldl.windowsupdate.com=10.1.2.3";
    size_t writes = fake_scm_log_count(f, "reg_write");
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_int_equal(count(o, "\"code\":\"route_blocks_update\",\"severity\":\"error\""), 1);
    assert_non_null(strstr(o,
                           "the persistent route 13.78.168.230 mask 255.255.255.255 to 0.0.0.0 (metric 1): "
                           "13.78.168.230 is download.windowsupdate.com's address now"));
    assert_non_null(strstr(o, "route delete 13.78.168.230 mask 255.255.255.255 0.0.0.0"));
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "a persistent route sends Windows Update's servers nowhere"));
    /* repair leaves it: the route is the admin's to remove. */
    FAKE_RUN(x, "repair", "--yes");
    assert_int_equal(fake_scm_log_count(f, "reg_write"), writes);
    assert_int_equal(fake_scm_log_count(f, "reg_delete"), 0);
    assert_non_null(fake_reg_get(f, ROUTES, "13.78.168.230,255.255.255.255,0.0.0.0,1"));
    /* Resolved elsewhere: nothing to say. */
    f->dns = "download.windowsupdate.com=13.78.168.231";
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_null(strstr(FAKE_OUT(x), "route_blocks_update"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_firewall_rule_grammar),
        cmocka_unit_test(test_firewall_ipv6_text_forms),
        cmocka_unit_test(test_firewall_remote_address_grammar),
        cmocka_unit_test(test_firewall_route_grammar),
        cmocka_unit_test_setup_teardown(test_firewall_rules_by_address_judged_by_what_dns_says_now,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_firewall_null_routes_reported_with_their_removal, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_firewall_blocking_rules_reported_with_their_removal,
                                        fake_cli_setup, fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

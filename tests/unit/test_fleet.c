/* SPDX-License-Identifier: MIT */
/* test_fleet.c - --computer: names and @FILE, many machines on workers,
 * connect deadlines, Ctrl+C in flight, rollback on one machine while the
 * others succeed, journals per machine, JSON Lines, the exit precedence. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fake_scm.h"
#include "wufix/base/addr.h"
#include "wufix/base/err.h"
#include "wufix/base/sha256.h"

#define NM 6

struct fleet_fix {
    struct fake_cli *x;
    struct fake_scm scm[NM];
    struct fake_machine m[NM];
};

static int setup(void **state)
{
    struct fleet_fix *f = calloc(1, sizeof(*f));
    if (!f || fake_cli_setup((void **)&f->x) != 0)
        return -1;
    static const char *const names[NM] = {"PC01", "PC02", "PC03", "PC04", "PC05", "PC06"};
    for (size_t i = 0; i < NM; i++) {
        fake_scm_init(&f->scm[i]);
        fake_scm_windows(&f->scm[i]);
        f->m[i].scm = &f->scm[i];
        snprintf(f->m[i].name, sizeof(f->m[i].name), "%s", names[i]);
    }
    fake_platform_machines(&f->x->fp, f->m, NM);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fleet_fix *f = *state;
    void *x = f->x;
    fake_cli_teardown(&x);
    free(f);
    return 0;
}

#define RUN(f, ...) fake_platform_run(&(f)->x->fp, (const char *const[]){__VA_ARGS__, NULL})
#define OUT(f)      wf_buf_str(&(f)->x->fp.out)
#define ERR(f)      wf_buf_str(&(f)->x->fp.err)

static enum wf_state st(struct fake_scm *s, const char *name)
{
    return fake_scm_get(s, name)->state;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_fleet_precedence(void **state)
{
    (void)state;
    static const int order[] = {2, 7, 8, 3, 5, 4, 6, 1, 3010, 0};
    size_t n = sizeof(order) / sizeof(order[0]);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            int want = order[i < j ? i : j];
            assert_int_equal(wf_exit_worst(order[i], order[j]), want);
        }
    assert_int_equal(wf_exit_worst(0, 42), 42); /* unknown first */
}

static void test_fleet_usage_errors(void **state)
{
    struct fleet_fix *f = *state;
    assert_int_equal(RUN(f, "reset", "--computer", "PC01"), 2);
    assert_non_null(
        strstr(ERR(f), "option '--computer' does not apply to 'reset': it works on this machine only"));
    assert_int_equal(RUN(f, "undo", "--computer", "PC01", "--yes"), 2);
    assert_non_null(strstr(ERR(f), "does not apply to 'undo'"));
    assert_int_equal(RUN(f, "status", "--computer", "PC01,,PC02"), 2);
    assert_non_null(strstr(ERR(f), "an empty machine name"));
    assert_int_equal(RUN(f, "status", "--computer", "PC 01"), 2);
    assert_non_null(strstr(ERR(f), "'PC 01' is not a machine name"));
    assert_int_equal(RUN(f, "status", "--computer", "fe80::1"), 2);
    assert_non_null(strstr(ERR(f), "IPv6"));
    assert_int_equal(RUN(f, "status", "--computer", "-x"), 2);
    assert_int_equal(RUN(f, "status", "--computer", "PC01", "--parallel", "0"), 2);
    assert_non_null(strstr(ERR(f), "--parallel: '0' is not a whole number of machines from 1 to 64"));
    assert_int_equal(RUN(f, "status", "--computer", "PC01", "--parallel", "65"), 2);
    assert_int_equal(RUN(f, "status", "--parallel", "4"), 2);
    assert_non_null(strstr(ERR(f), "'--parallel' needs --computer"));
    assert_int_equal(RUN(f, "status", "--connect-timeout", "4"), 2);
    assert_int_equal(RUN(f, "status", "--computer", "PC01", "--connect-timeout", "301"), 2);
    assert_int_equal(RUN(f, "restart", "--computer", "PC01", "--force"), 2);
    assert_non_null(strstr(ERR(f), "--force ends processes on this machine only"));
    /* --json still gets one object. */
    assert_int_equal(RUN(f, "status", "--json", "--computer", "a;b"), 2);
    assert_non_null(strstr(OUT(f), "\"exit_code\":2"));
    /* Nothing was touched anywhere. */
    for (size_t i = 0; i < NM; i++)
        assert_int_equal(f->m[i].opens, 0);
    assert_int_equal(fake_scm_changes(&f->x->scm), 0);
}

static void test_fleet_file_of_names(void **state)
{
    struct fleet_fix *f = *state;
    struct fake_scm *host = &f->x->scm;
    fake_file_put(host, "C:\\lists\\pcs.txt", 10)->content = "# helpdesk list\r\n"
                                                             "PC01\r\n"
                                                             "\r\n"
                                                             "  pc02   # the one upstairs\r\n"
                                                             "\\\\PC03\r\n"
                                                             "PC01\r\n";
    assert_int_equal(RUN(f, "status", "-q", "--computer", "@C:\\lists\\pcs.txt", "--computer", "PC04"), 0);
    assert_int_equal(count(OUT(f), ": wuauserv running"), 4);
    assert_non_null(strstr(OUT(f), "pc02: wuauserv running"));
    assert_non_null(strstr(OUT(f), "PC03: "));
    assert_int_equal(f->m[0].opens, 1); /* named twice, reached once */
    assert_int_equal(f->m[4].opens, 0);

    fake_file_put(host, "C:\\lists\\bad.txt", 10)->content = "PC01\nPC02\nPC 03\n";
    assert_int_equal(RUN(f, "status", "--computer", "@C:\\lists\\bad.txt"), 2);
    assert_non_null(strstr(ERR(f), "--computer 'C:\\lists\\bad.txt', line 3: 'PC 03' is not a machine name"));
    fake_file_put(host, "C:\\lists\\empty.txt", 10)->content = "# nothing yet\n\n";
    assert_int_equal(RUN(f, "status", "--computer", "@C:\\lists\\empty.txt"), 2);
    assert_non_null(strstr(ERR(f), "names no machine"));
    assert_int_equal(RUN(f, "status", "--computer", "@C:\\lists\\none.txt"), 2);
    assert_non_null(strstr(ERR(f), "cannot read 'C:\\lists\\none.txt'"));
    /* A list longer than wufix reads: refused whole, never cut (on 0085826 it was cut
     * silently, here in the middle of "PC02"). */
    static char big[(1u << 20) + 16];
    size_t at = 0;
    while (at < (1u << 20) - 3) /* the million bytes end inside "PC02" */
        at += (size_t)snprintf(big + at, sizeof(big) - at, "PC01\n");
    memcpy(big + at, "PC02\n", 6);
    fake_file_put(host, "C:\\lists\\big.txt", sizeof(big))->content = big;
    assert_int_equal(RUN(f, "status", "--computer", "@C:\\lists\\big.txt"), 2);
    assert_non_null(strstr(ERR(f), "cannot read 'C:\\lists\\big.txt': it is longer than a million bytes"));
    assert_int_equal(f->m[1].opens, 1); /* only the good run reached it */
}

static void test_fleet_local_names_mean_here(void **state)
{
    struct fleet_fix *f = *state;
    assert_int_equal(RUN(f, "status", "--computer", "localhost,.,fakepc,FAKEPC.corp.example"), 0);
    /* One machine, this one: its own output, no sections, no summary. */
    assert_non_null(strstr(OUT(f), "Update services on FAKEPC:"));
    assert_null(strstr(OUT(f), "Summary"));
    assert_null(strstr(OUT(f), "==="));
    for (size_t i = 0; i < NM; i++)
        assert_int_equal(f->m[i].opens, 0);
    assert_int_equal(RUN(f, "restart", "--computer", "localhost"), 0);
    assert_true(fake_scm_changes(&f->x->scm) > 0);
    assert_non_null(strstr(wf_buf_str(&f->x->fp.journal), "command restart\n"));
}

static void test_fleet_sections_and_summary(void **state)
{
    struct fleet_fix *f = *state;
    fake_scm_get(&f->scm[1], "wuauserv")->start_type = WF_START_DISABLED;
    f->m[2].fail_code = 1722;
    assert_int_equal(RUN(f, "check", "--computer", "PC01,PC02", "--computer", "PC03"), 8);
    const char *o = OUT(f);
    assert_non_null(strstr(o, "=== PC01: success, exit code 0"));
    assert_non_null(strstr(o, "Health of the update services on PC01:"));
    assert_non_null(strstr(o, "=== PC02: check found problems, exit code 1"));
    assert_non_null(strstr(o, "=== PC03: unreachable (1722), exit code 8"));
    assert_non_null(strstr(o, "Summary: check on 3 machines, exit code 8 (unexpected system error)"));
    assert_non_null(strstr(o, "  PC02        1  "));
    assert_non_null(strstr(ERR(f), "wufix: PC03: cannot reach its service control manager: the RPC server is "
                                   "unavailable (1722)"));
    assert_non_null(strstr(ERR(f), "\"Remote Service Management\""));
    /* Access denied there is exit 3, before 1 and after 8. */
    f->m[2].fail_code = 5;
    assert_int_equal(RUN(f, "check", "--computer", "PC01,PC02,PC03"), 3);
    assert_non_null(strstr(ERR(f), "LocalAccountTokenFilterPolicy"));
    /* What the probe found and did not stop the connection is said, alone or not. */
    f->m[0].note = "TCP 135 (RPC) refused: the connection goes through SMB named pipes";
    assert_int_equal(RUN(f, "status", "--computer", "PC01"), 0);
    assert_non_null(strstr(ERR(f), "wufix: PC01: note: TCP 135 (RPC) refused"));
    assert_int_equal(RUN(f, "status", "--computer", "PC01,PC02"), 0);
    assert_non_null(strstr(ERR(f), "wufix: PC01: note: TCP 135 (RPC) refused"));
    assert_int_equal(RUN(f, "status", "-q", "--computer", "PC01"), 0);
    assert_null(strstr(ERR(f), "note"));
    /* Not an administrator there: reading works, changing is refused at once. */
    f->m[2].fail_code = 0;
    f->m[2].not_admin = true;
    assert_int_equal(RUN(f, "status", "--computer", "PC01,PC03"), 0);
    assert_int_equal(RUN(f, "restart", "--computer", "PC01,PC03"), 3);
    assert_non_null(strstr(OUT(f), "=== PC03: access denied (5), exit code 3"));
    assert_int_equal(fake_scm_changes(&f->scm[2]), 0);
    f->m[2].not_admin = false;
    f->m[2].fail_code = 53;
    assert_int_equal(RUN(f, "status", "--computer", "PC03"), 8);
    assert_non_null(strstr(ERR(f), "\"File and Printer Sharing\""));
}

static void test_fleet_json_lines(void **state)
{
    struct fleet_fix *f = *state;
    f->m[3].fail_code = 1753;
    assert_int_equal(RUN(f, "check", "--json", "--computer", "PC01,PC02,PC04"), 8);
    const char *o = OUT(f);
    assert_int_equal(count(o, "\n"), 3); /* one object per line */
    assert_int_equal(count(o, "{\"command\":\"check\","), 3);
    assert_non_null(strstr(o, "\"computer\":\"PC01\",\"exit_code\":0"));
    assert_non_null(strstr(o, "\"computer\":\"PC02\",\"exit_code\":0"));
    assert_non_null(strstr(o, "{\"command\":\"check\",\"computer\":\"PC04\",\"exit_code\":8,"));
    assert_non_null(strstr(o, "\"error\":{\"code\":\"unreachable\",\"syscode\":1753,\"message\":\"PC04: the "
                              "endpoint mapper"));
    assert_null(strstr(o, "Summary"));
    /* Each line is a whole object: it starts with { and ends with }. */
    for (const char *p = o; *p;) {
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        assert_int_equal(*p, '{');
        assert_int_equal(nl[-1], '}');
        p = nl + 1;
    }
    /* What to check names the machine. */
    assert_int_equal(RUN(f, "status", "--json", "--computer", "gone.example"), 8);
    assert_non_null(strstr(OUT(f), "\"code\":\"name_not_resolved\",\"syscode\":11001,"));
    assert_non_null(strstr(OUT(f), "DNS (nslookup gone.example)\"}}\n"));
    assert_non_null(
        strstr(ERR(f), "wufix: gone.example: check the spelling, and DNS (nslookup gone.example)\n"));
    /* One machine, one object, as without --computer. */
    assert_int_equal(RUN(f, "status", "--json", "--computer", "PC01"), 0);
    assert_int_equal(count(OUT(f), "\n"), 1);
    assert_non_null(strstr(OUT(f), "\"computer\":\"PC01\""));
}

static void test_fleet_hanging_machine_holds_up_nobody(void **state)
{
    struct fleet_fix *f = *state;
    f->m[0].hang = true;
    for (size_t i = 1; i < NM; i++)
        f->m[i].latency_ms = 20;
    /* Two at a time: the hanging one keeps a worker only until its deadline. */
    assert_int_equal(RUN(f, "status", "--computer", "PC01,PC02,PC03,PC04,PC05,PC06", "--parallel", "2",
                         "--connect-timeout", "1"),
                     8);
    const char *o = OUT(f);
    assert_non_null(strstr(o, "=== PC01: timed out connecting (1460), exit code 8"));
    /* Everyone else was done before PC01's deadline passed. */
    for (size_t i = 1; i < NM; i++) {
        char head[96];
        snprintf(head, sizeof(head), "=== %s: success", f->m[i].name);
        assert_non_null(strstr(o, head));
        assert_true(strstr(o, head) < strstr(o, "=== PC01:"));
    }
    assert_non_null(strstr(ERR(f),
                           "PC01: cannot reach its service control manager: no answer within the connect "
                           "deadline (1460): 1 s"));
}

static void test_fleet_rollback_on_one_machine(void **state)
{
    struct fleet_fix *f = *state;
    fake_scm_get(&f->scm[1], "UsoSvc")->fail_start_code = 1067;
    assert_int_equal(RUN(f, "restart", "--computer", "PC01,PC02,PC03"), 4);
    /* PC02 failed and was put back as far as it could be; the others are done. */
    assert_non_null(
        strstr(OUT(f), "=== PC02: a service failed to reach its state or timed out, exit code 4"));
    assert_non_null(strstr(wf_buf_str(&f->m[0].journal), "outcome ok\n"));
    assert_non_null(strstr(wf_buf_str(&f->m[2].journal), "outcome ok\n"));
    assert_null(strstr(wf_buf_str(&f->m[1].journal), "outcome ok\n"));
    assert_int_equal(st(&f->scm[1], "wuauserv"), WF_STATE_RUNNING);
    assert_int_equal(st(&f->scm[0], "UsoSvc"), WF_STATE_RUNNING);
    assert_int_equal(st(&f->scm[2], "UsoSvc"), WF_STATE_RUNNING);
    /* Journals per machine, kept here; this machine's own is untouched. */
    assert_int_equal(f->x->fp.saves, 0);
    assert_int_equal(fake_scm_changes(&f->x->scm), 0);
    assert_true(f->m[0].saves > 0 && f->m[1].saves > 0 && f->m[2].saves > 0);
    /* The machine's lock, once for the run. */
    assert_int_equal(f->x->fp.locks, 1);
    assert_false(f->x->fp.held);
    /* One event for the run, naming each machine. */
    const char *ev = wf_buf_str(&f->x->fp.events);
    assert_non_null(strstr(ev, "wufix restart on 3 machines ended with exit code 4."));
    assert_non_null(strstr(ev, "PC02: exit code 4"));
}

static void test_fleet_ctrl_c_in_flight(void **state)
{
    struct fleet_fix *f = *state;
    for (size_t i = 0; i < NM; i++)
        f->scm[i].real_wait_ms = 40;
    f->x->fp.ctrl_c_after_ms = 60;
    assert_int_equal(RUN(f, "restart", "--computer", "PC01,PC02,PC03,PC04,PC05,PC06", "--parallel", "3"), 7);
    size_t begun = 0;
    for (size_t i = 0; i < NM; i++) {
        /* Whatever each had stopped is running again. */
        assert_int_equal(st(&f->scm[i], "wuauserv"), WF_STATE_RUNNING);
        assert_int_equal(st(&f->scm[i], "UsoSvc"), WF_STATE_RUNNING);
        begun += f->m[i].opens;
    }
    assert_int_equal(begun, 3); /* the first three were in flight; the rest never began */
    assert_int_equal(count(OUT(f), ": not begun: interrupted, exit code 7"), 3);
    assert_int_equal(count(OUT(f), "interrupted; services were put back, exit code 7"), 3);
    for (size_t i = 0; i < 3; i++)
        assert_non_null(strstr(wf_buf_str(&f->m[i].journal), "outcome interrupted\n"));
}

static void test_fleet_killed_run_recovered_per_machine(void **state)
{
    struct fleet_fix *f = *state;
    /* A run against PC02 was killed after stopping both there. */
    struct fake_machine *m = &f->m[1];
    wf_buf_puts(&m->journal, "wufix-journal 1\ncommand restart\nstarted 2026-11-21T10:00:00Z\npid 99\n"
                             "open 1\noutcome -\nservice 1 running manual wuauserv\n"
                             "service 1 running auto_delayed UsoSvc\n");
    char hex[WF_SHA256_HEX];
    wf_sha256_of(m->journal.data, m->journal.len, hex);
    snprintf(m->anchor_last, sizeof(m->anchor_last), "%s", hex);
    fake_scm_get(&f->scm[1], "wuauserv")->state = WF_STATE_STOPPED;
    fake_scm_get(&f->scm[1], "UsoSvc")->state = WF_STATE_STOPPED;
    assert_int_equal(RUN(f, "stop", "-s", "BITS", "--computer", "PC01,PC02"), 0);
    assert_non_null(strstr(ERR(f), "the unfinished run was put back"));
    assert_int_equal(st(&f->scm[1], "wuauserv"), WF_STATE_RUNNING);
    assert_int_equal(st(&f->scm[1], "UsoSvc"), WF_STATE_RUNNING);
    assert_int_equal(st(&f->scm[1], "BITS"), WF_STATE_STOPPED);
    /* PC01 had nothing to recover; this machine's own journal is not read as PC02's. */
    assert_int_equal(count(ERR(f), "the unfinished run was put back"), 1);
    assert_int_equal(st(&f->scm[0], "wuauserv"), WF_STATE_RUNNING);
    /* A journal this machine's anchor does not vouch for is never acted on. */
    wf_buf_clear(&f->m[2].journal);
    wf_buf_puts(&f->m[2].journal, "wufix-journal 1\ncommand restart\nstarted 2026-11-21T10:00:00Z\npid 99\n"
                                  "open 1\noutcome -\nservice 1 stopped disabled wuauserv\n");
    assert_int_equal(RUN(f, "restart", "--computer", "PC03,PC01"), 0);
    assert_int_equal(fake_scm_get(&f->scm[2], "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(st(&f->scm[2], "wuauserv"), WF_STATE_RUNNING);
}

static void test_fleet_remote_check_says_what_it_skipped(void **state)
{
    struct fleet_fix *f = *state;
    /* A blocker's mark the remote registry would show. */
    fake_reg_set(&f->scm[0], "SYSTEM\\CurrentControlSet\\Services\\wuauserv", "WubLock", WF_REG_DWORD, NULL,
                 1);
    assert_int_equal(RUN(f, "check", "--computer", "PC01,PC02"), 1);
    assert_non_null(strstr(OUT(f), "blocker_wublock"));
    f->m[0].no_registry = "RemoteRegistry does not answer (53)";
    f->m[0].no_files = "\\\\PC01\\ADMIN$ cannot be read (5)";
    assert_int_equal(RUN(f, "check", "--computer", "PC01,PC02"), 0);
    const char *o = OUT(f);
    assert_null(strstr(o, "blocker_wublock"));
    assert_non_null(strstr(o, "registry_skipped"));
    assert_non_null(strstr(o, "RemoteRegistry does not answer (53)"));
    assert_non_null(strstr(o, "files_skipped"));
    assert_non_null(strstr(o, "No problems found in what could be checked"));
    assert_null(strstr(o, "Healthy: no problems found."
                          "\n\n=== PC02"));
    assert_int_equal(RUN(f, "check", "--json", "--computer", "PC01"), 0);
    assert_non_null(strstr(OUT(f), "\"code\":\"registry_skipped\",\"severity\":\"info\""));
    assert_int_equal(RUN(f, "check", "-q", "--computer", "PC01"), 0);
    assert_non_null(strstr(OUT(f), "healthy in what could be checked (skipped: registry, files)"));
    assert_int_equal(RUN(f, "check", "-q", "--computer", "PC01,PC02"), 0);
    assert_non_null(strstr(OUT(f), "PC01: healthy in what could be checked (skipped: registry, files)\n"));
    assert_non_null(strstr(OUT(f), "PC02: healthy\n"));
}

/* Another machine's check asks nothing that only that machine could
 * answer: a firewall rule by address is not judged with this machine's DNS
 * (the answer here says nothing of there), and it says so; a null route is
 * not judged either. Locally the same rule is judged (test_firewall.c). */
static void test_fleet_remote_check_judges_no_address_by_this_dns(void **state)
{
    struct fleet_fix *f = *state;
    fake_reg_set(
        &f->scm[0],
        "SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules", "ra",
        WF_REG_SZ, "v2.30|Action=Block|Active=TRUE|Dir=Out|RA4=13.68.87.0-13.68.87.255|Name=by address|", 0);
    f->x->scm.dns = "fe3.delivery.mp.microsoft.com=13.68.87.47";
    f->scm[0].dns = "fe3.delivery.mp.microsoft.com=13.68.87.47";
    assert_int_equal(RUN(f, "check", "--json", "--computer", "PC01"), 0);
    const char *o = OUT(f);
    assert_null(strstr(o, "firewall_blocks_update"));
    assert_non_null(strstr(o, "\"code\":\"update_hosts_not_resolved\",\"severity\":\"info\""));
    assert_non_null(strstr(o, "DNS is not asked from here for another machine"));
    assert_int_equal(f->x->scm.resolves + f->scm[0].resolves, 0u);
}

static void test_fleet_rights_and_lock_once(void **state)
{
    struct fleet_fix *f = *state;
    f->x->fp.pf.elevated = false;
    assert_int_equal(RUN(f, "restart", "--computer", "PC01,PC02"), 3);
    assert_int_equal(count(ERR(f), "needs administrator rights"), 1);
    assert_int_equal(f->m[0].opens + f->m[1].opens, 0);
    /* Reading needs no rights here. */
    assert_int_equal(RUN(f, "status", "--computer", "PC01,PC02"), 0);
    f->x->fp.pf.elevated = true;
    f->x->fp.busy = true;
    assert_int_equal(RUN(f, "restart", "--computer", "PC01,PC02"), 6);
    assert_int_equal(f->m[0].opens + f->m[1].opens, 2); /* only status reached them */
    /* A dry run takes no lock and changes nothing. */
    assert_int_equal(RUN(f, "restart", "-n", "--computer", "PC01,PC02"), 0);
    assert_int_equal(fake_scm_changes(&f->scm[0]) + fake_scm_changes(&f->scm[1]), 0);
}

/* Addresses as --computer compares them. */
static void test_fleet_addresses(void **state)
{
    (void)state;
    struct wf_addr a;
    char t[64];
    assert_true(wf_addr_parse4("10.0.0.5", &a));
    assert_int_equal(a.len, 4);
    assert_int_equal(a.b[3], 5);
    assert_true(wf_addr_parse4("127.0.0.1", &a) && wf_addr_is_loopback(&a));
    assert_true(wf_addr_parse4("127.0.0.2", &a) && !wf_addr_is_loopback(&a));
    static const char *const not4[] = {"10.0.0",    "10.0.0.5.", "10.0.0.256", "010.0.0.5", "10.0.0.5a",
                                       "1e2.0.0.1", "",          "10..0.5",    "pc01"};
    for (size_t i = 0; i < sizeof(not4) / sizeof(not4[0]); i++)
        assert_false(wf_addr_parse4(not4[i], &a));
    struct wf_addrs x = {0}, y = {0};
    const uint8_t mapped[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 5};
    const uint8_t v4[4] = {10, 0, 0, 5};
    assert_true(wf_addrs_add(&x, mapped, 16));
    assert_true(wf_addrs_add(&x, mapped, 16));
    assert_int_equal(x.n, 1); /* once */
    assert_true(wf_addrs_add(&y, v4, 4));
    assert_true(wf_addrs_meet(&x, &y, &a)); /* an IPv4-mapped address is its IPv4 address */
    wf_addr_text(&a, t, sizeof(t));
    assert_string_equal(t, "10.0.0.5");
    assert_false(wf_addrs_add(&y, v4, 5));
    static const struct {
        uint8_t b[16];
        const char *text;
    } six[] = {
        {{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, "::1"},
        {{0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2}, "fe80::1:2"},
        {{0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3}, "1:0:0:2::3"},
        {{0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, "2001:db8:0:1:1:1:1:1"},
        {{0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, "fd00::"},
    };
    for (size_t i = 0; i < sizeof(six) / sizeof(six[0]); i++) {
        struct wf_addrs s6 = {0};
        assert_true(wf_addrs_add(&s6, six[i].b, 16));
        wf_addr_text(&s6.a[0], t, sizeof(t));
        assert_string_equal(t, six[i].text);
    }
}

/* One machine named twice (an alias, an address, this machine by another
 * name) is one target: run once, as the name given first. */
static void test_fleet_one_machine_named_twice_runs_once(void **state)
{
    struct fleet_fix *f = *state;
    static const struct fake_alias aliases[] = {
        {"pc01-alias", "10.0.0.1"},
        {"wsus-here", "192.168.1.50"},
        {"lo-alias", "127.0.0.1"},
    };
    f->x->fp.aliases = aliases;
    f->x->fp.naliases = 3;
    f->x->fp.here_addrs = "192.168.1.50,10.9.9.9";
    assert_int_equal(RUN(f, "restart", "--computer", "PC01,pc01-alias,10.0.0.1"), 0);
    assert_int_equal(f->m[0].opens, 1);
    /* Reached at the address its worker resolved: DNS is asked once per name. */
    assert_int_equal(f->m[0].resolves, 1);
    assert_int_equal(f->m[0].reached_at.n, 1);
    assert_int_equal(f->m[0].reached_at.a[0].b[3], 1);
    assert_non_null(
        strstr(ERR(f), "wufix: pc01-alias: the same machine as PC01 (address 10.0.0.1): run once, as PC01"));
    assert_non_null(
        strstr(ERR(f), "wufix: 10.0.0.1: the same machine as PC01 (address 10.0.0.1): run once, as PC01"));
    assert_non_null(strstr(OUT(f), "run as PC01 (the same machine)"));
    assert_int_equal(count(OUT(f), "Done:"), 1);
    /* The first name given is the one run, whichever resolves first. */
    f->m[0].latency_ms = 300;
    assert_int_equal(RUN(f, "status", "--computer", "pc01-alias,PC01"), 0);
    assert_int_equal(f->m[0].opens, 2);
    assert_non_null(strstr(OUT(f), "=== pc01-alias: success"));
    assert_non_null(strstr(ERR(f), "wufix: PC01: the same machine as pc01-alias"));
    f->m[0].latency_ms = 0;
    /* This machine's addresses, 127.0.0.1 and its names are one machine,
     * known without DNS: one run here, as a single machine. */
    assert_int_equal(RUN(f, "status", "--computer", "127.0.0.1,192.168.1.50,10.9.9.9,localhost"), 0);
    assert_non_null(strstr(OUT(f), "Update services on FAKEPC:"));
    assert_null(strstr(OUT(f), "Summary"));
    /* A name DNS gives one of this machine's addresses runs here. */
    size_t changes = fake_scm_changes(&f->x->scm);
    assert_int_equal(RUN(f, "restart", "--computer", "wsus-here"), 0);
    assert_true(fake_scm_changes(&f->x->scm) > changes);
    assert_non_null(
        strstr(ERR(f), "wufix: wsus-here: note: wsus-here is this machine (192.168.1.50): run here"));
    assert_non_null(strstr(wf_buf_str(&f->x->fp.journal), "command restart\n"));
    assert_int_equal(RUN(f, "status", "--computer", "lo-alias,PC02,localhost"), 0);
    assert_non_null(strstr(ERR(f), "lo-alias is this machine (127.0.0.1): run here"));
    assert_non_null(strstr(
        ERR(f),
        "wufix: FAKEPC: the same machine as lo-alias (this machine, 127.0.0.1): run once, as lo-alias"));
    assert_int_equal(count(OUT(f), "=== "), 3);
    assert_non_null(strstr(OUT(f), "Summary: status on 3 machines, exit code 0"));
    /* Two names of this machine that DNS gives different addresses of it are
     * one machine: run once, here (b394e12 ran both, at once, on one journal). */
    static const struct fake_alias two[] = {{"wsus-here", "192.168.1.50"}, {"other-here", "10.9.9.9"}};
    f->x->fp.aliases = two;
    f->x->fp.naliases = 2;
    changes = fake_scm_changes(&f->x->scm);
    assert_int_equal(RUN(f, "restart", "--computer", "wsus-here,other-here"), 0);
    assert_non_null(
        strstr(ERR(f), "wufix: other-here: the same machine as wsus-here (this machine, 10.9.9.9): run once, "
                       "as wsus-here"));
    assert_int_equal(count(OUT(f), "Done:"), 1);
    assert_int_equal(count(wf_buf_str(&f->x->fp.journal), "command restart\n"), 1);
    f->x->fp.aliases = aliases;
    f->x->fp.naliases = 3;
    /* --force ends processes here only: a name known only to DNS is refused. */
    assert_int_equal(RUN(f, "restart", "--force", "--computer", "wsus-here"), 2);
    assert_int_equal(RUN(f, "restart", "--force", "--computer", "192.168.1.50,127.0.0.1"), 0);
    /* Other loopback addresses may carry a tunnel to another machine: as named. */
    snprintf(f->m[5].name, sizeof(f->m[5].name), "127.0.0.2");
    assert_int_equal(RUN(f, "status", "--computer", "127.0.0.2"), 0);
    assert_int_equal(f->m[5].opens, 1);
    /* Names that resolve nowhere are not one machine. */
    assert_int_equal(RUN(f, "status", "--json", "--computer", "gone-1,gone-2"), 8);
    assert_int_equal(count(OUT(f), "\"code\":\"name_not_resolved\""), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fleet_precedence),
        cmocka_unit_test_setup_teardown(test_fleet_usage_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_file_of_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_local_names_mean_here, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_sections_and_summary, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_json_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_hanging_machine_holds_up_nobody, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_rollback_on_one_machine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_ctrl_c_in_flight, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_killed_run_recovered_per_machine, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_remote_check_says_what_it_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fleet_remote_check_judges_no_address_by_this_dns, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_fleet_rights_and_lock_once, setup, teardown),
        cmocka_unit_test(test_fleet_addresses),
        cmocka_unit_test_setup_teardown(test_fleet_one_machine_named_twice_runs_once, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_hosts.c - hosts file lines that send Windows Update's servers
 * elsewhere: found as an error with the line, commented out by repair (every
 * other byte kept, the file copied aside first), given back byte for byte by
 * undo, which refuses a file changed since. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/base/sha256.h"
#include "wufix/mech/hosts.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/trust.h"

#define HOSTS     "C:\\Windows\\System32\\drivers\\etc\\hosts"
#define ASIDE     HOSTS ".wufix-20261202-120000"
#define KEY_TCPIP "SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters"

/* The comments of the hosts file Windows ships, then an excerpt of
 * WindowsSpyBlocker's data/hosts/update.txt (github.com/crazy-max/
 * WindowsSpyBlocker, MIT, at 7df0ded, 2022-12-23) as its users append it,
 * CRLF line ends, and a line of the user's own. 7 lines block updates. */
static const char spyblocker[] = "# Copyright (c) 1993-2009 Microsoft Corp.\r\n"
                                 "#\r\n"
                                 "# This is a sample HOSTS file used by Microsoft TCP/IP for Windows.\r\n"
                                 "#\r\n"
                                 "#\t127.0.0.1       localhost\r\n"
                                 "#\t::1             localhost\r\n"
                                 "\r\n"
                                 "### WindowsSpyBlocker - Hosts update rules\r\n"
                                 "### License: MIT\r\n"
                                 "### Updated: 2022-05-16T13:25:00Z02:12\r\n"
                                 "\r\n"
                                 "0.0.0.0 00001b-1.l.windowsupdate.com\r\n"
                                 "0.0.0.0 am3p.wns.windows.com\r\n"
                                 "0.0.0.0 array101-prod.do.dsp.mp.microsoft.com\r\n"
                                 "0.0.0.0 displaycatalog.mp.microsoft.com\r\n"
                                 "0.0.0.0 fe2.update.microsoft.com\r\n"
                                 "0.0.0.0 fe3.delivery.mp.microsoft.com\r\n"
                                 "0.0.0.0 download.microsoft.com\r\n"
                                 "0.0.0.0 tsfe.trafficshaping.dsp.mp.microsoft.com\r\n"
                                 "0.0.0.0 windowsupdate.com\r\n"
                                 "0.0.0.0 wns2-db5p.wns.windows.com\r\n"
                                 "192.168.1.20\tnas.home   # mine\r\n";

static size_t scan(const char *text, char *out, size_t *out_n, char *first)
{
    size_t at, len, n = wf_hosts_scan((const uint8_t *)text, strlen(text), &at, &len, (uint8_t *)out, out_n);
    if (first) {
        memcpy(first, text + at, len);
        first[len] = '\0';
    }
    if (out)
        out[*out_n] = '\0';
    return n;
}

static void test_hosts_scan_finds_update_servers_only(void **state)
{
    (void)state;
    char out[4096], first[256];
    size_t n;
    assert_int_equal(scan(spyblocker, out, &n, first), 7);
    assert_string_equal(first, "0.0.0.0 00001b-1.l.windowsupdate.com\r");
    assert_int_equal(n, strlen(spyblocker) + 7 * strlen(WF_HOSTS_MARK));
    assert_non_null(strstr(out, "\r\n# wufix: 0.0.0.0 fe3.delivery.mp.microsoft.com\r\n"));
    assert_non_null(strstr(out, "\r\n0.0.0.0 am3p.wns.windows.com\r\n")); /* not Windows Update's */
    assert_non_null(strstr(out, "\r\n0.0.0.0 displaycatalog.mp.microsoft.com\r\n"));
    assert_non_null(strstr(out, "\r\n192.168.1.20\tnas.home   # mine\r\n"));
    /* Only the marks were added. */
    char back[4096];
    size_t o = 0;
    for (const char *p = out; *p;)
        if (strncmp(p, WF_HOSTS_MARK, strlen(WF_HOSTS_MARK)) == 0)
            p += strlen(WF_HOSTS_MARK);
        else
            back[o++] = *p++;
    back[o] = '\0';
    assert_string_equal(back, spyblocker);
}

static void test_hosts_scan_reads_lines_as_windows_does(void **state)
{
    (void)state;
    char out[512];
    size_t n;
    /* Comments, a name that only ends like one, no address, an address alone. */
    assert_int_equal(scan("# 0.0.0.0 fe3.delivery.mp.microsoft.com\n"
                          "127.0.0.1 localhost # fe3.delivery.mp.microsoft.com\n"
                          "0.0.0.0 notwindowsupdate.com\n"
                          "fe3.delivery.mp.microsoft.com\n"
                          "0.0.0.0\n",
                          NULL, &n, NULL),
                     0);
    /* Any address, case, tabs, the name after others, a last line without a break. */
    assert_int_equal(scan("::1\tlocalhost\tFE3.Delivery.MP.Microsoft.COM\n"
                          "  10.1.2.3 a b ctldl.windowsupdate.com",
                          out, &n, NULL),
                     2);
    assert_string_equal(out, "# wufix: ::1\tlocalhost\tFE3.Delivery.MP.Microsoft.COM\n"
                             "# wufix:   10.1.2.3 a b ctldl.windowsupdate.com");
    /* A UTF-8 byte order mark stays first; a UTF-16 file is not judged. */
    assert_int_equal(scan("\xEF\xBB\xBF"
                          "0.0.0.0 sls.update.microsoft.com\n",
                          out, &n, NULL),
                     1);
    assert_string_equal(out, "\xEF\xBB\xBF# wufix: 0.0.0.0 sls.update.microsoft.com\n");
    static const uint8_t utf16[] = {0xFF, 0xFE, '0', 0, ' ', 0, 'w', 0};
    size_t at, len;
    assert_int_equal(wf_hosts_scan(utf16, sizeof(utf16), &at, &len, NULL, &n), 0);
    assert_int_equal(n, sizeof(utf16));
}

static void put_hosts(struct fake_scm *f, const char *path, const char *text)
{
    struct fake_file *x = fake_file_put(f, path, strlen(text));
    assert_non_null(x);
    x->content = text;
}

static void sha_of(const struct fake_scm *f, const char *path, char *hex)
{
    struct fake_file *x = fake_file_get((struct fake_scm *)(uintptr_t)f, path);
    assert_non_null(x);
    if (x->bytes)
        wf_sha256_of(x->bytes, x->nbytes, hex);
    else
        wf_sha256_of(x->content, strlen(x->content), hex);
}

static void test_hosts_check_names_the_line(void **state)
{
    struct fake_cli *x = *state;
    put_hosts(&x->scm, HOSTS, spyblocker);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "the hosts file sends Windows Update's servers elsewhere"));
    assert_non_null(strstr(o, HOSTS ": \"0.0.0.0 00001b-1.l.windowsupdate.com\" and 6 more lines"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"hosts_blocks_update\",\"severity\":\"error\""));
    /* The stock file: nothing to say. */
    put_hosts(&x->scm, HOSTS,
              "# Copyright (c) 1993-2009 Microsoft Corp.\r\n#\t127.0.0.1       localhost\r\n");
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_null(strstr(FAKE_OUT(x), "hosts"));
}

static void test_hosts_path_is_databasepath_and_text_is_escaped(void **state)
{
    struct fake_cli *x = *state;
    put_hosts(&x->scm, HOSTS, "0.0.0.0 fe3.delivery.mp.microsoft.com\n");
    fake_reg_set(&x->scm, KEY_TCPIP, "DataBasePath", WF_REG_EXPAND_SZ, "%SystemRoot%\\etc2\\", 0);
    put_hosts(&x->scm, "C:\\Windows\\etc2\\hosts", "0.0.0.0 fe2.update.microsoft.com #\x1b[2J\xff\n");
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(
        strstr(FAKE_OUT(x), "C:\\Windows\\etc2\\hosts: \"0.0.0.0 fe2.update.microsoft.com #?[2J?\""));
    assert_null(strstr(FAKE_OUT(x), "fe3."));
    /* A relative folder is never read. */
    fake_reg_set(&x->scm, KEY_TCPIP, "DataBasePath", WF_REG_SZ, "etc", 0);
    put_hosts(&x->scm, "etc\\hosts", "0.0.0.0 fe2.update.microsoft.com\n");
    assert_int_equal(FAKE_RUN(x, "check"), 0);
}

static void test_hosts_too_large_is_not_read(void **state)
{
    struct fake_cli *x = *state;
    uint8_t *big = calloc(1, WF_HOSTS_MAX + 1);
    assert_non_null(big);
    memcpy(big, "0.0.0.0 fe3.delivery.mp.microsoft.com\n", 38);
    struct fake_file *f = fake_file_put(&x->scm, HOSTS, 0);
    f->bytes = big;
    f->nbytes = WF_HOSTS_MAX + 1;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), HOSTS ": over 16 MiB"));
    assert_null(strstr(FAKE_OUT(x), "sends Windows Update's servers elsewhere"));
    f->nbytes = WF_HOSTS_MAX; /* at the limit: read */
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "sends Windows Update's servers elsewhere"));
    fake_file_remove(&x->scm, HOSTS);
    free(big);
}

static void test_hosts_repair_comments_out_and_undo_gives_back(void **state)
{
    struct fake_cli *x = *state;
    char before[WF_SHA256_HEX], now[WF_SHA256_HEX];
    put_hosts(&x->scm, HOSTS, spyblocker);
    sha_of(&x->scm, HOSTS, before);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "--json"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "{\"kind\":\"hosts_file\",\"from\":"));
    /* The copy first, byte for byte; then the file in place. */
    sha_of(&x->scm, ASIDE, now);
    assert_string_equal(now, before);
    assert_true(fake_scm_log_find(&x->scm, "write_file " ASIDE) <
                fake_scm_log_find(&x->scm, "write_file " HOSTS));
    const struct fake_file *h = fake_file_get(&x->scm, HOSTS);
    char out[4096];
    size_t n;
    scan(spyblocker, out, &n, NULL);
    assert_int_equal(h->nbytes, n);
    assert_memory_equal(h->bytes, out, n);
    char line[256];
    snprintf(line, sizeof(line), "fix hosts %u 7 %s|%s|%s|", (unsigned)strlen(spyblocker), HOSTS, ASIDE,
             before);
    assert_non_null(strstr(wf_buf_str(&x->fp.journal), line));
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    sha_of(&x->scm, HOSTS, now);
    assert_string_equal(now, before);
    assert_non_null(fake_file_get(&x->scm, ASIDE)); /* never deleted */
    assert_int_equal(FAKE_RUN(x, "check"), 1);
}

static void test_hosts_undo_refuses_a_file_changed_since(void **state)
{
    struct fake_cli *x = *state;
    put_hosts(&x->scm, HOSTS, spyblocker);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    put_hosts(&x->scm, HOSTS, "10.0.0.1 intranet\r\n");
    assert_int_not_equal(FAKE_RUN(x, "undo"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "cannot undo: the hosts file " HOSTS
                                        " changed since wufix wrote it; nothing was changed"));
    assert_string_equal(fake_file_get(&x->scm, HOSTS)->content, "10.0.0.1 intranet\r\n");
}

static void test_hosts_repair_refuses_a_file_changed_after_the_plan(void **state)
{
    static struct fake_scm f;
    struct wf_fix fix;
    fake_scm_init(&f);
    (void)state;
    struct wf_host h = fake_scm_host(&f);
    put_hosts(&f, HOSTS, spyblocker);
    assert_int_equal(wf_hosts_plan(&h, &fix), WF_OK);
    assert_int_equal(fix.files, 7);
    assert_string_equal(fix.will.str, ASIDE);
    put_hosts(&f, HOSTS, "0.0.0.0 fe3.delivery.mp.microsoft.com\n");
    char why[1024];
    assert_int_equal(wf_hosts_set(&h, &fix, false, why, sizeof(why)), WF_E_GONE);
    assert_string_equal(why, "the hosts file " HOSTS " changed since wufix wrote it");
    assert_null(fake_file_get(&f, ASIDE));
    /* A copy name taken gets -2. */
    put_hosts(&f, ASIDE, "x");
    assert_int_equal(wf_hosts_plan(&h, &fix), WF_OK);
    assert_string_equal(fix.will.str, ASIDE "-2");
}

/* Repair, its rollback, undo and an undo's rollback: each from the content
 * the one before left. */
static void test_hosts_each_way_from_either_end(void **state)
{
    static struct fake_scm f;
    struct wf_fix fix, rev;
    char orig[WF_SHA256_HEX], now[WF_SHA256_HEX], done[WF_SHA256_HEX];
    (void)state;
    fake_scm_init(&f);
    struct wf_host h = fake_scm_host(&f);
    put_hosts(&f, HOSTS, spyblocker);
    sha_of(&f, HOSTS, orig);
    assert_int_equal(wf_hosts_plan(&h, &fix), WF_OK);
    assert_int_equal(wf_hosts_set(&h, &fix, false, NULL, 0), WF_OK);
    sha_of(&f, HOSTS, done);
    assert_string_equal(done, fix.value);
    assert_int_equal(wf_hosts_set(&h, &fix, false, NULL, 0), WF_OK); /* there already */
    assert_int_equal(wf_hosts_set(&h, &fix, true, NULL, 0), WF_OK);  /* a failed run put back */
    sha_of(&f, HOSTS, now);
    assert_string_equal(now, orig);
    assert_int_equal(wf_hosts_set(&h, &fix, false, NULL, 0), WF_OK); /* again: the copy is its own */
    rev = fix; /* undo's: from what wufix wrote to the copy's */
    memcpy(rev.key, fix.value, WF_SHA256_HEX);
    memcpy(rev.value, fix.key, WF_SHA256_HEX);
    assert_int_equal(wf_hosts_ready(&h, &rev, NULL, 0), WF_OK);
    assert_int_equal(wf_hosts_set(&h, &rev, false, NULL, 0), WF_OK);
    sha_of(&f, HOSTS, now);
    assert_string_equal(now, orig);
    assert_int_equal(wf_hosts_set(&h, &rev, true, NULL, 0), WF_OK); /* a failed undo put back */
    sha_of(&f, HOSTS, now);
    assert_string_equal(now, done);
    /* A copy that is not the file's own is never written back. */
    put_hosts(&f, ASIDE, "0.0.0.0 evil\n");
    char why[1024];
    assert_int_equal(wf_hosts_set(&h, &rev, false, why, sizeof(why)), WF_E_GONE);
    assert_string_equal(why, "the hosts file " HOSTS " has no copy of its own set aside");
    sha_of(&f, HOSTS, now);
    assert_string_equal(now, done);
}

static wf_err trusted(const char *line)
{
    static struct fake_scm scm;
    char text[2048], why[512];
    struct wf_journal j;
    fake_scm_init(&scm);
    struct wf_host h = fake_scm_host(&scm);
    snprintf(text, sizeof(text),
             "wufix-journal 3\ncommand repair\nstarted 2026-11-21T10:00:00Z\npid 9\nopen 0\noutcome ok\n%s\n",
             line);
    assert_int_equal(wf_journal_parse(text, &j), WF_OK);
    return wf_trust_journal(&j, &h, why, sizeof(why));
}

#define SHA "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void test_hosts_journal_may_touch_the_hosts_file_only(void **state)
{
    (void)state;
    assert_int_equal(trusted("fix hosts 10 1 " HOSTS "|" ASIDE "|" SHA "|" SHA), WF_OK);
    assert_int_equal(
        trusted("fix hosts 10 1 C:\\Windows\\win.ini|C:\\Windows\\win.ini.wufix-20261202-120000|" SHA
                "|" SHA),
        WF_E_UNTRUSTED);
    assert_int_equal(trusted("fix hosts 10 1 " HOSTS "|C:\\Users\\Public\\hosts|" SHA "|" SHA),
                     WF_E_UNTRUSTED);
    assert_int_equal(trusted("fix hosts 10 1 " HOSTS "|" ASIDE "|" SHA "|nothex"), WF_E_UNTRUSTED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hosts_scan_finds_update_servers_only),
        cmocka_unit_test(test_hosts_scan_reads_lines_as_windows_does),
        cmocka_unit_test_setup_teardown(test_hosts_check_names_the_line, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_hosts_path_is_databasepath_and_text_is_escaped, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_hosts_too_large_is_not_read, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_hosts_repair_comments_out_and_undo_gives_back, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_hosts_undo_refuses_a_file_changed_since, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test(test_hosts_repair_refuses_a_file_changed_after_the_plan),
        cmocka_unit_test(test_hosts_each_way_from_either_end),
        cmocka_unit_test(test_hosts_journal_may_touch_the_hosts_file_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

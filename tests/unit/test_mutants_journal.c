/* SPDX-License-Identifier: MIT */
/* test_mutants_journal.c - the journal, the checks on it and the revert of a
 * repair, where a small change to journal.c, trust.c or repair.c would go
 * unnoticed otherwise (tests/mutation): a journal matching the anchor's
 * previous value is read (a run stopped between anchor and file can be
 * undone); a rename to a name that does not begin with the cache's path, and
 * WubBlockLists under any other key, are refused; the journal's fix lines at
 * their limit and one past it; revert touches only what was applied, once. */
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
#include "wufix/mech/journal.h"
#include "wufix/mech/repair.h"
#include "wufix/mech/check.h"
#include "wufix/mech/traces.h"
#include "wufix/mech/trust.h"

/* A store: one file, the anchor, and a save that can fail. */
struct store {
    struct wf_buf file;
    char last[WF_SHA256_HEX], before[WF_SHA256_HEX];
    bool save_fails;
    bool closed; /* the anchor's closed mark */
    unsigned anchor_sets;
};

static wf_err s_load(void *self, struct wf_buf *out, char *why, size_t size)
{
    struct store *s = self;
    (void)why;
    (void)size;
    wf_buf_add(out, s->file.data ? s->file.data : "", s->file.len);
    return WF_OK;
}

static wf_err s_save(void *self, const char *data, size_t n)
{
    struct store *s = self;
    if (s->save_fails)
        return WF_E_BUSY;
    s->file.len = 0;
    wf_buf_add(&s->file, data, n);
    return WF_OK;
}

static wf_err s_anchor_get(void *self, char *last, char *before, size_t size, bool *closed)
{
    struct store *s = self;
    *closed = s->closed;
    wf_strlcpy(last, s->last, size);
    wf_strlcpy(before, s->before, size);
    return WF_OK;
}

static wf_err s_anchor_set(void *self, const char *last, const char *before, bool closed)
{
    struct store *s = self;
    s->anchor_sets++;
    s->closed = closed;
    wf_strlcpy(s->last, last, sizeof(s->last));
    wf_strlcpy(s->before, before, sizeof(s->before));
    return WF_OK;
}

static struct wf_store store_of(struct store *s)
{
    return (struct wf_store){
        .load = s_load, .save = s_save, .anchor_get = s_anchor_get, .anchor_set = s_anchor_set, .self = s};
}

#define HEAD                                                                                                 \
    "wufix-journal 2\ncommand restart\nstarted 2026-11-22T02:40:00Z\npid 4242\nopen 1\noutcome -\n"          \
    "service 1 running manual wuauserv\n"

static void file_is(struct store *s, const char *text)
{
    s->file.len = 0;
    wf_buf_puts(&s->file, text);
}

static void hash_of(const char *text, char *hex)
{
    wf_sha256_of(text, strlen(text), hex);
}

/* Anchor set to the new journal, the file not written yet (a run killed in
 * between): the file on disk matches the anchor's previous value and is read. */
static void test_journal_matching_the_previous_anchor_is_read(void **state)
{
    (void)state;
    struct store s = {0};
    struct wf_store st = store_of(&s);
    static struct wf_journal j; /* 2 MB: off the stack */
    char why[256];
    wf_buf_init(&s.file);
    file_is(&s, HEAD);
    hash_of(HEAD "service 1 running manual UsoSvc\n", s.last);
    hash_of(HEAD, s.before);
    assert_int_equal(wf_journal_load(&j, &st, why, sizeof(why)), WF_OK);
    assert_string_equal(j.command, "restart");
    assert_true(j.open);
    /* Matching neither: refused. */
    hash_of("something else", s.before);
    assert_int_equal(wf_journal_load(&j, &st, why, sizeof(why)), WF_E_UNTRUSTED);
    wf_buf_release(&s.file);
}

/* A save that fails puts the anchor back as it was: the journal on disk
 * stays vouched for. An empty journal is no journal. */
static void test_journal_failed_save_puts_the_anchor_back(void **state)
{
    (void)state;
    struct store s = {0};
    struct wf_store st = store_of(&s);
    static struct wf_journal j, k; /* 2 MB each: off the stack */
    char why[256];
    wf_buf_init(&s.file);
    file_is(&s, HEAD);
    hash_of(HEAD, s.last);
    wf_strlcpy(s.before, "0123", sizeof(s.before));
    assert_int_equal(wf_journal_load(&j, &st, why, sizeof(why)), WF_OK);
    j.open = false;
    s.save_fails = true;
    assert_int_not_equal(wf_journal_save(&j, &st), WF_OK);
    char want[WF_SHA256_HEX];
    hash_of(HEAD, want);
    assert_string_equal(s.last, want);
    assert_string_equal(s.before, "0123");
    assert_int_equal(wf_journal_load(&k, &st, why, sizeof(why)), WF_OK);
    assert_true(k.open);
    file_is(&s, "");
    s.last[0] = s.before[0] = '\0';
    assert_int_equal(wf_journal_load(&k, &st, why, sizeof(why)), WF_E_NO_SERVICE);
    wf_buf_release(&s.file);
}

static void fix_lines(struct wf_buf *b, size_t n)
{
    wf_buf_puts(b, HEAD);
    for (size_t i = 0; i < n; i++)
        wf_buf_printf(b, "fix start disabled manual wuauserv%s\n", "");
}

/* The journal holds WF_JOURNAL_FIXES fix lines: the last one read, one more refused. */
static void test_journal_fix_lines_at_their_limit(void **state)
{
    (void)state;
    struct wf_buf b;
    struct wf_journal *j = malloc(sizeof(*j));
    assert_non_null(j);
    wf_buf_init(&b);
    fix_lines(&b, WF_JOURNAL_FIXES);
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), j), WF_OK);
    assert_int_equal(j->nfix, WF_JOURNAL_FIXES);
    assert_string_equal(j->fix[WF_JOURNAL_FIXES - 1].service, "wuauserv");
    b.len = 0;
    fix_lines(&b, WF_JOURNAL_FIXES + 1);
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), j), WF_E_JOURNAL);
    wf_buf_release(&b);
    free(j);
}

/* A repair's fixes join the journal's up to its limit, each marked applied
 * (reverting one not applied rewrites its own value). */
static void test_journal_add_fixes_up_to_the_limit(void **state)
{
    (void)state;
    struct wf_journal *j = calloc(1, sizeof(*j));
    struct wf_repair *r = calloc(1, sizeof(*r));
    assert_non_null(j);
    assert_non_null(r);
    r->n = 3;
    for (size_t i = 0; i < r->n; i++) {
        r->fix[i].kind = WF_FIX_START;
        snprintf(r->fix[i].service, sizeof(r->fix[i].service), "svc%zu", i);
    }
    j->nfix = WF_JOURNAL_FIXES - 2;
    wf_journal_add_fixes(j, r);
    assert_int_equal(j->nfix, WF_JOURNAL_FIXES);
    assert_string_equal(j->fix[WF_JOURNAL_FIXES - 1].service, "svc1");
    assert_true(j->fix[WF_JOURNAL_FIXES - 2].applied);
    assert_true(j->fix[WF_JOURNAL_FIXES - 1].applied);
    free(r);
    free(j);
}

/* Lines wufix never writes. */
static void test_journal_lines_wufix_never_writes(void **state)
{
    (void)state;
    struct wf_journal *j = malloc(sizeof(*j));
    static const char *const bad[] = {
        "wufix-journal 4\ncommand restart\n",                 /* a version from the future */
        "wufix-journal 2\npid 1\n",                           /* no command */
        HEAD "service 1 sleeping manual BITS\n",              /* no such state */
        HEAD "fix start disabled manual \n",                  /* no name */
        HEAD "fix reg sz 0 SYSTEM\\x|Debugger\n",             /* no value recorded */
        HEAD "fix rename 1 1 |C:\\x.wufix-20261121-100000\n", /* nothing renamed */
        HEAD "fix rename 1 1 C:\\x|\n",                       /* renamed to nothing */
        HEAD "fix image wuauserv|C:\\%00x.exe\n",             /* a NUL */
        HEAD "fix image wuauserv|C:\\%0Gx.exe\n",             /* not hex */
        "wufix-journal 2\ncommand restart\noutcome ok\tx\n",  /* a control byte */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(wf_journal_parse(bad[i], j), WF_E_JOURNAL);
    }
    /* An open flag other than 1 is closed; a version 1 journal's % is itself. */
    assert_int_equal(wf_journal_parse("wufix-journal 2\ncommand stop\nopen 2\n", j), WF_OK);
    assert_false(j->open);
    assert_int_equal(wf_journal_parse("wufix-journal 1\ncommand repair\nfix image wuauserv|C:\\%41.exe\n", j),
                     WF_OK);
    assert_string_equal(j->fix[0].was.str, "C:\\%41.exe");
    free(j);
}

/* Service lines: 32 (a plan's services) read, the 33rd refused; a line
 * with no name after its fourth word refused. */
static void test_journal_service_lines_at_their_limit(void **state)
{
    (void)state;
    struct wf_journal *j = malloc(sizeof(*j));
    struct wf_buf b;
    wf_buf_init(&b);
    wf_buf_puts(&b, "wufix-journal 2\ncommand restart\n");
    for (int i = 0; i < WF_PLAN_MAX; i++)
        wf_buf_printf(&b, "service 0 running manual Svc%d\n", i);
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), j), WF_OK);
    assert_int_equal(j->nsvc, WF_PLAN_MAX);
    assert_string_equal(j->svc[WF_PLAN_MAX - 1].name, "Svc31");
    wf_buf_puts(&b, "service 0 running manual OneMore\n");
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), j), WF_E_JOURNAL);
    assert_int_equal(wf_journal_parse("wufix-journal 2\ncommand restart\nservice 1 running manual \n", j),
                     WF_E_JOURNAL);
    wf_buf_release(&b);
    free(j);
}

/* A control byte, a '|' and a '%' in a value are written escaped and read
 * back exactly. */
static void test_journal_values_escaped_exactly(void **state)
{
    (void)state;
    struct wf_journal *j = calloc(1, sizeof(*j)), *k = malloc(sizeof(*k));
    struct wf_buf b;
    wf_buf_init(&b);
    wf_strlcpy(j->command, "repair", sizeof(j->command));
    j->nfix = 1;
    j->fix[0].kind = WF_FIX_IMAGE;
    wf_strlcpy(j->fix[0].service, "wuauserv", sizeof(j->fix[0].service));
    wf_strlcpy(j->fix[0].was.str, "C:\\a\x1f|b%c\x7f.exe", sizeof(j->fix[0].was.str));
    wf_journal_format(j, &b);
    assert_non_null(strstr(wf_buf_str(&b), "fix image wuauserv|C:\\a%1F%7Cb%25c%7F.exe\n"));
    assert_int_equal(wf_journal_parse(wf_buf_str(&b), k), WF_OK);
    assert_string_equal(k->fix[0].was.str, "C:\\a\x1f|b%c\x7f.exe");
    wf_buf_release(&b);
    free(j);
    free(k);
}

/* The checks on a journal's lines */

static const char *const head = "wufix-journal 2\ncommand repair\nstarted 2026-11-21T10:00:00Z\npid 99\n"
                                "open 0\noutcome ok\nservice 1 running manual wuauserv\n";

static wf_err validate(const char *lines, char *why, size_t size)
{
    char text[4096];
    struct wf_journal *j = malloc(sizeof(*j));
    struct fake_scm *scm = malloc(sizeof(*scm));
    fake_scm_init(scm);
    fake_scm_windows(scm);
    struct wf_host h = fake_scm_host(scm);
    snprintf(text, sizeof(text), "%s%s", head, lines);
    assert_int_equal(wf_journal_parse(text, j), WF_OK);
    wf_err e = wf_trust_journal(j, &h, why, size);
    free(scm);
    free(j);
    return e;
}

#define SD "C:\\Windows\\SoftwareDistribution"
#define DL "C:\\ProgramData\\Microsoft\\Network\\Downloader"

static void test_trust_lines_wufix_never_writes(void **state)
{
    (void)state;
    char why[512];
    static const char *const bad[] = {
        /* A rename to a name that does not begin with the cache's path. */
        "fix rename 1 1 " SD "|D:\\Windows\\SoftwareDistribution.wufix-20261121-100000\n",
        "fix rename 1 1 " SD "|" SD ".wufix-2026112x-100000\n",
        "fix rename 1 1 " SD "|" SD ".wufix-20261121-100000-01\n",
        "fix rename 1 1 " SD "|" SD ".wufix-20261121-10000\n",
        /* A queue file elsewhere, or not a queue file. */
        "fix rename 1 1 C:\\Windows\\System32\\config\\qmgr0.dat|C:\\Windows\\System32\\config\\qmgr0.dat"
        ".wufix-20261121-100000\n",
        "fix rename 1 1 " DL "\\qmgr0.txt|" DL "\\qmgr0.txt.wufix-20261121-100000\n",
        "fix rename 1 1 " DL "\\sub\\qmgr0.dat|" DL "\\sub\\qmgr0.dat.wufix-20261121-100000\n",
        "fix rename 1 1 " DL "X\\qmgr0.dat|" DL "X\\qmgr0.dat.wufix-20261121-100000\n",
        "fix rename 1 1 " DL "|" DL ".wufix-20261121-100000\n",
        /* A file beside the cache whose name begins with the cache's. */
        "fix rename 1 1 " DL "Xqmgr0.dat|" DL "Xqmgr0.dat.wufix-20261121-100000\n",
        /* A queue file in a folder of the same length that is not the cache's. */
        "fix rename 1 1 C:\\ProgramData\\Microsoft\\Network\\Xownloader\\qmgr0.dat|"
        "C:\\ProgramData\\Microsoft\\Network\\Xownloader\\qmgr0.dat.wufix-20261121-100000\n",
        /* WubBlockLists anywhere but under the IFEO key itself. */
        "fix reg multi 0 SYSTEM\\CurrentControlSet\\Services\\wuauserv|" WF_VALUE_WUB_LISTS "|x\n",
        "fix reg multi 0 " WF_KEY_IFEO "sethc.exe|" WF_VALUE_WUB_LISTS "|x\n",
        /* A value under a key of the tables that is not that key's. */
        "fix reg sz 0 SYSTEM\\CurrentControlSet\\Services\\Spooler\\Parameters|ServiceDll|x\n",
        "fix reg sz 0 SYSTEM\\CurrentControlSet\\Services\\wuauserv\\Parameters|WubLock|x\n",
        "fix reg sz 0 " WF_KEY_IFEO "sethc.exe|Debugger|x\n",
        "fix reg sz 0 SYSTEM\\CurrentControlSet\\Services\\Spooler|WubLock|x\n",
        /* A service only by the start of its name. */
        "fix start disabled manual wuauserv2\n",
        /* A service of the table in another case than the table's (wufix writes the table's). */
        "fix image WUAUSERV|C:\\x.exe\n",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_int_equal(validate(bad[i], why, sizeof(why)), WF_E_UNTRUSTED);
    }
    /* An outsider's name with a backslash; a command that changes nothing. */
    assert_int_equal(validate("service 0 running manual ..\\x\n", why, sizeof(why)), WF_E_UNTRUSTED);
    char text[512];
    struct wf_journal *j = malloc(sizeof(*j));
    struct fake_scm *scm = malloc(sizeof(*scm));
    fake_scm_init(scm);
    struct wf_host h = fake_scm_host(scm);
    snprintf(text, sizeof(text), "wufix-journal 2\ncommand status\n");
    assert_int_equal(wf_journal_parse(text, j), WF_OK);
    assert_int_equal(wf_trust_journal(j, &h, why, sizeof(why)), WF_E_UNTRUSTED);
    free(scm);
    free(j);
}

static void test_trust_lines_wufix_writes(void **state)
{
    (void)state;
    char why[512];
    static const char *const good[] = {
        "fix rename 1 1 " SD "|" SD ".wufix-20261121-100000-99\n",
        "fix rename 1 1 " DL "\\QMGR1.DAT|" DL "\\QMGR1.DAT.wufix-20261121-100000\n",
        "fix reg multi 0 " WF_KEY_IFEO_ROOT "|" WF_VALUE_WUB_LISTS "|x\n",
        "service 0 running manual AppIDSvc\n",
    };
    for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
        assert_int_equal(validate(good[i], why, sizeof(why)), WF_OK);
    }
}

/* The state folder: an entry whose SID could not be read ("") that may
 * write is not trusted, even when no other owner is also allowed (""). */
static void test_trust_folder_entry_with_no_sid(void **state)
{
    (void)state;
    struct wf_folder_sec s;
    char why[256];
    memset(&s, 0, sizeof(s));
    wf_strlcpy(s.owner, "S-1-5-32-544", sizeof(s.owner));
    s.has_dacl = true;
    s.nace = 2;
    s.ace[0].kind = WF_ACE_ALLOW;
    s.ace[0].mask = 0x1F01FFu;
    wf_strlcpy(s.ace[0].sid, "S-1-5-18", sizeof(s.ace[0].sid));
    s.ace[1].kind = WF_ACE_ALLOW;
    s.ace[1].mask = 0x1F01FFu;
    assert_int_equal(wf_trust_folder(&s, "", why, sizeof(why)), WF_E_UNTRUSTED);
    assert_int_equal(wf_trust_folder(&s, NULL, why, sizeof(why)), WF_E_UNTRUSTED);
    s.nace = 1;
    assert_int_equal(wf_trust_folder(&s, "", why, sizeof(why)), WF_OK);
}

/* Revert: only the fixes applied, each once, the last first; the first
 * failure is the answer and the others are still tried. */
static void test_repair_revert_only_what_was_applied_once(void **state)
{
    (void)state;
    struct fake_scm *f = calloc(1, sizeof(*f));
    struct wf_repair *r = calloc(1, sizeof(*r));
    fake_scm_init(f);
    fake_scm_windows(f);
    struct wf_backend b = fake_scm_backend(f);
    struct wf_host h = fake_scm_host(f);
    static const char *const values[] = {"a", "b", "c"};
    r->n = 3;
    for (size_t i = 0; i < 3; i++) {
        struct wf_fix *x = &r->fix[i];
        x->kind = WF_FIX_REG;
        wf_strlcpy(x->key, "SOFTWARE\\k", sizeof(x->key));
        wf_strlcpy(x->value, values[i], sizeof(x->value));
        x->was.type = WF_REG_SZ;
        wf_strlcpy(x->was.str, "old", sizeof(x->was.str));
        x->will.type = WF_REG_NONE;
    }
    r->fix[0].applied = true;
    r->fix[2].applied = true;
    assert_int_equal(wf_repair_revert(r, &b, &h), WF_OK);
    assert_int_equal(fake_scm_log_count(f, "reg_write"), 2);
    assert_non_null(fake_reg_get(f, "SOFTWARE\\k", "a"));
    assert_null(fake_reg_get(f, "SOFTWARE\\k", "b"));
    assert_true(fake_scm_log_find(f, "reg_write c") < fake_scm_log_find(f, "reg_write a"));
    assert_false(r->fix[0].applied);
    assert_int_equal(wf_repair_revert(r, &b, &h), WF_OK);
    assert_int_equal(fake_scm_log_count(f, "reg_write"), 2);
    /* A failure: reported, the others still put back. */
    r->fix[0].applied = r->fix[1].applied = r->fix[2].applied = true;
    fake_scm_script(f, "reg_write", "", 5, 1);
    assert_int_equal(wf_repair_revert(r, &b, &h), WF_E_ACCESS);
    assert_true(r->fix[2].applied);
    assert_false(r->fix[1].applied);
    assert_false(r->fix[0].applied);
    free(r);
    free(f);
}

/* A repair holds WF_FIXES_MAX fixes: problems past them are left for the next run. */
static void test_repair_fixes_full_and_one_past(void **state)
{
    (void)state;
    struct fake_scm *f = calloc(1, sizeof(*f));
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_repair *r = calloc(1, sizeof(*r));
    fake_scm_init(f);
    struct wf_backend b = fake_scm_backend(f);
    struct wf_host h = fake_scm_host(f);
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    for (size_t i = 0; i < WF_FIXES_MAX + 1; i++)
        assert_non_null(
            wf_check_add(c, "wuauserv", "blocker_wub_blocklists", WF_SEV_WARNING, true, "x", "y"));
    assert_int_equal(wf_repair_plan(c, p, &b, &h, r), WF_OK);
    assert_int_equal(r->n, WF_FIXES_MAX);
    assert_string_equal(r->fix[WF_FIXES_MAX - 1].value, WF_VALUE_WUB_LISTS);
    /* And a problem that is not fixable gives no fix. */
    c->n = 0;
    assert_non_null(wf_check_add(c, "wuauserv", "blocker_wub_blocklists", WF_SEV_WARNING, false, "x", "y"));
    assert_int_equal(wf_repair_plan(c, p, &b, &h, r), WF_OK);
    assert_int_equal(r->n, 0);
    wf_plan_free(p);
    free(r);
    wf_check_release(c);
    free(c);
    free(f);
}

/* A descriptor read back empty (as Wine gives it) is not written back by a
 * revert: nothing valid to write. One read back is. */
static void test_repair_revert_of_an_empty_descriptor(void **state)
{
    (void)state;
    struct fake_scm *f = calloc(1, sizeof(*f));
    struct wf_repair *r = calloc(1, sizeof(*r));
    fake_scm_init(f);
    fake_scm_windows(f);
    struct wf_backend b = fake_scm_backend(f);
    struct wf_host h = fake_scm_host(f);
    r->n = 1;
    r->fix[0].kind = WF_FIX_SDDL;
    wf_strlcpy(r->fix[0].service, "wuauserv", sizeof(r->fix[0].service));
    r->fix[0].applied = true;
    assert_int_equal(wf_repair_revert(r, &b, &h), WF_OK);
    assert_int_equal(fake_scm_log_count(f, "set_security"), 0);
    wf_strlcpy(r->fix[0].was.str, "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)", sizeof(r->fix[0].was.str));
    r->fix[0].applied = true;
    assert_int_equal(wf_repair_revert(r, &b, &h), WF_OK);
    assert_int_equal(fake_scm_log_count(f, "set_security"), 1);
    free(r);
    free(f);
}

/* A descriptor that cannot be read is recorded as none, whatever the
 * failed call left in the buffer. */
static wf_err half_read(void *self, const char *name, char *sddl, size_t size)
{
    (void)self;
    (void)name;
    wf_strlcpy(sddl, "D:(A;;GA;;;WD)", size); /* written, then the call failed */
    return WF_E_SYSTEM;
}

static void test_repair_unreadable_descriptor_recorded_as_none(void **state)
{
    (void)state;
    struct fake_scm *f = calloc(1, sizeof(*f));
    struct wf_check *c = calloc(1, sizeof(*c));
    struct wf_repair *r = calloc(1, sizeof(*r));
    fake_scm_init(f);
    fake_scm_windows(f);
    struct wf_backend inner = fake_scm_backend(f);
    struct wf_backend_ops ops = *inner.ops;
    ops.security = half_read;
    struct wf_backend b = {.ops = &ops, .self = inner.self};
    struct wf_host h = fake_scm_host(f);
    struct wf_plan *p = wf_plan_new(WF_OP_STATUS);
    c->build = 19045;
    assert_non_null(
        wf_check_add(c, "wuauserv", "security_descriptor", WF_SEV_ERROR, true, "denies start", "D:..."));
    assert_int_equal(wf_repair_plan(c, p, &b, &h, r), WF_OK);
    assert_int_equal(r->n, 1);
    assert_int_equal(r->fix[0].kind, WF_FIX_SDDL);
    assert_string_equal(r->fix[0].was.str, "");
    assert_true(r->fix[0].will.str[0] != '\0');
    wf_plan_free(p);
    free(r);
    wf_check_release(c);
    free(c);
    free(f);
}

/* Apply stops at the first failure, marking only what it changed. */
static void test_repair_apply_stops_at_a_failure(void **state)
{
    (void)state;
    struct fake_scm *f = calloc(1, sizeof(*f));
    struct wf_repair *r = calloc(1, sizeof(*r));
    fake_scm_init(f);
    fake_scm_windows(f);
    struct wf_backend b = fake_scm_backend(f);
    struct wf_host h = fake_scm_host(f);
    r->n = 3;
    for (size_t i = 0; i < 3; i++) {
        struct wf_fix *x = &r->fix[i];
        x->kind = WF_FIX_REG;
        snprintf(x->key, sizeof(x->key), "SOFTWARE\\k%zu", i);
        wf_strlcpy(x->value, "v", sizeof(x->value));
        x->will.type = WF_REG_SZ;
        wf_strlcpy(x->will.str, "new", sizeof(x->will.str));
    }
    fake_scm_script(f, "reg_write", "", 5, 1);
    assert_int_equal(wf_repair_apply(r, &b, &h), WF_E_ACCESS);
    assert_false(r->fix[0].applied);
    assert_int_equal(fake_scm_log_count(f, "reg_write"), 1);
    assert_int_equal(wf_repair_apply(r, &b, &h), WF_OK);
    assert_true(r->fix[0].applied && r->fix[1].applied && r->fix[2].applied);
    free(r);
    free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_journal_matching_the_previous_anchor_is_read),
        cmocka_unit_test(test_journal_failed_save_puts_the_anchor_back),
        cmocka_unit_test(test_journal_fix_lines_at_their_limit),
        cmocka_unit_test(test_journal_add_fixes_up_to_the_limit),
        cmocka_unit_test(test_journal_lines_wufix_never_writes),
        cmocka_unit_test(test_journal_values_escaped_exactly),
        cmocka_unit_test(test_journal_service_lines_at_their_limit),
        cmocka_unit_test(test_trust_lines_wufix_never_writes),
        cmocka_unit_test(test_trust_lines_wufix_writes),
        cmocka_unit_test(test_trust_folder_entry_with_no_sid),
        cmocka_unit_test(test_repair_revert_only_what_was_applied_once),
        cmocka_unit_test(test_repair_apply_stops_at_a_failure),
        cmocka_unit_test(test_repair_fixes_full_and_one_past),
        cmocka_unit_test(test_repair_revert_of_an_empty_descriptor),
        cmocka_unit_test(test_repair_unreadable_descriptor_recorded_as_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

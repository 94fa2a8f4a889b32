/* SPDX-License-Identifier: MIT */
/* test_trust.c - no standard user can steer an elevated wufix: the state
 * folder's trust decision, the journal's anchor and validation, the lock, and
 * the attacks themselves through whole commands on the fake. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/base/sha256.h"
#include "wufix/mech/check.h"
#include "wufix/mech/traces.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/trust.h"

#define JOURNAL(x) wf_buf_str(&(x)->fp.journal)
#define SETHC      "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\sethc.exe"
#define IFEO_USO                                                                                             \
    "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\UsoClient.exe"
#define USER_SID "S-1-5-21-1004336348-1177238915-682003330-1001"

/* SHA-256 */

static void test_sha256_known_answers(void **state)
{
    (void)state;
    char hex[WF_SHA256_HEX];
    wf_sha256_of("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    wf_sha256_of("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two =
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"; /* 448 bits: padding spills */
    wf_sha256_of(two, strlen(two), hex);
    assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    /* A million 'a' in pieces of odd sizes: the block boundary anywhere. */
    struct wf_sha256 s;
    char chunk[997];
    memset(chunk, 'a', sizeof(chunk));
    wf_sha256_init(&s);
    size_t left = 1000000;
    for (size_t k = 1; left; k = k % 900 + 13) {
        size_t n = k < left ? k : left;
        wf_sha256_add(&s, chunk, n);
        left -= n;
    }
    wf_sha256_hex(&s, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* The state folder's trust decision */

static void ace(struct wf_folder_sec *s, enum wf_ace_kind kind, bool io, uint32_t mask, const char *sid)
{
    struct wf_ace *a = &s->ace[s->nace++];
    a->kind = kind;
    a->inherit_only = io;
    a->mask = mask;
    wf_strlcpy(a->sid, sid, sizeof(a->sid));
}

/* What wufix makes: owner Administrators; SYSTEM and Administrators full,
 * Users read, all inherited. */
static void trusted_folder(struct wf_folder_sec *s)
{
    memset(s, 0, sizeof(*s));
    wf_strlcpy(s->owner, "S-1-5-32-544", sizeof(s->owner));
    s->has_dacl = true;
    ace(s, WF_ACE_ALLOW, false, 0x1F01FFu, "S-1-5-18");
    ace(s, WF_ACE_ALLOW, false, 0x1F01FFu, "S-1-5-32-544");
    ace(s, WF_ACE_ALLOW, false, 0x120089u, "S-1-5-32-545"); /* FILE_GENERIC_READ */
}

static void test_trust_folder_table(void **state)
{
    (void)state;
    struct wf_folder_sec s;
    char why[256];
    /* Each change is one way a folder can be unsafe (or safe). */
#define CASE(n, body, w, r)                                                                                  \
    {                                                                                                        \
        trusted_folder(&s);                                                                                  \
        body;                                                                                                \
        assert_int_equal(wf_trust_folder(&s, NULL, why, sizeof(why)), w);                                    \
        assert_non_null(strstr(why, r));                                                                     \
        print_message("  %-44s -> %s\n", n, (w) == WF_OK ? "trusted" : why);                                 \
    }
    CASE("the folder wufix makes", (void)0, WF_OK, "");
    CASE("owner a user", wf_strlcpy(s.owner, USER_SID, sizeof(s.owner)), WF_E_UNTRUSTED,
         "its owner is " USER_SID);
    CASE("owner SYSTEM", wf_strlcpy(s.owner, "S-1-5-18", sizeof(s.owner)), WF_OK, "");
    CASE("owner TrustedInstaller", wf_strlcpy(s.owner, WF_SID_TRUSTED_INSTALLER, sizeof(s.owner)), WF_OK, "");
    CASE("owner unreadable", s.owner[0] = '\0', WF_E_UNTRUSTED, "owner cannot be read");
    CASE("Users may append (add a subfolder)", ace(&s, WF_ACE_ALLOW, false, 0x4u, "S-1-5-32-545"),
         WF_E_UNTRUSTED, "S-1-5-32-545 may write");
    CASE("Users may add a file", ace(&s, WF_ACE_ALLOW, false, 0x2u, "S-1-5-32-545"), WF_E_UNTRUSTED,
         "S-1-5-32-545 may write");
    CASE("an entry with WRITE_DAC only", ace(&s, WF_ACE_ALLOW, false, 0x40000u, "S-1-5-11"), WF_E_UNTRUSTED,
         "S-1-5-11 may write to it (rights 0x00040000)");
    CASE("WRITE_OWNER only", ace(&s, WF_ACE_ALLOW, false, 0x80000u, USER_SID), WF_E_UNTRUSTED, USER_SID);
    CASE("DELETE only", ace(&s, WF_ACE_ALLOW, false, 0x10000u, USER_SID), WF_E_UNTRUSTED, USER_SID);
    CASE("delete children only", ace(&s, WF_ACE_ALLOW, false, 0x40u, USER_SID), WF_E_UNTRUSTED, USER_SID);
    CASE("GENERIC_WRITE", ace(&s, WF_ACE_ALLOW, false, 0x40000000u, "S-1-1-0"), WF_E_UNTRUSTED, "S-1-1-0");
    CASE("GENERIC_ALL", ace(&s, WF_ACE_ALLOW, false, 0x10000000u, "S-1-1-0"), WF_E_UNTRUSTED, "S-1-1-0");
    /* CREATOR OWNER on what is created in it: whoever may create there,
     * and only SYSTEM and Administrators may. */
    CASE("CREATOR OWNER inherit-only full control", ace(&s, WF_ACE_ALLOW, true, 0x1F01FFu, "S-1-3-0"), WF_OK,
         "");
    CASE("Users inherit-only modify (what wufix creates in it)",
         ace(&s, WF_ACE_ALLOW, true, 0x1301BFu, "S-1-5-32-545"), WF_E_UNTRUSTED,
         "inherited by what is created in it");
    CASE("Users inherit-only read and execute", ace(&s, WF_ACE_ALLOW, true, 0xA0000000u, "S-1-5-32-545"),
         WF_OK, "");
    CASE("an ACE type wufix does not know", ace(&s, WF_ACE_OTHER, false, 0x2u, USER_SID), WF_E_UNTRUSTED,
         USER_SID);
    CASE("a deny of writes to Everyone", ace(&s, WF_ACE_DENY, false, 0x1F01FFu, "S-1-1-0"), WF_OK, "");
    CASE("Everyone may read and traverse", ace(&s, WF_ACE_ALLOW, false, 0x1200A9u, "S-1-1-0"), WF_OK, "");
    CASE("a NULL DACL", s.has_dacl = false, WF_E_UNTRUSTED, "no access list");
    CASE("a reparse point", s.reparse = true, WF_E_UNTRUSTED, "a link");
    CASE("a file", s.not_folder = true, WF_E_UNTRUSTED, "a file, not a folder");
    CASE("more entries than wufix reads", s.more_aces = true, WF_E_UNTRUSTED, "more than");
#undef CASE
    /* Under Wine every file's owner is the account wufix runs as: that one
     * account, and only when the platform names it, is accepted too. */
    trusted_folder(&s);
    wf_strlcpy(s.owner, USER_SID, sizeof(s.owner));
    ace(&s, WF_ACE_ALLOW, false, 0x1F01FFu, USER_SID);
    assert_int_equal(wf_trust_folder(&s, USER_SID, why, sizeof(why)), WF_OK);
    assert_int_equal(wf_trust_folder(&s, NULL, why, sizeof(why)), WF_E_UNTRUSTED);
    ace(&s, WF_ACE_ALLOW, false, 0x2u, "S-1-1-0");
    assert_int_equal(wf_trust_folder(&s, USER_SID, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "S-1-1-0 may write"));
}

/* Journal validation */

static const char *const head = "wufix-journal 1\ncommand repair\nstarted 2026-11-21T10:00:00Z\npid 99\n"
                                "open 0\noutcome ok\nservice 1 running manual wuauserv\n";

static wf_err validate(struct fake_scm *scm, const char *lines, char *why, size_t size)
{
    char text[4096];
    static struct wf_journal j; /* 2 MB: off the stack */
    struct wf_host h = fake_scm_host(scm);
    snprintf(text, sizeof(text), "%s%s", head, lines);
    assert_int_equal(wf_journal_parse(text, &j), WF_OK);
    return wf_trust_journal(&j, &h, why, size);
}

static void test_trust_journal_allows_only_what_wufix_changes(void **state)
{
    (void)state;
    struct fake_scm scm;
    char why[512];
    fake_scm_init(&scm);
    fake_scm_windows(&scm);
    /* Every kind of line wufix writes. */
    assert_int_equal(
        validate(&scm,
                 "service 0 running manual AppIDSvc\n"
                 "fix start disabled manual wuauserv\n"
                 "fix start disabled manual wlidsvc\n"
                 "fix reg dword 0 " WF_KEY_DO_CONFIG "|DODownloadMode|-\n"
                 "fix image UsoSvc|C:\\blocker\\nothing.exe\n"
                 "fix sddl wuauserv|D:(D;;RPWP;;;WD)\n"
                 "fix deps BITS|RpcSs,Blocker\n"
                 "fix reg sz 0 " IFEO_USO "|Debugger|/\n"
                 "fix reg dword 1 SYSTEM\\CurrentControlSet\\Services\\wuauserv|WubLock|-\n"
                 "fix reg expand 0 SYSTEM\\CurrentControlSet\\Services\\wuauserv\\Parameters|"
                 "ServiceDll|C:\\x.dll\n"
                 "fix rename 10 1 C:\\Windows\\SoftwareDistribution|"
                 "C:\\Windows\\SoftwareDistribution.wufix-20261121-100000\n"
                 "fix rename 10 1 C:\\Windows\\System32\\catroot2|"
                 "C:\\Windows\\System32\\catroot2.wufix-20261121-100000-2\n"
                 "fix rename 10 1 C:\\ProgramData\\Microsoft\\Network\\Downloader\\qmgr0.dat|"
                 "C:\\ProgramData\\Microsoft\\Network\\Downloader\\qmgr0.dat.wufix-20261121-100000\n",
                 why, sizeof(why)),
        WF_OK);
    /* And each line an attacker would write instead. */
    static const struct {
        const char *line, *reason;
    } bad[] = {
        {"fix reg sz 0 " SETHC "|Debugger|C:\\Users\\Public\\evil.exe\n", "sethc.exe"},
        {"fix reg sz 0 " IFEO_USO "|GlobalFlag|512\n", "UsoClient.exe"},
        {"fix reg sz 0 SYSTEM\\CurrentControlSet\\Services\\Spooler\\Parameters|ServiceDll|x\n", "Spooler"},
        {"fix image Spooler|C:\\Users\\Public\\evil.exe\n", "Spooler"},
        {"fix sddl Spooler|D:(A;;GA;;;WD)\n", "Spooler"},
        {"fix start disabled auto Spooler\n", "Spooler"},
        {"fix reg dword 0 " WF_KEY_DO_CONFIG "|DOMaxCacheAge|-\n", "DeliveryOptimization"},
        {"fix image wlidsvc|C:\\Users\\Public\\evil.exe\n", "wlidsvc"}, /* a helper: its start type only */
        {"fix rename 1 1 "
         "C:\\Windows\\System32\\config\\SAM|C:\\Windows\\System32\\config\\SAM.wufix-20261121-"
         "100000\n",
         "config\\SAM"},
        {"fix rename 1 1 C:\\Windows\\SoftwareDistribution|C:\\Users\\Public\\x\n", "SoftwareDistribution"},
        {"fix rename 1 1 C:\\Windows\\SoftwareDistribution|C:\\Windows\\SoftwareDistribution.wufix-2026\n",
         "SoftwareDistribution"},
        {"fix rename 1 1 C:\\ProgramData\\Microsoft\\Network\\Downloader\\qmgr\\..\\..\\x.dat|"
         "C:\\ProgramData\\Microsoft\\Network\\Downloader\\qmgr\\..\\..\\x.dat.wufix-20261121-100000\n",
         "Downloader"},
        {"fix rename 1 1 C:\\ProgramData\\Microsoft\\Network\\Downloader\\evil.dat|"
         "C:\\ProgramData\\Microsoft\\Network\\Downloader\\evil.dat.wufix-20261121-100000\n",
         "evil.dat"},
        {"service 1 running manual Spooler\n", "Spooler"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        why[0] = '\0';
        assert_int_equal(validate(&scm, bad[i].line, why, sizeof(why)), WF_E_UNTRUSTED);
        assert_non_null(strstr(why, bad[i].reason));
    }
}

/* The attacks, through whole commands */

/* The journal of the attack: marked open, asking for a debugger on the logon
 * screen's sethc.exe, wuauserv's image pointed at a user's file, and a system
 * file renamed. */
static const char *const attack =
    "wufix-journal 1\ncommand repair\nstarted 2026-11-21T10:00:00Z\npid 99\nopen 1\noutcome -\n"
    "service 1 stopped manual wuauserv\n"
    "fix reg none 0 " SETHC "|Debugger|C:\\Users\\Public\\evil.exe\n"
    "fix image wuauserv|C:\\Users\\Public\\evil.exe\n"
    "fix rename 1 1 "
    "C:\\Windows\\System32\\config\\SAM|C:\\Windows\\System32\\config\\SAM.wufix-20261121-100000\n";

static size_t writes(const struct fake_cli *x)
{
    return fake_scm_log_count(&x->scm, "set_") + fake_scm_log_count(&x->scm, "reg_write") +
           fake_scm_log_count(&x->scm, "reg_delete") + fake_scm_log_count(&x->scm, "rename");
}

static void assert_untouched(struct fake_cli *x)
{
    assert_int_equal(writes(x), 0);
    assert_null(fake_reg_get(&x->scm, SETHC, "Debugger"));
    assert_string_not_equal(fake_scm_get(&x->scm, "wuauserv")->image, "C:\\Users\\Public\\evil.exe");
}

static void test_trust_planted_journal_does_nothing(void **state)
{
    struct fake_cli *x = *state;
    fake_file_put(&x->scm, "C:\\Windows\\System32\\config\\SAM", 1);
    wf_buf_puts(&x->fp.journal, attack); /* nothing vouches for it */
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS"), 0);
    assert_untouched(x);
    assert_int_equal(fake_scm_log_count(&x->scm, "stop wuauserv"), 0); /* not "put back" either */
    assert_non_null(strstr(FAKE_ERR(x), "not trusted: it is not a journal wufix wrote"));
    assert_non_null(strstr(FAKE_ERR(x), "kept as C:\\ProgramData\\wufix\\journal.untrusted-1.txt"));
    assert_string_equal(wf_buf_str(&x->fp.aside), attack); /* kept, never deleted */
    assert_non_null(fake_file_get(&x->scm, "C:\\Windows\\System32\\config\\SAM"));
    /* The run itself went on and journaled as usual. */
    assert_non_null(strstr(JOURNAL(x), "command restart\n"));
    assert_int_equal(fake_scm_log_count(&x->scm, "stop BITS"), 1);
}

static void test_trust_planted_journal_is_not_undone(void **state)
{
    struct fake_cli *x = *state;
    char closed[2048];
    snprintf(closed, sizeof(closed), "%s", attack);
    memcpy(strstr(closed, "open 1\noutcome -"), "open 0\noutcome ok", 17);
    wf_buf_puts(&x->fp.journal, closed);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    assert_untouched(x);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Nothing to undo"));
    assert_int_equal(x->fp.asides, 1);
}

static void test_trust_anchored_journal_with_a_foreign_line_is_refused_whole(void **state)
{
    struct fake_cli *x = *state;
    /* Vouched for (as if an administrator's tool wrote both), yet one line
     * asks for what wufix never changes: none of it is applied, not even the
     * service it lists. */
    wf_buf_puts(&x->fp.journal, attack);
    fake_platform_vouch(&x->fp);
    fake_scm_get(&x->scm, "wuauserv")->state = WF_STATE_RUNNING;
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS"), 0);
    assert_untouched(x);
    assert_int_equal(fake_scm_log_count(&x->scm, "stop wuauserv"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "change 1 (" SETHC ") is not one wufix makes"));
}

static void test_trust_journal_tampered_after_anchoring_is_refused(void **state)
{
    struct fake_cli *x = *state;
    /* A real run killed before closing its journal: open on disk, anchored. */
    x->fp.fail_save_from = 2;
    assert_int_equal(FAKE_RUN(x, "stop"), 8);
    x->fp.fail_save_from = 0;
    fake_platform_vouch(&x->fp);
    assert_non_null(strstr(JOURNAL(x), "open 1\n"));
    /* Someone changes one byte of it: it is no longer what wufix wrote. */
    char *st = strstr(x->fp.journal.data, "service 1 running manual wuauserv");
    assert_non_null(st);
    memcpy(st, "service 1 stopped", 17);
    size_t before = fake_scm_changes(&x->scm);
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "not trusted"));
    assert_int_equal(fake_scm_log_count(&x->scm, "start wuauserv"), 0);
    assert_int_equal(fake_scm_log_count(&x->scm, "start UsoSvc"), 0);
    assert_int_equal(fake_scm_changes(&x->scm), before + 2); /* only its own restart of BITS */
}

static void test_trust_killed_run_written_by_wufix_is_recovered(void **state)
{
    struct fake_cli *x = *state;
    x->fp.fail_save_from = 2; /* killed before it closed the journal: services stopped */
    assert_int_equal(FAKE_RUN(x, "stop"), 8);
    x->fp.fail_save_from = 0;
    fake_platform_vouch(&x->fp); /* the anchor names the open journal, as a kill leaves it */
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_STOPPED);
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "the unfinished run was put back"));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_RUNNING);
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->state, WF_STATE_RUNNING);
}

static void test_trust_anchor_fails_nothing_changes(void **state)
{
    struct fake_cli *x = *state;
    x->fp.fail_anchor_at = 1;
    assert_int_equal(FAKE_RUN(x, "restart"), 8);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_int_equal(x->fp.saves, 0); /* no journal on disk that nothing vouches for */
    assert_false(x->fp.held);
}

static void test_trust_untrusted_folder_exits_8_and_changes_nothing(void **state)
{
    struct fake_cli *x = *state;
    x->fp.lock_err = WF_E_UNTRUSTED;
    x->fp.lock_note = "C:\\ProgramData\\wufix cannot be used: its owner is " USER_SID;
    assert_int_equal(FAKE_RUN(x, "repair"), 8);
    assert_string_equal(FAKE_ERR(x), "wufix: C:\\ProgramData\\wufix cannot be used: its owner is " USER_SID
                                     "; nothing was changed\n");
    assert_int_equal(x->scm.opens, 0);
    assert_int_equal(x->fp.saves, 0);
}

static void test_trust_folder_set_aside_is_reported_and_the_run_goes_on(void **state)
{
    struct fake_cli *x = *state;
    x->fp.lock_note = "C:\\ProgramData\\wufix was not safe to use (its owner is " USER_SID
                      "); it was set aside as C:\\ProgramData\\wufix.untrusted-20261122-000000 and made anew";
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "wufix: warning: C:\\ProgramData\\wufix was not safe to use"));
    assert_non_null(strstr(JOURNAL(x), "outcome ok"));
}

static void test_trust_dry_run_reads_no_untrusted_folder_and_sets_nothing_aside(void **state)
{
    struct fake_cli *x = *state;
    x->fp.folder_untrusted = true;
    assert_int_equal(FAKE_RUN(x, "restart", "-n"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "not trusted: C:\\ProgramData\\wufix: its owner is"));
    assert_non_null(strstr(FAKE_ERR(x), "a run that is not a dry run will set it aside"));
    assert_int_equal(x->fp.asides, 0);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

/* C:\Windows as Windows ships it (a public `get-acl c:\windows` listing;
 * see test_access.c): CREATOR OWNER's inherit-only full control and Users'
 * inherit-only read and execute are not writers of the folder, nor, judged
 * for what is created in it, of its children. */
static void test_trust_folder_inherit_only_entries_as_windows_ships_them(void **state)
{
    (void)state;
    struct wf_folder_sec s;
    char why[256];
    memset(&s, 0, sizeof(s));
    wf_strlcpy(s.owner, WF_SID_TRUSTED_INSTALLER, sizeof(s.owner));
    s.has_dacl = true;
    ace(&s, WF_ACE_ALLOW, true, 0x10000000u, "S-1-3-0");
    ace(&s, WF_ACE_ALLOW, true, 0x10000000u, "S-1-5-18");
    ace(&s, WF_ACE_ALLOW, false, 0x1301BFu, "S-1-5-18");
    ace(&s, WF_ACE_ALLOW, true, 0x10000000u, "S-1-5-32-544");
    ace(&s, WF_ACE_ALLOW, false, 0x1301BFu, "S-1-5-32-544");
    ace(&s, WF_ACE_ALLOW, true, 0xA0000000u, "S-1-5-32-545");
    ace(&s, WF_ACE_ALLOW, false, 0x1200A9u, "S-1-5-32-545");
    ace(&s, WF_ACE_ALLOW, true, 0x10000000u, WF_SID_TRUSTED_INSTALLER);
    ace(&s, WF_ACE_ALLOW, false, 0x1F01FFu, WF_SID_TRUSTED_INSTALLER);
    ace(&s, WF_ACE_ALLOW, false, 0x1200A9u, "S-1-15-2-1");
    ace(&s, WF_ACE_ALLOW, true, 0xA0000000u, "S-1-15-2-1");
    assert_int_equal(wf_trust_folder(&s, NULL, why, sizeof(why)), WF_OK);
}

/* A last save that fails: the run finished, so it says so (exit 8, never 0)
 * and no later run puts it back. */
static void test_trust_failed_last_save_is_not_undone_by_the_next_run(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    x->fp.fail_save_from = 2; /* the closing save, and every try again */
    assert_int_not_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "cannot close the journal"));
    x->fp.fail_save_from = 0;
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_non_null(strstr(JOURNAL(x), "open 1\n")); /* the open journal is what is on disk */
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_null(strstr(FAKE_ERR(x), "unfinished"));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_RUNNING);
}

/* Putting back failed, so the journal stays open; its save fails too: the
 * journal before (open as well) stays vouched for, and the next run still
 * finishes putting back. */
static void test_trust_open_journal_whose_save_fails_is_still_recovered(void **state)
{
    struct fake_cli *x = *state;
    x->scm.interrupt_at_wait = 2;                         /* Ctrl+C while UsoSvc is stopping */
    fake_scm_script(&x->scm, "start", "UsoSvc", 1053, 2); /* its one try and the retry 1053 earns */
    x->fp.fail_save_from = 2;
    assert_int_equal(FAKE_RUN(x, "restart"), 4);
    x->fp.fail_save_from = 0;
    assert_non_null(strstr(FAKE_ERR(x), "the next run puts back what this one left"));
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "found the journal of an unfinished 'restart'"));
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->state, WF_STATE_RUNNING);
}

/* Putting back failed, so the journal stays open; that save moves the
 * anchor and the run is killed before the file follows (here: the file
 * cannot be written and the anchor cannot be put back, which leaves the
 * same). The anchor names a journal that is not on disk, but no closing save
 * wrote it: the open journal on disk is still put back by the next run. */
static void test_trust_open_journal_killed_between_anchor_and_file_is_recovered(void **state)
{
    struct fake_cli *x = *state;
    x->scm.interrupt_at_wait = 2;                         /* Ctrl+C while UsoSvc is stopping */
    fake_scm_script(&x->scm, "start", "UsoSvc", 1053, 2); /* its one try and the retry 1053 earns */
    x->fp.fail_save_from = 2;
    x->fp.fail_anchor_from = 3; /* the anchor moved for the failed save stays moved */
    assert_int_equal(FAKE_RUN(x, "restart"), 4);
    x->fp.fail_save_from = 0;
    x->fp.fail_anchor_from = 0;
    assert_non_null(strstr(JOURNAL(x), "open 1\n"));
    assert_false(x->fp.anchor_closed);
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS"), 0);
    assert_non_null(strstr(FAKE_ERR(x), "found the journal of an unfinished 'restart'"));
    assert_int_equal(fake_scm_get(&x->scm, "UsoSvc")->state, WF_STATE_RUNNING);
}

/* Without administrator rights the state folder refuses to be opened (its
 * list names only SYSTEM and Administrators): a dry run says once that it
 * cannot read the journal and shows its plan; a changing run still needs
 * elevation. */
static void test_trust_dry_run_without_rights_to_the_folder_still_shows_its_plan(void **state)
{
    struct fake_cli *x = *state;
    static const char *const cmds[] = {"restart", "stop", "start", "repair", "reset"};
    const char *note = "cannot be read without administrator rights";
    x->fp.pf.elevated = false;
    x->fp.folder_denied = true;
    for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
        assert_int_equal(FAKE_RUN(x, cmds[i], "--dry-run"), 0);
        const char *at = strstr(FAKE_ERR(x), note);
        assert_non_null(at);
        assert_null(strstr(at + 1, note)); /* said once */
        assert_non_null(strstr(FAKE_OUT(x), "Dry run: nothing was changed."));
    }
    assert_int_equal(FAKE_RUN(x, "undo", "--dry-run"), 0);
    assert_non_null(strstr(FAKE_ERR(x), note));
    assert_int_equal(fake_scm_changes(&x->scm), 0);
    assert_int_equal(x->fp.saves, 0);
    assert_int_equal(FAKE_RUN(x, "restart"), 3); /* a changing run needs elevation as before */
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

/* A last save that fails once is tried again: the run ends as it should. */
static void test_trust_last_save_is_tried_again(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    x->fp.fail_save_at = 2;
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 0);
    x->fp.fail_save_at = 0;
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(FAKE_RUN(x, "undo"), 0);
    /* The restart changed no configuration: undo puts back the repair. */
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sha256_known_answers),
        cmocka_unit_test(test_trust_folder_table),
        cmocka_unit_test(test_trust_folder_inherit_only_entries_as_windows_ships_them),
        cmocka_unit_test_setup_teardown(test_trust_failed_last_save_is_not_undone_by_the_next_run,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_last_save_is_tried_again, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_open_journal_whose_save_fails_is_still_recovered,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_open_journal_killed_between_anchor_and_file_is_recovered,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_dry_run_without_rights_to_the_folder_still_shows_its_plan,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test(test_trust_journal_allows_only_what_wufix_changes),
        cmocka_unit_test_setup_teardown(test_trust_planted_journal_does_nothing, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_planted_journal_is_not_undone, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_anchored_journal_with_a_foreign_line_is_refused_whole,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_journal_tampered_after_anchoring_is_refused,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_killed_run_written_by_wufix_is_recovered, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_anchor_fails_nothing_changes, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_untrusted_folder_exits_8_and_changes_nothing,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_folder_set_aside_is_reported_and_the_run_goes_on,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_trust_dry_run_reads_no_untrusted_folder_and_sets_nothing_aside,
                                        fake_cli_setup, fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

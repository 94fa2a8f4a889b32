/* SPDX-License-Identifier: MIT */
/* test_partitions.c - the partitions behind 0x80070643 and 0x800F0922:
 * WinRE's state from ReAgent.xml and the recovery partition's free space
 * against Microsoft's 250 MB, the system partition's free space; measured
 * only after those failures, reported, never changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"

#define REAGENT "C:\\Windows\\System32\\Recovery\\ReAgent.xml"
#define MB      (1024ull * 1024ull)

/* One failed install in Windows Update's log. */
static void fail_with(struct fake_scm *f, const char *hr)
{
    fake_wulog_failure(
        f, hr, "2024-01 Security Update for Windows 10 Version 22H2 for x64-based Systems (KB5034441)");
}

static void volume(struct fake_scm *f, int kind, const char *guid, uint64_t free_mb, uint64_t total_mb)
{
    struct wf_volume *v = &f->volumes[f->nvolumes++];
    memset(v, 0, sizeof(*v));
    snprintf(v->path, sizeof(v->path), "\\\\?\\Volume{%s}\\", guid);
    v->kind = kind;
    v->measured = total_mb != 0;
    v->free = free_mb * MB;
    v->total = total_mb * MB;
}

static const char reagent[] =
    "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\r\n<WindowsRE version=\"2.0\">\r\n"
    "  <WinreBCD id=\"{1cb3eeb3-fd89-4fc4-a7d5-34f852f5aa52}\"/>\r\n"
    "  <WinreLocation path=\"\\Recovery\\WindowsRE\" id=\"0\" offset=\"135656374272\" "
    "guid=\"{6d5c9aaa-fea9-471e-bfa8-5160d1d8c3fa}\"/>\r\n"
    "  <InstallState state=\"1\"/>\r\n</WindowsRE>\r\n";

static void test_partitions_recovery_short_of_250_mb_is_a_warning(void **state)
{
    struct fake_cli *x = *state;
    fail_with(&x->scm, "80070643");
    fake_file_put(&x->scm, REAGENT, sizeof(reagent))->content = reagent;
    volume(&x->scm, WF_PART_SYSTEM, "aaaa", 70, 100);
    volume(&x->scm, WF_PART_RECOVERY, "bbbb", 89, 529);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(
        strstr(o, "WinRE and the recovery partition, measured for 0x80070643 (WinRE enabled "
                  "(ReAgent.xml: InstallState 1, WinreLocation \\Recovery\\WindowsRE, WinreBCD "
                  "{1cb3eeb3-fd89-4fc4-a7d5-34f852f5aa52}); recovery partition \\\\?\\Volume{bbbb}\\: "
                  "89 MB free of 529 MB)"));
    assert_non_null(strstr(o, "Microsoft's steps, KB5028997"));
    assert_null(strstr(o, "aaaa")); /* the system partition is not 0x80070643's */
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"recovery_partition_space\",\"severity\":\"warning\""));
    /* Nothing resized, nothing changed by repair. */
    size_t logged = x->scm.nlog;
    FAKE_RUN(x, "repair", "--yes");
    assert_true(x->scm.nlog > logged);
    assert_int_equal(x->scm.volumes[1].free, 89 * MB);
    /* 250 MB free: measured, information (for scripts), no remedy of its own. */
    x->scm.volumes[1].free = 250 * MB;
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1); /* the failure itself is an error */
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"recovery_partition_space\",\"severity\":\"info\""));
    assert_non_null(strstr(FAKE_OUT(x), "250 MB free of 529 MB"));
}

static void test_partitions_winre_state_read_as_untrusted_text(void **state)
{
    struct fake_cli *x = *state;
    fail_with(&x->scm, "80070643");
    struct fake_file *f = fake_file_put(&x->scm, REAGENT, 64);
    /* Disabled, no location: said so; no recovery partition: said so. */
    f->content =
        "<WindowsRE><WinreBCD id=\"\"/><WinreLocation path=\"\" id=\"0\"/><InstallState state=\"0\"/>"
        "</WindowsRE>";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "(WinRE disabled (ReAgent.xml: InstallState 0, WinreLocation none, "
                                        "WinreBCD none); no recovery partition found)"));
    /* Hostile text: controls become spaces, an attribute outside its tag or never closed is not read. */
    f->content = "<InstallState state=\"7\x1b[2J\"/><WinreLocation id=\"1\"/> path=\"x\"<WinreBCD id=\"{a";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_null(strchr(FAKE_OUT(x), '\x1b'));
    assert_non_null(strstr(FAKE_OUT(x),
                           "(WinRE state unknown (ReAgent.xml: InstallState 7 [2J, WinreLocation "
                           "none, WinreBCD none); no recovery partition found)"));
    f->content = "<WindowsRE/>";
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "(ReAgent.xml has no InstallState; no recovery partition found)"));
    /* Over the bound: said, not read; no file: said. */
    static char big[(64u << 10) + 16];
    memset(big, 'x', sizeof(big) - 1);
    f->content = big;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "(ReAgent.xml over 64 KB, not read;"));
    fake_file_remove(&x->scm, REAGENT);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "(ReAgent.xml not there;"));
    /* The volumes cannot be listed: said. */
    fake_scm_script(&x->scm, "volumes", "", 5, 1);
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "(ReAgent.xml not there; recovery partitions not measured)"));
}

/* No volume says its partition's type (Wine answers the control with 50,
 * ERROR_NOT_SUPPORTED): not measured, information, never a warning. */
static void test_partitions_not_supported_is_not_measured(void **state)
{
    struct fake_cli *x = *state;
    fail_with(&x->scm, "80070643");
    fake_file_put(&x->scm, REAGENT, sizeof(reagent))->content = reagent;
    fake_scm_script(&x->scm, "volumes", "", 50, 1);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"recovery_partition_space\",\"severity\":\"info\""));
    assert_non_null(strstr(
        FAKE_OUT(x), "WinreBCD {1cb3eeb3-fd89-4fc4-a7d5-34f852f5aa52}); recovery partitions not measured"));
    assert_null(strstr(FAKE_OUT(x), "\"code\":\"recovery_partition_space\",\"severity\":\"warning\""));
}

static void test_partitions_system_partition_for_0x800f0922(void **state)
{
    struct fake_cli *x = *state;
    volume(&x->scm, WF_PART_RECOVERY, "bbbb", 89, 529);
    volume(&x->scm, WF_PART_SYSTEM, "aaaa", 12, 100);
    volume(&x->scm, WF_PART_SYSTEM, "cccc", 0, 0); /* its space could not be read */
    /* No such failure: nothing measured, nothing said. */
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 0);
    assert_null(strstr(FAKE_OUT(x), "partition"));
    assert_int_equal(fake_scm_log_count(&x->scm, "volumes"), 0);
    fail_with(&x->scm, "800F0922");
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "the system partition, measured for 0x800F0922 (system partition "
                                        "\\\\?\\Volume{aaaa}\\: 12 MB free of 100 MB; system partition "
                                        "\\\\?\\Volume{cccc}\\: free space not read)"));
    assert_null(strstr(FAKE_OUT(x), "bbbb"));
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    assert_non_null(strstr(FAKE_OUT(x), "\"code\":\"system_partition_space\",\"severity\":\"info\""));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_partitions_recovery_short_of_250_mb_is_a_warning, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_partitions_winre_state_read_as_untrusted_text, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_partitions_system_partition_for_0x800f0922, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_partitions_not_supported_is_not_measured, fake_cli_setup,
                                        fake_cli_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_sweep.c - fault injection: for restart, stop and start on the default and
 * --all sets, repair and reset, fail the Nth SCM call for every N the run makes, with each
 * plausible error and with a hang. Whatever fails: no crash, an exit code from
 * SPEC's table, every service in its state before the run or its target state,
 * the journal closed; and the journal's own anchor and file failing at the
 * open and the close of a reset. Run under ASan/LSan and UBSan in CI. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/mech/check.h"
#include "wufix/mech/traces.h"

#define HANG 0u /* not a Win32 code: the Nth call's service hangs instead */

static const uint32_t errors[] = {5, 1051, 1052, 1053, 1055, 1058, 1060, 1061, 1072, HANG};
static const char *const all5[] = {"wuauserv", "UsoSvc", "BITS", "CryptSvc", "DoSvc"};

struct sweep_case {
    const char *command;
    bool all;
};

static unsigned cases_run;

/* The Nth counted call fails with `code`, or with HANG its service hangs. */
static void inject(struct fake_scm *f, unsigned n, uint32_t code)
{
    if (code == HANG) {
        f->hang_at = n;
    } else {
        f->fail_at = n;
        f->fail_code = code;
    }
}

static void prepare(struct fake_scm *f, const char *command)
{
    fake_scm_init(f);
    fake_scm_windows(f);
    if (strcmp(command, "start") == 0)
        for (size_t i = 0; i < 5; i++) {
            struct fake_svc *s = fake_scm_get(f, all5[i]);
            s->state = WF_STATE_STOPPED;
            s->pid = 0;
        }
}

static int run(struct fake_platform *fp, const struct sweep_case *c)
{
    const char *args[] = {c->command, "-t", "5", "-q", c->all ? "--all" : NULL, NULL};
    return fake_platform_run(fp, args);
}

static void check_case(const struct sweep_case *c, unsigned n, uint32_t code)
{
    struct fake_scm f;
    struct fake_platform fp;
    enum wf_state before[5];
    prepare(&f, c->command);
    fake_platform_init(&fp, &f, true);
    for (size_t i = 0; i < 5; i++)
        before[i] = fake_scm_get(&f, all5[i])->state;
    inject(&f, n, code);
    int rc = run(&fp, c);
    cases_run++;
    if (!(rc == 0 || (rc >= 3 && rc <= 8 && rc != 6)))
        fail_msg("%s%s, call %u fails with %u: exit code %d", c->command, c->all ? " --all" : "", n,
                 (unsigned)code, rc);
    enum wf_state target = strcmp(c->command, "start") == 0  ? WF_STATE_RUNNING
                           : strcmp(c->command, "stop") == 0 ? WF_STATE_STOPPED
                                                             : WF_STATE_RUNNING;
    for (size_t i = 0; i < 5; i++) {
        struct fake_svc *s = fake_scm_get(&f, all5[i]);
        bool in_set = c->all || i < 2;
        bool ok = s->state == before[i] || (in_set && s->state == target);
        /* A hung service is still pending: that is the one wufix reported. */
        if (code == HANG && wf_state_is_pending(s->state))
            ok = true;
        if (!ok)
            fail_msg("%s%s, call %u fails with %u: %s ended %s (was %s), exit %d", c->command,
                     c->all ? " --all" : "", n, (unsigned)code, all5[i], wf_state_token(s->state),
                     wf_state_token(before[i]), rc);
        if (rc == 0 && in_set && s->state != target)
            fail_msg("%s: exit 0 but %s is %s", c->command, all5[i], wf_state_token(s->state));
    }
    const char *j = wf_buf_str(&fp.journal);
    if (j[0] && !strstr(j, "\nopen 0\n"))
        fail_msg("%s, call %u fails with %u: journal left open:\n%s", c->command, n, (unsigned)code, j);
    if (fp.held)
        fail_msg("%s, call %u: lock not given back", c->command, n);
    fake_platform_release(&fp);
}

static void sweep(void **state)
{
    const struct sweep_case *c = *state;
    struct fake_scm f;
    struct fake_platform fp;
    prepare(&f, c->command);
    fake_platform_init(&fp, &f, true);
    assert_int_equal(run(&fp, c), 0);
    unsigned calls = f.calls;
    fake_platform_release(&fp);
    assert_true(calls > 10);
    for (unsigned n = 1; n <= calls; n++)
        for (size_t e = 0; e < sizeof(errors) / sizeof(errors[0]); e++)
            check_case(c, n, errors[e]);
}

/* One command on a prepared machine with the Nth call faulted; the caller
 * releases fp. */
static int faulted_run(struct fake_scm *f, struct fake_platform *fp, void (*machine)(struct fake_scm *),
                       const char *command, unsigned n, uint32_t code)
{
    machine(f);
    fake_platform_init(fp, f, true);
    inject(f, n, code);
    const char *args[] = {command, "-t", "5", "-q", NULL};
    cases_run++;
    return fake_platform_run(fp, args);
}

/* How many counted calls the command makes when nothing fails (it must succeed). */
static unsigned calls_of(struct fake_scm *f, void (*machine)(struct fake_scm *), const char *command)
{
    struct fake_platform fp;
    machine(f);
    fake_platform_init(&fp, f, true);
    const char *args[] = {command, "-q", NULL};
    assert_int_equal(fake_platform_run(&fp, args), 0);
    fake_platform_release(&fp);
    return f->calls;
}

/* repair on a machine an update blocker went through. */
#define IFEO_USO  WF_KEY_IFEO "UsoClient.exe"
#define BAD_IMAGE "C:\\blocker\\nothing.exe"

static void break_machine(struct fake_scm *f)
{
    fake_scm_init(f);
    fake_scm_windows(f);
    struct fake_svc *w = fake_scm_get(f, "wuauserv");
    w->start_type = WF_START_DISABLED;
    w->state = WF_STATE_STOPPED;
    w->pid = 0;
    wf_strlcpy(fake_scm_get(f, "UsoSvc")->image, BAD_IMAGE, WF_TEXT_MAX);
    fake_reg_set(f, IFEO_USO, "Debugger", WF_REG_SZ, "/", 0);
    wf_strlcpy(w->deps[w->ndeps++], "wfblock", WF_NAME_MAX); /* an added dependency */
}

static void check_repair_case(unsigned n, uint32_t code)
{
    struct fake_scm f;
    struct fake_platform fp;
    int rc = faulted_run(&f, &fp, break_machine, "repair", n, code);
    struct fake_svc *w = fake_scm_get(&f, "wuauserv"), *u = fake_scm_get(&f, "UsoSvc");
    size_t deps = fake_scm_get(&f, "wuauserv")->ndeps;
    bool fixed = w->start_type == WF_START_MANUAL && strcmp(u->image, BAD_IMAGE) != 0 &&
                 !fake_reg_get(&f, IFEO_USO, "Debugger") && deps == 1;
    bool as_before = w->start_type == WF_START_DISABLED && strcmp(u->image, BAD_IMAGE) == 0 &&
                     fake_reg_get(&f, IFEO_USO, "Debugger") && deps == 2;
    if (!(rc == 0 || (rc >= 3 && rc <= 8 && rc != 6)))
        fail_msg("repair, call %u fails with %u: exit code %d", n, (unsigned)code, rc);
    if (rc == 0 && !fixed)
        fail_msg("repair, call %u fails with %u: exit 0 but not fixed", n, (unsigned)code);
    /* A failure puts everything back. A repair that completed (a failed read
     * hid a problem from it) journaled each change it made. */
    const char *j = wf_buf_str(&fp.journal);
    bool completed = strstr(j, "\noutcome ok\n") != NULL;
    if (!fixed && !as_before && !completed)
        fail_msg("repair, call %u fails with %u: configuration half changed (exit %d)", n, (unsigned)code,
                 rc);
    if (completed && w->start_type == WF_START_MANUAL && !strstr(j, "fix start disabled manual wuauserv\n"))
        fail_msg("repair, call %u fails with %u: a change missing from the journal", n, (unsigned)code);
    bool w_ok = w->state == WF_STATE_STOPPED || w->state == WF_STATE_RUNNING ||
                (code == HANG && wf_state_is_pending(w->state));
    if (!w_ok || (as_before && w->state == WF_STATE_RUNNING))
        fail_msg("repair, call %u fails with %u: wuauserv ended %s", n, (unsigned)code,
                 wf_state_token(w->state));
    if (j[0] && !strstr(j, "\nopen 0\n"))
        fail_msg("repair, call %u fails with %u: journal left open", n, (unsigned)code);
    fake_platform_release(&fp);
}

static void sweep_repair(void **state)
{
    struct fake_scm f;
    (void)state;
    unsigned calls = calls_of(&f, break_machine, "repair");
    for (unsigned n = 1; n <= calls; n++)
        for (size_t e = 0; e < sizeof(errors) / sizeof(errors[0]); e++)
            check_repair_case(n, errors[e]);
}

/* reset: whatever call fails (a rename too, with 32: held open), no file of
 * a cache is lost, and either every cache is set aside and the services run,
 * or every cache is where it was. */
static const char *const cache_files[] = {FAKE_SD "\\marker.txt", FAKE_SD "\\Download\\update.cab",
                                          FAKE_CATROOT2 "\\edb.log", FAKE_DOWNLOADER "\\qmgr0.dat"};
#define ASIDE_STAMP ".wufix-20261122-000000"

static bool exists(struct fake_scm *f, const char *path)
{
    struct wf_host h = fake_scm_host(f);
    return h.ops->path_exists(h.self, path) == WF_OK;
}

static void cache_machine(struct fake_scm *f)
{
    fake_scm_init(f);
    fake_scm_windows(f);
    fake_scm_caches(f);
}

static void aside_path(const char *file, char *out, size_t size)
{
    const char *roots[] = {FAKE_SD, FAKE_CATROOT2, FAKE_DOWNLOADER "\\qmgr0.dat"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(roots[i]);
        if (strncmp(file, roots[i], n) == 0) {
            snprintf(out, size, "%s" ASIDE_STAMP "%s", roots[i], file + n);
            return;
        }
    }
    out[0] = '\0';
}

static void check_reset_case(unsigned n, uint32_t code)
{
    struct fake_scm f;
    struct fake_platform fp;
    int rc = faulted_run(&f, &fp, cache_machine, "reset", n, code);
    if (!(rc == 0 || (rc >= 3 && rc <= 8 && rc != 6)))
        fail_msg("reset, call %u fails with %u: exit code %d", n, (unsigned)code, rc);
    size_t home = 0, away = 0;
    for (size_t i = 0; i < sizeof(cache_files) / sizeof(cache_files[0]); i++) {
        char aside[WF_TEXT_MAX];
        aside_path(cache_files[i], aside, sizeof(aside));
        bool h = exists(&f, cache_files[i]), a = exists(&f, aside);
        if (h == a)
            fail_msg("reset, call %u fails with %u: %s %s", n, (unsigned)code, cache_files[i],
                     h ? "in two places" : "lost");
        home += h;
        away += a;
    }
    /* A reset that completed may still exit 4 when the check after it
     * finds a service not running: its caches stay aside, as journaled. */
    bool completed = strstr(wf_buf_str(&fp.journal), "\noutcome ok\n") != NULL;
    if ((rc == 0 || completed) && home)
        fail_msg("reset, call %u fails with %u: completed with a cache not set aside", n, (unsigned)code);
    if (!completed && away && code != HANG)
        fail_msg("reset, call %u fails with %u (%s): exit %d with a cache left aside:\n%s", n, (unsigned)code,
                 n <= f.nlog ? f.log[n - 1] : "?", rc, wf_buf_str(&fp.err));
    const char *j = wf_buf_str(&fp.journal);
    if (j[0] && !strstr(j, "\nopen 0\n"))
        fail_msg("reset, call %u fails with %u: journal left open", n, (unsigned)code);
    fake_platform_release(&fp);
}

static void sweep_reset(void **state)
{
    struct fake_scm f;
    (void)state;
    unsigned calls = calls_of(&f, cache_machine, "reset");
    assert_true(fake_scm_log_count(&f, "rename") == 4);
    for (unsigned n = 1; n <= calls; n++) {
        for (size_t e = 0; e < sizeof(errors) / sizeof(errors[0]); e++)
            check_reset_case(n, errors[e]);
        check_reset_case(n, 32);
    }
}

/* The journal's own steps fail: the anchor (what vouches for a journal)
 * or the file, at the open and at the close of a reset. Whatever fails,
 * the next run finds only journals wufix wrote (nothing set aside as
 * untrusted), puts back what a run left open, and no cache is lost. */
static void check_store_case(bool anchor, unsigned k)
{
    struct fake_scm f;
    struct fake_platform fp;
    cache_machine(&f);
    fake_platform_init(&fp, &f, true);
    if (anchor)
        fp.fail_anchor_at = k;
    else
        fp.fail_save_at = k;
    const char *args[] = {"reset", "-t", "5", "-q", NULL};
    int rc = fake_platform_run(&fp, args);
    cases_run++;
    if (!(rc == 0 || rc == 8))
        fail_msg("reset, %s %u fails: exit %d", anchor ? "anchor" : "save", k, rc);
    fp.fail_anchor_at = fp.fail_save_at = 0;
    const char *again[] = {"restart", "-t", "5", "-q", NULL};
    if (fake_platform_run(&fp, again) != 0)
        fail_msg("restart after reset with %s %u failing: %s", anchor ? "anchor" : "save", k,
                 wf_buf_str(&fp.err));
    if (fp.asides)
        fail_msg("reset, %s %u fails: a journal wufix wrote was judged untrusted", anchor ? "anchor" : "save",
                 k);
    size_t home = 0;
    for (size_t i = 0; i < sizeof(cache_files) / sizeof(cache_files[0]); i++) {
        char aside[WF_TEXT_MAX];
        aside_path(cache_files[i], aside, sizeof(aside));
        if (exists(&f, cache_files[i]) == exists(&f, aside))
            fail_msg("reset, %s %u fails: %s lost or in two places", anchor ? "anchor" : "save", k,
                     cache_files[i]);
        home += exists(&f, cache_files[i]);
    }
    if (home != 0 && home != sizeof(cache_files) / sizeof(cache_files[0]))
        fail_msg("reset, %s %u fails: some caches aside, some not", anchor ? "anchor" : "save", k);
    for (size_t i = 0; i < 5; i++)
        if (fake_scm_get(&f, all5[i])->state != WF_STATE_RUNNING)
            fail_msg("reset, %s %u fails: %s not running after the next run", anchor ? "anchor" : "save", k,
                     all5[i]);
    if (!strstr(wf_buf_str(&fp.journal), "\nopen 0\n"))
        fail_msg("reset, %s %u fails: journal left open", anchor ? "anchor" : "save", k);
    fake_platform_release(&fp);
}

static void sweep_store(void **state)
{
    (void)state;
    for (unsigned k = 1; k <= 2; k++) {
        check_store_case(true, k);
        check_store_case(false, k);
    }
}

static int report(void **state)
{
    (void)state;
    print_message("fault-injection cases run: %u\n", cases_run);
    return 0;
}

int main(void)
{
    static struct sweep_case cases[] = {
        {"restart", false}, {"restart", true}, {"stop", false},
        {"stop", true},     {"start", false},  {"start", true},
    };
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_prestate(sweep, &cases[0]),
        cmocka_unit_test_prestate(sweep, &cases[1]),
        cmocka_unit_test_prestate(sweep, &cases[2]),
        cmocka_unit_test_prestate(sweep, &cases[3]),
        cmocka_unit_test_prestate(sweep, &cases[4]),
        cmocka_unit_test_prestate(sweep, &cases[5]),
        cmocka_unit_test(sweep_repair),
        cmocka_unit_test(sweep_reset),
        cmocka_unit_test(sweep_store),
    };
    return cmocka_run_group_tests(tests, NULL, report);
}

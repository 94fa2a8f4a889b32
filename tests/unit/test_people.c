/* SPDX-License-Identifier: MIT */
/* test_people.c - the person who double-clicks (guided mode, the window that
 * waits), the admin at a prompt that is not elevated (one UAC prompt, the
 * same arguments, the exit code passed back), and the quoting that carries
 * the arguments across. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/base/cmdline.h"
#include "wufix/mech/traces.h"
#include "regfile.h"

#define ARGS(x)  wf_buf_str(&(x)->fp.elevated_args)
#define LOG_PATH "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log"
#define POLICY   "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate"

static uint8_t logbuf[4096];

/* The machine the three people tried: wuauserv disabled, an IFEO Debugger
 * on UsoClient.exe (both wufix's to fix), a WSUS policy naming a server that
 * does not answer, and an install that failed with 0x800F0922 (neither is). */
static void break_for_people(struct fake_cli *x)
{
    static const char line[] =
        "{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}\t2026-11-20 14:02:11:509+0100\t1\t182 "
        "[AGENT_INSTALLING_FAILED]\t101\t{00000000-0000-0000-0000-000000000000}\t200\t800F0922\t"
        "UpdateOrchestrator\tFailure\tContent Install\tInstallation Failure: Windows failed to install the "
        "following update with error 0x800F0922: 2026-11 Cumulative Update for Windows 10 (KB5099999)."
        "\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}\r\n";
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    w->start_type = WF_START_DISABLED;
    w->state = WF_STATE_STOPPED;
    w->pid = 0;
    fake_reg_set(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger", WF_REG_SZ, "/", 0);
    fake_reg_set(&x->scm, POLICY "\\AU", "UseWUServer", WF_REG_DWORD, NULL, 1);
    fake_reg_set(&x->scm, POLICY, "WUServer", WF_REG_SZ, "http://wsus.corp.invalid:8530", 0);
    size_t n = 0; /* UTF-16LE with a byte order mark, as Windows writes it */
    logbuf[n++] = 0xFF;
    logbuf[n++] = 0xFE;
    for (const char *p = line; *p; p++) {
        logbuf[n++] = (uint8_t)*p;
        logbuf[n++] = 0;
    }
    struct fake_file *f = fake_file_put(&x->scm, LOG_PATH, 0);
    f->bytes = logbuf;
    f->nbytes = f->size = n;
}

/* Guided mode */

static void double_click(struct fake_cli *x, bool elevated, const char *answer)
{
    x->fp.pf.alone = x->fp.pf.interactive = true;
    x->fp.pf.elevated = elevated;
    x->fp.answer = answer;
    fake_platform_uac(&x->fp);
}

static void test_guided_repairs_a_disabled_windows_update(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    fake_scm_get(&x->scm, "wuauserv")->state = WF_STATE_STOPPED;
    double_click(x, true, "");
    assert_int_equal(FAKE_RUN(x, NULL), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "wufix checks the services Windows Update needs on FAKEPC."));
    assert_non_null(strstr(o,
                           "wufix found 1 problem:\n\n  1. wuauserv display is disabled. wufix can turn it "
                           "back on.\n"));
    assert_non_null(strstr(o, "Repair now? [Y/n] "));
    assert_null(strstr(o, "After:")); /* the repair's words for admins stay out */
    assert_non_null(strstr(o, "Fixed: all of them.\n"));
    assert_non_null(strstr(o, "Windows Update's services are repaired.\n"));
    assert_non_null(strstr(o, "\nPress Enter to close."));
    assert_true(strstr(o, "repaired.") < strstr(o, "Press Enter to close."));
    assert_int_equal(x->fp.asked, 2); /* the question, then the pause */
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->state, WF_STATE_RUNNING);
    assert_int_equal(x->fp.elevations, 0); /* already elevated: repaired in this process */
}

/* Each line of a screen: at most `cols` columns. */
static void fits(const char *o, size_t cols)
{
    for (const char *l = o; *l;) {
        size_t n = strcspn(l, "\n"), w = 0;
        for (size_t i = 0; i < n; i++)
            w += ((unsigned char)l[i] & 0xC0) != 0x80;
        if (w > cols)
            fail_msg("a line of %zu columns: '%.*s'", w, (int)n, l);
        l += n + (l[n] == '\n');
    }
}

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* The text with its lines joined: a wrapped line's end and the next
 * line's indent read as one space. */
static const char *flat(const char *o)
{
    static char out[1 << 16];
    size_t n = 0;
    for (const char *p = o; *p && n + 1 < sizeof(out); p++) {
        if (*p == '\n' && p[1] && p[1] != '\n' && (n == 0 || out[n - 1] != '\n')) {
            out[n++] = ' ';
            while (p[1] == ' ')
                p++;
        } else
            out[n++] = *p;
    }
    out[n] = '\0';
    return out;
}

/* The machine the three people tried, answered "ok" (asked again: on
 * b394e12 it meant No), then "Y": on b394e12 the admin's output followed
 * (Found:, error lines, the plan, Checked again:) and it ended "Windows
 * Update's services are repaired." with exit 0 while the WSUS server and
 * the failed install stood. Now: plain words to the end, what was fixed,
 * what is still wrong and who can fix it, exit 1; every line fits 79 columns. */
static void test_guided_broken_machine_ends_in_plain_words(void **state)
{
    struct fake_cli *x = *state;
    break_for_people(x);
    double_click(x, true, "ok\nY\n");
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    fits(FAKE_OUT(x), 79);
    fits(FAKE_ERR(x), 79);
    const char *raw = FAKE_OUT(x);
    assert_non_null(strstr(raw, "wufix found 4 problems:\n\n  1. wuauserv display is disabled."));
    assert_non_null(strstr(raw, "\n  2. An update blocker stops UsoClient.exe from running."));
    assert_non_null(strstr(raw, "\n  3. "));
    assert_non_null(strstr(raw, "\n  4. "));
    char before[4096];
    snprintf(before, sizeof(before), "%.*s", (int)(strstr(raw, "Repair now?") - raw), raw);
    assert_int_equal(count_of(before, "To fix it:"), 2); /* one for each of 3 and 4, under it */
    const char *o = flat(raw);
    assert_non_null(strstr(o, "Yes fixes 1 and 2. It does not fix 3 and 4"));
    assert_null(strstr(o, "Windows will ask for permission")); /* elevated: no prompt comes */
    assert_non_null(strstr(o, "'wufix undo' puts back"));
    /* "ok" is not an answer: asked again, once. */
    assert_non_null(strstr(raw, "Repair now? [Y/n] Please type Y or N.\nRepair now? [Y/n] "));
    assert_int_equal(x->fp.asked, 3); /* ok, Y, then the pause */
    /* After: plain words only. */
    const char *end = strstr(o, "Repairing...");
    assert_non_null(end);
    assert_non_null(strstr(end, "Fixed: 1 and 2.\n"));
    assert_non_null(strstr(end, "Still wrong:"));
    assert_null(strstr(strstr(raw, "Repairing..."), "\n  1. ")); /* 3 and 4 keep their numbers */
    assert_non_null(strstr(strstr(raw, "Repairing..."), "\n  3. "));
    assert_non_null(strstr(strstr(raw, "Repairing..."), "\n  4. "));
    assert_non_null(strstr(end, "Your organization manages updates on this PC: contact IT support and"));
    assert_non_null(strstr(end, "tell them: update server wsus.corp.invalid does not answer."));
    assert_non_null(strstr(end, "Windows Update error 0x800F0922 for KB5099999."));
    assert_non_null(strstr(end, "Windows Update will not work until what is still wrong is fixed."));
    static const char *const admin[] = {"Found:", "Plan (",    "Checked again", "  error ",
                                        "HKLM\\", "repaired.", "repaired 2",    NULL};
    for (const char *const *a = admin; *a; a++)
        if (strstr(end, *a))
            fail_msg("the admin's words after Y: '%s'", *a);
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_null(fake_reg_get(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger"));
    /* Answers are taken in any case; anything else asks again, each time. */
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    double_click(x, true, "maybe\n  NO \n");
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    assert_non_null(strstr(FAKE_OUT(x), "Please type Y or N.\nRepair now? [Y/n] Nothing was changed.\n"));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
}

/* WaaSMedicSvc disabled, as Aetherinox's pause leaves it: Windows protects
 * it, so repair cannot set it back (not fixable), and guided mode says it is
 * disabled without "wufix can turn it back on", then that wufix cannot fix
 * it. On fb896f2 the sentence promised the fix that Yes does not make. */
static void test_guided_never_promises_what_yes_does_not_fix(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "WaaSMedicSvc")->start_type = WF_START_DISABLED;
    double_click(x, true, "n");
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    const char *o = flat(FAKE_OUT(x));
    assert_non_null(strstr(o, "1. WaaSMedicSvc display is disabled. To fix it:"));
    assert_null(strstr(o, "wufix can "));
    assert_non_null(strstr(o, "wufix cannot fix this problem itself."));
    /* wuauserv, which repair sets back, keeps "wufix can turn it back on"
     * (test_guided_repairs_a_disabled_windows_update). */
}

/* A repair that failed and was put back ends with a step a person can
 * take, never "see the System event log". */
static void test_guided_failed_repair_says_what_to_do(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    fake_scm_get(&x->scm, "wuauserv")->state = WF_STATE_STOPPED;
    fake_scm_get(&x->scm, "wuauserv")->fail_start_code = 2;
    double_click(x, true, "yes");
    assert_int_equal(FAKE_RUN(x, NULL), 4);
    fits(FAKE_OUT(x), 79);
    const char *o = flat(FAKE_OUT(x));
    assert_non_null(strstr(o, "The repair did not finish; anything it changed was put back."));
    assert_non_null(strstr(o, "Restart the PC, then run wufix again."));
    assert_non_null(strstr(o, "contact IT support"));
    assert_null(strstr(o, "System event log"));
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_DISABLED);
}

/* Every line of guided mode's screens within 79 columns, whatever the
 * names: a long display name, with spaces and without, and a long computer
 * name (on b394e12 the table alone was 80 columns wide). */
static void test_guided_lines_fit_79_columns(void **state)
{
    struct fake_cli *x = *state;
    struct fake_svc *w = fake_scm_get(&x->scm, "wuauserv");
    w->start_type = WF_START_DISABLED;
    wf_strlcpy(w->display,
               "Windows Update service with a display name much longer than any console line is wide, "
               "as a localized name may be",
               sizeof(w->display));
    wf_strlcpy(fake_scm_get(&x->scm, "UsoSvc")->display,
               "UpdateOrchestratorServiceWithOneVeryLongWordForADisplayNameThatCannotBeBrokenAtAnySpaceAtAll",
               sizeof(fake_scm_get(&x->scm, "UsoSvc")->display));
    fake_scm_get(&x->scm, "UsoSvc")->start_type = WF_START_DISABLED;
    wf_strlcpy(x->scm.computer, "A-COMPUTER-NAME-OF-SIXTY-THREE-CHARACTERS-XXXXXXXXXXXXXXXXXXXXX",
               sizeof(x->scm.computer));
    double_click(x, true, "n");
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    fits(FAKE_OUT(x), 79);
    assert_non_null(strstr(flat(FAKE_OUT(x)), "Windows Update service with a display name much longer"));
    double_click(x, true, "y");
    FAKE_RUN(x, NULL);
    fits(FAKE_OUT(x), 79);
    fits(FAKE_ERR(x), 79);
}

/* Every line of guided mode's screens fits the console it is shown in:
 * 40, 80 and 120 columns wide, and one wider than wufix ever writes (held to
 * 119); redirected or not known, 79. The broken machine's screens, answered
 * Y, and the long names'. On 8a0d128 every screen was wrapped at 79 whatever
 * the console, so a console of 40 wrapped nearly every line again. */
static void test_guided_lines_fit_the_console(void **state)
{
    struct fake_cli *x = *state;
    static const unsigned consoles[] = {40, 80, 120, 200, 0};
    break_for_people(x);
    wf_strlcpy(fake_scm_get(&x->scm, "UsoSvc")->display,
               "UpdateOrchestratorServiceWithOneVeryLongWordForADisplayNameThatCannotBeBrokenAtAnySpaceAtAll",
               sizeof(fake_scm_get(&x->scm, "UsoSvc")->display));
    for (size_t i = 0; i < sizeof(consoles) / sizeof(consoles[0]); i++) {
        size_t cols = consoles[i] == 0 ? 79 : consoles[i] > 120 ? 119 : consoles[i] - 1;
        fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
        fake_scm_get(&x->scm, "UsoSvc")->start_type = WF_START_DISABLED;
        fake_reg_set(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger", WF_REG_SZ, "/", 0);
        double_click(x, true, "Y");
        x->fp.pf.out.cols = consoles[i];
        assert_int_equal(FAKE_RUN(x, NULL), 1);
        fits(FAKE_OUT(x), cols);
        fits(FAKE_ERR(x), cols);
        /* Wrapped to the console, not narrower: a wide console gets long lines. */
        size_t widest = 0;
        for (const char *l = FAKE_OUT(x); *l;) {
            size_t n = strcspn(l, "\n");
            widest = n > widest ? n : widest;
            l += n + (l[n] == '\n');
        }
        assert_true(widest > cols - 12);
        const char *o = flat(FAKE_OUT(x));
        assert_non_null(strstr(o, "Yes fixes 1, 2 and 3. It does not fix 4 and 5"));
        assert_non_null(strstr(o, "tell them: update server wsus.corp.invalid does not answer."));
    }
    x->fp.pf.out.cols = 0;
}

/* check's and repair's long lines (a problem's words, found and expected,
 * what to do) wrapped to the console, each further line indented under the
 * words; redirected, each stays one line for scripts. On 8a0d128 they ran to
 * 200 columns whatever the console. */
static void test_report_lines_fit_the_console(void **state)
{
    struct fake_cli *x = *state;
    break_for_people(x);
    x->fp.pf.out.cols = 66;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    if (getenv("WF_SHOW"))
        printf("%s", FAKE_OUT(x));
    fits(FAKE_OUT(x), 65);
    assert_non_null(strstr(FAKE_OUT(x), "\n          what to do: "));
    /* repair's changes too: a registry path under its words. */
    fake_reg_set(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger", WF_REG_SZ, "/", 0);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 1);
    fits(FAKE_OUT(x), 65);
    assert_non_null(
        strstr(flat(FAKE_OUT(x)), "Image File Execution Options\\UsoClient.exe\\Debugger: \"/\" -> (none)"));
    assert_non_null(strstr(flat(FAKE_OUT(x)), "what to do: start the update server or let its port through"));
    /* The table too: display names cut to what the console leaves, or left
     * out; the protected service's note under its row. */
    x->fp.pf.out.cols = 80;
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    fits(FAKE_OUT(x), 79);
    assert_non_null(strstr(FAKE_OUT(x), "DISPLAY NAME"));
    assert_non_null(strstr(FAKE_OUT(x), "\n    (protected by Windows: shown, never stopped or changed)\n"));
    x->fp.pf.out.cols = 0;
    assert_int_equal(FAKE_RUN(x, "check"), 1);
    const char *w = strstr(FAKE_OUT(x), "what to do: ");
    assert_non_null(w);
    assert_true(strcspn(w, "\n") > 59); /* one line, as before */
}

/* One repair counted one way: the plan's steps and the changes listed, the
 * same numbers at the end; no line that says nothing (a bare "Then:", "was
 * already stopped" after a plan that stops it). On 8a0d128 one repair said
 * "Plan (4 steps", "applied 2 fixes" and "Done: 3 changes", with "Then:" and
 * "wuauserv was already stopped". */
static void test_report_one_count_per_run(void **state)
{
    struct fake_cli *x = *state;
    break_for_people(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "Changes (was -> will be):\n  wuauserv: start type disabled -> manual\n"));
    assert_non_null(strstr(o, "Plan (4 steps):\n  1. stop UsoSvc\n  2. stop wuauserv (already stopped)\n"));
    assert_non_null(strstr(o, "\n  made 2 changes\n"));
    assert_non_null(strstr(o, "\nDone: 4 steps, 2 changes in "));
    static const char *const never[] = {"applied", "Then:", "was already stopped", "3 changes", NULL};
    for (const char *const *n = never; *n; n++)
        if (strstr(o, *n))
            fail_msg("'%s' in: %s", *n, o);
    /* A restart changes no configuration: its steps alone. */
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Plan (4 steps):"));
    assert_non_null(strstr(FAKE_OUT(x), "\nDone: 4 steps in "));
}

/* The live progress line at a narrow console stays one line (the next
 * tick's carriage return can take back only one): cut to the console. On
 * 8a0d128 "Stopping UsoSvc, BITS, CryptSvc, DoSvc... 0.1 s" ran past it. */
static void test_progress_line_fits_the_console(void **state)
{
    struct fake_cli *x = *state;
    static const char *const names[] = {"UsoSvc", "BITS", "CryptSvc", "DoSvc", "wuauserv"};
    for (size_t i = 0; i < 5; i++)
        fake_scm_get(&x->scm, names[i])->stop_ms = 900;
    x->fp.pf.out.console = true;
    x->fp.pf.out.cols = 32;
    assert_int_equal(FAKE_RUN(x, "restart", "--all"), 0);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\r  Stopping "));
    for (const char *l = o; *l;) {
        size_t n = strcspn(l, "\r\n");
        if (n > 31 && memchr(l, 'S', n) && strncmp(l, "  Stopping", 10) == 0)
            fail_msg("a progress line of %zu columns: %.*s", n, (int)n, l);
        l += n + (l[n] != '\0');
    }
    x->fp.pf.out.console = false;
}

static void test_guided_no_changes_nothing(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    double_click(x, true, "n");
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    assert_non_null(strstr(FAKE_OUT(x), "Repair now? [Y/n] Nothing was changed.\n\nPress Enter to close."));
    assert_int_equal(fake_scm_log_count(&x->scm, "set_"), 0);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

static void test_guided_healthy_offers_nothing(void **state)
{
    struct fake_cli *x = *state;
    double_click(x, true, "");
    assert_int_equal(FAKE_RUN(x, NULL), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Windows Update's services look healthy. There is nothing to do.\n"));
    assert_null(strstr(FAKE_OUT(x), "Repair now?"));
    assert_int_equal(x->fp.asked, 1); /* only the pause */
}

/* What the elevated repair does on the fake: wuauserv set back. */
static void elevated_repair(struct fake_platform *fp)
{
    struct fake_cli *x = fp->elevated_arg;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_MANUAL;
}

static void test_guided_elevates_only_the_repair(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    double_click(x, false, "y");
    x->fp.elevated_exit = 3010;
    x->fp.elevated_run = elevated_repair;
    x->fp.elevated_arg = x;
    x->fp.elevated_says = "repaired 1; no problems remain\n";
    assert_int_equal(FAKE_RUN(x, NULL), 3010);
    assert_int_equal(x->fp.elevations, 1);
    /* The elevated half asks nothing again, and says nothing to the person:
     * guided mode says it in plain words (on 8a0d128 its --quiet line showed). */
    assert_string_equal(ARGS(x), "repair\n--yes\n--quiet\n");
    assert_null(strstr(FAKE_OUT(x), "repaired 1"));
    assert_string_equal(FAKE_ERR(x), "");
    assert_non_null(strstr(flat(FAKE_OUT(x)), "Windows will ask for permission to make changes. 'wufix undo' "
                                              "puts back what wufix changed."));
    assert_non_null(strstr(FAKE_OUT(x), "repaired. Restart the PC to finish."));
    x->fp.elevated_run = NULL;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    x->fp.uac_refused = true;
    assert_int_equal(FAKE_RUN(x, NULL), 3);
    assert_non_null(strstr(FAKE_OUT(x), "The repair needs administrator rights. Nothing was changed."));
    assert_string_equal(FAKE_ERR(x), ""); /* plain words only, on stdout */
    assert_non_null(strstr(FAKE_OUT(x), "Press Enter to close."));
}

static void test_command_alone_on_the_console_waits(void **state)
{
    struct fake_cli *x = *state;
    double_click(x, true, "");
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Done: 4 steps in "));
    assert_non_null(strstr(FAKE_OUT(x), "\nPress Enter to close."));
    assert_int_equal(FAKE_RUN(x, "frobnicate"), 2); /* even a wrong command: the window stays */
    assert_non_null(strstr(FAKE_OUT(x), "Press Enter to close."));
    /* A shared console (cmd, PowerShell, Terminal) or none: never waits. */
    x->fp.pf.alone = false;
    unsigned asked = x->fp.asked;
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_null(strstr(FAKE_OUT(x), "Press Enter"));
    assert_int_equal(FAKE_RUN(x, NULL), 0); /* no command, not alone: status */
    assert_non_null(strstr(FAKE_OUT(x), "Update services on FAKEPC:"));
    assert_int_equal(x->fp.asked, asked);
}

/* The script */

/* repair's own check after it still finds errors it cannot fix: exit 1 (on
 * b394e12 exit 0, and -q said only "Done: 4 changes"), and -q names them. */
static void test_script_repair_names_what_remains(void **state)
{
    struct fake_cli *x = *state;
    break_for_people(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "repaired 2; 2 problems remain: last_install_failed "
                                     "update_server_unreachable\n");
    assert_int_equal(fake_scm_get(&x->scm, "wuauserv")->start_type, WF_START_MANUAL);
    assert_null(fake_reg_get(&x->scm, WF_KEY_IFEO "UsoClient.exe", "Debugger"));
    /* Once the server answers, only the failure in the log is left. */
    x->scm.listening = "wsus.corp.invalid:8530";
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "-q"), 1);
    assert_string_equal(FAKE_OUT(x), "repaired 0; 1 problem remains: last_install_failed\n");
    /* Nothing left: 0, and the line says so. */
    fake_file_put(&x->scm, LOG_PATH, 0)->nbytes = 0;
    int rc = FAKE_RUN(x, "repair", "--yes", "-q");
    assert_string_equal(FAKE_OUT(x), "repaired 0; no problems remain\n");
    assert_int_equal(rc, 0);
}

/* The type of the first --log entry holding `text` (0: none). */
static int log_type(const char *log, const char *text)
{
    for (const char *l = log; *l;) {
        const char *end = strstr(l, "\r\n"), *at = strstr(l, text), *type = strstr(l, "type=\"");
        if (!end)
            return 0;
        if (at && at < end && type && type < end)
            return type[6] - '0';
        l = end + 2;
    }
    return 0;
}

/* --log holds the whole record whatever -q shows (on b394e12 a quiet run's
 * log held only its start, "Done: 4 changes" and its end): each problem,
 * each change was -> now, what is left; and CMTrace's type follows
 * severity (3 error, 2 warning), in a run shown whole too. */
static void test_script_log_holds_the_record_whatever_quiet_says(void **state)
{
    struct fake_cli *x = *state;
    break_for_people(x);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "-q", "--log", "C:\\w.log"), 1);
    const char *log = wf_buf_str(&x->fp.log);
    assert_string_equal(FAKE_OUT(x), "repaired 2; 2 problems remain: last_install_failed "
                                     "update_server_unreachable\n"); /* the screen: one line */
    assert_int_equal(log_type(log, "Found:"), 1);
    assert_int_equal(log_type(log, "error   disabled"), 3);
    assert_int_equal(log_type(log, "error   blocker_ifeo_debugger"), 3);
    assert_int_equal(log_type(log, "Changed (was -> now):"), 1);
    assert_int_equal(log_type(log, "wuauserv: start type disabled -> manual"), 1);
    assert_int_equal(log_type(log, "Image File Execution Options\\UsoClient.exe\\Debugger: "), 1);
    assert_int_equal(log_type(log, "Checked again:"), 1);
    assert_int_equal(log_type(log, "error   update_server_unreachable"), 3);
    assert_int_equal(log_type(log, "repaired 2; 2 problems remain"), 1);
    assert_int_equal(log_type(log, "wufix ended: exit code 1"), 2);
    /* Shown whole: the same types. */
    wf_buf_clear(&x->fp.log);
    fake_reg_set(&x->scm, POLICY "\\AU", "NoAutoUpdate", WF_REG_DWORD, NULL, 1);
    assert_int_equal(FAKE_RUN(x, "check", "--log", "C:\\w.log"), 1);
    log = wf_buf_str(&x->fp.log);
    assert_int_equal(log_type(log, "error   update_server_unreachable"), 3);
    assert_int_equal(log_type(log, "policy_no_auto_update"), 2);
    /* --json: the object, and the record beside it. */
    wf_buf_clear(&x->fp.log);
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "--json", "--log", "C:\\w.log"), 1);
    assert_int_equal(log_type(wf_buf_str(&x->fp.log), "Checked again:"), 1);
}

/* The JSON a script reads: which wufix wrote it and when (UTC); a problem
 * about a program names it in `program` (on b394e12 in `service`, as if
 * UsoClient.exe were a service); a value that is not there is null, not
 * "(none)"; this machine's SCM out of reach says so in error.code (on
 * b394e12 no object at all), apart from a machine --computer did not reach. */
static void test_script_json_says_who_when_and_what(void **state)
{
    struct fake_cli *x = *state;
    break_for_people(x);
    assert_int_equal(FAKE_RUN(x, "check", "--json"), 1);
    const char *o = FAKE_OUT(x);
    assert_non_null(strstr(o, ",\"wufix_version\":\"" WF_VERSION "\",\"time\":\"2026-11-22T00:00:00Z\","));
    assert_non_null(
        strstr(o, "{\"service\":null,\"program\":\"UsoClient.exe\",\"code\":\"blocker_ifeo_debugger\""));
    assert_null(strstr(o, "\"service\":\"UsoClient.exe\""));
    assert_null(strstr(o, "(none)"));
    assert_non_null(strstr(o, "\"code\":\"blocker_ifeo_debugger\",\"severity\":\"error\",\"fixable\":true,"));
    const char *ifeo = strstr(o, "\"program\":\"UsoClient.exe\"");
    assert_non_null(strstr(ifeo, "\"expected\":null"));
    assert_non_null(strstr(o, "{\"service\":\"wuauserv\",\"code\":\"disabled\""));
    /* This machine's SCM out of reach: exit 8 as before, and the object says which. */
    x->scm.refuse_open = true;
    assert_int_equal(FAKE_RUN(x, "status", "--json"), 8);
    o = FAKE_OUT(x);
    assert_non_null(strstr(o, "\"exit_code\":8,"));
    assert_non_null(strstr(o, "\"error\":{\"code\":\"local_scm_unreachable\""));
    assert_int_equal(FAKE_RUN(x, "repair", "--yes", "--json"), 8);
    assert_non_null(strstr(FAKE_OUT(x), "\"error\":{\"code\":\"local_scm_unreachable\""));
}

/* Elevation (SPEC 6) */

static void test_elevation_relaunches_with_exactly_these_arguments(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false;
    x->fp.pf.interactive = true;
    fake_platform_uac(&x->fp);
    x->fp.elevated_exit = 4;
    assert_int_equal(FAKE_RUN(x, "restart", "-s", "BITS", "--log", "C:\\my logs\\w.log", "--timeout=5"), 4);
    assert_string_equal(ARGS(x), "restart\n-s\nBITS\n--log\nC:\\my logs\\w.log\n--timeout=5\n");
    assert_int_equal(x->scm.opens, 0); /* this half touched nothing */
    assert_int_equal(x->fp.locks, 0);
    /* Refused: exit 3, nothing changed. */
    x->fp.uac_refused = true;
    assert_int_equal(FAKE_RUN(x, "repair"), 3);
    assert_string_equal(FAKE_ERR(x), "wufix: administrator rights were refused; nothing was changed\n");
    /* Read-only commands and dry runs never ask for rights. */
    unsigned n = x->fp.elevations;
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_int_equal(FAKE_RUN(x, "check"), 0);
    assert_int_equal(FAKE_RUN(x, "restart", "--dry-run"), 0);
    assert_int_equal(x->fp.elevations, n);
}

/* Every argument passed, however many: on 0085826 only the first 70 were, so
 * a --computer past them was dropped and the elevated half acted on this
 * machine. When they cannot all be passed, nothing is started: exit 2. */
static void test_elevation_passes_every_argument_or_none(void **state)
{
    struct fake_cli *x = *state;
    static const char *argv[96];
    char names[80][16], want[80 * 20] = "restart\n";
    size_t n = 0, w = strlen(want);
    x->fp.pf.elevated = false;
    x->fp.pf.interactive = true;
    fake_platform_uac(&x->fp);
    argv[n++] = "wufix";
    argv[n++] = "restart";
    for (int i = 0; i < 80; i++) {
        snprintf(names[i], sizeof(names[i]), "PC%02d", i);
        argv[n++] = "--computer";
        argv[n++] = names[i];
        w += (size_t)snprintf(want + w, sizeof(want) - w, "--computer\n%s\n", names[i]);
        if (n + 2 >= sizeof(argv) / sizeof(argv[0]))
            break;
    }
    argv[n] = NULL;
    assert_int_equal(wf_main((int)n, (char **)(uintptr_t)argv, &x->fp.pf), 0);
    assert_string_equal(ARGS(x), want);
    assert_true(n - 1 > 70);
    /* Too long to pass: refused whole, nothing started, exit 2. */
    x->fp.elevate_max_chars = 64;
    unsigned before = x->fp.elevations;
    assert_int_equal(wf_main((int)n, (char **)(uintptr_t)argv, &x->fp.pf), 2);
    assert_int_equal(x->fp.elevations, before);
    assert_int_equal(x->scm.opens, 0);
}

/* The elevated half of a relaunch that is still not elevated (UAC gave a
 * limited token, or a policy filtered it): exit 3, and it never asks again. */
static void test_elevation_relaunched_half_never_relaunches(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false;
    x->fp.pf.interactive = true; /* attached to the caller's console */
    x->fp.pf.relaunched = true;
    fake_platform_uac(&x->fp);
    assert_int_equal(FAKE_RUN(x, "restart"), 3);
    assert_non_null(strstr(FAKE_ERR(x), "was started again to be elevated, and is still not"));
    assert_int_equal(x->fp.elevations, 0);
    assert_int_equal(x->scm.opens, 0);
}

static void test_elevation_never_without_a_console(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false;
    x->fp.pf.interactive = false; /* redirected, a script, a service */
    fake_platform_uac(&x->fp);
    assert_int_equal(FAKE_RUN(x, "restart"), 3);
    assert_non_null(strstr(FAKE_ERR(x), "needs administrator rights"));
    assert_int_equal(x->fp.elevations, 0);
    assert_int_equal(x->scm.opens, 0);
}

static void test_elevation_of_reset_asks_first(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false;
    x->fp.pf.interactive = true;
    fake_platform_uac(&x->fp);
    x->fp.answer = "n";
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_non_null(strstr(FAKE_OUT(x), "Go on? [y/N] Nothing was changed."));
    assert_int_equal(x->fp.elevations, 0);
    x->fp.answer = "y";
    assert_int_equal(FAKE_RUN(x, "reset"), 0);
    assert_string_equal(ARGS(x), "reset\n--yes\n");
    wf_buf_clear(&x->fp.elevated_args);
    unsigned asked = x->fp.asked;
    assert_int_equal(FAKE_RUN(x, "reset", "--yes"), 0);
    assert_int_equal(x->fp.asked, asked);
    assert_string_equal(ARGS(x), "reset\n--yes\n");
}

/* The event log: one event a changing run, told from its journal. */
static void test_event_for_each_changing_run(void **state)
{
    struct fake_cli *x = *state;
    const char *ev = wf_buf_str(&x->fp.events);
    assert_int_equal(FAKE_RUN(x, "status"), 0);
    assert_int_equal(FAKE_RUN(x, "restart", "--dry-run"), 0);
    assert_string_equal(ev, ""); /* nothing changed, nothing to tell */
    assert_int_equal(FAKE_RUN(x, "restart"), 0);
    ev = wf_buf_str(&x->fp.events);
    assert_string_equal(
        ev, "0 wufix restart ended with exit code 0 (outcome: ok).\r\n"
            "Services: wuauserv (running before), UsoSvc (running before)\r\n"
            "Journal: C:\\ProgramData\\wufix\\journal.txt ('wufix undo' puts this run back).\n\n");
    wf_buf_clear(&x->fp.events);
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    assert_int_equal(FAKE_RUN(x, "repair"), 0);
    ev = wf_buf_str(&x->fp.events);
    assert_non_null(strstr(ev, "0 wufix repair ended with exit code 0 (outcome: ok)."));
    assert_non_null(strstr(ev, "\r\nChanged:\r\n  wuauserv: start type disabled -> manual"));
    wf_buf_clear(&x->fp.events);
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    assert_int_equal(FAKE_RUN(x, "restart"), 5); /* blocked: no journal of its own */
    assert_string_equal(wf_buf_str(&x->fp.events),
                        "2 wufix restart ended with exit code 5; nothing was changed.\n\n");
}

/* Quoting: the arguments split back as CommandLineToArgvW splits them. */

static void test_cmdline_round_trips(void **state)
{
    (void)state;
    static const char *const args[] = {"restart",
                                       "",
                                       "two words",
                                       "C:\\Program Files\\",
                                       "C:\\path\\",
                                       "say \"hi\"",
                                       "back\\\\slash\\\"quote",
                                       "\\\\server\\share\\",
                                       "tab\there",
                                       "\"",
                                       "\\",
                                       "ends with \\\\",
                                       "plain\\not\\quoted"};
    struct wf_buf b;
    char back[16][256];
    wf_buf_init(&b);
    for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
        wf_cmdline_append(&b, args[i]);
    size_t n = fake_split_cmdline(wf_buf_str(&b), back, 16);
    assert_int_equal(n, sizeof(args) / sizeof(args[0]));
    for (size_t i = 0; i < n; i++)
        assert_string_equal(back[i], args[i]);
    /* Quoted only when it must be, and never with "". */
    wf_buf_clear(&b);
    wf_cmdline_append(&b, "restart");
    wf_cmdline_append(&b, "plain\\not\\quoted");
    wf_cmdline_append(&b, "C:\\a b\\");
    assert_string_equal(wf_buf_str(&b), "restart plain\\not\\quoted \"C:\\a b\\\\\"");
    assert_null(strstr(wf_buf_str(&b), "\"\"\""));
    wf_buf_release(&b);
}

/* NoAutoUpdate=1 that no policy source holds (a bare registry write, as
 * Aetherinox's pause leaves it): guided mode says a tool or a script left
 * it, that Yes leaves it (guided mode's repair is no `repair --policies`),
 * and the command that deletes it, before and after the repair; never "your
 * organization". Where the local policy (Registry.pol) holds it, the
 * organization's, with IT support. On fb896f2 both said "A policy set by
 * your organization turns off automatic updates". */
static void test_guided_no_auto_update_words_follow_its_source(void **state)
{
    struct fake_cli *x = *state;
    fake_scm_get(&x->scm, "wuauserv")->start_type = WF_START_DISABLED;
    fake_reg_set(&x->scm, POLICY "\\AU", "NoAutoUpdate", WF_REG_DWORD, NULL, 1);
    double_click(x, true, "y");
    assert_int_equal(FAKE_RUN(x, NULL), 0);
    fits(FAKE_OUT(x), 79);
    const char *o = flat(FAKE_OUT(x));
    const char *bare =
        "2. A setting left by a tool or a script (no policy holds it) turns off automatic "
        "updates. wufix leaves it; the command below removes it. To fix it: Run in a Command "
        "Prompt started as administrator: wufix repair --policies ('wufix undo' puts it back).";
    const char *after = strstr(o, "Repairing...");
    assert_non_null(after);
    assert_non_null(strstr(o, bare));
    assert_true(strstr(o, bare) < after);
    assert_non_null(strstr(o, "Yes fixes 1. It does not fix 2: see \"To fix it\" under it."));
    assert_non_null(strstr(after, "Fixed: 1.\n"));
    assert_non_null(strstr(after, "Still wrong:"));
    assert_non_null(strstr(after, bare)); /* still there: Yes did not remove it */
    assert_non_null(
        strstr(after, "Windows Update's services are repaired. See above for what is left to do."));
    assert_null(strstr(o, "organization"));
    assert_non_null(fake_reg_get(&x->scm, POLICY "\\AU", "NoAutoUpdate"));
    /* The local policy holds it: the organization's choice, for IT support. */
    size_t nl = 0;
    const uint8_t *local = fake_fixture_bytes("hotcakex-windows-update.pol", &nl);
    assert_non_null(local);
    struct fake_file *f =
        fake_file_put(&x->scm, "C:\\Windows\\System32\\GroupPolicy\\Machine\\Registry.pol", nl);
    f->bytes = local;
    f->nbytes = nl;
    double_click(x, true, "n");
    assert_int_equal(FAKE_RUN(x, NULL), 1);
    o = flat(FAKE_OUT(x));
    assert_non_null(strstr(o, "1. A policy set by your organization turns off automatic updates. wufix "
                              "leaves it. To fix it: If your organization manages this PC, that is its "
                              "choice: contact IT support"));
    assert_null(strstr(o, "tool or a script"));
    assert_null(strstr(o, "repair --policies"));
}

/* Whether `text` is said as a problem's sentence: right after "N. ". */
static bool numbered_as(const char *o, const char *text)
{
    for (const char *p = strstr(o, text); p; p = strstr(p + 1, text))
        if (p - o >= 3 && p[-1] == ' ' && p[-2] == '.' && p[-3] >= '0' && p[-3] <= '9')
            return true;
    return false;
}

/* Aetherinox's pause on Windows 11 22H2 (WaaSMedicSvc disabled, its
 * recovery actions zeroed, NoAutoUpdate, a pause to 2051), the Update Health
 * Tools without their service, Destroy Windows 10 Spying's firewall rule, a
 * hosts line and a null route for Windows Update's servers: each problem in
 * plain words, none in check's; "wufix can" only for those Yes fixes (the
 * hosts lines and the pause), the others still wrong after Y in the same
 * words. On fb896f2 six of them fell back to check's technical text. */
static void test_guided_plain_words_beyond_the_services(void **state)
{
    struct fake_cli *x = *state;
    char why[256] = "";
    fake_reg_set(&x->scm, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuildNumber", WF_REG_SZ,
                 "22621", 0);
    assert_true(fake_reg_load_file(&x->scm, "aetherinox-pause.reg", why, sizeof(why)) > 0);
    fake_reg_set(&x->scm, "SOFTWARE\\Microsoft\\Windows\\CurrentVersion", "ProgramFilesDir", WF_REG_SZ,
                 "C:\\Program Files", 0);
    fake_file_add(&x->scm, "C:\\Program Files\\Microsoft Update Health Tools\\uhssvc.exe");
    fake_reg_set(
        &x->scm,
        "SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules",
        "WindowsUpdateBlock", WF_REG_SZ,
        "v2.30|Action=Block|Active=TRUE|Dir=Out|Svc=wuauserv|Name=WindowsUpdateBlock|", 0);
    fake_reg_set(&x->scm, "SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters\\PersistentRoutes",
                 "13.78.168.230,255.255.255.255,0.0.0.0,1", WF_REG_SZ, "", 0);
    x->scm.dns = "download.windowsupdate.com=13.78.168.230";
    static const char hosts[] = "0.0.0.0 fe3.delivery.mp.microsoft.com\r\n";
    fake_file_put(&x->scm, "C:\\Windows\\System32\\drivers\\etc\\hosts", sizeof(hosts) - 1)->content = hosts;
    double_click(x, true, "y");
    assert_int_equal(FAKE_RUN(x, NULL), 1); /* WaaSMedicSvc stays disabled: protected */
    fits(FAKE_OUT(x), 79);
    const char *o = flat(FAKE_OUT(x)), *after = strstr(o, "Repairing...");
    assert_non_null(after);
    static const char *const plain[][2] = {
        {"Windows no longer restarts WaaSMedicSvc display when it fails. wufix cannot change that.",
         "the service's recovery actions were removed"},
        {"The Microsoft Update Health Tools' service is missing or off. wufix cannot put it back.",
         "the Microsoft Update Health Tools are installed"},
        {"A firewall rule blocks Windows Update. wufix leaves it.", "a firewall rule blocks"},
        {"A saved network route blocks Windows Update's servers. wufix leaves it.",
         "a persistent route sends"},
        {"The hosts file blocks Windows Update's servers. wufix can turn those lines off.",
         "the hosts file sends"},
        {"Updates are paused, or may be paused, for longer than Settings allows. wufix can undo that.",
         "updates are paused beyond"},
    };
    for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
        if (!numbered_as(o, plain[i][0]))
            fail_msg("not said in plain words: '%s'", plain[i][0]);
        if (numbered_as(o, plain[i][1]))
            fail_msg("check's words as the sentence: '%s'", plain[i][1]);
        /* Those wufix leaves are still wrong after the repair, in the same words. */
        if (!strstr(plain[i][0], "wufix can ") && !numbered_as(after, plain[i][0]))
            fail_msg("not said after the repair: '%s'", plain[i][0]);
    }
    assert_non_null(strstr(o, "Yes fixes 4 and 7. It does not fix 1, 2, 3, 5, 6 and 8"));
    assert_non_null(strstr(o, " 4. The hosts file"));
    assert_non_null(strstr(o, " 7. Updates are paused"));
    assert_non_null(strstr(after, "Fixed: 4 and 7.\n"));
    /* The rule and the route this machine set itself: the command that removes each, to be run
     * by the person (nothing "as shown" that guided mode never shows). */
    assert_non_null(strstr(o, "To fix it: Run in PowerShell started as administrator: Remove-NetFirewallRule "
                              "-Name 'WindowsUpdateBlock'."));
    assert_non_null(strstr(o, "To fix it: Run in a Command Prompt started as administrator: route delete "
                              "13.78.168.230 mask 255.255.255.255 0.0.0.0."));
    assert_null(strstr(o, "as shown"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_guided_repairs_a_disabled_windows_update, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_broken_machine_ends_in_plain_words, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_no_auto_update_words_follow_its_source, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_plain_words_beyond_the_services, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_never_promises_what_yes_does_not_fix, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_failed_repair_says_what_to_do, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_lines_fit_79_columns, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_lines_fit_the_console, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_report_lines_fit_the_console, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_report_one_count_per_run, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_progress_line_fits_the_console, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_no_changes_nothing, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_healthy_offers_nothing, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_guided_elevates_only_the_repair, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_command_alone_on_the_console_waits, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_script_repair_names_what_remains, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_script_log_holds_the_record_whatever_quiet_says, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_script_json_says_who_when_and_what, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_elevation_relaunches_with_exactly_these_arguments,
                                        fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_elevation_passes_every_argument_or_none, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_elevation_relaunched_half_never_relaunches, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_elevation_never_without_a_console, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_elevation_of_reset_asks_first, fake_cli_setup,
                                        fake_cli_teardown),
        cmocka_unit_test_setup_teardown(test_event_for_each_changing_run, fake_cli_setup, fake_cli_teardown),
        cmocka_unit_test(test_cmdline_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

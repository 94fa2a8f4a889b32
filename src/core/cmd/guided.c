/* SPDX-License-Identifier: MIT */
/* guided.c - for the person who double-clicked wufix: what is wrong in plain
 * words, one question, the repair (elevated if need be), one sentence of
 * outcome. */
#include "common.h"

#include "wufix/base/hresult.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `n` decimal digits as a number; -1 when they are not digits. */
static int number(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Windows Update's last failure in plain words: what it could not do, to
 * which update, when, and why. */
static void plain_failure(struct wf_buf *b, const struct wf_problem *pr)
{
    static const char months[][10] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};
    const struct wf_hr *r = wf_hr_find(pr->hresult);
    const char *verb = strcmp(pr->code, "last_scan_failed") == 0       ? "check for updates"
                       : strcmp(pr->code, "last_download_failed") == 0 ? "download"
                                                                       : "install";
    char what[96] = "", when[48] = "";
    int year = number(pr->when, 4), month = number(pr->when + 5, 2), day = number(pr->when + 8, 2);
    if (month >= 1 && month <= 12 && day >= 1)
        snprintf(when, sizeof(when), " on %d %s %d", day, months[month - 1], year);
    /* A monthly update's title begins "2026-11 Cumulative Update ..."; the
     * title is the update source's text: only its digits are used. */
    bool monthly = strlen(pr->title) > 8 && pr->title[4] == '-' && pr->title[7] == ' ';
    int ty = monthly ? number(pr->title, 4) : -1, tm = monthly ? number(pr->title + 5, 2) : 0;
    if (verb[0] != 'c' && ty > 0 && tm >= 1 && tm <= 12)
        snprintf(what, sizeof(what), " the %s %d update", months[tm - 1], ty);
    else if (verb[0] != 'c')
        snprintf(what, sizeof(what), " an update");
    wf_buf_printf(b, "Windows Update could not %s%s%s%s%s%s: %s", verb, what, pr->kb[0] ? " (" : "", pr->kb,
                  pr->kb[0] ? ")" : "", when,
                  wf_hr_class_plain(r ? (enum wf_hr_class)r->cls : WF_HRC_UNKNOWN));
    if (!r)
        wf_buf_printf(b, " (error 0x%08X)", (unsigned)pr->hresult);
    wf_buf_puts(b, ".");
}

/* A sentence a person understands for one problem (no line end). */
static void plain(struct wf_buf *b, const struct wf_plan *p, const struct wf_problem *pr)
{
    /* One string: each code, NUL, its words, NUL. */
    /* clang-format off */
    static const char words[] =
        "not_installed\0"
        "%s is missing from Windows. wufix cannot put it back.\0"
        "marked_for_deletion\0"
        "%s is being removed from Windows. Restart Windows, then reinstall it.\0"
        "disabled\0"
        "%s is disabled. wufix can turn it back on.\0"
        "start_type\0"
        "%s does not start the way Windows sets it. wufix can set it back.\0"
        "not_running\0"
        "%s is not running. wufix can start it.\0"
        "last_run_failed\0"
        "%s stopped with an error last time. wufix can start it again.\0"
        "stuck_pending\0"
        "%s is stuck starting or stopping. Restarting Windows usually clears it.\0"
        "image_path\0"
        "%s was changed to run another program. wufix can put Windows' own back.\0"
        "service_dll\0"
        "%s was changed to load another program. wufix can put Windows' own back.\0"
        "service_dll_missing\0"
        "A file %s needs is missing. wufix cannot put it back.\0"
        "security_descriptor\0"
        "Permissions on %s were changed. wufix can put Windows' own back.\0"
        "dependencies\0"
        "%s was made to wait for something Windows does not need. wufix can undo that.\0"
        "dependency_missing\0"
        "Something %s needs is missing. wufix cannot put it back.\0"
        "dependency_disabled\0"
        "Something %s needs is disabled.\0"
        "blocker_wublock\0"
        "An update blocker has marked %s. wufix can remove the mark.\0"
        "blocker_key_deny\0"
        "An update blocker has locked the settings of %s.\0"
        "blocker_ifeo_debugger\0"
        "An update blocker stops %s from running. wufix can remove it.\0"
        "blocker_key_rights\0"
        "An update blocker has locked the settings of %s.\0"
        "blocker_wub_blocklists\0"
        "An update blocker left its list of blocked programs. wufix can remove it.\0"
        "account\0"
        "%s was changed to run as another account. wufix can put Windows' own back.\0"
        "waas_file_edited\0"
        "Windows' own copy of the settings of %s was edited by an update blocker.\0"
        "policy_no_windows_update\0"
        "A policy hides Windows Update. wufix leaves it.\0"
        "policy_disable_os_upgrade\0"
        "A policy turns off upgrades to a new Windows version. wufix leaves it.\0"
        "policy_wsus_loopback\0"
        "A policy sends Windows Update to a server that is not there. wufix leaves it.\0"
        "policy_user_blocks_access\0"
        "A policy for a user turns off Windows Update. wufix leaves it.\0"
        "policy_disallow_run\0"
        "A policy forbids %s to run. wufix leaves it.\0"
        "reboot_pending\0"
        "Windows needs a restart to finish installing updates.\0"
        "policy_blocks_access\0"
        "A policy set by your organization turns off Windows Update. wufix leaves it.\0"
        "policy_no_auto_update\0"
        "A policy set by your organization turns off automatic updates. wufix leaves it.\0"
        "low_disk_space\0"
        "The system drive is almost full. Free some space for updates.\0"
        "update_server_unreachable\0"
        "Your organization's update server does not answer.\0"
        "proxy_unreachable\0"
        "The proxy Windows Update goes through does not answer.\0"
        "update_endpoint_unreachable\0"
        "Windows Update's servers cannot be reached from this computer.\0"
        "time_service_disabled\0"
        "The Windows Time service is turned off, so the clock can go wrong and downloads fail. wufix leaves it.\0"
        "time_sync_off\0"
        "The Windows Time service is told never to set the clock, so downloads can fail. wufix leaves it.\0"
        "recovery_partition_space\0"
        "The recovery partition has too little free space for the Windows Recovery Environment update.\0";
    /* clang-format on */
    char who[WF_TEXT_MAX], text[512];
    if (pr->has_hresult) {
        plain_failure(b, pr);
        return;
    }
    int at = pr->service[0] ? wf_plan_find(p, pr->service) : -1;
    wf_text_safe(at >= 0 && p->svc[at].cfg.display_name[0] ? p->svc[at].cfg.display_name : pr->service, who,
                 sizeof(who));
    for (const char *code = words; *code;) {
        const char *w = code + strlen(code) + 1;
        if (strcmp(code, pr->code) == 0) {
            /* The name goes where the sentence has "%s". */
            const char *at_name = strstr(w, "%s");
            if (at_name)
                wf_buf_printf(b, "%.*s%s%s", (int)(at_name - w), w, who, at_name + 2);
            else
                wf_buf_puts(b, w);
            return;
        }
        code = w + strlen(w) + 1;
    }
    wf_check_describe(pr, who, sizeof(who));
    wf_buf_puts(b, wf_text_safe(who, text, sizeof(text)));
}

/* One paragraph at the margin, wrapped. */
static void say(struct wf_buf *b, size_t cols, const char *text)
{
    wf_buf_wrap(b, text, 0, 0, cols);
}

/* A problem, numbered, in plain words; for one wufix leaves (or could not
 * fix), what to do and who can: its own "To fix it:", under it. */
static void numbered(struct wf_buf *b, size_t cols, const struct wf_plan *p, const struct wf_problem *pr,
                     size_t n, bool with_fix)
{
    struct wf_buf t;
    char lead[16], who[1024], safe[1200];
    wf_buf_init(&t);
    if (pr->has_hresult)
        plain_failure(&t, pr);
    else
        plain(&t, p, pr);
    int w = snprintf(lead, sizeof(lead), "  %u. ", (unsigned)n);
    wf_buf_puts(b, lead);
    wf_buf_wrap(b, wf_buf_str(&t), (size_t)w, (size_t)w, cols);
    wf_buf_release(&t);
    if (!with_fix)
        return;
    bool theirs = wf_check_who(pr, who, sizeof(who));
    const char *remedy = theirs ? NULL : pr->remedy;
    if (remedy) {
        /* The remedy, and each command in it on a line of its own, to be copied. */
        char line[600];
        snprintf(line, sizeof(line), "To fix it: %s.", remedy);
        wf_buf_printf(b, "%*s", w, "");
        wf_buf_wrap(b, line, (size_t)w, (size_t)w + 2, cols);
        for (const char *q = strchr(remedy, '\''); q; q = strchr(q, '\'')) {
            const char *end = strchr(q + 1, '\'');
            if (!end)
                break;
            char cmd[600];
            snprintf(cmd, sizeof(cmd), "%.*s", (int)(end - q - 1), q + 1);
            wf_buf_printf(b, "%*s", w + 4, "");
            wf_buf_wrap(b, cmd, (size_t)w + 4, (size_t)w + 6, cols);
            q = end + 1;
        }
    }
    snprintf(safe, sizeof(safe), "%s%s.", remedy ? "" : "To fix it: ", who);
    wf_text_safe(safe, who, sizeof(who));
    wf_buf_printf(b, "%*s", w, "");
    wf_buf_wrap(b, who, (size_t)w, (size_t)w + 2, cols);
}

/* The outcome, wrapped, in its colour. */
static void outcome(struct wf_buf *b, size_t cols, const struct wf_report_ctx *rc, bool good,
                    const char *text)
{
    struct wf_buf t;
    wf_buf_init(&t);
    /* Coloured, its lines keep room for the colour's 9 characters: Wine's
     * console counts them as columns (seen in a tmux pane of 40). */
    wf_buf_wrap(&t, text, 0, 0, rc->color ? cols - 9 : cols);
    if (t.len && t.data[t.len - 1] == '\n')
        t.data[--t.len] = '\0';
    wf_report_outcome(b, rc, good, wf_buf_str(&t));
    wf_buf_release(&t);
}

/* "1", "1 and 2", "1, 2 and 4": the numbers of the problems marked. */
static void numbers(struct wf_buf *b, const bool *mark, size_t n)
{
    size_t total = 0, done = 0;
    for (size_t i = 0; i < n; i++)
        total += mark[i];
    for (size_t i = 0; i < n; i++)
        if (mark[i]) {
            done++;
            wf_buf_printf(b, "%s%u", done == 1 ? "" : done == total ? " and " : ", ", (unsigned)(i + 1));
        }
}

/* The question, asked until the answer is one: y, yes, Enter (yes), n or no,
 * in any case. Anything else asks again; nothing to read is no. */
static bool ask(struct wf_ctx *ctx, const char *question)
{
    const struct wf_platform *pf = ctx->pf;
    for (int tries = 0; tries < 20; tries++) {
        char answer[64] = "";
        wf_out_printf(&pf->out, WF_STDOUT, "%s [Y/n] ", question);
        if (pf->read_line(pf->self, answer, sizeof(answer)) != WF_OK)
            break;
        size_t n = strlen(answer);
        while (n && (answer[n - 1] == ' ' || answer[n - 1] == '\t' || answer[n - 1] == '\r'))
            answer[--n] = '\0';
        const char *a = answer + strspn(answer, " \t");
        if (!a[0] || wf_name_cmp(a, "y") == 0 || wf_name_cmp(a, "yes") == 0)
            return true;
        if (wf_name_cmp(a, "n") == 0 || wf_name_cmp(a, "no") == 0)
            break;
        wf_out_puts(&pf->out, WF_STDOUT, "Please type Y or N.\n");
    }
    wf_out_puts(&pf->out, WF_STDOUT, "Nothing was changed.\n");
    return false;
}

static void sink(void *self, enum wf_stream s, const char *text, size_t n)
{
    (void)self;
    (void)s;
    (void)text;
    (void)n;
}

/* The repair, in this process when elevated, else in an elevated wufix (one
 * UAC prompt, its output nowhere): its words for admins left out either way,
 * guided mode says what it did in its own. Returns its exit code. */
static int repair(struct wf_ctx *ctx)
{
    int rcode = WF_EXIT_ACCESS;
    if (ctx->pf->elevated) {
        struct wf_platform quiet = *ctx->pf;
        struct wf_ctx r = *ctx;
        quiet.out.write = sink;
        r.pf = &quiet;
        r.opt.cmd = wf_cli_find(ctx->table, "repair");
        r.opt.yes = r.opt.quiet = true; /* the answer was the question it would ask */
        return r.opt.cmd->handler(&r);
    }
    if (!ctx->pf->elevate)
        return WF_EXIT_ACCESS;
    static const char *const args[] = {"repair", "--yes", "--quiet"};
    if (ctx->pf->elevate(ctx->pf->self, args, 3, true, &rcode) != WF_OK)
        rcode = WF_EXIT_ACCESS;
    return rcode;
}

int wf_cmd_guided(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c, *after = NULL;
    struct wf_plan *p, *p2 = NULL;
    struct wf_buf b;
    uint64_t t0;
    int rcode = wf_cmd_checked(ctx, &c, &p, &rc, &t0);
    if (rcode != WF_EXIT_OK)
        return rcode;
    wf_buf_init(&b);
    /* Every line of its screens fits the console it is shown in. */
    size_t n = 0, fixable = 0, cols = wf_out_width(&ctx->pf->out);
    /* As many as the check found: the list has no limit. */
    bool *mark = calloc(c->n + 1, sizeof(*mark));
    /* An array of pointers: each element is a pointer, as sizeof says. */
    const struct wf_problem **list = calloc(c->n + 1, sizeof(*list)); // NOLINT(bugprone-sizeof-expression)
    if (!mark || !list) {
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    for (size_t i = 0; i < c->n; i++)
        if (c->p[i].sev != WF_SEV_INFO) {
            fixable += c->p[i].fixable;
            list[n++] = &c->p[i];
        }
    char head[sizeof(rc.computer) + 64];
    snprintf(head, sizeof(head), "wufix checks the services Windows Update needs on %s.", rc.computer);
    say(&b, cols, head);
    wf_buf_puts(&b, "\n");
    if (!n) {
        outcome(&b, cols, &rc, true, "Windows Update's services look healthy. There is nothing to do.");
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        goto out;
    }
    wf_buf_printf(&b, "wufix found %u problem%s:\n\n", (unsigned)n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++)
        numbered(&b, cols, p, list[i], i + 1, !list[i]->fixable);
    wf_buf_puts(&b, "\n");
    if (!fixable) {
        outcome(&b, cols, &rc, false,
                n == 1 ? "wufix cannot fix this problem itself. Nothing was changed."
                       : "wufix cannot fix these problems itself. Nothing was changed.");
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        rcode = WF_EXIT_PROBLEMS;
        goto out;
    }
    /* What Yes does, and what it does not. */
    struct wf_buf t;
    wf_buf_init(&t);
    for (size_t i = 0; i < n; i++)
        mark[i] = list[i]->fixable;
    if (n == 1)
        wf_buf_puts(&t, "Yes fixes it");
    else if (fixable == n)
        wf_buf_puts(&t, n == 2 ? "Yes fixes both" : "Yes fixes all of them");
    else {
        wf_buf_puts(&t, "Yes fixes ");
        numbers(&t, mark, n);
        wf_buf_puts(&t, ". It does not fix ");
        for (size_t i = 0; i < n; i++)
            mark[i] = !mark[i];
        numbers(&t, mark, n);
        wf_buf_puts(&t, n - fixable == 1 ? ": see \"To fix it\" under it" : ": see \"To fix it\" under each");
    }
    wf_buf_puts(&t, ".");
    say(&b, cols, wf_buf_str(&t));
    /* Elevated already (Run as administrator), no prompt comes: never promise one. */
    say(&b, cols,
        ctx->pf->elevated ? "'wufix undo' puts back what wufix changed."
                          : "Windows will ask for permission to make changes. 'wufix undo' puts back what "
                            "wufix changed.");
    wf_buf_release(&t);
    wf_buf_puts(&b, "\n");
    wf_cmd_emit(ctx, WF_STDOUT, &b);
    if (!ask(ctx, "Repair now?")) {
        rcode = WF_EXIT_PROBLEMS;
        goto out;
    }
    wf_out_puts(&ctx->pf->out, WF_STDOUT, "\nRepairing...\n");
    rcode = repair(ctx);
    wf_buf_puts(&b, "\n");
    if (rcode == WF_EXIT_ACCESS) {
        outcome(&b, cols, &rc, false, "The repair needs administrator rights. Nothing was changed.");
        say(&b, cols,
            "Ask someone with an administrator account on this PC to run wufix, or contact IT support.");
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        goto out;
    }
    /* What is still wrong: the repair's own check, asked again here (a
     * repair that was put back, or stopped by what is missing, fixed none). */
    size_t left = 0, errors = 0, fixed = 0;
    bool checked = rcode == WF_EXIT_OK || rcode == WF_EXIT_REBOOT || rcode == WF_EXIT_PROBLEMS ||
                   rcode == WF_EXIT_FAILED || rcode == WF_EXIT_BLOCKED;
    after = checked ? calloc(1, sizeof(*after)) : NULL;
    if (after && wf_cmd_health(ctx, WF_OP_STATUS, &p2, after) != WF_OK) {
        outcome(&b, cols, &rc, false, "The repair ran, but wufix could not check again what is left.");
        say(&b, cols, "Run wufix again to see what is still wrong.");
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    for (size_t i = 0; after && i < n; i++) {
        mark[i] = !wf_check_has(after, list[i]);
        fixed += mark[i];
    }
    if (!after || (!fixed && (rcode == WF_EXIT_FAILED || rcode == WF_EXIT_BLOCKED))) {
        outcome(&b, cols, &rc, false, "The repair did not finish; anything it changed was put back.");
        char next[256];
        snprintf(next, sizeof(next),
                 "Restart the PC, then run wufix again. If the repair fails again, contact IT support, or "
                 "whoever looks after this PC, and tell them: 'wufix repair' failed with exit code %d.",
                 rcode);
        say(&b, cols, next);
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        goto out;
    }
    if (fixed) {
        wf_buf_puts(&b, n == fixed ? "Fixed: all of them.\n" : "Fixed: ");
        if (n != fixed) {
            numbers(&b, mark, n);
            wf_buf_puts(&b, ".\n");
        }
    }
    /* Each still wrong under its number above; one found only now after them. */
    size_t more = n;
    for (size_t i = 0; i < after->n; i++)
        if (after->p[i].sev != WF_SEV_INFO) {
            if (!left++)
                wf_buf_puts(&b, "\nStill wrong:\n\n");
            errors += after->p[i].sev == WF_SEV_ERROR;
            size_t num = 0;
            for (size_t j = 0; j < n && !num; j++)
                if (strcmp(list[j]->code, after->p[i].code) == 0 &&
                    strcmp(list[j]->service, after->p[i].service) == 0)
                    num = j + 1;
            numbered(&b, cols, p2, &after->p[i], num ? num : ++more, true);
        }
    wf_buf_puts(&b, "\n");
    if (errors || rcode == WF_EXIT_FAILED || rcode == WF_EXIT_BLOCKED) {
        outcome(&b, cols, &rc, false,
                errors ? "wufix fixed what it can. Windows Update will not work until what is still wrong "
                         "is fixed."
                       : "wufix fixed what it can. What is still wrong is above, with what to do.");
        if (rcode == WF_EXIT_OK || rcode == WF_EXIT_REBOOT)
            rcode = WF_EXIT_PROBLEMS;
    } else if (left || rcode == WF_EXIT_REBOOT) {
        outcome(&b, cols, &rc, true,
                rcode == WF_EXIT_REBOOT
                    ? "Windows Update's services are repaired. Restart the PC to finish."
                    : "Windows Update's services are repaired. See above for what is left to do.");
    } else {
        outcome(&b, cols, &rc, true, "Windows Update's services are repaired.");
    }
    wf_cmd_emit(ctx, WF_STDOUT, &b);
out:
    free(mark);
    free(list);
    wf_buf_release(&b);
    wf_plan_free(p2);
    if (after)
        wf_check_release(after);
    free(after);
    wf_cmd_checked_release(ctx, c, p);
    return rcode;
}

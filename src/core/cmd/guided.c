/* SPDX-License-Identifier: MIT */
/* guided.c - for the person who double-clicked wufix: what is wrong in plain
 * words, one question, the repair (elevated if need be), one sentence of
 * outcome. */
#include "common.h"

#include "wufix/base/hresult.h"
#include "wufix/base/prose.h"

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
    const char *verb = strcmp(pr->code, WF_M(M_LAST_SCAN_FAILED)) == 0       ? WF_M(M_CHECK_FOR_UPDATES)
                       : strcmp(pr->code, WF_M(M_LAST_DOWNLOAD_FAILED)) == 0 ? "download"
                                                                             : "install";
    char what[96] = "", when[48] = "";
    int year = number(pr->when, 4), month = number(pr->when + 5, 2), day = number(pr->when + 8, 2);
    if (month >= 1 && month <= 12 && day >= 1)
        snprintf(when, sizeof(when), WF_M(M_ON_D_S_D), day, months[month - 1], year);
    /* A monthly update's title begins "2026-11 Cumulative Update ..."; the
     * title is the update source's text: only its digits are used. */
    bool monthly = strlen(pr->title) > 8 && pr->title[4] == '-' && pr->title[7] == ' ';
    int ty = monthly ? number(pr->title, 4) : -1, tm = monthly ? number(pr->title + 5, 2) : 0;
    if (verb[0] != 'c' && ty > 0 && tm >= 1 && tm <= 12)
        snprintf(what, sizeof(what), WF_M(M_THE_S_D_UPDATE), months[tm - 1], ty);
    else if (verb[0] != 'c')
        snprintf(what, sizeof(what), WF_M(M_AN_UPDATE));
    wf_buf_printf(b, WF_M(M_WINDOWS_UPDATE_COULD_NOT_S), verb, what, pr->kb[0] ? " (" : "", pr->kb,
                  pr->kb[0] ? ")" : "", when,
                  wf_hr_class_plain(r ? (enum wf_hr_class)r->cls : WF_HRC_UNKNOWN));
    if (!r)
        wf_buf_printf(b, WF_M(M_ERROR_0X_08X), (unsigned)pr->hresult);
    wf_buf_puts(b, ".");
}

/* A sentence a person understands for one problem (no line end). */
static void plain(struct wf_buf *b, const struct wf_plan *p, const struct wf_problem *pr)
{
    char who[WF_TEXT_MAX], text[512];
    if (pr->has_hresult) {
        plain_failure(b, pr);
        return;
    }
    int at = pr->service[0] ? wf_plan_find(p, pr->service) : -1;
    wf_text_safe(at >= 0 && p->svc[at].cfg.display_name[0] ? p->svc[at].cfg.display_name : pr->service, who,
                 sizeof(who));
    /* A NoAutoUpdate no policy source holds (policies.c gives only such a
     * one a remedy: repair --policies deletes it) has the second sentence of
     * its code. */
    int skip = pr->remedy && strcmp(pr->code, WF_M(M_POLICY_NO_AUTO_UPDATE)) == 0;
    /* Each code, NUL, its words, NUL (guided.inc). */
    for (const char *code = wf_prose(WF_PROSE_GUIDED, NULL); *code;) {
        const char *w = code + strlen(code) + 1;
        if (strcmp(code, pr->code) == 0 && skip-- == 0) {
            /* One Yes does not fix (a protected service's) ends before "wufix
             * can": what is promised is what the repair does. */
            wf_strlcpy(text, w, sizeof(text));
            char *can = strstr(text, WF_M(M_WUFIX_CAN));
            if (can && !pr->fixable)
                *can = '\0';
            /* The name goes where the sentence has "%s". */
            const char *at_name = strstr(text, "%s");
            if (at_name)
                wf_buf_printf(b, "%.*s%s%s", (int)(at_name - text), text, who, at_name + 2);
            else
                wf_buf_puts(b, text);
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
        snprintf(line, sizeof(line), WF_M(M_TO_FIX_IT_S), remedy);
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
    snprintf(safe, sizeof(safe), "%s%s.", remedy ? "" : WF_M(M_TO_FIX_IT), who);
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
        wf_out_puts(&pf->out, WF_STDOUT, WF_M(M_PLEASE_TYPE_Y_OR_N));
    }
    wf_out_puts(&pf->out, WF_STDOUT, WF_M(M_NOTHING_WAS_CHANGED_N));
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
    snprintf(head, sizeof(head), WF_M(M_WUFIX_CHECKS_THE_SERVICES_WINDOWS), rc.computer);
    say(&b, cols, head);
    wf_buf_puts(&b, "\n");
    if (!n) {
        outcome(&b, cols, &rc, true, WF_M(M_WINDOWS_UPDATE_S_SERVICES_LOOK));
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        goto out;
    }
    wf_buf_printf(&b, WF_M(M_WUFIX_FOUND_U_PROBLEM_S), (unsigned)n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++)
        numbered(&b, cols, p, list[i], i + 1, !list[i]->fixable);
    wf_buf_puts(&b, "\n");
    if (!fixable) {
        outcome(&b, cols, &rc, false,
                n == 1 ? WF_M(M_WUFIX_CANNOT_FIX_THIS_PROBLEM) : WF_M(M_WUFIX_CANNOT_FIX_THESE_PROBLEMS));
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
        wf_buf_puts(&t, WF_M(M_YES_FIXES_IT));
    else if (fixable == n)
        wf_buf_puts(&t, n == 2 ? WF_M(M_YES_FIXES_BOTH) : WF_M(M_YES_FIXES_ALL_OF_THEM));
    else {
        wf_buf_puts(&t, WF_M(M_YES_FIXES));
        numbers(&t, mark, n);
        wf_buf_puts(&t, WF_M(M_IT_DOES_NOT_FIX));
        for (size_t i = 0; i < n; i++)
            mark[i] = !mark[i];
        numbers(&t, mark, n);
        wf_buf_puts(&t, n - fixable == 1 ? WF_M(M_SEE_TO_FIX_IT_UNDER) : WF_M(M_SEE_TO_FIX_IT_UNDER_2));
    }
    wf_buf_puts(&t, ".");
    say(&b, cols, wf_buf_str(&t));
    /* Elevated already (Run as administrator), no prompt comes: never promise one. */
    say(&b, cols,
        ctx->pf->elevated ? WF_M(M_WUFIX_UNDO_PUTS_BACK_WHAT) : WF_M(M_WINDOWS_WILL_ASK_FOR_PERMISSION));
    wf_buf_release(&t);
    wf_buf_puts(&b, "\n");
    wf_cmd_emit(ctx, WF_STDOUT, &b);
    if (!ask(ctx, WF_M(M_REPAIR_NOW))) {
        rcode = WF_EXIT_PROBLEMS;
        goto out;
    }
    wf_out_puts(&ctx->pf->out, WF_STDOUT, WF_M(M_NREPAIRING_N));
    rcode = repair(ctx);
    wf_buf_puts(&b, "\n");
    if (rcode == WF_EXIT_ACCESS) {
        outcome(&b, cols, &rc, false, WF_M(M_THE_REPAIR_NEEDS_ADMINISTRATOR_RIGHTS));
        say(&b, cols, WF_M(M_ASK_SOMEONE_WITH_AN_ADMINISTRATOR));
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
        outcome(&b, cols, &rc, false, WF_M(M_THE_REPAIR_RAN_BUT_WUFIX));
        say(&b, cols, WF_M(M_RUN_WUFIX_AGAIN_TO_SEE));
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    for (size_t i = 0; after && i < n; i++) {
        mark[i] = !wf_check_has(after, list[i]);
        fixed += mark[i];
    }
    if (!after || (!fixed && (rcode == WF_EXIT_FAILED || rcode == WF_EXIT_BLOCKED))) {
        outcome(&b, cols, &rc, false, WF_M(M_THE_REPAIR_DID_NOT_FINISH));
        char next[256];
        snprintf(next, sizeof(next), WF_M(M_RESTART_THE_PC_THEN_RUN), rcode);
        say(&b, cols, next);
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        goto out;
    }
    if (fixed) {
        wf_buf_puts(&b, n == fixed ? WF_M(M_FIXED_ALL_OF_THEM_N) : "Fixed: ");
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
                wf_buf_puts(&b, WF_M(M_NSTILL_WRONG_N_N));
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
                errors ? WF_M(M_WUFIX_FIXED_WHAT_IT_CAN) : WF_M(M_WUFIX_FIXED_WHAT_IT_CAN_2));
        if (rcode == WF_EXIT_OK || rcode == WF_EXIT_REBOOT)
            rcode = WF_EXIT_PROBLEMS;
    } else if (left || rcode == WF_EXIT_REBOOT) {
        outcome(&b, cols, &rc, true,
                rcode == WF_EXIT_REBOOT ? WF_M(M_WINDOWS_UPDATE_S_SERVICES_ARE)
                                        : WF_M(M_WINDOWS_UPDATE_S_SERVICES_ARE_2));
    } else {
        outcome(&b, cols, &rc, true, WF_M(M_WINDOWS_UPDATE_S_SERVICES_ARE_3));
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

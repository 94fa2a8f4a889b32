/* SPDX-License-Identifier: MIT */
/* report.c - every word wufix shows about services: tables, plan, progress, errors
 * (the JSON is report_json.c's). */
#include "wufix/mech/report.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#define DISPLAY_COLS_MAX 40

static const char *verb_done(enum wf_step_kind k)
{
    return k == WF_STEP_STOP ? "stopped" : "started";
}

const char *wf_report_verb(enum wf_step_kind k)
{
    return k == WF_STEP_STOP ? "stop" : "start";
}

static bool show_exit(const struct wf_svc_status *st)
{
    /* 1077 (never started) is how demand-start services look: not a failure. */
    return st->exit_code != 0 && !(st->exit_code == 1077 && !st->exit_service_specific);
}

static const struct wf_svc_status *status_of(const struct wf_plan_svc *s, enum wf_table_when w)
{
    return w == WF_TABLE_BEFORE ? &s->before : &s->after;
}

/* Display name cut to the column with an ellipsis (UTF-8 safe). */
static void clip(char *dst, size_t size, const char *src, size_t cols)
{
    size_t w = 0, i = 0;
    for (; src[i] && i + 4 < size; i++) {
        if (((unsigned char)src[i] & 0xC0) != 0x80) {
            if (w == cols - 1 && wf_utf8_width(src + i) > 1) {
                memcpy(dst + i, "\xE2\x80\xA6", 3); /* ... */
                dst[i + 3] = '\0';
                return;
            }
            w++;
        }
        dst[i] = src[i];
    }
    dst[i] = '\0';
}

/* SGR colours, only when the context says the console shows them. */
#define SGR_RED    "\x1b[31m"
#define SGR_GREEN  "\x1b[32m"
#define SGR_YELLOW "\x1b[33m"
#define SGR_CYAN   "\x1b[36m"
#define SGR_RESET  "\x1b[0m"

/* `text` padded to `width`, in `sgr` when colour is on (the padding stays
 * inside, so columns line up either way). */
static void pad_color(struct wf_buf *b, const struct wf_report_ctx *c, const char *sgr, const char *text,
                      size_t width)
{
    bool on = c && c->color && sgr;
    if (on)
        wf_buf_puts(b, sgr);
    wf_buf_pad(b, text, width);
    if (on)
        wf_buf_puts(b, SGR_RESET);
}

void wf_report_outcome(struct wf_buf *b, const struct wf_report_ctx *c, bool good, const char *text)
{
    bool on = c && c->color;
    wf_buf_printf(b, "%s%s%s\n", on ? (good ? SGR_GREEN : SGR_RED) : "", text, on ? SGR_RESET : "");
}

static const char *state_color(enum wf_state s)
{
    return s == WF_STATE_RUNNING         ? SGR_GREEN
           : s == WF_STATE_STOPPED       ? SGR_YELLOW
           : s == WF_STATE_NOT_INSTALLED ? SGR_RED
           : wf_state_is_pending(s)      ? SGR_CYAN
                                         : NULL;
}

/* The start type in the words of services.msc's Startup Type column:
 * "Automatic (Delayed Start)", "Manual (Trigger Start)", "Automatic
 * (Delayed Start, Trigger Start)"; one set of words in every table. */
static const char *start_text(const struct wf_plan_svc *s, enum wf_table_when when, char *buf, size_t size)
{
    enum wf_start_type t = when == WF_TABLE_AFTER ? s->after_start : s->cfg.start_type;
    bool trigger = s->cfg.triggers > 0;
    if (!s->installed)
        return "-";
    if (t == WF_START_DISABLED || t == WF_START_UNKNOWN || t == WF_START_BOOT || t == WF_START_SYSTEM)
        return wf_start_words(t);
    if (t == WF_START_AUTO_DELAYED)
        snprintf(buf, size, WF_M(M_AUTOMATIC_DELAYED_START_S), trigger ? WF_M(M_TRIGGER_START) : "");
    else
        snprintf(buf, size, "%s%s", t == WF_START_AUTO ? "Automatic" : "Manual",
                 trigger ? WF_M(M_TRIGGER_START_2) : "");
    return buf;
}

void wf_report_table(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                     enum wf_table_when when)
{
    char start_buf[64];
    size_t wn = strlen("SERVICE"), wd = strlen("DISPLAY NAME"), ws = strlen("STATE"),
           wt = strlen("START TYPE");
    bool any_exit = false;
    char disp[WF_TEXT_MAX], safe[WF_TEXT_MAX];
    for (size_t i = 0; i < p->nsvc; i++) {
        const struct wf_plan_svc *s = &p->svc[i];
        const struct wf_svc_status *st = status_of(s, when);
        clip(disp, sizeof(disp), wf_text_safe(s->cfg.display_name, safe, sizeof(safe)), DISPLAY_COLS_MAX);
        if (wf_utf8_width(wf_text_safe(s->name, safe, sizeof(safe))) > wn)
            wn = wf_utf8_width(safe);
        if (wf_utf8_width(disp) > wd)
            wd = wf_utf8_width(disp);
        if (strlen(wf_state_words(st->state)) > ws)
            ws = strlen(wf_state_words(st->state));
        const char *start = start_text(s, when, start_buf, sizeof(start_buf));
        if (strlen(start) > wt)
            wt = strlen(start);
        any_exit |= show_exit(st);
    }
    /* On a console too narrow for the table, display names are cut to what
     * is left, or left out (under 8 columns). */
    size_t dmax = DISPLAY_COLS_MAX, total = 2 + wn + 2 + wd + 2 + ws + 2 + wt + 2 + (any_exit ? 20 : 5);
    if (c && c->width && total > c->width)
        dmax = total - c->width < wd - 8 ? wd - (total - c->width) : 0;
    if (dmax < wd)
        wd = dmax;
    wf_buf_puts(b, "  ");
    wf_buf_pad(b, "SERVICE", wn + 2);
    if (dmax)
        wf_buf_pad(b, WF_M(M_DISPLAY_NAME_HEAD), wd + 2);
    wf_buf_pad(b, "STATE", ws + 2);
    wf_buf_pad(b, WF_M(M_START_TYPE_3), wt + 2);
    wf_buf_puts(b, any_exit ? WF_M(M_PID_LAST_EXIT_N) : "PID\n");
    for (size_t i = 0; i < p->nsvc; i++) {
        const struct wf_plan_svc *s = &p->svc[i];
        const struct wf_svc_status *st = status_of(s, when);
        char pid[16] = "-";
        clip(disp, sizeof(disp), wf_text_safe(s->cfg.display_name, safe, sizeof(safe)), dmax ? dmax : 1);
        if (st->pid)
            snprintf(pid, sizeof(pid), "%u", (unsigned)st->pid);
        wf_buf_puts(b, "  ");
        wf_buf_pad(b, wf_text_safe(s->name, safe, sizeof(safe)), wn + 2);
        if (dmax)
            wf_buf_pad(b, disp, wd + 2);
        pad_color(b, c, state_color(st->state), wf_state_words(st->state), ws + 2);
        enum wf_start_type start = when == WF_TABLE_AFTER ? s->after_start : s->cfg.start_type;
        pad_color(b, c, start == WF_START_DISABLED ? SGR_RED : NULL,
                  start_text(s, when, start_buf, sizeof(start_buf)), wt + 2);
        if (show_exit(st)) {
            wf_buf_pad(b, pid, 8);
            wf_buf_printf(b, "%s%u", st->exit_service_specific ? WF_M(M_SERVICE_CODE) : "",
                          (unsigned)st->exit_code);
        } else {
            wf_buf_puts(b, pid);
        }
        /* The note after the row, or under it where the console ends first. */
        const char *note = WF_M(M_PROTECTED_BY_WINDOWS_SHOWN_NEVER);
        if (s->protected_svc && c && c->width && total + 50 > c->width) {
            wf_buf_puts(b, "\n    ");
            wf_buf_wrap(b, note, 4, 6, c->width);
            continue;
        }
        if (s->protected_svc)
            wf_buf_printf(b, "  %s", note);
        wf_buf_puts(b, "\n");
    }
}

/* The service was, when the plan was made, where its step of `kind` takes
 * it (stopped before a stop; running before a start, with no stop of it
 * planned): the plan's line says so, and the step's own line would repeat it. */
static bool already(const struct wf_plan *p, size_t svc, enum wf_step_kind kind)
{
    if (p->svc[svc].before.state != (kind == WF_STEP_STOP ? WF_STATE_STOPPED : WF_STATE_RUNNING))
        return false;
    for (size_t k = 0; kind == WF_STEP_START && k < p->nstep; k++)
        if (p->step[k].svc == svc && p->step[k].kind == WF_STEP_STOP)
            return false; /* a restart: stopped first */
    return true;
}

/* The plan's lines of one kind (or both, kind -1) in wave order, numbered
 * from *n on; with b NULL only counted. */
static void plan_lines(struct wf_buf *b, const struct wf_plan *p, int only, unsigned *n)
{
    for (unsigned w = 1; w <= p->nwaves; w++) {
        for (int kind = WF_STEP_STOP; kind <= WF_STEP_START; kind++) {
            bool first = true;
            if (only >= 0 && kind != only)
                continue;
            for (size_t k = 0; k < p->nstep; k++) {
                const struct wf_step *s = &p->step[k];
                if (s->wave != w || (int)s->kind != kind)
                    continue;
                if (first)
                    ++*n;
                if (b) {
                    if (first)
                        wf_buf_printf(b, "  %u. %s ", *n, wf_report_verb(s->kind));
                    else
                        wf_buf_puts(b, ", ");
                    wf_buf_puts_safe(b, p->svc[s->svc].name);
                    if (!p->svc[s->svc].in_set)
                        wf_buf_puts(b, WF_M(M_RUNNING_DEPENDENT_OUTSIDE_THE_SET));
                    if (already(p, s->svc, s->kind))
                        wf_buf_puts(b, s->kind == WF_STEP_STOP ? WF_M(M_ALREADY_STOPPED)
                                                               : WF_M(M_ALREADY_RUNNING));
                }
                first = false;
            }
            if (b && !first)
                wf_buf_puts(b, "\n");
        }
    }
}

/* The services of the set Windows protects: what the plan leaves, and why. */
static void left_alone(struct wf_buf *b, const struct wf_plan *p)
{
    const char *lead = WF_M(M_LEFT_AS_THEY_ARE_PROTECTED);
    for (size_t i = 0; i < p->nsvc; i++)
        if (p->svc[i].in_set && p->svc[i].installed && p->svc[i].protected_svc) {
            wf_buf_printf(b, "%s ", lead);
            wf_buf_puts_safe(b, p->svc[i].name);
            lead = ",";
        }
    if (lead[0] == ',')
        wf_buf_puts(b, "\n");
}

unsigned wf_report_steps(const struct wf_plan *p, bool mid)
{
    unsigned n = 0;
    plan_lines(NULL, p, mid ? WF_STEP_STOP : -1, &n);
    if (mid)
        plan_lines(NULL, p, WF_STEP_START, &n);
    return n + mid;
}

void wf_report_plan(struct wf_buf *b, const struct wf_plan *p, const struct wf_repair *between, bool back)
{
    bool mid = between && between->n;
    if (p->op != WF_OP_STATUS)
        left_alone(b, p);
    if (p->nstep == 0 && !mid) {
        wf_buf_puts(b, WF_M(M_PLAN_NOTHING_TO_DO_N));
        return;
    }
    /* Lines are numbered as they run: services on one line move together.
     * With something to do between (reset's caches), every stop comes
     * first, then that, then every start, as the run does it. */
    unsigned n = wf_report_steps(p, mid);
    /* Said only where a line has more than one service. */
    bool together = false;
    for (size_t k = 0; k < p->nstep && !together; k++)
        for (size_t l = k + 1; l < p->nstep && !together; l++)
            together = p->step[k].wave == p->step[l].wave && p->step[k].kind == p->step[l].kind;
    wf_buf_printf(b, WF_M(M_PLAN_U_STEP_S_S), n, n == 1 ? "" : "s",
                  together ? WF_M(M_SERVICES_ON_ONE_LINE_MOVE) : "");
    n = 0;
    plan_lines(b, p, mid ? WF_STEP_STOP : -1, &n);
    if (!mid)
        return;
    wf_buf_printf(b, WF_M(M_U_WITH_EVERY_SERVICE_STOPPED), ++n,
                  back ? WF_M(M_PUT_BACK_WHAT_WAS_SET) : WF_M(M_SET_ASIDE_NEVER_DELETED));
    for (size_t i = 0; i < between->n; i++) {
        wf_buf_puts(b, "       ");
        wf_repair_describe(&between->fix[i], b);
        wf_buf_puts(b, "\n");
    }
    plan_lines(b, p, WF_STEP_START, &n);
}

void wf_report_action(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                      const struct wf_action *a)
{
    char safe[WF_TEXT_MAX];
    const char *name = wf_text_safe(p->svc[a->svc].name, safe, sizeof(safe));
    if (a->err != WF_OK) {
        wf_buf_puts(b, "  ");
        wf_report_error(b, c, p, a);
        return;
    }
    if (a->noop && !a->rollback && already(p, a->svc, a->kind))
        return;
    if (a->noop) {
        wf_buf_printf(b, WF_M(M_S_S_WAS_ALREADY_S), a->rollback ? WF_M(M_PUT_BACK) : "", name,
                      a->kind == WF_STEP_STOP ? "stopped" : "running");
        return;
    }
    wf_buf_printf(b, WF_M(M_S_8S_S_IN_LLU), a->rollback ? WF_M(M_PUT_BACK) : "", verb_done(a->kind), name,
                  (unsigned long long)(a->ms / 1000), (unsigned long long)(a->ms % 1000 / 10),
                  a->forced ? WF_M(M_FORCE_ENDED_ITS_PROCESS) : "");
}

static const char *next_step(wf_err e, enum wf_step_kind kind)
{
    if (e == WF_E_TIMEOUT && kind == WF_STEP_STOP)
        return WF_M(M_TRY_AGAIN_WITH_A_LONGER);
    switch (e) {
    case WF_E_ACCESS: return WF_M(M_RUN_WUFIX_FROM_AN_ELEVATED);
    case WF_E_DISABLED: return WF_M(M_ITS_START_TYPE_IS_DISABLED);
    case WF_E_NO_SERVICE: return WF_M(M_THE_SERVICE_IS_NOT_INSTALLED);
    case WF_E_MARKED_DELETE: return WF_M(M_THE_SERVICE_IS_MARKED_FOR);
    case WF_E_TIMEOUT: return WF_M(M_TRY_AGAIN_WITH_A_LONGER_2);
    case WF_E_INTERRUPTED: return WF_M(M_INTERRUPTED_SERVICES_WERE_PUT_BACK_2);
    case WF_E_START_FAILED: return WF_M(M_SEE_THE_SYSTEM_EVENT_LOG);
    case WF_E_DEPENDENCY: return WF_M(M_A_SERVICE_IT_DEPENDS_ON);
    case WF_E_NOT_STOPPABLE: return WF_M(M_THE_SERVICE_DOES_NOT_ACCEPT);
    default: return NULL;
    }
}

void wf_report_error(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                     const struct wf_action *a)
{
    char text[512] = "", safe[WF_TEXT_MAX];
    const char *name = wf_text_safe(p->svc[a->svc].name, safe, sizeof(safe));
    wf_buf_printf(b, WF_M(M_SCOULD_NOT_S_S), a->rollback ? WF_M(M_COULD_NOT_PUT_BACK) : "",
                  wf_report_verb(a->kind), name);
    switch (a->err) {
    case WF_E_TIMEOUT:
        if (a->left_alone)
            wf_buf_printf(b, WF_M(M_IT_IS_STILL_S_LEFT), wf_state_words(a->stuck));
        else if (a->stalled)
            wf_buf_printf(b, WF_M(M_IT_MADE_NO_PROGRESS_FOR), (unsigned long long)(a->ms / 1000),
                          (unsigned long long)(a->ms % 1000 / 100), wf_state_words(a->stuck));
        else
            wf_buf_printf(b, WF_M(M_STILL_S_AFTER_LLU_01LLU), wf_state_words(a->stuck),
                          (unsigned long long)(a->ms / 1000), (unsigned long long)(a->ms % 1000 / 100));
        break;
    case WF_E_START_FAILED:
        wf_buf_puts(b, WF_M(M_IT_STOPPED_INSTEAD_OF_STARTING));
        if (a->syscode) {
            if (c->backend)
                c->backend->ops->describe(c->backend->self, a->syscode, text, sizeof(text));
            wf_buf_printf(b, WF_M(M_EXIT_CODE_U_S_S), (unsigned)a->syscode, text[0] ? " (" : "",
                          wf_text_safe(text, safe, sizeof(safe)), text[0] ? ")" : "");
        }
        break;
    case WF_E_NOT_STOPPABLE: wf_buf_puts(b, WF_M(M_IT_DOES_NOT_ACCEPT_STOP)); break;
    case WF_E_ACCESS:
        /* Each operation opens the service with one right: name it. */
        wf_buf_printf(b, WF_M(M_ACCESS_IS_DENIED_THIS_ACCOUNT),
                      a->kind == WF_STEP_STOP ? WF_M(M_SERVICE_STOP) : WF_M(M_SERVICE_START));
        break;
    default:
        if (a->syscode && c->backend)
            c->backend->ops->describe(c->backend->self, a->syscode, text, sizeof(text));
        if (text[0])
            wf_buf_printf(b, "%s (%u)", wf_text_safe(text, safe, sizeof(safe)), (unsigned)a->syscode);
        else
            wf_buf_puts(b, wf_err_token(a->err));
        break;
    }
    if (a->note[0])
        wf_buf_printf(b, "; %s", wf_text_safe(a->note, safe, sizeof(safe)));
    const char *hint = a->rollback ? NULL : next_step(a->err, a->kind);
    wf_buf_printf(b, "%s%s\n", hint ? "; " : "", hint ? hint : "");
}

void wf_report_summary(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p,
                       wf_err result, unsigned steps, unsigned changes, uint64_t elapsed_ms)
{
    size_t back = 0, not_back = 0;
    for (size_t i = 0; i < p->naction; i++)
        if (p->action[i].rollback)
            p->action[i].err == WF_OK ? back++ : not_back++;
    bool on = c && c->color;
    if (result == WF_OK) {
        /* The plan's steps and the changes listed, counted as they were. */
        wf_buf_printf(b, WF_M(M_SDONE_S_U_STEP_S), on ? SGR_GREEN : "", on ? SGR_RESET : "", steps,
                      steps == 1 ? "" : "s");
        if (changes)
            wf_buf_printf(b, WF_M(M_U_CHANGE_S), changes, changes == 1 ? "" : "s");
        wf_buf_printf(b, WF_M(M_IN_LLU_02LLU_S_N), (unsigned long long)(elapsed_ms / 1000),
                      (unsigned long long)(elapsed_ms % 1000 / 10));
        return;
    }
    wf_buf_printf(b, WF_M(M_SFAILED_S), on ? SGR_RED : "", on ? SGR_RESET : "");
    if (back || not_back)
        wf_buf_printf(b, WF_M(M_U_SERVICE_S_PUT_BACK), (unsigned)back, back == 1 ? "" : "s",
                      not_back ? WF_M(M_SOME_COULD_NOT_BE_SEE) : ".\n");
    else
        wf_buf_puts(b, WF_M(M_NOTHING_WAS_CHANGED_N_2));
}

void wf_report_progress(struct wf_buf *b, const struct wf_plan *p, uint64_t elapsed_ms)
{
    for (int kind = WF_STEP_STOP; kind <= WF_STEP_START; kind++) {
        bool first = true;
        for (size_t k = 0; k < p->nstep; k++) {
            const struct wf_step *s = &p->step[k];
            if ((int)s->kind != kind || (s->st != WF_STEP_ACTIVE && s->st != WF_STEP_RETRY))
                continue;
            wf_buf_puts(b, first ? (kind == WF_STEP_STOP ? "Stopping " : "Starting ") : ", ");
            wf_buf_puts_safe(b, p->svc[s->svc].name);
            first = false;
        }
        if (!first)
            wf_buf_puts(b, "... ");
    }
    wf_buf_printf(b, WF_M(M_LLU_01LLU_S), (unsigned long long)(elapsed_ms / 1000),
                  (unsigned long long)(elapsed_ms % 1000 / 100));
}

const struct wf_block *wf_report_block(wf_err e)
{
    static const struct wf_block blocks[] = {
        {WF_E_NO_SERVICE, 1060, "not_installed", false, "not installed", "installed",
         M_THE_SERVICE_IS_NOT_INSTALLED_2},
        {WF_E_DISABLED, 1058, "disabled", true, "disabled", "manual or auto",
         M_THE_SERVICE_IS_DISABLED_WUFIX},
        {WF_E_MARKED_DELETE, 1072, "marked_for_deletion", false, "marked for deletion", "installed",
         M_THE_SERVICE_IS_MARKED_FOR_2},
    };
    size_t k = 0;
    while (k + 1 < sizeof(blocks) / sizeof(blocks[0]) && blocks[k].err != e)
        k++;
    return &blocks[k];
}

void wf_report_before(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p)
{
    char safe[WF_TEXT_MAX];
    wf_buf_printf(b, WF_M(M_WUFIX_S_ON_S_N), c->command, wf_text_safe(c->computer, safe, sizeof(safe)));
    wf_report_table(b, c, p, WF_TABLE_BEFORE);
}

void wf_report_system_words(const struct wf_report_ctx *c, const struct wf_problem *pr, char *buf,
                            size_t size)
{
    buf[0] = '\0';
    if (pr->syscode && c && c->backend)
        c->backend->ops->describe(c->backend->self, pr->syscode, buf, size);
}

const char *wf_report_severity(enum wf_severity s)
{
    return s == WF_SEV_ERROR ? "error" : s == WF_SEV_WARNING ? "warning" : "info";
}

/* The build and the latest successes in Windows Update's log: "healthy" is
 * not "updating". Each line only when it is known. */
void wf_report_updating(struct wf_buf *b, const struct wf_updating *u)
{
    char safe[WF_TEXT_MAX];
    if (u->build[0]) {
        wf_buf_puts(b, WF_M(M_WINDOWS_BUILD));
        wf_buf_puts(b, wf_text_safe(u->build, safe, sizeof(safe)));
        if (u->version[0]) {
            wf_buf_puts(b, ", ");
            wf_buf_puts(b, wf_text_safe(u->version, safe, sizeof(safe)));
        }
        if (u->edition[0]) {
            wf_buf_puts(b, ", ");
            wf_buf_puts(b, wf_text_safe(u->edition, safe, sizeof(safe)));
        }
        wf_buf_puts(b, "\n");
    }
    if (!u->log_read)
        return;
    char scan[64], install[64];
    wf_buf_printf(b, WF_M(M_LAST_SUCCESSFUL_CHECK_FOR_UPDATES),
                  u->scan[0] ? wf_when_text(u->scan, scan, sizeof(scan)) : WF_M(M_NONE_IN_THE_LOG),
                  u->scan_reset[0] ? WF_M(M_BEFORE_THE_RESET_ON) : "", u->scan_reset);
    wf_buf_printf(b, WF_M(M_LAST_SUCCESSFUL_INSTALL_S_S),
                  u->install[0] ? wf_when_text(u->install, install, sizeof(install))
                                : WF_M(M_NONE_IN_THE_LOG),
                  u->install_kb[0] ? " (" : "", u->install_kb, u->install_kb[0] ? ")" : "",
                  u->install_reset[0] ? WF_M(M_BEFORE_THE_RESET_ON) : "", u->install_reset);
}

/* The rest of a line from column `col` on: wrapped to the console (further
 * lines at `indent`), or whole when it is not one. */
static void line(struct wf_buf *b, const struct wf_report_ctx *c, const char *text, size_t col, size_t indent)
{
    if (c && c->width)
        wf_buf_wrap(b, text, col, indent, c->width);
    else
        wf_buf_printf(b, "%s\n", text);
}

void wf_report_problems(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_check *chk)
{
    char text[512], words[256], safe[WF_TEXT_MAX], found[WF_TEXT_MAX], expected[WF_TEXT_MAX];
    wf_report_updating(b, &chk->updating);
    int code_cols = 0; /* the longest code's: the words after it in one column */
    for (size_t i = 0; i < chk->n; i++)
        if ((int)strlen(chk->p[i].code) > code_cols)
            code_cols = (int)strlen(chk->p[i].code);
    for (size_t i = 0; i < chk->n; i++) {
        const struct wf_problem *pr = &chk->p[i];
        wf_check_describe(pr, safe, sizeof(safe));
        wf_text_safe(safe, text, sizeof(text));
        wf_buf_puts(b, "  ");
        pad_color(b, c,
                  pr->sev == WF_SEV_ERROR     ? SGR_RED
                  : pr->sev == WF_SEV_WARNING ? SGR_YELLOW
                                              : SGR_CYAN,
                  wf_report_severity(pr->sev), 8);
        /* Words after the code's column; under the code when a narrow
         * console leaves them too little room. */
        size_t at = 12 + (size_t)code_cols;
        if (c && c->width && at + 24 > c->width) {
            wf_buf_printf(b, "%s\n%12s", pr->code, "");
            at = 12;
        } else
            wf_buf_printf(b, "%-*s  ", code_cols, pr->code);
        line(b, c, text, at, at);
        wf_report_system_words(c, pr, safe, sizeof(safe));
        wf_text_safe(safe, words, sizeof(words));
        wf_text_safe(pr->found, found, sizeof(found));
        wf_text_safe(pr->expected, expected, sizeof(expected));
        if (pr->sev != WF_SEV_INFO && !pr->has_hresult && (pr->found[0] || pr->expected[0])) {
            snprintf(safe, sizeof(safe), WF_M(M_FOUND_S_S_S_S), (int)wf_utf8_cut(found, 200), found,
                     strlen(found) > 200 ? "..." : "", words[0] ? " (" : "", words, words[0] ? ")" : "",
                     (int)wf_utf8_cut(expected, 200), expected, strlen(expected) > 200 ? "..." : "");
            wf_buf_puts(b, WF_M(M_TEN_SPACES));
            line(b, c, safe, 10, 12);
        }
        if (pr->remedy) {
            snprintf(safe, sizeof(safe), WF_M(M_WHAT_TO_DO_S), pr->remedy);
            wf_buf_puts(b, WF_M(M_TEN_SPACES));
            line(b, c, safe, 10, 12);
        }
    }
    if (chk->dropped)
        wf_buf_printf(b, WF_M(M_LU_MORE_PROBLEM_S_NOT), (unsigned long)chk->dropped);
}

void wf_report_event(struct wf_buf *b, const char *command, const struct wf_journal *j, int exit_code,
                     const char *journal_where)
{
    wf_buf_printf(b, WF_M(M_WUFIX_S_ENDED_WITH_EXIT), command, exit_code);
    if (!j) {
        wf_buf_puts(b, WF_M(M_NOTHING_WAS_CHANGED));
        return;
    }
    wf_buf_printf(b, WF_M(M_OUTCOME_S_R_NSERVICES), j->outcome);
    for (size_t i = 0; i < j->nsvc; i++) {
        wf_buf_puts(b, i ? ", " : " ");
        wf_buf_puts_safe(b, j->svc[i].name);
        wf_buf_printf(b, WF_M(M_S_BEFORE), wf_state_token(j->svc[i].state));
    }
    if (j->nfix) {
        wf_buf_puts(b, WF_M(M_R_NCHANGED));
        for (size_t i = 0; i < j->nfix; i++) {
            wf_buf_puts(b, "\r\n  ");
            wf_repair_describe(&j->fix[i], b);
        }
    }
    if (journal_where)
        wf_buf_printf(b, WF_M(M_R_NJOURNAL_S_S), journal_where,
                      strcmp(j->outcome, "ok") == 0 ? WF_M(M_WUFIX_UNDO_PUTS_THIS_RUN) : "");
}

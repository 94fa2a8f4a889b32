/* SPDX-License-Identifier: MIT */
/* fleet.c - --computer: one command on each machine named (SPEC 10).
 *
 * Each machine runs on a worker of its own, at most --parallel at once. The
 * worker reaches the machine (the platform resolves the name, probes the RPC
 * and SMB ports, opens its SCM), then runs the command as wufix runs it here,
 * with that machine's SCM, registry and share, and a journal kept on this
 * machine for it. Nothing bounds how long the system takes to open a remote
 * SCM, so this thread keeps the connect deadline: a machine that has not
 * answered by then is reported as timed out and its worker is left behind
 * (it acts on nothing when it wakes). Each machine's words are kept apart and
 * shown when it finishes; then a summary, and one exit code by a fixed
 * precedence. The names come from machines.c, each machine's worker is
 * worker.c's; here the runner. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "wufix/base/prose.h"
#include "wufix/cmd/usage.h"
#include "machines.h"
#include "worker.h"

/* The runner. */

struct fleet {
    struct wf_ctx *ctx;
    const struct wf_platform *pf;
    const struct wf_workers *w;
    struct machine **m;
    size_t n, next, busy;
    int code;
    struct wf_buf summary; /* for the system's log */
};

static void seconds(char *buf, size_t size, uint64_t ms)
{
    snprintf(buf, size, WF_M(M_LLU_LLU_S), (unsigned long long)(ms / 1000),
             (unsigned long long)(ms % 1000 / 100));
}

/* Each line of `from`, with the machine's name before it. */
static void prefixed(struct wf_buf *to, const char *name, struct wf_buf *from)
{
    const char *p = wf_buf_str(from);
    while (*p) {
        size_t n = strcspn(p, "\n");
        wf_buf_printf(to, "%s: %.*s\n", name, (int)n, p);
        p += n + (p[n] == '\n');
    }
}

/* A finished machine's section: its words as they would have been alone. */
static void show(struct fleet *f, struct machine *m)
{
    const struct wf_out *o = &f->pf->out;
    struct wf_buf b;
    char t[32];
    seconds(t, sizeof(t), m->t_end - m->t_start);
    f->code = wf_exit_worst(f->code, m->code);
    wf_buf_printf(&f->summary, WF_M(M_R_N_S_EXIT_CODE), m->name, m->code, m->outcome, t);
    if (m->direct)
        return;
    wf_buf_init(&b);
    if (f->ctx->opt.json) {
        wf_out_buf(o, WF_STDOUT, &m->out); /* one object, one line */
        wf_out_buf(o, WF_STDERR, &m->err);
    } else if (f->ctx->opt.quiet) {
        prefixed(&b, m->name, &m->out);
        wf_out_buf(o, WF_STDOUT, &b);
        prefixed(&b, m->name, &m->err);
        wf_out_buf(o, WF_STDERR, &b);
    } else {
        wf_buf_printf(&b, WF_M(M_S_S_EXIT_CODE_D), m->name, m->outcome, m->code, t);
        wf_out_buf(o, WF_STDOUT, &b);
        wf_out_buf(o, WF_STDOUT, &m->out);
        wf_out_buf(o, WF_STDERR, &m->err);
        wf_out_puts(o, WF_STDOUT, "\n");
    }
    wf_buf_release(&b);
}

static void summary_table(struct fleet *f)
{
    struct wf_buf b;
    char t[32];
    size_t width = 7;
    for (size_t i = 0; i < f->n; i++)
        if (strlen(f->m[i]->name) > width)
            width = strlen(f->m[i]->name);
    wf_buf_init(&b);
    wf_buf_printf(&b, WF_M(M_SUMMARY_S_ON_U_MACHINES), f->ctx->opt.cmd->name, (unsigned)f->n, f->code,
                  wf_exit_words(f->code));
    wf_buf_puts(&b, "  ");
    wf_buf_pad(&b, "Machine", width + 2);
    wf_buf_puts(&b, WF_M(M_EXIT_TIME_OUTCOME_N));
    for (size_t i = 0; i < f->n; i++) {
        const struct machine *m = f->m[i];
        seconds(t, sizeof(t), m->t_end - m->t_start);
        wf_buf_puts(&b, "  ");
        wf_buf_pad(&b, m->name, width + 2);
        wf_buf_printf(&b, WF_M(M_4D_7S_S_N), m->code, t, m->outcome);
    }
    wf_out_buf(&f->pf->out, WF_STDOUT, &b);
    wf_buf_release(&b);
}

/* Under the monitor: machines not begun when Ctrl+C came, and those whose
 * connect deadline passed, are done. */
static void deadlines(struct fleet *f, uint64_t now, bool stop)
{
    for (size_t i = 0; i < f->n; i++) {
        struct machine *m = f->m[i];
        bool late = m->phase == CONNECTING && now >= m->t_start + m->connect_ms;
        if (m->phase == WAITING && stop) {
            m->t_start = now;
            m->code = WF_EXIT_INTERRUPTED;
            wf_strlcpy(m->outcome, WF_M(M_NOT_BEGUN_INTERRUPTED), sizeof(m->outcome));
            wf_buf_printf(&m->err, WF_M(M_WUFIX_S_NOT_BEGUN_INTERRUPTED), m->name);
        } else if (m->phase == CONNECTING && (late || stop)) {
            m->abandoned = true;
            if (late) {
                char d[64];
                snprintf(d, sizeof(d), "%u s", (unsigned)(m->connect_ms / 1000));
                wf_cmd_machine_unreached(m, 1460, d, now - m->t_start);
            } else {
                m->code = WF_EXIT_INTERRUPTED;
                wf_strlcpy(m->outcome, WF_M(M_INTERRUPTED_WHILE_CONNECTING), sizeof(m->outcome));
                wf_buf_printf(&m->err, WF_M(M_WUFIX_S_INTERRUPTED_WHILE_CONNECTING), m->name);
            }
            wf_cmd_machine_flush(m);
        } else {
            continue;
        }
        m->phase = DONE;
        m->t_end = now;
    }
}

static uint32_t next_wake(const struct fleet *f, uint64_t now)
{
    uint64_t wake = now + 200;
    for (size_t i = 0; i < f->n; i++)
        if (f->m[i]->phase == CONNECTING && f->m[i]->t_start + f->m[i]->connect_ms < wake)
            wake = f->m[i]->t_start + f->m[i]->connect_ms;
    return wake > now ? (uint32_t)(wake - now) : 0;
}

/* Machines connecting or running (under the monitor). */
static void count_busy(struct fleet *f)
{
    size_t busy = 0;
    for (size_t i = 0; i < f->n; i++)
        busy += f->m[i]->phase == CONNECTING || f->m[i]->phase == RUNNING;
    f->busy = busy;
}

static void run_all(struct fleet *f, uint32_t parallel)
{
    const struct wf_workers *w = f->w;
    size_t shown = 0;
    /* The deflated text unpacked here, before any worker reads it. */
    (void)wf_prose(WF_PROSE_N, NULL);
    w->lock(w->self);
    while (shown < f->n) {
        bool stop = w->interrupted(w->self);
        count_busy(f);
        while (!stop && f->next < f->n && f->busy < parallel) {
            struct machine *m = f->m[f->next++];
            m->phase = CONNECTING;
            m->t_start = w->now_ms(w->self);
            m->refs++;
            f->busy++;
            if (w->spawn(w->self, wf_cmd_machine_worker, m) != WF_OK) {
                m->refs--;
                f->busy--;
                m->code = WF_EXIT_SYSTEM;
                wf_strlcpy(m->outcome, WF_M(M_NO_WORKER_COULD_BE_STARTED), sizeof(m->outcome));
                wf_buf_printf(&m->err, WF_M(M_WUFIX_S_NO_WORKER_THREAD), m->name);
                m->phase = DONE;
                m->t_end = m->t_start;
            }
        }
        deadlines(f, w->now_ms(w->self), stop);
        for (size_t i = 0; i < f->n; i++) {
            struct machine *m = f->m[i];
            if (m->phase != DONE || m->shown)
                continue;
            m->shown = true;
            shown++;
            w->unlock(w->self);
            show(f, m);
            w->lock(w->self);
        }
        if (shown < f->n)
            w->wait(w->self, next_wake(f, w->now_ms(w->self)));
    }
    w->unlock(w->self);
}

int wf_cmd_fleet(struct wf_ctx *ctx)
{
    const struct wf_platform *pf = ctx->pf;
    struct wf_machines ns;
    memset(&ns, 0, sizeof(ns));
    char err[WF_TEXT_MAX];
    wf_err e = wf_cmd_machines(pf, &ctx->opt, &ns, err, sizeof(err));
    if (e == WF_OK && ns.n == 0) {
        wf_strlcpy(err, WF_M(M_COMPUTER_NAMES_NO_MACHINE), sizeof(err));
        e = WF_E_USAGE;
    }
    size_t remote = 0;
    for (size_t i = 0; e == WF_OK && i < ns.n; i++)
        remote += !wf_cmd_machine_is_here(pf, &ns.here, ns.name[i]);
    if (e == WF_OK && remote && ctx->opt.force) {
        wf_strlcpy(err, WF_M(M_FORCE_ENDS_PROCESSES_ON_THIS), sizeof(err));
        e = WF_E_USAGE;
    }
    if (e == WF_OK && remote && (!pf->target_open || !pf->workers.spawn)) {
        wf_strlcpy(err, WF_M(M_COMPUTER_THIS_BUILD_CANNOT_REACH), sizeof(err));
        e = WF_E_USAGE;
    }
    if (e != WF_OK) {
        wf_cmd_machines_free(&ns);
        if (e == WF_E_NOMEM) {
            wf_out_puts(&pf->out, WF_STDERR, WF_M(M_WUFIX_OUT_OF_MEMORY_N));
            return WF_EXIT_SYSTEM;
        }
        return wf_cmd_usage_error(pf, ctx->opt.cmd, ctx->opt.cmd->name, ctx->opt.json, err);
    }
    ctx->opt.ncomputers = 0;
    /* A changing run needs rights here (the journals are kept here) and this
     * machine's lock, once for all the machines. */
    bool locked = false;
    if (ctx->opt.cmd->changes_system && !ctx->opt.dry_run) {
        int rcode = wf_cmd_prepare_rights(ctx, &locked);
        if (rcode != WF_EXIT_OK) {
            wf_cmd_machines_free(&ns);
            return rcode;
        }
    }
    struct fleet f = {.ctx = ctx, .pf = pf, .w = &pf->workers, .n = ns.n, .code = WF_EXIT_OK};
    f.m = calloc(ns.n, sizeof(struct machine *)); /* NOLINT(bugprone-sizeof-expression): pointers */
    bool ok = f.m != NULL;
    for (size_t i = 0; ok && i < ns.n; i++) {
        struct machine *m = calloc(1, sizeof(*m));
        ok = m != NULL;
        if (!ok)
            break;
        f.m[i] = m;
        wf_strlcpy(m->name, ns.name[i], sizeof(m->name));
        m->local = wf_cmd_machine_is_here(pf, &ns.here, m->name);
        m->index = i;
        m->all = f.m;
        m->here = ns.here;
        m->direct = ns.n == 1;
        m->pf = pf;
        m->w = &pf->workers;
        m->opt = ctx->opt;
        m->table = ctx->table;
        m->connect_ms = ctx->opt.connect_timeout_s * 1000u;
        m->refs = 1;
        m->code = WF_EXIT_SYSTEM;
        wf_buf_init(&m->out);
        wf_buf_init(&m->err);
    }
    wf_cmd_machines_free(&ns);
    int code = WF_EXIT_SYSTEM;
    if (ok) {
        wf_buf_init(&f.summary);
        run_all(&f, ctx->opt.parallel);
        code = f.code;
        if (!ctx->opt.json && !ctx->opt.quiet && f.n > 1)
            summary_table(&f);
        if (ctx->opt.cmd->changes_system && !ctx->opt.dry_run && pf->event && pf->elevated) {
            struct wf_buf ev;
            wf_buf_init(&ev);
            wf_buf_printf(&ev, WF_M(M_WUFIX_S_ON_U_MACHINE), ctx->opt.cmd->name, (unsigned)f.n,
                          f.n == 1 ? "" : "s", code, wf_buf_str(&f.summary));
            if (!ev.oom)
                pf->event(pf->self,
                          code == WF_EXIT_OK || code == WF_EXIT_REBOOT ? WF_EVENT_INFO : WF_EVENT_ERROR,
                          wf_buf_str(&ev));
            wf_buf_release(&ev);
        }
        wf_buf_release(&f.summary);
    } else {
        wf_out_puts(&pf->out, WF_STDERR, WF_M(M_WUFIX_OUT_OF_MEMORY_N));
    }
    if (locked)
        pf->unlock(pf->self);
    pf->workers.lock(pf->workers.self);
    for (size_t i = 0; f.m && i < f.n; i++)
        if (f.m[i])
            wf_cmd_machine_release(f.m[i]);
    pf->workers.unlock(pf->workers.self);
    free(f.m);
    return code;
}

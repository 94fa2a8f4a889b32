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
 * precedence. The names come from machines.c; here the worker, then the
 * runner. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "wufix/cmd/usage.h"
#include "machines.h"

/* What a failure to reach a machine means, and what to check (SPEC 6, 10). */
struct reach {
    uint32_t code;
    int exit;
    const char *token, *words, *check;
};

static const struct reach reaches[] = {
    {5, WF_EXIT_ACCESS, "access_denied", "access is denied there",
     "be an administrator on it: a domain account in its Administrators group (a local account is filtered "
     "by UAC remote restrictions unless LocalAccountTokenFilterPolicy=1 is set there)"},
    {1326, WF_EXIT_ACCESS, "logon_failure", "the user name or password is not accepted there",
     "the account wufix runs as, and that the machine trusts its domain"},
    {1219, WF_EXIT_ACCESS, "credential_conflict", "another connection to it uses other credentials",
     "close that connection (net use \\\\NAME\\IPC$ /delete) and try again"},
    {53, WF_EXIT_SYSTEM, "unreachable", "the network path was not found",
     "the name in DNS, that the machine is on, and the firewall rule group \"File and Printer Sharing\""},
    {1722, WF_EXIT_SYSTEM, "unreachable", "the RPC server is unavailable",
     "that the machine is on, that TCP 135 and 445 reach it, and the firewall rule group \"Remote Service "
     "Management\" there"},
    {1753, WF_EXIT_SYSTEM, "unreachable",
     "the endpoint mapper has no endpoint for the service control manager",
     "the dynamic RPC ports (49152-65535) the firewall rule group \"Remote Service Management\" opens"},
    {1727, WF_EXIT_SYSTEM, "unreachable", "the remote call failed and did not run",
     "try again: nothing was done there"},
    {1726, WF_EXIT_SYSTEM, "unreachable", "the remote call failed and may have run",
     "look with 'wufix status --computer NAME' before trying again"},
    {11001, WF_EXIT_SYSTEM, "name_not_resolved", "the name does not resolve",
     "the spelling, and DNS (nslookup NAME)"},
    {1460, WF_EXIT_SYSTEM, "connect_timeout", "no answer within the connect deadline",
     "that the machine is on and reachable; a slow link needs a longer --connect-timeout"},
};

static const struct reach *reach_of(uint32_t code)
{
    for (size_t i = 0; i < sizeof(reaches) / sizeof(reaches[0]); i++)
        if (reaches[i].code == code)
            return &reaches[i];
    return NULL;
}

/* The worker of one machine. */

enum phase { WAITING, CONNECTING, RUNNING, DONE };

struct machine {
    char name[WF_MACHINE_NAME_MAX];
    bool local;
    size_t index;                 /* in the order named */
    struct machine *const *all;   /* every machine; alive while this one is not DONE */
    struct wf_addrs here;         /* this machine's addresses */
    char local_note[WF_TEXT_MAX]; /* why a name not known here runs here, or "" */
    bool direct;                  /* the only machine: its words go straight out (live progress) */
    const struct wf_platform *pf;
    const struct wf_workers *w;
    struct wf_options opt; /* the command's, without --computer */
    const struct wf_cmd_table *table;
    uint32_t connect_ms;
    /* Under the monitor. */
    enum phase phase;
    bool abandoned;             /* its deadline passed, or Ctrl+C came, before it connected */
    bool resolved;              /* addrs, same and local are settled */
    const struct machine *same; /* the machine named before it that it is, or NULL */
    struct wf_addrs addrs;
    bool shown;
    unsigned refs; /* the runner's and the worker's */
    uint64_t t_start, t_end;
    int code;
    char outcome[128];
    /* Written by the worker until DONE, then read by the runner. */
    struct wf_buf out, err;
    struct wf_target target;
};

static void release(struct machine *m)
{
    /* Under the monitor. */
    if (--m->refs)
        return;
    wf_buf_release(&m->out);
    wf_buf_release(&m->err);
    free(m);
}

static void w_write(void *self, enum wf_stream s, const char *text, size_t n)
{
    struct machine *m = self;
    wf_buf_add(s == WF_STDOUT ? &m->out : &m->err, text, n);
}

static wf_err w_open(void *self, struct wf_backend *out)
{
    struct machine *m = self;
    if (m->local)
        return m->pf->open_backend(m->pf->self, out);
    *out = m->target.backend;
    return WF_OK;
}

static void w_close(void *self, struct wf_backend *b)
{
    struct machine *m = self;
    if (m->local)
        m->pf->close_backend(m->pf->self, b);
}

/* The fleet holds this machine's lock for the whole run. */
static wf_err w_lock(void *self, char *note, size_t size)
{
    (void)self;
    (void)note;
    (void)size;
    return WF_OK;
}

static void w_unlock(void *self)
{
    (void)self;
}

static void w_timestamp(void *self, char *buf, size_t size)
{
    struct machine *m = self;
    m->pf->timestamp(m->pf->self, buf, size);
}

/* The platform as the command sees it on that machine. */
static void worker_platform(struct machine *m, struct wf_platform *wp)
{
    const struct wf_platform *pf = m->pf;
    memset(wp, 0, sizeof(*wp));
    wp->self = m;
    wp->open_backend = w_open;
    wp->close_backend = w_close;
    wp->lock = w_lock;
    wp->unlock = w_unlock;
    wp->timestamp = w_timestamp;
    wp->out = pf->out;
    if (!m->direct) {
        wp->out.write = w_write;
        wp->out.self = m;
        wp->out.console = false;
    }
    wp->store = m->local ? pf->store : m->target.store;
    wp->host = m->local ? pf->host : m->target.host;
    wp->journal_where = m->local ? pf->journal_where : m->target.journal_where;
    wp->workers = pf->workers;
    wp->computer = pf->computer;
    wp->pid = pf->pid;
    wp->elevated = pf->elevated;
}

/* What to check, with the machine's name for NAME. */
static void check_words(const struct reach *r, const char *name, char *out, size_t size)
{
    const char *at = strstr(r->check, "NAME");
    if (at)
        snprintf(out, size, "%.*s%s%s", (int)(at - r->check), r->check, name, at + 4);
    else
        snprintf(out, size, "%s", r->check);
}

static void say_unreached(struct machine *m, uint32_t syscode, const char *detail, uint64_t ms)
{
    const struct reach *r = reach_of(syscode);
    char line[WF_TEXT_MAX * 2], check[WF_TEXT_MAX], safe[WF_TEXT_MAX];
    if (r)
        check_words(r, m->name, check, sizeof(check));
    int n = snprintf(line, sizeof(line), "%s (%u)", r ? r->words : "cannot connect", (unsigned)syscode);
    if (detail && detail[0] && n > 0 && (size_t)n < sizeof(line))
        snprintf(line + n, sizeof(line) - (size_t)n, ": %s", wf_text_safe(detail, safe, sizeof(safe)));
    m->code = r ? r->exit : WF_EXIT_SYSTEM;
    snprintf(m->outcome, sizeof(m->outcome), "%s (%u)",
             syscode == 1460                  ? "timed out connecting"
             : syscode == 11001               ? "name not resolved"
             : r && r->exit == WF_EXIT_ACCESS ? "access denied"
                                              : "unreachable",
             (unsigned)syscode);
    if (m->opt.json) {
        char message[WF_TEXT_MAX * 4];
        snprintf(message, sizeof(message), "%s: %s%s%s", m->name, line, r ? "; check " : "", r ? check : "");
        wf_report_json_unreached(&m->out, m->opt.cmd->name, m->name, m->code, ms,
                                 r ? r->token : "unreachable", syscode, message);
    }
    wf_buf_printf(&m->err, "wufix: %s: cannot reach its service control manager: %s\n", m->name, line);
    if (r)
        wf_buf_printf(&m->err, "wufix: %s: check %s\n", m->name, check);
    else
        wf_buf_printf(&m->err, "wufix: %s: nothing was changed there\n", m->name);
}

static void flush_direct(struct machine *m)
{
    if (!m->direct)
        return;
    wf_out_buf(&m->pf->out, WF_STDOUT, &m->out);
    wf_out_buf(&m->pf->out, WF_STDERR, &m->err);
}

/* The addresses the machine answers at: this machine's, an address as
 * written, or what DNS says (off the monitor: it may block). */
static wf_err resolve(const struct machine *m, struct wf_addrs *out, char *why, size_t size,
                      uint32_t *syscode)
{
    struct wf_addr a;
    memset(out, 0, sizeof(*out));
    if (m->local) {
        *out = m->here;
        return WF_OK;
    }
    if (wf_addr_parse4(m->name, &a)) {
        wf_addrs_add(out, a.b, a.len);
        return WF_OK;
    }
    if (!m->pf->resolve)
        return WF_OK;
    wf_err e = m->pf->resolve(m->pf->self, m->name, out, syscode);
    if (e != WF_OK)
        snprintf(why, size, "no address for '%s'", m->name);
    return e;
}

/* Under the monitor, once m is resolved: the first machine named before m
 * that is the same machine (it shares an address, or both are this one),
 * after waiting for those not yet resolved; NULL for none, or when m's
 * deadline passed meanwhile. */
static const struct machine *same_as_earlier(struct machine *m, struct wf_addr *same)
{
    const struct wf_workers *w = m->w;
    while (!m->abandoned) {
        const struct machine *first = NULL;
        bool pending = false;
        /* In the order named: one not yet resolved may be the first. */
        for (size_t i = 0; i < m->index && !first && !pending; i++) {
            const struct machine *k = m->all[i];
            if (k->phase == CONNECTING && !k->resolved)
                pending = true;
            else if (k->resolved && !k->abandoned &&
                     (wf_addrs_meet(&m->addrs, &k->addrs, same) || (k->local && m->local)))
                first = k->same ? k->same : k;
        }
        if (!pending)
            return first;
        w->wait(w->self, 200);
    }
    return NULL;
}

static void worker(void *arg)
{
    struct machine *m = arg;
    const struct wf_workers *w = m->w;
    char why[WF_TEXT_MAX] = "";
    uint32_t syscode = 0;
    struct wf_addrs addrs;
    struct wf_addr same = {0};
    wf_err e = resolve(m, &addrs, why, sizeof(why), &syscode);
    w->lock(w->self);
    m->addrs = addrs;
    /* One machine named twice (an alias, its address, one of this machine's
     * names) is run once, as the name given first. */
    const struct machine *first = e == WF_OK && !m->abandoned ? same_as_earlier(m, &same) : NULL;
    m->same = first;
    if (e == WF_OK && !first && !m->abandoned && !m->local && wf_addrs_meet(&m->addrs, &m->here, &same)) {
        char at[64];
        wf_addr_text(&same, at, sizeof(at));
        m->local = true;
        snprintf(m->local_note, sizeof(m->local_note), "%s is this machine (%s): run here", m->name, at);
    }
    /* Settled: machines named after it may now compare themselves with it. */
    m->resolved = true;
    w->wake(w->self);
    bool open = e == WF_OK && !m->abandoned && !first && !m->local;
    w->unlock(w->self);
    if (open)
        e = m->pf->target_open(m->pf->self, m->name, &m->addrs, m->connect_ms,
                               m->opt.cmd->changes_system && !m->opt.dry_run, &m->target, why, sizeof(why),
                               &syscode);
    w->lock(w->self);
    if (first && !m->abandoned) {
        char at[64] = "";
        if (same.len)
            wf_addr_text(&same, at, sizeof(at));
        m->code = WF_EXIT_OK; /* its result is the first name's */
        snprintf(m->outcome, sizeof(m->outcome), "run as %.*s (the same machine)", 80, first->name);
        wf_buf_printf(&m->err, "wufix: %s: the same machine as %s (%s%s%s): run once, as %s\n", m->name,
                      first->name, first->local ? "this machine" : "address",
                      !first->local ? " "
                      : at[0]       ? ", "
                                    : "",
                      at, first->name);
        m->phase = DONE;
        m->t_end = w->now_ms(w->self);
        w->wake(w->self);
        release(m);
        w->unlock(w->self);
        return;
    }
    if (m->abandoned || e != WF_OK) {
        bool abandoned = m->abandoned;
        if (!abandoned) {
            say_unreached(m, syscode ? syscode : 1722, why, w->now_ms(w->self) - m->t_start);
            flush_direct(m);
            m->phase = DONE;
            m->t_end = w->now_ms(w->self);
            w->wake(w->self);
        }
        w->unlock(w->self);
        if (abandoned && open && e == WF_OK)
            m->pf->target_close(m->pf->self, &m->target);
        w->lock(w->self);
        release(m);
        w->unlock(w->self);
        return;
    }
    m->phase = RUNNING;
    w->unlock(w->self);

    struct wf_platform wp;
    struct wf_ctx ctx;
    worker_platform(m, &wp);
    memset(&ctx, 0, sizeof(ctx));
    ctx.pf = &wp;
    ctx.opt = m->opt;
    ctx.table = m->table;
    if (m->local_note[0] && !m->opt.quiet)
        wf_out_printf(&wp.out, WF_STDERR, "wufix: %s: note: %s\n", m->name, m->local_note);
    if (!m->local && m->target.note[0] && !m->opt.quiet) {
        char safe[WF_TEXT_MAX];
        wf_out_printf(&wp.out, WF_STDERR, "wufix: %s: note: %s\n", m->name,
                      wf_text_safe(m->target.note, safe, sizeof(safe)));
    }
    int code = ctx.opt.cmd->handler(&ctx);
    if (!m->local)
        m->pf->target_close(m->pf->self, &m->target);

    w->lock(w->self);
    m->code = code;
    wf_strlcpy(m->outcome, wf_exit_words(code), sizeof(m->outcome));
    m->phase = DONE;
    m->t_end = w->now_ms(w->self);
    w->wake(w->self);
    release(m);
    w->unlock(w->self);
}

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
    snprintf(buf, size, "%llu.%llu s", (unsigned long long)(ms / 1000),
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
    wf_buf_printf(&f->summary, "\r\n%s: exit code %d (%s), %s", m->name, m->code, m->outcome, t);
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
        wf_buf_printf(&b, "=== %s: %s, exit code %d, %s ===\n", m->name, m->outcome, m->code, t);
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
    wf_buf_printf(&b, "Summary: %s on %u machines, exit code %d (%s)\n", f->ctx->opt.cmd->name,
                  (unsigned)f->n, f->code, wf_exit_words(f->code));
    wf_buf_puts(&b, "  ");
    wf_buf_pad(&b, "Machine", width + 2);
    wf_buf_puts(&b, "Exit  Time     Outcome\n");
    for (size_t i = 0; i < f->n; i++) {
        const struct machine *m = f->m[i];
        seconds(t, sizeof(t), m->t_end - m->t_start);
        wf_buf_puts(&b, "  ");
        wf_buf_pad(&b, m->name, width + 2);
        wf_buf_printf(&b, "%4d  %-7s  %s\n", m->code, t, m->outcome);
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
            wf_strlcpy(m->outcome, "not begun: interrupted", sizeof(m->outcome));
            wf_buf_printf(&m->err, "wufix: %s: not begun (interrupted); nothing was changed there\n",
                          m->name);
        } else if (m->phase == CONNECTING && (late || stop)) {
            m->abandoned = true;
            if (late) {
                char d[64];
                snprintf(d, sizeof(d), "%u s", (unsigned)(m->connect_ms / 1000));
                say_unreached(m, 1460, d, now - m->t_start);
            } else {
                m->code = WF_EXIT_INTERRUPTED;
                wf_strlcpy(m->outcome, "interrupted while connecting", sizeof(m->outcome));
                wf_buf_printf(&m->err, "wufix: %s: interrupted while connecting; nothing was changed there\n",
                              m->name);
            }
            flush_direct(m);
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
            if (w->spawn(w->self, worker, m) != WF_OK) {
                m->refs--;
                f->busy--;
                m->code = WF_EXIT_SYSTEM;
                wf_strlcpy(m->outcome, "no worker could be started", sizeof(m->outcome));
                wf_buf_printf(&m->err, "wufix: %s: no worker thread could be started; nothing was changed\n",
                              m->name);
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
        snprintf(err, sizeof(err), "--computer names no machine");
        e = WF_E_USAGE;
    }
    size_t remote = 0;
    for (size_t i = 0; e == WF_OK && i < ns.n; i++)
        remote += !wf_cmd_machine_is_here(pf, &ns.here, ns.name[i]);
    if (e == WF_OK && remote && ctx->opt.force) {
        snprintf(err, sizeof(err),
                 "--force ends processes on this machine only; it cannot be used with "
                 "--computer naming another machine");
        e = WF_E_USAGE;
    }
    if (e == WF_OK && remote && (!pf->target_open || !pf->workers.spawn)) {
        snprintf(err, sizeof(err), "--computer: this build cannot reach other machines");
        e = WF_E_USAGE;
    }
    if (e != WF_OK) {
        wf_cmd_machines_free(&ns);
        if (e == WF_E_NOMEM) {
            wf_out_puts(&pf->out, WF_STDERR, "wufix: out of memory\n");
            return WF_EXIT_SYSTEM;
        }
        return wf_cmd_usage_error(pf, ctx->opt.cmd->name, ctx->opt.json, err);
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
            wf_buf_printf(&ev, "wufix %s on %u machine%s ended with exit code %d.%s", ctx->opt.cmd->name,
                          (unsigned)f.n, f.n == 1 ? "" : "s", code, wf_buf_str(&f.summary));
            if (!ev.oom)
                pf->event(pf->self,
                          code == WF_EXIT_OK || code == WF_EXIT_REBOOT ? WF_EVENT_INFO : WF_EVENT_ERROR,
                          wf_buf_str(&ev));
            wf_buf_release(&ev);
        }
        wf_buf_release(&f.summary);
    } else {
        wf_out_puts(&pf->out, WF_STDERR, "wufix: out of memory\n");
    }
    if (locked)
        pf->unlock(pf->self);
    pf->workers.lock(pf->workers.self);
    for (size_t i = 0; f.m && i < f.n; i++)
        if (f.m[i])
            release(f.m[i]);
    pf->workers.unlock(pf->workers.self);
    free(f.m);
    return code;
}

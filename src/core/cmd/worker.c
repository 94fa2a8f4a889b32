/* SPDX-License-Identifier: MIT */
/* worker.c - --computer: one machine's worker. It resolves the name (DNS
 * alone, through the platform), waits until the machines named before it are
 * resolved and runs only if none of them is the same machine, reaches it
 * (probe, SCM), then runs the command as wufix runs it here, with that
 * machine's SCM, registry and share and a journal kept here for it; its
 * words are kept apart for the runner (fleet.c). A worker given up at its
 * deadline touches nothing but its own record when it wakes. */
#include "worker.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a failure to reach a machine means, and what to check (SPEC 6, 10). */
struct reach {
    uint32_t code;
    int exit;
    const char *token;
    uint16_t words, check; /* enum wf_message */
};

static const struct reach reaches[] = {
    {5, WF_EXIT_ACCESS, "access_denied", M_ACCESS_IS_DENIED_THERE, M_BE_AN_ADMINISTRATOR_ON_IT},
    {1326, WF_EXIT_ACCESS, "logon_failure", M_THE_USER_NAME_OR_PASSWORD, M_THE_ACCOUNT_WUFIX_RUNS_AS},
    {1219, WF_EXIT_ACCESS, "credential_conflict", M_ANOTHER_CONNECTION_TO_IT_USES,
     M_CLOSE_THAT_CONNECTION_NET_USE},
    {53, WF_EXIT_SYSTEM, "unreachable", M_THE_NETWORK_PATH_WAS_NOT, M_THE_NAME_IN_DNS_THAT},
    {1722, WF_EXIT_SYSTEM, "unreachable", M_THE_RPC_SERVER_IS_UNAVAILABLE, M_THAT_THE_MACHINE_IS_ON},
    {1753, WF_EXIT_SYSTEM, "unreachable", M_THE_ENDPOINT_MAPPER_HAS_NO, M_THE_DYNAMIC_RPC_PORTS_49152},
    {1727, WF_EXIT_SYSTEM, "unreachable", M_THE_REMOTE_CALL_FAILED_AND, M_TRY_AGAIN_NOTHING_WAS_DONE},
    {1726, WF_EXIT_SYSTEM, "unreachable", M_THE_REMOTE_CALL_FAILED_AND_2, M_LOOK_WITH_WUFIX_STATUS_COMPUTER},
    {11001, WF_EXIT_SYSTEM, "name_not_resolved", M_THE_NAME_DOES_NOT_RESOLVE,
     M_THE_SPELLING_AND_DNS_NSLOOKUP},
    {1460, WF_EXIT_SYSTEM, "connect_timeout", M_NO_ANSWER_WITHIN_THE_CONNECT, M_THAT_THE_MACHINE_IS_ON_2},
};

static const struct reach *reach_of(uint32_t code)
{
    for (size_t i = 0; i < sizeof(reaches) / sizeof(reaches[0]); i++)
        if (reaches[i].code == code)
            return &reaches[i];
    return NULL;
}

void wf_cmd_machine_release(struct machine *m)
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
    const char *check = wf_m(r->check), *at = strstr(check, "NAME");
    if (at)
        snprintf(out, size, "%.*s%s%s", (int)(at - check), check, name, at + 4);
    else
        wf_strlcpy(out, check, size);
}

void wf_cmd_machine_unreached(struct machine *m, uint32_t syscode, const char *detail, uint64_t ms)
{
    const struct reach *r = reach_of(syscode);
    char line[WF_TEXT_MAX * 2], check[WF_TEXT_MAX], safe[WF_TEXT_MAX];
    if (r)
        check_words(r, m->name, check, sizeof(check));
    int n = snprintf(line, sizeof(line), "%s (%u)", r ? wf_m(r->words) : WF_M(M_CANNOT_CONNECT),
                     (unsigned)syscode);
    if (detail && detail[0] && n > 0 && (size_t)n < sizeof(line))
        snprintf(line + n, sizeof(line) - (size_t)n, ": %s", wf_text_safe(detail, safe, sizeof(safe)));
    m->code = r ? r->exit : WF_EXIT_SYSTEM;
    snprintf(m->outcome, sizeof(m->outcome), "%s (%u)",
             syscode == 1460                  ? WF_M(M_TIMED_OUT_CONNECTING)
             : syscode == 11001               ? WF_M(M_NAME_NOT_RESOLVED)
             : r && r->exit == WF_EXIT_ACCESS ? WF_M(M_ACCESS_DENIED_2)
                                              : WF_M(M_UNREACHABLE),
             (unsigned)syscode);
    if (m->opt.json) {
        char message[WF_TEXT_MAX * 4];
        snprintf(message, sizeof(message), WF_M(M_S_S_S_S_2), m->name, line, r ? "; check " : "",
                 r ? check : "");
        wf_report_json_unreached(&m->out, m->opt.cmd->name, m->name, m->code, ms,
                                 r ? r->token : WF_M(M_UNREACHABLE), syscode, message);
    }
    wf_buf_printf(&m->err, WF_M(M_WUFIX_S_CANNOT_REACH_ITS), m->name, line);
    if (r)
        wf_buf_printf(&m->err, WF_M(M_WUFIX_S_CHECK_S_N), m->name, check);
    else
        wf_buf_printf(&m->err, WF_M(M_WUFIX_S_NOTHING_WAS_CHANGED_2), m->name);
}

void wf_cmd_machine_flush(struct machine *m)
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
        snprintf(why, size, WF_M(M_NO_ADDRESS_FOR_S), m->name);
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

void wf_cmd_machine_worker(void *arg)
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
    /* A name DNS gives one of this machine's addresses is this machine,
     * decided before it is compared with the names given earlier: one of
     * them found to be this machine is held against this machine's whole
     * address list, not only the address its own name gave (two names of
     * this machine with different addresses would both run here, on one
     * journal). */
    struct wf_addr here = {0};
    bool found_here = e == WF_OK && !m->abandoned && !m->local && wf_addrs_meet(&m->addrs, &m->here, &here);
    if (found_here)
        m->local = true;
    /* One machine named twice (an alias, its address, one of this machine's
     * names) is run once, as the name given first. */
    const struct machine *first = e == WF_OK && !m->abandoned ? same_as_earlier(m, &same) : NULL;
    m->same = first;
    if (first && found_here && !same.len)
        same = here;
    if (found_here && !first) {
        char at[64];
        wf_addr_text(&here, at, sizeof(at));
        snprintf(m->local_note, sizeof(m->local_note), WF_M(M_S_IS_THIS_MACHINE_S), m->name, at);
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
        snprintf(m->outcome, sizeof(m->outcome), WF_M(M_RUN_AS_S_THE_SAME), 80, first->name);
        wf_buf_printf(&m->err, WF_M(M_WUFIX_S_THE_SAME_MACHINE), m->name, first->name,
                      first->local ? WF_M(M_THIS_MACHINE) : "address",
                      !first->local ? " "
                      : at[0]       ? ", "
                                    : "",
                      at, first->name);
        m->phase = DONE;
        m->t_end = w->now_ms(w->self);
        w->wake(w->self);
        wf_cmd_machine_release(m);
        w->unlock(w->self);
        return;
    }
    if (m->abandoned || e != WF_OK) {
        bool abandoned = m->abandoned;
        if (!abandoned) {
            wf_cmd_machine_unreached(m, syscode ? syscode : 1722, why, w->now_ms(w->self) - m->t_start);
            wf_cmd_machine_flush(m);
            m->phase = DONE;
            m->t_end = w->now_ms(w->self);
            w->wake(w->self);
        }
        w->unlock(w->self);
        if (abandoned && open && e == WF_OK)
            m->pf->target_close(m->pf->self, &m->target);
        w->lock(w->self);
        wf_cmd_machine_release(m);
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
        wf_out_printf(&wp.out, WF_STDERR, WF_M(M_WUFIX_S_NOTE_S_N), m->name, m->local_note);
    if (!m->local && m->target.note[0] && !m->opt.quiet) {
        char safe[WF_TEXT_MAX];
        wf_out_printf(&wp.out, WF_STDERR, WF_M(M_WUFIX_S_NOTE_S_N), m->name,
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
    wf_cmd_machine_release(m);
    w->unlock(w->self);
}

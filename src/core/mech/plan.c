/* SPDX-License-Identifier: MIT */
/* plan.c - the live dependency graph of the services a command moves, and its steps.
 *
 * The SCM's graph is authoritative: each service's dependencies
 * (QueryServiceConfig) and everything that depends on it (EnumDependentServices,
 * which lists indirect dependents too). wufix's own rules are added on top.
 * Steps form a DAG: a service stops after everything that depends on it has
 * stopped, and starts after everything it depends on has started. */
#include "wufix/mech/plan.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/defaults.h"
#include "wufix/base/services.h"

#define DEPENDENTS_CAP 64

struct wf_plan *wf_plan_new(enum wf_op op)
{
    struct wf_plan *p = calloc(1, sizeof(*p));
    if (p)
        p->op = op;
    return p;
}

void wf_plan_free(struct wf_plan *p)
{
    free(p);
}

int wf_plan_find(const struct wf_plan *p, const char *name)
{
    for (size_t i = 0; i < p->nsvc; i++)
        if (wf_name_cmp(p->svc[i].name, name) == 0)
            return (int)i;
    return -1;
}

wf_err wf_plan_add(struct wf_plan *p, const char *name, bool in_set, size_t *index)
{
    if (p->nsvc >= WF_PLAN_MAX) {
        snprintf(p->problem, sizeof(p->problem), WF_M(M_MORE_THAN_D_SERVICES_WOULD), WF_PLAN_MAX);
        return WF_E_LIMIT;
    }
    struct wf_plan_svc *s = &p->svc[p->nsvc];
    memset(s, 0, sizeof(*s));
    wf_strlcpy(s->name, name, sizeof(s->name));
    s->in_set = in_set;
    if (index)
        *index = p->nsvc;
    p->nsvc++;
    return WF_OK;
}

static bool op_stops(enum wf_op op)
{
    return op == WF_OP_STOP || op == WF_OP_RESTART;
}

/* Status and configuration of one service. */
static wf_err read_service(struct wf_plan *p, const struct wf_backend *b, struct wf_plan_svc *s)
{
    const struct wf_default *k = wf_defaults_find(s->name);
    wf_err e = b->ops->query(b->self, s->name, &s->before);
    if (e == WF_E_NO_SERVICE) {
        s->installed = false;
        s->before.state = WF_STATE_NOT_INSTALLED;
        wf_strlcpy(s->cfg.display_name, k ? k->display_name : "", sizeof(s->cfg.display_name));
        return WF_OK;
    }
    if (e != WF_OK) {
        snprintf(p->problem, sizeof(p->problem), WF_M(M_CANNOT_QUERY_S), s->name);
        return e;
    }
    s->installed = true;
    /* One open of the service for its configuration and Windows' traits. */
    e = b->ops->traits ? b->ops->traits(b->self, s->name, &s->cfg)
                       : b->ops->config(b->self, s->name, &s->cfg);
    if (e == WF_E_BAD_DATA) /* not recordable exactly: unreadable, never changed */
        memset(&s->cfg, 0, sizeof(s->cfg));
    if (e != WF_OK && e != WF_E_ACCESS && e != WF_E_BAD_DATA) {
        snprintf(p->problem, sizeof(p->problem), WF_M(M_CANNOT_READ_THE_CONFIGURATION_OF), s->name);
        return e;
    }
    if (s->cfg.display_name[0] == '\0')
        wf_strlcpy(s->cfg.display_name, k ? k->display_name : s->name, sizeof(s->cfg.display_name));
    /* Windows says whether it may be moved, never a list of names. A question
     * Windows could not answer leaves it unknown: not protected, as the SCM
     * itself would still refuse what it must. */
    if (e == WF_OK && !b->ops->traits) {
        s->cfg.protection = WF_PROTECTION_UNKNOWN;
        s->cfg.triggers = -1;
    }
    s->protected_svc = e == WF_OK && wf_svc_protected(&s->cfg);
    return WF_OK;
}

/* Who depends on service i: edges, and (when stopping) running outsiders. */
static wf_err read_dependents(struct wf_plan *p, const struct wf_backend *b, size_t i)
{
    struct wf_dependent *dep = calloc(DEPENDENTS_CAP, sizeof(*dep));
    size_t n = 0;
    if (!dep)
        return WF_E_NOMEM;
    wf_err e = b->ops->dependents(b->self, p->svc[i].name, dep, DEPENDENTS_CAP, &n);
    if (e != WF_OK) {
        snprintf(p->problem, sizeof(p->problem), WF_M(M_CANNOT_LIST_THE_SERVICES_THAT), p->svc[i].name);
        goto out;
    }
    for (size_t k = 0; k < n && k < DEPENDENTS_CAP; k++) {
        int j = wf_plan_find(p, dep[k].name);
        if (j < 0) {
            bool active = dep[k].state != WF_STATE_STOPPED && dep[k].state != WF_STATE_NOT_INSTALLED;
            if (!op_stops(p->op) || !active)
                continue;
            size_t at;
            e = wf_plan_add(p, dep[k].name, false, &at);
            if (e != WF_OK)
                goto out;
            j = (int)at;
        }
        if ((size_t)j != i)
            p->svc[j].needs |= 1u << i;
    }
out:
    free(dep);
    return e;
}

wf_err wf_plan_gather(struct wf_plan *p, const struct wf_backend *b)
{
    wf_err e = WF_OK;
    /* p->nsvc grows while running dependents outside the set are found. */
    for (size_t i = 0; i < p->nsvc; i++) {
        e = read_service(p, b, &p->svc[i]);
        if (e != WF_OK)
            return e;
        /* Unknown (no right to ask, or the question failed) counts as not
         * marked: the SCM still refuses to start such a service. */
        if (p->svc[i].installed && p->svc[i].in_set && !p->svc[i].protected_svc &&
            b->ops->marked_for_delete &&
            b->ops->marked_for_delete(b->self, p->svc[i].name, &p->svc[i].marked_delete) != WF_OK)
            p->svc[i].marked_delete = false;
        if (p->op == WF_OP_STATUS || !p->svc[i].installed)
            continue;
        e = read_dependents(p, b, i);
        if (e != WF_OK)
            return e;
    }
    for (size_t i = 0; i < p->nsvc; i++)
        for (size_t d = 0; d < p->svc[i].cfg.ndeps; d++) {
            int j = wf_plan_find(p, p->svc[i].cfg.deps[d]);
            if (j >= 0 && (size_t)j != i)
                p->svc[i].needs |= 1u << j;
        }
    size_t nrules;
    const struct wf_order_rule *r = wf_services_rules(&nrules);
    for (size_t k = 0; k < nrules; k++) {
        int a = wf_plan_find(p, r[k].first_to_stop), c = wf_plan_find(p, r[k].first_to_start);
        if (a >= 0 && c >= 0)
            p->svc[a].needs |= 1u << c;
    }
    return WF_OK;
}

/* Depth-first search for a cycle; writes its path into p->problem. */
static bool find_cycle(struct wf_plan *p, size_t i, unsigned char *color, size_t *path, size_t depth)
{
    color[i] = 1;
    path[depth] = i;
    for (size_t j = 0; j < p->nsvc; j++) {
        if (!(p->svc[i].needs & (1u << j)))
            continue;
        if (color[j] == 1) {
            size_t from = 0;
            while (path[from] != j)
                from++;
            char *w = p->problem;
            size_t room = sizeof(p->problem);
            int n = snprintf(w, room, "%s", WF_M(M_DEPENDENCY_CYCLE));
            for (size_t k = from; k <= depth && n > 0 && (size_t)n < room; k++) {
                w += n;
                room -= (size_t)n;
                n = snprintf(w, room, "%s -> ", p->svc[path[k]].name);
            }
            if (n > 0 && (size_t)n < room)
                snprintf(w + n, room - (size_t)n, "%s", p->svc[j].name);
            return true;
        }
        if (color[j] == 0 && find_cycle(p, j, color, path, depth + 1))
            return true;
    }
    color[i] = 2;
    return false;
}

static wf_err check_cycles(struct wf_plan *p)
{
    unsigned char color[WF_PLAN_MAX] = {0};
    size_t path[WF_PLAN_MAX];
    for (size_t i = 0; i < p->nsvc; i++)
        if (color[i] == 0 && find_cycle(p, i, color, path, 0))
            return WF_E_CYCLE;
    return WF_OK;
}

/* The needs relation made transitive, so an ordering through a service that
 * is not in the plan is still kept. */
static void closure(const struct wf_plan *p, uint32_t *reach)
{
    for (size_t i = 0; i < p->nsvc; i++)
        reach[i] = p->svc[i].needs;
    for (size_t k = 0; k < p->nsvc; k++)
        for (size_t i = 0; i < p->nsvc; i++)
            if (reach[i] & (1u << k))
                reach[i] |= reach[k];
}

static wf_err build_steps(struct wf_plan *p, const bool *do_stop, const bool *do_start)
{
    int stop_at[WF_PLAN_MAX], start_at[WF_PLAN_MAX];
    uint32_t reach[WF_PLAN_MAX];
    wf_err e = check_cycles(p);
    if (e != WF_OK)
        return e;
    closure(p, reach);
    p->nstep = 0;
    for (size_t i = 0; i < p->nsvc; i++) {
        stop_at[i] = do_stop[i] ? (int)p->nstep++ : -1;
        if (stop_at[i] >= 0)
            p->step[stop_at[i]] = (struct wf_step){.kind = WF_STEP_STOP, .svc = i};
    }
    for (size_t i = 0; i < p->nsvc; i++) {
        start_at[i] = do_start[i] ? (int)p->nstep++ : -1;
        if (start_at[i] >= 0)
            p->step[start_at[i]] = (struct wf_step){.kind = WF_STEP_START, .svc = i};
    }
    for (size_t s = 0; s < p->nstep; s++) {
        struct wf_step *st = &p->step[s];
        size_t i = st->svc;
        for (size_t k = 0; k < p->nsvc; k++) {
            if (st->kind == WF_STEP_STOP && (reach[k] & (1u << i)) && stop_at[k] >= 0)
                st->preds |= 1ull << stop_at[k]; /* k depends on i: k stops first */
            if (st->kind == WF_STEP_START && (reach[i] & (1u << k)) && start_at[k] >= 0)
                st->preds |= 1ull << start_at[k]; /* i depends on k: k starts first */
        }
        if (st->kind == WF_STEP_START && stop_at[i] >= 0)
            st->preds |= 1ull << stop_at[i];
    }
    /* Waves: the longest chain of predecessors. The graph is acyclic, so
     * nstep rounds settle it. */
    p->nwaves = 0;
    for (size_t round = 0; round < p->nstep; round++)
        for (size_t s = 0; s < p->nstep; s++) {
            unsigned w = 1;
            for (size_t k = 0; k < p->nstep; k++)
                if ((p->step[s].preds & (1ull << k)) && p->step[k].wave + 1 > w)
                    w = p->step[k].wave + 1;
            p->step[s].wave = w;
            if (w > p->nwaves)
                p->nwaves = w;
        }
    return WF_OK;
}

wf_err wf_plan_build(struct wf_plan *p)
{
    bool do_stop[WF_PLAN_MAX] = {false}, do_start[WF_PLAN_MAX] = {false};
    for (size_t i = 0; i < p->nsvc; i++) {
        const struct wf_plan_svc *s = &p->svc[i];
        if (!s->installed || s->protected_svc)
            continue;
        do_stop[i] = op_stops(p->op);
        /* Outsiders are in the plan only because they were running. */
        do_start[i] = p->op == WF_OP_START ? s->in_set : p->op == WF_OP_RESTART;
    }
    return build_steps(p, do_stop, do_start);
}

wf_err wf_plan_build_towards(struct wf_plan *p, const enum wf_state *now, const enum wf_state *want)
{
    bool do_stop[WF_PLAN_MAX] = {false}, do_start[WF_PLAN_MAX] = {false};
    for (size_t i = 0; i < p->nsvc; i++) {
        do_stop[i] =
            want[i] == WF_STATE_STOPPED && now[i] != WF_STATE_STOPPED && now[i] != WF_STATE_NOT_INSTALLED;
        do_start[i] =
            want[i] == WF_STATE_RUNNING && now[i] != WF_STATE_RUNNING && now[i] != WF_STATE_NOT_INSTALLED;
    }
    return build_steps(p, do_stop, do_start);
}

void wf_plan_record(struct wf_plan *p, const struct wf_action *a)
{
    if (p->naction < WF_ACTIONS_MAX)
        p->action[p->naction++] = *a;
}

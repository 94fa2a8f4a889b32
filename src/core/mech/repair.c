/* SPDX-License-Identifier: MIT */
/* repair.c - from problems to fixes, and applying and reverting them.
 *
 * Least change: only the value that is wrong is written (the start type, the
 * image path, the ServiceDll value, the DACL), and blocker markers are
 * removed. The service's security descriptor is set to Windows' current
 * default, never the pre-2022 string with PU (defaults.c). */
#include "wufix/mech/repair.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/defaults.h"
#include "wufix/mech/aside.h"
#include "wufix/mech/hosts.h"
#include "wufix/mech/pause.h"
#include "wufix/mech/traces.h"

static struct wf_fix *add(struct wf_repair *r, enum wf_fix_kind kind, const char *svc)
{
    if (r->n >= WF_FIXES_MAX)
        return NULL;
    struct wf_fix *f = &r->fix[r->n++];
    memset(f, 0, sizeof(*f));
    f->kind = kind;
    wf_strlcpy(f->service, svc, sizeof(f->service));
    return f;
}

/* A value that cannot be read whole (too long to record, unreadable) is
 * never changed: undo could not give it back (SPEC 6). */
static void reg_fix(struct wf_repair *r, const struct wf_host *h, const char *svc, const char *key,
                    const char *value, const struct wf_reg *will)
{
    struct wf_fix *f = add(r, WF_FIX_REG, svc);
    if (!f)
        return;
    wf_strlcpy(f->key, key, sizeof(f->key));
    wf_strlcpy(f->value, value, sizeof(f->value));
    if (h->ops->reg_read(h->self, key, value, &f->was) != WF_OK) {
        r->n--;
        return;
    }
    f->will = *will;
}

/* The dependencies as the SCM gave them, comma-separated. */
void wf_repair_deps(const struct wf_svc_config *c, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < c->ndeps; i++) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, "%s%s", i ? "," : "", c->deps[i]);
    }
}

wf_err wf_repair_plan(const struct wf_check *c, const struct wf_plan *p, const struct wf_backend *b,
                      const struct wf_host *h, struct wf_repair *out)
{
    out->n = 0; /* each fix cleared as it is added: they hold whole values */
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        const struct wf_default *def = wf_check_default(c, pr->service);
        int at = wf_plan_find(p, pr->service);
        const struct wf_plan_svc *s = at >= 0 ? &p->svc[at] : NULL;
        char key[WF_TEXT_MAX];
        struct wf_fix *f = NULL;
        struct wf_reg none = {0};
        if (!pr->fixable)
            continue;
        bool helper = wf_check_helper(pr->code);
        if ((!strcmp(pr->code, "disabled") || !strcmp(pr->code, WF_M(M_START_TYPE_2)) || helper) && def &&
            (s || helper)) {
            if ((f = add(out, WF_FIX_START, pr->service)) != NULL) {
                f->was_start = s ? s->cfg.start_type : WF_START_DISABLED; /* a helper is reported only so */
                f->will_start = wf_check_target(c, def);
            }
        } else if (!strcmp(pr->code, WF_M(M_IMAGE_PATH)) && def && def->image_path && s) {
            if ((f = add(out, WF_FIX_IMAGE, pr->service)) != NULL) {
                wf_strlcpy(f->was.str, s->cfg.image_path, sizeof(f->was.str));
                wf_strlcpy(f->will.str, def->image_path, sizeof(f->will.str));
            }
        } else if (!strcmp(pr->code, WF_M(M_SECURITY_DESCRIPTOR)) && def && def->sddl) {
            if ((f = add(out, WF_FIX_SDDL, pr->service)) != NULL) {
                wf_err e = b->ops->security(b->self, pr->service, f->was.str, sizeof(f->was.str));
                if (e == WF_E_LIMIT)
                    out->n--; /* too long to record: not changed */
                else if (e != WF_OK)
                    f->was.str[0] = '\0';
                wf_strlcpy(f->will.str, def->sddl, sizeof(f->will.str));
            }
        } else if (!strcmp(pr->code, "account") && def && def->account && s) {
            if ((f = add(out, WF_FIX_ACCOUNT, pr->service)) != NULL) {
                wf_strlcpy(f->was.str, s->cfg.account, sizeof(f->was.str));
                wf_strlcpy(f->will.str, def->account, sizeof(f->will.str));
            }
        } else if (!strcmp(pr->code, WF_M(M_DEPENDENCIES)) && def && def->depends_on && s) {
            if ((f = add(out, WF_FIX_DEPS, pr->service)) != NULL) {
                wf_repair_deps(&s->cfg, f->was.str, sizeof(f->was.str)); /* whole: the evidence may be cut */
                wf_strlcpy(f->will.str, def->depends_on, sizeof(f->will.str));
            }
        } else if (!strcmp(pr->code, WF_M(M_SERVICE_DLL)) && def && def->service_dll) {
            struct wf_reg will = {.type = WF_REG_EXPAND_SZ}, there;
            wf_strlcpy(will.str, def->service_dll, sizeof(will.str));
            /* Where check found it: Parameters, else the service key (svchost reads either). */
            snprintf(key, sizeof(key), WF_M(M_KEY_SERVICES_S_PARAMETERS), pr->service);
            if (h->ops->reg_read(h->self, key, WF_M(M_SERVICEDLL), &there) == WF_OK &&
                there.type == WF_REG_NONE) {
                char own[WF_TEXT_MAX];
                snprintf(own, sizeof(own), WF_M(M_KEY_SERVICES_S), pr->service);
                if (h->ops->reg_read(h->self, own, WF_M(M_SERVICEDLL), &there) == WF_OK &&
                    there.type != WF_REG_NONE)
                    wf_strlcpy(key, own, sizeof(key));
            }
            reg_fix(out, h, pr->service, key, WF_M(M_SERVICEDLL), &will);
        } else if (!strcmp(pr->code, WF_M(M_BLOCKER_WUBLOCK))) {
            snprintf(key, sizeof(key), WF_M(M_KEY_SERVICES_S), pr->service);
            reg_fix(out, h, pr->service, key, "WubLock", &none);
        } else if (!strcmp(pr->code, WF_M(M_BLOCKER_IFEO_DEBUGGER))) {
            snprintf(key, sizeof(key), WF_M(M_KEY_IFEO_S), pr->service);
            reg_fix(out, h, pr->service, key, "Debugger", &none);
        } else if (!strcmp(pr->code, WF_M(M_BLOCKER_WUB_BLOCKLISTS))) {
            reg_fix(out, h, pr->service, WF_KEY_IFEO_ROOT, WF_VALUE_WUB_LISTS, &none);
        } else if (!strcmp(pr->code, WF_M(M_DELIVERY_OPTIMIZATION_OFF))) {
            reg_fix(out, h, "", WF_KEY_DO_CONFIG, WF_VALUE_DO_MODE, &none);
        } else if (!strcmp(pr->code, WF_M(M_PAUSE_BEYOND_SETTINGS))) {
            /* Resuming: each pause value there is deleted; one of a type the
             * journal cannot record exactly is left. */
            for (const struct wf_pause_value *pv = wf_pause_values; pv->key; pv++) {
                struct wf_reg v;
                if (h->ops->reg_read(h->self, pv->key, pv->value, &v) == WF_OK &&
                    (v.type == WF_REG_SZ || v.type == WF_REG_DWORD))
                    reg_fix(out, h, "", pv->key, pv->value, &none);
            }
        } else if (!strcmp(pr->code, WF_M(M_HOSTS_BLOCKS_UPDATE)) &&
                   (f = add(out, WF_FIX_HOSTS, "")) != NULL && wf_hosts_plan(h, f) != WF_OK) {
            out->n--; /* the lines are gone (or the file cannot be read) since the check */
        }
    }
    return WF_OK;
}

static void reg_words(const struct wf_reg *v, char *buf, size_t size)
{
    if (v->type == WF_REG_NONE)
        wf_strlcpy(buf, "(none)", size);
    else if (v->type == WF_REG_DWORD)
        snprintf(buf, size, "%u", (unsigned)v->dword);
    else
        snprintf(buf, size, "\"%s\"", v->str);
}

/* The words of a change; every value in them is the system's or a file's,
 * so each is printed made safe (wf_text_safe). */
void wf_repair_describe(const struct wf_fix *f, struct wf_buf *b)
{
    char was[WF_TEXT_MAX + 2], will[WF_TEXT_MAX + 2], svc[WF_TEXT_MAX], a[WF_TEXT_MAX], c[WF_TEXT_MAX];
    wf_text_safe(f->service, svc, sizeof(svc));
    wf_text_safe(f->was.str, a, sizeof(a));
    wf_text_safe(f->will.str, c, sizeof(c));
    switch (f->kind) {
    case WF_FIX_START:
        wf_buf_printf(b, WF_M(M_S_START_TYPE_S_S), svc, wf_start_token(f->was_start),
                      wf_start_token(f->will_start));
        break;
    case WF_FIX_IMAGE: wf_buf_printf(b, WF_M(M_S_IMAGE_PATH_S_S), svc, a, c); break;
    case WF_FIX_SDDL: wf_buf_printf(b, WF_M(M_S_SECURITY_DESCRIPTOR_S_S), svc, a, c); break;
    case WF_FIX_REG:
        reg_words(&f->was, a, sizeof(a));
        reg_words(&f->will, c, sizeof(c));
        wf_text_safe(a, was, sizeof(was));
        wf_text_safe(c, will, sizeof(will));
        wf_text_safe(f->key, a, sizeof(a));
        wf_text_safe(f->value, c, sizeof(c));
        wf_buf_printf(b, WF_M(M_HKLM_S_S_S_S_2), a, c, was, will);
        break;
    case WF_FIX_DEPS: wf_buf_printf(b, WF_M(M_S_DEPENDS_ON_S_S), svc, a, c); break;
    case WF_FIX_ACCOUNT: wf_buf_printf(b, WF_M(M_S_RUNS_AS_S_S), svc, a, c); break;
    case WF_FIX_HOSTS:
        if (f->files)
            wf_buf_printf(b, WF_M(M_HOSTS_FILE_S_LLU_LINE), a, (unsigned long long)f->files,
                          f->files == 1 ? "" : "s", c);
        else
            wf_buf_printf(b, WF_M(M_HOSTS_FILE_S_GIVEN_BACK), a, c);
        break;
    case WF_FIX_RENAME:
        wf_aside_size_words(f->bytes, was, sizeof(was));
        wf_buf_printf(b, WF_M(M_SET_ASIDE_S_S_S), a, c, was, (unsigned long long)f->files,
                      f->files == 1 ? "" : "s");
        break;
    }
}

static wf_err set(const struct wf_fix *f, bool back, const struct wf_backend *b, const struct wf_host *h)
{
    const struct wf_reg *v = back ? &f->was : &f->will;
    switch (f->kind) {
    case WF_FIX_START: return b->ops->set_start(b->self, f->service, back ? f->was_start : f->will_start);
    case WF_FIX_IMAGE: return b->ops->set_image(b->self, f->service, v->str);
    case WF_FIX_SDDL:
        /* An empty descriptor read back (Wine) cannot be written back. */
        return back && !v->str[0] ? WF_OK : b->ops->set_security(b->self, f->service, v->str);
    case WF_FIX_REG:
        return v->type == WF_REG_NONE ? h->ops->reg_delete(h->self, f->key, f->value)
                                      : h->ops->reg_write(h->self, f->key, f->value, v);
    case WF_FIX_DEPS: return b->ops->set_deps(b->self, f->service, v->str);
    case WF_FIX_ACCOUNT: return b->ops->set_account(b->self, f->service, v->str);
    case WF_FIX_RENAME:
        /* From a journal, `applied` may be set for a rename a killed run never made. */
        return back ? wf_aside_back(h, f, false) : wf_aside_move(h, f->was.str, f->will.str);
    case WF_FIX_HOSTS: return wf_hosts_set(h, f, back, NULL, 0);
    }
    return WF_E_SYSTEM;
}

wf_err wf_repair_apply(struct wf_repair *r, const struct wf_backend *b, const struct wf_host *h)
{
    for (size_t i = 0; i < r->n; i++) {
        wf_err e = set(&r->fix[i], false, b, h);
        if (e != WF_OK)
            return e;
        r->fix[i].applied = true;
    }
    return WF_OK;
}

wf_err wf_repair_revert(struct wf_repair *r, const struct wf_backend *b, const struct wf_host *h)
{
    wf_err first = WF_OK;
    for (size_t i = r->n; i-- > 0;) {
        if (!r->fix[i].applied)
            continue;
        wf_err e = set(&r->fix[i], true, b, h);
        if (e == WF_OK)
            r->fix[i].applied = false;
        else if (first == WF_OK)
            first = e;
    }
    return first;
}

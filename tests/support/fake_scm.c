/* SPDX-License-Identifier: MIT */
/* fake_scm.c - the fake SCM: Windows' rules on a virtual clock. */
#include "fake_scm.h"

#include "wufix/base/sha256.h"

#include "wufix/base/defaults.h"
#include "wufix/mech/tasks.h"

#define WF_KEY_SERVICES_FAKE "SYSTEM\\CurrentControlSet\\Services\\"
#define WF_KEY_VERSION_FAKE  "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>
#include <time.h>

void fake_scm_init(struct fake_scm *f)
{
    memset(f, 0, sizeof(*f));
    f->next_pid = 1000;
    f->enforce_deps = true;
    f->now = 1000000;
    f->build = 19045;
    wf_strlcpy(f->computer, "FAKEPC", sizeof(f->computer));
}

/* What Windows answers an unprotected caller that would change or stop a
 * protected service that is not stopped (SERVICE_LAUNCH_PROTECTED_INFO). */
static bool refuses(const struct fake_svc *s)
{
    return s->protection > WF_PROTECTION_NONE && s->state != WF_STATE_STOPPED;
}

struct fake_svc *fake_scm_get(struct fake_scm *f, const char *name)
{
    for (size_t i = 0; i < f->n; i++)
        if (wf_name_cmp(f->svc[i].name, name) == 0)
            return &f->svc[i];
    return NULL;
}

static void set_deps(struct fake_svc *s, const char *csv)
{
    s->ndeps = 0;
    while (s->ndeps < WF_DEPS_MAX && wf_csv_next(&csv, s->deps[s->ndeps], WF_NAME_MAX))
        s->ndeps++;
}

struct fake_svc *fake_scm_add(struct fake_scm *f, const char *name, enum wf_state state,
                              enum wf_start_type start, const char *deps_csv)
{
    struct fake_svc *s = &f->svc[f->n++];
    memset(s, 0, sizeof(*s));
    wf_strlcpy(s->name, name, sizeof(s->name));
    snprintf(s->display, sizeof(s->display), "%s display", name);
    s->start_type = start;
    s->state = state;
    s->accepts_stop = true;
    s->start_ms = 300;
    s->stop_ms = 200;
    s->hint_ms = 2000;
    s->t_done = FAKE_NEVER;
    if (state == WF_STATE_RUNNING)
        s->pid = f->next_pid++;
    if (state == WF_STATE_STOPPED)
        s->exit_code = 1077;
    /* Windows' own recovery, as the one build a source gives it (22621) has it. */
    const struct wf_recovery *rec = wf_defaults_recovery(name, 22621);
    if (rec)
        s->recovery = *rec;
    const struct wf_default *def = wf_defaults_for(name, f->build);
    wf_strlcpy(s->account, def && def->account ? def->account : "LocalSystem", sizeof(s->account));
    if (def && def->image_path) {
        wf_strlcpy(s->image, def->image_path, sizeof(s->image));
        wf_strlcpy(s->sddl, def->sddl ? def->sddl : "", sizeof(s->sddl));
    } else {
        snprintf(s->image, sizeof(s->image), "C:\\fake\\%s.exe", name);
        /* What Windows gives a service created without a descriptor. */
        wf_strlcpy(s->sddl, "O:SYD:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)",
                   sizeof(s->sddl));
    }
    set_deps(s, deps_csv);
    return s;
}

void fake_scm_script(struct fake_scm *f, const char *op, const char *name, uint32_t code, unsigned times)
{
    struct fake_script *s = &f->script[f->nscript++];
    wf_strlcpy(s->op, op, sizeof(s->op));
    wf_strlcpy(s->name, name, sizeof(s->name));
    s->code = code;
    s->times = times;
}

int fake_scm_log_find(const struct fake_scm *f, const char *line)
{
    for (size_t i = 0; i < f->nlog; i++)
        if (strcmp(f->log[i], line) == 0)
            return (int)i;
    return -1;
}

size_t fake_scm_log_count(const struct fake_scm *f, const char *prefix)
{
    size_t n = 0;
    for (size_t i = 0; i < f->nlog; i++)
        n += strncmp(f->log[i], prefix, strlen(prefix)) == 0;
    return n;
}

/* Apply everything that happened up to f->now. */
static bool path_exists(const struct fake_scm *f, const char *path);

static void advance(struct fake_scm *f)
{
    for (size_t i = 0; i < f->n; i++) {
        struct fake_svc *s = &f->svc[i];
        if (!wf_state_is_pending(s->state))
            continue;
        if (f->now >= s->t_done) {
            s->state = s->final;
            s->checkpoint = 0;
            s->wait_hint = 0;
            if (s->final == WF_STATE_STOPPED) {
                s->pid = 0;
                s->exit_code = s->fail_start_code;
            } else {
                s->exit_code = 0;
                if (s->creates[0] && !path_exists(f, s->creates))
                    fake_file_put(f, s->creates, 0)->dir = true;
            }
        } else if (s->cp_every_ms) {
            s->checkpoint = (uint32_t)((f->now - s->t_change) / s->cp_every_ms);
        }
    }
}

/* Counts the call, logs it, and decides whether it fails. */
static uint32_t enter(struct fake_scm *f, const char *op, const char *name)
{
    struct fake_svc *svc = fake_scm_get(f, name);
    if (svc && !(svc->held && (strcmp(op, "query") == 0 || strcmp(op, "watch") == 0)))
        svc->opens++;
    f->calls++;
    if (f->nlog < FAKE_LOG_MAX)
        snprintf(f->log[f->nlog++], sizeof(f->log[0]), "%s %s", op, name);
    advance(f);
    if (f->fail_at && f->calls == f->fail_at)
        return f->fail_code;
    for (size_t i = 0; i < f->nscript; i++) {
        struct fake_script *s = &f->script[i];
        if (s->times && strcmp(s->op, op) == 0 && (!s->name[0] || wf_name_cmp(s->name, name) == 0)) {
            s->times--;
            return s->code;
        }
    }
    return 0;
}

static wf_err leave(struct fake_scm *f, uint32_t code)
{
    f->last_code = code;
    return wf_err_from_syscode(code);
}

static wf_err f_query(void *self, const char *name, struct wf_svc_status *out)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "query", name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    memset(out, 0, sizeof(*out));
    out->state = s->state;
    out->pid = s->pid;
    out->exit_code = s->exit_code;
    out->checkpoint = s->checkpoint;
    out->wait_hint_ms = s->wait_hint;
    out->accepts_stop = s->accepts_stop && s->state == WF_STATE_RUNNING;
    return leave(f, 0);
}

/* One call (one open of the service, on Windows) logged as `op`. */
static wf_err config_of(struct fake_scm *f, const char *op, const char *name, struct wf_svc_config *out,
                        bool traits)
{
    uint32_t code = enter(f, op, name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    memset(out, 0, sizeof(*out));
    wf_strlcpy(out->display_name, s->display, sizeof(out->display_name));
    out->start_type = s->start_type;
    wf_strlcpy(out->image_path, s->image, sizeof(out->image_path));
    wf_strlcpy(out->account, s->account, sizeof(out->account));
    out->protection = WF_PROTECTION_UNKNOWN;
    out->triggers = -1;
    for (size_t i = 0; i < s->ndeps; i++)
        wf_strlcpy(out->deps[i], s->deps[i], sizeof(out->deps[i]));
    out->ndeps = s->ndeps;
    if (traits) {
        out->protection = s->protection;
        out->triggers = s->triggers;
    }
    return leave(f, 0);
}

static wf_err f_config(void *self, const char *name, struct wf_svc_config *out)
{
    return config_of(self, "config", name, out, false);
}

/* config and the traits in one call, as the Win32 backend reads them on one handle. */
static wf_err f_traits(void *self, const char *name, struct wf_svc_config *out)
{
    return config_of(self, "traits", name, out, true);
}

static bool depends_on(const struct fake_svc *s, const char *name)
{
    for (size_t i = 0; i < s->ndeps; i++)
        if (wf_name_cmp(s->deps[i], name) == 0)
            return true;
    return false;
}

/* Like EnumDependentServices: direct and indirect dependents. */
static void collect(struct fake_scm *f, const char *name, struct wf_dependent *out, size_t cap, size_t *n,
                    unsigned depth)
{
    if (depth > FAKE_SVC_MAX)
        return;
    for (size_t i = 0; i < f->n; i++) {
        struct fake_svc *s = &f->svc[i];
        if (!depends_on(s, name))
            continue;
        bool seen = false;
        for (size_t k = 0; k < *n && k < cap; k++)
            seen |= wf_name_cmp(out[k].name, s->name) == 0;
        if (seen)
            continue;
        if (*n < cap) {
            wf_strlcpy(out[*n].name, s->name, sizeof(out[*n].name));
            out[*n].state = s->state;
        }
        (*n)++;
        collect(f, s->name, out, cap, n, depth + 1);
    }
}

static wf_err f_dependents(void *self, const char *name, struct wf_dependent *out, size_t cap, size_t *n)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "dependents", name);
    *n = 0;
    if (code)
        return leave(f, code);
    if (!fake_scm_get(f, name))
        return leave(f, 1060);
    collect(f, name, out, cap, n, 0);
    return *n > cap ? WF_E_LIMIT : leave(f, 0);
}

static wf_err f_start(void *self, const char *name)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "start", name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    if (s->start_type == WF_START_DISABLED)
        return leave(f, 1058);
    if (s->race && s->state == WF_STATE_STOPPED) {
        s->state = WF_STATE_RUNNING;
        s->pid = f->next_pid++;
    }
    if (s->state == WF_STATE_RUNNING || s->state == WF_STATE_START_PENDING)
        return leave(f, 1056);
    if (wf_state_is_pending(s->state))
        return leave(f, 1061);
    for (size_t i = 0; f->enforce_deps && i < s->ndeps; i++) {
        struct fake_svc *d = fake_scm_get(f, s->deps[i]);
        if (d && d->state != WF_STATE_RUNNING)
            return leave(f, 1068);
    }
    s->state = WF_STATE_START_PENDING;
    s->pid = f->next_pid++;
    s->checkpoint = 0;
    s->wait_hint = s->hint_ms;
    s->t_change = f->now;
    s->t_done = s->hang_start || f->hang_at == f->calls ? FAKE_NEVER : f->now + s->start_ms;
    s->final = s->fail_start_code ? WF_STATE_STOPPED : WF_STATE_RUNNING;
    return leave(f, 0);
}

static wf_err f_stop(void *self, const char *name)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "stop", name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    if (refuses(s))
        return leave(f, 5);
    if (s->race && s->state == WF_STATE_RUNNING) {
        s->state = WF_STATE_STOPPED;
        s->pid = 0;
    }
    if (s->state == WF_STATE_STOPPED)
        return leave(f, 1062);
    if (wf_state_is_pending(s->state))
        return leave(f, 1061);
    if (!s->accepts_stop)
        return leave(f, 1052);
    for (size_t i = 0; f->enforce_deps && i < f->n; i++)
        if (depends_on(&f->svc[i], s->name) && f->svc[i].state != WF_STATE_STOPPED)
            return leave(f, 1051);
    s->state = WF_STATE_STOP_PENDING;
    s->checkpoint = 0;
    s->wait_hint = s->hint_ms;
    s->t_change = f->now;
    s->t_done = s->hang_stop || f->hang_at == f->calls ? FAKE_NEVER : f->now + s->stop_ms;
    s->final = WF_STATE_STOPPED;
    return leave(f, 0);
}

static wf_err f_watch(void *self, const char *name, enum wf_state current)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "watch", name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    s->watched = s->held = true;
    s->watch_state = current;
    return leave(f, 0);
}

static void f_unwatch_all(void *self)
{
    struct fake_scm *f = self;
    for (size_t i = 0; i < f->n; i++)
        f->svc[i].watched = f->svc[i].held = false;
}

/* Jump the clock to the first change of a watched service, or the deadline. */
static wf_err f_wait(void *self, uint64_t deadline_ms, uint32_t poll_ms)
{
    struct fake_scm *f = self;
    uint64_t next = deadline_ms;
    (void)poll_ms;
    f->waits++;
    if (f->interrupt_at_wait && f->waits == f->interrupt_at_wait)
        return WF_E_INTERRUPTED;
    if (f->real_wait_ms)
        fake_sleep_ms(f->real_wait_ms);
    /* Ctrl+C on the platform: each backend hears it once, as Win32's does. */
    if (f->ctrl_c && fake_ctrl_c_count(f->ctrl_c) > f->ctrl_c_seen) {
        f->ctrl_c_seen = fake_ctrl_c_count(f->ctrl_c);
        return WF_E_INTERRUPTED;
    }
    advance(f);
    /* A watch is one-shot, like NotifyServiceStatusChange: it fires once when
     * the state differs from the one it was armed in (at once if it already
     * does), and must be armed again. */
    bool fired = false;
    for (size_t i = 0; i < f->n; i++) {
        struct fake_svc *s = &f->svc[i];
        if (s->watched && s->state != s->watch_state) {
            s->watched = false;
            fired = true;
        }
    }
    if (fired)
        return WF_OK;
    for (size_t i = 0; i < f->n; i++) {
        struct fake_svc *s = &f->svc[i];
        if (s->watched && wf_state_is_pending(s->state) && s->t_done < next)
            next = s->t_done;
    }
    if (next > f->now)
        f->now = next;
    advance(f);
    for (size_t i = 0; i < f->n; i++)
        if (f->svc[i].watched && f->svc[i].state != f->svc[i].watch_state)
            f->svc[i].watched = false;
    return WF_OK;
}

static uint64_t f_now(void *self)
{
    return ((struct fake_scm *)self)->now;
}

static uint32_t f_last(void *self)
{
    return ((struct fake_scm *)self)->last_code;
}

static void f_describe(void *self, uint32_t code, char *buf, size_t size)
{
    (void)self;
    switch (code) {
    case 5: wf_strlcpy(buf, "Access is denied.", size); break;
    case 1058: wf_strlcpy(buf, "The service cannot be started because it is disabled.", size); break;
    case 1060: wf_strlcpy(buf, "The specified service does not exist as an installed service.", size); break;
    default: snprintf(buf, size, "fake error %u", (unsigned)code); break;
    }
}

static void f_computer(void *self, char *buf, size_t size)
{
    wf_strlcpy(buf, ((struct fake_scm *)self)->computer, size);
}

static wf_err f_process_services(void *self, uint32_t pid, struct wf_dependent *out, size_t cap, size_t *n)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "process", "");
    *n = 0;
    if (code)
        return leave(f, code);
    for (size_t i = 0; i < f->n; i++) {
        struct fake_svc *s = &f->svc[i];
        bool in = f->shared_process ? s->state != WF_STATE_STOPPED : s->pid == pid;
        if (!in || s->state == WF_STATE_STOPPED)
            continue;
        if (*n < cap) {
            wf_strlcpy(out[*n].name, s->name, sizeof(out[*n].name));
            out[*n].state = s->state;
        }
        (*n)++;
    }
    /* The service's process ends and its ID goes to another process right
     * after this answer: what --force must not end. */
    for (size_t i = 0; f->pid_reused && i < f->n; i++)
        if (f->svc[i].pid == pid)
            f->svc[i].pid = f->next_pid++;
    return *n > cap ? WF_E_LIMIT : leave(f, 0);
}

/* Ending the process: Windows' SCM notices and marks the service stopped. */
static wf_err f_terminate(void *self, const char *name, uint32_t pid)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "terminate", name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    /* Ended only when `pid` is still that service's process, as Windows' backend checks with the process
     * open. */
    if (!s || s->pid != pid)
        return WF_E_GONE;
    f->terminated_pid = pid;
    for (size_t i = 0; i < f->n; i++)
        if (f->svc[i].pid == pid) {
            f->svc[i].state = WF_STATE_STOPPED;
            f->svc[i].pid = 0;
            f->svc[i].exit_code = 1067; /* ERROR_PROCESS_ABORTED */
        }
    return leave(f, 0);
}

static wf_err f_security(void *self, const char *name, char *sddl, size_t size)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "security", name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    wf_strlcpy(sddl, s->sddl, size);
    return leave(f, 0);
}

static wf_err f_set_security(void *self, const char *name, const char *sddl)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "set_security", name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    if (refuses(s))
        return leave(f, 5);
    /* Only the DACL is set: the owner before it stays, as on Windows. */
    char *dacl = strstr(s->sddl, "D:");
    const char *given = strstr(sddl, "D:");
    size_t keep = dacl ? (size_t)(dacl - s->sddl) : 0;
    if (given && keep + strlen(given) < sizeof(s->sddl))
        memmove(s->sddl + keep, given, strlen(given) + 1);
    else if (given)
        return leave(f, 87);
    return leave(f, 0);
}

/* What every configuration change answers first, as ChangeServiceConfigW:
 * a scripted failure, 1060 for no such service, 5 from a protected one that
 * runs, 1072 for one marked for deletion. NULL with *code set then. */
static struct fake_svc *changing(struct fake_scm *f, const char *op, const char *name, uint32_t *code)
{
    *code = enter(f, op, name);
    struct fake_svc *s = fake_scm_get(f, name);
    if (!*code && !s)
        *code = 1060;
    else if (!*code && refuses(s))
        *code = 5;
    else if (!*code && s->marked_delete)
        *code = 1072;
    return *code ? NULL : s;
}

static wf_err f_set_start(void *self, const char *name, enum wf_start_type t)
{
    uint32_t code;
    struct fake_svc *s = changing(self, "set_start", name, &code);
    if (s)
        s->start_type = t;
    return leave(self, code);
}

static wf_err f_set_image(void *self, const char *name, const char *path)
{
    uint32_t code;
    struct fake_svc *s = changing(self, "set_image", name, &code);
    if (s)
        wf_strlcpy(s->image, path, sizeof(s->image));
    return leave(self, code);
}

static wf_err f_set_deps(void *self, const char *name, const char *csv)
{
    uint32_t code;
    struct fake_svc *s = changing(self, "set_deps", name, &code);
    if (s)
        set_deps(s, csv);
    return leave(self, code);
}

static wf_err f_set_account(void *self, const char *name, const char *account)
{
    uint32_t code;
    struct fake_svc *s = changing(self, "set_account", name, &code);
    if (s)
        wf_strlcpy(s->account, account, sizeof(s->account));
    return leave(self, code);
}

/* Windows' way to ask: a change that changes nothing, refused with 1072. */
static wf_err f_marked_for_delete(void *self, const char *name, bool *marked)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "marked_for_delete", name);
    struct fake_svc *s = fake_scm_get(f, name);
    *marked = false;
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    if (refuses(s))
        return leave(f, 5);
    *marked = s->marked_delete;
    return leave(f, 0);
}

static struct fake_reg *reg_find(struct fake_scm *f, const char *key, const char *value);

/* The service key's FailureActions where one is set (a .reg a test loads
 * writes it), else the service's own, as the SCM gives them. */
static wf_err f_recovery(void *self, const char *name, struct wf_recovery *out)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "recovery", name);
    struct fake_svc *s = fake_scm_get(f, name);
    char key[WF_TEXT_MAX];
    memset(out, 0, sizeof(*out));
    if (code)
        return leave(f, code);
    if (!s)
        return leave(f, 1060);
    snprintf(key, sizeof(key), WF_KEY_SERVICES_FAKE "%s", s->name);
    const struct fake_reg *r = reg_find(f, key, "FailureActions");
    if (!r || !r->nbin)
        *out = s->recovery;
    else if (!wf_recovery_parse(r->bin, r->nbin, out))
        return leave(f, 13);
    return leave(f, 0);
}

static const struct wf_backend_ops fake_ops = {
    .query = f_query,
    .config = f_config,
    .traits = f_traits,
    .dependents = f_dependents,
    .start = f_start,
    .stop = f_stop,
    .watch = f_watch,
    .unwatch_all = f_unwatch_all,
    .wait = f_wait,
    .now_ms = f_now,
    .last_syscode = f_last,
    .describe = f_describe,
    .computer = f_computer,
    .process_services = f_process_services,
    .terminate = f_terminate,
    .security = f_security,
    .set_security = f_set_security,
    .set_start = f_set_start,
    .set_image = f_set_image,
    .set_deps = f_set_deps,
    .set_account = f_set_account,
    .marked_for_delete = f_marked_for_delete,
    .recovery = f_recovery,
};

struct wf_backend fake_scm_backend(struct fake_scm *f)
{
    struct wf_backend b = {&fake_ops, f};
    return b;
}

/* The host seam: a small registry and file system. */
static struct fake_reg *reg_find(struct fake_scm *f, const char *key, const char *value)
{
    for (size_t i = 0; i < f->nreg; i++)
        if (wf_name_cmp(f->reg[i].key, key) == 0 && wf_name_cmp(f->reg[i].value, value) == 0)
            return &f->reg[i];
    return NULL;
}

void fake_reg_set(struct fake_scm *f, const char *key, const char *value, enum wf_reg_type type,
                  const char *str, uint32_t dword)
{
    struct fake_reg *r = reg_find(f, key, value);
    if (!r && f->nreg < FAKE_REG_MAX) {
        r = &f->reg[f->nreg++];
        memset(r, 0, sizeof(*r));
        wf_strlcpy(r->key, key, sizeof(r->key));
        wf_strlcpy(r->value, value, sizeof(r->value));
    }
    if (!r)
        return;
    r->v.type = type;
    r->v.dword = dword;
    r->v.cut = wf_utf8_copy(r->v.str, sizeof(r->v.str), str ? str : "") < strlen(str ? str : "");
}

void fake_reg_set_bin(struct fake_scm *f, const char *key, const char *value, const uint8_t *bytes, size_t n)
{
    fake_reg_set(f, key, value, WF_REG_NONE, NULL, 0);
    struct fake_reg *r = reg_find(f, key, value);
    if (!r)
        return;
    r->nbin = n < sizeof(r->bin) ? n : sizeof(r->bin);
    memcpy(r->bin, bytes, r->nbin);
}

const struct fake_value *fake_reg_get(const struct fake_scm *f, const char *key, const char *value)
{
    struct fake_reg *r = reg_find((struct fake_scm *)(uintptr_t)f, key, value);
    return r && r->v.type != WF_REG_NONE ? &r->v : NULL;
}

void fake_file_add(struct fake_scm *f, const char *path)
{
    fake_file_put(f, path, 0);
}

struct fake_file *fake_file_put(struct fake_scm *f, const char *path, uint64_t size)
{
    struct fake_file *x = fake_file_get(f, path);
    for (size_t i = 0; !x && i < FAKE_FILES_MAX; i++)
        if (!f->files[i].path[0])
            x = &f->files[i];
    if (!x)
        return NULL;
    memset(x, 0, sizeof(*x));
    wf_strlcpy(x->path, path, sizeof(x->path));
    x->size = size;
    if (f->nfiles < (size_t)(x - f->files) + 1)
        f->nfiles = (size_t)(x - f->files) + 1;
    return x;
}

struct fake_file *fake_file_get(struct fake_scm *f, const char *path)
{
    for (size_t i = 0; i < f->nfiles; i++)
        if (f->files[i].path[0] && wf_name_cmp(f->files[i].path, path) == 0)
            return &f->files[i];
    return NULL;
}

void fake_file_remove(struct fake_scm *f, const char *path)
{
    struct fake_file *x = fake_file_get(f, path);
    if (x)
        x->path[0] = '\0';
}

/* `path` is `dir` or lies under it. */
static bool under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (strlen(path) < n || wf_name_ncmp(path, dir, n) != 0)
        return false;
    return path[n] == '\0' || path[n] == '\\';
}

static bool path_exists(const struct fake_scm *f, const char *path)
{
    for (size_t i = 0; i < f->nfiles; i++)
        if (f->files[i].path[0] && under(f->files[i].path, path))
            return true;
    return false;
}
static wf_err h_reg_read(void *self, const char *key, const char *value, struct wf_reg *out)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "reg_read", value);
    const struct fake_value *r = fake_reg_get(f, key, value);
    if (code)
        return leave(f, code);
    memset(out, 0, sizeof(*out));
    if (r) {
        out->type = r->type;
        out->dword = r->dword;
        out->cut = r->cut;
        wf_strlcpy(out->str, r->str, sizeof(out->str));
    }
    wf_err e = leave(f, 0);
    return r && r->cut ? WF_E_LIMIT : e; /* too long to record, as registry.c reads it */
}

static wf_err h_reg_write(void *self, const char *key, const char *value, const struct wf_reg *v)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "reg_write", value);
    if (code)
        return leave(f, code);
    if (v->cut || strlen(v->str) >= sizeof(f->reg[0].v.str)) {
        leave(f, 0);
        return WF_E_LIMIT; /* never kept shorter than written */
    }
    fake_reg_set(f, key, value, v->type, v->str, v->dword);
    return leave(f, 0);
}

static wf_err h_reg_delete(void *self, const char *key, const char *value)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "reg_delete", value);
    struct fake_reg *r = reg_find(f, key, value);
    if (code)
        return leave(f, code);
    if (r)
        r->v.type = WF_REG_NONE;
    return leave(f, 0);
}

static wf_err h_reg_key_exists(void *self, const char *key)
{
    struct fake_scm *f = self;
    for (size_t i = 0; i < f->nreg; i++)
        if (wf_name_cmp(f->reg[i].key, key) == 0)
            return WF_OK;
    return WF_E_NO_SERVICE;
}

static wf_err h_reg_key_time(void *self, const char *key, char *buf, size_t size)
{
    struct fake_scm *f = self;
    if (h_reg_key_exists(self, key) != WF_OK)
        return WF_E_NO_SERVICE;
    wf_strlcpy(buf, f->key_time ? f->key_time : f->utc ? f->utc : "2026-12-02T12:00:00Z", size);
    return WF_OK;
}

static wf_err h_reg_enum(void *self, const char *key, bool values, char (*names)[WF_NAME_MAX], size_t max,
                         size_t *n)
{
    struct fake_scm *f = self;
    size_t len = strlen(key);
    uint32_t code = enter(f, "reg_enum", key);
    *n = 0;
    if (code)
        return leave(f, code);
    if (len && key[len - 1] == '\\')
        len--;
    for (size_t i = 0; i < f->nreg && *n < max; i++) {
        const struct fake_reg *r = &f->reg[i];
        char name[WF_NAME_MAX];
        if (values) {
            if (strlen(r->key) != len || wf_name_ncmp(r->key, key, len) != 0 || !r->value[0] ||
                r->v.type == WF_REG_NONE)
                continue;
            wf_strlcpy(name, r->value, sizeof(name));
        } else {
            if (strlen(r->key) <= len + 1 || wf_name_ncmp(r->key, key, len) != 0 || r->key[len] != '\\')
                continue;
            wf_strlcpy(name, r->key + len + 1, sizeof(name));
            char *sep = strchr(name, '\\');
            if (sep)
                *sep = '\0';
        }
        bool seen = false;
        for (size_t k = 0; k < *n; k++)
            seen |= wf_name_cmp(names[k], name) == 0;
        if (!seen)
            wf_strlcpy(names[(*n)++], name, WF_NAME_MAX);
    }
    return leave(f, 0);
}

/* A service key's own descriptor where a test set one (value "(key_sddl)"),
 * else the one every key has. */
static wf_err h_reg_key_sddl(void *self, const char *key, char *sddl, size_t size)
{
    struct fake_scm *f = self;
    const struct fake_value *own = fake_reg_get(f, key, "(key_sddl)");
    wf_strlcpy(sddl, own ? own->str : f->key_sddl, size);
    return WF_OK;
}

/* %SystemRoot% and %windir% (any case) are C:\Windows. */
static wf_err h_expand(void *self, const char *in, char *out, size_t size)
{
    size_t o = 0;
    (void)self;
    while (*in && o + 1 < size) {
        if (*in == '%') {
            const char *end = strchr(in + 1, '%');
            size_t len = end ? (size_t)(end - in - 1) : 0;
            char var[32] = "";
            if (end && len < sizeof(var)) {
                memcpy(var, in + 1, len);
                var[len] = '\0';
            }
            const char *w = wf_name_cmp(var, "allusersprofile") == 0 ? "C:\\ProgramData" : "C:\\Windows";
            if (wf_name_cmp(var, "systemroot") == 0 || wf_name_cmp(var, "windir") == 0 ||
                wf_name_cmp(var, "allusersprofile") == 0) {
                for (; *w && o + 1 < size; w++)
                    out[o++] = *w;
                in = end + 1;
                continue;
            }
        }
        out[o++] = *in++;
    }
    out[o] = '\0';
    return WF_OK;
}

static wf_err h_file_exists(void *self, const char *path)
{
    struct fake_file *x = fake_file_get(self, path);
    return x && !x->dir ? WF_OK : WF_E_NO_SERVICE;
}

static void fake_ace(struct wf_folder_sec *s, bool io, uint32_t mask, const char *sid)
{
    struct wf_ace *a = &s->ace[s->nace++];
    a->kind = WF_ACE_ALLOW;
    a->inherit_only = io;
    a->mask = mask;
    wf_strlcpy(a->sid, sid, sizeof(a->sid));
}

/* What Windows gives a folder an administrator makes: owner Administrators,
 * SYSTEM and Administrators full control, Users read; under ProgramData also
 * what it passes down (research/state-folder-security.md): CREATOR OWNER full
 * control on children, and Users may add files and folders. */
static wf_err h_folder_security(void *self, const char *path, struct wf_folder_sec *out)
{
    struct fake_scm *f = self;
    memset(out, 0, sizeof(*out));
    uint32_t code = enter(f, "folder_security", path);
    if (code)
        return wf_err_from_syscode(code);
    if (!path_exists(f, path))
        return WF_E_NO_SERVICE;
    out->not_folder = fake_file_get(f, path) != NULL;
    wf_strlcpy(out->owner, "S-1-5-32-544", sizeof(out->owner));
    out->has_dacl = true;
    fake_ace(out, false, 0x1F01FFu, "S-1-5-18");
    fake_ace(out, false, 0x1F01FFu, "S-1-5-32-544");
    fake_ace(out, false, 0x1200A9u, "S-1-5-32-545");
    if (under(path, "C:\\ProgramData")) {
        fake_ace(out, true, 0x10000000u, "S-1-3-0");
        fake_ace(out, false, 0x116u, "S-1-5-32-545");
    }
    return WF_OK;
}

static wf_err h_path_exists(void *self, const char *path)
{
    return path_exists(self, path) ? WF_OK : WF_E_NO_SERVICE;
}

/* Moves every entry under `from`; something open under it (locked) refuses. */
static wf_err h_rename(void *self, const char *from, const char *to)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "rename", from);
    if (code)
        return leave(f, code);
    if (!path_exists(f, from)) {
        f->last_code = 2; /* ERROR_FILE_NOT_FOUND, as the Win32 host reports it */
        return WF_E_NO_SERVICE;
    }
    if (path_exists(f, to))
        return leave(f, 183);
    for (size_t i = 0; i < f->nfiles; i++) {
        const struct fake_file *x = &f->files[i];
        const struct fake_svc *user = x->path[0] && x->held_by[0] ? fake_scm_get(f, x->held_by) : NULL;
        if (user && under(x->path, from) && user->state != WF_STATE_STOPPED)
            return leave(f, 32);
    }
    for (size_t i = 0; i < f->nfiles; i++)
        if (f->files[i].path[0] && under(f->files[i].path, from) && f->files[i].locked) {
            if (f->files[i].locked != UINT32_MAX)
                f->files[i].locked--;
            return leave(f, 32);
        }
    size_t n = strlen(from);
    for (size_t i = 0; i < f->nfiles; i++) {
        struct fake_file *x = &f->files[i];
        if (!x->path[0] || !under(x->path, from))
            continue;
        char moved[WF_TEXT_MAX];
        snprintf(moved, sizeof(moved), "%s%s", to, x->path + n);
        wf_strlcpy(x->path, moved, sizeof(x->path));
    }
    return leave(f, 0);
}

/* As the Restart Manager answers: the service that holds a file under
 * `path` while it runs (its image's file name, its PID, its display name),
 * a locked file's holder; with `service`, the process that runs it. */
static wf_err h_holders(void *self, const char *path, const char *service, struct wf_holder *out, size_t max,
                        size_t *n)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "holders", path ? path : service);
    *n = 0;
    if (code)
        return leave(f, code);
    for (size_t i = 0; i <= f->nfiles && *n < max; i++) {
        const struct fake_file *x = i < f->nfiles ? &f->files[i] : NULL;
        const struct fake_svc *s = !x ? fake_scm_get(f, service ? service : "")
                                   : path && x->path[0] && under(x->path, path) ? fake_scm_get(f, x->held_by)
                                                                                : NULL;
        struct wf_holder *o = &out[*n];
        memset(o, 0, sizeof(*o));
        if (s && s->state != WF_STATE_STOPPED && s->pid) {
            const char *image = strrchr(s->image, '\\');
            wf_strlcpy(o->image, image ? image + 1 : s->image, sizeof(o->image));
            char *sp = strchr(o->image, ' ');
            if (sp)
                *sp = '\0';
            o->pid = s->pid;
            wf_strlcpy(o->name, s->display, sizeof(o->name));
        } else if (x && path && x->path[0] && x->locked && x->holder && under(x->path, path)) {
            /* "IMAGE|PID|NAME" */
            const char *bar = strchr(x->holder, '|'), *bar2 = bar ? strchr(bar + 1, '|') : NULL;
            if (bar2) {
                snprintf(o->image, sizeof(o->image), "%.*s", (int)(bar - x->holder), x->holder);
                o->pid = (uint32_t)strtoul(bar + 1, NULL, 10);
                wf_strlcpy(o->name, bar2 + 1, sizeof(o->name));
            }
        }
        bool seen = false;
        for (size_t k = 0; k < *n; k++)
            seen |= out[k].pid == o->pid;
        if (o->pid && !seen)
            ++*n;
    }
    return leave(f, 0);
}

static wf_err h_volumes(void *self, struct wf_volume *out, size_t max, size_t *n)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "volumes", "");
    for (*n = 0; !code && *n < f->nvolumes && *n < max; ++*n)
        out[*n] = f->volumes[*n];
    return leave(f, code);
}

static wf_err h_tree_size(void *self, const char *path, uint64_t *bytes, uint64_t *files)
{
    struct fake_scm *f = self;
    *bytes = *files = 0;
    for (size_t i = 0; i < f->nfiles; i++)
        if (f->files[i].path[0] && !f->files[i].dir && under(f->files[i].path, path)) {
            *bytes += f->files[i].size;
            ++*files;
        }
    return WF_OK;
}

/* Patterns are PREFIX*SUFFIX, which is all wufix asks for. */
static wf_err h_list(void *self, const char *dir, const char *pattern, char (*names)[WF_NAME_MAX], size_t max,
                     size_t *n)
{
    struct fake_scm *f = self;
    const char *star = strchr(pattern, '*');
    size_t pre = star ? (size_t)(star - pattern) : strlen(pattern);
    const char *suf = star ? star + 1 : "";
    size_t dl = strlen(dir);
    *n = 0;
    for (size_t i = 0; i < f->nfiles && *n < max; i++) {
        const struct fake_file *x = &f->files[i];
        if (!x->path[0] || x->dir || !under(x->path, dir) || x->path[dl] != '\\')
            continue;
        const char *name = x->path + dl + 1;
        size_t len = strlen(name);
        if (strchr(name, '\\') || len < pre + strlen(suf) || wf_name_ncmp(name, pattern, pre) != 0 ||
            wf_name_cmp(name + len - strlen(suf), suf) != 0)
            continue;
        wf_strlcpy(names[(*n)++], name, WF_NAME_MAX);
    }
    return WF_OK;
}

/* The folders under `dir`: those made (dir set) and those something lies in. */
static wf_err h_list_folders(void *self, const char *dir, const char *pattern, char (*names)[WF_NAME_MAX],
                             size_t max, size_t *n)
{
    struct fake_scm *f = self;
    const char *star = strchr(pattern, '*');
    size_t pre = star ? (size_t)(star - pattern) : strlen(pattern);
    const char *suf = star ? star + 1 : "";
    size_t dl = strlen(dir);
    *n = 0;
    for (size_t i = 0; i < f->nfiles && *n < max; i++) {
        const struct fake_file *x = &f->files[i];
        if (!x->path[0] || !under(x->path, dir) || x->path[dl] != '\\')
            continue;
        char name[WF_NAME_MAX];
        wf_strlcpy(name, x->path + dl + 1, sizeof(name));
        char *sep = strchr(name, '\\');
        if (sep)
            *sep = '\0';
        else if (!x->dir)
            continue; /* a file */
        size_t len = strlen(name);
        if (len < pre + strlen(suf) || wf_name_ncmp(name, pattern, pre) != 0 ||
            wf_name_cmp(name + len - strlen(suf), suf) != 0)
            continue;
        bool seen = false;
        for (size_t k = 0; k < *n; k++)
            seen |= wf_name_cmp(names[k], name) == 0;
        if (!seen)
            wf_strlcpy(names[(*n)++], name, WF_NAME_MAX);
    }
    return WF_OK;
}

static wf_err h_read_text(void *self, const char *path, char *out, size_t size)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "read_text", path);
    struct fake_file *x = fake_file_get(f, path);
    if (code)
        return leave(f, code);
    if (!x || x->dir)
        return leave(f, 2);
    if (!wf_strlcpy(out, x->content ? x->content : "", size))
        return WF_E_LIMIT; /* more than fits: never read cut short */
    return leave(f, 0);
}

static wf_err h_read_tail(void *self, const char *path, uint8_t *out, size_t size, size_t *n, uint64_t *total)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "read_tail", path);
    struct fake_file *x = fake_file_get(f, path);
    *n = 0;
    *total = 0;
    if (code)
        return leave(f, code);
    if (!x || x->dir)
        return WF_E_NO_SERVICE;
    const uint8_t *data = x->bytes ? x->bytes : (const uint8_t *)(x->content ? x->content : "");
    size_t len = x->bytes ? x->nbytes : strlen((const char *)data);
    *total = len;
    *n = len < size ? len : size;
    memcpy(out, data + len - *n, *n);
    return leave(f, 0);
}

static wf_err h_reg_read_bytes(void *self, const char *key, const char *value, uint8_t *out, size_t size,
                               size_t *n)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "reg_read", value);
    const struct fake_reg *r = reg_find(f, key, value);
    *n = 0;
    if (code)
        return leave(f, code);
    if (!r || !r->nbin)
        return leave(f, 0);
    if (r->nbin > size)
        return WF_E_LIMIT;
    memcpy(out, r->bin, r->nbin);
    *n = r->nbin;
    return leave(f, 0);
}

static wf_err h_probe(void *self, const char *host, unsigned port, uint32_t ms, char *why, size_t size)
{
    struct fake_scm *f = self;
    char want[300];
    snprintf(want, sizeof(want), "%s:%u", host, port);
    f->probes++;
    for (const char *p = f->listening ? f->listening : ""; *p;) {
        size_t len = strcspn(p, ",");
        char one[300];
        snprintf(one, sizeof(one), "%.*s", (int)(len < sizeof(one) ? len : sizeof(one) - 1), p);
        if (wf_name_cmp(one, want) == 0)
            return WF_OK;
        p += len + (p[len] == ',');
    }
    if (f->unresolved && wf_name_cmp(f->unresolved, host) == 0) {
        snprintf(why, size, "its name does not resolve (DNS)");
        return WF_E_NO_SERVICE;
    }
    snprintf(why, size, "TCP %u: refused, within %u ms", port, (unsigned)ms);
    return WF_E_UNREACHABLE;
}

/* As probe; once connected, http_reply's first bytes. */
static wf_err h_head(void *self, const char *host, unsigned port, uint32_t ms, char *why, size_t size,
                     char *reply, size_t rsize)
{
    struct fake_scm *f = self;
    wf_err e = h_probe(self, host, port, ms, why, size);
    wf_strlcpy(reply, e == WF_OK && f->http_reply ? f->http_reply : "", rsize);
    return e;
}

static wf_err h_resolve(void *self, const char *name, uint32_t ms, struct wf_addrs *out)
{
    struct fake_scm *f = self;
    size_t k = strlen(name);
    (void)ms;
    memset(out, 0, sizeof(*out));
    f->resolves++;
    if (!f->dns)
        return WF_E_UNREACHABLE;
    for (const char *p = f->dns; *p; p += strcspn(p, ";"), p += *p == ';') {
        if (strncmp(p, name, k) != 0 || p[k] != '=')
            continue;
        for (const char *a = p + k + 1; *a && *a != ';'; a += strcspn(a, ",;"), a += *a == ',') {
            struct wf_addr x;
            if (wf_addr_parse(a, strcspn(a, ",;"), &x))
                wf_addrs_add(out, x.b, x.len);
        }
        return WF_OK;
    }
    return WF_E_NO_SERVICE;
}

static void h_utc_now(void *self, char *buf, size_t size)
{
    const struct fake_scm *f = self;
    wf_strlcpy(buf, f->utc ? f->utc : "2026-12-02T12:00:00Z", size);
}

static wf_err h_process_running(void *self, const char *image)
{
    const struct fake_scm *f = self;
    size_t n = strlen(image);
    for (const char *p = f->processes; p && *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        bool same = len == n;
        for (size_t i = 0; same && i < n; i++)
            same = tolower((unsigned char)p[i]) == tolower((unsigned char)image[i]);
        if (same)
            return WF_OK;
        p = comma ? comma + 1 : p + len;
    }
    return WF_E_NO_SERVICE;
}

/* The line of `list` for `folder`'s task `name` (NULL: its folder, with any
 * task or none): "[!]\\Microsoft\\Windows\\Folder\\Name", '!' for a disabled
 * one, "...\\Folder\\" a folder without tasks. */
static bool fake_task(const char *list, const char *folder, const char *name, bool *off)
{
    for (const char *p = list; *p;) {
        char line[WF_TEXT_MAX];
        size_t len = strcspn(p, "\n");
        *off = *p == '!';
        snprintf(line, sizeof(line), "%.*s", (int)(len - *off), p + *off);
        p += len + (p[len] == '\n');
        char *cut = strrchr(line, '\\');
        if (!cut)
            continue;
        *cut = '\0';
        if (wf_name_cmp(line, folder) == 0 && (!name || wf_name_cmp(cut + 1, name) == 0))
            return true;
    }
    return false;
}

/* Without a list set, a stock 25H2's: every task Windows ships enabled, enabled. */
static wf_err h_tasks(void *self, const char *folder, const char *const *names, size_t n,
                      enum wf_task_state *state, char *why, size_t size)
{
    const struct fake_scm *f = self;
    char stock[4096] = "";
    bool off;
    if (f->tasks_why) {
        wf_strlcpy(why, f->tasks_why, size);
        return WF_E_ACCESS;
    }
    for (const char *const *t = wf_tasks_stock(26200, false); !f->tasks && *t; t++) {
        size_t used = strlen(stock);
        snprintf(stock + used, sizeof(stock) - used, WF_TASKS_ROOT "%s\n", *t);
    }
    const char *list = f->tasks ? f->tasks : stock;
    if (!fake_task(list, folder, NULL, &off))
        return WF_E_NO_SERVICE;
    for (size_t i = 0; i < n; i++)
        state[i] = !fake_task(list, folder, names[i], &off) ? WF_TASK_MISSING
                   : off                                    ? WF_TASK_DISABLED
                                                            : WF_TASK_ENABLED;
    return WF_OK;
}

static void h_sleep_ms(void *self, uint32_t ms)
{
    struct fake_scm *f = self;
    f->now += ms;
    f->slept_ms += ms;
}

static wf_err h_disk_free(void *self, uint64_t *bytes)
{
    *bytes = ((struct fake_scm *)self)->disk_free;
    return WF_OK;
}

/* A new file (create) or the one there, as the Win32 host writes them;
 * "write_file" in the log. */
static wf_err h_write_file(void *self, const char *path, const uint8_t *data, size_t n, bool create)
{
    struct fake_scm *f = self;
    uint32_t code = enter(f, "write_file", path);
    struct fake_file *x = fake_file_get(f, path);
    if (code)
        return leave(f, code);
    if (create ? x != NULL : !x || x->dir)
        return create ? WF_E_SYSTEM : leave(f, 2);
    if (n > sizeof(f->disk) - f->ndisk)
        return leave(f, 112); /* ERROR_DISK_FULL */
    if (!x)
        x = fake_file_put(f, path, 0);
    if (!x)
        return WF_E_LIMIT;
    memcpy(f->disk + f->ndisk, data, n);
    x->bytes = f->disk + f->ndisk;
    x->nbytes = x->size = n;
    x->content = NULL;
    f->ndisk += n;
    return leave(f, 0);
}

void fake_wulog_failure(struct fake_scm *f, const char *hr, const char *title)
{
    char text[1024];
    int len = snprintf(
        text, sizeof(text),
        "{6A5F0F2B-52A9-4E2A-B3A5-6F6D2A0C1B11}\t2026-11-20 14:02:11:509+0100\t1\t182 "
        "[AGENT_INSTALLING_FAILED]\t101\t{00000000-0000-0000-0000-000000000000}\t200\t%s\tUpdateOrchestrator"
        "\tFailure\tContent Install\tInstallation Failure: Windows failed to install the following update "
        "with error 0x%s: %s.\t{3DA21691-E39D-4DA6-8A4B-B43877BCB1B7}\r\n",
        hr, hr, title);
    size_t n = 2 + 2 * (len > 0 && (size_t)len < sizeof(text) ? (size_t)len : 0);
    struct fake_file *x = fake_file_put(f, "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log", n);
    if (!x || f->ndisk + n > sizeof(f->disk))
        abort(); /* the fake is full: a test's own mistake */
    uint8_t *b = f->disk + f->ndisk;
    b[0] = 0xFF;
    b[1] = 0xFE;
    for (size_t i = 2; i < n; i += 2) {
        b[i] = (uint8_t)text[i / 2 - 1];
        b[i + 1] = 0;
    }
    x->bytes = b;
    x->nbytes = n;
    f->ndisk += n;
}

/* What either machine's host can be asked (src/win32/host.c's HOST_OPS). */
#define FAKE_HOST_OPS                                                                                        \
    .reg_read = h_reg_read, .reg_write = h_reg_write, .reg_delete = h_reg_delete,                            \
    .reg_key_exists = h_reg_key_exists, .reg_key_time = h_reg_key_time, .reg_enum = h_reg_enum,              \
    .reg_key_sddl = h_reg_key_sddl, .expand = h_expand, .file_exists = h_file_exists,                        \
    .disk_free = h_disk_free, .path_exists = h_path_exists, .folder_security = h_folder_security,            \
    .rename = h_rename, .tree_size = h_tree_size, .list = h_list, .read_text = h_read_text,                  \
    .sleep_ms = h_sleep_ms, .read_tail = h_read_tail, .reg_read_bytes = h_reg_read_bytes,                    \
    .utc_now = h_utc_now, .list_folders = h_list_folders, .write_file = h_write_file, .tasks = h_tasks

static const struct wf_host_ops fake_host_ops = {
    FAKE_HOST_OPS,        .probe = h_probe,     .resolve = h_resolve, .process_running = h_process_running,
    .holders = h_holders, .volumes = h_volumes, .head = h_head};

struct wf_host fake_scm_host(struct fake_scm *f)
{
    struct wf_host h = {.ops = &fake_host_ops, .self = f};
    return h;
}

/* Another machine's, as the Win32 backend gives it (src/win32/host.c,
 * remote_host_ops): what can only be asked on the machine itself (probes,
 * DNS, processes, volumes) is not there. */
static const struct wf_host_ops fake_remote_host_ops = {FAKE_HOST_OPS};

void fake_scm_windows(struct fake_scm *f)
{
    char build[16];
    f->disk_free = 50ull << 30;
    wf_strlcpy(f->key_sddl, "O:SYG:SYD:(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CI;KR;;;BU)", sizeof(f->key_sddl));
    snprintf(build, sizeof(build), "%u", f->build);
    fake_reg_set(f, WF_KEY_VERSION_FAKE, "CurrentBuildNumber", WF_REG_SZ, build, 0);
    fake_scm_add(f, "RpcSs", WF_STATE_RUNNING, WF_START_AUTO, NULL)->accepts_stop = false;
    fake_scm_add(f, "wuauserv", WF_STATE_RUNNING, WF_START_MANUAL, "rpcss");
    fake_scm_add(f, "UsoSvc", WF_STATE_RUNNING, WF_START_AUTO_DELAYED, "rpcss");
    fake_scm_add(f, "BITS", WF_STATE_RUNNING, WF_START_MANUAL, "RpcSs");
    fake_scm_add(f, "CryptSvc", WF_STATE_RUNNING, WF_START_AUTO, "RpcSs");
    /* Left unprotected here, so that the engine's tests move five services;
     * the whole machines of tests/support/machines.c have it launch-protected,
     * as Windows has it since 1809. */
    fake_scm_add(f, "DoSvc", WF_STATE_RUNNING, WF_START_AUTO_DELAYED, "rpcss");
    fake_scm_add(f, "WaaSMedicSvc", WF_STATE_STOPPED, WF_START_MANUAL, "rpcss")->protection =
        WF_PROTECTION_WINDOWS_LIGHT;
    fake_scm_add(f, "TrustedInstaller", WF_STATE_STOPPED, WF_START_MANUAL, NULL);
    /* Each service DLL where Windows keeps it. */
    size_t n;
    const struct wf_default *d = wf_defaults_table(&n);
    for (size_t i = 0; i < n; i++) {
        if (!d[i].service_dll || wf_defaults_for(d[i].name, f->build) != &d[i])
            continue;
        char key[WF_TEXT_MAX], path[WF_TEXT_MAX];
        snprintf(key, sizeof(key), WF_KEY_SERVICES_FAKE "%s\\Parameters", d[i].name);
        fake_reg_set(f, key, "ServiceDll", WF_REG_EXPAND_SZ, d[i].service_dll, 0);
        h_expand(f, d[i].service_dll, path, sizeof(path));
        fake_file_add(f, path);
    }
}

void fake_scm_caches(struct fake_scm *f)
{
    static const struct {
        const char *path;
        uint64_t size;
        const char *user;
    } files[] = {
        {FAKE_SD "\\DataStore\\DataStore.edb", 3u << 20, "wuauserv"},
        {FAKE_SD "\\Download\\update.cab", 5u << 20, "BITS"},
        {FAKE_SD "\\marker.txt", 12, ""},
        {FAKE_CATROOT2 "\\edb.log", 1u << 20, "CryptSvc"},
        {FAKE_DOWNLOADER "\\qmgr0.dat", 4096, "BITS"},
        {FAKE_DOWNLOADER "\\qmgr1.dat", 4096, "BITS"},
        {FAKE_DOWNLOADER "\\qmgr.db", 8192, "BITS"}, /* not a queue file of the documented procedure */
    };
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        wf_strlcpy(fake_file_put(f, files[i].path, files[i].size)->held_by, files[i].user, WF_NAME_MAX);
    wf_strlcpy(fake_scm_get(f, "wuauserv")->creates, FAKE_SD, WF_TEXT_MAX);
    wf_strlcpy(fake_scm_get(f, "CryptSvc")->creates, FAKE_CATROOT2, WF_TEXT_MAX);
}

/* Platform. */
static wf_err p_open(void *self, struct wf_backend *out)
{
    struct fake_platform *fp = self;
    fp->scm->opens++;
    if (fp->scm->refuse_open)
        return WF_E_SYSTEM;
    *out = fake_scm_backend(fp->scm);
    return WF_OK;
}

static void p_close(void *self, struct wf_backend *b)
{
    (void)self;
    (void)b;
}

static wf_err p_lock(void *self, char *note, size_t size)
{
    struct fake_platform *fp = self;
    fp->locks++;
    if (fp->busy)
        return WF_E_BUSY;
    if (fp->lock_note)
        wf_strlcpy(note, fp->lock_note, size);
    if (fp->lock_err != WF_OK)
        return fp->lock_err;
    fp->held = true;
    return WF_OK;
}

static void p_unlock(void *self)
{
    ((struct fake_platform *)self)->held = false;
}

/* The caller's file, as the host reads files: the fake has no links. */
static wf_err p_read_caller_file(void *self, const char *path, char *out, size_t size, char *why,
                                 size_t wsize)
{
    struct fake_platform *fp = self;
    (void)why;
    (void)wsize;
    return fp->pf.host.ops->read_text(fp->pf.host.self, path, out, size);
}

static wf_err p_write_new(void *self, const char *path, const void *data, size_t n, char *why, size_t size)
{
    struct fake_platform *fp = self;
    if ((fp->taken && strcmp(path, fp->taken) == 0) || strcmp(path, fp->written_path) == 0) {
        wf_strlcpy(why, "it exists (wufix never writes over a file)", size);
        return WF_E_UNTRUSTED;
    }
    wf_strlcpy(fp->written_path, path, sizeof(fp->written_path));
    wf_buf_clear(&fp->written);
    wf_buf_add(&fp->written, data, n);
    return WF_OK;
}

static wf_err p_log_open(void *self, const char *path, char *why, size_t size)
{
    struct fake_platform *fp = self;
    if (fp->log_refuse && strcmp(path, fp->log_refuse) == 0) {
        wf_strlcpy(why, "Access is denied.", size);
        return WF_E_ACCESS;
    }
    fp->log_is_open = true;
    return WF_OK;
}

static void p_log_write(void *self, const char *text, size_t n)
{
    struct fake_platform *fp = self;
    if (fp->log_is_open)
        wf_buf_add(&fp->log, text, n);
}

static void p_log_close(void *self)
{
    ((struct fake_platform *)self)->log_is_open = false;
}

static wf_err p_elevate(void *self, const char *const *args, size_t n, bool silent, int *code)
{
    struct fake_platform *fp = self;
    size_t chars = 0;
    for (size_t i = 0; i < n; i++)
        chars += strlen(args[i]) + 1;
    if (fp->elevate_max_chars && chars > fp->elevate_max_chars)
        return WF_E_LIMIT; /* as CreateProcess's 32767 characters: nothing started */
    fp->elevations++;
    for (size_t i = 0; i < n; i++)
        wf_buf_printf(&fp->elevated_args, "%s\n", args[i]);
    if (fp->uac_refused)
        return WF_E_ACCESS;
    if (fp->elevated_run)
        fp->elevated_run(fp);
    /* Its words land on this console, unless it was asked to be silent. */
    if (fp->elevated_says && !silent)
        wf_buf_puts(&fp->out, fp->elevated_says);
    *code = fp->elevated_exit;
    return WF_OK;
}

void fake_platform_uac(struct fake_platform *fp)
{
    fp->pf.elevate = p_elevate;
}

static void p_event(void *self, enum wf_event_type type, const char *text)
{
    struct fake_platform *fp = self;
    wf_buf_printf(&fp->events, "%d %s\n\n", (int)type, text);
}

static wf_err p_read_line(void *self, char *buf, size_t size)
{
    struct fake_platform *fp = self;
    fp->asked++;
    if (!fp->answer)
        return WF_E_SYSTEM;
    /* "ok\ny": one line per question, the last one for every question after. */
    const char *nl = strchr(fp->answer, '\n');
    size_t n = nl ? (size_t)(nl - fp->answer) : strlen(fp->answer);
    wf_strlcpy(buf, fp->answer, n + 1 < size ? n + 1 : size);
    if (nl)
        fp->answer = nl + 1;
    return WF_OK;
}

static void p_timestamp(void *self, char *buf, size_t size)
{
    (void)self;
    wf_strlcpy(buf, "2026-11-22T00:00:00Z", size);
}

static wf_err s_load(void *self, struct wf_buf *out, char *why, size_t size)
{
    struct fake_platform *fp = self;
    if (fp->folder_untrusted) {
        wf_strlcpy(why, "C:\\ProgramData\\wufix: its owner is S-1-5-21-1-2-3-1001", size);
        return WF_E_UNTRUSTED;
    }
    if (fp->journal_busy) {
        wf_strlcpy(why, "another process holds it open", size);
        return WF_E_BUSY;
    }
    if (fp->folder_denied) {
        wf_strlcpy(why, "C:\\ProgramData\\wufix cannot be opened (error 5)", size);
        return WF_E_ACCESS;
    }
    wf_buf_puts(out, wf_buf_str(&fp->journal));
    return WF_OK;
}

static wf_err s_anchor_get(void *self, char *last, char *before, size_t size, bool *closed)
{
    struct fake_platform *fp = self;
    wf_strlcpy(last, fp->anchor_last, size);
    wf_strlcpy(before, fp->anchor_before, size);
    if (closed)
        *closed = fp->anchor_closed;
    return WF_OK;
}

static wf_err s_anchor_set(void *self, const char *last, const char *before, bool closed)
{
    struct fake_platform *fp = self;
    fp->anchor_sets++;
    if ((fp->fail_anchor_at && fp->anchor_sets == fp->fail_anchor_at) ||
        (fp->fail_anchor_from && fp->anchor_sets >= fp->fail_anchor_from))
        return WF_E_JOURNAL;
    wf_strlcpy(fp->anchor_before, before, sizeof(fp->anchor_before));
    wf_strlcpy(fp->anchor_last, last, sizeof(fp->anchor_last));
    fp->anchor_closed = closed;
    wf_buf_printf(&fp->durable, "anchor %s %s\n", last[0] ? last : "-", before[0] ? before : "-");
    return WF_OK;
}

static wf_err s_set_aside(void *self, char *where, size_t size)
{
    struct fake_platform *fp = self;
    wf_buf_add(&fp->aside, fp->journal.data ? fp->journal.data : "", fp->journal.len);
    wf_buf_clear(&fp->journal);
    snprintf(where, size, "C:\\ProgramData\\wufix\\journal.untrusted-%u.txt", ++fp->asides);
    return WF_OK;
}

void fake_platform_vouch(struct fake_platform *fp)
{
    char hex[WF_SHA256_HEX];
    wf_sha256_of(fp->journal.data ? fp->journal.data : "", fp->journal.len, hex);
    s_anchor_set(fp, hex, fp->anchor_last, false);
}

static wf_err s_save(void *self, const char *data, size_t n)
{
    struct fake_platform *fp = self;
    fp->saves++;
    if (fp->journal_busy)
        return WF_E_BUSY;
    if ((fp->fail_save_at && fp->saves == fp->fail_save_at) ||
        (fp->fail_save_from && fp->saves >= fp->fail_save_from))
        return WF_E_JOURNAL;
    wf_buf_clear(&fp->journal);
    wf_buf_add(&fp->journal, data, n);
    char hex[WF_SHA256_HEX];
    wf_sha256_of(data, n, hex);
    wf_buf_printf(&fp->durable, "file %s\n", hex);
    return WF_OK;
}

static void p_write(void *self, enum wf_stream s, const char *text, size_t n)
{
    struct fake_platform *fp = self;
    wf_buf_add(s == WF_STDOUT ? &fp->out : &fp->err, text, n);
}

/* Workers: C11 threads, one monitor, Ctrl+C as a count. */
struct fake_ctrl_c {
    mtx_t mu;
    unsigned count;
};

struct fake_workers {
    mtx_t mu;
    cnd_t cv;      /* the core's monitor */
    cnd_t hang_cv; /* hanging machines wait here for the end */
    cnd_t done_cv; /* a thread ended */
    unsigned live;
    bool released;
    bool timer;
    struct fake_ctrl_c ctrl;
    struct fake_platform *fp;
};

struct spawned {
    void (*fn)(void *);
    void *arg;
    struct fake_workers *fw;
};

unsigned fake_ctrl_c_count(struct fake_ctrl_c *c)
{
    mtx_lock(&c->mu);
    unsigned n = c->count;
    mtx_unlock(&c->mu);
    return n;
}

void fake_sleep_ms(uint32_t ms)
{
    struct timespec t = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    while (thrd_sleep(&t, &t) == -1)
        ;
}

static uint64_t real_ms(void)
{
    struct timespec t;
    timespec_get(&t, TIME_UTC);
    return (uint64_t)t.tv_sec * 1000u + (uint64_t)t.tv_nsec / 1000000u;
}

void fake_platform_ctrl_c(struct fake_platform *fp)
{
    struct fake_workers *fw = fp->workers;
    mtx_lock(&fw->ctrl.mu);
    fw->ctrl.count++;
    mtx_unlock(&fw->ctrl.mu);
    mtx_lock(&fw->mu);
    cnd_broadcast(&fw->cv);
    mtx_unlock(&fw->mu);
}

struct fake_ctrl_c *fake_platform_ctrl(struct fake_platform *fp)
{
    return &fp->workers->ctrl;
}

static int trampoline(void *arg)
{
    struct spawned sp = *(struct spawned *)arg;
    free(arg);
    sp.fn(sp.arg);
    mtx_lock(&sp.fw->mu);
    sp.fw->live--;
    cnd_broadcast(&sp.fw->done_cv);
    mtx_unlock(&sp.fw->mu);
    return 0;
}

static void ctrl_c_timer(void *arg)
{
    struct fake_workers *fw = arg;
    fake_sleep_ms(fw->fp->ctrl_c_after_ms);
    fake_platform_ctrl_c(fw->fp);
}

static wf_err w_spawn(void *self, void (*fn)(void *), void *arg)
{
    struct fake_workers *fw = self;
    struct spawned *sp = malloc(sizeof(*sp));
    thrd_t t;
    if (!sp)
        return WF_E_NOMEM;
    sp->fn = fn;
    sp->arg = arg;
    sp->fw = fw;
    /* Called with the monitor held (the core's runner does). */
    fw->live++;
    if (thrd_create(&t, trampoline, sp) != thrd_success) {
        fw->live--;
        free(sp);
        return WF_E_SYSTEM;
    }
    thrd_detach(t);
    if (fw->fp->ctrl_c_after_ms && !fw->timer) {
        fw->timer = true;
        w_spawn(fw, ctrl_c_timer, fw);
    }
    return WF_OK;
}

static void w_lock(void *self)
{
    mtx_lock(&((struct fake_workers *)self)->mu);
}

static void w_unlock(void *self)
{
    mtx_unlock(&((struct fake_workers *)self)->mu);
}

static void w_wait(void *self, uint32_t ms)
{
    struct fake_workers *fw = self;
    struct timespec t;
    timespec_get(&t, TIME_UTC);
    t.tv_sec += (time_t)(ms / 1000);
    t.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (t.tv_nsec >= 1000000000L) {
        t.tv_sec++;
        t.tv_nsec -= 1000000000L;
    }
    cnd_timedwait(&fw->cv, &fw->mu, &t);
}

static void w_wake(void *self)
{
    cnd_broadcast(&((struct fake_workers *)self)->cv);
}

static uint64_t w_now(void *self)
{
    (void)self;
    return real_ms();
}

static bool w_interrupted(void *self)
{
    return fake_ctrl_c_count(&((struct fake_workers *)self)->ctrl) > 0;
}

/* Each machine's journal store. */
static wf_err m_load(void *self, struct wf_buf *out, char *why, size_t size)
{
    struct fake_machine *m = self;
    (void)why;
    (void)size;
    wf_buf_puts(out, wf_buf_str(&m->journal));
    return WF_OK;
}

static wf_err m_save(void *self, const char *data, size_t n)
{
    struct fake_machine *m = self;
    m->saves++;
    wf_buf_clear(&m->journal);
    wf_buf_add(&m->journal, data, n);
    return WF_OK;
}

static wf_err m_anchor_get(void *self, char *last, char *before, size_t size, bool *closed)
{
    struct fake_machine *m = self;
    wf_strlcpy(last, m->anchor_last, size);
    wf_strlcpy(before, m->anchor_before, size);
    if (closed)
        *closed = m->anchor_closed;
    return WF_OK;
}

static wf_err m_anchor_set(void *self, const char *last, const char *before, bool closed)
{
    struct fake_machine *m = self;
    wf_strlcpy(m->anchor_before, before, sizeof(m->anchor_before));
    wf_strlcpy(m->anchor_last, last, sizeof(m->anchor_last));
    m->anchor_closed = closed;
    return WF_OK;
}

static wf_err m_set_aside(void *self, char *where, size_t size)
{
    struct fake_machine *m = self;
    wf_buf_clear(&m->journal);
    snprintf(where, size, "C:\\ProgramData\\wufix\\journal-%s.untrusted.txt", m->name);
    return WF_OK;
}

/* A comma list of IPv4 addresses into out. */
static void addrs_of(const char *list, struct wf_addrs *out)
{
    char one[16];
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        struct wf_addr a;
        snprintf(one, sizeof(one), "%.*s", (int)(n < 15 ? n : 15), p);
        if (wf_addr_parse4(one, &a))
            wf_addrs_add(out, a.b, a.len);
        p += n + (p[n] == ',');
    }
}

/* What DNS gives machine j's name: its addrs, or 10.0.0.N for its place. */
static void machine_addrs(const struct fake_platform *fp, size_t j, struct wf_addrs *out)
{
    const uint8_t a[4] = {10, 0, 0, (uint8_t)(j + 1)};
    if (fp->machines[j].addrs)
        addrs_of(fp->machines[j].addrs, out);
    else
        wf_addrs_add(out, a, sizeof(a));
}

static wf_err p_target_open(void *self, const char *name, const struct wf_addrs *addrs, uint32_t connect_ms,
                            bool change, struct wf_target *t, char *why, size_t size, uint32_t *syscode)
{
    struct fake_platform *fp = self;
    struct fake_workers *fw = fp->workers;
    struct fake_machine *m = NULL;
    (void)connect_ms;
    for (size_t i = 0; i < fp->nmachines; i++)
        if (wf_name_cmp(fp->machines[i].name, name) == 0)
            m = &fp->machines[i];
    /* Another name (an alias) reaches the machine at its addresses. */
    for (size_t j = 0; fp->machines && j < fp->nmachines && !m; j++) {
        struct wf_addrs has = {0};
        machine_addrs(fp, j, &has);
        if (wf_addrs_meet(addrs, &has, NULL))
            m = &fp->machines[j];
    }
    if (!m) {
        *syscode = 11001;
        snprintf(why, size, "no such host is known");
        return WF_E_UNREACHABLE;
    }
    mtx_lock(&fw->mu);
    m->opens++;
    m->reached_at = *addrs;
    while (m->hang && !fw->released)
        cnd_wait(&fw->hang_cv, &fw->mu);
    bool hung = m->hang;
    mtx_unlock(&fw->mu);
    if (hung) {
        *syscode = 1722;
        return WF_E_UNREACHABLE;
    }
    if (m->latency_ms)
        fake_sleep_ms(m->latency_ms);
    if (m->fail_code || (change && m->not_admin)) {
        *syscode = m->fail_code ? m->fail_code : 5;
        snprintf(why, size, "fake refusal");
        wf_err e = wf_err_from_syscode(*syscode);
        return e == WF_OK ? WF_E_SYSTEM : e;
    }
    memset(t, 0, sizeof(*t));
    t->backend = fake_scm_backend(m->scm);
    t->host = (struct wf_host){.ops = &fake_remote_host_ops, .self = m->scm};
    if (m->no_registry) {
        wf_strlcpy(t->no_registry, m->no_registry, sizeof(t->no_registry));
        t->host.no_registry = t->no_registry;
    }
    if (m->no_files) {
        wf_strlcpy(t->no_files, m->no_files, sizeof(t->no_files));
        t->host.no_files = t->no_files;
    }
    if (m->note)
        wf_strlcpy(t->note, m->note, sizeof(t->note));
    t->store.load = m_load;
    t->store.save = m_save;
    t->store.anchor_get = m_anchor_get;
    t->store.anchor_set = m_anchor_set;
    t->store.set_aside = m_set_aside;
    t->store.self = m;
    snprintf(t->journal_where, sizeof(t->journal_where), "C:\\ProgramData\\wufix\\journal-%s.txt", m->name);
    t->self = m;
    return WF_OK;
}

static wf_err p_resolve(void *self, const char *name, struct wf_addrs *out, uint32_t *syscode)
{
    struct fake_platform *fp = self;
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < fp->naliases; i++)
        if (wf_name_cmp(fp->aliases[i].name, name) == 0)
            addrs_of(fp->aliases[i].addrs, out);
    for (size_t i = 0; i < fp->nmachines && !out->n; i++) {
        struct fake_machine *m = &fp->machines[i];
        if (wf_name_cmp(m->name, name) != 0)
            continue;
        mtx_lock(&fp->workers->mu);
        m->resolves++;
        mtx_unlock(&fp->workers->mu);
        machine_addrs(fp, i, out);
    }
    if (!out->n) {
        *syscode = 11001;
        return WF_E_UNREACHABLE;
    }
    return WF_OK;
}

static void p_local_addrs(void *self, struct wf_addrs *out)
{
    struct fake_platform *fp = self;
    memset(out, 0, sizeof(*out));
    if (fp->here_addrs)
        addrs_of(fp->here_addrs, out);
}

static void p_target_close(void *self, struct wf_target *t)
{
    struct fake_platform *fp = self;
    struct fake_machine *m = t->self;
    mtx_lock(&fp->workers->mu);
    m->closes++;
    mtx_unlock(&fp->workers->mu);
}

void fake_platform_machines(struct fake_platform *fp, struct fake_machine *m, size_t n)
{
    fp->machines = m;
    fp->nmachines = n;
    fp->scm->ctrl_c = &fp->workers->ctrl;
    for (size_t i = 0; i < n; i++) {
        if (m[i].scm) {
            m[i].scm->ctrl_c = &fp->workers->ctrl;
            wf_strlcpy(m[i].scm->computer, m[i].name, sizeof(m[i].scm->computer));
        }
        wf_buf_init(&m[i].journal);
    }
}

static void workers_init(struct fake_platform *fp)
{
    struct fake_workers *fw = calloc(1, sizeof(*fw));
    if (!fw)
        abort();
    mtx_init(&fw->mu, mtx_plain);
    mtx_init(&fw->ctrl.mu, mtx_plain);
    cnd_init(&fw->cv);
    cnd_init(&fw->hang_cv);
    cnd_init(&fw->done_cv);
    fw->fp = fp;
    fp->workers = fw;
    fp->pf.workers.spawn = w_spawn;
    fp->pf.workers.lock = w_lock;
    fp->pf.workers.unlock = w_unlock;
    fp->pf.workers.wait = w_wait;
    fp->pf.workers.wake = w_wake;
    fp->pf.workers.now_ms = w_now;
    fp->pf.workers.interrupted = w_interrupted;
    fp->pf.workers.self = fw;
    fp->pf.target_open = p_target_open;
    fp->pf.target_close = p_target_close;
    fp->pf.resolve = p_resolve;
    fp->pf.local_addrs = p_local_addrs;
    fp->pf.computer = "FAKEPC";
    fp->pf.computer_dns = "fakepc.corp.example";
}

/* Let hanging machines go and wait for every thread to end. */
static void workers_release(struct fake_platform *fp)
{
    struct fake_workers *fw = fp->workers;
    mtx_lock(&fw->mu);
    fw->released = true;
    cnd_broadcast(&fw->hang_cv);
    while (fw->live)
        cnd_wait(&fw->done_cv, &fw->mu);
    mtx_unlock(&fw->mu);
    for (size_t i = 0; i < fp->nmachines; i++)
        wf_buf_release(&fp->machines[i].journal);
    cnd_destroy(&fw->cv);
    cnd_destroy(&fw->hang_cv);
    cnd_destroy(&fw->done_cv);
    mtx_destroy(&fw->mu);
    mtx_destroy(&fw->ctrl.mu);
    free(fw);
    fp->workers = NULL;
}

void fake_platform_init(struct fake_platform *fp, struct fake_scm *scm, bool elevated)
{
    memset(fp, 0, sizeof(*fp));
    fp->scm = scm;
    fp->pf.open_backend = p_open;
    fp->pf.close_backend = p_close;
    fp->pf.self = fp;
    fp->pf.out.write = p_write;
    fp->pf.out.self = fp;
    fp->pf.elevated = elevated;
    fp->pf.lock = p_lock;
    fp->pf.unlock = p_unlock;
    fp->pf.timestamp = p_timestamp;
    fp->pf.read_line = p_read_line;
    fp->pf.log_open = p_log_open;
    fp->pf.read_caller_file = p_read_caller_file;
    fp->pf.write_new = p_write_new;
    fp->pf.log_write = p_log_write;
    fp->pf.log_close = p_log_close;
    fp->pf.event = p_event;
    fp->pf.journal_where = "C:\\ProgramData\\wufix\\journal.txt";
    fp->pf.store.load = s_load;
    fp->pf.store.save = s_save;
    fp->pf.store.anchor_get = s_anchor_get;
    fp->pf.store.anchor_set = s_anchor_set;
    fp->pf.store.set_aside = s_set_aside;
    fp->pf.store.self = fp;
    fp->pf.pid = 4242;
    fp->pf.host = fake_scm_host(scm);
    wf_buf_init(&fp->out);
    wf_buf_init(&fp->err);
    wf_buf_init(&fp->journal);
    wf_buf_init(&fp->durable);
    wf_buf_init(&fp->aside);
    wf_buf_init(&fp->log);
    wf_buf_init(&fp->written);
    wf_buf_init(&fp->elevated_args);
    wf_buf_init(&fp->events);
    workers_init(fp);
}

void fake_platform_release(struct fake_platform *fp)
{
    workers_release(fp);
    wf_buf_release(&fp->out);
    wf_buf_release(&fp->err);
    wf_buf_release(&fp->journal);
    wf_buf_release(&fp->durable);
    wf_buf_release(&fp->aside);
    wf_buf_release(&fp->log);
    wf_buf_release(&fp->written);
    wf_buf_release(&fp->elevated_args);
    wf_buf_release(&fp->events);
}

/* With WF_JSON_DUMP set to a folder, each --json run's stdout is kept there
 * as a file of its own, for the suite that holds them against docs/json's
 * schema (unit.json_schema). */
static void dump_json(const struct fake_platform *fp, char *const *argv)
{
    static unsigned n;
    const char *dir = getenv("WF_JSON_DUMP");
    bool json = false;
    for (size_t i = 1; argv[i]; i++)
        json |= strcmp(argv[i], "--json") == 0;
    if (!dir || !dir[0] || !json || !fp->out.len)
        return;
    char path[1024];
    snprintf(path, sizeof(path), "%s/%lu-%u.json", dir, (unsigned long)time(NULL) % 100000u, ++n);
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fwrite(fp->out.data, 1, fp->out.len, f);
    fclose(f);
}

int fake_platform_run(struct fake_platform *fp, const char *const *args)
{
    /* wf_main takes char ** as main does; it never writes through it. */
    static char prog[] = "wufix";
    char *argv[64];
    int argc = 0;
    argv[argc++] = prog;
    for (; *args && argc < 63; args++)
        memcpy(&argv[argc++], args, sizeof(char *));
    argv[argc] = NULL;
    wf_buf_clear(&fp->out);
    wf_buf_clear(&fp->err);
    int code = wf_main(argc, argv, &fp->pf);
    dump_json(fp, argv);
    return code;
}

int fake_cli_setup(void **state)
{
    struct fake_cli *x = calloc(1, sizeof(*x));
    if (!x)
        return -1;
    fake_scm_init(&x->scm);
    fake_scm_windows(&x->scm);
    fake_platform_init(&x->fp, &x->scm, true);
    *state = x;
    return 0;
}

int fake_cli_teardown(void **state)
{
    struct fake_cli *x = *state;
    fake_platform_release(&x->fp);
    free(x);
    return 0;
}

size_t fake_scm_changes(const struct fake_scm *f)
{
    return fake_scm_log_count(f, "start ") + fake_scm_log_count(f, "stop ");
}

/* CommandLineToArgvW's rules for the arguments after the program name. */
size_t fake_split_cmdline(const char *line, char out[][256], size_t max)
{
    size_t n = 0;
    const char *p = line;
    while (*p && n < max) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        size_t o = 0;
        bool quoted = false;
        while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
            size_t slashes = 0;
            while (*p == '\\') {
                slashes++;
                p++;
            }
            if (*p == '"') {
                for (size_t i = 0; i < slashes / 2; i++)
                    out[n][o++] = '\\';
                if (slashes % 2) {
                    out[n][o++] = '"';
                } else if (quoted && p[1] == '"') {
                    out[n][o++] = '"'; /* "" inside quotes: a quote (not produced by wufix) */
                    p++;
                } else {
                    quoted = !quoted;
                }
                p++;
            } else {
                for (size_t i = 0; i < slashes; i++)
                    out[n][o++] = '\\';
                if (*p && (quoted || (*p != ' ' && *p != '\t')))
                    out[n][o++] = *p++;
            }
        }
        out[n++][o] = '\0';
    }
    return n;
}

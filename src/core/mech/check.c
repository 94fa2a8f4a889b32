/* SPDX-License-Identifier: MIT */
/* check.c - detect each problem of SPEC section 5 from its evidence.
 *
 * Only services wufix controls get fixable problems: WaaSMedicSvc is protected
 * and TrustedInstaller is reported read-only; policies are the admin's intent
 * and are reported, never changed. An unreadable security descriptor (Wine
 * returns an empty one for every service) is information, never tampering. */
#include "wufix/mech/check.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/defaults.h"
#include "wufix/base/sddl.h"
#include "wufix/base/services.h"

const char *const wf_check_update_programs[] = {"UsoClient.exe",
                                                "WaaSMedicAgent.exe",
                                                "upfc.exe",
                                                "SihClient.exe",
                                                "MusNotification.exe",
                                                "MusNotificationUx.exe",
                                                "wuauclt.exe",
                                                "UsoCoreWorker.exe",
                                                "WindowsUpdateBox.exe",
                                                NULL};

struct wf_problem *wf_check_add(struct wf_check *c, const char *svc, const char *code, enum wf_severity sev,
                                bool fixable, const char *found, const char *expected)
{
    if (c->n >= WF_PROBLEMS_MAX)
        return NULL;
    struct wf_problem *p = &c->p[c->n++];
    memset(p, 0, sizeof(*p));
    wf_strlcpy(p->service, svc, sizeof(p->service));
    p->code = code;
    p->sev = sev;
    p->fixable = fixable;
    wf_strlcpy(p->found, found ? found : "", sizeof(p->found));
    wf_strlcpy(p->expected, expected ? expected : "", sizeof(p->expected));
    return p;
}

/* Paths compare expanded and without regard to case or doubled separators. */
static void normal(const struct wf_host *h, const char *in, char *out, size_t size)
{
    char ex[WF_TEXT_MAX];
    if (h->ops->expand(h->self, in, ex, sizeof(ex)) != WF_OK)
        wf_strlcpy(ex, in, sizeof(ex));
    size_t o = 0;
    for (const char *s = ex; *s && o + 1 < size; s++) {
        char ch = *s;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch == '/')
            ch = '\\';
        if (ch == '\\' && o && out[o - 1] == '\\')
            continue;
        out[o++] = ch;
    }
    out[o] = '\0';
}

static bool same_path(const struct wf_host *h, const char *a, const char *b)
{
    char na[WF_TEXT_MAX], nb[WF_TEXT_MAX];
    normal(h, a, na, sizeof(na));
    normal(h, b, nb, sizeof(nb));
    return strcmp(na, nb) == 0;
}

static void key_of(char *buf, size_t size, const char *svc, const char *sub)
{
    snprintf(buf, size, WF_KEY_SERVICES "%s%s", svc, sub);
}

static bool read_reg(const struct wf_host *h, struct wf_check *c, const char *svc, const char *key,
                     const char *value, struct wf_reg *v);

static void check_security(const struct wf_plan_svc *s, bool ours, const struct wf_backend *b,
                           struct wf_check *c)
{
    char sddl[4096] = "", words[128];
    struct wf_sddl d;
    const struct wf_default *def = wf_defaults_find(s->name);
    if (b->ops->security(b->self, s->name, sddl, sizeof(sddl)) != WF_OK || wf_sddl_parse(sddl, &d) != WF_OK ||
        !wf_sddl_meaningful(&d)) {
        wf_check_add(c, s->name, "security_unreadable", WF_SEV_INFO, false, sddl, def ? def->sddl : "");
        return;
    }
    uint32_t missing = (WF_SR_NEEDED & ~wf_sddl_rights(&d, WF_PRINCIPAL_SYSTEM)) |
                       (WF_SR_NEEDED & ~wf_sddl_rights(&d, WF_PRINCIPAL_ADMIN));
    if (!missing)
        return;
    wf_sddl_describe(missing, words, sizeof(words));
    char found[WF_TEXT_MAX];
    snprintf(found, sizeof(found), "denies %s: %.700s", words, sddl);
    wf_check_add(c, s->name, "security_descriptor", WF_SEV_ERROR, ours, found, def ? def->sddl : "");
}

/* What one lookup of a dependency found; several services share RpcSs, and
 * each lookup is a round trip to the SCM. */
enum dep_state { DEP_OK, DEP_MISSING, DEP_DISABLED };
struct dep_memo {
    char name[WF_NAME_MAX];
    enum dep_state st;
};
struct dep_memos {
    struct dep_memo m[WF_PLAN_MAX];
    size_t n;
};

static enum dep_state dependency(const struct wf_backend *b, struct dep_memos *memo, const char *dep)
{
    for (size_t i = 0; i < memo->n; i++)
        if (wf_name_cmp(memo->m[i].name, dep) == 0)
            return memo->m[i].st;
    struct wf_svc_status st;
    struct wf_svc_config cfg;
    enum dep_state r = DEP_OK;
    if (b->ops->query(b->self, dep, &st) == WF_E_NO_SERVICE)
        r = DEP_MISSING;
    else if (b->ops->config(b->self, dep, &cfg) == WF_OK && cfg.start_type == WF_START_DISABLED)
        r = DEP_DISABLED;
    if (memo->n < WF_PLAN_MAX) {
        wf_strlcpy(memo->m[memo->n].name, dep, WF_NAME_MAX);
        memo->m[memo->n++].st = r;
    }
    return r;
}

/* `name` is in the comma-separated list. */
static bool listed(const char *csv, const char *name)
{
    char item[WF_NAME_MAX];
    while (wf_csv_next(&csv, item, sizeof(item)))
        if (wf_name_cmp(item, name) == 0)
            return true;
    return false;
}

/* A dependency Windows does not give the service: a blocker's way to keep it
 * from starting (1075 when the added one does not exist), or a bad restore.
 * One the SCM does not list is not reported: RpcSs runs on every Windows,
 * and some SCMs (Wine's) list none at all. */
static void check_added_dependencies(const struct wf_plan_svc *s, const struct wf_default *def, bool ours,
                                     const struct wf_backend *b, struct dep_memos *memo, struct wf_check *c)
{
    char found[WF_TEXT_MAX] = "";
    bool added = false, blocks = false;
    for (size_t i = 0; i < s->cfg.ndeps; i++) {
        size_t n = strlen(found);
        snprintf(found + n, sizeof(found) - n, "%s%s", n ? "," : "", s->cfg.deps[i]);
        if (listed(def->depends_on, s->cfg.deps[i]))
            continue;
        added = true;
        blocks |= dependency(b, memo, s->cfg.deps[i]) != DEP_OK;
    }
    if (added)
        wf_check_add(c, s->name, "dependencies", blocks ? WF_SEV_ERROR : WF_SEV_WARNING, ours, found,
                     def->depends_on);
}

static void check_service(const struct wf_plan_svc *s, const struct wf_backend *b, const struct wf_host *h,
                          struct dep_memos *memo, struct wf_check *c)
{
    struct wf_default merged;
    const char *file = NULL;
    const struct wf_default *def = wf_waas_default(&c->waas, s->name, &merged, &file);
    const struct wf_known_service *k = wf_services_find(s->name);
    bool ours = k && k->kind != WF_SET_REPORTED;
    char key[WF_TEXT_MAX], path[WF_TEXT_MAX];
    struct wf_reg v;
    if (!s->installed) {
        wf_check_add(c, s->name, "not_installed", WF_SEV_ERROR, false, "not installed", "installed");
        return;
    }
    if (s->marked_delete) {
        /* Whatever else is wrong, nothing may be done to it: it goes when it stops. */
        wf_check_add(c, s->name, "marked_for_deletion", WF_SEV_ERROR, false, "marked for deletion",
                     "installed");
        return;
    }
    if (!def)
        return;
    if (file) {
        char where[WF_TEXT_MAX + WF_NAME_MAX];
        snprintf(where, sizeof(where), "%s\\%s", c->waas.dir, file);
        wf_check_add(c, s->name, "defaults_from_waas", WF_SEV_INFO, false, where, "");
    }
    if (s->cfg.start_type == WF_START_UNKNOWN) {
        /* The configuration could not be read: nothing to compare, nothing to fix. */
        wf_check_add(c, s->name, "config_unreadable", WF_SEV_WARNING, false, "unreadable", "readable");
        return;
    }
    enum wf_start_type t = s->cfg.start_type;
    if (t == WF_START_DISABLED)
        wf_check_add(c, s->name, "disabled", WF_SEV_ERROR, ours, wf_start_token(t),
                     wf_start_token(def->start_type));
    else if (t != def->start_type)
        wf_check_add(c, s->name, "start_type", WF_SEV_WARNING, ours, wf_start_token(t),
                     wf_start_token(def->start_type));
    bool autostart = def->start_type == WF_START_AUTO || def->start_type == WF_START_AUTO_DELAYED;
    if (s->before.state == WF_STATE_STOPPED && autostart && t != WF_START_DISABLED)
        wf_check_add(c, s->name, "not_running", WF_SEV_WARNING, ours, "stopped", "running");
    if (s->before.state == WF_STATE_STOPPED && s->before.exit_code && s->before.exit_code != 1077) {
        char code[32];
        snprintf(code, sizeof(code), "%s%u", s->before.exit_service_specific ? "service code " : "",
                 (unsigned)s->before.exit_code);
        struct wf_problem *pr = wf_check_add(c, s->name, "last_run_failed", WF_SEV_WARNING, ours, code, "0");
        if (pr && !s->before.exit_service_specific)
            pr->syscode = s->before.exit_code;
    }
    if (wf_state_is_pending(s->before.state))
        wf_check_add(c, s->name, "stuck_pending", WF_SEV_ERROR, false, wf_state_token(s->before.state),
                     "running or stopped");
    if (!same_path(h, s->cfg.image_path, def->image_path))
        wf_check_add(c, s->name, "image_path", WF_SEV_ERROR, ours, s->cfg.image_path, def->image_path);
    if (def->service_dll && !h->no_registry) {
        key_of(key, sizeof(key), s->name, "\\Parameters");
        if (read_reg(h, c, s->name, key, "ServiceDll", &v)) {
            if (v.type == WF_REG_NONE || !same_path(h, v.str, def->service_dll))
                wf_check_add(c, s->name, "service_dll", WF_SEV_ERROR, ours,
                             v.type == WF_REG_NONE ? "(none)" : v.str, def->service_dll);
            else if (!h->no_files && h->ops->expand(h->self, v.str, path, sizeof(path)) == WF_OK &&
                     h->ops->file_exists(h->self, path) != WF_OK)
                wf_check_add(c, s->name, "service_dll_missing", WF_SEV_ERROR, false, path, "present");
        }
    }
    check_security(s, ours, b, c);
    char dep[WF_NAME_MAX];
    for (const char *d = def->depends_on; wf_csv_next(&d, dep, sizeof(dep));) {
        enum dep_state ds = dependency(b, memo, dep);
        if (ds == DEP_MISSING)
            wf_check_add(c, s->name, "dependency_missing", WF_SEV_ERROR, false, dep, "installed");
        else if (ds == DEP_DISABLED)
            wf_check_add(c, s->name, "dependency_disabled", WF_SEV_ERROR, false, dep, "not disabled");
    }
    check_added_dependencies(s, def, ours, b, memo, c);
    if (h->no_registry)
        return; /* the rest is in the registry; wf_check_run says it was skipped */
    key_of(key, sizeof(key), s->name, "");
    if (read_reg(h, c, s->name, key, "WubLock", &v) && v.type != WF_REG_NONE)
        wf_check_add(c, s->name, "blocker_wublock", WF_SEV_WARNING, ours, "WubLock", "(none)");
    char sddl[4096] = "";
    struct wf_sddl d;
    if (h->ops->reg_key_sddl(h->self, key, sddl, sizeof(sddl)) == WF_OK && wf_sddl_parse(sddl, &d) == WF_OK)
        for (size_t i = 0; i < d.nace; i++)
            if (!d.ace[i].allow && !d.ace[i].inherit_only) {
                wf_check_add(c, s->name, "blocker_key_deny", WF_SEV_ERROR, false, sddl, "no deny entries");
                break;
            }
}

/* A registry read; one that fails (a key a blocker locked) is itself reported. */
static bool read_reg(const struct wf_host *h, struct wf_check *c, const char *svc, const char *key,
                     const char *value, struct wf_reg *v)
{
    if (h->ops->reg_read(h->self, key, value, v) == WF_OK)
        return true;
    char where[WF_TEXT_MAX];
    snprintf(where, sizeof(where), "HKLM\\%.900s\\%s", key, value);
    wf_check_add(c, svc, "registry_unreadable", WF_SEV_WARNING, false, where, "readable");
    memset(v, 0, sizeof(*v));
    return false;
}

static bool reg_exists(const struct wf_host *h, const char *key, const char *value)
{
    struct wf_reg v;
    if (!value)
        return h->ops->reg_key_exists(h->self, key) == WF_OK;
    return h->ops->reg_read(h->self, key, value, &v) == WF_OK && v.type != WF_REG_NONE;
}

static bool reg_is_one(const struct wf_host *h, const char *key, const char *value)
{
    struct wf_reg v;
    return h->ops->reg_read(h->self, key, value, &v) == WF_OK && v.type == WF_REG_DWORD && v.dword == 1;
}

static void check_machine(const struct wf_host *h, struct wf_check *c)
{
    static const struct {
        const char *key, *value;
    } reboot[] = {
        {"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending", NULL},
        {"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired", NULL},
        {"SYSTEM\\CurrentControlSet\\Control\\Session Manager", "PendingFileRenameOperations"},
    };
    for (size_t i = 0; i < sizeof(reboot) / sizeof(reboot[0]) && !h->no_registry; i++)
        if (reg_exists(h, reboot[i].key, reboot[i].value)) {
            wf_check_add(c, "", "reboot_pending", WF_SEV_WARNING, false,
                         reboot[i].value ? reboot[i].value : reboot[i].key, "no pending reboot");
            break;
        }
    if (!h->no_registry &&
        reg_is_one(h, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", "DisableWindowsUpdateAccess"))
        wf_check_add(c, "", "policy_blocks_access", WF_SEV_ERROR, false, "DisableWindowsUpdateAccess=1",
                     "not set");
    if (!h->no_registry &&
        reg_is_one(h, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU", "NoAutoUpdate"))
        wf_check_add(c, "", "policy_no_auto_update", WF_SEV_WARNING, false, "NoAutoUpdate=1", "not set");
    uint64_t free_bytes = 0;
    if (!h->no_files && h->ops->disk_free(h->self, &free_bytes) == WF_OK && free_bytes < WF_LOW_DISK_BYTES) {
        char found[64];
        snprintf(found, sizeof(found), "%llu MB", (unsigned long long)(free_bytes >> 20));
        wf_check_add(c, "", "low_disk_space", WF_SEV_WARNING, false, found, "10240 MB");
    }
    for (const char *const *exe = wf_check_update_programs; *exe && !h->no_registry; exe++) {
        char key[WF_TEXT_MAX];
        struct wf_reg v;
        snprintf(key, sizeof(key), WF_KEY_IFEO "%s", *exe);
        if (read_reg(h, c, *exe, key, "Debugger", &v) && v.type != WF_REG_NONE)
            wf_check_add(c, *exe, "blocker_ifeo_debugger", WF_SEV_ERROR, true,
                         v.type == WF_REG_DWORD ? "(dword)" : v.str, "(none)");
    }
}

wf_err wf_check_run(const struct wf_plan *p, const struct wf_backend *b, const struct wf_host *h,
                    struct wf_check *out)
{
    struct dep_memos memo = {.n = 0};
    memset(out, 0, sizeof(*out));
    wf_waas_load(h, &out->waas);
    for (size_t i = 0; i < p->nsvc; i++)
        check_service(&p->svc[i], b, h, &memo, out);
    check_machine(h, out);
    /* Another machine whose registry or admin share did not answer: say what
     * was not looked at, never a silent "healthy". */
    if (h->no_registry)
        wf_check_add(out, "", "registry_skipped", WF_SEV_INFO, false, h->no_registry, "readable");
    if (h->no_files)
        wf_check_add(out, "", "files_skipped", WF_SEV_INFO, false, h->no_files, "readable");
    return WF_OK;
}

const struct wf_default *wf_check_default(const struct wf_check *c, const char *name,
                                          struct wf_default *merged)
{
    const char *file;
    return wf_waas_default(&c->waas, name, merged, &file);
}

size_t wf_check_count(const struct wf_check *c, enum wf_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++)
        n += c->p[i].sev >= sev;
    return n;
}

bool wf_check_skipped(const struct wf_problem *pr)
{
    return strcmp(pr->code, "registry_skipped") == 0 || strcmp(pr->code, "files_skipped") == 0;
}

void wf_check_describe(const struct wf_problem *pr, char *buf, size_t size)
{
    static const struct {
        const char *code, *text;
    } words[] = {
        {"not_installed", "the service is not installed"},
        {"marked_for_deletion", "the service is marked for deletion: it is removed when it stops; restart "
                                "Windows, then reinstall it (an in-place upgrade of Windows does)"},
        {"disabled", "the service is disabled, so Windows Update cannot start it"},
        {"start_type", "the start type is not Windows' default"},
        {"not_running", "the service starts automatically but is not running"},
        {"last_run_failed", "the service's last run ended with an error"},
        {"stuck_pending", "the service is stuck between states"},
        {"image_path", "the program the service runs is not Windows' own: tampering or a blocker"},
        {"service_dll", "the service DLL is not Windows' own: tampering or a blocker"},
        {"service_dll_missing", "the service DLL file is missing (renamed or deleted by a blocker)"},
        {"security_descriptor",
         "the service's permissions deny SYSTEM or Administrators start, stop or configure"},
        {"security_unreadable", "the service's permissions could not be read"},
        {"dependency_missing", "a service it depends on is not installed"},
        {"dependency_disabled", "a service it depends on is disabled"},
        {"dependencies", "it depends on a service Windows does not make it depend on"},
        {"defaults_from_waas", "compared with Windows' own copy of its defaults"},
        {"blocker_wublock", "an update blocker's WubLock marker is on the service"},
        {"blocker_key_deny", "the service's registry key has Deny entries (an update blocker)"},
        {"reboot_pending", "a restart of Windows is pending"},
        {"policy_blocks_access",
         "a policy turns off access to Windows Update (not changed: it is the admin's choice)"},
        {"policy_no_auto_update",
         "a policy turns off automatic updates (not changed: it is the admin's choice)"},
        {"low_disk_space", "the system drive has little free space for updates"},
        {"registry_unreadable", "a registry value wufix checks could not be read"},
        {"config_unreadable", "the service's configuration could not be read"},
        {"registry_skipped", "not checked, the registry there cannot be read: policies, pending reboot, "
                             "Image File Execution Options, WubLock, service DLLs, registry key permissions"},
        {"files_skipped", "not checked, the admin share there cannot be read: free space, service DLL files"},
        {"blocker_ifeo_debugger",
         "an Image File Execution Options Debugger stops this update program from running"},
    };
    const char *text = pr->code;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strcmp(words[i].code, pr->code) == 0)
            text = words[i].text;
    if (wf_check_skipped(pr))
        snprintf(buf, size, "%s (%s)", text, pr->found);
    else if (strcmp(pr->code, "defaults_from_waas") == 0)
        snprintf(buf, size, "%s: %s, %s", pr->service, text, pr->found);
    else
        snprintf(buf, size, "%s%s%s%s", pr->service[0] ? pr->service : "", pr->service[0] ? ": " : "", text,
                 pr->fixable ? " (repair fixes it)" : "");
}

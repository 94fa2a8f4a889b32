/* SPDX-License-Identifier: MIT */
/* check.c - each service's problems of SPEC section 5, from its evidence,
 * against Windows' defaults for the running build.
 *
 * Windows' live answers win: a service Windows says is launch-protected gets
 * no fixable problem (nothing may change it), and neither do the read-only
 * ones; a start type Windows changes by itself is one of a set. Windows' own
 * copy of the defaults (%windir%\WaaS\services) is evidence, never authority:
 * where it disagrees with the table, the file is reported and the table
 * applies. An unreadable security descriptor (Wine returns an empty one for
 * every service) is information, never tampering. */
#include "wufix/mech/check.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/base/sddl.h"
#include "wufix/base/services.h"
#include "wufix/mech/diagnose.h"
#include "wufix/mech/firewall.h"
#include "wufix/mech/hosts.h"
#include "wufix/mech/tasks.h"
#include "wufix/mech/traces.h"

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

/* A path as long as a buffer here is never Windows' own (every default and
 * %SystemRoot% is far shorter): it compares as different, never cut. */
static bool too_long(const char *path)
{
    return strlen(path) >= WF_TEXT_MAX / 2;
}

static bool same_path(const struct wf_host *h, const char *a, const char *b)
{
    char na[WF_TEXT_MAX], nb[WF_TEXT_MAX];
    if (too_long(a) || too_long(b))
        return false;
    normal(h, a, na, sizeof(na));
    normal(h, b, nb, sizeof(nb));
    return strcmp(na, nb) == 0;
}

/* Whether a path (an image path may be quoted and carry arguments) lies under
 * %SystemRoot%: what holds on every build, where the table has no value. */
static bool under_root(const struct wf_host *h, const char *path)
{
    char root[WF_TEXT_MAX], p[WF_TEXT_MAX];
    if (too_long(path))
        return false;
    normal(h, WF_M(M_SYSTEMROOT_SLASH), root, sizeof(root));
    normal(h, path[0] == '"' ? path + 1 : path, p, sizeof(p));
    return strncmp(p, root, strlen(root)) == 0 && !strstr(p, "\\..\\");
}

static bool same_account(const char *a, const char *b)
{
    /* "NT AUTHORITY\\NetworkService" and "NT Authority\\NetworkService" are one account. */
    return wf_name_cmp(a, b) == 0;
}

static void key_of(char *buf, size_t size, const char *svc, const char *sub)
{
    snprintf(buf, size, WF_M(M_KEY_SERVICES_S_S), svc, sub);
}

static void check_security(const struct wf_plan_svc *s, const struct wf_default *def, bool ours,
                           const struct wf_backend *b, struct wf_check *c)
{
    char sddl[4096] = "", words[128];
    struct wf_sddl d;
    const char *expected = def->sddl ? def->sddl : "";
    if (b->ops->security(b->self, s->name, sddl, sizeof(sddl)) != WF_OK || wf_sddl_parse(sddl, &d) != WF_OK ||
        !wf_sddl_meaningful(&d)) {
        wf_check_add(c, s->name, WF_M(M_SECURITY_UNREADABLE), WF_SEV_INFO, false, sddl, expected);
        return;
    }
    uint32_t missing = (WF_SR_NEEDED & ~wf_sddl_rights(&d, WF_PRINCIPAL_SYSTEM)) |
                       (WF_SR_NEEDED & ~wf_sddl_rights(&d, WF_PRINCIPAL_ADMIN));
    if (!missing)
        return;
    wf_sddl_describe(missing, words, sizeof(words));
    char found[WF_TEXT_MAX];
    snprintf(found, sizeof(found), WF_M(M_DENIES_S_S), words, (int)wf_utf8_cut(sddl, 700), sddl);
    wf_check_add(c, s->name, WF_M(M_SECURITY_DESCRIPTOR), WF_SEV_ERROR, ours && def->sddl, found, expected);
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
        wf_check_add(c, s->name, WF_M(M_DEPENDENCIES), blocks ? WF_SEV_ERROR : WF_SEV_WARNING, ours, found,
                     def->depends_on);
}

/* The build the table is asked for: Windows Server marked, as a client row
 * says nothing of a Server of the same build. */
static unsigned table_build(const struct wf_check *c)
{
    return c->server ? c->build | WF_BUILD_SERVER : c->build;
}

static void check_start(const struct wf_plan_svc *s, const struct wf_default *def, bool ours,
                        struct wf_check *c)
{
    char words[128];
    enum wf_start_type t = s->cfg.start_type;
    if (t == WF_START_DISABLED) {
        /* Set back to the running build's default, or, on a build no row covers, to what
         * the nearest covered builds ship (repair reads the same). */
        wf_check_add(c, s->name, "disabled", WF_SEV_ERROR, ours, wf_start_token(t),
                     wf_start_token(wf_check_target(c, def)));
    } else if (!wf_defaults_start_ok(def, t, s->cfg.triggers)) {
        wf_defaults_start_words(def, words, sizeof(words));
        wf_check_add(c, s->name, WF_M(M_START_TYPE_2), WF_SEV_WARNING, ours, wf_start_token(t), words);
    }
    /* Not running is a problem only where every start type Windows gives it starts it. */
    bool autostart = !(def->start_ok & ~(WF_START_BIT(WF_START_AUTO) | WF_START_BIT(WF_START_AUTO_DELAYED)));
    if (s->before.state == WF_STATE_STOPPED && autostart && t != WF_START_DISABLED)
        wf_check_add(c, s->name, WF_M(M_NOT_RUNNING), WF_SEV_WARNING, ours, "stopped", "running");
}

/* Whether an image path runs %SystemRoot%\System32\svchost.exe, whatever
 * its arguments: what every build gives an svchost service. A copy of svchost
 * under another name (AME's amehost.exe) is not Windows' own. */
static bool runs_svchost(const struct wf_host *h, const char *image)
{
    char prog[WF_TEXT_MAX], want[WF_TEXT_MAX], got[WF_TEXT_MAX];
    const char *p = image[0] == '"' ? image + 1 : image;
    size_t n = strcspn(p, image[0] == '"' ? "\"" : " \t");
    if (n >= sizeof(prog))
        return false;
    memcpy(prog, p, n);
    prog[n] = '\0';
    normal(h, prog, got, sizeof(got));
    normal(h, WF_M(M_SYSTEMROOT_SYSTEM32_SVCHOST_EXE), want, sizeof(want));
    return strcmp(got, want) == 0;
}

/* The image path and the ServiceDll: Windows' own where the table knows it,
 * else at least under %SystemRoot% (and svchost.exe for an svchost service).
 * svchost reads the ServiceDll from the service's Parameters key or, where
 * that has none, from the service key itself (1607's DoSvc keeps it there
 * [S40]): both are looked at. */
static void check_files(const struct wf_plan_svc *s, const struct wf_default *def, bool ours,
                        const struct wf_host *h, struct wf_check *c)
{
    char key[WF_TEXT_MAX], path[WF_TEXT_MAX];
    struct wf_reg v;
    bool image_ok = def->image_path ? same_path(h, s->cfg.image_path, def->image_path)
                                    : under_root(h, s->cfg.image_path) &&
                                          (!def->svchost || runs_svchost(h, s->cfg.image_path));
    if (!image_ok)
        wf_check_add(c, s->name, WF_M(M_IMAGE_PATH), WF_SEV_ERROR, ours && def->image_path, s->cfg.image_path,
                     def->image_path ? def->image_path
                     : def->svchost  ? WF_M(M_SYSTEMROOT_SYSTEM32_SVCHOST_EXE_K)
                                     : WF_M(M_A_PROGRAM_UNDER_SYSTEMROOT));
    if (def->own_program || h->no_registry)
        return;
    bool have = false;
    for (int k = 0; k < 2 && !have; k++) { /* Parameters, then the service key */
        key_of(key, sizeof(key), s->name, k ? "" : WF_M(M_PARAMETERS));
        if (!wf_check_read_reg(h, c, s->name, key, WF_M(M_SERVICEDLL), &v))
            return;
        have = v.type == WF_REG_SZ || v.type == WF_REG_EXPAND_SZ;
    }
    /* One too long to record (v.cut) is reported, never fixed: it could not be put back. */
    if (def->service_dll ? !have || !same_path(h, v.str, def->service_dll) : have && !under_root(h, v.str))
        wf_check_add(c, s->name, WF_M(M_SERVICE_DLL), WF_SEV_ERROR, ours && def->service_dll && !v.cut,
                     have ? v.str : "(none)",
                     def->service_dll ? def->service_dll : WF_M(M_A_DLL_UNDER_SYSTEMROOT));
    else if (have && !h->no_files && h->ops->expand(h->self, v.str, path, sizeof(path)) == WF_OK &&
             h->ops->file_exists(h->self, path) != WF_OK)
        wf_check_add(c, s->name, WF_M(M_SERVICE_DLL_MISSING), WF_SEV_ERROR, false, path, "present");
}

/* The service's registry key: a blocker's marker, and rights taken away from
 * SYSTEM or Administrators, by a Deny entry or by removing their Allow. */
static void check_key(const struct wf_plan_svc *s, bool ours, const struct wf_host *h, struct wf_check *c)
{
    char key[WF_TEXT_MAX], sddl[4096] = "";
    struct wf_reg v;
    struct wf_sddl d;
    key_of(key, sizeof(key), s->name, "");
    if (wf_check_read_reg(h, c, s->name, key, "WubLock", &v) && v.type != WF_REG_NONE)
        wf_check_add(c, s->name, WF_M(M_BLOCKER_WUBLOCK), WF_SEV_WARNING, ours, "WubLock", "(none)");
    if (h->ops->reg_key_sddl(h->self, key, sddl, sizeof(sddl)) != WF_OK || wf_sddl_parse(sddl, &d) != WF_OK ||
        !wf_sddl_meaningful(&d))
        return;
    for (size_t i = 0; i < d.nace; i++)
        if (!d.ace[i].allow && !d.ace[i].inherit_only) {
            wf_check_add(c, s->name, WF_M(M_BLOCKER_KEY_DENY), WF_SEV_ERROR, false, sddl,
                         WF_M(M_NO_DENY_ENTRIES));
            return;
        }
    /* KEY_QUERY_VALUE | KEY_SET_VALUE: what Windows and repair need of the key. */
    const uint32_t need = 0x3u;
    if ((wf_sddl_key_rights(&d, WF_PRINCIPAL_SYSTEM) & need) != need ||
        (wf_sddl_key_rights(&d, WF_PRINCIPAL_ADMIN) & need) != need)
        wf_check_add(c, s->name, WF_M(M_BLOCKER_KEY_RIGHTS), WF_SEV_ERROR, false, sddl,
                     WF_M(M_SYSTEM_AND_ADMINISTRATORS_MAY_READ));
}

/* Recovery actions a blocker cleared where Windows' own restart the service
 * (Aetherinox's pause utility zeroes WaaSMedicSvc's FailureActions): asked
 * of the SCM only where a public source gives the default for the build.
 * Reported, never changed: the one such service is protected. */
static void check_recovery(const struct wf_plan_svc *s, const struct wf_backend *b, struct wf_check *c)
{
    const struct wf_recovery *def = wf_defaults_recovery(s->name, table_build(c));
    struct wf_recovery r;
    char want[128];
    if (!def || b->ops->recovery(b->self, s->name, &r) != WF_OK || r.acts)
        return;
    wf_defaults_recovery_words(def, want, sizeof(want));
    struct wf_problem *pr = wf_check_add(c, s->name, WF_M(M_RECOVERY_ACTIONS_ZEROED), WF_SEV_WARNING, false,
                                         WF_M(M_NO_RECOVERY_ACTIONS), want);
    if (pr)
        pr->remedy = WF_M(M_RECOVERY_REMEDY);
}

static void check_service(const struct wf_plan_svc *s, const struct wf_backend *b, const struct wf_host *h,
                          struct dep_memos *memo, struct wf_check *c)
{
    const struct wf_default *def = wf_check_default(c, s->name);
    const struct wf_known_service *k = wf_services_find(s->name);
    /* Windows says what may be changed: never a protected service. */
    bool ours = k && k->kind != WF_SET_REPORTED && !s->protected_svc;
    if (!s->installed) {
        /* A read-only service this build does not have is as it should be. */
        if (def || !k || k->kind != WF_SET_REPORTED)
            wf_check_add(c, s->name, WF_M(M_NOT_INSTALLED), WF_SEV_ERROR, false, WF_M(M_NOT_INSTALLED_3),
                         "installed");
        return;
    }
    if (s->marked_delete) {
        /* Whatever else is wrong, nothing may be done to it: it goes when it stops. */
        wf_check_add(c, s->name, WF_M(M_MARKED_FOR_DELETION), WF_SEV_ERROR, false,
                     WF_M(M_MARKED_FOR_DELETION_2), "installed");
        return;
    }
    if (!def)
        return;
    if (s->cfg.start_type == WF_START_UNKNOWN) {
        /* The configuration could not be read: nothing to compare, nothing to fix. */
        wf_check_add(c, s->name, WF_M(M_CONFIG_UNREADABLE), WF_SEV_WARNING, false, WF_M(M_UNREADABLE),
                     "readable");
        return;
    }
    check_start(s, def, ours, c);
    if (s->before.state == WF_STATE_STOPPED && s->before.exit_code && s->before.exit_code != 1077) {
        char code[32];
        snprintf(code, sizeof(code), "%s%u", s->before.exit_service_specific ? WF_M(M_SERVICE_CODE) : "",
                 (unsigned)s->before.exit_code);
        struct wf_problem *pr =
            wf_check_add(c, s->name, WF_M(M_LAST_RUN_FAILED), WF_SEV_WARNING, ours, code, "0");
        if (pr && !s->before.exit_service_specific)
            pr->syscode = s->before.exit_code;
    }
    if (wf_state_is_pending(s->before.state))
        wf_check_add(c, s->name, WF_M(M_STUCK_PENDING), WF_SEV_ERROR, false, wf_state_token(s->before.state),
                     WF_M(M_RUNNING_OR_STOPPED));
    check_files(s, def, ours, h, c);
    if (def->account && s->cfg.account[0] && !same_account(s->cfg.account, def->account))
        wf_check_add(c, s->name, "account", WF_SEV_ERROR, ours, s->cfg.account, def->account);
    check_security(s, def, ours, b, c);
    char dep[WF_NAME_MAX];
    for (const char *d = def->depends_on; d && wf_csv_next(&d, dep, sizeof(dep));) {
        enum dep_state ds = dependency(b, memo, dep);
        if (ds == DEP_MISSING)
            wf_check_add(c, s->name, WF_M(M_DEPENDENCY_MISSING), WF_SEV_ERROR, false, dep, "installed");
        else if (ds == DEP_DISABLED)
            wf_check_add(c, s->name, WF_M(M_DEPENDENCY_DISABLED), WF_SEV_ERROR, false, dep,
                         WF_M(M_NOT_DISABLED));
    }
    if (def->depends_on)
        check_added_dependencies(s, def, ours, b, memo, c);
    if (!h->no_registry) /* else wf_check_run says it was skipped */
        check_key(s, ours, h, c);
    check_recovery(s, b, c);
}

/* Windows' own copy of a service's defaults, held against the table: where
 * it disagrees (a start type not Windows' own, another program, DLL or
 * dependency), the file is a blocker's trace. The table applies. */
static void check_waas(const struct wf_host *h, struct wf_check *c)
{
    for (size_t i = 0; i < c->waas.n; i++) {
        const struct wf_waas_entry *e = &c->waas.e[i];
        const struct wf_default *def = wf_check_default(c, e->name);
        char found[WF_TEXT_MAX], expected[WF_TEXT_MAX];
        size_t nf = 0, ne = 0;
        if (!def)
            continue;
        /* A file gives no triggers: Manual is judged as if it had one. */
        bool start_off = e->start_type != WF_START_UNKNOWN &&
                         (e->start_type == WF_START_DISABLED || !wf_defaults_start_ok(def, e->start_type, 1));
#define SAY(buf, n, ...) (n += (size_t)snprintf(buf + n, n < sizeof(buf) ? sizeof(buf) - n : 0, __VA_ARGS__))
        nf = (size_t)snprintf(found, sizeof(found), "%s\\%s:", c->waas.dir, e->file);
        if (start_off) {
            char words[128];
            wf_defaults_start_words(def, words, sizeof(words));
            SAY(found, nf, " start=%s", wf_start_token(e->start_type));
            SAY(expected, ne, WF_M(M_SSTART_S), ne ? "; " : "", words);
        }
        /* The program, then the DLL: each said the same way. */
        for (int f = 0; f < 2; f++) {
            const char *got = f ? e->service_dll : e->image_path,
                       *own = f ? def->service_dll : def->image_path;
            if (!got[0] || (own ? same_path(h, got, own) : under_root(h, got)))
                continue;
            const char *want = own ? own : WF_M(M_UNDER_SYSTEMROOT);
            SAY(found, nf, " %s=%.*s", f ? WF_M(M_SERVICEDLL) : "imagePath", (int)wf_utf8_cut(got, 300), got);
            SAY(expected, ne, "%s%.*s", ne ? "; " : "", (int)wf_utf8_cut(want, 300), want);
        }
#undef SAY
        if (ne)
            wf_check_add(c, e->name, WF_M(M_WAAS_FILE_EDITED), WF_SEV_WARNING, false, found, expected);
    }
}

/* A pending restart: which signal fired, and whether it is Windows Update's.
 * Only servicing's RebootPending, Windows Update's RebootRequired, and files
 * under %SystemRoot% waiting to be renamed mean Windows Update waits for the
 * restart (the keys ConfigMgr and Microsoft's own scripts read,
 * ../shared/research/facts-audit-2026.md); PendingFileRenameOperations alone
 * is left there by security software, browsers and installers, often for
 * good (../shared/research/what-users-ask.md): said, never a problem. A
 * pending restart is information; a warning once it has waited more than
 * WF_REBOOT_DAYS (the key's last-write time). */
#define WF_REBOOT_DAYS 7
#define KEY_CBS_REBOOT                                                                                       \
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending"
#define KEY_WU_REBOOT                                                                                        \
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired"
#define KEY_CURRENT_VERSION WF_M(M_KEY_CURRENT_VERSION)

/* Whether a PendingFileRenameOperations entry ("\\??\\C:\\...", a target
 * may start with '!') names a file under %SystemRoot%. */
static bool rename_under_root(const struct wf_host *h, const char *entry)
{
    char path[WF_TEXT_MAX];
    if (*entry == '!')
        entry++;
    if (strncmp(entry, "\\??\\", 4) == 0)
        entry += 4;
    wf_strlcpy(path, entry, sizeof(path));
    return path[0] && under_root(h, path);
}

static void check_reboot(const struct wf_host *h, struct wf_check *c)
{
    static const char *const keys[] = {KEY_CBS_REBOOT, KEY_WU_REBOOT};
    char found[WF_TEXT_MAX] = "", oldest[32] = "", when[32], now[32];
    size_t n = 0;
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
        if (h->ops->reg_key_exists(h->self, keys[i]) != WF_OK)
            continue;
        n += (size_t)snprintf(found + n, n < sizeof(found) ? sizeof(found) - n : 0, "%sHKLM\\%s",
                              n ? ", " : "", keys[i]);
        if (h->ops->reg_key_time && h->ops->reg_key_time(h->self, keys[i], when, sizeof(when)) == WF_OK &&
            (!oldest[0] || strcmp(when, oldest) < 0))
            wf_strlcpy(oldest, when, sizeof(oldest));
    }
    struct wf_reg v;
    bool renames = false, windows = false;
    if (h->ops->reg_read(h->self, WF_M(M_KEY_SESSION_MANAGER), WF_M(M_PENDINGFILERENAMEOPERATIONS), &v) ==
            WF_OK &&
        v.type != WF_REG_NONE) {
        renames = true;
        char entry[WF_TEXT_MAX];
        const char *e = v.type == WF_REG_MULTI_SZ || v.type == WF_REG_SZ ? v.str : "";
        while (*e && !windows) {
            size_t k = strcspn(e, "|");
            snprintf(entry, sizeof(entry), "%.*s", (int)k, e);
            windows = rename_under_root(h, entry);
            e += k + (e[k] == '|');
        }
    }
    if (renames && (windows || n)) {
        n += (size_t)snprintf(found + n, n < sizeof(found) ? sizeof(found) - n : 0,
                              WF_M(M_SPENDINGFILERENAMEOPERATIONS_S), n ? ", " : "",
                              windows ? WF_M(M_FILES_UNDER_SYSTEMROOT) : "");
        if (windows && !oldest[0] && h->ops->reg_key_time &&
            h->ops->reg_key_time(h->self, WF_M(M_KEY_SESSION_MANAGER), when, sizeof(when)) == WF_OK)
            wf_strlcpy(oldest, when, sizeof(oldest));
    }
    if (!n) {
        if (renames)
            wf_check_add(c, "", WF_M(M_FILE_RENAMES_PENDING), WF_SEV_INFO, false,
                         WF_M(M_HKLM_PENDING_FILE_RENAMES), WF_M(M_OTHER_SOFTWARE_S_WINDOWS_UPDATE));
        return;
    }
    int64_t t0 = 0, t1 = 0;
    h->ops->utc_now(h->self, now, sizeof(now));
    bool old = oldest[0] && wf_diagnose_epoch(oldest, &t0) && wf_diagnose_epoch(now, &t1) &&
               t1 - t0 > (int64_t)WF_REBOOT_DAYS * 86400;
    if (oldest[0] && n < sizeof(found))
        snprintf(found + n, sizeof(found) - n, WF_M(M_SINCE_10S), oldest);
    struct wf_problem *pr = wf_check_add(c, "", WF_M(M_REBOOT_PENDING), old ? WF_SEV_WARNING : WF_SEV_INFO,
                                         false, found, WF_M(M_NO_PENDING_RESTART));
    if (pr)
        pr->remedy = WF_M(M_RESTART_WINDOWS_TO_FINISH_INSTALLING);
}

/* Services beside the update services that updates need, and that debloat
 * scripts and blockers disable: App Readiness (installs fail with 0x800F0922
 * without it: winhelponline, "Error 0x800f0922 Windows Update") and the
 * Microsoft Account Sign-in Assistant (Microsoft Learn, Policy CSP -
 * Accounts, AllowMicrosoftAccountSignInAssistant: disabled, "Windows Update
 * will no longer offer feature updates" from Windows 10 1709; 0x80070426,
 * ERROR_SERVICE_NOT_ACTIVE). Only a disabled one is reported, and only on a
 * build whose default a source gives (defaults.c); one that is missing is
 * not: no source says which builds ship them. */
static const char *const helpers[][2] = {{"AppReadiness", "app_readiness_disabled"},
                                         {"wlidsvc", "sign_in_assistant_disabled"}};
#define NHELPERS (sizeof(helpers) / sizeof(helpers[0]))

bool wf_check_helper(const char *code)
{
    for (size_t i = 0; i < NHELPERS; i++)
        if (strcmp(code, helpers[i][1]) == 0)
            return true;
    return false;
}

/* An MDM policy can disable wlidsvc on purpose (Microsoft Learn, Policy CSP -
 * Accounts, AllowMicrosoftAccountSignInAssistant: 0 "Not allowed"; Intune's
 * signInAssistantOptions: "disabled - wlidsvc Start will be set to
 * SERVICE_DISABLED"); MDM keeps what it set under PolicyManager\current\device.
 * Then the service stays as the organization set it: reported, never
 * fixable, or repair would fight the policy. */
#define KEY_MDM_ACCOUNTS "SOFTWARE\\Microsoft\\PolicyManager\\current\\device\\Accounts"
#define VALUE_MDM_WLID   "AllowMicrosoftAccountSignInAssistant"

static bool mdm_disables_wlid(const struct wf_host *h)
{
    struct wf_reg v;
    return !h->no_registry && h->ops->reg_read(h->self, KEY_MDM_ACCOUNTS, VALUE_MDM_WLID, &v) == WF_OK &&
           v.type == WF_REG_DWORD && v.dword == 0;
}

static void check_helpers(const struct wf_backend *b, const struct wf_host *h, struct wf_check *c)
{
    struct wf_svc_config *cfg = malloc(sizeof(*cfg));
    for (size_t i = 0; cfg && i < NHELPERS; i++) {
        const struct wf_default *def = wf_check_default(c, helpers[i][0]);
        /* Launch-protected: Windows' own setting, never changed. */
        if (!def || b->ops->traits(b->self, helpers[i][0], cfg) != WF_OK ||
            cfg->start_type != WF_START_DISABLED)
            continue;
        bool mdm = strcmp(helpers[i][0], "wlidsvc") == 0 && mdm_disables_wlid(h);
        wf_check_add(c, helpers[i][0], helpers[i][1], WF_SEV_WARNING, !wf_svc_protected(cfg) && !mdm,
                     wf_start_token(WF_START_DISABLED),
                     mdm ? WF_M(M_DISABLED_BY_MDM_POLICY_WLID) : wf_start_token(wf_check_target(c, def)));
    }
    free(cfg);
}

/* The Microsoft Update Health Tools come with KB4023057 or Microsoft's own
 * package, never with a build (Microsoft Learn, "Windows Update for Business
 * reports workbook": "installed starting with KB4023057 or from a
 * stand-alone package"), in %ProgramFiles%\Microsoft Update Health Tools
 * (Learn, the deployment service's troubleshooting: their logs are in its
 * Logs folder), running uhssvc.exe there as the service uhssvc (its image
 * path, ../shared/research/windows-update-services.md [S36]); %ProgramFiles% is the ProgramFilesDir value
 * Windows keeps (microsoft/terminal, til/env.h). So uhssvc missing says nothing alone; their program there
 * with the service gone (Aetherinox's pause-windows-updates, issue #13) or disabled is a blocker's trace.
 * Reported only. */
static void check_health_tools(const struct wf_backend *b, const struct wf_host *h, struct wf_check *c)
{
    struct wf_reg *pf = malloc(sizeof(*pf));
    struct wf_svc_config *cfg = malloc(sizeof(*cfg));
    struct wf_svc_status st;
    char exe[WF_TEXT_MAX], found[WF_TEXT_MAX + 32];
    const char *what = NULL;
    if (pf && cfg && !h->no_registry && !h->no_files &&
        h->ops->reg_read(h->self, KEY_CURRENT_VERSION, WF_M(M_PROGRAMFILESDIR), pf) == WF_OK &&
        (pf->type == WF_REG_SZ || pf->type == WF_REG_EXPAND_SZ) && strlen(pf->str) < WF_TEXT_MAX / 2) {
        snprintf(exe, sizeof(exe), WF_M(M_HEALTH_TOOLS_EXE), WF_TEXT_MAX / 2, pf->str);
        if (h->ops->file_exists(h->self, exe) == WF_OK)
            what = b->ops->query(b->self, "uhssvc", &st) == WF_E_NO_SERVICE ? WF_M(M_NOT_INSTALLED_3)
                   : b->ops->config(b->self, "uhssvc", cfg) == WF_OK && cfg->start_type == WF_START_DISABLED
                       ? wf_start_token(WF_START_DISABLED)
                       : NULL;
    }
    free(pf);
    free(cfg);
    if (!what)
        return;
    snprintf(found, sizeof(found), WF_M(M_S_S_PRESENT), what, exe);
    struct wf_problem *pr = wf_check_add(c, "uhssvc", WF_M(M_UPDATE_HEALTH_TOOLS_BROKEN), WF_SEV_WARNING,
                                         false, found, WF_M(M_INSTALLED_NOT_DISABLED));
    if (pr)
        pr->remedy = WF_M(M_HEALTH_TOOLS_REMEDY);
}

unsigned wf_check_build(const struct wf_host *h)
{
    struct wf_reg v;
    if (h->no_registry ||
        h->ops->reg_read(h->self, WF_KEY_VERSION, WF_M(M_CURRENTBUILDNUMBER), &v) != WF_OK ||
        v.type != WF_REG_SZ)
        return WF_BUILD_UNKNOWN;
    char *end = NULL;
    unsigned long n = strtoul(v.str, &end, 10);
    return end != v.str && *end == '\0' && n < WF_BUILD_SERVER ? (unsigned)n : WF_BUILD_UNKNOWN;
}

/* Windows Server says so in InstallationType ("Server", "Server Core"). */
static bool is_server(const struct wf_host *h)
{
    struct wf_reg v;
    return !h->no_registry &&
           h->ops->reg_read(h->self, WF_KEY_VERSION, WF_M(M_INSTALLATIONTYPE), &v) == WF_OK &&
           v.type == WF_REG_SZ && strncmp(v.str, "Server", 6) == 0;
}

/* On a covered build, the fields no public source gives (NULL in its rows)
 * were not compared: said once, with the services where not all, so a
 * healthy answer there is never taken for more than it is. */
static void say_not_compared(const struct wf_plan *p, struct wf_check *c)
{
    static const char *const what[] = {"ServiceDll", "account", "security descriptor"};
    char found[WF_TEXT_MAX] = "";
    size_t o = 0;
    if (!wf_defaults_covered(table_build(c)))
        return; /* build_not_covered says it */
    for (size_t f = 0; f < 3; f++) {
        char names[WF_TEXT_MAX] = "";
        size_t nn = 0, missing = 0, rows = 0;
        for (size_t i = 0; i < p->nsvc; i++) {
            const struct wf_default *d = wf_check_default(c, p->svc[i].name);
            if (!d || !d->builds || (f == 0 && d->own_program))
                continue;
            rows++;
            const char *v = f == 0 ? d->service_dll : f == 1 ? d->account : d->sddl;
            if (v)
                continue;
            missing++;
            int k = snprintf(names + nn, sizeof(names) - nn, "%s%s", nn ? ", " : "", d->name);
            nn += k > 0 && (size_t)k < sizeof(names) - nn ? (size_t)k : 0;
        }
        if (!missing)
            continue;
        int k = snprintf(found + o, sizeof(found) - o, missing == rows ? "%s%s" : "%s%s (%s)", o ? ", " : "",
                         what[f], names);
        o += k > 0 && (size_t)k < sizeof(found) - o ? (size_t)k : 0;
    }
    if (o)
        wf_check_add(c, "", WF_M(M_FIELDS_NOT_COMPARED), WF_SEV_INFO, false, found,
                     WF_M(M_A_PUBLIC_SOURCE_FOR_THIS));
}

wf_err wf_check_run(const struct wf_plan *p, const struct wf_backend *b, const struct wf_host *h,
                    struct wf_check *out)
{
    struct dep_memos memo = {.n = 0};
    wf_check_release(out); /* a check run again starts empty */
    memset(out, 0, sizeof(*out));
    out->build = wf_check_build(h);
    out->server = is_server(h);
    if (!wf_defaults_covered(table_build(out))) {
        char found[48], covered[96];
        char num[16] = "unknown";
        if (out->build)
            snprintf(num, sizeof(num), "%u", out->build);
        snprintf(found, sizeof(found), "%s%s", num, out->server ? WF_M(M_WINDOWS_SERVER) : "");
        wf_defaults_covered_words(covered, sizeof(covered));
        wf_check_add(out, "", WF_M(M_BUILD_NOT_COVERED), WF_SEV_INFO, false, found, covered);
    }
    say_not_compared(p, out);
    wf_waas_load(h, &out->waas);
    for (size_t i = 0; i < p->nsvc; i++)
        check_service(&p->svc[i], b, h, &memo, out);
    check_helpers(b, h, out);
    check_waas(h, out);
    wf_traces_check(h, out);
    wf_hosts_check(h, out);
    wf_firewall_check(h, out);
    wf_tasks_check(h, out);
    if (!h->no_registry)
        check_reboot(h, out);
    wf_diagnose(h, out);
    check_health_tools(b, h, out);
    /* Another machine whose registry or admin share did not answer: say what
     * was not looked at, never a silent "healthy". */
    if (h->no_registry)
        wf_check_add(out, "", WF_M(M_REGISTRY_SKIPPED), WF_SEV_INFO, false, h->no_registry, "readable");
    if (h->no_files)
        wf_check_add(out, "", WF_M(M_FILES_SKIPPED), WF_SEV_INFO, false, h->no_files, "readable");
    return WF_OK;
}

const struct wf_default *wf_check_default(const struct wf_check *c, const char *name)
{
    return wf_defaults_for(name, table_build(c));
}

enum wf_start_type wf_check_target(const struct wf_check *c, const struct wf_default *def)
{
    return wf_defaults_target(def, table_build(c));
}

/* SPDX-License-Identifier: MIT */
/* traces.c - the machine's problems beside its services.
 *
 * Blocker traces as real tools leave them (../shared/research/windows-defaults-review.md):
 *   [WUB]  Windows Update Blocker v1.7 `/D /P`, a capture of its registry writes: Debugger "/" on
 *          WaaSMedic.exe, WaaSMedicAgent.exe, UsoClient.exe, SihClient.exe, upfc.exe,
 *          MusNotification(Ux).exe, remsh.exe, EOSnotify.exe, InstallAgent.exe, UpdateAssistant.exe,
 *          Windows10Upgrade.exe, Windows10UpgraderApp.exe; their list in WubBlockLists on the IFEO key;
 *          HKLM ...\Policies\Explorer\NoWindowsUpdate and ...\WindowsUpdate\DisableOSUpgrade
 *   [PSX]  privacy.sexy #252 (v0.12.2 "disable automatic updates"): NoAutoUpdate, WaaSMedicSvc's
 *          Start written in the registry
 *   DisallowRun (a user's Explorer policy) is the lists tweak scripts use to stop programs by
 *          name. Microsoft's text of the policy ("Don't run specified Windows applications"):
 *          it "only prevents users from running programs that are started by the File Explorer
 *          process", not those the system or other processes start. Windows Update's programs
 *          are started by its services and scheduled tasks: a blocker's trace, not an error
 *   [WUS]  Microsoft Learn, "Manage additional Windows Update settings" (waas-wu-settings):
 *          the machine's "Remove access to use all Windows Update features"
 *          (DisableWindowsUpdateAccess) takes "Check for updates" from users, and background
 *          scans, downloads and installs go on as configured: a warning, not an error
 *   DisableOSUpgrade: no public source gives it an effect on Windows 10/11
 *          (facts-audit-2026.md), so it is information only
 *   [WSUS] a user's own DisableWindowsUpdateAccess (a WSUS policy on this machine is
 *          diagnose.c's, which reads and probes the update source)
 *   MoUsoCoreWorker.exe and usocoreworker.exe are both named as the orchestrator's worker on 1903+.
 *   [DO]   Microsoft Learn, "Delivery Optimization reference" (waas-delivery-optimization-reference),
 *          Download mode (DODownloadMode): 0 HTTP only, peer-to-peer off; 1 LAN, the default; 2 Group;
 *          3 Internet; 99 Simple; 100 Bypass, deprecated from Windows 11, "can cause some content to
 *          fail to download". Its policy is HKLM\SOFTWARE\Policies\Microsoft\Windows\DeliveryOptimization.
 *   [WU]   ChrisTitusTech/winutil functions/public/Invoke-WPFUpdatesdisable.ps1 @29595f90 (2026):
 *          "disable updates" writes DODownloadMode=0 (REG_DWORD) under WF_KEY_DO_CONFIG, outside any
 *          policy; its Invoke-WPFUpdatesdefault.ps1 deletes it again.
 * Policies are the admin's intent: reported with the value to delete, never changed. What a
 * blocker alone writes (a Debugger on an update program, WubBlockLists) repair removes. */
#include "wufix/mech/traces.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/buf.h"
#include "wufix/mech/policies.h"

const char *const wf_traces_update_programs[] = {"UsoClient.exe",
                                                 "WaaSMedicAgent.exe",
                                                 "WaaSMedic.exe",
                                                 "upfc.exe",
                                                 "SihClient.exe",
                                                 "MusNotification.exe",
                                                 "MusNotificationUx.exe",
                                                 "wuauclt.exe",
                                                 "UsoCoreWorker.exe",
                                                 "MoUsoCoreWorker.exe",
                                                 "WindowsUpdateBox.exe",
                                                 "remsh.exe",
                                                 "EOSnotify.exe",
                                                 "InstallAgent.exe",
                                                 "UpdateAssistant.exe",
                                                 "Windows10Upgrade.exe",
                                                 "Windows10UpgraderApp.exe",
                                                 NULL};

#define KEY_WU_POLICY WF_KEY_WU_POLICY
#define KEY_EXPLORER  "Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer"
#define KEY_USER_WU   "Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\WindowsUpdate"
#define WF_USERS_MAX  32
#define DISALLOW_MAX  1024 /* names read from one user's list (on the heap) */
/* A bounded "%.*s" of registry text: whole characters only. */
#define CUT(s, max) (int)wf_utf8_cut((s), (max)), (s)

static bool reg_is_one(const struct wf_host *h, const char *key, const char *value)
{
    struct wf_reg v;
    return h->ops->reg_read(h->self, key, value, &v) == WF_OK && v.type == WF_REG_DWORD && v.dword == 1;
}

/* A policy value set to 1: reported with the value to delete, never changed. */
static void policy(const struct wf_host *h, struct wf_check *c, const char *root, const char *key,
                   const char *value, const char *code, enum wf_severity sev)
{
    char full[WF_TEXT_MAX], found[WF_TEXT_MAX], expected[WF_TEXT_MAX];
    snprintf(full, sizeof(full), "%.*s%.*s", CUT(root, 400), CUT(key, 400));
    if (!reg_is_one(h, full, value))
        return;
    /* At most 5 + 800 + 1 + 100 + 2 bytes: never cut, the value's name is all but its "=1". */
    int n = snprintf(found, sizeof(found), WF_M(M_POLICY_FOUND_1), root[0] ? "" : "HKLM\\", CUT(full, 800),
                     CUT(value, 100));
    snprintf(expected, sizeof(expected), WF_M(M_NOT_SET_DELETE_S_TO), n - 2, found);
    wf_check_add(c, "", code, sev, false, found, expected);
}

/* The DisallowRun list under `explorer` (a user's): each update program on it. */
static void disallow_run(const struct wf_host *h, struct wf_check *c, const char *explorer)
{
    char key[WF_TEXT_MAX], (*names)[WF_NAME_MAX] = NULL;
    size_t n = 0;
    if (!reg_is_one(h, explorer, WF_M(M_DISALLOWRUN)))
        return;
    snprintf(key, sizeof(key), WF_M(M_S_DISALLOWRUN), explorer);
    names = malloc(DISALLOW_MAX * sizeof(*names));
    if (!names || h->ops->reg_enum(h->self, key, true, names, DISALLOW_MAX, &n) != WF_OK) {
        free(names);
        return;
    }
    for (size_t i = 0; i < n && i < DISALLOW_MAX; i++) {
        struct wf_reg v;
        if (h->ops->reg_read(h->self, key, names[i], &v) != WF_OK || v.type != WF_REG_SZ)
            continue;
        for (const char *const *exe = wf_traces_update_programs; *exe; exe++)
            if (wf_name_cmp(v.str, *exe) == 0) {
                char found[WF_TEXT_MAX];
                snprintf(found, sizeof(found), WF_M(M_S_S_S), CUT(key, 800), CUT(names[i], 60),
                         CUT(v.str, 60));
                wf_check_add(c, *exe, WF_M(M_POLICY_DISALLOW_RUN), WF_SEV_WARNING, false, found,
                             WF_M(M_NOT_LISTED_DELETE_THE_VALUE));
            }
    }
    free(names);
}

/* Each loaded user's hive (HKEY_USERS\S-1-5-21-...): their own policies. */
static void users(const struct wf_host *h, struct wf_check *c)
{
    char sids[WF_USERS_MAX][WF_NAME_MAX], root[WF_TEXT_MAX], key[WF_TEXT_MAX];
    size_t n = 0;
    if (h->ops->reg_enum(h->self, WF_KEY_USERS, false, sids, WF_USERS_MAX, &n) != WF_OK)
        return;
    for (size_t i = 0; i < n && i < WF_USERS_MAX; i++) {
        size_t len = strlen(sids[i]);
        if (strncmp(sids[i], "S-1-5-21-", 9) != 0 ||
            (len > 8 && wf_name_cmp(sids[i] + len - 8, "_Classes") == 0))
            continue;
        snprintf(root, sizeof(root), WF_KEY_USERS "%.*s\\", CUT(sids[i], 200));
        policy(h, c, root, KEY_USER_WU, WF_M(M_DISABLEWINDOWSUPDATEACCESS), WF_M(M_POLICY_USER_BLOCKS_ACCESS),
               WF_SEV_ERROR);
        policy(h, c, root, KEY_EXPLORER, WF_M(M_NOWINDOWSUPDATE), WF_M(M_POLICY_NO_WINDOWS_UPDATE),
               WF_SEV_ERROR);
        snprintf(key, sizeof(key), "%.*s" KEY_EXPLORER, CUT(root, 400));
        disallow_run(h, c, key);
    }
}

static void ifeo(const struct wf_host *h, struct wf_check *c)
{
    struct wf_reg v;
    for (const char *const *exe = wf_traces_update_programs; *exe; exe++) {
        char key[WF_TEXT_MAX];
        snprintf(key, sizeof(key), WF_M(M_KEY_IFEO_S), *exe);
        if (wf_check_read_reg(h, c, *exe, key, "Debugger", &v) && v.type != WF_REG_NONE)
            wf_check_add(c, *exe, WF_M(M_BLOCKER_IFEO_DEBUGGER), WF_SEV_ERROR,
                         !v.cut, /* too long to record: kept */
                         v.type == WF_REG_DWORD ? "(dword)" : v.str, "(none)");
    }
    /* A list that cannot be read exactly cannot be put back by undo: reported, kept. */
    wf_err e = h->ops->reg_read(h->self, WF_KEY_IFEO_ROOT, WF_VALUE_WUB_LISTS, &v);
    if (e == WF_OK && v.type != WF_REG_NONE)
        wf_check_add(c, "", WF_M(M_BLOCKER_WUB_BLOCKLISTS), WF_SEV_WARNING, v.type == WF_REG_MULTI_SZ, v.str,
                     "(none)");
    else if (e == WF_E_BAD_DATA)
        wf_check_add(c, "", WF_M(M_BLOCKER_WUB_BLOCKLISTS), WF_SEV_WARNING, false,
                     WF_M(M_CANNOT_BE_RECORDED_EXACTLY_2), "(none)");
}

/* Delivery Optimization switched off (0) or bypassed (100) [DO]: by a policy,
 * the admin's choice, reported and left; else, where blockers write it [WU],
 * a value repair deletes (Windows' default mode then applies). */
static void delivery_optimization(const struct wf_host *h, struct wf_check *c)
{
    static const char *const keys[] = {"SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization",
                                       WF_KEY_DO_CONFIG};
    for (size_t i = 0; i < 2; i++) {
        struct wf_reg v;
        char found[WF_TEXT_MAX];
        if (h->ops->reg_read(h->self, keys[i], WF_VALUE_DO_MODE, &v) != WF_OK || v.type == WF_REG_NONE)
            continue;
        if (v.type == WF_REG_DWORD && (v.dword == 0 || v.dword == 100)) {
            snprintf(found, sizeof(found), "HKLM\\%s\\" WF_VALUE_DO_MODE "=%u (%s)", keys[i],
                     (unsigned)v.dword,
                     v.dword ? WF_M(M_BYPASS_DEPRECATED_SOME_DOWNLOADS_CAN) : WF_M(M_HTTP_ONLY_NO_PEERS));
            wf_check_add(c, "", i ? WF_M(M_DELIVERY_OPTIMIZATION_OFF) : WF_M(M_POLICY_DELIVERY_OPTIMIZATION),
                         i || v.dword ? WF_SEV_WARNING : WF_SEV_INFO, i == 1, found,
                         i ? WF_M(M_NOT_SET_WINDOWS_DEFAULT_1) : WF_M(M_THE_ADMIN_S_CHOICE));
        }
        return; /* a policy that sets it, to whatever, rules the value under Config */
    }
}

void wf_traces_check(const struct wf_host *h, struct wf_check *c)
{
    uint64_t free_bytes = 0;
    if (!h->no_files && h->ops->disk_free(h->self, &free_bytes) == WF_OK && free_bytes < WF_LOW_DISK_BYTES) {
        char found[64];
        snprintf(found, sizeof(found), "%llu MB", (unsigned long long)(free_bytes >> 20));
        wf_check_add(c, "", WF_M(M_LOW_DISK_SPACE), WF_SEV_WARNING, false, found, "10240 MB");
    }
    if (h->no_registry)
        return; /* the rest is in the registry; the check says it was skipped */
    policy(h, c, "", KEY_WU_POLICY, WF_M(M_DISABLEWINDOWSUPDATEACCESS), WF_M(M_POLICY_BLOCKS_ACCESS),
           WF_SEV_WARNING);
    policy(h, c, "", KEY_WU_POLICY "\\AU", WF_M(M_NOAUTOUPDATE), WF_M(M_POLICY_NO_AUTO_UPDATE),
           WF_SEV_WARNING);
    policy(h, c, "", WF_M(M_SOFTWARE_MICROSOFT_WINDOWS_CURRENTVERSION_POLI), WF_M(M_NOWINDOWSUPDATE),
           WF_M(M_POLICY_NO_WINDOWS_UPDATE), WF_SEV_ERROR);
    policy(h, c, "", KEY_WU_POLICY, WF_M(M_DISABLEOSUPGRADE), WF_M(M_POLICY_DISABLE_OS_UPGRADE), WF_SEV_INFO);
    users(h, c);
    ifeo(h, c);
    delivery_optimization(h, c);
    wf_policies_check(h, c);
}

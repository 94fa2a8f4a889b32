/* SPDX-License-Identifier: MIT */
/* machines.c - whole machines from public sources (see machines.h).
 *
 * Sources (../shared/research/windows-defaults-review.md and windows-update-services.md):
 *   [S30]  T-RN-R/RegDiff: SYSTEM hive dump of Windows 10 21H2 (19044.1706) and its diff to
 *          Windows 11: start types, ImagePath, ServiceDll, ObjectName, descriptors (ACE masks decoded)
 *   [S26]  copies of %windir%\WaaS\services (privacy.sexy #272): DoSvc demand + trigger and
 *          launchProtected windowsLight (19041.3570); UsoSvc delayedAuto (19041.1)
 *   [S23]  Windows 11 22621 WaaSMedic component manifest: WaaSMedicSvc, windowsLight
 *   [S38]  Microsoft, "Guidance on disabling system services on Windows Server 2016": start types
 *   [S40]  early Windows 10 "restore default services" files (tenforums 57567): -k netsvcs without
 *          -p, usocore.dll, DoSvc as LocalSystem in netsvcs
 *   [S1]   Microsoft, "Reset Windows Update components manually": wuauserv's and BITS' descriptors
 *   [S3]   MicrosoftDocs/windows-itpro-docs#10076: `sc sdshow` on Windows 10 21H1 and 11
 *   [BITSDOC] MicrosoftDocs/win32 bits-startup-type.md: Automatic (delayed) while jobs are queued
 *   [WUB]  a capture of the registry writes of Windows Update Blocker v1.7 `Wub_x64.exe /D /P`
 *          (blog post "通过注册表禁用windows10自动更新", 2022-05-19)
 *   [W10M] WereDev/Wu10Man 315b6db (2018): ServiceEditor.DisableService sets Start=4,
 *          EnableService sets Start=3 and, through SetAccountAsLocalSystem, "NT AUTHORITY\LocalService",
 *          on wuauserv and TrustedInstaller (WindowsServiceHelper)
 *   [PSX]  privacy.sexy #252 (v0.12.2 "Disable automatic updates"): NoAutoUpdate=1, wuauserv
 *          disabled, WaaSMedicSvc's Start=4 written in the registry (its stop is refused)
 *   [WU]   ChrisTitusTech/winutil 0075542c Invoke-WPFUpdatesdisable.ps1: UsoSvc and wuauserv stopped
 *          and Disabled, usosvc.dll renamed to usosvc.dlle
 *   [WU26] the same file at 29595f90 (2026-07): NoAutoUpdate=1, AUOptions=1, DODownloadMode=0 (not a
 *          policy), BITS, wuauserv and UsoSvc stopped and Disabled; no DLL renamed any more
 *   [NOH]  nohuto/win-config system/assets/services.txt @842a489f (2025-11): every service of a
 *          26100-series machine (files 10.0.26100.x): state, start type ("Automatic" without saying
 *          whether delayed), command line as run (expanded), dependencies. No ServiceDll, account or
 *          descriptor: none is laid, as none is known
 *   [WU25] winutil tools/autounattend.xml @5ebb24b1 and Invoke-WPFUpdatesdefault.ps1 @29595f90: on
 *          its Windows 11 media, BITS, wuauserv and WaaSMedicSvc Manual, UsoSvc Automatic
 *   [5095] winutil issue #5095 (a fresh 25H2): WaaSMedicSvc Manual and LaunchProtected = 2
 * Values are written here as those sources give them, not taken from wufix's table. */
#include "machines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SVCS   "SYSTEM\\CurrentControlSet\\Services\\"
#define IFEO   "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options"
#define WUPOL  "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate"
#define NETSVC "NT Authority\\NetworkService"

#define SD_WU                                                                                                \
    "O:SYG:SYD:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;"  \
    "SY)"
#define SD_BITS                                                                                              \
    "O:BAG:BAD:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"                   \
    "(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)"
#define SD_CRYPT                                                                                             \
    "O:SYG:SYD:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)"       \
    "(A;;CCLCSWLOCRRC;;;SU)(A;;CCLCSWRPWPDTLOCRRC;;;SO)(A;;CCLCSWLORC;;;AC)"
#define SD_DO(mask)                                                                                          \
    "O:SYG:SYD:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;"  \
    "SY)"                                                                                                    \
    "(A;;" mask ";;;S-1-5-80-3055155277-3816794035-3994065555-2874236192-2193176987)"
#define SD_TI                                                                                                \
    "O:BAG:BAD:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRRC;;;BA)(A;;CCLCSWLOCRRC;;;IU)"   \
    "(A;;CCLCSWLOCRRC;;;SU)"

#define R WF_STATE_RUNNING
#define S WF_STATE_STOPPED

/* Windows 10 22H2 [S30][S26][S1][S3]: DoSvc and WaaSMedicSvc launch-protected (windowsLight = 2). */
static const struct machine_svc win10[] = {
    {"wuauserv", R, WF_START_MANUAL, "%systemroot%\\system32\\svchost.exe -k netsvcs -p",
     "%systemroot%\\system32\\wuaueng.dll", "LocalSystem", "rpcss", SD_WU, 0, 2, false},
    {"UsoSvc", R, WF_START_AUTO_DELAYED, "%systemroot%\\system32\\svchost.exe -k netsvcs -p",
     "%systemroot%\\system32\\usosvc.dll", "LocalSystem", "rpcss", SD_WU, 0, 0, false},
    {"BITS", S, WF_START_MANUAL, "%SystemRoot%\\System32\\svchost.exe -k netsvcs -p",
     "%SystemRoot%\\System32\\qmgr.dll", "LocalSystem", "RpcSs", SD_BITS, 0, 0, false},
    {"CryptSvc", R, WF_START_AUTO, "%SystemRoot%\\system32\\svchost.exe -k NetworkService -p",
     "%SystemRoot%\\system32\\cryptsvc.dll", NETSVC, "RpcSs", SD_CRYPT, 0, 0, false},
    {"DoSvc", R, WF_START_AUTO_DELAYED, "%SystemRoot%\\System32\\svchost.exe -k NetworkService -p",
     "%SystemRoot%\\system32\\dosvc.dll", NETSVC, "rpcss", SD_DO("DCRC"), 2, 2, false},
    {"WaaSMedicSvc", S, WF_START_MANUAL, "%systemroot%\\system32\\svchost.exe -k wusvcs -p",
     "%SystemRoot%\\System32\\WaaSMedicSvc.dll", "LocalSystem", "rpcss", SD_WU, 2, 0, false},
    {"TrustedInstaller", S, WF_START_MANUAL, "%SystemRoot%\\servicing\\TrustedInstaller.exe", NULL,
     "localSystem", "", SD_TI, 0, 0, false},
    {NULL, S, WF_START_UNKNOWN, NULL, NULL, NULL, NULL, NULL, 0, 0, false},
};

/* Windows 11 23H2 [S30 diff][S23][BITSDOC][S26]: BITS with jobs queued (Automatic (delayed)),
 * DoSvc Manual with its triggers, its own ACE with WP. */
static const struct machine_svc win11[] = {
    {"wuauserv", S, WF_START_MANUAL, "%systemroot%\\system32\\svchost.exe -k netsvcs -p",
     "%systemroot%\\system32\\wuaueng.dll", "LocalSystem", "rpcss", SD_WU, 0, 2, false},
    {"UsoSvc", R, WF_START_AUTO_DELAYED, "%systemroot%\\system32\\svchost.exe -k netsvcs -p",
     "%systemroot%\\system32\\usosvc.dll", "LocalSystem", "rpcss", SD_WU, 0, 0, false},
    {"BITS", R, WF_START_AUTO_DELAYED, "%SystemRoot%\\System32\\svchost.exe -k netsvcs -p",
     "%SystemRoot%\\System32\\qmgr.dll", "LocalSystem", "RpcSs", SD_BITS, 0, 0, false},
    {"CryptSvc", R, WF_START_AUTO, "%SystemRoot%\\system32\\svchost.exe -k NetworkService -p",
     "%SystemRoot%\\system32\\cryptsvc.dll", NETSVC, "RpcSs", SD_CRYPT, 0, 0, false},
    {"DoSvc", S, WF_START_MANUAL, "%SystemRoot%\\System32\\svchost.exe -k NetworkService -p",
     "%SystemRoot%\\system32\\dosvc.dll", NETSVC, "rpcss", SD_DO("DCWPRC"), 2, 2, false},
    {"WaaSMedicSvc", S, WF_START_MANUAL, "%systemroot%\\system32\\svchost.exe -k wusvcs -p",
     "%SystemRoot%\\System32\\WaaSMedicSvc.dll", "LocalSystem", "rpcss", SD_WU, 2, 0, false},
    {"TrustedInstaller", S, WF_START_MANUAL, "%SystemRoot%\\servicing\\TrustedInstaller.exe", NULL,
     "localSystem", "", SD_TI, 0, 0, false},
    {NULL, S, WF_START_UNKNOWN, NULL, NULL, NULL, NULL, NULL, 0, 0, false},
};

/* Windows Server 2016 / Windows 10 1607 [S38][S40]: no -p, UsoSvc Manual with usocore.dll, DoSvc
 * Automatic as LocalSystem in netsvcs with its ServiceDll in the service key itself [S40], no
 * WaaSMedicSvc (it came with 1803). Descriptors only where a source gives them for this build
 * (wuauserv [S40], BITS [S1], TrustedInstaller); "" elsewhere. */
static const struct machine_svc server2016[] = {
    {"wuauserv", R, WF_START_MANUAL, "%systemroot%\\system32\\svchost.exe -k netsvcs",
     "%systemroot%\\system32\\wuaueng.dll", "LocalSystem", "rpcss", SD_WU, 0, 2, false},
    {"UsoSvc", S, WF_START_MANUAL, "%systemroot%\\system32\\svchost.exe -k netsvcs",
     "%systemroot%\\system32\\usocore.dll", "LocalSystem", "rpcss", "", 0, 0, false},
    {"BITS", S, WF_START_MANUAL, "%SystemRoot%\\System32\\svchost.exe -k netsvcs",
     "%SystemRoot%\\System32\\qmgr.dll", "LocalSystem", "RpcSs", SD_BITS, 0, 0, false},
    {"CryptSvc", R, WF_START_AUTO, "%SystemRoot%\\system32\\svchost.exe -k NetworkService",
     "%SystemRoot%\\system32\\cryptsvc.dll", NETSVC, "RpcSs", "", 0, 0, false},
    {"DoSvc", R, WF_START_AUTO, "%SystemRoot%\\System32\\svchost.exe -k netsvcs",
     "%SystemRoot%\\system32\\dosvc.dll", "LocalSystem", "rpcss", "", 0, 1, true},
    {"TrustedInstaller", S, WF_START_MANUAL, "%SystemRoot%\\servicing\\TrustedInstaller.exe", NULL,
     "localSystem", "", SD_TI, 0, 0, false},
    {NULL, S, WF_START_UNKNOWN, NULL, NULL, NULL, NULL, NULL, 0, 0, false},
};

/* Windows 11 24H2 [NOH]: each service as listed, its command line as the listing gives it
 * (expanded). TrustedInstaller was running there (an install under way). */
#define LISTED(group) "C:\\WINDOWS\\system32\\svchost.exe -k " group
static const struct machine_svc win11_24h2[] = {
    {"wuauserv", S, WF_START_MANUAL, LISTED("netsvcs -p"), NULL, NULL, "rpcss", "", 0, 0, false},
    {"UsoSvc", R, WF_START_AUTO, LISTED("netsvcs -p"), NULL, NULL, "rpcss", "", 0, 0, false},
    {"BITS", S, WF_START_MANUAL, "C:\\WINDOWS\\System32\\svchost.exe -k netsvcs -p", NULL, NULL, "RpcSs", "",
     0, 0, false},
    {"CryptSvc", R, WF_START_AUTO, LISTED("NetworkService -p"), NULL, NULL, "RpcSs", "", 0, 0, false},
    {"DoSvc", S, WF_START_AUTO, "C:\\WINDOWS\\System32\\svchost.exe -k NetworkService -p", NULL, NULL,
     "rpcss", "", 0, 0, false},
    {"WaaSMedicSvc", R, WF_START_MANUAL, LISTED("wusvcs -p"), NULL, NULL, "rpcss", "", 0, 0, false},
    {"TrustedInstaller", R, WF_START_MANUAL, "C:\\WINDOWS\\servicing\\TrustedInstaller.exe", NULL, NULL, "",
     "", 0, 0, false},
    {NULL, S, WF_START_UNKNOWN, NULL, NULL, NULL, NULL, NULL, 0, 0, false},
};

/* Windows 11 25H2: start types [WU25][NOH], WaaSMedicSvc launch-protected [5095]; command lines
 * and dependencies [NOH], whose files (10.0.26100.x) 25H2 carries too. At rest: TrustedInstaller
 * stopped, no install under way. */
static const struct machine_svc win11_25h2[] = {
    {"wuauserv", S, WF_START_MANUAL, LISTED("netsvcs -p"), NULL, NULL, "rpcss", "", 0, 0, false},
    {"UsoSvc", R, WF_START_AUTO, LISTED("netsvcs -p"), NULL, NULL, "rpcss", "", 0, 0, false},
    {"BITS", S, WF_START_MANUAL, "C:\\WINDOWS\\System32\\svchost.exe -k netsvcs -p", NULL, NULL, "RpcSs", "",
     0, 0, false},
    {"CryptSvc", R, WF_START_AUTO, LISTED("NetworkService -p"), NULL, NULL, "RpcSs", "", 0, 0, false},
    {"DoSvc", S, WF_START_AUTO, "C:\\WINDOWS\\System32\\svchost.exe -k NetworkService -p", NULL, NULL,
     "rpcss", "", 0, 0, false},
    {"WaaSMedicSvc", R, WF_START_MANUAL, LISTED("wusvcs -p"), NULL, NULL, "rpcss", "", 2, 0, false},
    {"TrustedInstaller", S, WF_START_MANUAL, "C:\\WINDOWS\\servicing\\TrustedInstaller.exe", NULL, NULL, "",
     "", 0, 0, false},
    {NULL, S, WF_START_UNKNOWN, NULL, NULL, NULL, NULL, NULL, 0, 0, false},
};

static const struct machine_reg none[] = {{NULL, NULL, WF_REG_NONE, NULL, 0}};

const struct machine machine_win10_22h2 = {"Windows 10 22H2",
                                           "[S30] 19044 hive, [S26] WaaS copies, [S1][S3]",
                                           19045,
                                           NULL,
                                           win10,
                                           NULL,
                                           none,
                                           NULL,
                                           NULL,
                                           0};
const struct machine machine_win11_23h2 = {"Windows 11 23H2",
                                           "[S30] Windows 11 diff, [S23], [BITSDOC], [S26]",
                                           22631,
                                           NULL,
                                           win11,
                                           NULL,
                                           none,
                                           NULL,
                                           NULL,
                                           0};
const struct machine machine_win11_24h2 = {
    "Windows 11 24H2", "[NOH] services.txt @842a489f", 26100, NULL, win11_24h2, NULL, none, NULL, NULL, 0};
const struct machine machine_win11_25h2 = {"Windows 11 25H2",
                                           "[WU25] @5ebb24b1/@29595f90, [5095], [NOH]",
                                           26200,
                                           NULL,
                                           win11_25h2,
                                           NULL,
                                           none,
                                           NULL,
                                           NULL,
                                           0};
const struct machine machine_server2016 = {
    "Server 2016", "[S38] Server 2016 guidance, [S40]", 14393, NULL, server2016, NULL, none, NULL, NULL, 0};

/* [WUB]: every write of `Wub_x64.exe /D /P`, as captured. */
static const struct machine_edit wub_edit[] = {
    {"wuauserv", WF_START_DISABLED, NULL, true, NULL}, {"UsoSvc", WF_START_MANUAL, NULL, true, NULL},
    {"DoSvc", WF_START_DISABLED, NULL, true, NULL},    {"WaaSMedicSvc", WF_START_DISABLED, NULL, true, NULL},
    {NULL, WF_START_UNKNOWN, NULL, false, NULL},
};
#define DEBUGGER(exe)                                                                                        \
    {                                                                                                        \
        IFEO "\\" exe, "Debugger", WF_REG_SZ, "/", 0                                                         \
    }
static const struct machine_reg wub_reg[] = {
    {"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer", "NoWindowsUpdate", WF_REG_DWORD,
     NULL, 1},
    {IFEO, "WubBlockLists", WF_REG_MULTI_SZ,
     "WaaSMedic.exe|WaasMedicAgent.exe|Windows10Upgrade.exe|Windows10UpgraderApp.exe|UpdateAssistant.exe|"
     "UsoClient.exe|remsh.exe|EOSnotify.exe|SihClient.exe|upfc.exe|InstallAgent.exe|MusNotification.exe|"
     "MusNotificationUx.exe",
     0},
    DEBUGGER("EOSnotify.exe"),
    DEBUGGER("InstallAgent.exe"),
    DEBUGGER("MusNotification.exe"),
    DEBUGGER("MusNotificationUx.exe"),
    DEBUGGER("remsh.exe"),
    DEBUGGER("SihClient.exe"),
    DEBUGGER("UpdateAssistant.exe"),
    DEBUGGER("upfc.exe"),
    DEBUGGER("UsoClient.exe"),
    DEBUGGER("WaaSMedic.exe"),
    DEBUGGER("WaasMedicAgent.exe"),
    DEBUGGER("Windows10Upgrade.exe"),
    DEBUGGER("Windows10UpgraderApp.exe"),
    {"SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings", "TrayIconVisibility", WF_REG_DWORD, NULL, 0},
    {"SOFTWARE\\Policies\\Microsoft", "WindowsStore", WF_REG_DWORD, NULL, 1},
    {WUPOL, "DisableOSUpgrade", WF_REG_DWORD, NULL, 1},
    {WUPOL, "DisableWindowsUpdateAccess", WF_REG_DWORD, NULL, 1},
    {WUPOL "\\AU", "NoAutoUpdate", WF_REG_DWORD, NULL, 1},
    {SVCS "DoSvc", "WubLock", WF_REG_DWORD, NULL, 1},
    {SVCS "WaaSMedicSvc", "WubLock", WF_REG_DWORD, NULL, 1},
    {SVCS "wuauserv", "WubLock", WF_REG_DWORD, NULL, 1},
    {NULL, NULL, WF_REG_NONE, NULL, 0},
};
static const char *const wub_traces[] = {"wuauserv:disabled",
                                         "UsoSvc:start_type",
                                         "DoSvc:disabled",
                                         "WaaSMedicSvc:disabled",
                                         "wuauserv:blocker_wublock",
                                         "DoSvc:blocker_wublock",
                                         "WaaSMedicSvc:blocker_wublock",
                                         ":blocker_wub_blocklists",
                                         ":policy_no_windows_update",
                                         ":policy_blocks_access",
                                         ":policy_no_auto_update",
                                         "EOSnotify.exe:blocker_ifeo_debugger",
                                         "InstallAgent.exe:blocker_ifeo_debugger",
                                         "MusNotification.exe:blocker_ifeo_debugger",
                                         "MusNotificationUx.exe:blocker_ifeo_debugger",
                                         "remsh.exe:blocker_ifeo_debugger",
                                         "SihClient.exe:blocker_ifeo_debugger",
                                         "UpdateAssistant.exe:blocker_ifeo_debugger",
                                         "upfc.exe:blocker_ifeo_debugger",
                                         "UsoClient.exe:blocker_ifeo_debugger",
                                         "WaaSMedic.exe:blocker_ifeo_debugger",
                                         "WaaSMedicAgent.exe:blocker_ifeo_debugger",
                                         "Windows10Upgrade.exe:blocker_ifeo_debugger",
                                         "Windows10UpgraderApp.exe:blocker_ifeo_debugger",
                                         NULL};
/* Protected (DoSvc) and read-only (WaaSMedicSvc) services, and policies: never wufix's to change. */
static const char *const wub_left[] = {"DoSvc:disabled",
                                       "WaaSMedicSvc:disabled",
                                       "DoSvc:blocker_wublock",
                                       "WaaSMedicSvc:blocker_wublock",
                                       ":policy_no_windows_update",
                                       ":policy_blocks_access",
                                       ":policy_no_auto_update",
                                       NULL};
const struct machine machine_wub_17 = {"Windows Update Blocker v1.7 /D /P",
                                       "[WUB] capture of its writes",
                                       19045,
                                       &machine_win10_22h2,
                                       NULL,
                                       wub_edit,
                                       wub_reg,
                                       wub_traces,
                                       wub_left,
                                       1 /* errors left that are not wufix's to fix */};

/* [W10M]: "disable", then "enable" again, of its 2018 builds. */
static const struct machine_edit w10m_edit[] = {
    {"wuauserv", WF_START_MANUAL, "NT AUTHORITY\\LocalService", true, NULL},
    {"TrustedInstaller", WF_START_MANUAL, "NT AUTHORITY\\LocalService", true, NULL},
    {NULL, WF_START_UNKNOWN, NULL, false, NULL},
};
static const char *const w10m_traces[] = {"wuauserv:account", "TrustedInstaller:account", NULL};
static const char *const w10m_left[] = {"TrustedInstaller:account", NULL};
const struct machine machine_wu10man_2018 = {"Wu10Man (2018), disabled then enabled",
                                             "[W10M] ServiceEditor at 315b6db",
                                             19045,
                                             &machine_win10_22h2,
                                             NULL,
                                             w10m_edit,
                                             none,
                                             w10m_traces,
                                             w10m_left,
                                             1 /* errors left that are not wufix's to fix */};

/* [PSX] */
static const struct machine_edit psx_edit[] = {
    {"wuauserv", WF_START_DISABLED, NULL, true, NULL},
    {"WaaSMedicSvc", WF_START_DISABLED, NULL, true, NULL},
    {NULL, WF_START_UNKNOWN, NULL, false, NULL},
};
static const struct machine_reg psx_reg[] = {
    {WUPOL "\\AU", "NoAutoUpdate", WF_REG_DWORD, NULL, 1},
    {NULL, NULL, WF_REG_NONE, NULL, 0},
};
static const char *const psx_traces[] = {"wuauserv:disabled", "WaaSMedicSvc:disabled",
                                         ":policy_no_auto_update", NULL};
static const char *const psx_left[] = {"WaaSMedicSvc:disabled", ":policy_no_auto_update", NULL};
const struct machine machine_privacy_sexy = {"privacy.sexy \"disable automatic updates\"",
                                             "[PSX] #252, v0.12.2",
                                             19045,
                                             &machine_win10_22h2,
                                             NULL,
                                             psx_edit,
                                             psx_reg,
                                             psx_traces,
                                             psx_left,
                                             1 /* errors left that are not wufix's to fix */};

/* [WU] on Windows 11 23H2. */
static const struct machine_edit wu_edit[] = {
    {"UsoSvc", WF_START_DISABLED, NULL, true, "%systemroot%\\system32\\usosvc.dll"},
    {"wuauserv", WF_START_DISABLED, NULL, true, NULL},
    {NULL, WF_START_UNKNOWN, NULL, false, NULL},
};
static const char *const wu_traces[] = {"UsoSvc:disabled", "wuauserv:disabled", "UsoSvc:service_dll_missing",
                                        NULL};
static const char *const wu_left[] = {"UsoSvc:service_dll_missing", NULL};
const struct machine machine_winutil = {"winutil \"disable updates\"",
                                        "[WU] Invoke-WPFUpdatesdisable.ps1 at 0075542c",
                                        22631,
                                        &machine_win11_23h2,
                                        NULL,
                                        wu_edit,
                                        none,
                                        wu_traces,
                                        wu_left,
                                        5 /* the DLL is gone: blocked until Windows' own file is back */};

/* [WU26] on Windows 11 25H2. */
static const struct machine_edit wu26_edit[] = {
    {"BITS", WF_START_DISABLED, NULL, true, NULL},
    {"wuauserv", WF_START_DISABLED, NULL, true, NULL},
    {"UsoSvc", WF_START_DISABLED, NULL, true, NULL},
    {NULL, WF_START_UNKNOWN, NULL, false, NULL},
};
static const struct machine_reg wu26_reg[] = {
    {WUPOL "\\AU", "NoAutoUpdate", WF_REG_DWORD, NULL, 1},
    {WUPOL "\\AU", "AUOptions", WF_REG_DWORD, NULL, 1},
    {"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\DeliveryOptimization\\Config", "DODownloadMode",
     WF_REG_DWORD, NULL, 0},
    {NULL, NULL, WF_REG_NONE, NULL, 0},
};
static const char *const wu26_traces[] = {"BITS:disabled", "wuauserv:disabled", "UsoSvc:disabled",
                                          ":policy_no_auto_update", NULL};
static const char *const wu26_left[] = {":policy_no_auto_update", NULL};
const struct machine machine_winutil_2026 = {"winutil \"disable updates\" (2026) on 25H2",
                                             "[WU26] Invoke-WPFUpdatesdisable.ps1 at 29595f90",
                                             26200,
                                             &machine_win11_25h2,
                                             NULL,
                                             wu26_edit,
                                             wu26_reg,
                                             wu26_traces,
                                             wu26_left,
                                             0};

static void expand(const char *in, char *out, size_t size)
{
    const char *rest = in;
    if (strncmp(in, "%systemroot%", 12) == 0 || strncmp(in, "%SystemRoot%", 12) == 0)
        rest = in + 12;
    snprintf(out, size, "%s%s", rest != in ? "C:\\Windows" : "", rest);
}

static void lay_services(struct fake_scm *f, const struct machine_svc *svc)
{
    char key[WF_TEXT_MAX], path[WF_TEXT_MAX];
    for (const struct machine_svc *m = svc; m->name; m++) {
        struct fake_svc *s = fake_scm_add(f, m->name, m->state, m->start, m->deps);
        wf_strlcpy(s->image, m->image, sizeof(s->image));
        wf_strlcpy(s->account, m->account ? m->account : "", sizeof(s->account));
        wf_strlcpy(s->sddl, m->sddl, sizeof(s->sddl));
        wf_strlcpy(s->display, m->name, sizeof(s->display));
        s->protection = m->protection;
        s->triggers = m->triggers;
        if (!m->dll)
            continue;
        snprintf(key, sizeof(key), SVCS "%s%s", m->name, m->dll_in_key ? "" : "\\Parameters");
        fake_reg_set(f, key, "ServiceDll", WF_REG_EXPAND_SZ, m->dll, 0);
        expand(m->dll, path, sizeof(path));
        fake_file_add(f, path);
    }
}

void machine_apply(struct fake_scm *f, const struct machine *m)
{
    char build[16];
    if (m->base) {
        machine_apply(f, m->base);
    } else {
        f->build = m->build;
        f->disk_free = 50ull << 30;
        wf_strlcpy(f->key_sddl, "O:SYG:SYD:(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CI;KR;;;BU)", sizeof(f->key_sddl));
        snprintf(build, sizeof(build), "%u", m->build);
        fake_reg_set(f, "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "CurrentBuildNumber", WF_REG_SZ,
                     build, 0);
        fake_scm_add(f, "RpcSs", WF_STATE_RUNNING, WF_START_AUTO, NULL)->accepts_stop = false;
        lay_services(f, m->svc);
    }
    machine_apply_traces(f, m);
}

void machine_apply_traces(struct fake_scm *f, const struct machine *m)
{
    char path[WF_TEXT_MAX];
    for (const struct machine_edit *e = m->edit; e && e->name; e++) {
        struct fake_svc *s = fake_scm_get(f, e->name);
        if (e->start != WF_START_UNKNOWN)
            s->start_type = e->start;
        if (e->account)
            wf_strlcpy(s->account, e->account, sizeof(s->account));
        if (e->stopped && s->state != WF_STATE_STOPPED) {
            s->state = WF_STATE_STOPPED;
            s->pid = 0;
            s->exit_code = 0;
        }
        if (e->dll_renamed) {
            expand(e->dll_renamed, path, sizeof(path));
            fake_file_remove(f, path);
            strncat(path, "e", sizeof(path) - strlen(path) - 1);
            fake_file_add(f, path);
        }
    }
    for (const struct machine_reg *r = m->reg; r && r->key; r++)
        fake_reg_set(f, r->key, r->value, r->type, r->str, r->dword);
}

static char *copy(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void machine_snapshot(const struct fake_scm *f, struct wf_buf *out)
{
    char *lines[FAKE_SVC_MAX + FAKE_REG_MAX + FAKE_FILES_MAX];
    size_t n = 0;
    struct wf_buf line;
    wf_buf_init(&line);
    for (size_t i = 0; i < f->n; i++) {
        const struct fake_svc *s = &f->svc[i];
        wf_buf_clear(&line);
        wf_buf_printf(&line, "service %s %s %s %s|%s|%s|", s->name, wf_state_token(s->state),
                      wf_start_token(s->start_type), s->image, s->account, s->sddl);
        for (size_t d = 0; d < s->ndeps; d++)
            wf_buf_printf(&line, "%s%s", d ? "," : "", s->deps[d]);
        lines[n++] = copy(wf_buf_str(&line));
    }
    for (size_t i = 0; i < f->nreg; i++) {
        const struct fake_reg *r = &f->reg[i];
        if (r->v.type == WF_REG_NONE)
            continue;
        wf_buf_clear(&line);
        wf_buf_printf(&line, "reg %s|%s|%d|%u|%s", r->key, r->value, (int)r->v.type, (unsigned)r->v.dword,
                      r->v.str);
        lines[n++] = copy(wf_buf_str(&line));
    }
    for (size_t i = 0; i < f->nfiles; i++)
        if (f->files[i].path[0]) {
            wf_buf_clear(&line);
            wf_buf_printf(&line, "file %s", f->files[i].path);
            lines[n++] = copy(wf_buf_str(&line));
        }
    qsort(lines, n, sizeof(lines[0]), by_text);
    for (size_t i = 0; i < n; i++) {
        wf_buf_printf(out, "%s\n", lines[i] ? lines[i] : "(no memory)");
        free(lines[i]);
    }
    wf_buf_release(&line);
}

/* SPDX-License-Identifier: MIT */
/* defaults.c - the one table of Windows 10/11 defaults for the update services.
 *
 * Sources, as tagged in ../shared/research/windows-update-services.md (section 9):
 *   [S1]  Microsoft, "Reset Windows Update components manually" (2025-01-15): wuauserv, BITS SDDL
 *   [S3]  MicrosoftDocs/windows-itpro-docs#10076 and [S4] PR #10318 (2022): Windows 10 21H1 and
 *         Windows 11 `sc sdshow` output; the pre-2022 SDDL with PU is NOT the default
 *   [S23] Windows 11 22621 WaaSMedic manifest: WaaSMedicSvc image, DLL, SDDL, launch protection
 *   [S26] %windir%\WaaS\services XML dumps (wuauserv 10.0.19041.3570, UsoSvc 10.0.19041.1)
 *   [S30] Windows 10 21H2 SYSTEM hive dump (19044.1706) and its Windows 11 diff: start types,
 *         image paths, ServiceDll, accounts, SDDL (decoded from the ACE masks)
 *   [S38] Microsoft, "Guidance on disabling system services on Windows Server 2016"
 *   [S41] Public listing of all services of a Windows 10/11 PC (account, dependencies, ImagePath)
 *   [S42] `sc qc bits`, [S43] `sc qc DoSvc` on Windows 10/11
 * Where Windows 10 and 11 differ, both are kept. */
#include "wufix/base/defaults.h"

/* wuauserv, UsoSvc and WaaSMedicSvc share one descriptor [S1][S3][S23][S30]. */
#define SDDL_WU                                                                                              \
    "D:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)"       \
    "S:(AU;FA;CCDCLCSWRPWPDTLOSDRCWDWO;;;WD)"
#define DOSVC_SID "S-1-5-80-3055155277-3816794035-3994065555-2874236192-2193176987"

static const struct wf_default table[] = {
    /* Manual + trigger start; netsvcs with -p since 1703 [S26][S30][S41]. */
    {"wuauserv", "Windows Update", WF_TYPE_SHARE, WF_START_MANUAL,
     "%systemroot%\\system32\\svchost.exe -k netsvcs -p", "%systemroot%\\system32\\wuaueng.dll",
     "LocalSystem", "rpcss", SDDL_WU, NULL, false},
    /* Automatic (delayed) from 19041; usosvc.dll (1607 had usocore.dll) [S26][S30]. */
    {"UsoSvc", "Update Orchestrator Service", WF_TYPE_SHARE, WF_START_AUTO_DELAYED,
     "%systemroot%\\system32\\svchost.exe -k netsvcs -p", "%systemroot%\\system32\\usosvc.dll", "LocalSystem",
     "rpcss", SDDL_WU, NULL, false},
    /* Manual (early Windows 10 had Automatic (delayed)) [S42][S30][S38]. */
    {"BITS", "Background Intelligent Transfer Service", WF_TYPE_SHARE, WF_START_MANUAL,
     "%SystemRoot%\\System32\\svchost.exe -k netsvcs -p", "%SystemRoot%\\System32\\qmgr.dll", "LocalSystem",
     "RpcSs",
     "O:BAG:BAD:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
     "(A;;CCLCSWLOCRRC;;;IU)(A;;CCLCSWLOCRRC;;;SU)S:(AU;SAFA;WDWO;;;BA)",
     NULL, false},
    /* Shared on Windows 10, own process on Windows 11 [S30]. */
    {"CryptSvc", "Cryptographic Services", WF_TYPE_SHARE | WF_TYPE_OWN, WF_START_AUTO,
     "%SystemRoot%\\system32\\svchost.exe -k NetworkService -p", "%SystemRoot%\\system32\\cryptsvc.dll",
     "NT Authority\\NetworkService", "RpcSs",
     "O:SYG:SYD:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)(A;;CCLCSWLOCRRC;;;IU)"
     "(A;;CCLCSWLOCRRC;;;SU)(A;;CCLCSWRPWPDTLOCRRC;;;SO)(A;;CCLCSWLORC;;;AC)"
     "(A;;CCLCSWLORC;;;S-1-15-3-1024-3203351429-2120443784-2872670797-1918958302-2829055647-4275794519-"
     "765664414-2751773334)",
     NULL, false},
    /* NetworkService since 1709 (1607: LocalSystem, netsvcs); the NT SERVICE\DoSvc ACE
     * changed in Windows 11 [S41][S43][S30]. */
    {"DoSvc", "Delivery Optimization", WF_TYPE_SHARE, WF_START_AUTO_DELAYED,
     "%SystemRoot%\\System32\\svchost.exe -k NetworkService -p", "%SystemRoot%\\system32\\dosvc.dll",
     "NT Authority\\NetworkService", "rpcss",
     "O:SYG:SYD:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
     "(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;DCRC;;;" DOSVC_SID ")S:(AU;FA;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;WD)",
     "O:SYG:SYD:(A;;CCLCSWRPLORC;;;AU)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
     "(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;DCWPRC;;;" DOSVC_SID
     ")S:(AU;FA;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;WD)",
     false},
    /* launchProtected windowsLight: administrators may only query it [S23]. */
    {"WaaSMedicSvc", "Windows Update Medic Service", WF_TYPE_SHARE, WF_START_MANUAL,
     "%systemroot%\\system32\\svchost.exe -k wusvcs -p", "%SystemRoot%\\System32\\WaaSMedicSvc.dll",
     "LocalSystem", "rpcss", SDDL_WU, NULL, true},
    /* Own process, no ServiceDll; Administrators lack SD/WD/WO [S41][S38][S30]. */
    {"TrustedInstaller", "Windows Modules Installer", WF_TYPE_OWN, WF_START_MANUAL,
     "%SystemRoot%\\servicing\\TrustedInstaller.exe", NULL, "localSystem", "",
     "O:BAG:BAD:(A;CI;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;SY)(A;;CCDCLCSWRPWPDTLOCRRC;;;BA)(A;;CCLCSWLOCRRC;;;IU)"
     "(A;;CCLCSWLOCRRC;;;SU)S:(AU;SAFA;WDWO;;;BA)",
     NULL, false},
};

const struct wf_default *wf_defaults_table(size_t *n)
{
    *n = sizeof(table) / sizeof(table[0]);
    return table;
}

const struct wf_default *wf_defaults_find(const char *name)
{
    for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
        if (wf_name_cmp(table[i].name, name) == 0)
            return &table[i];
    return NULL;
}

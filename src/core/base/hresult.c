/* SPDX-License-Identifier: MIT */
/* hresult.c - the error codes Windows Update reports.
 *
 * Each row from a public source (wf_hr_sources; ../shared/research/why-updates-fail.md
 * gathers them): the name as Windows' headers spell it, Microsoft's meaning in our
 * words, the cause class and, where the source gives one for this code alone, its
 * remedy; else the class's. */
#include "wufix/base/hresult.h"

#include <stdio.h>
#include <string.h>

const char *const wf_hr_sources[] = {
    "Microsoft Learn: Windows Update common errors and mitigation",
    "Microsoft Learn: Windows Update error codes by component",
    "Microsoft Learn: Windows Update issues troubleshooting",
    "Microsoft Learn: Fix Windows Update errors by using the DISM or System Update Readiness tool",
    "Microsoft KB5034441 (the WinRE update) and KB5028997 (resizing the recovery partition)",
    "Microsoft Learn: System Error Codes",
    "Windows SDK: wuerror.h",
    "Microsoft Learn: Troubleshoot Windows Update error 0x8024001E",
    "Microsoft Learn: Troubleshoot Windows Update error 0x80070570",
    "Microsoft Learn: Troubleshoot Windows Update error 0x80072EFE with cipher suite configuration",
    "Microsoft Learn: Error code 0x800f0922 when installing Windows updates (KB5030591)",
    "Microsoft Support: 0x80244007 error when Windows tries to scan for updates on a WSUS server",
    "Microsoft Learn: Upgrade error codes, and Resolution procedures (modern setup errors)",
};

const size_t wf_hr_nsources = sizeof(wf_hr_sources) / sizeof(wf_hr_sources[0]);

enum { S1, S2, S3, S4, SKB, SSYS, SSDK, S001E, S0570, S2EFE, S0922, S4007, SUPG };

#define STORE_MEANING "Windows' own files (the component store) are damaged or missing"

const struct wf_hr wf_hr_table[] = {
    {0x80070422, WF_HRC_SERVICE, S1, "ERROR_SERVICE_DISABLED", "a service Windows Update needs is disabled",
     NULL},
    {0x80070426, WF_HRC_SERVICE, S3, "ERROR_SERVICE_NOT_ACTIVE",
     "a service is not running: on Windows 10 1709 to 1803, without the Microsoft Account Sign-in "
     "Assistant (wlidsvc) feature updates are not offered",
     "set the Microsoft Account Sign-in Assistant (wlidsvc) to Manual (services.msc)"},
    {0x80070005, WF_HRC_PERMISSIONS, S1, "E_ACCESSDENIED",
     "access denied: permissions on a file or registry key were changed", NULL},
    {0x80070002, WF_HRC_STORE, S4, "ERROR_FILE_NOT_FOUND", STORE_MEANING " (a file was not found)", NULL},
    {0x80070003, WF_HRC_UNKNOWN, S1, "ERROR_PATH_NOT_FOUND",
     "the servicing stack cannot reach a path it needs (CBS.log names it)",
     "look for \", error\" in %windir%\\Logs\\CBS\\CBS.log at the failure's time: it names the path"},
    {0x8007000D, WF_HRC_CACHE, S1, "ERROR_INVALID_DATA", "the downloaded update is damaged", NULL},
    {0x80070570, WF_HRC_STORE, S0570, "ERROR_FILE_CORRUPT",
     "the update's files cannot be read: a damaged download, component store or disk",
     "run 'wufix reset' (it sets the downloads aside), restart and try again; then from an elevated prompt "
     "'DISM /Online /Cleanup-Image /RestoreHealth', then 'sfc /scannow', then 'chkdsk C: /f /r' (at the next "
     "restart)"},
    {0x80073701, WF_HRC_STORE, S1, "ERROR_SXS_ASSEMBLY_MISSING", STORE_MEANING " (a component is missing)",
     NULL},
    {0x80073712, WF_HRC_STORE, S4, "ERROR_SXS_COMPONENT_STORE_CORRUPT",
     STORE_MEANING " (the component store is corrupt)", NULL},
    {0x8007371B, WF_HRC_STORE, S1, "ERROR_SXS_TRANSACTION_CLOSURE_INCOMPLETE",
     STORE_MEANING " (a component's files are incomplete)", NULL},
    {0x800F081F, WF_HRC_STORE, S1, "CBS_E_SOURCE_MISSING",
     STORE_MEANING " (the source of a package was not found)", NULL},
    {0x800F0831, WF_HRC_STORE, S1, "CBS_E_STORE_CORRUPTION",
     STORE_MEANING " (a package's manifest is missing)", NULL},
    {0x800F0825, WF_HRC_STORE, S1, "CBS_E_CANNOT_UNINSTALL", STORE_MEANING " (a package cannot be removed)",
     NULL},
    {0x80070020, WF_HRC_SOFTWARE, S1, "ERROR_SHARING_VIOLATION",
     "another program holds a file open: security software or a filter "
     "driver",
     NULL},
    {0x80070070, WF_HRC_DISK, SSYS, "ERROR_DISK_FULL", "there is not enough space on the disk", NULL},
    {0x80070008, WF_HRC_RESOURCES, SSYS, "ERROR_NOT_ENOUGH_MEMORY", "not enough memory to finish", NULL},
    {0x80070490, WF_HRC_DRIVER, S1, "ERROR_NOT_FOUND",
     "an element was not found: a driver package's architecture is missing from "
     "servicing's records",
     NULL},
    {0x800705B4, WF_HRC_UNKNOWN, SSYS, "ERROR_TIMEOUT",
     "an operation timed out (Microsoft gives no Windows Update remedy)", NULL},
    {0x80070643, WF_HRC_RECOVERY, SKB, "ERROR_INSTALL_FAILURE",
     "the installation failed; for KB5034441 (the Windows Recovery "
     "Environment) the recovery partition has less than 250 MB free",
     "for KB5034441: give the recovery partition 250 MB free (Microsoft's steps: KB5028997), then install it "
     "again; for another update, look for \", error\" in %windir%\\Logs\\CBS\\CBS.log"},
    {0x80070BC2, WF_HRC_REBOOT, SSYS, "ERROR_SUCCESS_REBOOT_REQUIRED",
     "done, but it takes effect only after a restart", NULL},
    {0x80070BC9, WF_HRC_REBOOT, S1, "ERROR_FAIL_REBOOT_REQUIRED",
     "the operation failed and a restart rolls its changes back; a policy that sets the Windows Installer "
     "service's start type is one cause",
     "restart Windows; make sure no policy sets the start type of the Windows Installer service (msiserver: "
     "Windows manages it, Manual by default), then try again"},
    {0x800F0821, WF_HRC_RESOURCES, S1, "CBS_E_ABORT", "servicing gave up: its watchdog timed out", NULL},
    {0x800F0920, WF_HRC_RESOURCES, S1, "CBS_E_HANG_DETECTED", "servicing stopped answering and was ended",
     NULL},
    {0x800F0922, WF_HRC_PERMISSIONS, S0922, "CBS_E_INSTALLERS_FAILED",
     "an installer of the update failed (CBS.log names it): write rights of Users and NETWORK SERVICE "
     "taken from %windir%\\System32\\spp, or a damaged scheduled task (SecureBootEncodeUEFI)",
     "look for the failed installer in %windir%\\Logs\\CBS\\CBS.log; give Users and NETWORK SERVICE their "
     "write rights on %windir%\\System32\\spp back; for the SecureBootEncodeUEFI task, Microsoft's steps "
     "(KB5030591)"},
    {0x80072EE2, WF_HRC_NETWORK, S1, "WININET_E_TIMEOUT", "the update server did not answer in time", NULL},
    {0x80072EFD, WF_HRC_NETWORK, S1, "WININET_E_CANNOT_CONNECT",
     "no connection to the update server could be made", NULL},
    {0x80072EFE, WF_HRC_NETWORK, S2EFE, "WININET_E_CONNECTION_ABORTED",
     "the connection to the update server was ended: the network, the proxy, or a cipher-suite policy",
     "check that the firewall and proxy let Microsoft's download URLs through; if a policy sets the cipher "
     "suites (HKLM\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002), make sure it "
     "keeps the TLS_ECDHE_ECDSA AES-GCM suites Microsoft names, then restart"},
    {0x80D02002, WF_HRC_NETWORK, S1, "DO_E_DOWNLOAD_NO_PROGRESS",
     "Delivery Optimization's download made no progress", NULL},
    {0x80200053, WF_HRC_NETWORK, S1, "BG_E_VALIDATION_FAILED",
     "a download failed validation: a firewall filters the downloads", NULL},
    {0x80072F8F, WF_HRC_TLS, S1, "WININET_E_DECODING_FAILED",
     "a secure connection failed: a wrong date and time, or TLS 1.2 not set up for WinHTTP",
     "check the date, time and time zone first; then turn on TLS 1.2 for WinHTTP (KB3140245)"},
    {0x8024402C, WF_HRC_NAME, S2, "WU_E_PT_WINHTTP_NAME_NOT_RESOLVED",
     "the name of the update server or the proxy does not resolve", NULL},
    {0x8024401B, WF_HRC_PROXY, S1, "WU_E_PT_HTTP_STATUS_PROXY_AUTH_REQ",
     "the proxy asks for credentials (HTTP 407)", NULL},
    {0x80244016, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_BAD_REQUEST",
     "the server refused the request (HTTP 400)", NULL},
    {0x80244017, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_DENIED",
     "the server asks for authentication (HTTP 401)", NULL},
    {0x80244018, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_FORBIDDEN", "the server forbids it (HTTP 403)",
     NULL},
    {0x80244019, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_NOT_FOUND", "the server has no such file (HTTP 404)",
     NULL},
    {0x8024401A, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_BAD_METHOD",
     "the server does not allow the request (HTTP 405)", NULL},
    {0x8024401C, WF_HRC_NETWORK, S1, "WU_E_PT_HTTP_STATUS_REQUEST_TIMEOUT",
     "the server timed out waiting (HTTP 408)", NULL},
    {0x8024401D, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_CONFLICT",
     "the request conflicts with the server's state (HTTP 409)", NULL},
    {0x8024401E, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_GONE", "the file is gone from the server (HTTP 410)",
     NULL},
    {0x8024401F, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_SERVER_ERROR", "the server failed (HTTP 500)", NULL},
    {0x80244020, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_NOT_SUPPORTED",
     "the server does not support it (HTTP 501)", NULL},
    {0x80244021, WF_HRC_NETWORK, S2, "WU_E_PT_HTTP_STATUS_BAD_GATEWAY",
     "a gateway or proxy got a bad answer (HTTP 502)", NULL},
    {0x80244022, WF_HRC_NETWORK, S1, "WU_E_PT_HTTP_STATUS_SERVICE_UNAVAIL",
     "the update source is unavailable (HTTP 503)", NULL},
    {0x80244023, WF_HRC_NETWORK, S2, "WU_E_PT_HTTP_STATUS_GATEWAY_TIMEOUT",
     "a gateway or proxy timed out (HTTP 504)", NULL},
    {0x80244024, WF_HRC_SERVER, S2, "WU_E_PT_HTTP_STATUS_VERSION_NOT_SUP",
     "the server does not support this HTTP version (HTTP 505)", NULL},
    {0x8024402D, WF_HRC_TRANSIENT, S3, "WU_E_PT_LOAD_SHEDDING", "the server is busy", NULL},
    {0x80244007, WF_HRC_SERVER, S4007, "WU_E_PT_SOAPCLIENT_SOAPFAULT",
     "the update server (WSUS) refused: its cookie could not be renewed",
     "on the WSUS server, raise maxInstalledPrerequisites (400 to 800) and maxCachedUpdates in its "
     "web.config "
     "and decline superseded updates; on this machine, reset its WSUS identity (SusClientId)"},
    {0x80244011, WF_HRC_POLICY, S2, "WU_E_PT_SUS_SERVER_NOT_SET",
     "a policy asks for an update server (WSUS) but names none", NULL},
    {0x80240438, WF_HRC_NETWORK, SSDK, "WU_E_PT_ENDPOINT_UNREACHABLE",
     "there is no route to the update source", NULL},
    {0x8024002E, WF_HRC_POLICY, S2, "WU_E_WU_DISABLED", "a policy forbids Windows Update's own servers",
     NULL},
    {0x8024002F, WF_HRC_POLICY, S2, "WU_E_CALL_CANCELLED_BY_POLICY",
     "a policy turns off access to Windows Update "
     "(DisableWindowsUpdateAccess)",
     NULL},
    {0x80240016, WF_HRC_REBOOT, S2, "WU_E_INSTALL_NOT_ALLOWED",
     "another installation is running, or a restart is pending", NULL},
    {0x80242014, WF_HRC_REBOOT, S1, "WU_E_UH_POSTREBOOTSTILLPENDING",
     "the update's steps after a restart have not run yet", NULL},
    {0x80240022, WF_HRC_SOFTWARE, S1, "WU_E_ALL_UPDATES_FAILED",
     "every update failed: mostly security software blocking "
     "SoftwareDistribution",
     NULL},
    {0x80242006, WF_HRC_CACHE, S1, "WU_E_UH_INVALIDMETADATA", "the update's metadata is invalid", NULL},
    {0x8024200D, WF_HRC_CACHE, S2, "WU_E_UH_NEEDANOTHERDOWNLOAD", "the update must be downloaded again",
     NULL},
    {0x80246007, WF_HRC_CACHE, S2, "WU_E_DM_NOTDOWNLOADED", "the update has not been downloaded", NULL},
    {0x80246008, WF_HRC_SERVICE, S2, "WU_E_DM_FAILTOCONNECTTOBITS", "the download could not reach BITS",
     NULL},
    {0x80248007, WF_HRC_CACHE, S2, "WU_E_DS_NODATA", "the information is not in Windows Update's data store",
     NULL},
    {0x80240001, WF_HRC_SERVICE, S2, "WU_E_NO_SERVICE",
     "the Windows Update agent could not provide the service", NULL},
    {0x8024000B, WF_HRC_TRANSIENT, S2, "WU_E_CALL_CANCELLED", "the operation was cancelled", NULL},
    {0x8024001E, WF_HRC_CACHE, S001E, "WU_E_SERVICE_STOP",
     "the operation stopped: damaged or incomplete update files, too little disk space, a dropped "
     "connection, or a restart or scheduled task that interrupted it",
     "free 10 GB on the system drive, then run 'wufix reset' (it renames SoftwareDistribution aside, as "
     "Microsoft's steps do) and try again; a scheduled task that stops Windows Update must be disabled"},
    {0x80240020, WF_HRC_TRANSIENT, S1, "WU_E_NO_INTERACTIVE_USER",
     "nobody was signed in, and the update needs someone",
     "sign in to start the installation, and let the machine restart"},
    {0x8024A10A, WF_HRC_TRANSIENT, S1, "USO_E_SERVICE_SHUTTING_DOWN",
     "the update service was stopped while idle",
     "keep the machine awake and connected until the installation finishes"},
    {0x80240017, WF_HRC_NOT_APPLICABLE, S2, "WU_E_NOT_APPLICABLE",
     "the update is not for this Windows, or not until an update it needs is installed",
     "if the update is for this Windows, install what its KB article lists as prerequisites first, then "
     "try again"},
    /* Seen in real logs (../shared/research/facts-audit-2026.md). */
    {0x80246017, WF_HRC_PERMISSIONS, S1, "WU_E_DM_UNAUTHORIZED_LOCAL_USER",
     "the download was refused: the local user may not download the content",
     "install updates as a user with administrator rights"},
    {0x80073D02, WF_HRC_TRANSIENT, SSYS, "ERROR_PACKAGES_IN_USE",
     "an app could not be updated: resources it changes are in use", "close the app, then try again"},
    {0x8024402F, WF_HRC_SOFTWARE, S1, "WU_E_PT_ECP_SUCCEEDED_WITH_ERRORS",
     "processing of external .cab files ended with errors: web-filtering software in the way",
     "add this machine to the exceptions of the web-filtering software (Microsoft names Lightspeed Rocket)"},
    {0x8024000E, WF_HRC_UNKNOWN, S1, "WU_E_XML_INVALID",
     "the update's XML data holds what the agent does not take (some drivers' metadata)",
     "install the latest Windows Update Agent (the latest cumulative update carries it)"},
    {0x8024D009, WF_HRC_SERVER, S1, "WU_E_SETUP_SKIP_UPDATE",
     "an update to the Windows Update Agent was skipped: the WSUS server does not send its self-update",
     "on the WSUS server, follow KB920659 (the self-update is not sent to clients)"},
    {0x800706BE, WF_HRC_UNKNOWN, SSYS, "RPC_S_CALL_FAILED",
     "a remote procedure call failed (Microsoft gives no Windows Update remedy)", NULL},
    /* A feature update's Setup (MOSETUP_E_*): its extend code says the phase
     * and operation (wf_hr_extend). */
    {0xC1900101, WF_HRC_DRIVER, SUPG, "MOSETUP_E_SETUP_PLATFORM",
     "the upgrade rolled back: mostly a driver that is not compatible",
     "update or remove the driver %windir%\\Panther\\setuperr.log names, disconnect all but the mouse, "
     "keyboard and display, then try again"},
    {0xC1900107, WF_HRC_REBOOT, SUPG, "MOSETUP_E_CLEANUP_PENDING",
     "a cleanup of an earlier upgrade attempt waits for a restart", NULL},
    {0xC1900200, WF_HRC_NOT_APPLICABLE, SUPG, "MOSETUP_E_COMPAT_SYSREQ_BLOCK",
     "this computer does not meet the new version's minimum requirements", NULL},
    {0xC1900208, WF_HRC_SOFTWARE, SUPG, "MOSETUP_E_COMPAT_INSTALLREQ_BLOCK",
     "an app or driver that is not compatible blocks the upgrade", NULL},
    {0xC190020E, WF_HRC_DISK, SUPG, "MOSETUP_E_INSTALLDISKSPACE_BLOCK",
     "not enough free space to install the upgrade", NULL},
};

const size_t wf_hr_count = sizeof(wf_hr_table) / sizeof(wf_hr_table[0]);

const struct wf_hr *wf_hr_find(uint32_t code)
{
    for (size_t i = 0; i < wf_hr_count; i++)
        if (wf_hr_table[i].code == code)
            return &wf_hr_table[i];
    return NULL;
}

/* The n-th of the names packed in `list` (each ended by NUL), or "not known". */
static const char *nth(const char *list, size_t size, unsigned n)
{
    const char *p = list;
    for (; n && p < list + size - 1; n--)
        p += strlen(p) + 1;
    return p < list + size - 1 ? p : "not known";
}

/* Each class (in the order of enum wf_hr_class): its token (JSON), what to
 * do, and why it failed in words for the person who double-clicked; each
 * one string, the entries in order, each ended by NUL. */
static const char tokens[] = "unknown\0"            /* WF_HRC_UNKNOWN */
                             "service\0"            /* WF_HRC_SERVICE */
                             "cache\0"              /* WF_HRC_CACHE */
                             "component_store\0"    /* WF_HRC_STORE */
                             "disk_space\0"         /* WF_HRC_DISK */
                             "network\0"            /* WF_HRC_NETWORK */
                             "name_resolution\0"    /* WF_HRC_NAME */
                             "proxy\0"              /* WF_HRC_PROXY */
                             "tls\0"                /* WF_HRC_TLS */
                             "update_server\0"      /* WF_HRC_SERVER */
                             "policy\0"             /* WF_HRC_POLICY */
                             "reboot_pending\0"     /* WF_HRC_REBOOT */
                             "permissions\0"        /* WF_HRC_PERMISSIONS */
                             "other_software\0"     /* WF_HRC_SOFTWARE */
                             "driver\0"             /* WF_HRC_DRIVER */
                             "resources\0"          /* WF_HRC_RESOURCES */
                             "system_partition\0"   /* WF_HRC_PARTITION */
                             "recovery_partition\0" /* WF_HRC_RECOVERY */
                             "transient\0"          /* WF_HRC_TRANSIENT */
                             "not_applicable\0"     /* WF_HRC_NOT_APPLICABLE */
    ;
static const char remedies[] =
    "\0"                                                                         /* WF_HRC_UNKNOWN */
    "run 'wufix repair': it turns the update services back on and starts them\0" /* WF_HRC_SERVICE */
    "run 'wufix reset': it renames the update caches aside (never deletes them), so Windows downloads "
    "them again\0" /* WF_HRC_CACHE */
    "from an elevated prompt run 'DISM /Online /Cleanup-Image /RestoreHealth', then 'sfc /scannow', then "
    "try the update again\0"                                                         /* WF_HRC_STORE */
    "free space on the system drive (Settings > System > Storage), then try again\0" /* WF_HRC_DISK */
    "check that this machine reaches its update source: the firewall, the proxy ('netsh winhttp show "
    "proxy') and the update server, if a policy sets one\0" /* WF_HRC_NETWORK */
    "check the proxy ('netsh winhttp show proxy') and name resolution (DNS) for the update server "
    "(WUServer, if a policy sets one)\0" /* WF_HRC_NAME */
    "let Windows Update through the proxy without credentials, or set the machine's proxy ('netsh "
    "winhttp set proxy')\0"                     /* WF_HRC_PROXY */
    "turn on TLS 1.2 for WinHTTP (KB3140245)\0" /* WF_HRC_TLS */
    "check the update server (WSUS) named by the policy WUServer, and any proxy on the way\0" /* WF_HRC_SERVER
                                                                                               */
    "check the Windows Update policies (gpresult /h, or the policies 'wufix check' lists); wufix does "
    "not change them\0"                 /* WF_HRC_POLICY */
    "restart Windows, then try again\0" /* WF_HRC_REBOOT */
    "run 'wufix repair' for the services' own permissions; for a file or key, look for \"Access is "
    "denied\" in %windir%\\Logs\\CBS\\CBS.log\0" /* WF_HRC_PERMISSIONS */
    "try again after a clean boot (msconfig: hide Microsoft services, disable the rest), or with "
    "security software paused\0" /* WF_HRC_SOFTWARE */
    "look for the driver in %windir%\\Logs\\CBS\\CBS.log (DriverOperations); update or remove that "
    "driver\0"                                                                         /* WF_HRC_DRIVER */
    "close other programs (or give the machine more memory and CPU), then try again\0" /* WF_HRC_RESOURCES
                                                                                        */
    "free space on the System Reserved partition (15 MB or more), then try again\0"    /* WF_HRC_PARTITION */
    "give the recovery partition 250 MB free (Microsoft's steps: KB5028997), then install KB5034441 "
    "again\0"                                             /* WF_HRC_RECOVERY */
    "nothing is broken: try again later\0"                /* WF_HRC_TRANSIENT */
    "nothing to do: the update is not for this Windows\0" /* WF_HRC_NOT_APPLICABLE */
    ;
static const char plains[] =
    "for a reason wufix does not know\0"                          /* WF_HRC_UNKNOWN */
    "a service it needs was off\0"                                /* WF_HRC_SERVICE */
    "its downloaded files or records are damaged\0"               /* WF_HRC_CACHE */
    "some of Windows' own files are damaged\0"                    /* WF_HRC_STORE */
    "the disk is too full\0"                                      /* WF_HRC_DISK */
    "it could not reach its update server\0"                      /* WF_HRC_NETWORK */
    "the name of its update server or proxy could not be found\0" /* WF_HRC_NAME */
    "the proxy stopped it\0"                                      /* WF_HRC_PROXY */
    "a secure connection could not be made\0"                     /* WF_HRC_TLS */
    "its update server answered with an error\0"                  /* WF_HRC_SERVER */
    "a policy set by your organization stops it\0"                /* WF_HRC_POLICY */
    "Windows must restart first\0"                                /* WF_HRC_REBOOT */
    "permissions on its files were changed\0"                     /* WF_HRC_PERMISSIONS */
    "another program got in the way (often security software)\0"  /* WF_HRC_SOFTWARE */
    "a driver could not be installed\0"                           /* WF_HRC_DRIVER */
    "the computer was too busy\0"                                 /* WF_HRC_RESOURCES */
    "a small system partition is full\0"                          /* WF_HRC_PARTITION */
    "the recovery partition is too small\0"                       /* WF_HRC_RECOVERY */
    "it was interrupted; it tries again by itself\0"              /* WF_HRC_TRANSIENT */
    "the update is not for this computer\0"                       /* WF_HRC_NOT_APPLICABLE */
    ;

const char *wf_hr_class_token(enum wf_hr_class c)
{
    return (unsigned)c <= WF_HRC_NOT_APPLICABLE ? nth(tokens, sizeof(tokens), c) : "unknown";
}

const char *wf_hr_class_plain(enum wf_hr_class c)
{
    return nth(plains, sizeof(plains), (unsigned)c <= WF_HRC_NOT_APPLICABLE ? c : WF_HRC_UNKNOWN);
}

const char *wf_hr_remedy(const struct wf_hr *r)
{
    if (!r)
        return "";
    if (r->remedy)
        return r->remedy;
    return r->cls <= WF_HRC_NOT_APPLICABLE ? nth(remedies, sizeof(remedies), r->cls) : "";
}

bool wf_hr_network(enum wf_hr_class c)
{
    return c == WF_HRC_NETWORK || c == WF_HRC_NAME || c == WF_HRC_PROXY || c == WF_HRC_TLS;
}

void wf_hr_facility(uint32_t code, char *buf, size_t size)
{
    unsigned facility = (code >> 16) & 0x1FFFu;
    if (!(code & 0x80000000u)) {
        snprintf(buf, size, "not an error code");
        return;
    }
    switch (facility) {
    case 7: snprintf(buf, size, "Win32 error %u", (unsigned)(code & 0xFFFFu)); break;
    case 0x24: snprintf(buf, size, "Windows Update"); break;
    case 0x190: snprintf(buf, size, "Windows Setup (MOSETUP)"); break;
    case 0x0F: /* FACILITY_SETUPAPI (winerror.h); servicing's CBS_E_* codes share it */
        snprintf(buf, size, "setup API (SETUPAPI) or component servicing (CBS)");
        break;
    case 0x20: snprintf(buf, size, "BITS"); break;
    case 0xD0: snprintf(buf, size, "Delivery Optimization"); break;
    default: snprintf(buf, size, "facility 0x%X", facility); break;
    }
}

void wf_hr_extend(uint32_t ext, char *buf, size_t size)
{
    /* Microsoft Learn, "Upgrade error codes": the extend code's first digit
     * is the phase, its last two the operation (0x4000D: phase 4, operation
     * 0x0D), named here without their prefixes SP_EXECUTION_ and
     * SP_EXECUTION_OP_; one string, the names in order. */
    static const char phases[] = "UNKNOWN\0DOWNLEVEL\0SAFE_OS\0FIRST_BOOT\0OOBE_BOOT\0UNINSTALL\0",
                      ops[] =
                          "UNKNOWN\0COPY_PAYLOAD\0DOWNLOAD_UPDATES\0INSTALL_UPDATES\0"
                          "INSTALL_RECOVERY_ENVIRONMENT\0INSTALL_RECOVERY_IMAGE\0REPLICATE_OC\0"
                          "INSTALL_DRVIERS\0" /* sic: the page spells it so */
                          "PREPARE_SAFE_OS\0PREPARE_ROLLBACK\0PREPARE_FIRST_BOOT\0PREPARE_OOBE_BOOT\0"
                          "APPLY_IMAGE\0MIGRATE_DATA\0SET_PRODUCT_KEY\0ADD_UNATTEND\0ADD_DRIVER\0"
                          "ENABLE_FEATURE\0DISABLE_FEATURE\0REGISTER_ASYNC_PROCESS\0REGISTER_SYNC_PROCESS\0"
                          "CREATE_FILE\0CREATE_REGISTRY\0BOOT\0SYSPREP\0OOBE\0BEGIN_FIRST_BOOT\0"
                          "END_FIRST_BOOT\0BEGIN_OOBE_BOOT\0END_OOBE_BOOT\0PRE_OOBE\0POST_OOBE\0"
                          "ADD_PROVISIONING_PACKAGE\0";
    unsigned p = (ext >> 16) & 0xFu, o = ext & 0xFFu;
    snprintf(buf, size, "phase %u (%s), operation 0x%02X (%s)", p, nth(phases, sizeof(phases), p), o,
             nth(ops, sizeof(ops), o));
}

/* SPDX-License-Identifier: MIT */
/* defaults.c - the one table of Windows' defaults for the update services, a
 * row per service and range of builds.
 *
 * Sources, as tagged in ../shared/research/windows-update-services.md (section 9)
 * and ../shared/research/windows-defaults-review.md:
 *   [S1]  Microsoft, "Reset Windows Update components manually" (2025-01-15): wuauserv, BITS SDDL
 *   [S3]  MicrosoftDocs/windows-itpro-docs#10076 and [S4] PR #10318 (2022): Windows 10 21H1 and
 *         Windows 11 `sc sdshow` output; the pre-2022 SDDL with PU is NOT the default
 *   [S23] Windows 11 22621 WaaSMedic manifest: WaaSMedicSvc image, DLL, SDDL, launch protection
 *   [S26] %windir%\WaaS\services XML dumps (wuauserv and DoSvc 10.0.19041.3570, UsoSvc 10.0.19041.1;
 *         privacy.sexy issue #272): DoSvc start="demand" with a trigger, launchProtected="windowsLight"
 *   [S30] Windows 10 21H2 SYSTEM hive dump (19044.1706) and its Windows 11 diff: start types,
 *         image paths, ServiceDll, accounts, SDDL (decoded from the ACE masks)
 *   [S38] Microsoft, "Guidance on disabling system services on Windows Server 2016" (build 14393):
 *         wuauserv, UsoSvc, BITS Manual; CryptSvc, DoSvc Automatic
 *   [S40] "restore default services" files of early Windows 10 (tenforums tutorial 57567):
 *         `-k netsvcs` without -p, UsoSvc's usocore.dll, DoSvc as LocalSystem in netsvcs
 *   [S41] Public listing of all services of a Windows 10/11 PC (account, dependencies, ImagePath)
 *   [S42] `sc qc bits`, [S43] `sc qc DoSvc` on Windows 10/11
 *   [BITSDOC] MicrosoftDocs/win32 desktop-src/Bits/bits-startup-type.md: BITS is Automatic
 *         (delayed) while it has jobs, Manual otherwise
 *   [PSX] privacy.sexy issue #223: Delivery Optimization's mode 99 leaves DoSvc Manual (trigger);
 *         Automatic on Windows 10 21H1+ and Windows 11 22H2+ otherwise
 * Windows 11 24H2 / 25H2 (26100-26200), ../shared/research/facts-audit-2026.md:
 *   [NOH] nohuto/win-config system/assets/services.txt @842a489f (2025-11): every service of a
 *         26100-series machine (svchost 10.0.26100.1): start type, command line, dependencies
 *   [WU25] ChrisTitusTech/winutil tools/autounattend.xml @5ebb24b1 and
 *         functions/public/Invoke-WPFUpdatesdefault.ps1 @29595f90 (2026): what its Windows 11 media
 *         restore: BITS, wuauserv and WaaSMedicSvc Manual, UsoSvc Automatic
 *   [ATL] Atlas-OS/Atlas @1ed96306, a playbook for 26100 and 26200 (playbook.conf): "Toggle Windows
 *         Updates.cmd" gives wuauserv back `start= demand`
 *   [5095] winutil issue #5095 (2026, a fresh 25H2): WaaSMedicSvc Manual, LaunchProtected = 2
 * Services beside them that updates need (check.c's helpers: only a disabled one is reported):
 *   [S38b] Microsoft Learn, "Guidance on disabling system services on Windows IoT Enterprise"
 *         (Windows 10 and 11 IoT Enterprise): AppReadiness and wlidsvc Manual; [S38] the same
 *         on Server 2016
 *   [FUP] Microsoft Learn, Intune "Feature updates for Windows 10 and later policy" (memdocs
 *         intune/protect/windows-10-feature-updates.md): wlidsvc "By default ... Manual (Trigger
 *         Start)"; disabled, the device "fails to receive the update"
 * Windows Server 2019 (17763): [S3] gives `sc sdshow` of wuauserv and BITS there, equal to the
 *   Windows 10/11 descriptors; nothing else has a source, so only those two are compared (and
 *   restored), the build is said not covered, and the rest is generic.
 *   The 25H2 enablement package turns 24H2's files into 25H2 (both carry 10.0.26100.x files, as
 *   [NOH]'s listing does), so one row holds for both. The listing gives command lines expanded
 *   (C:\WINDOWS\system32\svchost.exe -k netsvcs -p); they are compared expanded, and written
 *   back in the registry spelling of the earlier builds. It gives "Automatic" without saying
 *   whether it is delayed: there either is accepted. No public source gives the ServiceDll,
 *   account or descriptor on 26100-26200: they are not compared there (NULL), only what holds
 *   on every build is (a DLL under %SystemRoot% that exists; SYSTEM and Administrators may
 *   start, stop and configure). Launch protection is never kept here: Windows is asked.
 * Builds: 14393 is Windows 10 1607 / Server 2016 (LTSB); 19041-19045 Windows 10 2004-22H2;
 * 22000-22631 Windows 11 21H2-23H2; 26100-26200 Windows 11 24H2-25H2. No public source was found
 * for the others (1809 / Server 2019 but for two descriptors, Server 2022, Server 2025, which
 * shares 26100 with 24H2 but whose services no source lists): there the generic rows hold,
 * which say only what is true on every build, and a disabled service is set back to what the
 * nearest covered builds ship. */
#include "wufix/base/defaults.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

/* The rows' text is in messages.inc (M_SDDL_*, M_DEF_*), said by number: the
 * descriptors (wuauserv, UsoSvc and WaaSMedicSvc share one [S1][S3][S23][S30];
 * Delivery Optimization's NT SERVICE\DoSvc ACE changed in Windows 11 [S30]),
 * image paths, ServiceDlls, accounts and dependencies. NONE: not known (NULL);
 * EMPTY: "". */
#define NONE  0xFFFFu
#define EMPTY 0xFFFEu

#define B(t)       WF_START_BIT(WF_START_##t)
#define NOT_OFF    (B(AUTO) | B(AUTO_DELAYED) | B(MANUAL))
#define LAST_BUILD 0xffffffffu
#define ALL_BUILDS (WF_BUILDS_1607 | WF_BUILDS_10 | WF_BUILDS_11 | WF_BUILDS_24H2)
#define WU_SHARE   WF_TYPE_SHARE

/* A row as kept in the exe: struct wf_default with its text as message
 * numbers (2 bytes, not a pointer and a literal) and its numbers in a byte
 * each; wf_defaults_table() gives the rows with their text. The earlier
 * builds' image paths keep the registry's spelling (%systemroot%\system32),
 * compared expanded. */
struct row {
    uint16_t name;
    uint8_t builds;
    uint16_t display_name;
    uint8_t types, start_type, start_ok;
    bool manual_needs_trigger, own_program, svchost;
    uint16_t image_path, service_dll, account, depends_on, sddl;
};

/* Rows of one service follow each other; the generic row comes last. After the
 * trigger flag: own_program, svchost. */
static const struct row table[] = {
    /* wuauserv: Manual (+ trigger start) on every build [S38][S26][S30][S41][NOH][WU25][ATL]; -p since
     * 1703 [S40]. */
    {M_WUAUSERV, WF_BUILDS_1607, M_DEF_WINDOWS_UPDATE, WU_SHARE, WF_START_MANUAL, B(MANUAL), false, false,
     true, M_DEF_EXE_K_NETSVCS, M_DEF_SYSTEM32_WUAUENG_DLL, M_DEF_LOCALSYSTEM, M_DEF_RPCSS, M_SDDL_WU},
    {M_WUAUSERV, WF_BUILDS_10 | WF_BUILDS_11, M_DEF_WINDOWS_UPDATE, WU_SHARE, WF_START_MANUAL, B(MANUAL),
     false, false, true, M_DEF_K_NETSVCS_P, M_DEF_SYSTEM32_WUAUENG_DLL, M_DEF_LOCALSYSTEM, M_DEF_RPCSS,
     M_SDDL_WU},
    {M_WUAUSERV, WF_BUILDS_24H2, M_DEF_WINDOWS_UPDATE, WU_SHARE, WF_START_MANUAL, B(MANUAL), false, false,
     true, M_DEF_K_NETSVCS_P, NONE, NONE, M_DEF_RPCSS, NONE},
    {M_WUAUSERV, WF_BUILDS_S2019, M_DEF_WINDOWS_UPDATE, WU_SHARE, WF_START_MANUAL, NOT_OFF, false, false,
     true, NONE, NONE, NONE, NONE, M_SDDL_WU},
    {M_WUAUSERV, 0, M_DEF_WINDOWS_UPDATE, WU_SHARE, WF_START_MANUAL, NOT_OFF, false, false, true, NONE, NONE,
     NONE, NONE, NONE},
    /* UsoSvc: Manual with usocore.dll on 1607 [S38][S40]; Automatic (delayed) with usosvc.dll from
     * 19041 [S26][S30]; Automatic on 26100-26200, the delay not said [NOH][WU25]. */
    {M_USOSVC, WF_BUILDS_1607, M_DEF_UPDATE_ORCHESTRATOR_SERVICE, WU_SHARE, WF_START_MANUAL, B(MANUAL), false,
     false, true, M_DEF_EXE_K_NETSVCS, M_DEF_SYSTEM32_USOCORE_DLL, M_DEF_LOCALSYSTEM, M_DEF_RPCSS, NONE},
    {M_USOSVC, WF_BUILDS_10 | WF_BUILDS_11, M_DEF_UPDATE_ORCHESTRATOR_SERVICE, WU_SHARE,
     WF_START_AUTO_DELAYED, B(AUTO_DELAYED), false, false, true, M_DEF_K_NETSVCS_P, M_DEF_SYSTEM32_USOSVC_DLL,
     M_DEF_LOCALSYSTEM, M_DEF_RPCSS, M_SDDL_WU},
    {M_USOSVC, WF_BUILDS_24H2, M_DEF_UPDATE_ORCHESTRATOR_SERVICE, WU_SHARE, WF_START_AUTO,
     B(AUTO) | B(AUTO_DELAYED), false, false, true, M_DEF_K_NETSVCS_P, NONE, NONE, M_DEF_RPCSS, NONE},
    {M_USOSVC, 0, M_DEF_UPDATE_ORCHESTRATOR_SERVICE, WU_SHARE, WF_START_AUTO_DELAYED, NOT_OFF, false, false,
     true, NONE, NONE, NONE, NONE, NONE},
    /* BITS: Manual, and Automatic (delayed) while it has jobs [BITSDOC][S38][S42][S30][NOH][WU25]. */
    {M_BITS, WF_BUILDS_1607, M_DEF_INTELLIGENT_TRANSFER_SERVICE, WU_SHARE, WF_START_MANUAL,
     B(MANUAL) | B(AUTO_DELAYED), false, false, true, M_DEF_EXE_K_NETSVCS_2, M_DEF_SYSTEM32_QMGR_DLL,
     M_DEF_LOCALSYSTEM, M_DEF_RPCSS_2, M_SDDL_BITS},
    {M_BITS, WF_BUILDS_10 | WF_BUILDS_11, M_DEF_INTELLIGENT_TRANSFER_SERVICE, WU_SHARE, WF_START_MANUAL,
     B(MANUAL) | B(AUTO_DELAYED), false, false, true, M_DEF_K_NETSVCS_P_2, M_DEF_SYSTEM32_QMGR_DLL,
     M_DEF_LOCALSYSTEM, M_DEF_RPCSS_2, M_SDDL_BITS},
    {M_BITS, WF_BUILDS_24H2, M_DEF_INTELLIGENT_TRANSFER_SERVICE, WU_SHARE, WF_START_MANUAL,
     B(MANUAL) | B(AUTO_DELAYED), false, false, true, M_DEF_K_NETSVCS_P_2, NONE, NONE, M_DEF_RPCSS_2, NONE},
    {M_BITS, WF_BUILDS_S2019, M_DEF_INTELLIGENT_TRANSFER_SERVICE, WU_SHARE, WF_START_MANUAL, NOT_OFF, false,
     false, true, NONE, NONE, NONE, NONE, M_SDDL_BITS},
    {M_BITS, 0, M_DEF_INTELLIGENT_TRANSFER_SERVICE, WU_SHARE, WF_START_MANUAL, NOT_OFF, false, false, true,
     NONE, NONE, NONE, NONE, NONE},
    /* CryptSvc: Automatic [S38][NOH]; shared on Windows 10, own process on Windows 11 [S30]. */
    {M_CRYPTSVC, WF_BUILDS_1607, M_DEF_CRYPTOGRAPHIC_SERVICES, WU_SHARE, WF_START_AUTO, B(AUTO), false, false,
     true, M_DEF_EXE_K_NETWORKSERVICE, M_DEF_SYSTEM32_CRYPTSVC_DLL, M_DEF_NT_AUTHORITY_NETWORKSERVICE,
     M_DEF_RPCSS_2, NONE},
    {M_CRYPTSVC, WF_BUILDS_10 | WF_BUILDS_11, M_DEF_CRYPTOGRAPHIC_SERVICES, WU_SHARE | WF_TYPE_OWN,
     WF_START_AUTO, B(AUTO), false, false, true, M_DEF_K_NETWORKSERVICE_P, M_DEF_SYSTEM32_CRYPTSVC_DLL,
     M_DEF_NT_AUTHORITY_NETWORKSERVICE, M_DEF_RPCSS_2, M_SDDL_CRYPT},
    {M_CRYPTSVC, WF_BUILDS_24H2, M_DEF_CRYPTOGRAPHIC_SERVICES, WU_SHARE | WF_TYPE_OWN, WF_START_AUTO, B(AUTO),
     false, false, true, M_DEF_K_NETWORKSERVICE_P, NONE, NONE, M_DEF_RPCSS_2, NONE},
    {M_CRYPTSVC, 0, M_DEF_CRYPTOGRAPHIC_SERVICES, WU_SHARE | WF_TYPE_OWN, WF_START_AUTO, NOT_OFF, false,
     false, true, NONE, NONE, NONE, NONE, NONE},
    /* DoSvc: Manual with a trigger, Automatic or Automatic (delayed) with Delivery Optimization's
     * mode [S26][PSX][NOH]; LocalSystem in netsvcs on 1607, written back there as Start=2 with
     * DelayedAutoStart=1 [S40]; NetworkService since 1709 [S41][S43]; the NT SERVICE\DoSvc ACE
     * changed in Windows 11 [S30]. Launch-protected since 1809 [S26]: asked of Windows at run
     * time, never kept here. */
    {M_DOSVC, WF_BUILDS_1607, M_DEF_DELIVERY_OPTIMIZATION, WU_SHARE, WF_START_AUTO_DELAYED, NOT_OFF, true,
     false, true, M_DEF_EXE_K_NETSVCS_2, M_DEF_SYSTEM32_DOSVC_DLL, M_DEF_LOCALSYSTEM, M_DEF_RPCSS, NONE},
    {M_DOSVC, WF_BUILDS_10, M_DEF_DELIVERY_OPTIMIZATION, WU_SHARE, WF_START_AUTO_DELAYED, NOT_OFF, true,
     false, true, M_DEF_K_NETWORKSERVICE_P_2, M_DEF_SYSTEM32_DOSVC_DLL, M_DEF_NT_AUTHORITY_NETWORKSERVICE,
     M_DEF_RPCSS, M_SDDL_DO_DCRC},
    {M_DOSVC, WF_BUILDS_11, M_DEF_DELIVERY_OPTIMIZATION, WU_SHARE, WF_START_AUTO_DELAYED, NOT_OFF, true,
     false, true, M_DEF_K_NETWORKSERVICE_P_2, M_DEF_SYSTEM32_DOSVC_DLL, M_DEF_NT_AUTHORITY_NETWORKSERVICE,
     M_DEF_RPCSS, M_SDDL_DO_DCWPRC},
    {M_DOSVC, WF_BUILDS_24H2, M_DEF_DELIVERY_OPTIMIZATION, WU_SHARE, WF_START_AUTO, NOT_OFF, true, false,
     true, M_DEF_K_NETWORKSERVICE_P_2, NONE, NONE, M_DEF_RPCSS, NONE},
    {M_DOSVC, 0, M_DEF_DELIVERY_OPTIMIZATION, WU_SHARE, WF_START_AUTO_DELAYED, NOT_OFF, false, false, true,
     NONE, NONE, NONE, NONE, NONE},
    /* WaaSMedicSvc: since 1803, so not on 1607 [S23][S30]; Manual on 26100-26200 [NOH][WU25][5095]. */
    {M_WAASMEDICSVC, WF_BUILDS_10 | WF_BUILDS_11, M_DEF_UPDATE_MEDIC_SERVICE, WU_SHARE, WF_START_MANUAL,
     B(MANUAL), false, false, true, M_DEF_K_WUSVCS_P, M_DEF_SYSTEM32_WAASMEDICSVC_DLL, M_DEF_LOCALSYSTEM,
     M_DEF_RPCSS, M_SDDL_WU},
    {M_WAASMEDICSVC, WF_BUILDS_24H2, M_DEF_UPDATE_MEDIC_SERVICE, WU_SHARE, WF_START_MANUAL, B(MANUAL), false,
     false, true, M_DEF_K_WUSVCS_P, NONE, NONE, M_DEF_RPCSS, NONE},
    {M_WAASMEDICSVC, 0, M_DEF_UPDATE_MEDIC_SERVICE, WU_SHARE, WF_START_MANUAL, NOT_OFF, false, false, true,
     NONE, NONE, NONE, NONE, NONE},
    /* TrustedInstaller: own process, no ServiceDll; Administrators lack SD/WD/WO [S41][S38][S30];
     * Manual, no dependencies on 26100-26200 [NOH]. */
    {M_TRUSTEDINSTALLER, WF_BUILDS_1607 | WF_BUILDS_10 | WF_BUILDS_11, M_DEF_WINDOWS_MODULES_INSTALLER,
     WF_TYPE_OWN, WF_START_MANUAL, B(MANUAL), false, true, false, M_DEF_SERVICING_TRUSTEDINSTALLER_EXE, NONE,
     M_DEF_LOCALSYSTEM_2, EMPTY, M_SDDL_TI},
    {M_TRUSTEDINSTALLER, WF_BUILDS_24H2, M_DEF_WINDOWS_MODULES_INSTALLER, WF_TYPE_OWN, WF_START_MANUAL,
     B(MANUAL), false, true, false, M_DEF_SERVICING_TRUSTEDINSTALLER_EXE, NONE, NONE, EMPTY, NONE},
    {M_TRUSTEDINSTALLER, 0, M_DEF_WINDOWS_MODULES_INSTALLER, WF_TYPE_OWN, WF_START_MANUAL, NOT_OFF, false,
     true, false, NONE, NONE, NONE, NONE, NONE},
    /* AppReadiness and wlidsvc: Manual [S38][S38b][FUP][NOH]; nothing else of theirs is compared. */
    {M_APPREADINESS, ALL_BUILDS, M_DEF_APP_READINESS, WU_SHARE, WF_START_MANUAL, NOT_OFF, false, false, true,
     NONE, NONE, NONE, NONE, NONE},
    {M_WLIDSVC, ALL_BUILDS, M_DEF_SIGN_IN_ASSISTANT, WU_SHARE, WF_START_MANUAL, NOT_OFF, false, false, true,
     NONE, NONE, NONE, NONE, NONE},
};

#define NROWS (sizeof(table) / sizeof(table[0]))

static const char *text(uint16_t id)
{
    return id == NONE ? NULL : id == EMPTY ? "" : wf_m((enum wf_message)id);
}

/* The rows with their text, made by the first call: wf_main asks before any
 * other thread starts (as for the text itself, prose.h). */
static const struct wf_default *rows(void)
{
    static struct wf_default r[NROWS];
    static bool made;
    for (size_t i = 0; !made && i < NROWS; i++) {
        const struct row *t = &table[i];
        r[i] = (struct wf_default){text(t->name),
                                   t->builds,
                                   text(t->display_name),
                                   t->types,
                                   (enum wf_start_type)t->start_type,
                                   t->start_ok,
                                   t->manual_needs_trigger,
                                   t->own_program,
                                   t->svchost,
                                   text(t->image_path),
                                   text(t->service_dll),
                                   text(t->account),
                                   text(t->depends_on),
                                   text(t->sddl)};
    }
    made = true;
    return r;
}

const struct wf_default *wf_defaults_table(size_t *n)
{
    *n = NROWS;
    return rows();
}

/* `server`: a source gives these builds' defaults for Windows Server too
 * ([S38] for Server 2016); no source lists Server 2025's services. `part`: a
 * Server build with only a few sourced values: not covered, only its rows'
 * values compared, and never the nearest build for another. */
enum { CLIENT = 1, SERVER = 2, PART = 4 };
static const struct {
    unsigned bit, min, max, kind;
} ranges[] = {{WF_BUILDS_1607, 14393, 14393, CLIENT | SERVER},
              {WF_BUILDS_10, 19041, 19045, CLIENT},
              {WF_BUILDS_11, 22000, 22631, CLIENT},
              {WF_BUILDS_24H2, 26100, 26200, CLIENT},
              {WF_BUILDS_S2019, 17763, 17763, SERVER | PART}};
#define NRANGES (sizeof(ranges) / sizeof(ranges[0]))

/* The range of `build` (NRANGES when none). */
static size_t range_of(unsigned build)
{
    unsigned kind = build & WF_BUILD_SERVER ? SERVER : CLIENT;
    build &= ~WF_BUILD_SERVER;
    for (size_t i = 0; i < NRANGES; i++)
        if (build >= ranges[i].min && build <= ranges[i].max && (ranges[i].kind & kind))
            return i;
    return NRANGES;
}

/* The WF_BUILDS_ bit of `build`, 0 when none covers it. */
static unsigned family(unsigned build)
{
    size_t i = range_of(build);
    return i < NRANGES ? ranges[i].bit : 0;
}

bool wf_defaults_covered(unsigned build)
{
    size_t i = range_of(build);
    return i < NRANGES && !(ranges[i].kind & PART);
}

void wf_defaults_covered_words(char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < NRANGES && o < size; i++) {
        if (ranges[i].kind & PART)
            continue;
        int n = ranges[i].min == ranges[i].max
                    ? snprintf(buf + o, size - o, "%s%u", o ? ", " : "", ranges[i].min)
                    : snprintf(buf + o, size - o, "%s%u-%u", o ? ", " : "", ranges[i].min, ranges[i].max);
        o += n > 0 ? (size_t)n : 0;
    }
}

const struct wf_default *wf_defaults_for(const char *name, unsigned build)
{
    unsigned bit = family(build);
    const struct wf_default *generic = NULL, *all = rows();
    for (size_t i = 0; i < NROWS; i++) {
        const struct wf_default *d = &all[i];
        if (wf_name_cmp(d->name, name) != 0)
            continue;
        if (bit && (d->builds & bit))
            return d;
        if (!d->builds)
            generic = d;
    }
    /* A covered build without a row lacks the service (WaaSMedicSvc on 1607); a partly
     * covered one takes the generic row for the rest. */
    return !bit || !wf_defaults_covered(build) ? generic : NULL;
}

/* How far `build` lies from range i. */
static unsigned distance(size_t i, unsigned build)
{
    return build < ranges[i].min ? ranges[i].min - build : build > ranges[i].max ? build - ranges[i].max : 0;
}

enum wf_start_type wf_defaults_target(const struct wf_default *d, unsigned build)
{
    build &= ~WF_BUILD_SERVER;
    if (d->builds || build == WF_BUILD_UNKNOWN)
        return d->start_type;
    /* The nearest covered range that has the service (WaaSMedicSvc is not on 1607). */
    const struct wf_default *best = NULL;
    unsigned far = 0;
    for (size_t i = 0; i < NRANGES; i++) {
        if (ranges[i].kind & PART)
            continue;
        const struct wf_default *r = wf_defaults_for(d->name, ranges[i].min);
        if (r && (!best || distance(i, build) < far)) {
            best = r;
            far = distance(i, build);
        }
    }
    return best ? best->start_type : d->start_type;
}

const struct wf_default *wf_defaults_find(const char *name)
{
    const struct wf_default *all = rows();
    for (size_t i = 0; i < NROWS; i++)
        if (wf_name_cmp(all[i].name, name) == 0)
            return &all[i];
    return NULL;
}

bool wf_defaults_start_ok(const struct wf_default *d, enum wf_start_type t, int triggers)
{
    if (!(d->start_ok & WF_START_BIT(t)))
        return false;
    /* A trigger Windows did not say anything about is not held against it. */
    return t != WF_START_MANUAL || !d->manual_needs_trigger || triggers != 0;
}

void wf_defaults_start_words(const struct wf_default *d, char *buf, size_t size)
{
    static const enum wf_start_type order[] = {WF_START_AUTO, WF_START_AUTO_DELAYED, WF_START_MANUAL};
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        if (!(d->start_ok & WF_START_BIT(order[i])))
            continue;
        bool trig = order[i] == WF_START_MANUAL && d->manual_needs_trigger;
        int n = snprintf(buf + o, size - o, "%s%s%s", o ? " or " : "", wf_start_token(order[i]),
                         trig ? WF_M(M_WITH_A_TRIGGER) : "");
        if (n < 0 || (size_t)n >= size - o)
            return;
        o += (size_t)n;
    }
}

/* Windows' own recovery (what the SCM does when the service fails), only
 * where a public source gives it for the build; any other service or build
 * is not compared (SPEC 4).
 *   WaaSMedicSvc, 22621: its component manifest's failureActions [S23]:
 *     resetPeriod="900", restartService after 120000 and 300000 ms, then none
 *     (Aetherinox's windows-updates-unpause.reg writes the same bytes back);
 *   22631: "Windows 11, version 22H2 and version 23H2 share a common core
 *     operating system with an identical set of system files" (Microsoft,
 *     KB5027397, the 23H2 enablement package). */
static const struct {
    const char *name;
    unsigned lo, hi;
    struct wf_recovery r;
} recoveries[] = {
    {"WaaSMedicSvc", 22621, 22631, {900, 3, true, {1, 1, 0}, {120000, 300000, 0}}},
};

const struct wf_recovery *wf_defaults_recovery(const char *name, unsigned build)
{
    for (size_t i = 0; i < sizeof(recoveries) / sizeof(recoveries[0]); i++)
        if (wf_name_cmp(name, recoveries[i].name) == 0 && build >= recoveries[i].lo &&
            build <= recoveries[i].hi)
            return &recoveries[i].r;
    return NULL;
}

void wf_defaults_recovery_words(const struct wf_recovery *r, char *buf, size_t size)
{
    size_t o = 0;
    for (uint32_t i = 0; i < r->n && i < WF_RECOVERY_MAX && o < size; i++)
        if (r->type[i] == 1) /* every delay and period here is whole minutes */
            o += (size_t)snprintf(buf + o, size - o, "%s%u min", o ? ", " : WF_M(M_RESTART_AFTER),
                                  (unsigned)(r->delay[i] / 60000));
    if (o < size)
        snprintf(buf + o, size - o, WF_M(M_RESET_AFTER_U_MIN), (unsigned)(r->reset / 60));
}

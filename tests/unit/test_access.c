/* SPDX-License-Identifier: MIT */
/* test_access.c - Windows' access rules without Windows: every descriptor
 * wufix lays, parsed with the project's SDDL code and held against wufix's
 * own judge; the judge held against descriptors Windows ships, written from
 * public listings (each names its source); and each right read by its
 * object's type (winnt.h, winsvc.h values). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "wufix/base/defaults.h"
#include "wufix/base/descriptors.h"
#include "wufix/base/sddl.h"
#include "wufix/mech/trust.h"

#define TI       "S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464"
#define USER_SID "S-1-5-21-1004336348-1177238915-682003330-1001"

static wf_err judge(const char *sddl, enum wf_object type, bool children, char *why, size_t size)
{
    struct wf_folder_sec s;
    assert_int_equal(wf_trust_from_sddl(sddl, &s), WF_OK);
    return wf_trust_object(&s, type, children, NULL, why, size);
}

/* One bit, four meanings (winnt.h; Microsoft Learn, "File Security and
 * Access Rights", "Registry Key Security and Access Rights", "Service
 * Security and Access Rights"). */
/* Each type's whole write set, spelt from winnt.h's names (not from the
 * code's tables): a bit added to or dropped from any set fails here.
 * MAXIMUM_ALLOWED in an entry asks for whatever may be had. */
#define WINNT_DELETE                 0x00010000u
#define WINNT_WRITE_DAC              0x00040000u
#define WINNT_WRITE_OWNER            0x00080000u
#define WINNT_MAXIMUM_ALLOWED        0x02000000u
#define WINNT_FILE_WRITE_DATA        0x0002u /* FILE_ADD_FILE on a folder */
#define WINNT_FILE_APPEND_DATA       0x0004u /* FILE_ADD_SUBDIRECTORY on a folder */
#define WINNT_FILE_WRITE_EA          0x0010u
#define WINNT_FILE_DELETE_CHILD      0x0040u
#define WINNT_FILE_WRITE_ATTRIBUTES  0x0100u
#define WINNT_KEY_SET_VALUE          0x0002u
#define WINNT_KEY_CREATE_SUB_KEY     0x0004u
#define WINNT_KEY_CREATE_LINK        0x0020u
#define WINSVC_SERVICE_CHANGE_CONFIG 0x0002u
#define ANY_OBJECT                   (WINNT_DELETE | WINNT_WRITE_DAC | WINNT_WRITE_OWNER | WINNT_MAXIMUM_ALLOWED)

static void test_access_whole_write_sets(void **state)
{
    (void)state;
    const uint32_t file = ANY_OBJECT | WINNT_FILE_WRITE_DATA | WINNT_FILE_APPEND_DATA | WINNT_FILE_WRITE_EA |
                          WINNT_FILE_WRITE_ATTRIBUTES;
    assert_int_equal(wf_rights_write(WF_OBJ_FILE), file);
    assert_int_equal(wf_rights_write(WF_OBJ_FOLDER), file | WINNT_FILE_DELETE_CHILD);
    assert_int_equal(wf_rights_write(WF_OBJ_KEY),
                     ANY_OBJECT | WINNT_KEY_SET_VALUE | WINNT_KEY_CREATE_SUB_KEY | WINNT_KEY_CREATE_LINK);
    assert_int_equal(wf_rights_write(WF_OBJ_SERVICE), ANY_OBJECT | WINSVC_SERVICE_CHANGE_CONFIG);
    /* A folder on the way: what renames what it holds (deleting a child). */
    assert_int_equal(wf_rights_write(WF_OBJ_PARENT), ANY_OBJECT | WINNT_FILE_DELETE_CHILD);
}

static void test_access_rights_are_per_type(void **state)
{
    (void)state;
    /* 0x10: FILE_WRITE_EA on a file or folder; KEY_NOTIFY (read) on a key;
     * SERVICE_START on a service (not a change of it). */
    assert_true(wf_rights_write(WF_OBJ_FILE) & 0x10u);
    assert_true(wf_rights_write(WF_OBJ_FOLDER) & 0x10u);
    assert_false(wf_rights_write(WF_OBJ_KEY) & 0x10u);
    assert_false(wf_rights_write(WF_OBJ_SERVICE) & 0x10u);
    /* 0x20: FILE_EXECUTE/FILE_TRAVERSE; KEY_CREATE_LINK writes to a key. */
    assert_false(wf_rights_write(WF_OBJ_FOLDER) & 0x20u);
    assert_true(wf_rights_write(WF_OBJ_KEY) & 0x20u);
    /* 0x40: FILE_DELETE_CHILD on a folder only. */
    assert_true(wf_rights_write(WF_OBJ_FOLDER) & 0x40u);
    assert_false(wf_rights_write(WF_OBJ_FILE) & 0x40u);
    assert_true(wf_rights_write(WF_OBJ_PARENT) & 0x40u);
    assert_false(wf_rights_write(WF_OBJ_PARENT) & 0x6u); /* adding to a parent renames nothing */
    /* 0x1: a read on every type. */
    for (int t = WF_OBJ_FILE; t <= WF_OBJ_PARENT; t++) {
        assert_false(wf_rights_write((enum wf_object)t) & 0x1u);
        /* DELETE, WRITE_DAC, WRITE_OWNER change any object. */
        assert_int_equal(wf_rights_write((enum wf_object)t) & 0xD0000u, 0xD0000u);
    }
    /* Generic bits through each type's mapping. */
    assert_int_equal(wf_rights_map(WF_OBJ_FILE, WF_GENERIC_READ), 0x120089u);
    assert_int_equal(wf_rights_map(WF_OBJ_FILE, WF_GENERIC_WRITE), 0x120116u);
    assert_int_equal(wf_rights_map(WF_OBJ_FILE, WF_GENERIC_EXECUTE), 0x1200A0u);
    assert_int_equal(wf_rights_map(WF_OBJ_FILE, WF_GENERIC_ALL), 0x1F01FFu);
    assert_int_equal(wf_rights_map(WF_OBJ_KEY, WF_GENERIC_READ | WF_GENERIC_EXECUTE), 0x20019u);
    assert_int_equal(wf_rights_map(WF_OBJ_KEY, WF_GENERIC_WRITE), 0x20006u);
    assert_int_equal(wf_rights_map(WF_OBJ_KEY, WF_GENERIC_ALL), 0xF003Fu);
    assert_int_equal(wf_rights_map(WF_OBJ_SERVICE, WF_GENERIC_ALL), WF_SR_ALL);
    assert_int_equal(wf_rights_map(WF_OBJ_SERVICE, WF_GENERIC_WRITE),
                     WF_SR_READ_CONTROL | WF_SR_CHANGE_CONFIG);
    assert_false(wf_rights_map(WF_OBJ_KEY, WF_GENERIC_READ) & wf_rights_write(WF_OBJ_KEY));
    assert_false(wf_rights_map(WF_OBJ_FOLDER, WF_GENERIC_READ | WF_GENERIC_EXECUTE) &
                 wf_rights_write(WF_OBJ_FOLDER));
    assert_true(wf_rights_map(WF_OBJ_KEY, WF_GENERIC_WRITE) & wf_rights_write(WF_OBJ_KEY));
    assert_false(wf_rights_map(WF_OBJ_SERVICE, WF_GENERIC_EXECUTE) & wf_rights_write(WF_OBJ_SERVICE));
    /* The SDDL rows as the access mask holds them (sddl.h; winnt.h). */
    struct wf_sddl d;
    assert_int_equal(
        wf_sddl_parse("D:(A;OICIIO;FA;;;SY)(A;CI;KR;;;BU)(A;;KA;;;BA)(A;;GAGR;;;CO)(A;NPID;FRFX;;;AU)", &d),
        WF_OK);
    assert_int_equal(d.nace, 5);
    assert_int_equal(d.ace[0].mask, 0x1F01FFu);
    assert_int_equal(d.ace[0].flags, WF_ACE_OI | WF_ACE_CI | WF_ACE_IO);
    assert_true(d.ace[0].inherit_only);
    assert_int_equal(d.ace[1].mask, 0x20019u);
    assert_int_equal(d.ace[1].flags, WF_ACE_CI);
    assert_int_equal(d.ace[2].mask, 0xF003Fu);
    assert_int_equal(d.ace[3].mask, WF_GENERIC_ALL | WF_GENERIC_READ);
    assert_string_equal(d.ace[3].sid, "CO");
    assert_int_equal(d.ace[4].mask, 0x120089u | 0x1200A0u);
    assert_int_equal(d.ace[4].flags, WF_ACE_NP | WF_ACE_ID);
    assert_int_equal(wf_sddl_parse("D:(A;XX;FA;;;SY)", &d), WF_E_BAD_DATA);
}

/* Every descriptor wufix lays is one its own judge trusts. */
static void test_access_wufix_trusts_what_it_lays(void **state)
{
    (void)state;
    char why[256];
    struct wf_folder_sec s;
    /* The state folder, what it holds judged too. */
    assert_int_equal(judge(WF_SDDL_STATE_DIR, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_OK);
    assert_int_equal(judge(WF_SDDL_STATE_DIR_OLD, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_OK);
    /* Users get nothing on it: nobody but SYSTEM and Administrators is named. */
    assert_int_equal(wf_trust_from_sddl(WF_SDDL_STATE_DIR, &s), WF_OK);
    assert_true(s.has_dacl);
    assert_int_equal(s.nace, 2);
    for (size_t i = 0; i < s.nace; i++)
        assert_true(wf_trust_sid(s.ace[i].sid));
    assert_false(wf_trust_names_others(&s, NULL));
    /* An earlier wufix's folder is trusted, and its list narrowed to this one. */
    assert_int_equal(wf_trust_from_sddl(WF_SDDL_STATE_DIR_OLD, &s), WF_OK);
    assert_true(wf_trust_names_others(&s, NULL));
    /* The journal: its owner is who creates it, an elevated administrator. */
    assert_int_equal(wf_trust_from_sddl(WF_SDDL_JOURNAL, &s), WF_OK);
    wf_strlcpy(s.owner, "BA", sizeof(s.owner));
    assert_int_equal(wf_trust_object(&s, WF_OBJ_FILE, false, NULL, why, sizeof(why)), WF_OK);
    /* The anchor's key, as this wufix and every earlier one laid it. */
    assert_int_equal(judge(WF_SDDL_ANCHOR_KEY, WF_OBJ_KEY, true, why, sizeof(why)), WF_OK);
    /* Judged with a folder's rights, Users' KEY_READ holds 0x10 and reads as
     * FILE_WRITE_EA: the judge that made every changing run exit 8. */
    assert_int_equal(judge(WF_SDDL_ANCHOR_KEY, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "BU may write to it (rights 0x00020019)"));
    /* The service descriptors repair restores: nobody but SYSTEM,
     * Administrators and TrustedInstaller may change a service
     * (SERVICE_CHANGE_CONFIG, DELETE, WRITE_DAC, WRITE_OWNER); a descriptor
     * as the SCM keeps it may name no owner, and the question here is only
     * who else may change it. A service's own SID (S-1-5-80-..., NT
     * SERVICE\NAME: Windows gives DoSvc's the right to change DoSvc) is
     * held by that service's processes alone, never by a user. */
    size_t n;
    const struct wf_default *d = wf_defaults_table(&n);
    size_t judged = 0;
    for (size_t i = 0; i < n; i++) {
        if (!d[i].sddl)
            continue;
        if (wf_trust_from_sddl(d[i].sddl, &s) != WF_OK)
            fail_msg("%s: its descriptor does not parse", d[i].name);
        if (!s.owner[0])
            wf_strlcpy(s.owner, "SY", sizeof(s.owner));
        for (size_t k = 0; k < s.nace; k++)
            if (strncmp(s.ace[k].sid, "S-1-5-80-", 9) == 0)
                s.ace[k].kind = WF_ACE_DENY; /* set apart: not a user's */
        if (wf_trust_object(&s, WF_OBJ_SERVICE, false, NULL, why, sizeof(why)) != WF_OK)
            fail_msg("%s: %s", d[i].name, why);
        judged++;
    }
    assert_true(judged > 0);
}

/* A key anyone but SYSTEM, Administrators and TrustedInstaller may write to
 * vouches for nothing. */
static void test_access_key_others_may_write_is_untrusted(void **state)
{
    (void)state;
    char why[256];
    static const struct {
        const char *sddl, *reason;
    } bad[] = {
        {"O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CI;KW;;;BU)", "BU may write"},
        {"O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;;0x2;;;AU)", "AU may write"},  /* KEY_SET_VALUE */
        {"O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;;0x20;;;BU)", "BU may write"}, /* KEY_CREATE_LINK */
        {"O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;;GW;;;WD)", "WD may write"},
        {"O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;;WD;;;BU)", "BU may write"},
        {"O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CIIO;KA;;;BU)", "inherited by what is created in it"},
        {"O:" USER_SID "D:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)", "its owner is"},
        {"O:BA", "no access list"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        if (judge(bad[i].sddl, WF_OBJ_KEY, true, why, sizeof(why)) != WF_E_UNTRUSTED)
            fail_msg("trusted: %s", bad[i].sddl);
        if (!strstr(why, bad[i].reason))
            fail_msg("%s: '%s'", bad[i].sddl, why);
    }
    /* Read rights, a deny, TrustedInstaller: still administrators' alone. */
    assert_int_equal(judge("O:SYD:P(A;;KA;;;" TI ")(A;;GRGX;;;WD)(D;;KA;;;AN)(A;;KR;;;AC)", WF_OBJ_KEY, true,
                           why, sizeof(why)),
                     WF_OK);
}

/* D:NO_ACCESS_CONTROL is a NULL DACL (SDDL_NULL_ACL, Microsoft Learn,
 * "Security Descriptor String Format"): everyone every right, so never
 * trusted and never short of rights. A hex mask wider than 32 bits is not
 * an access mask. */
static void test_access_null_dacl_and_wide_masks(void **state)
{
    (void)state;
    char why[256];
    struct wf_sddl d;
    assert_int_equal(wf_sddl_parse("O:BAD:NO_ACCESS_CONTROL", &d), WF_OK);
    assert_false(d.has_dacl);
    assert_true(wf_sddl_meaningful(&d));
    assert_int_equal(wf_sddl_rights(&d, WF_PRINCIPAL_ADMIN), WF_SR_ALL);
    assert_int_equal(wf_sddl_parse("D:NO_ACCESS_CONTROL", &d), WF_OK);
    assert_true(wf_sddl_meaningful(&d));
    assert_int_equal(judge("O:BAD:NO_ACCESS_CONTROL", WF_OBJ_KEY, true, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "no access list"));
    assert_int_equal(judge("O:SYD:NO_ACCESS_CONTROLS:", WF_OBJ_FOLDER, true, why, sizeof(why)),
                     WF_E_UNTRUSTED);
    /* D:P with no entries: an empty DACL, nobody any right. */
    assert_int_equal(wf_sddl_parse("O:BAD:P", &d), WF_OK);
    assert_true(d.has_dacl);
    assert_int_equal(wf_sddl_rights(&d, WF_PRINCIPAL_ADMIN), 0);
    assert_int_equal(wf_sddl_parse("D:(A;;0x100000002;;;BU)", &d), WF_E_BAD_DATA);
    assert_int_equal(wf_sddl_parse("D:(A;;0x000F01FF;;;BU)", &d), WF_OK);
    assert_int_equal(d.ace[0].mask, 0xF01FFu);
}

/* OWNER RIGHTS (S-1-3-4, OW; Microsoft Learn, "Well-known SIDs") is the
 * object's owner: on the object itself the owner (already required to be
 * trusted), in inherit-only entries the child's creator, like CREATOR
 * OWNER. An untrusted owner is still refused. */
static void test_access_owner_rights(void **state)
{
    (void)state;
    char why[256];
    struct wf_folder_sec s;
    assert_int_equal(
        judge("O:BAD:P(A;;FA;;;SY)(A;;FA;;;BA)(A;;FA;;;OW)", WF_OBJ_FOLDER, true, why, sizeof(why)), WF_OK);
    assert_int_equal(
        judge("O:BAD:P(A;;KA;;;SY)(A;;KA;;;BA)(A;CIIO;KA;;;OW)", WF_OBJ_KEY, true, why, sizeof(why)), WF_OK);
    assert_int_equal(
        judge("O:BAD:P(A;;FA;;;SY)(A;;FA;;;BA)(A;OICI;FA;;;S-1-3-4)", WF_OBJ_FOLDER, true, why, sizeof(why)),
        WF_OK);
    assert_int_equal(
        judge("O:" USER_SID "D:P(A;;FA;;;SY)(A;;FA;;;OW)", WF_OBJ_FOLDER, true, why, sizeof(why)),
        WF_E_UNTRUSTED);
    assert_int_equal(wf_trust_from_sddl("O:BAD:P(A;;FA;;;SY)(A;;FA;;;BA)(A;OICIIO;FA;;;OW)", &s), WF_OK);
    assert_false(wf_trust_names_others(&s, NULL));
}

/* Object and callback entries (Microsoft Learn, "ACE strings"; "Security
 * Descriptor String Format"): OA without GUIDs is a plain allow, XA/XD carry
 * a condition with its own parentheses, an entry of an object type with a
 * GUID is an allow from someone not trusted. */
static void test_access_object_and_callback_entries(void **state)
{
    (void)state;
    char why[256];
    struct wf_sddl d;
    assert_int_equal(judge("O:BAD:P(A;;FA;;;SY)(OA;;FA;;;BU)", WF_OBJ_FOLDER, true, why, sizeof(why)),
                     WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "BU may write"));
    assert_int_equal(judge("O:BAD:P(A;;FA;;;SY)(XA;;FA;;;WD;(Member_of {SID(BA)}))(A;;FA;;;BA)",
                           WF_OBJ_FOLDER, true, why, sizeof(why)),
                     WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "WD may write"));
    assert_int_equal(judge("O:BAD:P(A;;FA;;;SY)(XA;;FA;;;BA;(@User.Title==\"a)b\"))", WF_OBJ_FOLDER, true,
                           why, sizeof(why)),
                     WF_OK);
    assert_int_equal(judge("O:BAD:P(A;;FA;;;SY)(OA;;FA;bf967aba-0de6-11d0-a285-00aa003049e2;;BA)",
                           WF_OBJ_FOLDER, true, why, sizeof(why)),
                     WF_E_UNTRUSTED);
    assert_int_equal(judge("O:BAD:P(A;;FA;;;SY)(ZA;;FA;;;BA)", WF_OBJ_FOLDER, true, why, sizeof(why)),
                     WF_E_UNTRUSTED);
    /* A conditional deny is a deny; parsing goes on past it. */
    assert_int_equal(wf_sddl_parse("D:(XD;;KA;;;BA;(Member_of {SID(WD)}))(A;;KA;;;SY)", &d), WF_OK);
    assert_int_equal(d.nace, 2);
    assert_false(d.ace[0].allow);
    assert_string_equal(d.ace[1].sid, "SY");
    /* Only administrators can read: a kept OA entry counts for them. */
    assert_int_equal(wf_sddl_parse("D:(OA;;KA;;;BA)", &d), WF_OK);
    assert_int_equal(d.nace, 1);
    assert_true(d.ace[0].allow);
}

/* The descriptors Windows ships, from public listings. */

/* C:\Windows, from a public `get-acl c:\windows | format-list` session on
 * Windows Server (its Sddl line, owner and group TrustedInstaller); the same
 * list appears as "Protected DACL from Windows folder" in the
 * cSecurityDescriptorSddl tests of the PowerShellAccessControl DSC module. */
#define WINDOWS_DIR                                                                                          \
    "O:" TI "G:" TI "D:PAI(A;OICIIO;GA;;;CO)(A;OICIIO;GA;;;SY)(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;BA)"          \
    "(A;;0x1301bf;;;BA)(A;OICIIO;GXGR;;;BU)(A;;0x1200a9;;;BU)(A;CIIO;GA;;;" TI ")(A;;FA;;;" TI ")"           \
    "(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)(A;;0x1200a9;;;S-1-15-2-2)(A;OICIIO;GXGR;;;S-1-15-2-2)"

/* HKLM\SOFTWARE, from the same session's `get-acl hklm:\software |
 * format-list` (owner Administrators, group SYSTEM). */
#define HKLM_SOFTWARE "O:BAG:SYD:PAI(A;CI;KA;;;CO)(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CI;KR;;;BU)(A;CI;KR;;;AC)"

/* A folder made at a drive's root, as `cacls /s` printed it in Microsoft's
 * "The Security Descriptor Definition Language of Love (Part 2)" (Ask the
 * Directory Services Team, 2008): inherited from the root, Users may add
 * subfolders (LC, 0x4) and files (DC, 0x2) to it, CREATOR OWNER's full
 * control is inherit-only. */
#define ROOT_FOLDER                                                                                          \
    "O:BAD:AI(D;OICI;FA;;;BG)(A;;FA;;;BA)(A;OICIID;FA;;;BA)(A;OICIID;FA;;;SY)(A;OICIIOID;GA;;;CO)"           \
    "(A;OICIID;0x1200a9;;;BU)(A;CIID;LC;;;BU)(A;CIID;DC;;;BU)"

/* C:\Program Files: the DACL as Squirrel.Windows quotes it ("This is the
 * DACL for Program Files", github.com/Squirrel/Squirrel.Windows,
 * src/Setup/MachineInstaller.cpp, with ALL APPLICATION PACKAGES' two
 * entries it adds on Windows 8 and later; PR #387 compared it with the
 * folder's own); owner and group TrustedInstaller as a public listing of
 * the folder shows them (github.com/p0dalirius/smbclient-ng/pull/118:
 * "Program Files\ Owner: NT SERVICE\TrustedInstaller"). */
#define PROGRAM_FILES                                                                                        \
    "O:" TI "G:" TI "D:PAI(A;;FA;;;" TI ")(A;CIIO;GA;;;" TI ")(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)"          \
    "(A;;0x1301bf;;;BA)(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;OICIIO;GA;;;CO)"           \
    "(A;;0x1200a9;;;AC)(A;OICIIO;GXGR;;;AC)"

/* C:\Windows\System32 as `icacls C:\Windows\System32` printed it on Windows 11
 * 10.0.26200 (github.com/mrabterminal-tech/soc-analyst-portfolio,
 * home-lab-setup.md): TrustedInstaller (F) and (CI)(IO)(F); SYSTEM and
 * Administrators (M) and (OI)(CI)(IO)(F); Users (RX) and (OI)(CI)(IO)(GR,GE);
 * CREATOR OWNER (OI)(CI)(IO)(F). icacls' letters as winnt.h's masks: F is
 * FILE_ALL_ACCESS (FA), M 0x1301bf, RX 0x1200a9 ("icacls", Microsoft Learn).
 * icacls prints no owner: TrustedInstaller, as C:\Windows above has it. */
#define SYSTEM32                                                                                             \
    "O:" TI "D:(A;;FA;;;" TI ")(A;CIIO;GA;;;" TI ")(A;;0x1301bf;;;SY)(A;OICIIO;GA;;;SY)(A;;0x1301bf;;;BA)"   \
    "(A;OICIIO;GA;;;BA)(A;;0x1200a9;;;BU)(A;OICIIO;GXGR;;;BU)(A;OICIIO;GA;;;CO)"

/* C:\ProgramData: owner SYSTEM; SYSTEM and Administrators full control;
 * CREATOR OWNER full control of what is made in it (inherit-only); Users
 * read and execute, and on the folder and every folder below it (CI) add
 * file, add subfolder, write extended attributes and attributes: icacls
 * spells it BUILTIN\Users:(CI)(WD,AD,WEA,WA), 0x116 (the accesschk dump at
 * pastebin.com/kf7ZLSM0 that shared/research/state-folder-security.md cites;
 * chocolatey/choco#398: "A non-admin can write to the programdata folder"). */
#define PROGRAM_DATA                                                                                         \
    "O:SYG:SYD:PAI(A;OICIIO;GA;;;CO)(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)"                  \
    "(A;CI;DCLCRPCR;;;BU)"

/* A folder a standard user made in C:\ProgramData, from the listing above by
 * Windows' inheritance rules (constructed, not listed): its owner the user,
 * CREATOR OWNER's entry become the user's full control, Users' add rights
 * inherited (CI). */
#define PROGRAM_DATA_USER_FOLDER                                                                             \
    "O:" USER_SID "D:AI(A;ID;FA;;;" USER_SID ")(A;OICIIOID;GA;;;CO)(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)"     \
    "(A;OICIID;0x1200a9;;;BU)(A;CIID;DCLCRPCR;;;BU)"

/* The folders Windows ships that wufix runs from and writes under, each
 * judged as Windows means it (SPEC 6). */
static void test_access_shipped_folders(void **state)
{
    (void)state;
    char why[256];
    /* Program Files and System32: only TrustedInstaller, SYSTEM and
     * Administrators may write; CREATOR OWNER's inherit-only full control is
     * no writer, so the exe may live there (and the event source be
     * registered), as the folder and as a folder on its way. */
    const char *const admins_only[] = {PROGRAM_FILES, SYSTEM32};
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(judge(admins_only[i], WF_OBJ_FOLDER, false, why, sizeof(why)), WF_OK);
        assert_int_equal(judge(admins_only[i], WF_OBJ_PARENT, false, why, sizeof(why)), WF_OK);
        assert_int_equal(judge(admins_only[i], WF_OBJ_FOLDER, true, why, sizeof(why)), WF_OK);
    }
    /* ProgramData: Users may create files and folders in it, so it is no
     * place for wufix's state itself; adding renames nothing already there,
     * so it may lie on the way to the state folder. */
    assert_int_equal(judge(PROGRAM_DATA, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "BU may write"));
    assert_int_equal(judge(PROGRAM_DATA, WF_OBJ_FOLDER, false, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_int_equal(judge(PROGRAM_DATA, WF_OBJ_PARENT, false, why, sizeof(why)), WF_OK);
    /* So a folder under it is trusted only as the state folder's rules say:
     * wufix's own (SYSTEM and Administrators alone) is, one a user made
     * first is not. */
    assert_int_equal(judge(WF_SDDL_STATE_DIR, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_OK);
    assert_int_equal(judge(PROGRAM_DATA_USER_FOLDER, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_int_equal(judge(PROGRAM_DATA_USER_FOLDER, WF_OBJ_PARENT, false, why, sizeof(why)), WF_E_UNTRUSTED);
}

static void test_access_windows_descriptors(void **state)
{
    (void)state;
    char why[256];
    /* A folder Windows ships, as the exe's folder and as a folder on the
     * way to it: CREATOR OWNER's inherit-only full control is not a writer. */
    assert_int_equal(judge(WINDOWS_DIR, WF_OBJ_FOLDER, false, why, sizeof(why)), WF_OK);
    assert_int_equal(judge(WINDOWS_DIR, WF_OBJ_PARENT, false, why, sizeof(why)), WF_OK);
    /* What is created in it gets Users' read and execute only. */
    assert_int_equal(judge(WINDOWS_DIR, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_OK);
    /* HKLM\SOFTWARE, a key: Users' and packages' KEY_READ writes nothing. */
    assert_int_equal(judge(HKLM_SOFTWARE, WF_OBJ_KEY, true, why, sizeof(why)), WF_OK);
    assert_int_equal(judge(HKLM_SOFTWARE, WF_OBJ_FOLDER, false, why, sizeof(why)), WF_E_UNTRUSTED);
    /* A folder at a drive's root: Users may add to it, so it is no state
     * folder, but adding renames nothing: it may lie on the way. */
    assert_int_equal(judge(ROOT_FOLDER, WF_OBJ_FOLDER, true, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "BU may write"));
    assert_int_equal(judge(ROOT_FOLDER, WF_OBJ_PARENT, false, why, sizeof(why)), WF_OK);
}

/* Folders a user made or owns (constructed from the rules above, not from a
 * listing): a user's own folder (Downloads: its owner is the user), and a
 * folder made under C:\ whose inherited entries give Authenticated Users
 * modify (0x1301bf: DELETE among them), so they can rename it, and what it
 * holds, away. */
static void test_access_folders_a_user_can_rename(void **state)
{
    (void)state;
    char why[256];
    const char *downloads = "O:" USER_SID "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;" USER_SID ")";
    assert_int_equal(judge(downloads, WF_OBJ_FOLDER, false, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_int_equal(judge(downloads, WF_OBJ_PARENT, false, why, sizeof(why)), WF_E_UNTRUSTED);
    const char *tools = "O:BAD:AI(A;ID;FA;;;BA)(A;OICIIOID;GA;;;BA)(A;ID;FA;;;SY)(A;OICIIOID;GA;;;SY)"
                        "(A;OICIID;0x1200a9;;;BU)(A;ID;0x1301bf;;;AU)(A;OICIIOID;SDGXGWGR;;;AU)";
    assert_int_equal(judge(tools, WF_OBJ_PARENT, false, why, sizeof(why)), WF_E_UNTRUSTED);
    assert_non_null(strstr(why, "AU may write to it (rights 0x001301bf)"));
    /* Only adding to a parent (FILE_ADD_SUBDIRECTORY) renames nothing in it;
     * deleting children (FILE_DELETE_CHILD) does. */
    assert_int_equal(judge("O:SYD:P(A;;FA;;;SY)(A;;0x4;;;AU)", WF_OBJ_PARENT, false, why, sizeof(why)),
                     WF_OK);
    assert_int_equal(judge("O:SYD:P(A;;FA;;;SY)(A;;0x40;;;AU)", WF_OBJ_PARENT, false, why, sizeof(why)),
                     WF_E_UNTRUSTED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_access_rights_are_per_type),
        cmocka_unit_test(test_access_whole_write_sets),
        cmocka_unit_test(test_access_wufix_trusts_what_it_lays),
        cmocka_unit_test(test_access_key_others_may_write_is_untrusted),
        cmocka_unit_test(test_access_windows_descriptors),
        cmocka_unit_test(test_access_shipped_folders),
        cmocka_unit_test(test_access_null_dacl_and_wide_masks),
        cmocka_unit_test(test_access_owner_rights),
        cmocka_unit_test(test_access_object_and_callback_entries),
        cmocka_unit_test(test_access_folders_a_user_can_rename),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

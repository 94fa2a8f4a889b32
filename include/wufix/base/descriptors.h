/* SPDX-License-Identifier: MIT */
/* descriptors.h - every security descriptor wufix lays on what it makes, as
 * SDDL (Microsoft Learn, "Security Descriptor String Format", "ACE
 * Strings"), in one place: src/win32/store.c lays them, the portable suites
 * parse them and hold wufix's own judge (wf_trust_object) against them. */
#ifndef WUFIX_DESCRIPTORS_H
#define WUFIX_DESCRIPTORS_H

/* The state folder, %ProgramData%\wufix: owner Administrators; SYSTEM and
 * Administrators full control, for it and all it holds; nobody else
 * anything (a standard user who could open it, even only to list it, could
 * hold it open without sharing write and so make the rename of a new
 * journal onto journal.txt fail); protected from what ProgramData passes
 * down (CREATOR OWNER, Users' right to add files). */
#define WF_SDDL_STATE_DIR "O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"

/* What wufix up to this version laid on the state folder: Users could list
 * it. Still trusted (nobody else may write to it). */
#define WF_SDDL_STATE_DIR_OLD "O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;FR;;;BU)"

/* Each journal (and its temporary file): SYSTEM and Administrators alone,
 * protected, so one written into an earlier version's folder is closed to
 * Users too. Its owner is who creates it: an elevated administrator. */
#define WF_SDDL_JOURNAL "D:P(A;;FA;;;SY)(A;;FA;;;BA)"

/* The anchor's key, HKLM\SOFTWARE\wufix: owner Administrators; SYSTEM and
 * Administrators full control; Users may read it (KEY_READ 0x20019, whose
 * KEY_NOTIFY 0x10 is a read right on a key, not FILE_WRITE_EA). */
#define WF_SDDL_ANCHOR_KEY "O:BAD:P(A;CI;KA;;;SY)(A;CI;KA;;;BA)(A;CI;KR;;;BU)"

#endif

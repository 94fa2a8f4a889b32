/* SPDX-License-Identifier: MIT */
/* security.c - an object's owner and access list as wufix judges them (the
 * state folder, the anchor's key, the exe's folder), read from an open handle,
 * never by name. */
#include <windows.h>
#include <aclapi.h>
#include <sddl.h>

#include <string.h>

#include "security.h"

#include "wufix/base/prose.h"
#include "winutil.h"

static void sid_text(PSID sid, char *out, size_t size)
{
    LPWSTR text = NULL;
    out[0] = '\0';
    if (sid && ConvertSidToStringSidW(sid, &text)) {
        if (!wf_utf8_from_w(text, out, size))
            out[0] = '\0';
        LocalFree(text);
    }
}

static void object_security(HANDLE h, SE_OBJECT_TYPE type, struct wf_folder_sec *s);

/* The folder's attributes, owner and DACL, from the open handle. */
void wf_win_folder_security(HANDLE h, struct wf_folder_sec *s)
{
    BY_HANDLE_FILE_INFORMATION fi;
    memset(s, 0, sizeof(*s));
    if (!GetFileInformationByHandle(h, &fi)) {
        s->not_folder = true;
        return;
    }
    s->reparse = (fi.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) != 0;
    s->not_folder = !(fi.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY);
    object_security(h, SE_FILE_OBJECT, s);
}

/* A registry key's owner and DACL, from its open handle. */
void wf_win_key_security(HKEY k, struct wf_folder_sec *s)
{
    memset(s, 0, sizeof(*s));
    object_security((HANDLE)k, SE_REGISTRY_KEY, s);
}

static void object_security(HANDLE h, SE_OBJECT_TYPE type, struct wf_folder_sec *s)
{
    PSID owner = NULL;
    PACL dacl = NULL;
    PSECURITY_DESCRIPTOR sd = NULL;
    if (GetSecurityInfo(h, type, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner, NULL, &dacl,
                        NULL, &sd) != ERROR_SUCCESS)
        return; /* no owner: untrusted */
    sid_text(owner, s->owner, sizeof(s->owner));
    s->has_dacl = dacl != NULL;
    for (DWORD i = 0; dacl && i < dacl->AceCount; i++) {
        ACE_HEADER *a = NULL;
        if (!GetAce(dacl, i, (LPVOID *)&a)) {
            s->more_aces = true; /* an entry not read is never trusted */
            break;
        }
        if (s->nace >= WF_TRUST_ACES_MAX) {
            s->more_aces = true;
            break;
        }
        struct wf_ace *w = &s->ace[s->nace++];
        w->inherit_only = (a->AceFlags & INHERIT_ONLY_ACE) != 0;
        switch (a->AceType) {
        case ACCESS_ALLOWED_ACE_TYPE:
        case ACCESS_ALLOWED_CALLBACK_ACE_TYPE: w->kind = WF_ACE_ALLOW; break;
        case ACCESS_DENIED_ACE_TYPE:
        case ACCESS_DENIED_CALLBACK_ACE_TYPE:
        case ACCESS_DENIED_OBJECT_ACE_TYPE:
        case ACCESS_DENIED_CALLBACK_OBJECT_ACE_TYPE: w->kind = WF_ACE_DENY; break;
        default:
            w->kind = WF_ACE_OTHER; /* judged as an allow, its SID unknown */
            break;
        }
        /* Plain and callback ACEs share ACCESS_ALLOWED_ACE's layout; object
         * ACEs place their SID elsewhere and are judged by mask alone. */
        ACCESS_ALLOWED_ACE *plain = (ACCESS_ALLOWED_ACE *)a;
        bool plain_layout =
            a->AceType == ACCESS_ALLOWED_ACE_TYPE || a->AceType == ACCESS_ALLOWED_CALLBACK_ACE_TYPE ||
            a->AceType == ACCESS_DENIED_ACE_TYPE || a->AceType == ACCESS_DENIED_CALLBACK_ACE_TYPE;
        w->mask = plain->Mask;
        if (plain_layout)
            sid_text((PSID)&plain->SidStart, w->sid, sizeof(w->sid));
        else
            strcpy(w->sid, WF_M(M_AN_ENTRY_OF_AN_OBJECT));
    }
    LocalFree(sd);
}

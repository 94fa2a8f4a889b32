/* SPDX-License-Identifier: MIT */
/* hresult.c - the error codes Windows Update reports (their table and its
 * sources: hresult.inc). */
#include "wufix/base/hresult.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/prose.h"
#include "wufix/base/svc.h"

/* The numbers of hresult.inc's rows; their words are in the exe's deflated
 * text (prose.h): WF_PROSE_HR_SOURCES, _ROWS, _CLASSES. */
#define SOURCE(id, text) id,
#define HR(code, cls, source, name, meaning, remedy)
#define CLASS(cls, token, remedy, plain)
enum {
#include "hresult.inc"
    NSOURCES
};
#undef SOURCE
#undef HR
#define SOURCE(id, text)
#define HR(code, cls, source, name, meaning, remedy) {code, cls, source},

const struct wf_hr wf_hr_table[] = {
#include "hresult.inc"
};
#undef SOURCE
#undef HR
#undef CLASS

const size_t wf_hr_count = sizeof(wf_hr_table) / sizeof(wf_hr_table[0]);
const size_t wf_hr_nsources = NSOURCES;

const char *wf_hr_source(size_t s)
{
    return s < NSOURCES ? wf_prose_nth(WF_PROSE_HR_SOURCES, s) : "";
}

/* The row's k-th word: 0 its name, 1 its meaning, 2 its remedy. */
static const char *word(const struct wf_hr *r, size_t k)
{
    return wf_prose_nth(WF_PROSE_HR_ROWS, (size_t)(r - wf_hr_table) * 3 + k);
}

const char *wf_hr_name(const struct wf_hr *r)
{
    return word(r, 0);
}

const char *wf_hr_meaning(const struct wf_hr *r)
{
    return word(r, 1);
}

const struct wf_hr *wf_hr_find(uint32_t code)
{
    for (size_t i = 0; i < wf_hr_count; i++)
        if (wf_hr_table[i].code == code)
            return &wf_hr_table[i];
    return NULL;
}

/* Each class's k-th word (in the order of enum wf_hr_class): 0 its token
 * (JSON), 1 what to do, 2 why it failed in words for the person who
 * double-clicked. */
static const char *class_word(unsigned c, size_t k)
{
    return wf_prose_nth(WF_PROSE_HR_CLASSES,
                        (size_t)(c <= WF_HRC_NOT_APPLICABLE ? c : WF_HRC_UNKNOWN) * 3 + k);
}

const char *wf_hr_class_token(enum wf_hr_class c)
{
    return class_word((unsigned)c, 0);
}

const char *wf_hr_class_plain(enum wf_hr_class c)
{
    return class_word((unsigned)c, 2);
}

const char *wf_hr_remedy(const struct wf_hr *r)
{
    if (!r)
        return "";
    const char *own = word(r, 2);
    return own[0] ? own : class_word(r->cls, 1);
}

bool wf_hr_network(enum wf_hr_class c)
{
    return c == WF_HRC_NETWORK || c == WF_HRC_NAME || c == WF_HRC_PROXY || c == WF_HRC_TLS;
}

void wf_hr_facility(uint32_t code, char *buf, size_t size)
{
    unsigned facility = (code >> 16) & 0x1FFFu;
    if (!(code & 0x80000000u)) {
        wf_strlcpy(buf, WF_M(M_NOT_AN_ERROR_CODE), size);
        return;
    }
    switch (facility) {
    case 7: snprintf(buf, size, WF_M(M_WIN32_ERROR_U), (unsigned)(code & 0xFFFFu)); break;
    case 0x24: wf_strlcpy(buf, WF_M(M_WINDOWS_UPDATE), size); break;
    case 0x190: wf_strlcpy(buf, WF_M(M_WINDOWS_SETUP_MOSETUP), size); break;
    case 0x0F: /* FACILITY_SETUPAPI (winerror.h); servicing's CBS_E_* codes share it */
        wf_strlcpy(buf, WF_M(M_SETUP_API_SETUPAPI_OR_COMPONENT), size);
        break;
    case 0x20: snprintf(buf, size, "BITS"); break;
    case 0xD0: wf_strlcpy(buf, WF_M(M_DELIVERY_OPTIMIZATION), size); break;
    default: snprintf(buf, size, WF_M(M_FACILITY_0X_X), facility); break;
    }
}

/* The n-th (from 0) of the names in `list`, one space between each, or "not known". */
static const char *nth(const char *list, unsigned n, char *out, size_t size)
{
    for (; n && list; n--)
        if ((list = strchr(list, ' ')) != NULL)
            list++;
    size_t len = list ? strcspn(list, " ") : 0;
    if (!len || len >= size)
        return "not known";
    memcpy(out, list, len);
    out[len] = '\0';
    return out;
}

void wf_hr_extend(uint32_t ext, char *buf, size_t size)
{
    /* Microsoft Learn, "Upgrade error codes": the extend code's first digit
     * is the phase, its last two the operation (0x4000D: phase 4, operation
     * 0x0D), named here without their prefixes SP_EXECUTION_ and
     * SP_EXECUTION_OP_: M_UPGRADE_PHASES and M_UPGRADE_OPERATIONS, the names
     * in order (INSTALL_DRVIERS sic: the page spells it so). */
    char phase[32], op[32];
    unsigned p = (ext >> 16) & 0xFu, o = ext & 0xFFu;
    snprintf(buf, size, WF_M(M_PHASE_U_S_OPERATION_0X), p,
             nth(WF_M(M_UPGRADE_PHASES), p, phase, sizeof(phase)), o,
             nth(WF_M(M_UPGRADE_OPERATIONS), o, op, sizeof(op)));
}

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
    default: snprintf(buf, size, "facility 0x%X", facility); break;
    }
}

/* The n-th of the names packed in `list` (sizeof, with its terminator), or "not known". */
static const char *nth(const char *list, size_t size, unsigned n)
{
    const char *p = wf_nth(list, size - 1, n);
    return p ? p : "not known";
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
    snprintf(buf, size, WF_M(M_PHASE_U_S_OPERATION_0X), p, nth(phases, sizeof(phases), p), o,
             nth(ops, sizeof(ops), o));
}

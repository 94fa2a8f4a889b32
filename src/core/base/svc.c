/* SPDX-License-Identifier: MIT */
/* svc.c - names of states and start types, in JSON tokens and in words. */
#include "wufix/base/svc.h"

#include "wufix/base/prose.h"

#include "wufix/base/buf.h"

#include <stdint.h>
#include <string.h>

const char *wf_state_token(enum wf_state s)
{
    switch (s) {
    case WF_STATE_STOPPED: return "stopped";
    case WF_STATE_START_PENDING: return WF_M(M_START_PENDING);
    case WF_STATE_STOP_PENDING: return WF_M(M_STOP_PENDING);
    case WF_STATE_RUNNING: return "running";
    case WF_STATE_CONTINUE_PENDING: return WF_M(M_CONTINUE_PENDING);
    case WF_STATE_PAUSE_PENDING: return WF_M(M_PAUSE_PENDING);
    case WF_STATE_PAUSED: return "paused";
    case WF_STATE_NOT_INSTALLED: return WF_M(M_NOT_INSTALLED);
    case WF_STATE_UNKNOWN: break;
    }
    return "unknown";
}

const char *wf_start_token(enum wf_start_type t)
{
    switch (t) {
    case WF_START_BOOT: return "boot";
    case WF_START_SYSTEM: return "system";
    case WF_START_AUTO: return "auto";
    case WF_START_AUTO_DELAYED: return WF_M(M_AUTO_DELAYED);
    case WF_START_MANUAL: return "manual";
    case WF_START_DISABLED: return "disabled";
    case WF_START_UNKNOWN: break;
    }
    return "unknown";
}

const char *wf_state_words(enum wf_state s)
{
    switch (s) {
    case WF_STATE_STOPPED: return "Stopped";
    case WF_STATE_START_PENDING: return "Starting";
    case WF_STATE_STOP_PENDING: return "Stopping";
    case WF_STATE_RUNNING: return "Running";
    case WF_STATE_CONTINUE_PENDING: return "Resuming";
    case WF_STATE_PAUSE_PENDING: return "Pausing";
    case WF_STATE_PAUSED: return "Paused";
    case WF_STATE_NOT_INSTALLED: return WF_M(M_NOT_INSTALLED_2);
    case WF_STATE_UNKNOWN: break;
    }
    return "Unknown";
}

const char *wf_start_words(enum wf_start_type t)
{
    switch (t) {
    case WF_START_BOOT: return "Boot";
    case WF_START_SYSTEM: return "System";
    case WF_START_AUTO: return "Automatic";
    case WF_START_AUTO_DELAYED: return WF_M(M_AUTOMATIC_DELAYED);
    case WF_START_MANUAL: return "Manual";
    case WF_START_DISABLED: return "Disabled";
    case WF_START_UNKNOWN: break;
    }
    return "-";
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

bool wf_recovery_parse(const uint8_t *p, size_t n, struct wf_recovery *out)
{
    memset(out, 0, sizeof(*out));
    if (n < 20)
        return false;
    uint32_t count = le32(p + 12), at = le32(p + 16);
    if (count && (at < 20 || at > n || (n - at) / 8 < count))
        return false;
    out->reset = le32(p);
    out->n = count;
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *a = p + at + (size_t)i * 8; /* SC_ACTION: Type, Delay */
        uint32_t t = le32(a);
        out->acts |= t != 0;
        if (i < WF_RECOVERY_MAX) {
            out->type[i] = t;
            out->delay[i] = le32(a + 4);
        }
    }
    return true;
}

bool wf_svc_protected(const struct wf_svc_config *c)
{
    return c->protection > WF_PROTECTION_NONE;
}

bool wf_state_is_pending(enum wf_state s)
{
    return s == WF_STATE_START_PENDING || s == WF_STATE_STOP_PENDING || s == WF_STATE_CONTINUE_PENDING ||
           s == WF_STATE_PAUSE_PENDING;
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

int wf_name_cmp(const char *a, const char *b)
{
    return wf_name_ncmp(a, b, SIZE_MAX);
}

int wf_name_ncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        int ca = lower((unsigned char)*a), cb = lower((unsigned char)*b);
        if (ca != cb || ca == 0)
            return ca - cb;
    }
    return 0;
}

bool wf_csv_next(const char **list, char *out, size_t size)
{
    while (*list && **list) {
        const char *d = *list, *e = strchr(d, ',');
        size_t len = e ? (size_t)(e - d) : strlen(d);
        *list = e ? e + 1 : d + len;
        if (len && len < size) {
            memcpy(out, d, len);
            out[len] = '\0';
            return true;
        }
    }
    return false;
}

bool wf_strlcpy(char *dst, const char *src, size_t size)
{
    size_t n = strlen(src);
    if (size == 0)
        return false;
    if (n >= size) {
        wf_utf8_copy(dst, size, src); /* cut on a character boundary */
        return false;
    }
    memcpy(dst, src, n + 1);
    return true;
}

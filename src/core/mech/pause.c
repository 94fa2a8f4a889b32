/* SPDX-License-Identifier: MIT */
/* pause.c - a pause of Windows Update that Settings cannot make.
 *
 * Settings > Windows Update pauses updates for at most 35 days (5 weeks;
 * Microsoft Learn, "Policy CSP - Update", PauseQualityUpdatesStartTime and
 * PauseFeatureUpdatesStartTime: a pause lasts 35 days from its start).
 * Tools that stop updates write the same values with a far end instead:
 * Aetherinox's pause-windows-updates (windows-updates-pause.reg, wputility.bat)
 * writes under HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings
 * PauseUpdatesStartTime, PauseFeatureUpdatesStartTime and
 * PauseQualityUpdatesStartTime ("2025-01-01T00:00:00Z"), PauseUpdatesExpiryTime,
 * PauseFeatureUpdatesEndTime and PauseQualityUpdatesEndTime
 * ("2051-12-31T00:00:00Z"), FlightSettingsMaxPauseDays (REG_DWORD 0x2727,
 * 10023 days), and under ...\WindowsUpdate\UpdatePolicy\Settings
 * PausedFeatureStatus and PausedQualityStatus (REG_DWORD 1) with
 * PausedFeatureDate and PausedQualityDate. Resuming deletes those values,
 * as its own windows-updates-unpause.reg does for the ends. */
#include "wufix/mech/pause.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

const struct wf_pause_value wf_pause_values[] = {
    {WF_KEY_PAUSE, "PauseUpdatesExpiryTime"},       {WF_KEY_PAUSE, "PauseFeatureUpdatesEndTime"},
    {WF_KEY_PAUSE, "PauseQualityUpdatesEndTime"},   {WF_KEY_PAUSE, "PauseUpdatesStartTime"},
    {WF_KEY_PAUSE, "PauseFeatureUpdatesStartTime"}, {WF_KEY_PAUSE, "PauseQualityUpdatesStartTime"},
    {WF_KEY_PAUSE, "FlightSettingsMaxPauseDays"},   {WF_KEY_UPDATE_POLICY, "PausedFeatureStatus"},
    {WF_KEY_UPDATE_POLICY, "PausedQualityStatus"},  {WF_KEY_UPDATE_POLICY, "PausedFeatureDate"},
    {WF_KEY_UPDATE_POLICY, "PausedQualityDate"},    {NULL, NULL},
};

/* The values whose date is the pause's end. */
static const char *const ends[] = {"PauseUpdatesExpiryTime", "PauseQualityUpdatesEndTime",
                                   "PauseFeatureUpdatesEndTime"};

bool wf_pause_value_known(const char *key, const char *value)
{
    for (const struct wf_pause_value *p = wf_pause_values; p->key; p++)
        if (wf_name_cmp(p->key, key) == 0 && strcmp(p->value, value) == 0)
            return true;
    return false;
}

static bool number(const char *s, size_t n, long *out)
{
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

/* Proleptic Gregorian calendar, days counted from March so February comes
 * last (H. Hinnant's days_from_civil); every instant wufix reads comes here. */
bool wf_pause_seconds(const char *s, long long *out)
{
    long y, m, d, hh, mm, ss;
    if (strlen(s) < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' ||
        !number(s, 4, &y) || !number(s + 5, 2, &m) || !number(s + 8, 2, &d) || !number(s + 11, 2, &hh) ||
        !number(s + 14, 2, &mm) || !number(s + 17, 2, &ss) || m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 ||
        mm > 59 || ss > 60)
        return false;
    long yy = m <= 2 ? y - 1 : y;
    long era = yy / 400, yoe = yy - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = (long long)era * 146097 + doe - 719468;
    *out = days * 86400 + hh * 3600 + mm * 60 + ss;
    return true;
}

bool wf_pause_days(const char *from, const char *to, long *days)
{
    long long a, b;
    if (!wf_pause_seconds(from, &a) || !wf_pause_seconds(to, &b))
        return false;
    *days = (long)((b - a) / 86400);
    return true;
}

static bool read_stamp(const struct wf_host *h, const char *value, char *out)
{
    struct wf_reg v;
    long long s;
    if (h->ops->reg_read(h->self, WF_KEY_PAUSE, value, &v) != WF_OK || v.type != WF_REG_SZ ||
        !wf_pause_seconds(v.str, &s))
        return false;
    memcpy(out, v.str, 19);
    out[19] = '\0';
    return true;
}

void wf_pause_check(const struct wf_host *h, struct wf_check *c)
{
    char now[32], until[20] = "", which[40] = "";
    struct wf_reg v;
    long ahead = 0, max_days = -1;
    h->ops->utc_now(h->self, now, sizeof(now));
    for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
        char at[20];
        long d;
        if (!read_stamp(h, ends[i], at) || strcmp(at, until) <= 0 || !wf_pause_days(now, at, &d) ||
            strcmp(at, now) <= 0)
            continue;
        memcpy(until, at, sizeof(until));
        wf_strlcpy(which, ends[i], sizeof(which));
        ahead = d;
    }
    if (h->ops->reg_read(h->self, WF_KEY_PAUSE, WF_M(M_FLIGHTSETTINGSMAXPAUSEDAYS), &v) == WF_OK &&
        v.type == WF_REG_DWORD && v.dword > WF_PAUSE_SETTINGS_DAYS)
        max_days = (long)v.dword;
    if (!until[0] && max_days < 0)
        return;
    char found[WF_TEXT_MAX] = "";
    size_t n = 0;
    if (until[0])
        n = (size_t)snprintf(found, sizeof(found), WF_M(M_UNTIL_SZ_S), until, which);
    if (ahead <= WF_PAUSE_SETTINGS_DAYS && max_days < 0) {
        struct wf_problem *pr =
            wf_check_add(c, "", WF_M(M_UPDATES_PAUSED), WF_SEV_INFO, false, found, WF_M(M_NOT_PAUSED));
        if (pr)
            pr->remedy = WF_M(M_SETTINGS_WINDOWS_UPDATE_RESUME_UPDATES);
        return;
    }
    if (max_days >= 0 && n < sizeof(found))
        n += (size_t)snprintf(found + n, sizeof(found) - n, WF_M(M_SFLIGHTSETTINGSMAXPAUSEDAYS_LD),
                              n ? ", " : "", max_days);
    static const char *const status[] = {"PausedFeatureStatus", "PausedQualityStatus"};
    for (size_t i = 0; i < 2 && n < sizeof(found); i++)
        if (h->ops->reg_read(h->self, WF_KEY_UPDATE_POLICY, status[i], &v) == WF_OK &&
            v.type == WF_REG_DWORD && v.dword != 0)
            n += (size_t)snprintf(found + n, sizeof(found) - n, ", %s %u", status[i], (unsigned)v.dword);
    struct wf_problem *pr = wf_check_add(c, "", WF_M(M_PAUSE_BEYOND_SETTINGS), WF_SEV_WARNING, true, found,
                                         WF_M(M_A_PAUSE_OF_AT_MOST));
    if (pr)
        pr->remedy = WF_M(M_WUFIX_REPAIR_RESUMES_UPDATES_DELETES);
}

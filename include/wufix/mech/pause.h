/* SPDX-License-Identifier: MIT */
/* pause.h - a pause of Windows Update that Settings cannot make, and the
 * values repair deletes to resume updates. */
#ifndef WUFIX_PAUSE_H
#define WUFIX_PAUSE_H

#include <stdbool.h>

#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

/* Settings > Windows Update pauses at most 35 days (5 weeks). */
#define WF_PAUSE_SETTINGS_DAYS 35

/* The key Settings writes a pause to (diagnose.h names it WF_KEY_UX too). */
#define WF_KEY_PAUSE         "SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings"
#define WF_KEY_UPDATE_POLICY "SOFTWARE\\Microsoft\\WindowsUpdate\\UpdatePolicy\\Settings"

struct wf_pause_value {
    const char *key, *value;
};

/* The values a pause is made of, ending with {NULL, NULL}: repair deletes
 * those present, and a journal may touch these and no others. */
extern const struct wf_pause_value wf_pause_values[];

/* Days from one "YYYY-MM-DDTHH:MM:SS" stamp to another (negative when
 * `to` is earlier), false when either is not such a stamp. */
bool wf_pause_days(const char *from, const char *to, long *days);

/* Seconds since 1970-01-01 of a "YYYY-MM-DDTHH:MM:SS" stamp (its first 19
 * characters; what follows is not looked at), false when it is not one. */
bool wf_pause_seconds(const char *s, long long *out);

/* The key and value are one of wf_pause_values. */
bool wf_pause_value_known(const char *key, const char *value);

/* Reports a pause: `updates_paused` (information) for one Settings can make,
 * `pause_beyond_settings` (a warning, fixable) for one ending more than 35
 * days ahead or a raised FlightSettingsMaxPauseDays. */
void wf_pause_check(const struct wf_host *h, struct wf_check *c);

#endif

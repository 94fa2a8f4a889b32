/* SPDX-License-Identifier: MIT */
/* brief.h - check's verdict as one flat JSON object that fits what Intune
 * keeps of a detection script's output (2,048 characters), whatever the
 * machine. */
#ifndef WUFIX_BRIEF_H
#define WUFIX_BRIEF_H

#include <stdbool.h>
#include <stdint.h>

#include "wufix/base/buf.h"
#include "wufix/base/host.h"
#include "wufix/mech/problems.h"

#define WF_BRIEF_MAX 2048u /* characters, the line end included */

/* What the brief says beyond the problems, read from the machine. */
struct wf_brief {
    char build[24];       /* "19045.5131" (CurrentBuild.UBR), "19045" without UBR; "" unknown */
    int64_t install_days; /* days since the last successful install; -1: none found */
    int64_t scan_days;    /* days since the last successful scan; -1: none found */
};

/* Read the build and the last successes (ReportingEvents.log and the
 * copies reset set aside). What cannot be read stays unknown. */
void wf_brief_gather(const struct wf_host *h, struct wf_brief *out);

/* One line: {"command":"check","computer",...,"brief":true,...}. Every
 * value a string, number, boolean or null; the problems as one string of
 * "service:code" words, as many as fit (problems_left_out says how many
 * did not). Never longer than WF_BRIEF_MAX. */
void wf_brief_json(struct wf_buf *b, const char *computer, const struct wf_check *c, const struct wf_brief *f,
                   int exit_code);

#endif

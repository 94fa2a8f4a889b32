/* SPDX-License-Identifier: MIT */
/* waas.h - Windows' own copy of the update services' defaults: the XML files
 * under %windir%\WaaS\services that Windows Update Medic repairs from.
 * Blockers edit them, so they are evidence, never authority: the check holds
 * them against wufix's table and reports a file that disagrees. */
#ifndef WUFIX_WAAS_H
#define WUFIX_WAAS_H

#include <stdbool.h>
#include <stddef.h>

#include "wufix/base/defaults.h"
#include "wufix/base/host.h"
#include "wufix/base/prose.h"

#define WF_WAAS_DIR   WF_M(M_WAAS_DIR)
#define WF_WAAS_FILES 16
#define WF_WAAS_TEXT  ((size_t)64 * 1024) /* the largest file read */

/* What one file says; empty strings and UNKNOWN: not given. */
struct wf_waas_entry {
    char name[WF_NAME_MAX];
    char file[WF_NAME_MAX];
    enum wf_start_type start_type;
    char image_path[WF_TEXT_MAX];
    char service_dll[WF_TEXT_MAX];
    char depends_on[WF_TEXT_MAX]; /* comma-separated */
    bool has_deps;
};

struct wf_waas {
    char dir[WF_TEXT_MAX]; /* WF_WAAS_DIR expanded */
    struct wf_waas_entry e[WF_WAAS_FILES];
    size_t n;
};

/* The end of the XML element that starts at `tag` ('>' or the end of the
 * text). */
const char *wf_xml_element_end(const char *tag);

/* The value of attribute `name` (after a blank, in either quote) inside
 * [tag, end), entities decoded; false when absent, unclosed or too long for
 * `size`. tag[-1] must be readable. */
bool wf_xml_attr(const char *tag, const char *end, const char *name, char *out, size_t size);

/* One file's text (UTF-8): the serviceData element's name, start, imagePath
 * and dependOnService attributes, and a registryValue named ServiceDll.
 * WF_E_BAD_DATA when there is no serviceData element with a name. */
wf_err wf_waas_parse(const char *xml, struct wf_waas_entry *out);

/* Every readable WF_WAAS_DIR\*.xml; files that cannot be read or parsed are
 * left out (the table's defaults apply). */
void wf_waas_load(const struct wf_host *h, struct wf_waas *out);

#endif

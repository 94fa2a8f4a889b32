/* SPDX-License-Identifier: MIT */
/* services.c - the one table of services wufix knows (SPEC section 4). */
#include "wufix/services.h"

#include "wufix/svc.h"

/* Display names are the English ones of Windows 10/11, shown only when the
 * SCM cannot give its own (localized) name; see
 * ../shared/research/windows-update-services.md section 4.1. */
static const struct wf_known_service known[] = {
    {"wuauserv", "Windows Update", WF_SET_DEFAULT, false},
    {"UsoSvc", "Update Orchestrator Service", WF_SET_DEFAULT, false},
    {"BITS", "Background Intelligent Transfer Service", WF_SET_ALL, false},
    {"CryptSvc", "Cryptographic Services", WF_SET_ALL, false},
    {"DoSvc", "Delivery Optimization", WF_SET_ALL, false},
    /* Protected (launchProtected windowsLight): query only. */
    {"WaaSMedicSvc", "Windows Update Medic Service", WF_SET_REPORTED, true},
    {"TrustedInstaller", "Windows Modules Installer", WF_SET_REPORTED, false},
};

/* UsoSvc drives wuauserv and starts it again when it is stopped first, so it
 * stops before wuauserv and starts after it. */
static const struct wf_order_rule rules[] = {
    {"UsoSvc", "wuauserv"},
};

const struct wf_known_service *wf_services_table(size_t *n)
{
    *n = sizeof(known) / sizeof(known[0]);
    return known;
}

const struct wf_known_service *wf_services_find(const char *name)
{
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (wf_name_cmp(known[i].name, name) == 0)
            return &known[i];
    return NULL;
}

const struct wf_order_rule *wf_services_rules(size_t *n)
{
    *n = sizeof(rules) / sizeof(rules[0]);
    return rules;
}

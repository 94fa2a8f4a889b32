/* SPDX-License-Identifier: MIT */
/* services.c - the one table of services wufix knows (SPEC section 4). */
#include "wufix/base/services.h"

#include "wufix/base/svc.h"

static const struct wf_known_service known[] = {
    {"wuauserv", WF_SET_DEFAULT},
    {"UsoSvc", WF_SET_DEFAULT},
    {"BITS", WF_SET_ALL},
    {"CryptSvc", WF_SET_ALL},
    {"DoSvc", WF_SET_ALL},
    /* Reported only: WaaSMedicSvc is protected, TrustedInstaller is read-only. */
    {"WaaSMedicSvc", WF_SET_REPORTED},
    {"TrustedInstaller", WF_SET_REPORTED},
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

/* SPDX-License-Identifier: MIT */
/* services.h - the services wufix knows: the default set, --all, and the read-only ones. */
#ifndef WUFIX_SERVICES_H
#define WUFIX_SERVICES_H

#include <stdbool.h>
#include <stddef.h>

enum wf_set_kind {
    WF_SET_DEFAULT, /* wuauserv, UsoSvc: the services the standard fix restarts */
    WF_SET_ALL,     /* added by --all */
    WF_SET_REPORTED /* status only: never controlled */
};

/* The services wufix knows and the set each belongs to. Everything else about
 * them (display name, protection, defaults) is in the defaults table. */
struct wf_known_service {
    const char *name; /* canonical spelling */
    enum wf_set_kind kind;
};

/* The table, in report order. */
const struct wf_known_service *wf_services_table(size_t *n);

/* The entry for `name` (case-insensitive), or NULL. */
const struct wf_known_service *wf_services_find(const char *name);

/* The service whose ordering rule wufix adds on top of the SCM graph:
 * `before` stops before `after` and starts after it (UsoSvc drives wuauserv). */
struct wf_order_rule {
    const char *first_to_stop;
    const char *first_to_start;
};
const struct wf_order_rule *wf_services_rules(size_t *n);

#endif

/* SPDX-License-Identifier: MIT */
/* backend.h - the seam between the portable core and a service control manager. */
#ifndef WUFIX_BACKEND_H
#define WUFIX_BACKEND_H

#include <stddef.h>
#include <stdint.h>

#include "wufix/base/err.h"
#include "wufix/base/svc.h"

/* One service that depends on another, as EnumDependentServices lists it. */
struct wf_dependent {
    char name[WF_NAME_MAX];
    enum wf_state state;
};

/* The operations the core needs from an SCM. Names are UTF-8 and compared
 * case-insensitively. No operation blocks except `wait`. Every failing call
 * leaves its raw system code for `last_syscode`. SCM handles never leave the
 * implementation. */
struct wf_backend_ops {
    /* QueryServiceStatusEx. WF_E_NO_SERVICE when the service does not exist. */
    wf_err (*query)(void *self, const char *name, struct wf_svc_status *out);
    /* QueryServiceConfigW plus the delayed auto-start flag (protection and
     * triggers are left to `traits`). */
    wf_err (*config)(void *self, const char *name, struct wf_svc_config *out);
    /* `config` and, on the same open of the service, what Windows says of it
     * beyond its configuration: launch protection (SERVICE_CONFIG_LAUNCH_PROTECTED)
     * and start triggers (SERVICE_CONFIG_TRIGGER_INFO), into out->protection and
     * out->triggers. Fails as `config` does. The plan's one read per service. */
    wf_err (*traits)(void *self, const char *name, struct wf_svc_config *out);
    /* All services that depend on `name`, directly or not (EnumDependentServicesW,
     * SERVICE_STATE_ALL). Writes at most `cap` entries and the total into *n;
     * WF_E_LIMIT when the total exceeds `cap`. */
    wf_err (*dependents)(void *self, const char *name, struct wf_dependent *out, size_t cap, size_t *n);
    /* StartServiceW. Returns at once; WF_E_ALREADY_RUNNING, WF_E_DB_LOCKED, ...
     * keep their meaning for the engine to decide. */
    wf_err (*start)(void *self, const char *name);
    /* ControlService(SERVICE_CONTROL_STOP). Returns at once. */
    wf_err (*stop)(void *self, const char *name);
    /* Ask to be woken when `name` leaves `current`. Idempotent per service. */
    wf_err (*watch)(void *self, const char *name, enum wf_state current);
    /* Forget every watch (release their handles). */
    void (*unwatch_all)(void *self);
    /* Block until a watched service changed state or `deadline_ms` (on the
     * now_ms clock) passes. A backend that cannot be notified polls no slower
     * than every `poll_ms`. Spurious wake-ups are allowed. */
    wf_err (*wait)(void *self, uint64_t deadline_ms, uint32_t poll_ms);
    /* Monotonic milliseconds. */
    uint64_t (*now_ms)(void *self);
    /* The raw system code of the last failing call (0 if none). */
    uint32_t (*last_syscode)(void *self);
    /* The system's text for a code, CR/LF trimmed, into buf (always terminated). */
    void (*describe)(void *self, uint32_t code, char *buf, size_t size);
    /* Name of the machine whose SCM this is. */
    void (*computer)(void *self, char *buf, size_t size);
    /* The services (in any state but stopped) that process `pid` hosts
     * (EnumServicesStatusExW). Same cap/limit rules as `dependents`. */
    wf_err (*process_services)(void *self, uint32_t pid, struct wf_dependent *out, size_t cap, size_t *n);
    /* End process `pid` (TerminateProcess). Only for --force, after
     * process_services showed it hosts the one stuck service alone. */
    /* Checked again once the process is open (its ID can then not be reused):
     * it must still be `name`'s process and host no other running service,
     * else nothing is ended (WF_E_GONE). */
    wf_err (*terminate)(void *self, const char *name, uint32_t pid);
    /* The service object's security descriptor as SDDL (owner and DACL);
     * "" when the system returns an empty one. */
    wf_err (*security)(void *self, const char *name, char *sddl, size_t size);
    /* Replace the service's DACL with the one in `sddl`. */
    wf_err (*set_security)(void *self, const char *name, const char *sddl);
    /* Change the start type (AUTO_DELAYED sets the delayed flag; AUTO clears it). */
    wf_err (*set_start)(void *self, const char *name, enum wf_start_type t);
    /* Change the image path (the registry's ImagePath, unexpanded). */
    wf_err (*set_image)(void *self, const char *name, const char *path);
    /* Replace the services it depends on (comma-separated; "" for none). */
    wf_err (*set_deps)(void *self, const char *name, const char *csv);
    /* Change the account it runs as (ObjectName); built-in accounts only, so
     * no password is given. */
    wf_err (*set_account)(void *self, const char *name, const char *account);
    /* Whether the service is marked for deletion (DeleteService was called
     * while it ran): stopping it would delete it. Asked by a configuration
     * change that changes nothing, which the SCM refuses with 1072 for such a
     * service; needs SERVICE_CHANGE_CONFIG (WF_E_ACCESS without it). */
    wf_err (*marked_for_delete)(void *self, const char *name, bool *marked);
    /* The service's recovery (QueryServiceConfig2W, SERVICE_CONFIG_FAILURE_ACTIONS);
     * where the SCM does not know that level (Wine), the service key's
     * FailureActions value. None set: n 0. */
    wf_err (*recovery)(void *self, const char *name, struct wf_recovery *out);
};

struct wf_backend {
    const struct wf_backend_ops *ops;
    void *self;
};

#endif

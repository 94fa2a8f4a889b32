/* SPDX-License-Identifier: MIT */
/* svc.h - value types that describe a service: state, start type, status, config. */
#ifndef WUFIX_SVC_H
#define WUFIX_SVC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WF_NAME_MAX 257  /* service names: 256 characters + NUL (ASCII in practice) */
#define WF_TEXT_MAX 1024 /* display names, paths: UTF-8 */
/* A value wufix compares, records and puts back (an image path, a registry
 * value, a descriptor): held whole up to this. The SCM gives a service's whole
 * configuration in at most 8 KiB of UTF-16 ([MS-SCMR] 3.1.4.17
 * RQueryServiceConfigW: cbBufSize range(0, 1024*8)), so any one of its
 * strings is at most 4,096 UTF-16 units, 12,288 bytes of UTF-8 (three for
 * each unit at most): every image path the SCM can give fits, with its NUL. A registry value may be longer
 * (up to 1 MB, "Registry element size limits"): one that does not fit is reported, cut for display, and never
 * changed, since it cannot be recorded exactly. */
#define WF_VALUE_MAX (3 * 4096 + 1)
#define WF_DEPS_MAX  16 /* dependencies kept per service */

enum wf_state {
    WF_STATE_UNKNOWN = 0,
    WF_STATE_STOPPED,
    WF_STATE_START_PENDING,
    WF_STATE_STOP_PENDING,
    WF_STATE_RUNNING,
    WF_STATE_CONTINUE_PENDING,
    WF_STATE_PAUSE_PENDING,
    WF_STATE_PAUSED,
    WF_STATE_NOT_INSTALLED
};

enum wf_start_type {
    WF_START_UNKNOWN = 0,
    WF_START_BOOT,
    WF_START_SYSTEM,
    WF_START_AUTO,
    WF_START_AUTO_DELAYED,
    WF_START_MANUAL,
    WF_START_DISABLED
};

/* What QueryServiceStatusEx tells. */
struct wf_svc_status {
    enum wf_state state;
    uint32_t pid;
    uint32_t exit_code; /* win32 exit code, or the service-specific one */
    bool exit_service_specific;
    uint32_t checkpoint;
    uint32_t wait_hint_ms;
    bool accepts_stop;
};

/* How a service is launch-protected (SERVICE_LAUNCH_PROTECTED_*): once it
 * runs protected, Windows lets an unprotected caller (any administrator)
 * query it, never stop, reconfigure or re-permission it. */
enum wf_protection {
    WF_PROTECTION_UNKNOWN = -1, /* Windows could not be asked */
    WF_PROTECTION_NONE = 0,
    WF_PROTECTION_WINDOWS = 1,
    WF_PROTECTION_WINDOWS_LIGHT = 2,
    WF_PROTECTION_ANTIMALWARE_LIGHT = 3
};

/* What QueryServiceConfigW (+ QueryServiceConfig2W: the delayed flag, launch
 * protection, start triggers) tells, asked once per service per run. */
struct wf_svc_config {
    char display_name[WF_TEXT_MAX];
    enum wf_start_type start_type;       /* AUTO_DELAYED when the delayed flag is set */
    char image_path[WF_VALUE_MAX];       /* whole: see WF_VALUE_MAX */
    char account[WF_VALUE_MAX];          /* whole, as the image path */
    char deps[WF_DEPS_MAX][WF_NAME_MAX]; /* service dependencies; groups left out */
    size_t ndeps;
    int protection; /* enum wf_protection; any value above NONE is protected */
    int triggers;   /* start triggers (SERVICE_CONFIG_TRIGGER_INFO); -1: not known */
};

/* What the SCM does when a service ends without saying it stopped
 * (SERVICE_FAILURE_ACTIONSW, winsvc.h): the period of no failures after
 * which the count starts again (s), and one action per failure, each an
 * SC_ACTION_TYPE (0 none, 1 restart the service, 2 reboot, 3 run a command)
 * after its delay (ms). Only the first WF_RECOVERY_MAX actions are kept. */
#define WF_RECOVERY_MAX 4
struct wf_recovery {
    uint32_t reset, n; /* n: all the actions, kept or not */
    bool acts;         /* one of them does something (not SC_ACTION_NONE) */
    uint32_t type[WF_RECOVERY_MAX], delay[WF_RECOVERY_MAX];
};

/* The service key's FailureActions value (REG_BINARY), where the SCM keeps
 * the same: five DWORDs (reset period, reboot message offset, command
 * offset, action count, actions offset; [MS-SCMR] 2.2.22
 * SERVICE_FAILURE_ACTIONS_WOW64), then the actions, two DWORDs each. False
 * when `n` bytes do not hold that. */
bool wf_recovery_parse(const uint8_t *p, size_t n, struct wf_recovery *out);

/* Whether Windows said the service is launch-protected. */
bool wf_svc_protected(const struct wf_svc_config *c);

/* JSON token of a state ("running", "not_installed", ...) and of a start type
 * ("auto_delayed", ...): SPEC section 7. Never NULL. */
const char *wf_state_token(enum wf_state s);
const char *wf_start_token(enum wf_start_type t);
/* The same in words for people ("Start pending", "Automatic (delayed)"). */
const char *wf_state_words(enum wf_state s);
const char *wf_start_words(enum wf_start_type t);

/* A pending state (start, stop, continue or pause pending). */
bool wf_state_is_pending(enum wf_state s);

/* Case-insensitive ASCII comparison, as the SCM compares service names. */
int wf_name_cmp(const char *a, const char *b);
/* The same over at most `n` characters. */
int wf_name_ncmp(const char *a, const char *b, size_t n);

/* The next item of a comma-separated list ("rpcss,BITS") into `out`,
 * advancing *list; empty items and items too long for `out` are skipped.
 * False at the end of the list (a NULL list is empty). */
bool wf_csv_next(const char **list, char *out, size_t size);

/* Bounded copy that always terminates; returns false when `src` was cut. */
bool wf_strlcpy(char *dst, const char *src, size_t size);

#endif

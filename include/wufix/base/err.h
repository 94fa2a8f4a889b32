/* SPDX-License-Identifier: MIT */
/* err.h - the one error type of wufix, and the mapping to process exit codes. */
#ifndef WUFIX_ERR_H
#define WUFIX_ERR_H

#include <stdint.h>

/* Every fallible function returns a wf_err. The SCM-specific values keep the
 * meaning SPEC section 6 gives each Win32 code, so the engine can decide on a
 * wf_err alone; the raw code stays with the backend for the report. */
typedef enum wf_err {
    WF_OK = 0,
    WF_E_USAGE,           /* bad command line */
    WF_E_NOMEM,           /* out of memory */
    WF_E_LIMIT,           /* more services than a plan can hold */
    WF_E_CYCLE,           /* dependency cycle */
    WF_E_ACCESS,          /* 5: access denied */
    WF_E_NO_SERVICE,      /* 1060: service does not exist */
    WF_E_DISABLED,        /* 1058: service is disabled */
    WF_E_MARKED_DELETE,   /* 1072: service is marked for deletion */
    WF_E_ALREADY_RUNNING, /* 1056: start of a running service (success) */
    WF_E_NOT_ACTIVE,      /* 1062: stop of a stopped service (success) */
    WF_E_CANNOT_ACCEPT,   /* 1061: cannot accept the control now */
    WF_E_DB_LOCKED,       /* 1055: service database locked */
    WF_E_DEPENDENTS,      /* 1051: dependent services are running */
    WF_E_BAD_CONTROL,     /* 1052: control not valid for the service */
    WF_E_REQUEST_TIMEOUT, /* 1053: service did not respond in time */
    WF_E_DEPENDENCY,      /* 1068/1075: a dependency failed or is gone */
    WF_E_START_FAILED,    /* the service stopped instead of reaching RUNNING */
    WF_E_TIMEOUT,         /* wufix's own wait ran out or stalled */
    WF_E_NOT_STOPPABLE,   /* the service does not accept STOP at all */
    WF_E_UNREACHABLE,     /* 53/1722/1753: remote SCM not reachable */
    WF_E_BUSY,            /* another wufix holds the machine's lock */
    WF_E_INTERRUPTED,     /* Ctrl+C, Ctrl+Break, console closed */
    WF_E_JOURNAL,         /* the journal cannot be written or read */
    WF_E_BAD_DATA,        /* malformed data read from the system (an SDDL string, ...) */
    WF_E_IN_USE,          /* 32/33: a file is open in another process (a rename must wait) */
    WF_E_GONE,            /* what wufix set aside is no longer there to put back */
    WF_E_UNTRUSTED,       /* state on disk a standard user could have written: never acted on */
    WF_E_SYSTEM           /* anything else the system reported */
} wf_err;

/* Process exit codes: SPEC section 3, a contract. Never renumber. */
enum wf_exit {
    WF_EXIT_OK = 0,
    WF_EXIT_PROBLEMS = 1,
    WF_EXIT_USAGE = 2,
    WF_EXIT_ACCESS = 3,
    WF_EXIT_FAILED = 4,
    WF_EXIT_BLOCKED = 5,
    WF_EXIT_BUSY = 6,
    WF_EXIT_INTERRUPTED = 7,
    WF_EXIT_SYSTEM = 8,
    WF_EXIT_REBOOT = 3010
};

/* The one translation of a Win32 / SCM error code into a wf_err. Portable:
 * the fake SCM injects the same numbers the Win32 backend receives. */
wf_err wf_err_from_syscode(uint32_t code);

/* Short stable token for a wf_err ("access_denied", "timeout", ...), used in
 * JSON and tests. Never NULL. */
const char *wf_err_token(wf_err e);

/* The exit code for a run whose first failure was `e`. `elevated` decides
 * access denied: exit 3 when not elevated, else a failure on that service. */
int wf_err_exit_code(wf_err e, int elevated);

/* A run over several machines exits with the first of its machines' codes in
 * this order (SPEC 10): 2, 7, 8, 3, 5, 4, 6, 1, 3010, 0. Returns the one of a
 * and b that comes first; an unknown code comes before all. */
int wf_exit_worst(int a, int b);

/* A few words for an exit code ("success", "check found problems", ...). */
const char *wf_exit_words(int code);

#endif

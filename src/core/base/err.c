/* SPDX-License-Identifier: MIT */
/* err.c - Win32/SCM codes to wf_err, and wf_err to exit codes: decided once, here. */
#include "wufix/base/err.h"

#include "wufix/base/prose.h"

#include <stddef.h>

wf_err wf_err_from_syscode(uint32_t code)
{
    switch (code) {
    case 0: return WF_OK;
    case 5: return WF_E_ACCESS;             /* ERROR_ACCESS_DENIED */
    case 8:                                 /* ERROR_NOT_ENOUGH_MEMORY */
    case 14: return WF_E_NOMEM;             /* ERROR_OUTOFMEMORY */
    case 13: return WF_E_BAD_DATA;          /* ERROR_INVALID_DATA: a value wufix cannot record exactly */
    case 1051: return WF_E_DEPENDENTS;      /* ERROR_DEPENDENT_SERVICES_RUNNING */
    case 1052: return WF_E_BAD_CONTROL;     /* ERROR_INVALID_SERVICE_CONTROL */
    case 1053: return WF_E_REQUEST_TIMEOUT; /* ERROR_SERVICE_REQUEST_TIMEOUT */
    case 1055: return WF_E_DB_LOCKED;       /* ERROR_SERVICE_DATABASE_LOCKED */
    case 1056: return WF_E_ALREADY_RUNNING; /* ERROR_SERVICE_ALREADY_RUNNING */
    case 1058: return WF_E_DISABLED;        /* ERROR_SERVICE_DISABLED */
    case 1060: return WF_E_NO_SERVICE;      /* ERROR_SERVICE_DOES_NOT_EXIST */
    case 1061: return WF_E_CANNOT_ACCEPT;   /* ERROR_SERVICE_CANNOT_ACCEPT_CTRL */
    case 1062: return WF_E_NOT_ACTIVE;      /* ERROR_SERVICE_NOT_ACTIVE */
    case 1068:                              /* ERROR_SERVICE_DEPENDENCY_FAIL */
    case 1075: return WF_E_DEPENDENCY;      /* ERROR_SERVICE_DEPENDENCY_DELETED */
    case 1072: return WF_E_MARKED_DELETE;   /* ERROR_SERVICE_MARKED_FOR_DELETE */
    case 32:                                /* ERROR_SHARING_VIOLATION */
    case 33: return WF_E_IN_USE;            /* ERROR_LOCK_VIOLATION */
    case 1219:                              /* ERROR_SESSION_CREDENTIAL_CONFLICT */
    case 1326: return WF_E_ACCESS;          /* ERROR_LOGON_FAILURE */
    case 53:                                /* ERROR_BAD_NETPATH */
    case 1460:                              /* ERROR_TIMEOUT: no answer by the connect deadline */
    case 1722:                              /* RPC_S_SERVER_UNAVAILABLE */
    case 1726:                              /* RPC_S_CALL_FAILED */
    case 1727:                              /* RPC_S_CALL_FAILED_DNE */
    case 1753:                              /* EPT_S_NOT_REGISTERED */
    case 11001: return WF_E_UNREACHABLE;    /* WSAHOST_NOT_FOUND: the name did not resolve */
    default: return WF_E_SYSTEM;
    }
}

const char *wf_err_token(wf_err e)
{
    switch (e) {
    case WF_OK: return "ok";
    case WF_E_USAGE: return "usage";
    case WF_E_NOMEM: return WF_M(M_OUT_OF_MEMORY);
    case WF_E_LIMIT: return WF_M(M_TOO_MANY_SERVICES);
    case WF_E_CYCLE: return WF_M(M_DEPENDENCY_CYCLE_2);
    case WF_E_ACCESS: return WF_M(M_ACCESS_DENIED);
    case WF_E_NO_SERVICE: return WF_M(M_NOT_INSTALLED);
    case WF_E_DISABLED: return "disabled";
    case WF_E_MARKED_DELETE: return WF_M(M_MARKED_FOR_DELETE);
    case WF_E_ALREADY_RUNNING: return WF_M(M_ALREADY_RUNNING_2);
    case WF_E_NOT_ACTIVE: return WF_M(M_NOT_ACTIVE);
    case WF_E_CANNOT_ACCEPT: return WF_M(M_CANNOT_ACCEPT_CONTROL);
    case WF_E_DB_LOCKED: return WF_M(M_DATABASE_LOCKED);
    case WF_E_DEPENDENTS: return WF_M(M_DEPENDENTS_RUNNING);
    case WF_E_BAD_CONTROL: return WF_M(M_INVALID_CONTROL);
    case WF_E_REQUEST_TIMEOUT: return WF_M(M_REQUEST_TIMEOUT);
    case WF_E_DEPENDENCY: return WF_M(M_DEPENDENCY_FAILED);
    case WF_E_START_FAILED: return WF_M(M_START_FAILED);
    case WF_E_TIMEOUT: return "timeout";
    case WF_E_NOT_STOPPABLE: return WF_M(M_NOT_STOPPABLE);
    case WF_E_UNREACHABLE: return WF_M(M_UNREACHABLE);
    case WF_E_SYSTEM: return WF_M(M_SYSTEM_ERROR);
    case WF_E_BUSY: return "busy";
    case WF_E_INTERRUPTED: return WF_M(M_INTERRUPTED);
    case WF_E_JOURNAL: return WF_M(M_JOURNAL_ERROR);
    case WF_E_BAD_DATA: return "bad_data";
    case WF_E_IN_USE: return "in_use";
    case WF_E_GONE: return "gone";
    case WF_E_UNTRUSTED: return "untrusted";
    }
    return WF_M(M_SYSTEM_ERROR);
}

int wf_err_exit_code(wf_err e, int elevated)
{
    switch (e) {
    case WF_OK:
    case WF_E_ALREADY_RUNNING:
    case WF_E_NOT_ACTIVE: return WF_EXIT_OK;
    case WF_E_USAGE: return WF_EXIT_USAGE;
    case WF_E_ACCESS:
        /* Elevated and still denied: that service's permissions were changed;
         * rights would not help, so it is a failure on that service. */
        return elevated ? WF_EXIT_FAILED : WF_EXIT_ACCESS;
    case WF_E_NO_SERVICE:
    case WF_E_DISABLED:
    case WF_E_MARKED_DELETE:
    case WF_E_CYCLE: /* the configured dependencies cannot be ordered */ return WF_EXIT_BLOCKED;
    case WF_E_CANNOT_ACCEPT:
    case WF_E_DB_LOCKED:
    case WF_E_DEPENDENTS:
    case WF_E_BAD_CONTROL:
    case WF_E_REQUEST_TIMEOUT:
    case WF_E_DEPENDENCY:
    case WF_E_START_FAILED:
    case WF_E_TIMEOUT:
    case WF_E_IN_USE:
    case WF_E_GONE:
    case WF_E_NOT_STOPPABLE: return WF_EXIT_FAILED;
    case WF_E_BUSY: return WF_EXIT_BUSY;
    case WF_E_INTERRUPTED: return WF_EXIT_INTERRUPTED;
    case WF_E_NOMEM:
    case WF_E_LIMIT:
    case WF_E_JOURNAL:
    case WF_E_UNTRUSTED:
    case WF_E_BAD_DATA:
    case WF_E_UNREACHABLE:
    case WF_E_SYSTEM: return WF_EXIT_SYSTEM;
    }
    return WF_EXIT_SYSTEM;
}

int wf_exit_worst(int a, int b)
{
    static const int order[] = {WF_EXIT_USAGE,   WF_EXIT_INTERRUPTED, WF_EXIT_SYSTEM, WF_EXIT_ACCESS,
                                WF_EXIT_BLOCKED, WF_EXIT_FAILED,      WF_EXIT_BUSY,   WF_EXIT_PROBLEMS,
                                WF_EXIT_REBOOT,  WF_EXIT_OK};
    size_t ra = 0, rb = 0; /* not in the list: first of all */
    for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
        if (order[i] == a)
            ra = i + 1;
        if (order[i] == b)
            rb = i + 1;
    }
    return ra <= rb ? a : b;
}

const char *wf_exit_words(int code)
{
    switch (code) {
    case WF_EXIT_OK: return "success";
    case WF_EXIT_PROBLEMS: return WF_M(M_CHECK_FOUND_PROBLEMS);
    case WF_EXIT_USAGE: return WF_M(M_USAGE_ERROR);
    case WF_EXIT_ACCESS: return WF_M(M_ADMINISTRATOR_RIGHTS_NEEDED);
    case WF_EXIT_FAILED: return WF_M(M_A_SERVICE_FAILED_TO_REACH);
    case WF_EXIT_BLOCKED: return WF_M(M_BLOCKED_BY_CONFIGURATION);
    case WF_EXIT_BUSY: return WF_M(M_BUSY_ANOTHER_WUFIX_IS_RUNNING);
    case WF_EXIT_INTERRUPTED: return WF_M(M_INTERRUPTED_SERVICES_WERE_PUT_BACK);
    case WF_EXIT_SYSTEM: return WF_M(M_UNEXPECTED_SYSTEM_ERROR);
    case WF_EXIT_REBOOT: return WF_M(M_SUCCESS_A_RESTART_OF_WINDOWS);
    default: return "unknown";
    }
}

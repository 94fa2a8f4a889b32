/* SPDX-License-Identifier: MIT */
/* cli.h - the command line: arguments into options, and the help text, for a
 * command table given as data (the commands layer owns the table). */
#ifndef WUFIX_CLI_H
#define WUFIX_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/buf.h"
#include "wufix/base/err.h"

/* The one version is CMake's project(VERSION); the build passes it in. */
#ifndef WF_VERSION
#define WF_VERSION "unknown"
#endif
#define WF_SERVICES_MAX      16 /* --service given at most this often */
#define WF_TIMEOUT_DEFAULT_S 30u
#define WF_TIMEOUT_MAX_S     3600u
#define WF_COMPUTER_ARGS_MAX 64  /* --computer given at most this often */
#define WF_MACHINE_NAME_MAX  254 /* a DNS name's 253 characters */
#define WF_PARALLEL_DEFAULT  8u
#define WF_PARALLEL_MAX      64u
#define WF_CONNECT_DEFAULT_S 10u
#define WF_CONNECT_MAX_S     300u
#define WF_COUNT_DEFAULT     20u /* history: results shown */
#define WF_COUNT_MAX         1000u

/* Option bits; a command lists the ones it accepts. */
enum wf_opt_bit {
    WF_OPT_SERVICE = 1u << 0,
    WF_OPT_ALL = 1u << 1,
    WF_OPT_TIMEOUT = 1u << 2,
    WF_OPT_DRY_RUN = 1u << 3,
    WF_OPT_JSON = 1u << 4,
    WF_OPT_QUIET = 1u << 5,
    WF_OPT_NO_COLOR = 1u << 6,
    WF_OPT_HELP = 1u << 7,
    WF_OPT_FORCE = 1u << 8,
    WF_OPT_YES = 1u << 9,
    WF_OPT_LOG = 1u << 10,
    WF_OPT_COMPUTER = 1u << 11, /* --computer, --parallel, --connect-timeout */
    WF_OPT_PARALLEL = 1u << 12,
    WF_OPT_CONNECT = 1u << 13,
    WF_OPT_MAX_AGE = 1u << 14,  /* check --max-age-days */
    WF_OPT_COUNT = 1u << 24,    /* history -n N (--count N) */
    WF_OPT_BRIEF = 1u << 25,    /* check --json --brief */
    WF_OPT_OUTPUT = 1u << 26,   /* collect --output PATH */
    WF_OPT_LIST = 1u << 15,     /* undo --list */
    WF_OPT_POLICIES = 1u << 16, /* repair --policies */
};

struct wf_options {
    const struct wf_command *cmd;
    bool cmd_given;                        /* named on the command line */
    const char *services[WF_SERVICES_MAX]; /* canonical names */
    size_t nservices;
    bool all, dry_run, json, quiet, no_color, help, version, force, yes;
    bool list;            /* undo --list: the runs it can put back */
    bool policies;        /* repair --policies: also remove policies no GPO or MDM sets */
    const char *log_path; /* --log FILE: append a record of the run (CMTrace lines) */
    uint32_t timeout_s;
    const char *help_topic; /* help COMMAND */
    /* --computer values as given (a name, a comma list, or @FILE); the names
     * in them are checked, a file's are read when the run starts. */
    const char *computers[WF_COMPUTER_ARGS_MAX];
    size_t ncomputers;
    uint32_t parallel;          /* --parallel: machines at once */
    uint32_t connect_timeout_s; /* --connect-timeout: per machine */
    uint32_t max_age_days;      /* check --max-age-days: 0 when not given */
    uint32_t count;             /* history: how many results (-n N) */
    bool brief;                 /* check --json --brief: one flat object within 2,048 characters */
    const char *output;         /* collect --output PATH: the zip (a new file) */
};

#define WF_MAX_AGE_MAX_DAYS 3650u

struct wf_ctx; /* the commands layer's; the parser never looks inside */

/* One row of the command table: help is generated from it. */
struct wf_command {
    const char *name;
    const char *args;    /* "" or "[COMMAND]" */
    unsigned opts;       /* enum wf_opt_bit accepted */
    bool changes_system; /* needs administrator rights */
    int (*handler)(struct wf_ctx *ctx);
};

/* A command table: rows in the order people use them (help lists them so). */
struct wf_cmd_table {
    const struct wf_command *row;
    size_t n;
};

/* A command's summary, one sentence help wraps (`examples` false), or its
 * examples, command lines each ending in '\n': commands.inc's words, found
 * in the exe's deflated text by the row's place in the table. */
const char *wf_cli_words(const struct wf_cmd_table *t, const struct wf_command *cmd, bool examples);

/* The row named `name` in any case ("RESTART"), or NULL. */
const struct wf_command *wf_cli_find(const struct wf_cmd_table *t, const char *name);

/* Parse argv (UTF-8, argv[0] is the program) against the table. On a usage
 * error, returns WF_E_USAGE with a one-line message in `err` naming the
 * argument. */
wf_err wf_cli_parse(const struct wf_cmd_table *t, int argc, char **argv, struct wf_options *opt, char *err,
                    size_t errsize);

/* Append the help text: wufix's (cmd NULL), or one command's, every line
 * within `cols` columns (wf_out_width). */
void wf_cli_help(struct wf_buf *b, const struct wf_cmd_table *t, const struct wf_command *cmd, size_t cols);
/* `v` for a message: in single quotes, cut at 80 bytes, control characters
 * and quotes escaped (\n, \x1b, \'); returns out. */
const char *wf_cli_quote(const char *v, char *out, size_t size);

/* Whether `name` (its length `n`) is a machine name wufix takes: a DNS or
 * NetBIOS name or an IPv4 address, letters, digits, '-', '.' and '_', at most
 * 253 characters, not starting with '-' or '.'; a leading two backslashes are allowed and
 * not part of it. On failure a one-line reason in `err`. */
wf_err wf_cli_machine_check(const char *name, size_t n, char *err, size_t size);

/* The usage line. */
const char *wf_cli_usage(void);
/* One command's usage line (no newline); wufix's when cmd is NULL. */
void wf_cli_usage_of(struct wf_buf *b, const struct wf_command *cmd);

#endif

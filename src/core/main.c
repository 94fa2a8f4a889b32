/* SPDX-License-Identifier: MIT */
/* main.c - wufix's main: parse against the one table, run the command. */
#include "wufix/wufix.h"

#include "wufix/base/prose.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/cmtrace.h"
#include "wufix/base/defaults.h"
#include "wufix/base/sha256.h"
#include "wufix/cli.h"
#include "wufix/cmd/commands.h"
#include "wufix/cmd/usage.h"
#include "wufix/mech/journal.h"
#include "wufix/mech/report.h"

/* Whether the command line asked for --json, and the command it named (or
 * NULL), read even when the line is wrong: a script that asked gets one JSON
 * object all the same. */
static bool asked_json(const struct wf_cmd_table *t, int argc, char **argv, const char **command)
{
    bool json = false;
    *command = NULL;
    for (int i = 1; i < argc; i++) {
        json |= strcmp(argv[i], "--json") == 0;
        if (!*command && argv[i][0] != '-' && wf_cli_find(t, argv[i]))
            *command = wf_cli_find(t, argv[i])->name;
    }
    return json;
}

/* The JSON object of a usage error, for a script that asked for one. */
static void usage_json(const struct wf_cmd_table *t, int argc, char **argv, const char *err,
                       const struct wf_platform *pf)
{
    const char *command;
    if (!asked_json(t, argc, argv, &command))
        return;
    struct wf_buf b;
    wf_buf_init(&b);
    wf_report_json_usage(&b, command, err);
    wf_out_buf(&pf->out, WF_STDOUT, &b);
    wf_buf_release(&b);
}

/* --log: every line wufix writes, as it writes it, also goes to the log
 * (stderr's as errors, its warnings as warnings, a problem's line as its
 * severity), with the lines written for the log alone (WF_LOG: the whole
 * record whatever --quiet shows), between a line with the command line and
 * one with the exit code. */
struct log_tee {
    const struct wf_platform *pf; /* the real one */
    struct wf_buf line[3];        /* the unfinished line of stdout, stderr, the log's own */
};

/* A report's problem line begins with its severity ("  error   code ...",
 * "  warning code ..."), perhaps coloured: CMTrace's type follows it. */
static enum wf_cmtrace_type line_type(const char *text)
{
    const char *t = text + strspn(text, " ");
    while (t[0] == '\x1b' && t[1] == '[') /* a colour sequence: ESC [ digits ; m */
        t += 2 + strspn(t + 2, WF_M(M_0123456789_2)) + (t[2 + strspn(t + 2, WF_M(M_0123456789_2))] == 'm');
    if (t != text && strncmp(t, "error ", 6) == 0)
        return WF_CMTRACE_ERROR;
    if (t != text && strncmp(t, "warning ", 8) == 0)
        return WF_CMTRACE_WARNING;
    return WF_CMTRACE_INFO;
}

static void tee_line(struct log_tee *t, enum wf_stream s, enum wf_cmtrace_type type, const char *text)
{
    char when[32] = "";
    struct wf_buf b;
    t->pf->timestamp(t->pf->self, when, sizeof(when));
    wf_buf_init(&b);
    if (type == WF_CMTRACE_INFO && s == WF_STDERR)
        type = strncmp(text, WF_M(M_WUFIX_WARNING), 14) == 0 ? WF_CMTRACE_WARNING : WF_CMTRACE_ERROR;
    else if (type == WF_CMTRACE_INFO)
        type = line_type(text);
    wf_cmtrace_line(&b, when, t->pf->pid, type, text);
    if (!b.oom)
        t->pf->log_write(t->pf->self, b.data, b.len);
    wf_buf_release(&b);
}

/* A finished line: what the console shows of it (after the last carriage
 * return of a progress line), without trailing blanks; blank lines are left out. */
static void tee_flush(struct log_tee *t, enum wf_stream s)
{
    struct wf_buf *l = &t->line[s - 1];
    char *text = l->data ? l->data : (char *)"";
    char *cr = strrchr(text, '\r');
    if (cr)
        text = cr + 1;
    size_t n = strlen(text);
    while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
        text[--n] = '\0';
    if (n)
        tee_line(t, s, WF_CMTRACE_INFO, text);
    wf_buf_clear(l);
}

static void tee_write(void *self, enum wf_stream s, const char *text, size_t n)
{
    struct log_tee *t = self;
    if (s != WF_LOG)
        t->pf->out.write(t->pf->out.self, s, text, n);
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n')
            tee_flush(t, s);
        else
            wf_buf_add(&t->line[s - 1], text + i, 1);
    }
}

/* The command; a changing one then leaves one event in the system's log,
 * told from the journal it wrote (none: nothing changed). */
static int changing_run(const struct wf_options *opt, const struct wf_platform *pf)
{
    char was[WF_SHA256_HEX] = "", now[WF_SHA256_HEX] = "", before[WF_SHA256_HEX];
    /* With --computer the fleet tells, one event for all its machines. */
    bool tell = opt->cmd->changes_system && !opt->dry_run && !opt->help && pf->event && pf->elevated &&
                !opt->ncomputers;
    /* The anchor moves when, and only when, this run writes a journal. */
    if (tell)
        pf->store.anchor_get(pf->store.self, was, before, sizeof(was), NULL);
    int code = wf_cmd_run(opt, pf);
    if (!tell)
        return code;
    struct wf_journal *j = calloc(1, sizeof(*j));
    char why[256];
    struct wf_buf b;
    pf->store.anchor_get(pf->store.self, now, before, sizeof(now), NULL);
    bool ours = j && strcmp(was, now) != 0 && wf_journal_load(j, &pf->store, why, sizeof(why)) == WF_OK;
    wf_buf_init(&b);
    wf_report_event(&b, opt->cmd->name, ours ? j : NULL, code, pf->journal_where);
    if (!b.oom)
        pf->event(pf->self,
                  code == WF_EXIT_OK || code == WF_EXIT_REBOOT ? WF_EVENT_INFO
                  : code == WF_EXIT_BUSY                       ? WF_EVENT_WARNING
                                                               : WF_EVENT_ERROR,
                  wf_buf_str(&b));
    wf_buf_release(&b);
    free(j);
    return code;
}

/* Run the command with its output also logged. */
static int run_logged(const struct wf_options *opt, const struct wf_platform *pf, int argc, char **argv)
{
    struct log_tee t = {.pf = pf};
    struct wf_platform lp = *pf;
    struct wf_buf b;
    char line[64];
    lp.out.write = tee_write;
    lp.out.self = &t;
    lp.out.logged = true;
    lp.out.cols = 0; /* nothing wrapped: each line of the log one whole entry */
    for (size_t i = 0; i < 3; i++)
        wf_buf_init(&t.line[i]);
    wf_buf_init(&b);
    wf_buf_puts(&b, "wufix " WF_VERSION " started:");
    for (int i = 0; i < argc; i++) {
        bool space = strchr(argv[i], ' ') != NULL || !argv[i][0];
        wf_buf_printf(&b, " %s", space ? "\"" : "");
        wf_buf_puts_safe(&b, i ? argv[i] : "wufix");
        wf_buf_puts(&b, space ? "\"" : "");
    }
    tee_line(&t, WF_STDOUT, WF_CMTRACE_INFO, b.oom ? WF_M(M_WUFIX_STARTED) : wf_buf_str(&b));
    int code = changing_run(opt, &lp);
    tee_flush(&t, WF_STDOUT);
    tee_flush(&t, WF_STDERR);
    tee_flush(&t, WF_LOG);
    snprintf(line, sizeof(line), WF_M(M_WUFIX_ENDED_EXIT_CODE_D), code);
    wf_buf_clear(&b);
    wf_buf_printf(&b, "%s (%s)", line, wf_exit_words(code));
    tee_line(&t, WF_STDOUT,
             code == WF_EXIT_OK || code == WF_EXIT_REBOOT ? WF_CMTRACE_INFO
             : code == WF_EXIT_PROBLEMS                   ? WF_CMTRACE_WARNING
                                                          : WF_CMTRACE_ERROR,
             wf_buf_str(&b));
    pf->log_close(pf->self);
    wf_buf_release(&b);
    for (size_t i = 0; i < 3; i++)
        wf_buf_release(&t.line[i]);
    return code;
}

/* A changing command at an interactive console that is not elevated: the
 * same arguments again, elevated (SPEC 6). reset's question is asked here,
 * since the elevated process reads nothing from this console. */
static int relaunch(const struct wf_options *opt, const struct wf_platform *pf, int argc, char **argv)
{
    /* Every argument, never a shortened list: a dropped --computer would act here. */
    const char **args = calloc((size_t)argc + 1, sizeof(*args));
    size_t n = 0;
    if (!args)
        return WF_EXIT_SYSTEM;
    for (int i = 1; i < argc; i++)
        args[n++] = argv[i];
    if (strcmp(opt->cmd->name, "reset") == 0 && !opt->yes) {
        if (!wf_platform_ask(pf, WF_STDOUT, WF_M(M_RESET_SETS_ASIDE_SOFTWAREDISTRIBUTION_CATROOT2), false)) {
            free(args);
            return WF_EXIT_OK;
        }
        args[n++] = "--yes";
    }
    int code = WF_EXIT_ACCESS;
    wf_err e = pf->elevate(pf->self, args, n, false, &code);
    free(args);
    if (e == WF_E_LIMIT) {
        wf_out_puts(&pf->out, WF_STDERR, WF_M(M_WUFIX_THE_ARGUMENTS_ARE_TOO));
        return WF_EXIT_USAGE;
    }
    if (e != WF_OK) {
        wf_out_puts(&pf->out, WF_STDERR, WF_M(M_WUFIX_ADMINISTRATOR_RIGHTS_WERE_REFUSED));
        return WF_EXIT_ACCESS;
    }
    return code;
}

/* Run the command as asked, elevated or logged as need be. */
static int run(const struct wf_options *opt, const struct wf_platform *pf, int argc, char **argv, char *err,
               size_t errsize)
{
    const struct wf_cmd_table *t = wf_cmd_table();
    /* The elevated half of a relaunch that is still not elevated never asks
     * again: it goes on to refuse the command (exit 3). */
    if (opt->cmd->changes_system && opt->cmd_given && !opt->dry_run && !opt->help && !pf->elevated &&
        pf->interactive && pf->elevate && !pf->relaunched)
        return relaunch(opt, pf, argc, argv);
    if (opt->log_path && !opt->help && !opt->version) {
        char why[256] = "";
        if (pf->log_open(pf->self, opt->log_path, why, sizeof(why)) != WF_OK) {
            char q[400];
            snprintf(err, errsize, WF_M(M_LOG_CANNOT_OPEN_S_TO), wf_cli_quote(opt->log_path, q, sizeof(q)),
                     why);
            wf_out_printf(&pf->out, WF_STDERR, WF_M(M_WUFIX_S_NOTHING_WAS_CHANGED), err);
            usage_json(t, argc, argv, err, pf);
            return WF_EXIT_USAGE;
        }
        return run_logged(opt, pf, argc, argv);
    }
    return changing_run(opt, pf);
}

int wf_main(int argc, char **argv, const struct wf_platform *pf)
{
    const struct wf_cmd_table *t = wf_cmd_table();
    struct wf_options opt;
    char err[WF_TEXT_MAX];
    int code;
    /* The exe's deflated text unpacked now, while one thread runs: every
     * thread after (workers, a name's lookup) only reads it. */
    (void)wf_prose(WF_PROSE_N, NULL);
    size_t rows;
    (void)wf_defaults_table(&rows); /* the services' rows, their text read from it */
    if (wf_cli_parse(t, argc, argv, &opt, err, sizeof(err)) != WF_OK) {
        const char *command;
        bool json = asked_json(t, argc, argv, &command);
        code = wf_cmd_usage_error(pf, command ? wf_cli_find(t, command) : NULL, command, json, err);
    } else {
        if (opt.version)
            opt.cmd = wf_cli_find(t, "version");
        else if (opt.help) {
            if (opt.cmd_given && strcmp(opt.cmd->name, "help") != 0)
                opt.help_topic = opt.cmd->name;
            opt.cmd = wf_cli_find(t, "help");
        }
        code = run(&opt, pf, argc, argv, err, sizeof(err));
    }
    /* Double-clicked (or started from Win+R): the window would close with
     * wufix; keep it until the person has read it. */
    if (pf->alone) {
        char line[16];
        wf_out_puts(&pf->out, WF_STDOUT, WF_M(M_NPRESS_ENTER_TO_CLOSE));
        pf->read_line(pf->self, line, sizeof(line));
    }
    return code;
}

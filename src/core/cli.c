/* SPDX-License-Identifier: MIT */
/* cli.c - parse the command line against a command table; the help text. */
#include "wufix/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/prose.h"
#include "wufix/base/services.h"
#include "wufix/base/svc.h"

struct opt_def {
    unsigned bit;
    char short_name;
    const char *long_name;
    const char *arg; /* NULL: a flag */
};

#define OPT(bit, short_name, long_name, arg, help) {bit, short_name, long_name, arg},
static const struct opt_def options[] = {
#include "cli.inc"
};
#undef OPT
#define NOPTIONS (sizeof(options) / sizeof(options[0]))

const char *wf_cli_usage(void)
{
    return WF_M(M_USAGE_WUFIX_COMMAND_OPTIONS_WUFIX);
}

void wf_cli_usage_of(struct wf_buf *b, const struct wf_command *cmd)
{
    if (!cmd) {
        wf_buf_puts(b, wf_cli_usage());
        return;
    }
    wf_buf_printf(b, WF_M(M_USAGE_WUFIX_S_S_S), cmd->name, cmd->args[0] ? " " : "", cmd->args, cmd->name);
}

static wf_err fail(char *err, size_t size, const char *fmt, ...) WF_PRINTF(3, 4);

static wf_err fail(char *err, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* clang-analyzer 14 misses the va_start just above. */
    vsnprintf(err, size, fmt, ap); /* NOLINT(clang-analyzer-valist.Uninitialized) */
    va_end(ap);
    return WF_E_USAGE;
}

/* 'value' for a message: quoted, cut at 80 bytes, control characters and
 * quotes shown escaped (\n, \t, \x1b, \'), so the line stays one line and
 * says exactly what was given. */
const char *wf_cli_quote(const char *v, char *out, size_t size)
{
    size_t o = 0, n = 0;
    out[o++] = '\'';
    for (const unsigned char *p = (const unsigned char *)v; *p && o + 8 < size; p++, n++) {
        if (n == 80) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        if (*p == '\n' || *p == '\t' || *p == '\r')
            o += (size_t)snprintf(out + o, size - o, "\\%c", *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r');
        else if (*p < 0x20 || *p == 0x7f)
            o += (size_t)snprintf(out + o, size - o, "\\x%02x", *p);
        else if (*p == '\'')
            o += (size_t)snprintf(out + o, size - o, "\\'");
        else
            out[o++] = (char)*p;
    }
    out[o++] = '\'';
    out[o] = '\0';
    return out;
}

#define QUOTE_MAX 400

/* A whole number from lo to hi, for option `opt`. */
static wf_err parse_number(const char *opt, const char *what, const char *v, uint32_t lo, uint32_t hi,
                           uint32_t *out, char *err, size_t size)
{
    unsigned long n = 0;
    const char *p = v;
    char q[QUOTE_MAX];
    if (!p || *p == '\0')
        return fail(err, size, WF_M(M_S_NEEDS_A_NUMBER_S), opt, what);
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || n > hi)
            break;
        n = n * 10 + (unsigned long)(*p - '0');
    }
    if (*p || n < lo || n > hi)
        return fail(err, size, WF_M(M_S_S_IS_NOT_A), opt, wf_cli_quote(v, q, sizeof(q)), what, (unsigned)lo,
                    (unsigned)hi);
    *out = (uint32_t)n;
    return WF_OK;
}

wf_err wf_cli_machine_check(const char *name, size_t n, char *err, size_t size)
{
    char v[WF_MACHINE_NAME_MAX + 8], q[QUOTE_MAX];
    size_t shown = n < sizeof(v) - 1 ? n : sizeof(v) - 1;
    memcpy(v, name, shown);
    v[shown] = '\0';
    if (n >= 2 && name[0] == '\\' && name[1] == '\\') {
        name += 2;
        n -= 2;
    }
    if (n == 0)
        return fail(err, size, WF_M(M_COMPUTER_AN_EMPTY_MACHINE_NAME), wf_cli_quote(v, q, sizeof(q)));
    if (n > WF_MACHINE_NAME_MAX - 1)
        return fail(err, size, WF_M(M_COMPUTER_THE_MACHINE_NAME_S), wf_cli_quote(v, q, sizeof(q)));
    if (name[0] == '-' || name[0] == '.')
        if (!(n == 1 && name[0] == '.'))
            return fail(err, size, WF_M(M_COMPUTER_S_IS_NOT_A), wf_cli_quote(v, q, sizeof(q)), name[0]);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '.' || c == '_';
        if (!ok)
            return fail(err, size, WF_M(M_COMPUTER_S_IS_NOT_A_2), wf_cli_quote(v, q, sizeof(q)));
    }
    return WF_OK;
}

/* --computer: a name, a comma list of names, or @FILE (read later). */
static wf_err add_computer(struct wf_options *o, const char *v, char *err, size_t size)
{
    char q[QUOTE_MAX];
    if (!v || !v[0])
        return fail(err, size, WF_M(M_COMPUTER_NEEDS_A_MACHINE_NAME));
    if (o->ncomputers >= WF_COMPUTER_ARGS_MAX)
        return fail(err, size, WF_M(M_COMPUTER_GIVEN_MORE_THAN_U), WF_COMPUTER_ARGS_MAX,
                    wf_cli_quote(v, q, sizeof(q)));
    if (v[0] == '@') {
        if (!v[1])
            return fail(err, size, WF_M(M_COMPUTER_NEEDS_A_FILE_NAME));
    } else {
        for (const char *p = v;;) {
            const char *comma = strchr(p, ',');
            size_t n = comma ? (size_t)(comma - p) : strlen(p);
            wf_err e = wf_cli_machine_check(p, n, err, size);
            if (e != WF_OK)
                return e;
            if (!comma)
                break;
            p = comma + 1;
        }
    }
    o->computers[o->ncomputers++] = v;
    return WF_OK;
}

static wf_err add_one_service(struct wf_options *o, const char *v, char *err, size_t size);

/* --service: a name or a comma list of names, as --computer takes them. */
static wf_err add_service(struct wf_options *o, const char *v, char *err, size_t size)
{
    char one[WF_NAME_MAX + 1], q[QUOTE_MAX];
    if (!v || !strchr(v, ','))
        return add_one_service(o, v, err, size);
    for (const char *p = v;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        if (n == 0)
            return fail(err, size, WF_M(M_SERVICE_AN_EMPTY_NAME_IN), wf_cli_quote(v, q, sizeof(q)));
        if (n > WF_NAME_MAX - 1)
            n = WF_NAME_MAX; /* add_one_service says it is too long */
        memcpy(one, p, n);
        one[n] = '\0';
        wf_err e = add_one_service(o, one, err, size);
        if (e != WF_OK)
            return e;
        if (!comma)
            return WF_OK;
        p = comma + 1;
    }
}

static wf_err add_one_service(struct wf_options *o, const char *v, char *err, size_t size)
{
    size_t n = v ? strlen(v) : 0;
    char q[QUOTE_MAX];
    if (n == 0)
        return fail(err, size, WF_M(M_SERVICE_THE_SERVICE_NAME_IS));
    if (n >= WF_NAME_MAX)
        return fail(err, size, WF_M(M_SERVICE_THE_SERVICE_NAME_S), wf_cli_quote(v, q, sizeof(q)));
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '\\' || *p == '/')
            return fail(err, size, WF_M(M_SERVICE_S_IS_NOT_A), wf_cli_quote(v, q, sizeof(q)));
    const struct wf_known_service *k = wf_services_find(v);
    if (!k)
        return fail(err, size, WF_M(M_SERVICE_UNKNOWN_SERVICE_S_WUFIX), wf_cli_quote(v, q, sizeof(q)));
    for (size_t i = 0; i < o->nservices; i++)
        if (o->services[i] == k->name)
            return WF_OK;
    if (o->nservices >= WF_SERVICES_MAX)
        return fail(err, size, WF_M(M_SERVICE_GIVEN_MORE_THAN_U), WF_SERVICES_MAX,
                    wf_cli_quote(v, q, sizeof(q)));
    o->services[o->nservices++] = k->name;
    return WF_OK;
}

static const struct opt_def *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (strlen(options[i].long_name) == len && strncmp(options[i].long_name, name, len) == 0)
            return &options[i];
    return NULL;
}

static const struct opt_def *find_short(char c)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].short_name == c)
            return &options[i];
    return NULL;
}

static wf_err apply(struct wf_options *o, const struct opt_def *d, const char *v, unsigned *seen, char *err,
                    size_t size)
{
    *seen |= d->bit;
    switch (d->bit) {
    case WF_OPT_SERVICE: return add_service(o, v, err, size);
    case WF_OPT_TIMEOUT:
        return parse_number("--timeout", WF_M(M_OF_SECONDS), v, 1, WF_TIMEOUT_MAX_S, &o->timeout_s, err,
                            size);
    case WF_OPT_COMPUTER: return add_computer(o, v, err, size);
    case WF_OPT_PARALLEL:
        return parse_number(WF_M(M_PARALLEL), WF_M(M_OF_MACHINES), v, 1, WF_PARALLEL_MAX, &o->parallel, err,
                            size);
    case WF_OPT_CONNECT:
        return parse_number(WF_M(M_CONNECT_TIMEOUT), WF_M(M_OF_SECONDS), v, 1, WF_CONNECT_MAX_S,
                            &o->connect_timeout_s, err, size);
    case WF_OPT_MAX_AGE:
        return parse_number(WF_M(M_MAX_AGE_DAYS), " of days", v, 1, WF_MAX_AGE_MAX_DAYS, &o->max_age_days,
                            err, size);
    case WF_OPT_COUNT:
        return parse_number("--count", WF_M(M_OF_RESULTS), v, 1, WF_COUNT_MAX, &o->count, err, size);
    case WF_OPT_BRIEF: o->brief = true; break;
    case WF_OPT_OUTPUT:
        if (!v || !v[0])
            return fail(err, size, WF_M(M_OUTPUT_NEEDS_A_FILE_NAME));
        o->output = v;
        break;
    case WF_OPT_ALL: o->all = true; break;
    case WF_OPT_DRY_RUN: o->dry_run = true; break;
    case WF_OPT_JSON: o->json = true; break;
    case WF_OPT_QUIET: o->quiet = true; break;
    case WF_OPT_NO_COLOR: o->no_color = true; break;
    case WF_OPT_HELP: o->help = true; break;
    case WF_OPT_FORCE: o->force = true; break;
    case WF_OPT_YES: o->yes = true; break;
    case WF_OPT_LIST: o->list = true; break;
    case WF_OPT_POLICIES: o->policies = true; break;
    case WF_OPT_LOG:
        if (!v || !v[0])
            return fail(err, size, WF_M(M_LOG_NEEDS_A_FILE_NAME));
        o->log_path = v;
        break;
    default: break;
    }
    return WF_OK;
}

/* Commands are named in any case, as Windows' own (sc QUERY, NET START). */
const struct wf_command *wf_cli_find(const struct wf_cmd_table *t, const char *name)
{
    for (size_t i = 0; i < t->n; i++)
        if (wf_name_cmp(t->row[i].name, name) == 0)
            return &t->row[i];
    return NULL;
}

/* Edits (insert, delete, change, swap two neighbours) from a to b, in any
 * case; more than 3 counts as 3. */
static unsigned edits(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 15 || lb > 15)
        return 3;
    unsigned d[16][16];
    for (size_t i = 0; i <= la; i++)
        for (size_t j = 0; j <= lb; j++) {
            if (!i || !j) {
                d[i][j] = (unsigned)(i + j);
                continue;
            }
            unsigned x = wf_name_ncmp(a + i - 1, b + j - 1, 1) != 0;
            unsigned v = d[i - 1][j - 1] + x;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && !wf_name_ncmp(a + i - 1, b + j - 2, 1) &&
                !wf_name_ncmp(a + i - 2, b + j - 1, 1) && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb] > 3 ? 3 : d[la][lb];
}

/* The command `a` is likely a slip for: within two edits (one for short
 * names), the nearest; NULL when none is. */
static const char *near_miss(const struct wf_cmd_table *t, const char *a)
{
    const char *best = NULL;
    unsigned least = 3;
    for (size_t i = 0; a && i < t->n; i++) {
        if (!t->row[i].name)
            continue;
        unsigned e = edits(a, t->row[i].name);
        if (e < least && (e == 1 || strlen(t->row[i].name) > 4)) {
            least = e;
            best = t->row[i].name;
        }
    }
    return best;
}

static wf_err unknown_command(const struct wf_cmd_table *t, const char *lead, const char *a, char *err,
                              size_t size)
{
    char q[QUOTE_MAX];
    const char *guess = near_miss(t, a);
    if (guess)
        return fail(err, size, WF_M(M_SUNKNOWN_COMMAND_S_DID_YOU), lead, wf_cli_quote(a, q, sizeof(q)),
                    guess);
    return fail(err, size, WF_M(M_SUNKNOWN_COMMAND_S), lead, wf_cli_quote(a, q, sizeof(q)));
}

wf_err wf_cli_parse(const struct wf_cmd_table *t, int argc, char **argv, struct wf_options *o, char *err,
                    size_t size)
{
    unsigned seen = 0;
    char q[QUOTE_MAX];
    memset(o, 0, sizeof(*o));
    o->timeout_s = WF_TIMEOUT_DEFAULT_S;
    o->parallel = WF_PARALLEL_DEFAULT;
    o->connect_timeout_s = WF_CONNECT_DEFAULT_S;
    o->count = WF_COUNT_DEFAULT;
    err[0] = '\0';
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const struct opt_def *d = NULL;
        const char *v = NULL;
        if (strcmp(a, "/?") == 0 || strcmp(a, "-?") == 0) {
            o->help = true;
            seen |= WF_OPT_HELP;
            continue;
        }
        if (strcmp(a, "--version") == 0) {
            o->version = true;
            continue;
        }
        if (a[0] == '-' && a[1] == '-' && a[2]) {
            const char *eq = strchr(a + 2, '=');
            size_t len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
            d = find_long(a + 2, len);
            if (!d)
                return fail(err, size, WF_M(M_UNKNOWN_OPTION_S), wf_cli_quote(a, q, sizeof(q)));
            if (eq && !d->arg)
                return fail(err, size, WF_M(M_OPTION_S_TAKES_NO_VALUE), d->long_name,
                            wf_cli_quote(eq + 1, q, sizeof(q)));
            v = eq ? eq + 1 : NULL;
        } else if (a[0] == '-' && a[1]) {
            d = find_short(a[1]);
            /* history -n N: a count, as head and tail take it (elsewhere -n is --dry-run). */
            if (d && d->bit == WF_OPT_DRY_RUN && o->cmd && strcmp(o->cmd->name, "history") == 0)
                d = find_long("count", 5);
            if (!d)
                return fail(err, size, WF_M(M_UNKNOWN_OPTION_S), wf_cli_quote(a, q, sizeof(q)));
            if (a[2] && !d->arg)
                return fail(err, size, WF_M(M_UNKNOWN_OPTION_S), wf_cli_quote(a, q, sizeof(q)));
            v = a[2] ? a + 2 : NULL;
        } else {
            if (!o->cmd) {
                o->cmd = wf_cli_find(t, a);
                if (!o->cmd)
                    return unknown_command(t, "", a, err, size);
                o->cmd_given = true;
            } else if (strcmp(o->cmd->name, "help") == 0 && !o->help_topic) {
                if (!wf_cli_find(t, a))
                    return unknown_command(t, "help: ", a, err, size);
                o->help_topic = wf_cli_find(t, a)->name;
            } else {
                return fail(err, size, WF_M(M_UNEXPECTED_ARGUMENT_S), wf_cli_quote(a, q, sizeof(q)));
            }
            continue;
        }
        if (d->arg && !v) {
            if (i + 1 >= argc)
                return fail(err, size, WF_M(M_OPTION_S_NEEDS_A_VALUE), wf_cli_quote(a, q, sizeof(q)), d->arg);
            v = argv[++i];
        }
        wf_err e = apply(o, d, v, &seen, err, size);
        if (e != WF_OK)
            return e;
    }
    if (!o->cmd)
        o->cmd = wf_cli_find(t, o->version ? "version" : "status");
    if (o->help || o->version)
        return WF_OK;
    const unsigned remote = WF_OPT_COMPUTER | WF_OPT_PARALLEL | WF_OPT_CONNECT;
    for (size_t i = 0; i < NOPTIONS; i++)
        if ((seen & options[i].bit) && !(o->cmd->opts & options[i].bit))
            return fail(err, size, WF_M(M_OPTION_S_DOES_NOT_APPLY), options[i].long_name, o->cmd->name,
                        (options[i].bit & remote) && o->cmd->changes_system ? WF_M(M_IT_WORKS_ON_THIS_MACHINE)
                                                                            : "");
    if ((seen & (WF_OPT_PARALLEL | WF_OPT_CONNECT)) && !o->ncomputers)
        return fail(err, size, WF_M(M_OPTION_S_NEEDS_COMPUTER),
                    seen & WF_OPT_PARALLEL ? "parallel" : WF_M(M_CONNECT_TIMEOUT_2));
    if (o->all && o->nservices)
        return fail(err, size, WF_M(M_USE_EITHER_SERVICE_OR_ALL));
    if (o->cmd->changes_system)
        for (size_t i = 0; i < o->nservices; i++) {
            const struct wf_known_service *k = wf_services_find(o->services[i]);
            if (k->kind == WF_SET_REPORTED)
                return fail(err, size, WF_M(M_SERVICE_S_IS_REPORTED_ONLY), k->name, o->cmd->name);
        }
    if (o->json && o->quiet)
        return fail(err, size, WF_M(M_USE_EITHER_JSON_OR_QUIET));
    if (o->brief && !o->json)
        return fail(err, size, WF_M(M_BRIEF_NEEDS_JSON_CHECK_JSON));
    if (o->brief && o->ncomputers)
        return fail(err, size, WF_M(M_BRIEF_WORKS_ON_THIS_MACHINE));
    if (o->list && (o->json || o->dry_run))
        return fail(err, size, WF_M(M_LIST_ONLY_LISTS_IN_WORDS), o->json ? "json" : "dry-run");
    return WF_OK;
}

/* Each example line, indented (one too long for the console: wrapped). */
static void examples(struct wf_buf *b, const char *ex, size_t indent, size_t cols)
{
    for (const char *p = ex ? ex : ""; *p;) {
        char line[256];
        size_t n = strcspn(p, "\n");
        snprintf(line, sizeof(line), "%.*s", (int)n, p);
        wf_buf_printf(b, "%*s", (int)indent, "");
        wf_buf_wrap(b, line, indent, indent + 2, cols);
        p += n + (p[n] == '\n');
    }
}

/* A name in a column `at` wide (from column 2), its words after it; under
 * it when the name is too wide, or every time on a narrow console. */
static void entry(struct wf_buf *b, const char *name, size_t at, const char *words, size_t cols)
{
    size_t col = cols < 60 ? 6 : at + 2;
    wf_buf_puts(b, "  ");
    if (strlen(name) >= at || cols < 60)
        wf_buf_printf(b, "%s\n%*s", name, (int)col, "");
    else
        wf_buf_pad(b, name, at);
    wf_buf_wrap(b, words, col, col, cols);
}

const char *wf_cli_words(const struct wf_cmd_table *t, const struct wf_command *cmd, bool examples)
{
    return wf_prose_nth(WF_PROSE_COMMANDS, (size_t)(cmd - t->row) * 2 + examples);
}

static void help_options(struct wf_buf *b, unsigned mask, size_t cols)
{
    for (size_t i = 0; i < NOPTIONS; i++) {
        const struct opt_def *d = &options[i];
        if (!(mask & d->bit))
            continue;
        /* Long names in one column, as git and GNU tools show them: a
         * long-only option where "-s, " would stand. */
        char left[64], letter[8] = "    ";
        if (d->short_name)
            snprintf(letter, sizeof(letter), "-%c, ", d->short_name);
        snprintf(left, sizeof(left), WF_M(M_S_S_S_S), letter, d->long_name, d->arg ? " " : "",
                 d->arg ? d->arg : "");
        entry(b, left, 24, wf_prose_nth(WF_PROSE_OPTIONS, i), cols);
    }
}

void wf_cli_help(struct wf_buf *b, const struct wf_cmd_table *table, const struct wf_command *cmd,
                 size_t cols)
{
    const struct wf_command *t = table->row;
    size_t n = table->n;
    if (cmd) {
        char use[160];
        snprintf(use, sizeof(use), WF_M(M_USAGE_WUFIX_S_S_S_2), cmd->name, cmd->args[0] ? " " : "",
                 cmd->args);
        wf_buf_wrap(b, use, 0, 6, cols);
        wf_buf_puts(b, "\n");
        wf_buf_wrap(b, wf_cli_words(table, cmd, false), 0, 0, cols);
        if (cmd->changes_system)
            wf_buf_wrap(b, WF_M(M_CHANGES_SERVICES_NEEDS_ADMINISTRATOR_RIGHTS), 0, 0, cols);
        if (wf_cli_words(table, cmd, true)[0]) {
            wf_buf_puts(b, WF_M(M_NEXAMPLES_N));
            examples(b, wf_cli_words(table, cmd, true), 2, cols);
        }
        if (cmd->opts) {
            wf_buf_puts(b, WF_M(M_NOPTIONS_N));
            help_options(b, cmd->opts, cols);
        }
        return;
    }
    wf_buf_wrap(b, "wufix " WF_VERSION " - Windows Update service health and repair", 0, 0, cols);
    wf_buf_puts(b, WF_M(M_NUSAGE_WUFIX_COMMAND_OPTIONS_N));
    wf_buf_wrap(b, WF_M(M_COMMANDS_IN_THE_ORDER_THEY), 0, 0, cols);
    for (size_t i = 0; i < n; i++) {
        char left[64];
        snprintf(left, sizeof(left), "%s%s%s", t[i].name, t[i].args[0] ? " " : "", t[i].args);
        entry(b, left, 16, wf_cli_words(table, &t[i], false), cols);
        examples(b, wf_cli_words(table, &t[i], true), cols < 60 ? 8 : 20, cols);
    }
    wf_buf_puts(b, "\n");
    wf_buf_wrap(b, WF_M(M_WITH_NO_COMMAND_STATUS_DOUBLE), 0, 0, cols);
    wf_buf_puts(b, WF_M(M_NOPTIONS_N));
    help_options(b, ~0u, cols);
    entry(b, WF_M(M_HELP_VERSION), 24, WF_M(M_PRINT_THE_VERSION), cols);
    wf_buf_puts(b, "\n");
    wf_buf_wrap(b, WF_M(M_SERVICES_WUAUSERV_AND_USOSVC_BY), 0, 0, cols);
    wf_buf_wrap(b, WF_M(M_STATUS_ALSO_REPORTS_WAASMEDICSVC_AND), 0, 0, cols);
    wf_buf_puts(b, "\n");
    wf_buf_wrap(b, WF_M(M_EXIT_CODES_0_SUCCESS_CHECK), 0, 2, cols);
}

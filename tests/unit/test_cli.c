/* SPDX-License-Identifier: MIT */
/* test_cli.c - the parser: every option, every bad input; the command table and help. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/cli.h"
#include "wufix/cmd/commands.h"

static wf_err parse(struct wf_options *o, char *err, const char *const *args)
{
    static char prog[] = "wufix";
    char *argv[32];
    int argc = 0;
    argv[argc++] = prog;
    for (; *args; args++)
        memcpy(&argv[argc++], args, sizeof(char *));
    return wf_cli_parse(wf_cmd_table(), argc, argv, o, err, 256);
}

#define PARSE_OK(o, ...)                                                                                     \
    do {                                                                                                     \
        char err_[256];                                                                                      \
        const char *a_[] = {__VA_ARGS__, NULL};                                                              \
        wf_err e_ = parse(o, err_, a_);                                                                      \
        if (e_ != WF_OK)                                                                                     \
            fail_msg("unexpected usage error: %s", err_);                                                    \
    } while (0)

static void test_cli_no_command_means_status(void **state)
{
    (void)state;
    struct wf_options o;
    char err[256];
    const char *a[] = {NULL};
    assert_int_equal(parse(&o, err, a), WF_OK);
    assert_string_equal(o.cmd->name, "status");
    assert_int_equal(o.timeout_s, 30);
}

static void test_cli_every_option(void **state)
{
    (void)state;
    struct wf_options o;
    PARSE_OK(&o, "restart", "-s", "WUAUSERV", "--service=usosvc", "-t", "5", "-n", "--json", "--no-color");
    assert_string_equal(o.cmd->name, "restart");
    assert_int_equal(o.nservices, 2);
    assert_string_equal(o.services[0], "wuauserv"); /* canonical spelling */
    assert_string_equal(o.services[1], "UsoSvc");
    assert_int_equal(o.timeout_s, 5);
    assert_true(o.dry_run);
    assert_true(o.json);
    assert_true(o.no_color);

    PARSE_OK(&o, "--all", "stop", "--timeout=3600", "--quiet", "--dry-run");
    assert_true(o.all);
    assert_true(o.quiet);
    assert_true(o.dry_run);
    assert_int_equal(o.timeout_s, 3600);

    PARSE_OK(&o, "start", "-sBITS", "-s", "bits", "-q");
    assert_int_equal(o.nservices, 1); /* repeated name counted once */
    assert_string_equal(o.services[0], "BITS");

    PARSE_OK(&o, "repair", "--yes", "--log", "C:\\wufix.log");
    assert_true(o.yes);
    assert_string_equal(o.log_path, "C:\\wufix.log");
    PARSE_OK(&o, "reset", "-y", "--all"); /* reset covers the extended set: --all is welcome */
    assert_true(o.yes && o.all);
    PARSE_OK(&o, "check", "--log=C:\\x.log");
    PARSE_OK(&o, "undo", "--yes");

    PARSE_OK(&o, "status", "--service", "WaaSMedicSvc");
    assert_string_equal(o.services[0], "WaaSMedicSvc");
}

static void test_cli_help_forms(void **state)
{
    (void)state;
    struct wf_options o;
    PARSE_OK(&o, "/?");
    assert_true(o.help);
    PARSE_OK(&o, "-h");
    assert_true(o.help);
    PARSE_OK(&o, "restart", "--help");
    assert_true(o.help);
    assert_string_equal(o.cmd->name, "restart");
    PARSE_OK(&o, "help", "stop");
    assert_string_equal(o.cmd->name, "help");
    assert_string_equal(o.help_topic, "stop");
    PARSE_OK(&o, "--version");
    assert_true(o.version);
}

static void test_cli_bad_inputs_name_the_argument(void **state)
{
    (void)state;
    static const struct {
        const char *args[5];
        const char *needle;
    } bad[] = {
        {{"frobnicate"}, "'frobnicate'"},
        {{"status", "--frob"}, "'--frob'"},
        {{"status", "-x"}, "'-x'"},
        {{"restart", "-t"}, "'-t' needs a value"},
        {{"restart", "--service"}, "'--service' needs a value"},
        {{"--timeout", "abc", "status"}, "'abc'"},
        {{"restart", "-t", "0"}, "'0'"},
        {{"restart", "-t", "3601"}, "'3601'"},
        {{"restart", "-t", "-5"}, "'-5'"},
        {{"restart", "-t", "99999999999999999999"}, "'99999999999999999999'"},
        {{"restart", "--timeout="}, "--timeout"},
        {{"restart", "-s", ""}, "empty"},
        {{"restart", "-s", "wu\\auserv"}, "'wu\\auserv' is not a service name"},
        {{"restart", "-s", "a\tb"}, "'a\\tb' is not a service name"},
        {{"restart", "-s", "a\x1b[31mb"}, "'a\\x1b[31mb'"},
        {{"status", "--fr\nob"}, "'--fr\\nob'"},
        {{"restart", "it's"}, "'it\\'s'"},
        {{"restart", "--log"}, "'--log' needs a value"},
        {{"restart", "--log="}, "--log needs a file name"},
        {{"status", "--yes"}, "'--yes' does not apply to 'status'"},
        {{"undo", "--all"}, "'--all' does not apply to 'undo'"},
        {{"reset", "-s", "BITS"}, "'--service' does not apply to 'reset'"},
        {{"restart", "-s", "nosuchsvc"}, "unknown service 'nosuchsvc'"},
        {{"restart", "-s", "WaaSMedicSvc"}, "reported only"},
        {{"status", "--timeout", "5"}, "'--timeout' does not apply to 'status'"},
        {{"status", "--dry-run"}, "'--dry-run' does not apply"},
        {{"restart", "--all", "-s", "BITS"}, "--service or --all"},
        {{"restart", "--json", "-q"}, "--json or --quiet"},
        {{"restart", "extra"}, "'extra'"},
        {{"--json=yes"}, "takes no value (given 'yes')"},
        {{"help", "nosuch"}, "'nosuch'"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct wf_options o;
        char err[256];
        const char *args[6] = {0};
        memcpy(args, bad[i].args, sizeof(bad[i].args));
        assert_int_equal(parse(&o, err, args), WF_E_USAGE);
        if (!strstr(err, bad[i].needle))
            fail_msg("case %zu: '%s' does not mention %s", i, err, bad[i].needle);
        assert_null(strchr(err, '\n'));
    }
    /* A name of 257 characters. */
    char longname[300];
    memset(longname, 'a', 257);
    longname[257] = '\0';
    const char *args[] = {"restart", "-s", longname, NULL};
    struct wf_options o;
    char err[256];
    assert_int_equal(parse(&o, err, args), WF_E_USAGE);
    assert_non_null(strstr(err, "longer than 256"));
}

static void test_cli_usage_error_exits_2_and_touches_nothing(void **state)
{
    (void)state;
    struct fake_scm scm;
    struct fake_platform fp;
    fake_scm_init(&scm);
    fake_scm_windows(&scm);
    fake_platform_init(&fp, &scm, true);
    const char *a[] = {"--timeout", "abc", "status", NULL};
    assert_int_equal(fake_platform_run(&fp, a), WF_EXIT_USAGE);
    assert_int_equal(scm.opens, 0);
    assert_int_equal(scm.calls, 0);
    const char *err = wf_buf_str(&fp.err);
    assert_non_null(strstr(err, "wufix: --timeout: 'abc'"));
    assert_non_null(strstr(err, "usage: wufix"));
    /* Exactly two lines: the error and the usage line. */
    const char *nl = strchr(err, '\n');
    assert_non_null(nl);
    assert_non_null(strchr(nl + 1, '\n'));
    assert_null(strchr(strchr(nl + 1, '\n') + 1, '\n'));
    assert_int_equal(fp.out.len, 0);
    fake_platform_release(&fp);
}

static void test_cli_table_in_order_and_complete(void **state)
{
    (void)state;
    size_t n = wf_cmd_table()->n;
    const struct wf_command *t = wf_cmd_table()->row;
    /* In the order people use them: look, act, put back. */
    static const char *const expected[] = {"status", "check", "history", "collect", "restart", "repair",
                                           "reset",  "undo",  "stop",    "start",   "help",    "version"};
    assert_int_equal(n, sizeof(expected) / sizeof(expected[0]));
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(t[i].name, expected[i]);
        assert_non_null(t[i].handler);
        assert_true(strlen(wf_cli_words(wf_cmd_table(), &t[i], false)) > 10);
        assert_true(wf_cli_words(wf_cmd_table(), &t[i], true)[0]);
        assert_ptr_equal(wf_cli_find(wf_cmd_table(), t[i].name), &t[i]);
    }
    assert_true(wf_cli_find(wf_cmd_table(), "stop")->changes_system);
    assert_false(wf_cli_find(wf_cmd_table(), "status")->changes_system);
    assert_true(wf_cli_find(wf_cmd_table(), "undo")->changes_system);
    assert_true(wf_cli_find(wf_cmd_table(), "repair")->changes_system);
    assert_false(wf_cli_find(wf_cmd_table(), "check")->changes_system);
    assert_true(wf_cli_find(wf_cmd_table(), "reset")->changes_system);
    /* reset acts on every service holding a cache: --service does not apply */
    assert_false(wf_cli_find(wf_cmd_table(), "reset")->opts & WF_OPT_SERVICE);
}

static void test_cli_help_generated_from_table(void **state)
{
    (void)state;
    struct wf_buf b;
    size_t n = wf_cmd_table()->n;
    const struct wf_command *t = wf_cmd_table()->row;
    wf_buf_init(&b);
    wf_cli_help(&b, wf_cmd_table(), NULL, 79);
    for (size_t i = 0; i < n; i++) {
        assert_non_null(strstr(wf_buf_str(&b), t[i].name));
        char start[31];
        wf_strlcpy(start, wf_cli_words(wf_cmd_table(), &t[i], false),
                   sizeof(start)); /* the rest may be wrapped */
        assert_non_null(strstr(wf_buf_str(&b), start));
    }
    assert_non_null(strstr(wf_buf_str(&b), "--timeout SECONDS"));
    assert_non_null(strstr(wf_buf_str(&b), "--computer NAME"));
    assert_non_null(strstr(wf_buf_str(&b), "--parallel N"));
    /* An option too long for the column has its words on the next line. */
    assert_non_null(
        strstr(wf_buf_str(&b), "--connect-timeout SECONDS\n                          with --computer"));
    /* Every long name in one column (6), long-only ones included, as git and GNU tools align them. */
    size_t options = 0;
    for (const char *l = strstr(wf_buf_str(&b), "\nOptions:\n") + 10; *l && *l != '\n';
         l = strchr(l, '\n') + 1) {
        const char *dash = strstr(l, "--"), *text = l + strspn(l, " ");
        if (*text != '-')
            continue; /* the words of an option whose name took the whole column */
        if (dash && dash - l != 6)
            fail_msg("a long option in column %d: %.40s", (int)(dash - l), l);
        options += dash != NULL;
    }
    assert_true(options >= 15);
    wf_buf_clear(&b);
    /* reset and undo work here only: their help does not offer --computer. */
    wf_cli_help(&b, wf_cmd_table(), wf_cli_find(wf_cmd_table(), "reset"), 79);
    assert_null(strstr(wf_buf_str(&b), "--computer"));
    wf_buf_clear(&b);
    wf_cli_help(&b, wf_cmd_table(), wf_cli_find(wf_cmd_table(), "status"), 79);
    assert_non_null(strstr(wf_buf_str(&b), "usage: wufix status"));
    assert_null(strstr(wf_buf_str(&b), "--timeout")); /* not an option of status */
    wf_buf_release(&b);
}

static void test_cli_help_and_version_run(void **state)
{
    (void)state;
    struct fake_scm scm;
    struct fake_platform fp;
    fake_scm_init(&scm);
    fake_platform_init(&fp, &scm, false);
    const char *h[] = {"help", "restart", NULL};
    assert_int_equal(fake_platform_run(&fp, h), 0);
    assert_non_null(strstr(wf_buf_str(&fp.out), "usage: wufix restart"));
    const char *q[] = {"/?", NULL};
    assert_int_equal(fake_platform_run(&fp, q), 0);
    assert_non_null(strstr(wf_buf_str(&fp.out), "Commands, in the order they are used"));
    const char *v[] = {"--version", NULL};
    assert_int_equal(fake_platform_run(&fp, v), 0);
    assert_string_equal(wf_buf_str(&fp.out), "wufix " WF_VERSION "\n");
    assert_int_equal(scm.opens, 0);
    fake_platform_release(&fp);
}

/* Commands in any case, as Windows' own tools take them. On b394e12
 * "RESTART" was an unknown command. */
static void test_cli_commands_in_any_case(void **state)
{
    (void)state;
    struct wf_options o;
    PARSE_OK(&o, "RESTART");
    assert_string_equal(o.cmd->name, "restart");
    PARSE_OK(&o, "Status");
    assert_string_equal(o.cmd->name, "status");
    PARSE_OK(&o, "help", "REPAIR");
    assert_string_equal(o.help_topic, "repair");
}

/* -? is help, as /? is (b394e12: "unknown option '-?'"). */
static void test_cli_dash_question_mark_is_help(void **state)
{
    (void)state;
    struct wf_options o;
    PARSE_OK(&o, "-?");
    assert_true(o.help);
    PARSE_OK(&o, "restart", "-?");
    assert_true(o.help);
    assert_string_equal(o.cmd->name, "restart");
}

/* A near miss is named; a word far from every command is not guessed at. */
static void test_cli_near_miss_did_you_mean(void **state)
{
    (void)state;
    struct wf_options o;
    char err[256];
    const char *a[] = {"restat", NULL};
    assert_int_equal(parse(&o, err, a), WF_E_USAGE);
    assert_string_equal(err, "unknown command 'restat'; did you mean 'restart'?");
    const char *b[] = {"stauts", NULL};
    assert_int_equal(parse(&o, err, b), WF_E_USAGE);
    assert_non_null(strstr(err, "did you mean 'status'?"));
    const char *c[] = {"REAPIR", NULL};
    assert_int_equal(parse(&o, err, c), WF_E_USAGE);
    assert_non_null(strstr(err, "did you mean 'repair'?"));
    const char *d[] = {"frobnicate", NULL};
    assert_int_equal(parse(&o, err, d), WF_E_USAGE);
    assert_string_equal(err, "unknown command 'frobnicate'");
    const char *l[] = {"undo", "--list", "--json", NULL};
    assert_int_equal(parse(&o, err, l), WF_E_USAGE);
    assert_string_equal(err, "--list only lists (in words); use it without --json");
    const char *r[] = {"restart", "--list", NULL};
    assert_int_equal(parse(&o, err, r), WF_E_USAGE);
    assert_non_null(strstr(err, "option '--list' does not apply to 'restart'"));
    const char *e[] = {"help", "undoo", NULL};
    assert_int_equal(parse(&o, err, e), WF_E_USAGE);
    assert_string_equal(err, "help: unknown command 'undoo'; did you mean 'undo'?");
}

/* -s takes a comma list, as --computer does (b394e12: "unknown service
 * 'wuauserv,UsoSvc'"); each name is checked. */
static void test_cli_service_comma_list(void **state)
{
    (void)state;
    struct wf_options o;
    char err[256];
    PARSE_OK(&o, "restart", "-s", "wuauserv,UsoSvc");
    assert_int_equal(o.nservices, 2);
    assert_string_equal(o.services[0], "wuauserv");
    assert_string_equal(o.services[1], "UsoSvc");
    PARSE_OK(&o, "restart", "--service=bits,wuauserv", "-s", "wuauserv");
    assert_int_equal(o.nservices, 2);
    assert_string_equal(o.services[0], "BITS");
    const char *a[] = {"restart", "-s", "wuauserv,,UsoSvc", NULL};
    assert_int_equal(parse(&o, err, a), WF_E_USAGE);
    assert_non_null(strstr(err, "an empty name in the list 'wuauserv,,UsoSvc'"));
    const char *b[] = {"restart", "-s", "wuauserv,nosuch", NULL};
    assert_int_equal(parse(&o, err, b), WF_E_USAGE);
    assert_non_null(strstr(err, "unknown service 'nosuch'"));
}

/* The usage line after an error is the command's own (b394e12: wufix's,
 * whatever the command). */
static void test_cli_usage_line_is_the_commands(void **state)
{
    (void)state;
    struct fake_scm scm;
    struct fake_platform fp;
    fake_scm_init(&scm);
    fake_platform_init(&fp, &scm, true);
    const char *a[] = {"restart", "--bogus", NULL};
    assert_int_equal(fake_platform_run(&fp, a), WF_EXIT_USAGE);
    assert_string_equal(wf_buf_str(&fp.err),
                        "wufix: unknown option '--bogus'\n"
                        "usage: wufix restart [OPTIONS]   ('wufix help restart' lists its "
                        "options)\n");
    wf_buf_clear(&fp.err);
    const char *b[] = {"--bogus", NULL};
    assert_int_equal(fake_platform_run(&fp, b), WF_EXIT_USAGE);
    assert_non_null(strstr(wf_buf_str(&fp.err), "usage: wufix [COMMAND] [OPTIONS]"));
    fake_platform_release(&fp);
}

static void lines_fit(const char *text, const char *what)
{
    for (const char *l = text; *l;) {
        size_t n = strcspn(l, "\n");
        if (n > 79)
            fail_msg("%s: a line of %u columns: %.*s", what, (unsigned)n, (int)n, l);
        l += n + (l[n] == '\n');
    }
}

/* No line of help, wufix's or any command's, is longer than 79 columns (an
 * 80-column console wraps none); each command shows two or three examples;
 * help status promises no column it does not print. On b394e12 lines ran
 * to 128 columns, and status promised a last exit code it prints only when
 * there is one. */
static void test_cli_help_fits_79_columns_with_examples(void **state)
{
    (void)state;
    struct wf_buf b;
    wf_buf_init(&b);
    wf_cli_help(&b, wf_cmd_table(), NULL, 79);
    lines_fit(wf_buf_str(&b), "help");
    const char *h = wf_buf_str(&b);
    assert_non_null(strstr(h, "  status          show each service's state"));
    assert_non_null(strstr(h, "                    wufix restart -s wuauserv,UsoSvc\n"));
    assert_true(strstr(h, "  status ") < strstr(h, "  restart ") &&
                strstr(h, "  restart ") < strstr(h, "  undo "));
    for (size_t i = 0; i < wf_cmd_table()->n; i++) {
        const struct wf_command *c = &wf_cmd_table()->row[i];
        wf_buf_clear(&b);
        wf_cli_help(&b, wf_cmd_table(), c, 79);
        lines_fit(wf_buf_str(&b), c->name);
        const char *ex = strstr(wf_buf_str(&b), "\nExamples:\n  wufix ");
        assert_non_null(ex);
    }
    wf_buf_clear(&b);
    wf_cli_help(&b, wf_cmd_table(), wf_cli_find(wf_cmd_table(), "status"), 79);
    assert_null(strstr(wf_buf_str(&b), "last exit code of each service"));
    assert_non_null(strstr(wf_buf_str(&b), "(and its last exit code"));
    wf_buf_release(&b);
}

/* Every line of help, wufix's and each command's, fits the console it is
 * shown in: 40, 80 and 120 columns wide (a line may take all but the last
 * column), 79 when redirected; on a narrow console each name stands above its
 * words. On 8a0d128 help was wrapped at 79 whatever the console: at 40 most
 * of its lines were wider than the window. */
static void test_cli_help_fits_the_console(void **state)
{
    (void)state;
    struct fake_scm scm;
    struct fake_platform fp;
    static const unsigned consoles[] = {40, 80, 120, 0};
    fake_scm_init(&scm);
    fake_platform_init(&fp, &scm, true);
    for (size_t i = 0; i < sizeof(consoles) / sizeof(consoles[0]); i++) {
        size_t cols = consoles[i] ? consoles[i] - 1 : 79, widest = 0;
        fp.pf.out.cols = consoles[i];
        for (size_t c = 0; c <= wf_cmd_table()->n; c++) {
            const char *help[] = {"help", c ? wf_cmd_table()->row[c - 1].name : NULL, NULL};
            assert_int_equal(fake_platform_run(&fp, help), 0);
            for (const char *l = wf_buf_str(&fp.out); *l;) {
                size_t n = strcspn(l, "\n");
                if (n > cols)
                    fail_msg("help %s at %u columns: a line of %u: %.*s", help[1] ? help[1] : "", consoles[i],
                             (unsigned)n, (int)n, l);
                widest = n > widest ? n : widest;
                l += n + (l[n] == '\n');
            }
        }
        assert_true(widest > cols - 10); /* wrapped to the console, not narrower */
        assert_int_equal(fake_platform_run(&fp, (const char *[]){"help", NULL}), 0);
        if (consoles[i] == 40)
            assert_non_null(strstr(wf_buf_str(&fp.out), "\n  status\n      show each service's state"));
        else
            assert_non_null(strstr(wf_buf_str(&fp.out), "\n  status          show each service's state"));
    }
    fake_platform_release(&fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_no_command_means_status),
        cmocka_unit_test(test_cli_every_option),
        cmocka_unit_test(test_cli_help_forms),
        cmocka_unit_test(test_cli_bad_inputs_name_the_argument),
        cmocka_unit_test(test_cli_usage_error_exits_2_and_touches_nothing),
        cmocka_unit_test(test_cli_table_in_order_and_complete),
        cmocka_unit_test(test_cli_help_generated_from_table),
        cmocka_unit_test(test_cli_help_and_version_run),
        cmocka_unit_test(test_cli_commands_in_any_case),
        cmocka_unit_test(test_cli_dash_question_mark_is_help),
        cmocka_unit_test(test_cli_near_miss_did_you_mean),
        cmocka_unit_test(test_cli_service_comma_list),
        cmocka_unit_test(test_cli_usage_line_is_the_commands),
        cmocka_unit_test(test_cli_help_fits_79_columns_with_examples),
        cmocka_unit_test(test_cli_help_fits_the_console),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

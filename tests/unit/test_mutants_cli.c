/* SPDX-License-Identifier: MIT */
/* test_mutants_cli.c - the command line at its edges, where a small change to
 * cli.c would go unnoticed otherwise (tests/mutation): a number past what
 * fits is refused, never read modulo 2^64; letters joined to a flag are
 * refused; every table filled exactly and one past it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "wufix/cli.h"
#include "wufix/cmd/commands.h"

#define ARGS_MAX 200

static char err[512];

/* argv from a list; `args` lives as long as the parse. */
static wf_err parse_n(struct wf_options *o, int n, char **args)
{
    static char prog[] = "wufix";
    static char *argv[ARGS_MAX];
    argv[0] = prog;
    for (int i = 0; i < n; i++)
        argv[i + 1] = args[i];
    err[0] = '\0';
    return wf_cli_parse(wf_cmd_table(), n + 1, argv, o, err, sizeof(err));
}

#define PARSE(o, ...)                                                                                        \
    parse_n(o, (int)(sizeof((const char *[]){__VA_ARGS__}) / sizeof(char *)), (char *[]){__VA_ARGS__})

static void test_cli_timeout_past_2_to_the_64(void **state)
{
    (void)state;
    struct wf_options o;
    /* 2^64 + 1 would be 1 modulo 2^64. */
    assert_int_equal(PARSE(&o, "restart", "--timeout", "18446744073709551617"), WF_E_USAGE);
    assert_non_null(strstr(err, "from 1 to 3600"));
    assert_int_equal(PARSE(&o, "restart", "--timeout", "4294967297"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "-t", "99999999999999999999999"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "--timeout", "3600"), WF_OK);
    assert_int_equal(o.timeout_s, 3600);
    assert_int_equal(PARSE(&o, "restart", "--timeout", "3601"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "--timeout", "1"), WF_OK);
    assert_int_equal(o.timeout_s, 1);
    assert_int_equal(PARSE(&o, "restart", "--timeout", "0"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "--timeout", "5s"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "--timeout", ""), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "--timeout=30"), WF_OK);
    assert_int_equal(o.timeout_s, 30);
    assert_int_equal(PARSE(&o, "restart", "--timeout"), WF_E_USAGE);
    assert_non_null(strstr(err, "needs a value"));
}

static void test_cli_letters_joined_to_a_flag(void **state)
{
    (void)state;
    struct wf_options o;
    assert_int_equal(PARSE(&o, "check", "-qx"), WF_E_USAGE);
    assert_non_null(strstr(err, "'-qx'"));
    assert_int_equal(PARSE(&o, "check", "-q"), WF_OK);
    assert_true(o.quiet);
    assert_int_equal(PARSE(&o, "restart", "-t5"), WF_OK); /* a value joined to its option */
    assert_int_equal(o.timeout_s, 5);
    assert_int_equal(PARSE(&o, "check", "--quiet=yes"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "check", "--json", "--quiet"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "--all", "-s", "BITS"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "restart", "-s", "WaaSMedicSvc"), WF_E_USAGE);
    assert_non_null(strstr(err, "reported only"));
    assert_int_equal(PARSE(&o, "status", "-s", "WaaSMedicSvc"), WF_OK);
    assert_int_equal(PARSE(&o, "status", "--force"), WF_E_USAGE);
    assert_non_null(strstr(err, "does not apply"));
    assert_int_equal(PARSE(&o, "check", "--parallel", "4"), WF_E_USAGE);
    assert_non_null(strstr(err, "needs --computer"));
}

/* --computer given 64 times is taken, the 65th is refused. */
static void test_cli_computer_table_full_and_one_past(void **state)
{
    (void)state;
    struct wf_options o;
    static char names[WF_COMPUTER_ARGS_MAX + 1][16];
    char *args[ARGS_MAX];
    int n = 0;
    args[n++] = (char *)"check";
    for (int i = 0; i < (int)WF_COMPUTER_ARGS_MAX; i++) {
        snprintf(names[i], sizeof(names[i]), "pc%d", i);
        args[n++] = (char *)"--computer";
        args[n++] = names[i];
    }
    assert_int_equal(parse_n(&o, n, args), WF_OK);
    assert_int_equal(o.ncomputers, WF_COMPUTER_ARGS_MAX);
    assert_string_equal(o.computers[WF_COMPUTER_ARGS_MAX - 1], "pc63");
    snprintf(names[WF_COMPUTER_ARGS_MAX], sizeof(names[0]), "pc64");
    args[n++] = (char *)"--computer";
    args[n++] = names[WF_COMPUTER_ARGS_MAX];
    assert_int_equal(parse_n(&o, n, args), WF_E_USAGE);
    assert_non_null(strstr(err, "more than 64 times"));
}

/* Machine names: 253 characters taken, 254 refused; '.' alone is this
 * machine, '.x' is no name; '@' needs a file. */
static void test_cli_machine_names_at_their_edges(void **state)
{
    (void)state;
    struct wf_options o;
    char name[300];
    memset(name, 'a', 253);
    name[253] = '\0';
    assert_int_equal(PARSE(&o, "check", "--computer", name), WF_OK);
    memset(name, 'a', 254);
    name[254] = '\0';
    assert_int_equal(PARSE(&o, "check", "--computer", name), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "check", "--computer", "."), WF_OK);
    assert_int_equal(PARSE(&o, "check", "--computer", ".x"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "check", "--computer", "a b"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "check", "--computer", "@"), WF_E_USAGE);
    assert_int_equal(PARSE(&o, "check", "--computer", "@list.txt"), WF_OK);
}

/* --service: a name of 256 characters is checked against the table, one of
 * 257 is refused as too long; the same service twice is one. */
static void test_cli_service_names_at_their_edges(void **state)
{
    (void)state;
    struct wf_options o;
    char name[300];
    memset(name, 'a', 256);
    name[256] = '\0';
    assert_int_equal(PARSE(&o, "status", "-s", name), WF_E_USAGE);
    assert_non_null(strstr(err, "unknown service"));
    memset(name, 'a', 257);
    name[257] = '\0';
    assert_int_equal(PARSE(&o, "status", "-s", name), WF_E_USAGE);
    assert_non_null(strstr(err, "longer than 256"));
    assert_int_equal(PARSE(&o, "status", "-s", "BITS", "-s", "bits", "-s", "wuauserv"), WF_OK);
    assert_int_equal(o.nservices, 2);
}

/* A quoted value is cut after 80 characters. */
static void test_cli_quote_cuts_at_80(void **state)
{
    (void)state;
    char v[100], out[400];
    memset(v, 'x', 81);
    v[81] = '\0';
    wf_cli_quote(v, out, sizeof(out));
    assert_int_equal(strlen(out), 1 + 80 + 3 + 1);
    v[80] = '\0';
    wf_cli_quote(v, out, sizeof(out));
    assert_int_equal(strlen(out), 1 + 80 + 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_timeout_past_2_to_the_64),
        cmocka_unit_test(test_cli_letters_joined_to_a_flag),
        cmocka_unit_test(test_cli_computer_table_full_and_one_past),
        cmocka_unit_test(test_cli_machine_names_at_their_edges),
        cmocka_unit_test(test_cli_service_names_at_their_edges),
        cmocka_unit_test(test_cli_quote_cuts_at_80),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

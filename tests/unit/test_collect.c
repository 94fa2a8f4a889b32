/* SPDX-License-Identifier: MIT */
/* test_collect.c - collect on the fake: the zip read back entry by entry
 * (headers, CRC-32, sizes, names), the manifest's sizes and SHA-256 against
 * the bytes, the cap said, a file never written over. Python's zipfile
 * reads the real exe's zip under Wine (scenario collect_zip). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/base/sha256.h"
#include "wufix/mech/zip.h"

#define LOG_PATH "C:\\Windows\\SoftwareDistribution\\ReportingEvents.log"
#define CBS_PATH "C:\\Windows\\Logs\\CBS\\CBS.log"
#define OUT_PATH "C:\\Users\\me\\bundle.zip"

static uint32_t rd16(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
    return rd16(p) | rd16(p + 2) << 16;
}

struct entry {
    char name[256];
    const uint8_t *data;
    size_t n;
};

/* Read a stored zip as a reader would: the end record, then each central
 * entry and its local header; every CRC checked. Returns the entries. */
static size_t unzip(const uint8_t *z, size_t len, struct entry *e, size_t max)
{
    assert_true(len >= 22);
    const uint8_t *end = z + len - 22;
    assert_int_equal(rd32(end), 0x06054b50u);
    size_t n = rd16(end + 10), at = rd32(end + 16);
    assert_int_equal(rd32(end + 12) + at, len - 22);
    assert_true(n <= max);
    for (size_t i = 0; i < n; i++) {
        const uint8_t *c = z + at;
        assert_int_equal(rd32(c), 0x02014b50u);
        assert_int_equal(rd16(c + 10), 0); /* stored */
        size_t size = rd32(c + 24), nlen = rd16(c + 28), local = rd32(c + 42);
        assert_int_equal(rd32(c + 20), size);
        const uint8_t *l = z + local;
        assert_int_equal(rd32(l), 0x04034b50u);
        assert_int_equal(rd16(l + 26), nlen);
        assert_memory_equal(l + 30, c + 46, nlen);
        memcpy(e[i].name, c + 46, nlen);
        e[i].name[nlen] = '\0';
        e[i].data = l + 30 + nlen + rd16(l + 28);
        e[i].n = size;
        assert_int_equal(wf_crc32(e[i].data, size), rd32(c + 16));
        at += 46 + nlen + rd16(c + 30) + rd16(c + 32);
    }
    return n;
}

static const struct entry *find(const struct entry *e, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(e[i].name, name) == 0)
            return &e[i];
    return NULL;
}

static void test_zip_crc_and_names(void **state)
{
    struct wf_zip z;
    (void)state;
    assert_int_equal(wf_crc32((const uint8_t *)"123456789", 9), 0xCBF43926u); /* the check value */
    wf_zip_init(&z, "2026-12-02T12:00:00Z");
    assert_int_equal(wf_zip_add(&z, "../evil", (const uint8_t *)"x", 1), WF_E_BAD_DATA);
    assert_int_equal(wf_zip_add(&z, "C:\\evil", (const uint8_t *)"x", 1), WF_E_BAD_DATA);
    assert_int_equal(wf_zip_add(&z, "/evil", (const uint8_t *)"x", 1), WF_E_BAD_DATA);
    assert_int_equal(wf_zip_add(&z, "a/b.txt", (const uint8_t *)"hello", 5), WF_OK);
    assert_int_equal(wf_zip_add(&z, "empty", (const uint8_t *)"", 0), WF_OK);
    wf_zip_finish(&z);
    struct entry e[4];
    assert_int_equal(unzip((const uint8_t *)z.out.data, z.out.len, e, 4), 2);
    assert_string_equal(e[0].name, "a/b.txt");
    assert_memory_equal(e[0].data, "hello", 5);
    assert_int_equal(e[1].n, 0);
    /* 2026-12-02 12:00:00 as MS-DOS has it. */
    assert_int_equal(z.dos_date, (46 << 9) | (12 << 5) | 2);
    assert_int_equal(z.dos_time, 12 << 11);
    wf_zip_release(&z);
}

static uint8_t big[6u << 20];

static void test_collect_writes_the_bundle(void **state)
{
    struct fake_cli *x = *state;
    struct entry e[64];
    char hex[WF_SHA256_HEX], want[200];
    fake_file_put(&x->scm, LOG_PATH, 0)->content = "\xff\xfe";
    /* CBS.log larger than the cap: its last 4 MB. */
    memset(big, 'c', sizeof(big));
    memcpy(big + sizeof(big) - 4, "END\n", 4);
    struct fake_file *cbs = fake_file_put(&x->scm, CBS_PATH, sizeof(big));
    cbs->bytes = big;
    cbs->nbytes = sizeof(big);
    fake_file_put(&x->scm, "C:\\Windows\\SoftwareDistribution.wufix-20261115-090000\\ReportingEvents.log", 0)
        ->content = "old";
    fake_reg_set(&x->scm, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate", "WUServer", WF_REG_SZ,
                 "http://evil\x1b[2J", 0);
    wf_buf_puts(&x->fp.journal, "wufix-journal 1\ncommand restart\n");
    assert_int_equal(FAKE_RUN(x, "collect", "--output", OUT_PATH), 0);
    assert_string_equal(x->fp.written_path, OUT_PATH);
    assert_non_null(strstr(FAKE_OUT(x), "wrote C:\\Users\\me\\bundle.zip ("));
    size_t n = unzip((const uint8_t *)x->fp.written.data, x->fp.written.len, e, 64);
    const struct entry *check = find(e, n, "check.json"), *man = find(e, n, "manifest.json");
    const struct entry *cbs_e = find(e, n, "logs/CBS.log"), *reg = find(e, n, "registry.txt");
    assert_non_null(check);
    assert_non_null(man);
    assert_non_null(cbs_e);
    assert_non_null(reg);
    assert_non_null(find(e, n, "journal.txt"));
    assert_non_null(find(e, n, "logs/ReportingEvents.log"));
    assert_non_null(find(e, n, "logs/SoftwareDistribution.wufix-20261115-090000/ReportingEvents.log"));
    assert_int_equal(check->data[0], '{');
    assert_true(strncmp((const char *)check->data, "{\"command\":\"check\"", 18) == 0);
    /* Cut to the cap, its end kept, and the manifest says so with the bytes' SHA-256. */
    assert_int_equal(cbs_e->n, 4u << 20);
    assert_memory_equal(cbs_e->data + cbs_e->n - 4, "END\n", 4);
    char *m = calloc(1, man->n + 1);
    memcpy(m, man->data, man->n);
    wf_sha256_of(cbs_e->data, cbs_e->n, hex);
    snprintf(want, sizeof(want),
             "{\"name\":\"logs/CBS.log\",\"source\":\"C:\\\\Windows\\\\Logs\\\\CBS\\\\CBS.log\",\"bytes\":%u,"
             "\"source_bytes\":%u,\"cut\":true,\"sha256\":\"%s\"}",
             4u << 20, (unsigned)sizeof(big), hex);
    assert_non_null(strstr(m, want));
    assert_non_null(strstr(m, "\"cap_bytes\":4194304"));
    assert_non_null(
        strstr(m, "{\"source\":\"C:\\\\Windows\\\\Logs\\\\DISM\\\\dism.log\",\"why\":\"not there\"}"));
    free(m);
    /* Registry text: the policy value escaped. */
    char *r = calloc(1, reg->n + 1);
    memcpy(r, reg->data, reg->n);
    assert_non_null(strstr(r, "WUServer = sz:\"http://evil\\x1b[2J\""));
    assert_null(strchr(r, '\x1b'));
    /* Each known service's key, and Parameters for the default set, in this order. */
    static const char *const svc_keys[] = {
        "wuauserv]", "wuauserv\\Parameters]", "UsoSvc]",          "UsoSvc\\Parameters]", "BITS]", "CryptSvc]",
        "DoSvc]",    "WaaSMedicSvc]",         "TrustedInstaller]"};
    const char *at = r;
    for (size_t i = 0; i < sizeof(svc_keys) / sizeof(svc_keys[0]); i++) {
        char line[128];
        snprintf(line, sizeof(line), "\r\n[HKLM\\SYSTEM\\CurrentControlSet\\Services\\%s\r\n", svc_keys[i]);
        at = strstr(at, line);
        assert_non_null(at);
    }
    assert_null(strstr(r, "BITS\\Parameters]"));
    free(r);
    /* Never over a file: the same path again is refused, nothing written. */
    size_t len = x->fp.written.len;
    assert_int_equal(FAKE_RUN(x, "collect", "--output", OUT_PATH), 2);
    assert_non_null(strstr(FAKE_ERR(x), "cannot write 'C:\\Users\\me\\bundle.zip': it exists"));
    assert_int_equal(x->fp.written.len, len);
    assert_int_equal(fake_scm_changes(&x->scm), 0);
}

static void test_collect_default_name_and_usage(void **state)
{
    struct fake_cli *x = *state;
    x->fp.pf.elevated = false; /* reads only */
    assert_int_equal(FAKE_RUN(x, "collect"), 0);
    assert_string_equal(x->fp.written_path, "wufix-FAKEPC-20261202-120000.zip");
    /* Letters, digits and '-' kept; any other character ('.' too) as '_'. */
    wf_strlcpy(x->scm.computer, "pc.corp_1-a", sizeof(x->scm.computer));
    assert_int_equal(FAKE_RUN(x, "collect"), 0);
    assert_string_equal(x->fp.written_path, "wufix-pc_corp_1-a-20261202-120000.zip");
    assert_int_equal(FAKE_RUN(x, "collect", "--output"), 2);
    assert_int_equal(FAKE_RUN(x, "collect", "--output", ""), 2);
    assert_int_equal(FAKE_RUN(x, "collect", "--json"), 2);
    assert_int_equal(FAKE_RUN(x, "check", "--output", "x.zip"), 2);
}

#define T(f) cmocka_unit_test_setup_teardown(f, fake_cli_setup, fake_cli_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zip_crc_and_names),
        T(test_collect_writes_the_bundle),
        T(test_collect_default_name_and_usage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: MIT */
/* test_policies.c - Registry.pol read from its documented format, hostile
 * bytes refused whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fake_scm.h"
#include "wufix/base/preg.h"

#define AU "Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU"
#define WU "Software\\Policies\\Microsoft\\Windows\\WindowsUpdate"

/* A Registry.pol as the Group Policy editor writes it. */
struct pol {
    uint8_t b[8192];
    size_t n;
};

static void u16(struct pol *p, const char *s, bool nul)
{
    for (; *s; s++) {
        p->b[p->n++] = (uint8_t)*s;
        p->b[p->n++] = 0;
    }
    if (nul) {
        p->b[p->n++] = 0;
        p->b[p->n++] = 0;
    }
}

static void u32(struct pol *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p->b[p->n++] = (uint8_t)(v >> (8 * i));
}

static void head(struct pol *p)
{
    p->n = 0;
    u32(p, 0x67655250u);
    u32(p, 1);
}

static void entry(struct pol *p, const char *key, const char *value, uint32_t type, const uint8_t *data,
                  uint32_t size)
{
    u16(p, "[", false);
    u16(p, key, true);
    u16(p, ";", false);
    u16(p, value, true);
    u16(p, ";", false);
    u32(p, type);
    u16(p, ";", false);
    u32(p, size);
    u16(p, ";", false);
    memcpy(p->b + p->n, data, size);
    p->n += size;
    u16(p, "]", false);
}

static void dword(struct pol *p, const char *key, const char *value, uint32_t v)
{
    uint8_t d[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    entry(p, key, value, 4, d, 4);
}

/* A text datum ("a\0b\0" for a multi-string: `len` bytes of `s`, NUL ended). */
static void text(struct pol *p, const char *key, const char *value, uint32_t type, const char *s, size_t len)
{
    struct pol d = {.n = 0};
    for (size_t i = 0; i < len; i++) {
        d.b[d.n++] = (uint8_t)s[i];
        d.b[d.n++] = 0;
    }
    d.b[d.n++] = 0;
    d.b[d.n++] = 0;
    entry(p, key, value, type, d.b, (uint32_t)d.n);
}

static wf_err look(const struct pol *p, const char *key, const char *value, struct wf_reg *v)
{
    return wf_preg_lookup(p->b, p->n, key, value, v, NULL);
}

static void test_preg_reads_what_the_local_policy_sets(void **state)
{
    static struct pol p;
    struct wf_reg v;
    bool other = true;
    (void)state;
    head(&p);
    dword(&p, AU, "NoAutoUpdate", 1);
    text(&p, WU, "WUServer", 1, "http://wsus:8530", 16);
    text(&p, WU, "Multi", 7, "a\0b", 3);
    assert_int_equal(wf_preg_lookup(p.b, p.n, "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\au",
                                    "noautoupdate", &v, &other),
                     WF_OK);
    assert_false(other);
    assert_int_equal(v.type, WF_REG_DWORD);
    assert_int_equal(v.dword, 1);
    assert_int_equal(look(&p, WU, "WUServer", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_SZ);
    assert_string_equal(v.str, "http://wsus:8530");
    assert_int_equal(look(&p, WU, "Multi", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_MULTI_SZ);
    assert_string_equal(v.str, "a|b");
    assert_int_equal(look(&p, WU, "NoAutoUpdate", &v), WF_OK); /* another key */
    assert_int_equal(v.type, WF_REG_NONE);
    /* A QWORD: set, of a type wufix does not compare. */
    uint8_t q[8] = {1};
    entry(&p, AU, "Big", 11, q, 8);
    assert_int_equal(wf_preg_lookup(p.b, p.n, AU, "Big", &v, &other), WF_OK);
    assert_true(other);
    assert_int_equal(v.type, WF_REG_NONE);
    /* A header alone sets nothing. */
    head(&p);
    assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_NONE);
}

static void test_preg_deletions_apply_in_order(void **state)
{
    static struct pol p;
    struct wf_reg v;
    (void)state;
    const char *dels[] = {"**del.NoAutoUpdate", "**Del.noautoupdate", "**delvals.", "**DelVals"};
    for (size_t i = 0; i < 4; i++) {
        head(&p);
        dword(&p, AU, "NoAutoUpdate", 1);
        text(&p, AU, dels[i], 1, " ", 1);
        assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
        assert_int_equal(v.type, WF_REG_NONE);
        dword(&p, AU, "NoAutoUpdate", 0); /* set again after */
        assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
        assert_int_equal(v.type, WF_REG_DWORD);
        assert_int_equal(v.dword, 0);
    }
    head(&p);
    dword(&p, AU, "NoAutoUpdate", 1);
    dword(&p, AU, "AUOptions", 2);
    text(&p, AU, "**DeleteValues", 1, "Other;NoAutoUpdate", 18);
    assert_int_equal(look(&p, AU, "NoAutoUpdate", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_NONE);
    assert_int_equal(look(&p, AU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.dword, 2);
    /* **del.X deletes X only; **DeleteKeys deletes the keys below. */
    text(&p, AU, "**del.NoAutoUpdateX", 1, " ", 1);
    assert_int_equal(look(&p, AU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.dword, 2);
    text(&p, WU, "**DeleteKeys", 1, "A;au", 4);
    assert_int_equal(look(&p, AU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.type, WF_REG_NONE);
    head(&p);
    dword(&p, WU, "AUOptions", 2);
    text(&p, WU, "**DeleteKeys", 1, "AU", 2); /* the key itself keeps its values */
    assert_int_equal(look(&p, WU, "AUOptions", &v), WF_OK);
    assert_int_equal(v.dword, 2);
}

static void test_preg_hostile_bytes_are_refused_whole(void **state)
{
    static struct pol p, bad;
    struct wf_reg v;
    (void)state;
    head(&p);
    dword(&p, AU, "NoAutoUpdate", 1);
    /* Cut anywhere inside the entry: not a Registry.pol, never a half. */
    for (size_t n = 0; n < p.n; n++)
        if (n != 8) {
            assert_int_equal(wf_preg_lookup(p.b, n, AU, "NoAutoUpdate", &v, NULL), WF_E_BAD_DATA);
            assert_int_equal(v.type, WF_REG_NONE);
        }
    /* A wrong signature or version. */
    bad = p;
    bad.b[0] = 'X';
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    bad = p;
    bad.b[4] = 2;
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    /* A size past the end, a huge one, a missing bracket, an odd trailing byte. */
    size_t size_at = p.n - 2 - 4 - 2 - 4;
    for (uint32_t s = 5; s; s = s == 5 ? 0xFFFFFFFFu : 0) {
        bad = p;
        memcpy(bad.b + size_at, &s, 4);
        assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    }
    bad = p;
    bad.b[bad.n - 2] = ')';
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    bad = p;
    bad.b[bad.n++] = '[';
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    /* A bad entry after a good one: nothing of the file is believed. */
    bad = p;
    u16(&bad, "[", false);
    u16(&bad, AU, false); /* no NUL, no end */
    assert_int_equal(look(&bad, AU, "NoAutoUpdate", &v), WF_E_BAD_DATA);
    assert_int_equal(v.type, WF_REG_NONE);
    /* An odd-length string and a too-short DWORD are set, not read. */
    head(&bad);
    entry(&bad, AU, "NoAutoUpdate", 4, (const uint8_t *)"\1\0", 2);
    bool other = false;
    assert_int_equal(wf_preg_lookup(bad.b, bad.n, AU, "NoAutoUpdate", &v, &other), WF_OK);
    assert_true(other);
    head(&bad);
    entry(&bad, WU, "WUServer", 1, (const uint8_t *)"h\0t\0t", 5);
    assert_int_equal(look(&bad, WU, "WUServer", &v), WF_OK);
    assert_string_equal(v.str, "ht");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_preg_reads_what_the_local_policy_sets),
        cmocka_unit_test(test_preg_deletions_apply_in_order),
        cmocka_unit_test(test_preg_hostile_bytes_are_refused_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

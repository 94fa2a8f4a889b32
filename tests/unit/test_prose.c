/* SPDX-License-Identifier: MIT */
/* test_prose.c - the exe's deflated text (prose_z.c) holds, pack for pack,
 * what the .inc files say; its inflater takes every kind of block and
 * refuses damage without reading or writing out of bounds.
 *
 * `test_prose --dump FILE` writes the messages' names, one a line, an empty
 * line, then the packs as the .inc files give them (each: its length as 4
 * bytes, little-endian, then its bytes): what cmake/prose.py deflates into
 * prose_z.c and writes as messages_text.h (the build target `prose`). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/inflate.h"
#include "wufix/base/prose.h"

struct piece {
    const char *s;
    size_t n;
};
#define PIECE(lit) {lit, sizeof(lit) - 1},

static const struct piece hr_sources[] = {
#define SOURCE(id, text) PIECE(text "\0")
#define HR(code, cls, source, name, meaning, remedy)
#define CLASS(cls, token, remedy, plain)
#include "base/hresult.inc"
#undef SOURCE
#undef HR
};
static const struct piece hr_rows[] = {
#define SOURCE(id, text)
#define HR(code, cls, source, name, meaning, remedy) PIECE(name "\0" meaning "\0" remedy "\0")
#include "base/hresult.inc"
#undef HR
#undef CLASS
};
static const struct piece hr_classes[] = {
#define HR(code, cls, source, name, meaning, remedy)
#define CLASS(cls, token, remedy, plain) PIECE(token "\0" remedy "\0" plain "\0")
#include "base/hresult.inc"
#undef SOURCE
#undef HR
#undef CLASS
};
static const struct piece problems[] = {
#define W(flags, code, words) PIECE(flags code "\0" words "\0")
#include "mech/problems.inc"
#undef W
    PIECE("\0") /* the end */
};
static const struct piece guided[] = {
#define S(code, sentence) PIECE(code "\0" sentence "\0")
#include "cmd/guided.inc"
#undef S
    PIECE("\0") /* the end */
};
static const struct piece options[] = {
#define OPT(bit, short_name, long_name, arg, help) PIECE(help "\0")
#include "cli.inc"
#undef OPT
};

static const struct piece commands[] = {
#define CMD(name, args, opts, changes, handler, summary, examples) PIECE(summary "\0" examples "\0")
#include "cmd/commands.inc"
#undef CMD
};

static const struct piece messages[] = {
#define M(id, text) PIECE(text "\0")
#include "wufix/base/messages.inc"
#undef M
};

static const struct {
    const struct piece *p;
    size_t n;
} packs[WF_PROSE_N] = {
#define PACK(id, a) [id] = {a, sizeof(a) / sizeof(a[0])},
    PACK(WF_PROSE_HR_SOURCES, hr_sources) PACK(WF_PROSE_HR_ROWS, hr_rows)
        PACK(WF_PROSE_HR_CLASSES, hr_classes) PACK(WF_PROSE_PROBLEMS, problems) PACK(WF_PROSE_GUIDED, guided)
            PACK(WF_PROSE_OPTIONS, options) PACK(WF_PROSE_COMMANDS, commands)
                PACK(WF_PROSE_MESSAGES, messages)
#undef PACK
};

/* A pack's bytes as the .inc files give them (malloc'd). */
static char *source_pack(enum wf_prose_pack k, size_t *size)
{
    size_t n = 0;
    for (size_t i = 0; i < packs[k].n; i++)
        n += packs[k].p[i].n;
    char *s = malloc(n + 1), *at = s;
    if (!s)
        abort();
    for (size_t i = 0; i < packs[k].n; i++, at += packs[k].p[i - 1].n)
        memcpy(at, packs[k].p[i].s, packs[k].p[i].n);
    *size = n;
    return s;
}

static void test_prose_holds_the_inc_files(void **state)
{
    (void)state;
    for (int k = 0; k < WF_PROSE_N; k++) {
        size_t want_n, got_n;
        char *want = source_pack((enum wf_prose_pack)k, &want_n);
        const char *got = wf_prose((enum wf_prose_pack)k, &got_n);
        if (got_n != want_n || memcmp(got, want, want_n) != 0)
            fail_msg(
                "pack %d differs from its .inc file (%zu bytes, prose_z.c has %zu): build the target "
                "`prose` (cmake --build --preset asan --target prose) and commit src/core/base/prose_z.c",
                k, want_n, got_n);
        assert_int_equal(got[got_n - 1], '\0'); /* every string ends in the pack */
        free(want);
    }
}

static void test_prose_nth_counts_strings(void **state)
{
    (void)state;
    assert_string_equal(wf_prose_nth(WF_PROSE_HR_CLASSES, 0), "unknown");
    assert_string_equal(wf_prose_nth(WF_PROSE_HR_CLASSES, 2), "for a reason wufix does not know");
    assert_string_equal(wf_prose_nth(WF_PROSE_HR_CLASSES, 3), "service");
    assert_string_equal(wf_prose_nth(WF_PROSE_HR_CLASSES, 3 * 20), ""); /* past the last */
    assert_string_equal(wf_prose_nth(WF_PROSE_N, 0), "");
    size_t n = 1;
    assert_string_equal(wf_prose(WF_PROSE_N, &n), "");
    assert_int_equal(n, 0);
}

/* zlib's raw deflate (python3 -c "import zlib; c = zlib.compressobj(9,
 * zlib.DEFLATED, -15, 9, STRATEGY); print(c.compress(b'...') + c.flush())"). */
static const unsigned char fixed_abc[] = {0x4b, 0x4c, 0x4a, 0x4e, 0x04, 0x23, 0x00}; /* "abcabcabc" */
static const unsigned char stored_hi[] = {0x01, 0x02, 0x00, 0xfd, 0xff, 'h', 'i'};   /* "hi", level 0 */

static void test_inflate_takes_fixed_and_stored_blocks(void **state)
{
    (void)state;
    unsigned char out[32];
    size_t n = 99;
    assert_true(wf_inflate(fixed_abc, sizeof(fixed_abc), out, sizeof(out), &n));
    assert_int_equal(n, 9);
    assert_memory_equal(out, "abcabcabc", 9);
    assert_true(wf_inflate(stored_hi, sizeof(stored_hi), out, sizeof(out), &n));
    assert_int_equal(n, 2);
    assert_memory_equal(out, "hi", 2);
}

static void test_inflate_refuses_damage(void **state)
{
    (void)state;
    unsigned char out[32], bad[sizeof(stored_hi)];
    size_t n;
    /* Out of room: the copy would pass `cap`. */
    assert_false(wf_inflate(fixed_abc, sizeof(fixed_abc), out, 8, &n));
    assert_true(n <= 8);
    /* Cut short, at every length. */
    for (size_t len = 0; len < sizeof(fixed_abc) - 1; len++)
        assert_false(wf_inflate(fixed_abc, len, out, sizeof(out), &n));
    /* A stored block whose length's complement does not match. */
    memcpy(bad, stored_hi, sizeof(bad));
    bad[3] = 0xfe;
    assert_false(wf_inflate(bad, sizeof(bad), out, sizeof(out), &n));
    /* Block type 3 is reserved. */
    static const unsigned char reserved[] = {0x07, 0x00};
    assert_false(wf_inflate(reserved, sizeof(reserved), out, sizeof(out), &n));
    /* A distance before the start: fixed block, a copy of 3 from 1 back at once. */
    static const unsigned char far[] = {0x03, 0x02, 0x00}; /* 1 01, then length code 257, distance 0 */
    assert_false(wf_inflate(far, sizeof(far), out, sizeof(out), &n));
    assert_int_equal(n, 0);
}

/* Every byte of the built-in stream flipped in turn: refused or unpacked
 * within bounds, never a read or write outside them (ASan watches). */
static void test_inflate_damaged_prose_stays_in_bounds(void **state)
{
    (void)state;
    size_t cap = wf_prose_at[WF_PROSE_N], n;
    unsigned char *in = malloc(wf_prose_zsize), *out = malloc(cap);
    assert_non_null(in);
    assert_non_null(out);
    for (size_t i = 0; i < wf_prose_zsize; i += 7) {
        memcpy(in, wf_prose_z, wf_prose_zsize);
        in[i] ^= (unsigned char)(0x5A ^ i);
        (void)wf_inflate(in, wf_prose_zsize, out, cap, &n);
        assert_true(n <= cap);
    }
    memcpy(in, wf_prose_z, wf_prose_zsize);
    assert_true(wf_inflate(in, wf_prose_zsize, out, cap, &n));
    assert_int_equal(n, cap);
    free(in);
    free(out);
}

static const char *const message_ids[] = {
#define M(id, text) #id,
#include "wufix/base/messages.inc"
#undef M
};

/* Each sentence is the same through WF_M (its literal, natively), through
 * wf_m (the deflated text, as the exe reads it) and at its WF_MA_ offset in
 * the unpacked text (WF_M's address in a GCC or Clang exe), which is where
 * wf_m finds it. */
static void test_prose_messages_literal_and_packed_alike(void **state)
{
    (void)state;
    (void)wf_prose(WF_PROSE_N, NULL);
#define M(id, text)                                                                                          \
    assert_string_equal(WF_M(id), text);                                                                     \
    assert_string_equal(wf_m(id), text);                                                                     \
    assert_ptr_equal(wf_m(id), (const char *)wf_prose_text + WF_MA_##id);
#include "wufix/base/messages.inc"
#undef M
    assert_string_equal(wf_m(WF_MESSAGES_N), "");
}

static int dump(const char *path)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 1;
    /* The messages' names first, one a line, then an empty line. */
    for (size_t i = 0; i < sizeof(message_ids) / sizeof(message_ids[0]); i++)
        fprintf(f, "%s\n", message_ids[i]);
    fputc('\n', f);
    for (int k = 0; k < WF_PROSE_N; k++) {
        size_t n;
        char *s = source_pack((enum wf_prose_pack)k, &n);
        unsigned char len[4] = {(unsigned char)n, (unsigned char)(n >> 8), (unsigned char)(n >> 16),
                                (unsigned char)(n >> 24)};
        fwrite(len, 1, 4, f);
        fwrite(s, 1, n, f);
        free(s);
    }
    return fclose(f) != 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--dump") == 0)
        return dump(argv[2]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prose_holds_the_inc_files),
        cmocka_unit_test(test_prose_nth_counts_strings),
        cmocka_unit_test(test_prose_messages_literal_and_packed_alike),
        cmocka_unit_test(test_inflate_takes_fixed_and_stored_blocks),
        cmocka_unit_test(test_inflate_refuses_damage),
        cmocka_unit_test(test_inflate_damaged_prose_stays_in_bounds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

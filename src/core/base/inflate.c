/* SPDX-License-Identifier: MIT */
/* inflate.c - raw DEFLATE as RFC 1951 gives it: blocks stored (3.2.4), with
 * the fixed codes (3.2.6) or with codes of their own (3.2.7); bits read from
 * the least significant end of each byte, Huffman codes from their most
 * significant bit. Each code is canonical, so it is kept as how many codes
 * there are of each length and the symbols in code order, and decoded one
 * bit at a time: slow next to a table, and enough for 30 KB once a run. */
#include "wufix/base/inflate.h"

#include <stdint.h>
#include <string.h>

#define MAXBITS 15

struct huff {
    uint16_t count[MAXBITS + 1]; /* codes of each length */
    uint16_t sym[288];           /* the symbols, shortest code first */
};

struct state {
    const unsigned char *in;
    size_t n, pos;
    uint32_t bits; /* read, not used yet */
    unsigned nbits;
    unsigned char *out;
    size_t cap, len;
};

/* `k` (<= 16) bits as a number, or -1 past the end of the input. */
static int32_t take(struct state *s, unsigned k)
{
    while (s->nbits < k) {
        if (s->pos == s->n)
            return -1;
        s->bits |= (uint32_t)s->in[s->pos++] << s->nbits;
        s->nbits += 8;
    }
    int32_t v = (int32_t)(s->bits & ((1u << k) - 1u));
    s->bits >>= k;
    s->nbits -= k;
    return v;
}

/* The canonical code of `n` symbols' lengths (3.2.2). False when more codes
 * are given than the lengths allow; a code with room left over is kept (one
 * distance code alone is valid), and a bit pattern it lacks fails decode(). */
static bool build(struct huff *h, const unsigned char *lens, unsigned n)
{
    uint16_t next[MAXBITS + 1];
    memset(h->count, 0, sizeof(h->count));
    for (unsigned i = 0; i < n; i++)
        h->count[lens[i]]++;
    int32_t room = 1;
    next[1] = 0;
    for (unsigned b = 1; b <= MAXBITS; b++) {
        room = room * 2 - h->count[b];
        if (room < 0)
            return false;
        if (b < MAXBITS)
            next[b + 1] = (uint16_t)(next[b] + h->count[b]);
    }
    for (unsigned i = 0; i < n; i++)
        if (lens[i])
            h->sym[next[lens[i]]++] = (uint16_t)i;
    return true;
}

/* The next symbol: codes of each length are consecutive numbers, the first
 * of a length twice one past the last of the length before. */
static int32_t decode(struct state *s, const struct huff *h)
{
    int32_t code = 0, first = 0, index = 0;
    for (unsigned b = 1; b <= MAXBITS; b++) {
        int32_t bit = take(s, 1);
        if (bit < 0)
            return -1;
        code |= bit;
        if (code - first < h->count[b])
            return h->sym[index + code - first];
        index += h->count[b];
        first = (first + h->count[b]) * 2;
        code *= 2;
    }
    return -1;
}

/* A length's or a distance's base and extra bits, counted as 3.2.5's tables
 * grow: `step` codes have no extra bits, then each `per` codes one more. */
static int32_t amount(struct state *s, unsigned code, int32_t base, unsigned step, unsigned per)
{
    for (unsigned i = 0; i < code; i++)
        base += (int32_t)1 << (i < step ? 0 : (i - step) / per + 1);
    unsigned extra = code < step ? 0 : (code - step) / per + 1;
    int32_t v = take(s, extra);
    return v < 0 ? -1 : base + v;
}

/* Literals and copies up to the end of the block (3.2.5). */
static bool codes(struct state *s, const struct huff *lit, const struct huff *dist)
{
    for (;;) {
        int32_t sym = decode(s, lit);
        if (sym < 0 || sym > 285)
            return false;
        if (sym < 256) {
            if (s->len == s->cap)
                return false;
            s->out[s->len++] = (unsigned char)sym;
            continue;
        }
        if (sym == 256)
            return true;
        /* 285 is 258 with no extra bits, not where the growth would put it. */
        int32_t n = sym == 285 ? 258 : amount(s, (unsigned)sym - 257, 3, 8, 4);
        int32_t d = decode(s, dist);
        if (n < 0 || d < 0 || d > 29)
            return false;
        d = amount(s, (unsigned)d, 1, 4, 2);
        if (d < 0 || (size_t)d > s->len || (size_t)n > s->cap - s->len)
            return false;
        for (; n; n--, s->len++)
            s->out[s->len] = s->out[s->len - (size_t)d];
    }
}

/* A stored block (3.2.4): to the byte's end, LEN and its complement, LEN bytes. */
static bool stored(struct state *s)
{
    s->bits = 0;
    s->nbits = 0;
    if (s->n - s->pos < 4)
        return false;
    const unsigned char *p = s->in + s->pos;
    unsigned len = p[0] | (unsigned)p[1] << 8;
    if ((len ^ 0xFFFFu) != (p[2] | (unsigned)p[3] << 8))
        return false;
    s->pos += 4;
    if (len > s->n - s->pos || len > s->cap - s->len)
        return false;
    memcpy(s->out + s->len, s->in + s->pos, len);
    s->pos += len;
    s->len += len;
    return true;
}

/* The codes a block gives itself (3.2.7), or the fixed ones (3.2.6). */
static bool tables(struct state *s, bool fixed, struct huff *lit, struct huff *dist)
{
    unsigned char lens[288 + 32];
    int32_t nlit = 288, ndist = 30;
    if (fixed) {
        for (unsigned i = 0; i < 288; i++)
            lens[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        memset(lens + 288, 5, 30);
    } else {
        static const unsigned char order[19] = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                11, 4,  12, 3, 13, 2, 14, 1, 15};
        struct huff clen;
        nlit = take(s, 5);
        ndist = take(s, 5);
        int32_t nclen = take(s, 4);
        if (nlit < 0 || ndist < 0 || nclen < 0)
            return false;
        nlit += 257;
        ndist += 1;
        if (nlit > 286 || ndist > 30)
            return false;
        memset(lens, 0, 19);
        for (int32_t i = 0; i < nclen + 4; i++) {
            int32_t v = take(s, 3);
            if (v < 0)
                return false;
            lens[order[i]] = (unsigned char)v;
        }
        if (!build(&clen, lens, 19))
            return false;
        for (int32_t i = 0; i < nlit + ndist;) {
            int32_t sym = decode(s, &clen);
            if (sym < 0)
                return false;
            if (sym < 16) {
                lens[i++] = (unsigned char)sym;
                continue;
            }
            /* 16: the length before, 3 to 6 times; 17: zeros, 3 to 10
             * times; 18: zeros, 11 to 138 times. */
            int32_t rep = take(s, sym == 16 ? 2 : sym == 17 ? 3 : 7);
            unsigned char val = sym == 16 && i > 0 ? lens[i - 1] : 0;
            if (rep < 0 || (sym == 16 && i == 0))
                return false;
            rep += sym == 18 ? 11 : 3;
            if (i + rep > nlit + ndist)
                return false;
            memset(lens + i, val, (size_t)rep);
            i += rep;
        }
        if (lens[256] == 0) /* no end of block: the block could not end */
            return false;
    }
    return build(lit, lens, (unsigned)nlit) && build(dist, lens + nlit, (unsigned)ndist);
}

bool wf_inflate(const unsigned char *in, size_t n, unsigned char *out, size_t cap, size_t *len)
{
    struct state s = {in, n, 0, 0, 0, out, cap, 0};
    struct huff lit, dist;
    bool ok = true;
    int32_t last = 0;
    while (ok && last == 0) {
        last = take(&s, 1);
        int32_t type = take(&s, 2);
        if (type == 0)
            ok = stored(&s);
        else if (type == 1 || type == 2)
            ok = tables(&s, type == 1, &lit, &dist) && codes(&s, &lit, &dist);
        else
            ok = false; /* 3 is reserved; -1 is the end of the input */
    }
    *len = s.len;
    return ok;
}

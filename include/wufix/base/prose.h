/* SPDX-License-Identifier: MIT */
/* prose.h - the exe's long text, kept deflated.
 *
 * The words of the big tables (the error codes', the problems', guided
 * mode's, the options' and commands' help) are written in .inc files beside
 * the code that uses them, as X-macros, and the other literals of 10
 * characters or more in the core's and src/win32's function bodies in
 * messages.inc, said as WF_M(ID). The
 * code compiles only the numbers; cmake/prose.py packs the words into
 * prose_z.c, one raw DEFLATE stream, unpacked by the first wf_prose() (not
 * thread-safe: with GCC and Clang a constructor asks before main, and
 * wf_main asks again before any other thread starts).
 * tests/unit/test_prose.c holds the packs against the .inc files: after
 * editing one, build the target `prose` to make prose_z.c and
 * messages_text.h again. */
#ifndef WUFIX_PROSE_H
#define WUFIX_PROSE_H

#include <stddef.h>
#include <stdint.h>

/* Each pack: strings, each ended by NUL. */
enum wf_prose_pack {
    WF_PROSE_HR_SOURCES, /* hresult.inc: SOURCE's text */
    WF_PROSE_HR_ROWS,    /* hresult.inc: HR's name, meaning, remedy */
    WF_PROSE_HR_CLASSES, /* hresult.inc: CLASS's token, remedy, plain words */
    WF_PROSE_PROBLEMS,   /* problems.inc: flags and code, words; then "" */
    WF_PROSE_GUIDED,     /* guided.inc: code, plain sentence; then "" */
    WF_PROSE_OPTIONS,    /* cli.inc: each option's help */
    WF_PROSE_COMMANDS,   /* commands.inc: each command's summary, examples */
    WF_PROSE_MESSAGES,   /* messages.inc: M's text, in order */
    WF_PROSE_N
};

/* The core's long sentences (messages.inc), each said as WF_M(ID). */
enum wf_message {
#define M(id, text) id,
#include "wufix/base/messages.inc"
#undef M
    WF_MESSAGES_N
};
const char *wf_m(enum wf_message id);
/* Natively (WF_PROSE_LITERALS, set by the build on Linux) a sentence is its
 * literal, from messages_text.h (made by cmake/prose.py beside prose_z.c),
 * so the compiler checks each format against its arguments; in the exe it is
 * read from the deflated text. With GCC and Clang it is an address there,
 * fixed when the exe is linked (messages_text.h's WF_MA_, where each begins):
 * prose.c unpacks the text before main (a constructor), so no sentence is
 * read before it is there, and no call is made to find one (about 10 bytes
 * less code at each of some 650 places). Elsewhere (MSVC) wf_m finds it,
 * unpacking on first use, and a call initializes no static: the native build
 * compiles the core that way too (WF_PROSE_CALLS, CMakeLists.txt), so a
 * sentence in a static initializer fails there first. test_prose holds the
 * three alike. */
#include "wufix/base/messages_text.h"
#if defined(WF_PROSE_LITERALS)
#define WF_M(id) WF_MT_##id
#elif defined(__GNUC__) && !defined(WF_PROSE_CALLS)
#define WF_PROSE_EARLY 1
#define WF_M(id)       ((const char *)wf_prose_text + WF_MA_##id)
#else
#define WF_M(id) wf_m(id)
#endif

/* The pack's first string, and in *size (when not NULL) the pack's bytes;
 * "" (size 0) when the text could not be unpacked, which test_prose rules
 * out for the text built in. */
const char *wf_prose(enum wf_prose_pack pack, size_t *size);

/* The n-th (from 0) of the strings packed in `list`, each ended by NUL, in
 * `size` bytes; NULL past the last. */
const char *wf_nth(const char *list, size_t size, size_t n);

/* The pack's n-th string (from 0), or "" past its end. */
const char *wf_prose_nth(enum wf_prose_pack pack, size_t n);

/* Made by cmake/prose.py (prose_z.c): where each pack begins in the
 * unpacked text, the last entry its length; the stream; room to unpack. */
extern const uint32_t wf_prose_at[WF_PROSE_N + 1];
extern const unsigned char wf_prose_z[];
extern const size_t wf_prose_zsize;
extern unsigned char wf_prose_text[];

#endif

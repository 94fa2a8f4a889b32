/* SPDX-License-Identifier: MIT */
/* buf.h - a growable UTF-8 text buffer, and JSON string escaping into it. */
#ifndef WUFIX_BUF_H
#define WUFIX_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define WF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define WF_PRINTF(f, a)
#endif

/* A buffer that failed to grow stays failed (`oom`) and ignores later
 * appends, so callers check once at the end. */
struct wf_buf {
    char *data; /* always NUL-terminated once anything was appended */
    size_t len, cap;
    bool oom;
};

void wf_buf_init(struct wf_buf *b);
void wf_buf_release(struct wf_buf *b);
void wf_buf_clear(struct wf_buf *b);
void wf_buf_add(struct wf_buf *b, const char *s, size_t n);
void wf_buf_puts(struct wf_buf *b, const char *s);
void wf_buf_printf(struct wf_buf *b, const char *fmt, ...) WF_PRINTF(2, 3);
void wf_buf_vprintf(struct wf_buf *b, const char *fmt, va_list ap) WF_PRINTF(2, 0);
/* Append `s` padded with spaces to `width` columns (UTF-8 aware). */
void wf_buf_pad(struct wf_buf *b, const char *s, size_t width);
/* Append `s` as a JSON string literal, quotes included: always strict UTF-8.
 * C0 and C1 controls (U+0080-U+009F) and DEL as \u00NN, a byte that is not
 * UTF-8 as the text "\xNN" (as the text output writes it). */
void wf_buf_json_str(struct wf_buf *b, const char *s);
/* `key` as given (",\"name\":"), then `s` as a JSON string (null for NULL). */
void wf_buf_json_kv(struct wf_buf *b, const char *key, const char *s);
/* As wf_buf_json_kv, but null for a NULL or empty `s` (not known, or none). */
void wf_buf_json_kv_or_null(struct wf_buf *b, const char *key, const char *s);
/* Text from the SCM, the registry, files or another machine, made safe to
 * print on a terminal and in the log: every C0 control (line breaks too),
 * DEL and C1 control (U+0080-U+009F) written as \xNN or \u00NN, so none of
 * its bytes can move the cursor, clear the screen, set the clipboard (OSC 52)
 * or start a line of its own. Cut to fit `size`, never inside an escape or a
 * character. Returns `out`. */
const char *wf_text_safe(const char *in, char *out, size_t size);
/* Append `s` made safe the same way. */
void wf_buf_puts_safe(struct wf_buf *b, const char *s);
/* The data, or "" when nothing was appended. */
const char *wf_buf_str(const struct wf_buf *b);

/* The length of the UTF-8 character at `s` (1-4), or 0 when the bytes there
 * are not one (a stray continuation, an overlong form, a surrogate, a cut). */
size_t wf_utf8_char(const char *s);
/* The longest prefix of `s` of at most `max` bytes that ends on a character
 * boundary: a cut never leaves half a character. */
size_t wf_utf8_cut(const char *s, size_t max);
/* Copy `src` into `dst` (`size` bytes with the NUL), cut on a character
 * boundary; `dst` may be `src`. Returns the bytes copied. */
size_t wf_utf8_copy(char *dst, size_t size, const char *src);

/* One code point as UTF-8 at `out` (room for 4 bytes; '?' for a lone
 * surrogate): the bytes written. */
size_t wf_utf8_put(char *out, uint32_t c);
/* UTF-16LE text (`units` code units at `in`, up to a NUL) as UTF-8 in `out`;
 * false when it does not fit whole in `size`. */
bool wf_utf16_text(const uint8_t *in, size_t units, char *out, size_t size);

/* Columns `s` takes on a terminal: UTF-8 code points. */
size_t wf_utf8_width(const char *s);

/* An instant for people, in the one form text output uses: "2026-11-30
 * 14:02" from ISO 8601 ("2026-11-30T14:02:11+01:00", the machine's clock as
 * Windows Update's log writes it), "2026-11-30 13:02 UTC" from a UTC one
 * ("...Z", as the journal keeps it), "2026-11-30" from a date; anything else
 * made safe as wf_text_safe does. Returns `out`. */
const char *wf_when_text(const char *iso, char *out, size_t size);

/* Append `text` from column `col` (where the line already is) on, wrapped
 * between words at `width` columns, each further line indented by `indent`
 * spaces; a word longer than a line (a path, an address) is cut where the
 * line ends. Ends the line. */
void wf_buf_wrap(struct wf_buf *b, const char *text, size_t col, size_t indent, size_t width);

#endif

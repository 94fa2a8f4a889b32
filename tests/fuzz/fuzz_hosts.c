/* SPDX-License-Identifier: MIT */
/* fuzz_hosts.c - libFuzzer target: the hosts file reader. Whatever the bytes,
 * the lines found lie inside the text, and the text with them commented out
 * is the text again once the marks are taken out, with as many marks. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/hosts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t first, len, n, n2, first2, len2;
    size_t mark = strlen(WF_HOSTS_MARK);
    size_t count = wf_hosts_scan(data, size, &first, &len, NULL, &n);
    if (n != size + count * mark || (count && (first > size || len > size - first)))
        abort();
    uint8_t *out = malloc(n + 1);
    if (!out)
        return 0;
    if (wf_hosts_scan(data, size, &first2, &len2, out, &n2) != count || n2 != n || first2 != first ||
        len2 != len)
        abort();
    /* Take each mark out where it was put: at the start of a found line. */
    size_t i = 0, o = 0, marks = 0;
    uint8_t *back = malloc(size + 1);
    if (!back) {
        free(out);
        return 0;
    }
    while (i < n) {
        bool line_start =
            i == 0 || out[i - 1] == '\n' || (i == 3 && out[0] == 0xEF && out[1] == 0xBB && out[2] == 0xBF);
        /* A found line gets one mark; a line of the text that starts with
         * one already is a comment, never found. */
        if (line_start && n - i >= mark && memcmp(out + i, WF_HOSTS_MARK, mark) == 0 &&
            (size - o < mark || memcmp(data + o, WF_HOSTS_MARK, mark) != 0)) {
            i += mark;
            marks++;
            continue;
        }
        if (o >= size)
            abort();
        back[o++] = out[i++];
    }
    if (o != size || marks != count || memcmp(back, data, size) != 0)
        abort();
    /* Commented out, nothing is found again. */
    size_t again = wf_hosts_scan(out, n, &first2, &len2, NULL, &n2);
    if (again != 0 && !(size >= 2 && (data[0] == 0xFF || data[0] == 0xFE)))
        abort();
    free(back);
    free(out);
    return 0;
}

/* SPDX-License-Identifier: MIT */
/* fuzz_journal.c - libFuzzer target: the journal parser (it reads a file from
 * disk), and format/parse agreeing on what it accepted. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    struct wf_journal j, k;
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (wf_journal_parse(text, &j) == WF_OK) {
        struct wf_buf b;
        wf_buf_init(&b);
        wf_journal_format(&j, &b);
        if (wf_journal_parse(wf_buf_str(&b), &k) != WF_OK || k.nsvc != j.nsvc || k.open != j.open)
            abort();
        wf_buf_release(&b);
    }
    free(text);
    return 0;
}

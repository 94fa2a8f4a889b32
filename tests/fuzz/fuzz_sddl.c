/* SPDX-License-Identifier: MIT */
/* fuzz_sddl.c - libFuzzer target: the SDDL parser and the rights evaluation. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/sddl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    struct wf_sddl s;
    char words[128];
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (wf_sddl_parse(text, &s) == WF_OK) {
        if (s.nace > WF_SDDL_ACES_MAX)
            abort();
        uint32_t r = wf_sddl_rights(&s, WF_PRINCIPAL_SYSTEM) | wf_sddl_rights(&s, WF_PRINCIPAL_ADMIN);
        wf_sddl_describe(WF_SR_NEEDED & ~r, words, sizeof(words));
        (void)wf_sddl_meaningful(&s);
    }
    free(text);
    return 0;
}

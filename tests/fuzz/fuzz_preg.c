/* SPDX-License-Identifier: MIT */
/* fuzz_preg.c - libFuzzer target: the Registry.pol reader. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/preg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const asks[][2] = {
        {"Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU", "NoAutoUpdate"},
        {"Software\\Policies\\Microsoft\\Windows\\WindowsUpdate", "WUServer"},
        {"Software\\Policies\\Microsoft\\Windows\\WindowsUpdate", "a"},
    };
    /* A copy of exactly `size` bytes: a read past them is caught. */
    uint8_t *copy = malloc(size ? size : 1);
    struct wf_reg *v = malloc(sizeof(*v));
    if (!copy || !v) {
        free(copy);
        free(v);
        return 0;
    }
    memcpy(copy, data, size);
    for (size_t i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
        bool other = false;
        wf_err e = wf_preg_lookup(copy, size, asks[i][0], asks[i][1], v, &other);
        if ((e != WF_OK && (v->type != WF_REG_NONE || other)) || strlen(v->str) >= sizeof(v->str) ||
            (other && v->type != WF_REG_NONE))
            abort();
    }
    free(copy);
    free(v);
    return 0;
}

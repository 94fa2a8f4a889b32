/* SPDX-License-Identifier: MIT */
/* fuzz_waas.c - libFuzzer target: the parser of Windows' WaaS service files. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/waas.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    struct wf_waas_entry e;
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (wf_waas_parse(text, &e) == WF_OK) {
        if (!e.name[0] || strlen(e.name) >= sizeof(e.name) || strlen(e.image_path) >= sizeof(e.image_path) ||
            strlen(e.depends_on) >= sizeof(e.depends_on))
            abort();
    }
    free(text);
    return 0;
}

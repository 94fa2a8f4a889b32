/* SPDX-License-Identifier: MIT */
/* fuzz_http_date.c - libFuzzer target: the Date of an HTTP reply no one
 * vouches for. Whatever the bytes, a date found is whole and well formed
 * ("YYYY-MM-DDTHH:MM:SSZ"), and wufix's own clock arithmetic takes it. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/machine.h"
#include "wufix/mech/pause.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char out[21];
    long long t;
    if (size >= WF_HTTP_REPLY) /* what is read of a reply: its first bytes */
        size = WF_HTTP_REPLY - 1;
    char *reply = malloc(size + 1);
    if (!reply)
        return 0;
    memcpy(reply, data, size);
    reply[size] = '\0';
    memset(out, 'X', sizeof(out));
    if (wf_http_date(reply, 2026, out) && (strlen(out) != 20 || out[19] != 'Z' || !wf_pause_seconds(out, &t)))
        abort();
    free(reply);
    return 0;
}

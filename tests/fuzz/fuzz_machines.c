/* SPDX-License-Identifier: MIT */
/* fuzz_machines.c - libFuzzer target: --computer @FILE, a list of machine
 * names a person (or anyone who could write the file) wrote. Whatever it
 * holds, every name taken is one wufix takes, and each machine is taken once. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/cmd/machines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct input {
    const uint8_t *data;
    size_t size;
};

/* The caller's file, read whole or refused (never cut), as the platform does. */
static wf_err read_caller_file(void *self, const char *path, char *out, size_t cap, char *why, size_t wsize)
{
    const struct input *in = self;
    (void)path;
    (void)why;
    (void)wsize;
    if (in->size >= cap)
        return WF_E_LIMIT;
    memcpy(out, in->data, in->size);
    out[in->size] = '\0';
    return WF_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct input in = {data, size};
    struct wf_platform pf;
    struct wf_options o;
    struct wf_machines ns;
    char err[WF_TEXT_MAX], why[WF_TEXT_MAX];
    memset(&pf, 0, sizeof(pf));
    memset(&o, 0, sizeof(o));
    pf.read_caller_file = read_caller_file;
    pf.self = &in;
    pf.computer = "FUZZPC";
    o.computers[0] = "@list.txt";
    o.computers[1] = "pc1,\\\\PC2";
    o.ncomputers = 2;
    if (wf_cmd_machines(&pf, &o, &ns, err, sizeof(err)) == WF_OK) {
        for (size_t i = 0; i < ns.n; i++) {
            if (wf_cli_machine_check(ns.name[i], strlen(ns.name[i]), why, sizeof(why)) != WF_OK ||
                ns.name[i][0] == '\\')
                abort();
            for (size_t j = 0; j < i; j++)
                if (wf_name_cmp(ns.name[i], ns.name[j]) == 0)
                    abort();
        }
    } else if (!err[0] || strchr(err, '\n')) {
        abort(); /* a failure says why, on one line */
    }
    wf_cmd_machines_free(&ns);
    return 0;
}

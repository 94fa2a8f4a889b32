/* SPDX-License-Identifier: MIT */
/* fuzz_cli.c - libFuzzer target: the argument parser and the help it leads to.
 * The input is split on NUL or newline into at most 32 arguments. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/cli.h"
#include "wufix/cmd/commands.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char prog[] = "wufix";
    char *copy = malloc(size + 1);
    char *argv[34];
    int argc = 0;
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    copy[size] = '\0';
    argv[argc++] = prog;
    char *p = copy;
    for (size_t i = 0; i <= size && argc < 33; i++)
        if (i == size || copy[i] == '\0' || copy[i] == '\n') {
            copy[i] = '\0';
            argv[argc++] = p;
            p = copy + i + 1;
        }
    argv[argc] = NULL;
    struct wf_options o;
    char err[256];
    if (wf_cli_parse(wf_cmd_table(), argc, argv, &o, err, sizeof(err)) == WF_OK) {
        struct wf_buf b;
        wf_buf_init(&b);
        wf_cli_help(&b, wf_cmd_table(), o.help_topic ? wf_cli_find(wf_cmd_table(), o.help_topic) : o.cmd, 79);
        wf_buf_release(&b);
    } else if (!memchr(err, '\0', sizeof(err)) || strchr(err, '\n')) {
        abort(); /* the error is one terminated line */
    }
    free(copy);
    return 0;
}

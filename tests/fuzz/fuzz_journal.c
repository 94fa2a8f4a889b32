/* SPDX-License-Identifier: MIT */
/* fuzz_journal.c - libFuzzer target: the journal parser (it reads a file from
 * disk), format/parse agreeing on everything it accepted, and any value
 * recorded exactly: the input's bytes as an image path, a registry key, value
 * name and data and a service name come back from format then parse as they
 * were, on the lines they belong to. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/mech/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_fix(const struct wf_fix *a, const struct wf_fix *b)
{
    return a->kind == b->kind && strcmp(a->service, b->service) == 0 && strcmp(a->key, b->key) == 0 &&
           strcmp(a->value, b->value) == 0 && a->was_start == b->was_start &&
           a->will_start == b->will_start && a->was.type == b->was.type &&
           strcmp(a->was.str, b->was.str) == 0 &&
           (a->kind != WF_FIX_RENAME || strcmp(a->will.str, b->will.str) == 0);
}

static bool same(const struct wf_journal *a, const struct wf_journal *b)
{
    if (a->nsvc != b->nsvc || a->nfix != b->nfix || a->open != b->open || strcmp(a->command, b->command) != 0)
        return false;
    for (size_t i = 0; i < a->nsvc; i++)
        if (strcmp(a->svc[i].name, b->svc[i].name) != 0 || a->svc[i].state != b->svc[i].state)
            return false;
    for (size_t i = 0; i < a->nfix; i++)
        if (!same_fix(&a->fix[i], &b->fix[i]))
            return false;
    return true;
}

/* The input as a value: its bytes up to the first NUL, cut to fit `size`. */
static void value_of(const uint8_t *data, size_t n, char *out, size_t size)
{
    size_t k = 0;
    while (k < n && k + 1 < size && data[k])
        k++;
    memcpy(out, data, k);
    out[k] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct wf_journal j, k;
    struct wf_buf b;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    wf_buf_init(&b);
    if (wf_journal_parse(text, &j) == WF_OK) {
        wf_journal_format(&j, &b);
        if (wf_journal_parse(wf_buf_str(&b), &k) != WF_OK || !same(&j, &k))
            abort();
    }
    free(text);
    /* Any value, recorded and read back. */
    memset(&j, 0, sizeof(j));
    strcpy(j.command, "repair");
    j.nsvc = 1;
    value_of(data, size, j.svc[0].name, sizeof(j.svc[0].name));
    if (!j.svc[0].name[0])
        strcpy(j.svc[0].name, "x");
    j.svc[0].state = WF_STATE_RUNNING;
    j.nfix = 2;
    j.fix[0].kind = WF_FIX_IMAGE;
    strcpy(j.fix[0].service, j.svc[0].name);
    value_of(data, size, j.fix[0].was.str, sizeof(j.fix[0].was.str));
    j.fix[1].kind = WF_FIX_REG;
    j.fix[1].was.type = WF_REG_SZ;
    value_of(data, size, j.fix[1].key, sizeof(j.fix[1].key));
    value_of(data, size, j.fix[1].value, sizeof(j.fix[1].value));
    value_of(data, size, j.fix[1].was.str, sizeof(j.fix[1].was.str));
    wf_buf_clear(&b);
    wf_journal_format(&j, &b);
    if (wf_journal_parse(wf_buf_str(&b), &k) != WF_OK || !same(&j, &k))
        abort();
    wf_buf_release(&b);
    return 0;
}

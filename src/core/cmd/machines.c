/* SPDX-License-Identifier: MIT */
/* machines.c - the machines --computer names: each value a name, a comma
 * list or @FILE (a name per line, '#' comments), every name checked, each
 * machine once, this machine's names and addresses as one. (Names DNS
 * gives one address are made one when the workers have resolved them.) */
#include "machines.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_MAX (1u << 20) /* an @FILE of a million bytes */

bool wf_cmd_machine_is_here(const struct wf_platform *pf, const struct wf_addrs *here, const char *name)
{
    struct wf_addrs lit = {0};
    struct wf_addr a;
    if (wf_addr_parse4(name, &a))
        wf_addrs_add(&lit, a.b, a.len);
    return strcmp(name, ".") == 0 || wf_name_cmp(name, "localhost") == 0 ||
           (pf->computer && wf_name_cmp(name, pf->computer) == 0) ||
           (pf->computer_dns && pf->computer_dns[0] && wf_name_cmp(name, pf->computer_dns) == 0) ||
           (lit.n && wf_addrs_meet(&lit, here, NULL));
}

/* Add one checked name (a leading \\ dropped), once; this machine's names
 * are one machine. */
static wf_err add_name(const struct wf_platform *pf, struct wf_machines *ns, const char *v, size_t n,
                       char *err, size_t size)
{
    if (n >= 2 && v[0] == '\\' && v[1] == '\\') {
        v += 2;
        n -= 2;
    }
    char name[WF_MACHINE_NAME_MAX];
    memcpy(name, v, n);
    name[n] = '\0';
    if (wf_cmd_machine_is_here(pf, &ns->here, name) && pf->computer && strlen(pf->computer) < sizeof(name)) {
        n = strlen(pf->computer);
        memcpy(name, pf->computer, n + 1);
    }
    for (size_t i = 0; i < ns->n; i++)
        if (wf_name_cmp(ns->name[i], name) == 0)
            return WF_OK;
    if (ns->n >= WF_MACHINES_MAX) {
        snprintf(err, size, WF_M(M_COMPUTER_MORE_THAN_U_MACHINES), WF_MACHINES_MAX);
        return WF_E_USAGE;
    }
    memcpy(ns->name[ns->n++], name, n + 1);
    return WF_OK;
}

/* A name per line; '#' starts a comment; blank lines are nothing. */
static wf_err read_list(const struct wf_platform *pf, const char *path, struct wf_machines *ns, char *err,
                        size_t size)
{
    char q[400], why[300] = "";
    char *text = malloc(LIST_MAX);
    if (!text)
        return WF_E_NOMEM;
    wf_err e = pf->read_caller_file(pf->self, path, text, LIST_MAX, why, sizeof(why));
    if (e != WF_OK) {
        /* A list longer than wufix reads is refused whole, never cut (mid-name perhaps). */
        snprintf(err, size, WF_M(M_COMPUTER_CANNOT_READ_S_S), wf_cli_quote(path, q, sizeof(q)),
                 e == WF_E_LIMIT ? WF_M(M_IT_IS_LONGER_THAN_A)
                 : why[0]        ? ": "
                                 : "",
                 e == WF_E_LIMIT ? "" : why);
        free(text);
        return WF_E_USAGE;
    }
    size_t before = ns->n;
    unsigned line = 0;
    for (char *p = text; *p && e == WF_OK;) {
        char *end = p + strcspn(p, "\n");
        char *next = *end ? end + 1 : end;
        line++;
        char *hash = memchr(p, '#', (size_t)(end - p));
        if (hash)
            end = hash;
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
            end--;
        if (end > p) {
            e = wf_cli_machine_check(p, (size_t)(end - p), why, sizeof(why));
            if (e == WF_OK)
                e = add_name(pf, ns, p, (size_t)(end - p), why, sizeof(why));
            if (e != WF_OK)
                snprintf(err, size, WF_M(M_COMPUTER_S_LINE_U_S), wf_cli_quote(path, q, 120), line,
                         strncmp(why, WF_M(M_COMPUTER_COLON), 12) == 0 ? why + 12 : why);
        }
        p = next;
    }
    free(text);
    if (e == WF_OK && ns->n == before) {
        snprintf(err, size, WF_M(M_COMPUTER_S_NAMES_NO_MACHINE), wf_cli_quote(path, q, sizeof(q)));
        e = WF_E_USAGE;
    }
    return e;
}

wf_err wf_cmd_machines(const struct wf_platform *pf, const struct wf_options *o, struct wf_machines *ns,
                       char *err, size_t size)
{
    static const uint8_t v4[4] = {127, 0, 0, 1}, v6[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    ns->n = 0;
    ns->name = calloc(WF_MACHINES_MAX, sizeof(*ns->name));
    if (!ns->name)
        return WF_E_NOMEM;
    memset(&ns->here, 0, sizeof(ns->here));
    wf_addrs_add(&ns->here, v4, sizeof(v4));
    wf_addrs_add(&ns->here, v6, sizeof(v6));
    if (pf->local_addrs) {
        struct wf_addrs more = {0};
        pf->local_addrs(pf->self, &more);
        for (size_t i = 0; i < more.n && i < WF_ADDRS_MAX; i++)
            wf_addrs_add(&ns->here, more.a[i].b, more.a[i].len);
    }
    wf_err e = WF_OK;
    for (size_t i = 0; i < o->ncomputers && e == WF_OK; i++) {
        const char *v = o->computers[i];
        if (v[0] == '@') {
            e = read_list(pf, v + 1, ns, err, size);
            continue;
        }
        for (const char *p = v; e == WF_OK;) {
            const char *comma = strchr(p, ',');
            size_t n = comma ? (size_t)(comma - p) : strlen(p);
            e = wf_cli_machine_check(p, n, err, size); /* checked when parsed; cheap to be sure */
            if (e == WF_OK)
                e = add_name(pf, ns, p, n, err, size);
            if (!comma)
                break;
            p = comma + 1;
        }
    }
    return e;
}

void wf_cmd_machines_free(struct wf_machines *ns)
{
    free(ns->name);
    ns->name = NULL;
    ns->n = 0;
}

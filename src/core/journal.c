/* SPDX-License-Identifier: MIT */
/* journal.c - the journal's text form.
 *
 *   wufix-journal 1
 *   command restart
 *   started 2026-11-22T02:40:00Z
 *   pid 4242
 *   open 1
 *   outcome -
 *   service 1 running manual wuauserv
 *   service 0 running manual AppIDSvc       (0: a dependent outside the set)
 *
 * The name comes last: a service name may hold spaces. An empty value is "-".
 *
 * Written whole, atomically, before the first change and when the run ends. */
#include "wufix/journal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static enum wf_state state_from(const char *t)
{
    for (int s = WF_STATE_UNKNOWN; s <= WF_STATE_NOT_INSTALLED; s++)
        if (strcmp(wf_state_token((enum wf_state)s), t) == 0)
            return (enum wf_state)s;
    return WF_STATE_UNKNOWN;
}

static enum wf_start_type start_from(const char *t)
{
    for (int s = WF_START_UNKNOWN; s <= WF_START_DISABLED; s++)
        if (strcmp(wf_start_token((enum wf_start_type)s), t) == 0)
            return (enum wf_start_type)s;
    return WF_START_UNKNOWN;
}

void wf_journal_from_plan(struct wf_journal *j, const struct wf_plan *p, const char *command,
                          const char *started, uint32_t pid)
{
    memset(j, 0, sizeof(*j));
    wf_strlcpy(j->command, command, sizeof(j->command));
    wf_strlcpy(j->started, started, sizeof(j->started));
    wf_strlcpy(j->outcome, "-", sizeof(j->outcome));
    j->pid = pid;
    j->open = true;
    for (size_t i = 0; i < p->nsvc; i++) {
        const struct wf_plan_svc *s = &p->svc[i];
        if (!s->installed)
            continue;
        struct wf_journal_svc *js = &j->svc[j->nsvc++];
        wf_strlcpy(js->name, s->name, sizeof(js->name));
        js->in_set = s->in_set;
        js->state = s->before.state;
        js->start_type = s->cfg.start_type;
    }
}

void wf_journal_format(const struct wf_journal *j, struct wf_buf *out)
{
    wf_buf_printf(out, "wufix-journal %d\ncommand %s\nstarted %s\npid %u\nopen %d\noutcome %s\n",
                  WF_JOURNAL_VERSION, j->command, j->started[0] ? j->started : "-", (unsigned)j->pid,
                  j->open ? 1 : 0, j->outcome[0] ? j->outcome : "-");
    for (size_t i = 0; i < j->nsvc; i++)
        wf_buf_printf(out, "service %d %s %s %s\n", j->svc[i].in_set ? 1 : 0, wf_state_token(j->svc[i].state),
                      wf_start_token(j->svc[i].start_type), j->svc[i].name);
}

/* One "key value..." line into words; false when there are not `want` words. */
static bool words(char *line, char **w, int want)
{
    int n = 0;
    for (char *p = line; *p && n < want;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        w[n++] = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = '\0';
    }
    return n == want;
}

wf_err wf_journal_parse(const char *text, struct wf_journal *j)
{
    memset(j, 0, sizeof(*j));
    if (!text[0])
        return WF_E_NO_SERVICE;
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy)
        return WF_E_NOMEM;
    memcpy(copy, text, len + 1);
    wf_err e = WF_OK;
    bool header = false;
    char *next;
    for (char *line = copy; line && e == WF_OK; line = next) {
        char *nl = strchr(line, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        if (nl && nl > line && nl[-1] == '\r')
            nl[-1] = '\0';
        if (!line[0])
            continue;
        const char *end = line + strlen(line); /* before words() cuts it up */
        char *w[5];
        for (const char *c = line; c < end && e == WF_OK; c++)
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                e = WF_E_JOURNAL; /* wufix never writes one */
        if (e != WF_OK)
            break;
        if (!header) {
            header = words(line, w, 2) && strcmp(w[0], "wufix-journal") == 0 &&
                     strtol(w[1], NULL, 10) == WF_JOURNAL_VERSION;
            if (!header)
                e = WF_E_JOURNAL;
        } else if (strncmp(line, "service ", 8) == 0) {
            /* The name is the rest of the line after four words. */
            if (!words(line, w, 4) || j->nsvc >= WF_PLAN_MAX) {
                e = WF_E_JOURNAL;
                break;
            }
            char *name = w[3] + strlen(w[3]) + 1;
            if (name >= end || strlen(name) >= WF_NAME_MAX) {
                e = WF_E_JOURNAL;
                break;
            }
            struct wf_journal_svc *s = &j->svc[j->nsvc++];
            wf_strlcpy(s->name, name, sizeof(s->name));
            s->in_set = strcmp(w[1], "1") == 0;
            s->state = state_from(w[2]);
            s->start_type = start_from(w[3]);
            if (s->state == WF_STATE_UNKNOWN)
                e = WF_E_JOURNAL;
        } else if (words(line, w, 2)) {
            if (strcmp(w[0], "command") == 0)
                wf_strlcpy(j->command, w[1], sizeof(j->command));
            else if (strcmp(w[0], "started") == 0)
                wf_strlcpy(j->started, strcmp(w[1], "-") == 0 ? "" : w[1], sizeof(j->started));
            else if (strcmp(w[0], "pid") == 0)
                j->pid = (uint32_t)strtoul(w[1], NULL, 10);
            else if (strcmp(w[0], "open") == 0)
                j->open = strcmp(w[1], "1") == 0;
            else if (strcmp(w[0], "outcome") == 0)
                wf_strlcpy(j->outcome, w[1], sizeof(j->outcome));
        } else {
            e = WF_E_JOURNAL;
        }
    }
    free(copy);
    if (e == WF_OK && (!header || !j->command[0]))
        e = WF_E_JOURNAL;
    return e;
}

wf_err wf_journal_save(const struct wf_journal *j, const struct wf_store *st)
{
    struct wf_buf b;
    wf_buf_init(&b);
    wf_journal_format(j, &b);
    wf_err e = b.oom ? WF_E_NOMEM : st->save(st->self, wf_buf_str(&b), b.len);
    wf_buf_release(&b);
    return e;
}

wf_err wf_journal_load(struct wf_journal *j, const struct wf_store *st)
{
    struct wf_buf b;
    wf_buf_init(&b);
    wf_err e = st->load(st->self, &b);
    if (e == WF_OK)
        e = b.oom ? WF_E_NOMEM : wf_journal_parse(wf_buf_str(&b), j);
    wf_buf_release(&b);
    return e;
}

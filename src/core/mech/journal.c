/* SPDX-License-Identifier: MIT */
/* journal.c - the journal's text form.
 *
 *   wufix-journal 3
 *   command restart
 *   started 2026-11-22T02:40:00Z
 *   pid 4242
 *   open 1
 *   outcome -
 *   service 1 running manual wuauserv
 *   service 0 running manual AppIDSvc       (0: a dependent outside the set)
 *
 *   fix start disabled manual wuauserv
 *   fix image wuauserv|C:\evil\svc.exe
 *   fix sddl wuauserv|D:(...)
 *   fix reg dword 1 SOFTWARE\...\UsoClient.exe|Debugger|
 *   fix deps wuauserv|rpcss,NoSuchSvc
 *   fix account wuauserv|NT AUTHORITY\LocalService
 *   fix rename 1048576 312
 * C:\Windows\SoftwareDistribution|C:\Windows\SoftwareDistribution.wufix-20261122-024000
 *   fix hosts 824 3 C:\Windows\System32\drivers\etc\hosts|...\hosts.wufix-20261122-024000|SHA|SHA
 *       (the file's size and lines commented out, its path, its copy, and the
 *       SHA-256 of its content before and after)
 *
 * The name comes last: a service name may hold spaces. An empty value is "-".
 * A fix line keeps the value the fix replaced; free text follows a '|'.
 * Version 2 records every value exactly: a byte below 0x20, DEL, '%', '|' and
 * a leading space is written %XX (hex), so a line break or a '|' in an image path, a
 * descriptor, a registry value or a name can never add or split a line;
 * version 1 (no escapes) is still read.
 *
 * Version 3 adds, after the last run, the earlier runs `undo` can still put
 * back (those that completed and changed configuration, newest first), each
 * after a line "earlier", in the same lines; and an undo's line
 * "undoes PID STARTED" naming the run it puts back. A run that only moved
 * services never takes the place of one that changed configuration.
 *
 * Written whole, atomically, before the first change and when the run ends. */
#include "wufix/mech/journal.h"

#include "wufix/base/prose.h"

#include <stddef.h>
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

/* Empty: all but the fixes, each cleared as it is added (they hold whole
 * values: megabytes no run touches). */
static void clear(struct wf_journal *j)
{
    memset(j, 0, offsetof(struct wf_journal, fix));
    j->nfix = 0;
}

void wf_journal_from_plan(struct wf_journal *j, const struct wf_plan *p, const char *command,
                          const char *started, uint32_t pid)
{
    clear(j);
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

static void format_run(const struct wf_journal *j, struct wf_buf *out);

/* A run's name in an undo's "undoes" line: the SHA-256 of its lines. */
static void run_digest(const struct wf_journal *run, char *hex)
{
    struct wf_buf b;
    wf_buf_init(&b);
    format_run(run, &b);
    wf_sha256_of(b.data, b.len, hex);
    wf_buf_release(&b);
}

void wf_journal_undoes(struct wf_journal *j, const struct wf_journal *run)
{
    run_digest(run, j->undoes);
}

void wf_journal_add_fixes(struct wf_journal *j, const struct wf_repair *r)
{
    for (size_t i = 0; i < r->n && j->nfix < WF_JOURNAL_FIXES; i++) {
        j->fix[j->nfix] = r->fix[i];
        j->fix[j->nfix++].applied = true; /* reverting one not applied rewrites its own value */
    }
}

static const char *const reg_types[] = {"none", "sz", "expand", "dword", "multi"};

static bool words(char *line, char **w, int want);

/* A value as version 2 records it: `sep` (a '|' or a line break) after it. */
static void field(struct wf_buf *out, const char *s, char sep)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f || *p == '%' || *p == '|' || (*p == ' ' && p == (const unsigned char *)s))
            wf_buf_printf(out, "%%%02X", *p);
        else
            wf_buf_add(out, (const char *)p, 1);
    wf_buf_add(out, &sep, 1);
}

/* A recorded value back, in place; false when it is not one wufix wrote. */
static bool unfield(char *s, int version)
{
    if (version < 2)
        return true;
    char *o = s;
    for (const char *p = s; *p; p++) {
        if (*p != '%') {
            *o++ = *p;
            continue;
        }
        unsigned v = 0;
        for (int k = 1; k <= 2; k++) {
            char c = p[k];
            unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                         : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                                : 99;
            if (d == 99)
                return false;
            v = v * 16 + d;
        }
        if (v == 0)
            return false; /* a NUL cannot be a byte of a value */
        *o++ = (char)v;
        p += 2;
    }
    *o = '\0';
    return true;
}

/* Copy a recorded value into its place; false when it does not fit whole
 * (then it was not one wufix wrote: a value is never cut). */
static bool take(char *dst, size_t size, char *src, int version)
{
    return unfield(src, version) && wf_strlcpy(dst, src, size);
}

static void format_fix(const struct wf_fix *f, struct wf_buf *out)
{
    switch (f->kind) {
    case WF_FIX_START:
        wf_buf_printf(out, WF_M(M_FIX_START_S_S), wf_start_token(f->was_start),
                      wf_start_token(f->will_start));
        field(out, f->service, '\n');
        break;
    case WF_FIX_IMAGE:
    case WF_FIX_SDDL:
    case WF_FIX_DEPS:
    case WF_FIX_ACCOUNT:
        wf_buf_printf(out, "fix %s ",
                      f->kind == WF_FIX_IMAGE  ? "image"
                      : f->kind == WF_FIX_SDDL ? "sddl"
                      : f->kind == WF_FIX_DEPS ? "deps"
                                               : "account");
        field(out, f->service, '|');
        field(out, f->was.str, '\n');
        break;
    case WF_FIX_RENAME:
    case WF_FIX_HOSTS:
        wf_buf_printf(out, WF_M(M_FIX_S_LLU_LLU), f->kind == WF_FIX_HOSTS ? "hosts" : "rename",
                      (unsigned long long)f->bytes, (unsigned long long)f->files);
        field(out, f->was.str, '|');
        field(out, f->will.str, f->kind == WF_FIX_HOSTS ? '|' : '\n');
        if (f->kind == WF_FIX_HOSTS) {
            field(out, f->key, '|');
            field(out, f->value, '\n');
        }
        break;
    case WF_FIX_REG:
        wf_buf_printf(out, WF_M(M_FIX_REG_S_U), reg_types[f->was.type], (unsigned)f->was.dword);
        field(out, f->key, '|');
        field(out, f->value, '|');
        field(out, f->was.str, '\n');
        break;
    }
}

/* "a|b|c" into parts (at most n); false when there are fewer than n. */
static bool bars(char *s, char **part, int n)
{
    for (int i = 0; i < n; i++) {
        part[i] = s;
        if (i == n - 1)
            return true;
        char *bar = strchr(s, '|');
        if (!bar)
            return false;
        *bar = '\0';
        s = bar + 1;
    }
    return true;
}

static wf_err parse_fix(char *line, const char *end, struct wf_journal *j, int version)
{
    char *w[5], *part[4];
    if (j->nfix >= WF_JOURNAL_FIXES || !words(line, w, 3))
        return WF_E_JOURNAL;
    struct wf_fix *f = &j->fix[j->nfix];
    memset(f, 0, sizeof(*f));
    f->applied = true;
    if (strcmp(w[1], "start") == 0) {
        /* A line that ends after the first start type has no second one:
         * nothing past `end` is this line's (it may be past the buffer). */
        char *name = w[2] + strlen(w[2]) + 1;
        char *sp = name < end ? strchr(name, ' ') : NULL;
        if (!sp)
            return WF_E_JOURNAL;
        *sp = '\0';
        f->kind = WF_FIX_START;
        f->was_start = start_from(w[2]);
        f->will_start = start_from(name);
        if (!sp[1] || !take(f->service, sizeof(f->service), sp + 1, version))
            return WF_E_JOURNAL;
    } else if (strcmp(w[1], "image") == 0 || strcmp(w[1], "sddl") == 0 || strcmp(w[1], "deps") == 0 ||
               strcmp(w[1], "account") == 0) {
        /* words() cut after "fix image": w[2] runs to the end of the line. */
        char *rest = w[2];
        if (rest + strlen(rest) < end)
            rest[strlen(rest)] = ' ';
        if (!bars(rest, part, 2) || !take(f->service, sizeof(f->service), part[0], version) ||
            !take(f->was.str, sizeof(f->was.str), part[1], version))
            return WF_E_JOURNAL;
        f->kind = w[1][0] == 'i'   ? WF_FIX_IMAGE
                  : w[1][0] == 's' ? WF_FIX_SDDL
                  : w[1][0] == 'd' ? WF_FIX_DEPS
                                   : WF_FIX_ACCOUNT;
    } else if (strcmp(w[1], "reg") == 0) {
        char *type = w[2], *dword = type + strlen(type) + 1;
        char *sp = dword < end ? strchr(dword, ' ') : NULL;
        if (!sp)
            return WF_E_JOURNAL;
        *sp = '\0';
        if (!bars(sp + 1, part, 3) || !take(f->key, sizeof(f->key), part[0], version) ||
            !take(f->value, sizeof(f->value), part[1], version) ||
            !take(f->was.str, sizeof(f->was.str), part[2], version))
            return WF_E_JOURNAL;
        f->kind = WF_FIX_REG;
        f->was.type = WF_REG_NONE;
        for (int t = 0; t < (int)(sizeof(reg_types) / sizeof(reg_types[0])); t++)
            if (strcmp(type, reg_types[t]) == 0)
                f->was.type = (enum wf_reg_type)t;
        f->was.dword = (uint32_t)strtoul(dword, NULL, 10);
    } else if (strcmp(w[1], "rename") == 0 || strcmp(w[1], "hosts") == 0) {
        bool hosts = w[1][0] == 'h';
        char *bytes = w[2], *files = bytes + strlen(bytes) + 1;
        char *sp = files < end ? strchr(files, ' ') : NULL;
        if (!sp)
            return WF_E_JOURNAL;
        *sp = '\0';
        if (!bars(sp + 1, part, hosts ? 4 : 2) || !part[0][0] || !part[1][0] ||
            !take(f->was.str, sizeof(f->was.str), part[0], version) ||
            !take(f->will.str, sizeof(f->will.str), part[1], version) ||
            (hosts && (!take(f->key, sizeof(f->key), part[2], version) ||
                       !take(f->value, sizeof(f->value), part[3], version))))
            return WF_E_JOURNAL;
        f->kind = hosts ? WF_FIX_HOSTS : WF_FIX_RENAME;
        f->bytes = strtoull(bytes, NULL, 10);
        f->files = strtoull(files, NULL, 10);
        f->was.type = f->will.type = WF_REG_SZ;
    } else {
        return WF_E_JOURNAL;
    }
    j->nfix++;
    return WF_OK;
}

/* One run's lines, after the version line (or an "earlier" line). */
static void format_run(const struct wf_journal *j, struct wf_buf *out)
{
    wf_buf_printf(out, WF_M(M_COMMAND_S_NSTARTED_S_NPID), j->command, j->started[0] ? j->started : "-",
                  (unsigned)j->pid, j->open ? 1 : 0, j->outcome[0] ? j->outcome : "-");
    if (j->undoes[0])
        wf_buf_printf(out, WF_M(M_UNDOES_S_N), j->undoes);
    for (size_t i = 0; i < j->nsvc; i++) {
        wf_buf_printf(out, WF_M(M_SERVICE_D_S_S), j->svc[i].in_set ? 1 : 0, wf_state_token(j->svc[i].state),
                      wf_start_token(j->svc[i].start_type));
        field(out, j->svc[i].name, '\n');
    }
    for (size_t i = 0; i < j->nfix; i++)
        format_fix(&j->fix[i], out);
}

void wf_journal_format(const struct wf_journal *j, struct wf_buf *out)
{
    wf_buf_printf(out, WF_M(M_WUFIX_JOURNAL_D_N), WF_JOURNAL_VERSION);
    format_run(j, out);
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
    clear(j);
    if (!text[0])
        return WF_E_NO_SERVICE;
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy)
        return WF_E_NOMEM;
    memcpy(copy, text, len + 1);
    wf_err e = WF_OK;
    bool header = false;
    int version = 0;
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
        if (header && strcmp(line, "earlier") == 0)
            break; /* an earlier run: wf_journal_parse_run reads it */
        if (!header) {
            version = words(line, w, 2) && strcmp(w[0], WF_M(M_WUFIX_JOURNAL)) == 0
                          ? (int)strtol(w[1], NULL, 10)
                          : 0;
            header = version >= 1 && version <= WF_JOURNAL_VERSION;
            if (!header)
                e = WF_E_JOURNAL;
        } else if (strncmp(line, "fix ", 4) == 0) {
            e = parse_fix(line, end, j, version);
        } else if (strncmp(line, "service ", 8) == 0) {
            /* The name is the rest of the line after four words. */
            if (!words(line, w, 4) || j->nsvc >= WF_PLAN_MAX) {
                e = WF_E_JOURNAL;
                break;
            }
            char *name = w[3] + strlen(w[3]) + 1;
            struct wf_journal_svc *s = &j->svc[j->nsvc++];
            if (name >= end || !take(s->name, sizeof(s->name), name, version)) {
                e = WF_E_JOURNAL;
                break;
            }
            s->in_set = strcmp(w[1], "1") == 0;
            s->state = state_from(w[2]);
            s->start_type = start_from(w[3]);
            if (s->state == WF_STATE_UNKNOWN)
                e = WF_E_JOURNAL;
        } else if (strncmp(line, "undoes ", 7) == 0) {
            if (!words(line, w, 2) || strlen(w[1]) != WF_SHA256_HEX - 1) {
                e = WF_E_JOURNAL;
                break;
            }
            wf_strlcpy(j->undoes, w[1], sizeof(j->undoes));
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

/* Where run `n` of a text begins (0: after the version line), or NULL;
 * `*len` its length. */
static const char *run_at(const char *text, size_t n, size_t *len)
{
    const char *p = strchr(text, '\n');
    if (!p)
        return NULL;
    p++;
    for (size_t k = 0; k < n; k++) {
        const char *at = strstr(p - 1, "\nearlier\n");
        if (!at)
            return NULL;
        p = at + 9;
    }
    const char *end = strstr(p - 1, "\nearlier\n");
    *len = end ? (size_t)(end + 1 - p) : strlen(p);
    return p;
}

wf_err wf_journal_parse_run(const char *text, size_t n, struct wf_journal *j)
{
    size_t len = 0;
    const char *nl = strchr(text, '\n');
    const char *at = n == 0 ? text : run_at(text, n, &len);
    if (!nl || !at) {
        clear(j);
        return text[0] ? (nl ? WF_E_NO_SERVICE : WF_E_JOURNAL) : WF_E_NO_SERVICE;
    }
    if (n == 0)
        return wf_journal_parse(text, j);
    /* The version line, then that run's lines. */
    size_t head = (size_t)(nl + 1 - text);
    char *one = malloc(head + len + 1);
    if (!one)
        return WF_E_NOMEM;
    memcpy(one, text, head);
    memcpy(one + head, at, len);
    one[head + len] = '\0';
    wf_err e = wf_journal_parse(one, j);
    free(one);
    return e;
}

bool wf_journal_keeps(const struct wf_journal *j)
{
    return !j->open && strcmp(j->outcome, "ok") == 0 && strcmp(j->command, "undo") != 0 && j->nfix > 0;
}

/* The journal on disk is `j`'s own, saved when it began: a run is saved
 * open first, and every earlier run was closed before it began. */
static bool same_run(const struct wf_journal *on_disk, const struct wf_journal *j)
{
    return on_disk->open && on_disk->pid == j->pid && strcmp(on_disk->command, j->command) == 0 &&
           strcmp(on_disk->started, j->started) == 0;
}

/* Put back by `j`: a completed undo names the run it put back. */
static bool undone_by(const struct wf_journal *run, const struct wf_journal *j)
{
    char hex[WF_SHA256_HEX];
    if (!j->undoes[0] || j->open || strcmp(j->outcome, "ok") != 0)
        return false;
    run_digest(run, hex);
    return strcmp(hex, j->undoes) == 0;
}

/* The runs `j` keeps from the journal on disk, each after an "earlier" line.
 * A journal nothing vouches for gives none (only fewer runs can be undone). */
static void earlier_runs(const struct wf_journal *j, const struct wf_store *st, struct wf_buf *out)
{
    struct wf_buf text;
    char why[256];
    struct wf_journal *r = malloc(sizeof(*r));
    wf_buf_init(&text);
    if (r && wf_journal_load_text(st, &text, why, sizeof(why)) == WF_OK) {
        size_t kept = 0;
        const char *t = wf_buf_str(&text);
        for (size_t n = 0; kept < WF_JOURNAL_KEPT && wf_journal_parse_run(t, n, r) == WF_OK; n++) {
            /* The last run goes along only when a later one takes its place. */
            if ((n == 0 && same_run(r, j)) || !wf_journal_keeps(r) || undone_by(r, j))
                continue;
            size_t at = out->len;
            wf_buf_puts(out, "earlier\n");
            format_run(r, out);
            if (out->len > WF_JOURNAL_KEPT_BYTES) {
                out->len = at; /* the oldest go first: the file stays one the store reads whole */
                out->data[at] = '\0';
                break;
            }
            kept++;
        }
    }
    wf_buf_release(&text);
    free(r);
}

/* `closing`: the journal of a run that has finished its changes (or put
 * them back). Its anchor is marked closed and is not put back when the file
 * cannot be written: the anchor, which only administrators write, then says
 * the run finished, whatever the file on disk says (wf_journal_load). Any
 * other save leaves the mark off, so a run killed (or whose anchor could not
 * be put back) between the anchor and the file is still found unfinished.
 * Tried again, a save the anchor already names does not move the anchor
 * twice. */
static wf_err save(const struct wf_journal *j, const struct wf_store *st, bool closing)
{
    struct wf_buf b;
    char hex[WF_SHA256_HEX];
    wf_buf_init(&b);
    wf_journal_format(j, &b);
    earlier_runs(j, st, &b);
    wf_err e = b.oom ? WF_E_NOMEM : WF_OK;
    if (e == WF_OK) {
        char last[WF_SHA256_HEX] = "", before[WF_SHA256_HEX] = "";
        bool was_closed = false;
        wf_sha256_of(b.data, b.len, hex);
        /* Anchor first: a journal on disk that nothing vouches for is never
         * acted on, so the anchor must never lag behind the file. And an
         * opening save's anchor moves only together with the file: a save
         * that fails (another process holds the journal) puts it back, so
         * the journal on disk stays vouched for. */
        bool got = st->anchor_get(st->self, last, before, sizeof(last), &was_closed) == WF_OK;
        bool moved = got && strcmp(last, hex) != 0;
        if (!got || (moved && st->anchor_set(st->self, hex, last, closing) != WF_OK))
            e = WF_E_JOURNAL;
        else if ((e = st->save(st->self, wf_buf_str(&b), b.len)) != WF_OK && moved && !closing)
            st->anchor_set(st->self, last, before, was_closed);
    }
    wf_buf_release(&b);
    return e;
}

wf_err wf_journal_save(const struct wf_journal *j, const struct wf_store *st)
{
    return save(j, st, false);
}

wf_err wf_journal_close(const struct wf_journal *j, const struct wf_store *st)
{
    return save(j, st, true);
}

/* The journal's text, vouched for by the anchor; `hex` its SHA-256, `last`
 * the anchor's latest value and `closed` its closed mark. */
static wf_err load_text(const struct wf_store *st, struct wf_buf *b, char *why, size_t size, char *hex,
                        char *last, bool *closed)
{
    char before[WF_SHA256_HEX] = "";
    last[0] = hex[0] = '\0';
    *closed = false;
    if (size)
        why[0] = '\0';
    wf_err e = st->load(st->self, b, why, size);
    if (e == WF_OK && b->oom)
        e = WF_E_NOMEM;
    if (e == WF_OK && b->len == 0)
        e = WF_E_NO_SERVICE;
    if (e == WF_OK) {
        wf_sha256_of(b->data, b->len, hex);
        if (st->anchor_get(st->self, last, before, WF_SHA256_HEX, closed) != WF_OK) {
            wf_strlcpy(why, WF_M(M_THE_RECORD_THAT_VOUCHES_FOR), size);
            e = WF_E_UNTRUSTED;
        } else if (strcmp(hex, last) != 0 && strcmp(hex, before) != 0) {
            snprintf(why, size, WF_M(M_IT_IS_NOT_A_JOURNAL), hex);
            e = WF_E_UNTRUSTED;
        }
    }
    return e;
}

wf_err wf_journal_load_text(const struct wf_store *st, struct wf_buf *b, char *why, size_t size)
{
    char hex[WF_SHA256_HEX], last[WF_SHA256_HEX];
    bool closed;
    return load_text(st, b, why, size, hex, last, &closed);
}

wf_err wf_journal_load(struct wf_journal *j, const struct wf_store *st, char *why, size_t size)
{
    struct wf_buf b;
    char hex[WF_SHA256_HEX], last[WF_SHA256_HEX];
    bool closed = false;
    wf_buf_init(&b);
    wf_err e = load_text(st, &b, why, size, hex, last, &closed);
    if (e == WF_OK)
        e = wf_journal_parse(wf_buf_str(&b), j);
    /* An open journal the anchor has moved past with its closed mark: its
     * run's closing save moved the anchor and the file could not follow. The
     * run finished; nothing of it is put back. Without the mark the anchor
     * moved for a save that never reached the file (a run killed between
     * the two, or one whose anchor could not be put back): the journal on
     * disk is what is left to put back. */
    if (e == WF_OK && j->open && closed && strcmp(hex, last) != 0) {
        j->open = false;
        wf_strlcpy(j->outcome, WF_M(M_UNRECORDED), sizeof(j->outcome));
    }
    wf_buf_release(&b);
    return e;
}

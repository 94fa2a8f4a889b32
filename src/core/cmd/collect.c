/* SPDX-License-Identifier: MIT */
/* collect.c - the collect command: one zip for the helpdesk with check's
 * JSON, the journal, the update, servicing and setup logs and the registry
 * values check reads, and a manifest of what is in it. Reads only; the one
 * file it writes is new (never over another). */
#include "common.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wufix/base/services.h"
#include "wufix/base/sha256.h"
#include "wufix/mech/history.h"
#include "wufix/mech/installing.h"
#include "wufix/mech/zip.h"

#define FILE_CAP  ((size_t)4 << 20) /* the last 4 MB of each file */
#define COPIES    4u                /* set-aside logs, the newest */
#define ETL_MAX   16u               /* Windows Update's .etl files */
#define REG_NAMES 64u

/* The files, unexpanded (Microsoft Learn: "Windows Update log files",
 * "Windows Setup log files and event logs", "Use the DISM tool", SetupDiag;
 * Windows RE's ReAgent.xml). */
static const struct {
    const char *zip;
    uint16_t path; /* enum wf_message */
} files[] = {
    {"logs/ReportingEvents.log", M_SYSTEMROOT_SOFTWAREDISTRIBUTION_REPORTINGEVENT},
    {"logs/CBS.log", M_SYSTEMROOT_LOGS_CBS_CBS_LOG},
    {"logs/DISM.log", M_SYSTEMROOT_LOGS_DISM_DISM_LOG},
    {"logs/setupact.log", M_SYSTEMROOT_PANTHER_SETUPACT_LOG},
    {"logs/setuperr.log", M_SYSTEMROOT_PANTHER_SETUPERR_LOG},
    {"logs/SetupDiagResults.xml", M_SYSTEMROOT_LOGS_SETUPDIAG_SETUPDIAGRESULTS_XML},
    {"logs/ReAgent.xml", M_SYSTEMROOT_SYSTEM32_RECOVERY_REAGENT_XML},
};

/* The keys check reads (check.c, traces.c, diagnose.c, installing.c); then
 * each known service's key, and Parameters for those of the default set. */
static const char *const keys[] = {
    "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion",
    "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate",
    "SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU",
    "SOFTWARE\\Microsoft\\WindowsUpdate\\UX\\Settings",
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired",
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending",
    WF_KEY_SESSIONS_PENDING,
    "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections",
};

struct bundle {
    struct wf_zip zip;
    struct wf_buf manifest; /* the "files" entries */
    struct wf_buf missing;  /* the "not_included" entries */
    size_t nfiles, nmissing;
};

static void add_bytes(struct bundle *b, const char *name, const char *source, const uint8_t *data, size_t n,
                      uint64_t total)
{
    char hex[WF_SHA256_HEX];
    if (wf_zip_add(&b->zip, name, data, n) != WF_OK)
        return;
    wf_sha256_of(data, n, hex);
    wf_buf_json_kv(&b->manifest, b->nfiles++ ? ",{\"name\":" : "{\"name\":", name);
    wf_buf_json_kv(&b->manifest, WF_M(M_JSON_SOURCE), source);
    wf_buf_printf(&b->manifest, WF_M(M_BYTES_LLU_SOURCE_BYTES_LLU), (unsigned long long)n,
                  (unsigned long long)total, total > n ? "true" : "false", hex);
}

static void not_included(struct bundle *b, const char *source, const char *why)
{
    wf_buf_json_kv(&b->missing, b->nmissing++ ? WF_M(M_JSON_NEXT_SOURCE) : WF_M(M_JSON_SOURCE_FIRST), source);
    wf_buf_json_kv(&b->missing, ",\"why\":", why);
    wf_buf_puts(&b->missing, "}");
}

/* A file's last FILE_CAP bytes, opened without following a link and shared
 * (CBS.log is always open): the host's read_tail. */
static void add_file(struct bundle *b, const struct wf_host *h, const char *name, const char *path,
                     uint8_t *buf)
{
    char expanded[WF_TEXT_MAX] = "";
    size_t n = 0;
    uint64_t total = 0;
    wf_err e = h->ops->expand(h->self, path, expanded, sizeof(expanded));
    if (e == WF_OK)
        e = h->ops->read_tail(h->self, expanded, buf, FILE_CAP, &n, &total);
    if (e == WF_OK)
        add_bytes(b, name, expanded, buf, n, total);
    else
        not_included(b, expanded[0] ? expanded : path, e == WF_E_NO_SERVICE ? "not there" : wf_err_token(e));
}

/* A name as a zip name's part: letters, digits, '-', '_' and (with `dots`,
 * not first) '.'; any other character as '_'. */
static void plain(const char *in, char *out, size_t size, bool dots)
{
    size_t o = 0;
    for (const char *p = in; *p && o + 1 < size; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                  c == '_' || (c == '.' && o > 0 && dots);
        out[o++] = *p;
        if (!ok)
            out[o - 1] = '_';
    }
    out[o] = '\0';
}

static void add_listed(struct bundle *b, const struct wf_host *h, const char *root, uint8_t *buf)
{
    char(*names)[WF_NAME_MAX] = calloc(256, sizeof(*names));
    char path[WF_TEXT_MAX + 2 * WF_NAME_MAX], zname[2 * WF_NAME_MAX + 32], part[WF_NAME_MAX];
    size_t n = 0;
    if (!names)
        return;
    /* The logs reset set aside, the newest first (their names end in the time). */
    if (h->ops->list_folders &&
        h->ops->list_folders(h->self, root, WF_SD_ASIDE_GLOB, names, 256, &n) == WF_OK) {
        for (size_t k = 0; k < COPIES && k < n; k++) {
            size_t best = k;
            for (size_t i = k + 1; i < n; i++)
                if (strcmp(names[i], names[best]) > 0)
                    best = i;
            char t[WF_NAME_MAX];
            memcpy(t, names[k], WF_NAME_MAX);
            memcpy(names[k], names[best], WF_NAME_MAX);
            memcpy(names[best], t, WF_NAME_MAX);
            plain(names[k], part, sizeof(part), true);
            snprintf(path, sizeof(path), WF_M(M_S_S_REPORTINGEVENTS_LOG), root, names[k]);
            snprintf(zname, sizeof(zname), WF_M(M_LOGS_S_REPORTINGEVENTS_LOG), part);
            add_file(b, h, zname, path, buf);
        }
    }
    /* Windows Update's own trace files (binary; Get-WindowsUpdateLog reads them). */
    snprintf(path, sizeof(path), WF_M(M_S_LOGS_WINDOWSUPDATE), root);
    n = 0;
    if (h->ops->list(h->self, path, "*.etl", names, 256, &n) == WF_OK)
        for (size_t i = 0; i < n && i < ETL_MAX; i++) {
            char file[sizeof(path) + WF_NAME_MAX];
            plain(names[i], part, sizeof(part), true);
            snprintf(file, sizeof(file), "%s\\%s", path, names[i]);
            snprintf(zname, sizeof(zname), WF_M(M_LOGS_WINDOWSUPDATE_S), part);
            add_file(b, h, zname, file, buf);
        }
    free(names);
}

/* One key's values, as text (strings escaped). */
static void key_text(const struct wf_host *h, struct wf_buf *t, const char *key, char (*names)[WF_NAME_MAX])
{
    char safe[WF_TEXT_MAX * 4];
    size_t n = 0;
    wf_buf_printf(t, WF_M(M_REG_KEY_HEAD), key);
    if (h->ops->reg_key_exists(h->self, key) != WF_OK) {
        wf_buf_puts(t, WF_M(M_NOT_THERE_R_N));
        return;
    }
    if (h->ops->reg_enum(h->self, key, true, names, REG_NAMES, &n) != WF_OK)
        wf_buf_puts(t, WF_M(M_ITS_VALUES_CANNOT_BE_READ));
    for (size_t i = 0; i < n; i++) {
        struct wf_reg v;
        wf_buf_puts(t, wf_text_safe(names[i], safe, sizeof(safe)));
        if (h->ops->reg_read(h->self, key, names[i], &v) != WF_OK)
            wf_buf_puts(t, WF_M(M_CANNOT_BE_READ_R_N));
        else if (v.type == WF_REG_DWORD)
            wf_buf_printf(t, WF_M(M_DWORD_U_0X_08X_R), (unsigned)v.dword, (unsigned)v.dword);
        else if (v.type == WF_REG_NONE)
            wf_buf_puts(t, WF_M(M_BINARY_OR_OF_A_TYPE));
        else
            wf_buf_printf(t, WF_M(M_REG_VALUE_SZ),
                          v.type == WF_REG_EXPAND_SZ  ? "expand"
                          : v.type == WF_REG_MULTI_SZ ? "multi"
                                                      : "sz",
                          wf_text_safe(v.str, safe, sizeof(safe)));
    }
}

/* The values of the keys check reads, as text. */
static void registry_text(const struct wf_host *h, struct wf_buf *t)
{
    char(*names)[WF_NAME_MAX] = calloc(REG_NAMES, sizeof(*names));
    char key[WF_TEXT_MAX];
    size_t nsvc;
    const struct wf_known_service *svc = wf_services_table(&nsvc);
    if (!names)
        return;
    wf_buf_puts(t, WF_M(M_REGISTRY_VALUES_WUFIX_CHECK_READS));
    for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
        key_text(h, t, keys[k], names);
    for (size_t k = 0; k < nsvc; k++) {
        snprintf(key, sizeof(key), WF_M(M_KEY_SERVICES_S), svc[k].name);
        key_text(h, t, key, names);
        if (svc[k].kind == WF_SET_DEFAULT) {
            snprintf(key, sizeof(key), WF_M(M_KEY_SERVICES_S_PARAMETERS), svc[k].name);
            key_text(h, t, key, names);
        }
    }
    free(names);
}

/* wufix-HOST-YYYYMMDD-HHMMSS.zip, the name of letters, digits, '-' and '_'. */
static void default_name(const char *computer, const char *utc, char *out, size_t size)
{
    char host[64];
    plain(computer, host, sizeof(host), false); /* '_' stays '_': the same as any other character */
    snprintf(out, size, WF_M(M_WUFIX_S_4S_2S_2S), host[0] ? host : "PC", utc, utc + 5, utc + 8, utc + 11,
             utc + 14, utc + 17);
}

int wf_cmd_collect(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c;
    struct wf_plan *p;
    struct wf_buf json, text;
    struct bundle b;
    uint64_t t0;
    const struct wf_host *h = &ctx->pf->host;
    char utc[32] = "", root[WF_TEXT_MAX] = "", out_name[WF_TEXT_MAX + 80], why[512] = "";
    int rcode = wf_cmd_checked(ctx, &c, &p, &rc, &t0);
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint8_t *buf = malloc(FILE_CAP);
    h->ops->utc_now(h->self, utc, sizeof(utc));
    memset(&b, 0, sizeof(b));
    wf_zip_init(&b.zip, utc);
    wf_buf_init(&b.manifest);
    wf_buf_init(&b.missing);
    wf_buf_init(&json);
    wf_buf_init(&text);
    if (!buf) {
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    /* check --json of this run. */
    rc.check = c;
    rc.command = "check";
    size_t problems = wf_check_count(c, WF_SEV_WARNING);
    wf_report_json(&json, &rc, p, problems ? WF_EXIT_PROBLEMS : WF_EXIT_OK,
                   ctx->backend.ops->now_ms(ctx->backend.self) - t0, false);
    add_bytes(&b, WF_M(M_CHECK_JSON), WF_M(M_WUFIX_CHECK_JSON), (const uint8_t *)json.data, json.len,
              json.len);
    /* The journal of the last changing run, where this account may read it. */
    char jwhy[256] = "";
    wf_err e = ctx->pf->store.load(ctx->pf->store.self, &text, jwhy, sizeof(jwhy));
    if (e == WF_OK && text.len)
        add_bytes(&b, WF_M(M_JOURNAL_TXT),
                  ctx->pf->journal_where ? ctx->pf->journal_where : WF_M(M_THE_JOURNAL),
                  (const uint8_t *)text.data, text.len, text.len);
    else
        not_included(&b, ctx->pf->journal_where ? ctx->pf->journal_where : WF_M(M_THE_JOURNAL),
                     e == WF_OK ? WF_M(M_NO_JOURNAL) : wf_err_token(e));
    wf_buf_clear(&text);
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        add_file(&b, h, files[i].zip, wf_m(files[i].path), buf);
    if (h->ops->expand(h->self, WF_M(M_SYSTEMROOT), root, sizeof(root)) == WF_OK)
        add_listed(&b, h, root, buf);
    registry_text(h, &text);
    add_bytes(&b, WF_M(M_REGISTRY_TXT), WF_M(M_HKEY_LOCAL_MACHINE), (const uint8_t *)text.data, text.len,
              text.len);
    /* The manifest: every file's size and SHA-256, the cap, what was cut or left out. */
    wf_buf_clear(&text);
    wf_buf_puts(&text, "{\"wufix\":\"" WF_VERSION "\",\"created\":");
    wf_buf_json_str(&text, utc);
    wf_buf_json_kv(&text, WF_M(M_JSON_COMPUTER), rc.computer);
    wf_buf_printf(&text, WF_M(M_CAP_BYTES_U_CAP_EACH), (unsigned)FILE_CAP, (unsigned)FILE_CAP);
    wf_buf_add(&text, b.manifest.data ? b.manifest.data : "", b.manifest.len);
    wf_buf_puts(&text, WF_M(M_NOT_INCLUDED));
    wf_buf_add(&text, b.missing.data ? b.missing.data : "", b.missing.len);
    wf_buf_puts(&text, "]}\n");
    wf_zip_add(&b.zip, WF_M(M_MANIFEST_JSON), (const uint8_t *)text.data, text.len);
    wf_zip_finish(&b.zip);
    if (b.zip.out.oom || json.oom || text.oom || b.manifest.oom || b.missing.oom) {
        wf_out_puts(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_COLLECT_OUT_OF_MEMORY));
        rcode = WF_EXIT_SYSTEM;
        goto out;
    }
    if (ctx->opt.output)
        wf_strlcpy(out_name, ctx->opt.output, sizeof(out_name));
    else
        default_name(rc.computer, utc, out_name, sizeof(out_name));
    e = ctx->pf->write_new(ctx->pf->self, out_name, b.zip.out.data, b.zip.out.len, why, sizeof(why));
    char q[WF_TEXT_MAX * 4], w[sizeof(why) * 4];
    wf_text_safe(out_name, q, sizeof(q));
    wf_text_safe(why, w, sizeof(w));
    if (e != WF_OK) {
        wf_out_printf(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_COLLECT_CANNOT_WRITE_S), q, w);
        rcode = e == WF_E_UNTRUSTED ? WF_EXIT_USAGE : WF_EXIT_SYSTEM;
        goto out;
    }
    wf_out_printf(&ctx->pf->out, WF_STDOUT, WF_M(M_WROTE_S_U_FILES_LLU), q, (unsigned)b.zip.n,
                  (unsigned long long)b.zip.out.len);
out:
    free(buf);
    wf_zip_release(&b.zip);
    wf_buf_release(&b.manifest);
    wf_buf_release(&b.missing);
    wf_buf_release(&json);
    wf_buf_release(&text);
    wf_cmd_checked_release(ctx, c, p);
    return rcode;
}

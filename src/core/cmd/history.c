/* SPDX-License-Identifier: MIT */
/* history.c - the history command: Windows Update's last results, newest
 * first, from its log and the copies reset set aside. Reads only. */
#include "common.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/hresult.h"
#include "wufix/mech/history.h"

/* The code, and its name or what is known of it without guessing. */
static void code_words(uint32_t hr, char *buf, size_t size)
{
    const struct wf_hr *r = wf_hr_find(hr);
    char what[64];
    if (r) {
        snprintf(buf, size, "0x%08X %s", (unsigned)hr, wf_hr_name(r));
        return;
    }
    wf_hr_facility(hr, what, sizeof(what));
    snprintf(buf, size, WF_M(M_0X_08X_S), (unsigned)hr, what);
}

static void text(struct wf_buf *b, const char *computer, const struct wf_history *h, size_t shown)
{
    bool aside = false;
    wf_buf_printf(b, WF_M(M_UPDATE_HISTORY_ON_S_NEWEST), computer, (unsigned)shown, (unsigned)h->n);
    if (!shown)
        wf_buf_puts(b, WF_M(M_NO_UPDATE_RESULTS_IN_REPORTINGEVENTS));
    for (size_t i = 0; i < shown; i++) {
        const struct wf_wu_event *e = &h->ev[i];
        char when[32], code[160] = "";
        wf_when_text(e->when, when, sizeof(when));
        if (e->result == WF_WU_FAILED)
            code_words(e->hresult, code, sizeof(code));
        wf_buf_printf(b, WF_M(M_S_S_8S_15S), e->set_aside ? "*" : " ", when, wf_wu_kind_word(e->kind),
                      wf_wu_result_word(e->result));
        if (code[0])
            wf_buf_printf(b, "  %s", code);
        if (e->kb[0]) {
            wf_buf_puts(b, "  ");
            wf_buf_puts_safe(b, e->kb);
        }
        if (e->title[0]) {
            wf_buf_puts(b, "  ");
            wf_buf_puts_safe(b, e->title); /* the update source's words */
        }
        wf_buf_puts(b, "\n");
        aside |= e->set_aside;
    }
    if (aside)
        wf_buf_puts(b, WF_M(M_FROM_A_COPY_OF_THE));
    if (h->unreadable)
        wf_buf_printf(b, WF_M(M_U_OF_U_LOGS_COULD), (unsigned)h->unreadable, (unsigned)h->logs);
}

static void json(struct wf_buf *b, const char *computer, const char *time, const struct wf_history *h,
                 size_t shown, uint64_t ms)
{
    wf_buf_json_kv(b, WF_M(M_COMMAND_HISTORY_COMPUTER), computer);
    wf_buf_printf(b, WF_M(M_EXIT_CODE_0_ELAPSED_MS), (unsigned long long)ms);
    wf_buf_json_kv(b, WF_M(M_WUFIX_VERSION), WF_VERSION);
    wf_buf_json_kv_or_null(b, ",\"time\":", time);
    wf_buf_puts(b, WF_M(M_SERVICES_PROBLEMS_HISTORY));
    for (size_t i = 0; i < shown; i++) {
        const struct wf_wu_event *e = &h->ev[i];
        wf_buf_json_kv(b, i ? ",{\"date\":" : "{\"date\":", e->when);
        wf_buf_printf(b, WF_M(M_KIND_S_RESULT_S_HRESULT), wf_wu_kind_word(e->kind),
                      wf_wu_result_word(e->result), (unsigned)e->hresult);
        const struct wf_hr *r = e->result == WF_WU_FAILED ? wf_hr_find(e->hresult) : NULL;
        wf_buf_json_kv_or_null(b, ",\"name\":", r ? wf_hr_name(r) : NULL);
        wf_buf_json_kv_or_null(b, ",\"kb\":", e->kb);
        wf_buf_json_kv_or_null(b, WF_M(M_JSON_UPDATE), e->title);
        wf_buf_printf(b, WF_M(M_SET_ASIDE_S), e->set_aside ? "true" : "false");
    }
    wf_buf_puts(b, "]}\n");
}

int wf_cmd_history(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_history h;
    struct wf_buf b;
    int rcode = wf_cmd_open_backend(ctx); /* the machine's name; SC_MANAGER_CONNECT: any user */
    if (rcode != WF_EXIT_OK)
        return rcode;
    uint64_t t0 = ctx->backend.ops->now_ms(ctx->backend.self);
    wf_cmd_report_ctx(ctx, &rc);
    wf_err e = wf_history_read(&ctx->pf->host, &h);
    if (e != WF_OK) {
        wf_out_printf(&ctx->pf->out, WF_STDERR, WF_M(M_WUFIX_CANNOT_READ_THE_UPDATE), wf_err_token(e));
        ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
        return wf_err_exit_code(e, ctx->pf->elevated);
    }
    size_t shown = h.n < ctx->opt.count ? h.n : ctx->opt.count;
    wf_buf_init(&b);
    if (ctx->opt.json)
        json(&b, rc.computer, rc.time, &h, shown, ctx->backend.ops->now_ms(ctx->backend.self) - t0);
    else
        text(&b, rc.computer, &h, shown);
    wf_cmd_emit(ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
    wf_history_release(&h);
    ctx->pf->close_backend(ctx->pf->self, &ctx->backend);
    return WF_EXIT_OK;
}

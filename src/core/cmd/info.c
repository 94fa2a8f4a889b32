/* SPDX-License-Identifier: MIT */
/* info.c - the commands that only inform: help and version. */
#include "common.h"

int wf_cmd_help(struct wf_ctx *ctx)
{
    struct wf_buf b;
    wf_buf_init(&b);
    wf_cli_help(&b, ctx->table, ctx->opt.help_topic ? wf_cli_find(ctx->table, ctx->opt.help_topic) : NULL,
                wf_out_width(&ctx->pf->out));
    wf_cmd_emit(ctx, WF_STDOUT, &b);
    wf_buf_release(&b);
    return WF_EXIT_OK;
}

int wf_cmd_version(struct wf_ctx *ctx)
{
    wf_out_puts(&ctx->pf->out, WF_STDOUT, "wufix " WF_VERSION "\n");
    return WF_EXIT_OK;
}

/* SPDX-License-Identifier: MIT */
/* guided.c - for the person who double-clicked wufix: what is wrong in plain
 * words, one question, the repair (elevated if need be), one sentence of
 * outcome. */
#include "common.h"

#include "wufix/base/hresult.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `n` decimal digits as a number; -1 when they are not digits. */
static int number(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Windows Update's last failure in plain words: what it could not do, to
 * which update, when, and why. */
static void plain_failure(struct wf_buf *b, const struct wf_problem *pr)
{
    static const char *const months[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
    const struct wf_hr *r = wf_hr_find(pr->hresult);
    const char *verb = strcmp(pr->code, "last_scan_failed") == 0       ? "check for updates"
                       : strcmp(pr->code, "last_download_failed") == 0 ? "download"
                                                                       : "install";
    char what[96] = "", when[48] = "";
    int year = number(pr->when, 4), month = number(pr->when + 5, 2), day = number(pr->when + 8, 2);
    if (month >= 1 && month <= 12 && day >= 1)
        snprintf(when, sizeof(when), " on %d %s %d", day, months[month - 1], year);
    /* A monthly update's title begins "2026-11 Cumulative Update ..."; the
     * title is the update source's text: only its digits are used. */
    bool monthly = strlen(pr->title) > 8 && pr->title[4] == '-' && pr->title[7] == ' ';
    int ty = monthly ? number(pr->title, 4) : -1, tm = monthly ? number(pr->title + 5, 2) : 0;
    if (verb[0] != 'c' && ty > 0 && tm >= 1 && tm <= 12)
        snprintf(what, sizeof(what), " the %s %d update", months[tm - 1], ty);
    else if (verb[0] != 'c')
        snprintf(what, sizeof(what), " an update");
    wf_buf_printf(b, "  Windows Update could not %s%s%s%s%s%s: %s", verb, what, pr->kb[0] ? " (" : "", pr->kb,
                  pr->kb[0] ? ")" : "", when,
                  wf_hr_class_plain(r ? (enum wf_hr_class)r->cls : WF_HRC_UNKNOWN));
    if (!r)
        wf_buf_printf(b, " (error 0x%08X)", (unsigned)pr->hresult);
    wf_buf_puts(b, ".\n");
}

/* What a person does next for problems wufix does not repair itself: the
 * remedy, and each command in it on a line of its own, to be copied. */
static void next_steps(struct wf_buf *b, const struct wf_check *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++) {
        const struct wf_problem *pr = &c->p[i];
        bool again = false;
        if (pr->sev == WF_SEV_INFO || pr->fixable || !pr->remedy)
            continue;
        for (size_t j = 0; j < i; j++) /* a remedy an earlier problem gave was said */
            again |= c->p[j].remedy == pr->remedy && c->p[j].sev != WF_SEV_INFO && !c->p[j].fixable;
        if (again)
            continue;
        n++;
        wf_buf_printf(b, "%s  To fix it: %s.\n", n == 1 ? "\n" : "", pr->remedy);
        for (const char *q = strchr(pr->remedy, '\''); q; q = strchr(q, '\'')) {
            const char *end = strchr(q + 1, '\'');
            if (!end)
                break;
            wf_buf_printf(b, "      %.*s\n", (int)(end - q - 1), q + 1);
            q = end + 1;
        }
    }
}

/* A sentence a person understands for one problem. */
static void plain(struct wf_buf *b, const struct wf_plan *p, const struct wf_problem *pr)
{
    static const struct {
        const char *code, *words;
    } words[] = {
        {"not_installed", "%s is missing from Windows. wufix cannot put it back."},
        {"marked_for_deletion", "%s is being removed from Windows. Restart Windows, then reinstall it."},
        {"disabled", "%s is disabled. wufix can turn it back on."},
        {"start_type", "%s does not start the way Windows sets it. wufix can set it back."},
        {"not_running", "%s is not running. wufix can start it."},
        {"last_run_failed", "%s stopped with an error last time. wufix can start it again."},
        {"stuck_pending", "%s is stuck starting or stopping. Restarting Windows usually clears it."},
        {"image_path", "%s was changed to run another program. wufix can put Windows' own back."},
        {"service_dll", "%s was changed to load another program. wufix can put Windows' own back."},
        {"service_dll_missing", "A file %s needs is missing. wufix cannot put it back."},
        {"security_descriptor", "Permissions on %s were changed. wufix can put Windows' own back."},
        {"dependencies", "%s was made to wait for something Windows does not need. wufix can undo that."},
        {"dependency_missing", "Something %s needs is missing. wufix cannot put it back."},
        {"dependency_disabled", "Something %s needs is disabled."},
        {"blocker_wublock", "An update blocker has marked %s. wufix can remove the mark."},
        {"blocker_key_deny", "An update blocker has locked the settings of %s."},
        {"blocker_ifeo_debugger", "An update blocker stops %s from running. wufix can remove it."},
        {"blocker_key_rights", "An update blocker has locked the settings of %s."},
        {"blocker_wub_blocklists",
         "An update blocker left its list of blocked programs. wufix can remove it."},
        {"account", "%s was changed to run as another account. wufix can put Windows' own back."},
        {"waas_file_edited", "Windows' own copy of the settings of %s was edited by an update blocker."},
        {"policy_no_windows_update", "A policy hides Windows Update. wufix leaves it."},
        {"policy_disable_os_upgrade",
         "A policy turns off upgrades to a new Windows version. wufix leaves it."},
        {"policy_wsus_loopback",
         "A policy sends Windows Update to a server that is not there. wufix leaves it."},
        {"policy_user_blocks_access", "A policy for a user turns off Windows Update. wufix leaves it."},
        {"policy_disallow_run", "A policy forbids %s to run. wufix leaves it."},
        {"reboot_pending", "Windows needs a restart to finish installing updates."},
        {"policy_blocks_access",
         "A policy set by your organization turns off Windows Update. wufix leaves it."},
        {"policy_no_auto_update",
         "A policy set by your organization turns off automatic updates. wufix leaves it."},
        {"low_disk_space", "The system drive is almost full. Free some space for updates."},
        {"update_server_unreachable", "Your organization's update server does not answer."},
        {"proxy_unreachable", "The proxy Windows Update goes through does not answer."},
        {"update_endpoint_unreachable", "Windows Update's servers cannot be reached from this computer."},
    };
    char who[WF_TEXT_MAX], text[512];
    if (pr->has_hresult) {
        plain_failure(b, pr);
        return;
    }
    int at = pr->service[0] ? wf_plan_find(p, pr->service) : -1;
    wf_text_safe(at >= 0 && p->svc[at].cfg.display_name[0] ? p->svc[at].cfg.display_name : pr->service, who,
                 sizeof(who));
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (strcmp(words[i].code, pr->code) == 0) {
            /* The name goes where the sentence has "%s". */
            const char *w = words[i].words, *at_name = strstr(w, "%s");
            if (at_name)
                wf_buf_printf(b, "  %.*s%s%s\n", (int)(at_name - w), w, who, at_name + 2);
            else
                wf_buf_printf(b, "  %s\n", w);
            return;
        }
    wf_check_describe(pr, who, sizeof(who));
    wf_buf_printf(b, "  %s\n", wf_text_safe(who, text, sizeof(text)));
}

int wf_cmd_guided(struct wf_ctx *ctx)
{
    struct wf_report_ctx rc;
    struct wf_check *c;
    struct wf_plan *p;
    struct wf_buf b;
    uint64_t t0;
    int rcode = wf_cmd_checked(ctx, &c, &p, &rc, &t0);
    if (rcode != WF_EXIT_OK)
        return rcode;
    wf_buf_init(&b);
    size_t problems = 0, fixable = 0;
    wf_buf_printf(&b, "wufix checks the services Windows Update needs on %s.\n\n", rc.computer);
    wf_report_table(&b, &rc, p, WF_TABLE_BEFORE);
    wf_buf_puts(&b, "\n");
    for (size_t i = 0; i < c->n; i++)
        if (c->p[i].sev != WF_SEV_INFO) {
            plain(&b, p, &c->p[i]);
            problems++;
            fixable += c->p[i].fixable;
        }
    next_steps(&b, c);
    if (!problems || !fixable) {
        if (problems)
            wf_buf_puts(&b, "\n");
        wf_report_outcome(&b, &rc, !problems,
                          problems ? "wufix cannot fix this by itself. Nothing was changed."
                                   : "Windows Update's services look healthy. There is nothing to do.");
        wf_cmd_emit(ctx, WF_STDOUT, &b);
        rcode = problems ? WF_EXIT_PROBLEMS : WF_EXIT_OK;
        goto out;
    }
    wf_buf_puts(&b, "\n");
    wf_cmd_emit(ctx, WF_STDOUT, &b);
    if (!wf_platform_ask(ctx->pf, WF_STDOUT, "Repair now?", true)) {
        rcode = WF_EXIT_PROBLEMS;
        goto out;
    }
    wf_out_puts(&ctx->pf->out, WF_STDOUT, "\n");
    if (ctx->pf->elevated) {
        /* repair, in this process (it connects again): the answer was the
         * question it would ask. */
        struct wf_ctx repair = *ctx;
        repair.opt.cmd = wf_cli_find(ctx->table, "repair");
        repair.opt.yes = true;
        rcode = repair.opt.cmd->handler(&repair);
    } else if (!ctx->pf->elevate) {
        rcode = WF_EXIT_ACCESS;
    } else {
        static const char *const args[] = {"repair", "--yes"};
        if (ctx->pf->elevate(ctx->pf->self, args, 2, &rcode) != WF_OK) {
            wf_out_puts(&ctx->pf->out, WF_STDERR,
                        "wufix: administrator rights were refused; nothing was changed\n");
            rcode = WF_EXIT_ACCESS;
        }
    }
    wf_buf_puts(&b, "\n");
    wf_report_outcome(
        &b, &rc, rcode == WF_EXIT_OK || rcode == WF_EXIT_REBOOT,
        rcode == WF_EXIT_OK       ? "Windows Update's services are repaired."
        : rcode == WF_EXIT_REBOOT ? "Windows Update's services are repaired. Restart Windows to finish."
        : rcode == WF_EXIT_ACCESS ? "The repair needs administrator rights. Nothing was changed."
                                  : "The repair did not finish; what it changed was put back.");
    wf_cmd_emit(ctx, WF_STDOUT, &b);
out:
    wf_buf_release(&b);
    wf_cmd_checked_release(ctx, c, p);
    return rcode;
}

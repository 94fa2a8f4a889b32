/* SPDX-License-Identifier: MIT */
/* report_json.c - a run as SPEC 7's one JSON object: services before and
 * after, actions, changes and problems; and the objects for a usage error and
 * for a machine not reached. The words in it are report.c's. */
#include "wufix/mech/report.h"

#include "wufix/base/prose.h"

#include <stdio.h>
#include <string.h>

#include "wufix/base/hresult.h"
#include "wufix/mech/policies.h"

#ifndef WF_VERSION /* the build defines it (CMakeLists.txt: the project's version) */
#define WF_VERSION "unknown"
#endif

static void json_status(struct wf_buf *b, const struct wf_plan_svc *s, const struct wf_svc_status *st)
{
    wf_buf_json_kv(b, "{\"state\":", wf_state_token(st->state));
    wf_buf_json_kv_or_null(b, WF_M(M_START_TYPE),
                           s->installed ? wf_start_token(st == &s->after ? s->after_start : s->cfg.start_type)
                                        : NULL);
    wf_buf_printf(b, WF_M(M_PID_U_EXIT_CODE_U), (unsigned)st->pid, (unsigned)st->exit_code);
}

/* `key`, then the value: null when there is none. */
static void json_reg(struct wf_buf *b, const char *key, const struct wf_reg *v)
{
    if (v->type == WF_REG_DWORD)
        wf_buf_printf(b, "%s%u", key, (unsigned)v->dword);
    else
        wf_buf_json_kv(b, key, v->type == WF_REG_NONE ? NULL : v->str);
}

/* The configuration changed and the caches set aside, each with its old value. */
static void json_changes(struct wf_buf *b, const struct wf_repair *r, bool *first)
{
    static const char *const kinds[] = {
        [WF_FIX_START] = "start_type", [WF_FIX_IMAGE] = "image_path",  [WF_FIX_SDDL] = "security_descriptor",
        [WF_FIX_REG] = "registry",     [WF_FIX_DEPS] = "dependencies", [WF_FIX_ACCOUNT] = "account",
        [WF_FIX_RENAME] = "set_aside", [WF_FIX_HOSTS] = "hosts_file"};
    for (size_t i = 0; r && i < r->n; i++) {
        const struct wf_fix *f = &r->fix[i];
        wf_buf_printf(b, WF_M(M_S_KIND_S), *first ? "" : ",", kinds[f->kind]);
        *first = false;
        if (f->kind >= WF_FIX_RENAME) { /* hosts_file: the copy set aside, the lines commented out */
            wf_buf_json_kv(b, ",\"from\":", f->was.str);
            wf_buf_json_kv(b, ",\"to\":", f->will.str);
            wf_buf_printf(b, WF_M(M_BYTES_LLU_FILES_LLU), (unsigned long long)f->bytes,
                          (unsigned long long)f->files);
        } else if (f->kind == WF_FIX_REG) {
            wf_buf_json_kv(b, ",\"key\":", f->key);
            wf_buf_json_kv(b, ",\"value\":", f->value);
            json_reg(b, ",\"was\":", &f->was);
            json_reg(b, ",\"will\":", &f->will);
        } else {
            wf_buf_json_kv(b, WF_M(M_JSON_SERVICE), f->service);
            wf_buf_json_kv(b,
                           ",\"was\":", f->kind == WF_FIX_START ? wf_start_token(f->was_start) : f->was.str);
            wf_buf_json_kv(
                b, ",\"will\":", f->kind == WF_FIX_START ? wf_start_token(f->will_start) : f->will.str);
        }
        wf_buf_printf(b, WF_M(M_APPLIED_S), f->applied ? "true" : "false");
    }
}

/* A Windows Update failure's evidence: its code, name, class, date, update. */
static void json_failure(struct wf_buf *b, const struct wf_problem *pr)
{
    const struct wf_hr *r = wf_hr_find(pr->hresult);
    char facility[64];
    wf_hr_facility(pr->hresult, facility, sizeof(facility));
    wf_buf_printf(b, WF_M(M_HRESULT_0X_08X), (unsigned)pr->hresult);
    wf_buf_json_kv_or_null(b, ",\"name\":", r ? wf_hr_name(r) : NULL);
    wf_buf_json_kv_or_null(b, WF_M(M_JSON_MEANING), r ? wf_hr_meaning(r) : NULL);
    wf_buf_printf(b, WF_M(M_CLASS_S_FACILITY), wf_hr_class_token(r ? r->cls : WF_HRC_UNKNOWN));
    wf_buf_json_str(b, facility);
    wf_buf_json_kv(b, ",\"date\":", pr->when);
    wf_buf_json_kv_or_null(b, ",\"kb\":", pr->kb);
    wf_buf_json_kv_or_null(b, WF_M(M_JSON_UPDATE), pr->title);
    wf_buf_printf(b, WF_M(M_FAILURES_U_SINCE), pr->failures ? pr->failures : 1);
    wf_buf_json_str(b, pr->since[0] ? pr->since : pr->when);
}

/* The build and the latest successes in Windows Update's log (null: not known). */
static void json_updating(struct wf_buf *b, const struct wf_updating *u)
{
    wf_buf_json_kv_or_null(b, WF_M(M_JSON_UPDATING_BUILD), u->build);
    wf_buf_json_kv_or_null(b, WF_M(M_JSON_VERSION), u->version);
    wf_buf_json_kv_or_null(b, WF_M(M_JSON_EDITION), u->edition);
    wf_buf_printf(b, WF_M(M_LOG_READ_S), u->log_read ? "true" : "false");
    wf_buf_json_kv_or_null(b, WF_M(M_JSON_LAST_SCAN), u->scan);
    wf_buf_json_kv_or_null(b, WF_M(M_LAST_INSTALL), u->install);
    wf_buf_json_kv_or_null(b, WF_M(M_LAST_INSTALL_KB), u->install_kb);
    wf_buf_json_kv_or_null(b, WF_M(M_LAST_SCAN_BEFORE_RESET), u->scan_reset);
    wf_buf_json_kv_or_null(b, WF_M(M_LAST_INSTALL_BEFORE_RESET), u->install_reset);
    wf_buf_puts(b, "}");
}

/* Evidence after `key`: "(none)" (a value that is not there) is null. */
static void json_evidence(struct wf_buf *b, const char *key, const char *text)
{
    wf_buf_json_kv(b, key, strcmp(text, "(none)") == 0 ? NULL : text);
}

/* The version and the time (UTC, null when not known) every object begins with. */
static void json_head(struct wf_buf *b, const char *time)
{
    wf_buf_json_kv(b, WF_M(M_WUFIX_VERSION), WF_VERSION);
    wf_buf_json_kv_or_null(b, ",\"time\":", time);
}

/* Every update policy with its source; a conflicting one names the values
 * on the other side of the conflict. */
static void json_policies(struct wf_buf *b, const struct wf_check *c)
{
    wf_buf_puts(b, WF_M(M_JSON_POLICIES));
    for (size_t i = 0; i < c->npol; i++) {
        const struct wf_policy *p = &c->pol[i];
        wf_buf_puts(b, i ? ",{" : "{");
        wf_buf_json_kv(b, "\"key\":", wf_policy_keys[p->key]);
        wf_buf_json_kv(b, ",\"value\":", p->value);
        json_reg(b, ",\"data\":", &p->data);
        wf_buf_printf(b, WF_M(M_SOURCE_S_CONFLICTS), wf_policy_source_token(p->source));
        bool first = true;
        for (size_t k = 0; p->conflict && k < c->npol; k++)
            if (c->pol[k].conflict && c->pol[k].role != p->role) {
                wf_buf_json_kv(b, first ? "" : ",", c->pol[k].value);
                first = false;
            }
        wf_buf_puts(b, "]}");
    }
    wf_buf_puts(b, "]");
}

/* SPEC 7's problem objects; informational notes are left to the text. */
static void json_problems(struct wf_buf *b, const struct wf_report_ctx *c)
{
    char text[512], words[256];
    bool first = true;
    wf_buf_puts(b, WF_M(M_JSON_PROBLEMS));
    for (size_t i = 0; c->check && i < c->check->n; i++) {
        const struct wf_problem *pr = &c->check->p[i];
        /* Information stays out, except what a script must see. */
        if (!wf_check_for_scripts(pr))
            continue;
        /* A program (UsoClient.exe) is named in `program`, never as a service. */
        bool program = wf_check_about_program(pr);
        wf_buf_json_kv_or_null(b, first ? WF_M(M_JSON_SERVICE_FIRST) : WF_M(M_JSON_NEXT_SERVICE),
                               program ? "" : pr->service);
        first = false;
        if (program) {
            wf_buf_json_kv(b, WF_M(M_JSON_PROGRAM), pr->service);
        }
        wf_buf_printf(b, WF_M(M_CODE_S_SEVERITY_S_FIXABLE), pr->code, wf_report_severity(pr->sev),
                      pr->fixable ? "true" : "false");
        wf_check_describe(pr, text, sizeof(text));
        wf_buf_json_kv(b, WF_M(M_JSON_MESSAGE), text);
        json_evidence(b, WF_M(M_EVIDENCE_FOUND), pr->found);
        json_evidence(b, WF_M(M_JSON_EXPECTED), pr->expected);
        if (pr->syscode) {
            wf_report_system_words(c, pr, words, sizeof(words));
            wf_buf_printf(b, WF_M(M_EXIT_CODE_U_EXIT_MESSAGE), (unsigned)pr->syscode);
            wf_buf_json_str(b, words);
        }
        if (pr->has_hresult)
            json_failure(b, pr);
        if (pr->remedy) {
            wf_buf_json_kv(b, WF_M(M_JSON_REMEDY), pr->remedy);
        }
        wf_buf_puts(b, "}}");
    }
    wf_buf_puts(b, "]");
}

void wf_report_json(struct wf_buf *b, const struct wf_report_ctx *c, const struct wf_plan *p, int exit_code,
                    uint64_t elapsed_ms, bool with_after)
{
    wf_buf_json_kv(b, WF_M(M_JSON_COMMAND), c->command);
    wf_buf_json_kv(b, WF_M(M_JSON_COMPUTER), c->computer);
    wf_buf_printf(b, WF_M(M_EXIT_CODE_D_ELAPSED_MS), exit_code, (unsigned long long)elapsed_ms);
    json_head(b, c->time);
    wf_buf_puts(b, WF_M(M_JSON_SERVICES));
    for (size_t i = 0; i < p->nsvc; i++) {
        const struct wf_plan_svc *s = &p->svc[i];
        wf_buf_json_kv(b, i ? ",{\"name\":" : "{\"name\":", s->name);
        wf_buf_json_kv(b, WF_M(M_DISPLAY_NAME), s->cfg.display_name);
        wf_buf_printf(b, WF_M(M_IN_SET_S_PROTECTED_S), s->in_set ? "true" : "false",
                      s->protected_svc ? "true" : "false",
                      s->cfg.triggers < 0 ? "null"
                      : s->cfg.triggers   ? "true"
                                          : "false");
        json_status(b, s, &s->before);
        wf_buf_puts(b, ",\"after\":");
        if (with_after)
            json_status(b, s, &s->after);
        else
            wf_buf_puts(b, "null");
        wf_buf_puts(b, WF_M(M_JSON_ACTIONS));
        const struct wf_action *failed = NULL;
        bool first = true;
        for (size_t k = 0; k < p->naction; k++) {
            const struct wf_action *a = &p->action[k];
            if (a->svc != i)
                continue;
            if (a->err != WF_OK && !failed)
                failed = a;
            wf_buf_printf(b, WF_M(M_S_ACTION_S_RESULT_S), first ? "" : ",", wf_report_verb(a->kind),
                          a->err != WF_OK ? wf_err_token(a->err)
                          : a->noop       ? "already"
                                          : "ok",
                          (unsigned long long)a->ms, a->rollback ? "true" : "false");
            first = false;
        }
        wf_buf_puts(b, WF_M(M_JSON_ERROR));
        if (!failed && s->blocked != WF_OK) {
            const struct wf_block *why = wf_report_block(s->blocked);
            wf_buf_printf(b, WF_M(M_CODE_S_SYSCODE_U_MESSAGE), wf_err_token(s->blocked),
                          (unsigned)why->syscode);
            wf_buf_json_str(b, wf_m(why->words));
            wf_buf_puts(b, "}");
        } else if (failed) {
            struct wf_buf msg;
            wf_buf_init(&msg);
            wf_report_error(&msg, c, p, failed);
            if (msg.len && msg.data[msg.len - 1] == '\n')
                msg.data[--msg.len] = '\0';
            wf_buf_json_kv(b, "{\"code\":", wf_err_token(failed->err));
            wf_buf_printf(b, WF_M(M_SYSCODE_U_MESSAGE), (unsigned)failed->syscode);
            wf_buf_json_str(b, wf_buf_str(&msg));
            wf_buf_puts(b, "}");
            wf_buf_release(&msg);
        } else {
            wf_buf_puts(b, "null");
        }
        wf_buf_puts(b, "}");
    }
    wf_buf_puts(b, "]");
    if (c->fixes || c->aside) {
        bool first = true;
        wf_buf_puts(b, WF_M(M_JSON_CHANGES));
        json_changes(b, c->fixes, &first);
        json_changes(b, c->aside, &first);
        wf_buf_puts(b, "]");
    }
    if (c->updating || (c->check && c->command && strcmp(c->command, "check") == 0)) /* check's, status's */
        json_updating(b, c->updating ? c->updating : &c->check->updating);
    /* check's always; repair's where policies are set (what repair --policies left, and whose) */
    if (c->check && (c->check->npol || (c->command && strcmp(c->command, "check") == 0)))
        json_policies(b, c->check);
    json_problems(b, c);
    wf_buf_puts(b, "}\n");
}

void wf_report_json_usage(struct wf_buf *b, const char *command, const char *message)
{
    wf_buf_json_kv(b, WF_M(M_JSON_COMMAND), command); /* null: none was given */
    wf_buf_puts(b, WF_M(M_COMPUTER_NULL_EXIT_CODE_2));
    json_head(b, NULL);
    wf_buf_json_kv(b, WF_M(M_SERVICES_PROBLEMS_ERROR_CODE_USAGE), message);
    wf_buf_puts(b, "}}\n");
}

void wf_report_json_unreached(struct wf_buf *b, const char *command, const char *computer, int exit_code,
                              uint64_t elapsed_ms, const char *token, uint32_t syscode, const char *message)
{
    wf_buf_json_kv(b, WF_M(M_JSON_COMMAND), command);
    wf_buf_json_kv(b, WF_M(M_JSON_COMPUTER), computer);
    wf_buf_printf(b, WF_M(M_EXIT_CODE_D_ELAPSED_MS), exit_code, (unsigned long long)elapsed_ms);
    json_head(b, NULL);
    wf_buf_json_kv(b, WF_M(M_SERVICES_PROBLEMS_ERROR_CODE), token);
    wf_buf_printf(b, WF_M(M_SYSCODE_U_MESSAGE), (unsigned)syscode);
    wf_buf_json_str(b, message);
    wf_buf_puts(b, "}}\n");
}

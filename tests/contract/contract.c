/* SPDX-License-Identifier: MIT */
/* contract.c - what every wf_backend must do, as the SCM does it. */
#include "contract.h"

#include "wufix/base/cmdline.h"
#include "wufix/mech/trust.h"

#include <stdio.h>
#include <string.h>

#define CHECK(r, cond)                                                                                       \
    do {                                                                                                     \
        (r)->checks++;                                                                                       \
        if (!(cond) && (r)->failures++ == 0)                                                                 \
            snprintf((r)->first, sizeof((r)->first), "%s:%d: %s", __FILE__, __LINE__, #cond);                \
    } while (0)

#define SETTLE_MS 15000u

/* Wait with watch/wait until `name` is in `target`; returns the state seen
 * last and counts the pending states passed through. */
static enum wf_state settle(const struct ct_env *env, const char *name, enum wf_state target,
                            unsigned *pending_seen, unsigned *wakes)
{
    const struct wf_backend *b = &env->b;
    uint64_t deadline = b->ops->now_ms(b->self) + SETTLE_MS;
    struct wf_svc_status st = {0};
    for (;;) {
        if (b->ops->query(b->self, name, &st) != WF_OK)
            break;
        if (wf_state_is_pending(st.state) && pending_seen)
            (*pending_seen)++;
        if (st.state == target || b->ops->now_ms(b->self) >= deadline)
            break;
        b->ops->watch(b->self, name, st.state);
        b->ops->wait(b->self, deadline, 100);
        if (wakes)
            (*wakes)++;
    }
    b->ops->unwatch_all(b->self);
    return st.state;
}

/* Put the slow service into `target` before a case. */
static void given(const struct ct_env *env, enum wf_state target)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    if (b->ops->query(b->self, env->slow, &st) == WF_OK && st.state == target)
        return;
    if (target == WF_STATE_RUNNING)
        b->ops->start(b->self, env->slow);
    else
        b->ops->stop(b->self, env->slow);
    settle(env, env->slow, target, NULL, NULL);
}

static void ct_query_missing(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    struct wf_svc_config cfg;
    CHECK(r, b->ops->query(b->self, env->missing, &st) == WF_E_NO_SERVICE);
    CHECK(r, b->ops->last_syscode(b->self) == 1060);
    CHECK(r, b->ops->config(b->self, env->missing, &cfg) == WF_E_NO_SERVICE);
    CHECK(r, b->ops->start(b->self, env->missing) == WF_E_NO_SERVICE);
    CHECK(r, b->ops->stop(b->self, env->missing) == WF_E_NO_SERVICE);
}

static void ct_config_reads(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_config cfg;
    CHECK(r, b->ops->config(b->self, env->slow, &cfg) == WF_OK);
    CHECK(r, cfg.start_type == WF_START_MANUAL);
    CHECK(r, strcmp(cfg.display_name, env->slow_display) == 0);
    CHECK(r, cfg.image_path[0] != '\0');
    /* Windows' answers for a service of our own: not protected, no trigger;
     * with the configuration, read on the same open. */
    memset(&cfg, 0, sizeof(cfg));
    CHECK(r, b->ops->traits(b->self, env->slow, &cfg) == WF_OK);
    CHECK(r, cfg.start_type == WF_START_MANUAL);
    CHECK(r, strcmp(cfg.display_name, env->slow_display) == 0);
    CHECK(r, cfg.protection == WF_PROTECTION_NONE);
    CHECK(r, cfg.triggers == 0);
    CHECK(r, b->ops->traits(b->self, env->missing, &cfg) == WF_E_NO_SERVICE);
    CHECK(r, b->ops->config(b->self, env->disabled, &cfg) == WF_OK);
    CHECK(r, cfg.start_type == WF_START_DISABLED);
}

static void ct_start_reaches_running_through_pending(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    unsigned pending = 0;
    given(env, WF_STATE_STOPPED);
    CHECK(r, b->ops->start(b->self, env->slow) == WF_OK);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    CHECK(r, st.state == WF_STATE_START_PENDING);
    CHECK(r, settle(env, env->slow, WF_STATE_RUNNING, &pending, NULL) == WF_STATE_RUNNING);
    CHECK(r, pending >= 1);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    CHECK(r, st.pid != 0);
    CHECK(r, st.accepts_stop);
}

static void ct_start_of_running_is_1056(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    given(env, WF_STATE_RUNNING);
    CHECK(r, b->ops->start(b->self, env->slow) == WF_E_ALREADY_RUNNING);
    CHECK(r, b->ops->last_syscode(b->self) == 1056);
}

static void ct_stop_reaches_stopped_and_wait_ends_on_change(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    unsigned pending = 0, wakes = 0;
    given(env, WF_STATE_RUNNING);
    uint64_t t0 = b->ops->now_ms(b->self);
    CHECK(r, b->ops->stop(b->self, env->slow) == WF_OK);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    /* The service, not the SCM, reports STOP_PENDING: for a moment after
     * ControlService returns it may still read RUNNING. */
    CHECK(r, st.state == WF_STATE_STOP_PENDING || st.state == WF_STATE_RUNNING);
    CHECK(r, settle(env, env->slow, WF_STATE_STOPPED, &pending, &wakes) == WF_STATE_STOPPED);
    CHECK(r, pending >= 1 || st.state == WF_STATE_STOP_PENDING);
    uint64_t took = b->ops->now_ms(b->self) - t0;
    /* The wait ended on the change, long before its 15 s deadline, and
     * without spinning. */
    CHECK(r, took < 5000);
    CHECK(r, wakes >= 1 && wakes <= 60);
    CHECK(r, b->ops->query(b->self, env->slow, &st) == WF_OK);
    CHECK(r, st.pid == 0);
}

static void ct_stop_of_stopped_is_1062(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    given(env, WF_STATE_STOPPED);
    CHECK(r, b->ops->stop(b->self, env->slow) == WF_E_NOT_ACTIVE);
    CHECK(r, b->ops->last_syscode(b->self) == 1062);
}

static void ct_disabled_refuses_to_start(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_status st;
    CHECK(r, b->ops->start(b->self, env->disabled) == WF_E_DISABLED);
    CHECK(r, b->ops->last_syscode(b->self) == 1058);
    CHECK(r, b->ops->query(b->self, env->disabled, &st) == WF_OK);
    CHECK(r, st.state == WF_STATE_STOPPED);
}

static void ct_wait_returns_at_deadline_without_watches(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    uint64_t t0 = b->ops->now_ms(b->self);
    CHECK(r, b->ops->wait(b->self, t0 + 200, 50) == WF_OK);
    uint64_t t1 = b->ops->now_ms(b->self);
    CHECK(r, t1 >= t0);
    CHECK(r, t1 - t0 <= 1000);
    char name[WF_TEXT_MAX] = "";
    b->ops->computer(b->self, name, sizeof(name));
    CHECK(r, name[0] != '\0');
}

static void ct_image_path_round_trip(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_config was, now;
    CHECK(r, b->ops->config(b->self, env->slow, &was) == WF_OK);
    CHECK(r, b->ops->set_image(b->self, env->slow, "C:\\nowhere\\svc.exe -k test") == WF_OK);
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, strcmp(now.image_path, "C:\\nowhere\\svc.exe -k test") == 0);
    CHECK(r, b->ops->set_image(b->self, env->slow, was.image_path) == WF_OK);
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, strcmp(now.image_path, was.image_path) == 0);
    CHECK(r, b->ops->set_image(b->self, env->missing, "C:\\x.exe") == WF_E_NO_SERVICE);
}

static void ct_start_type_round_trip(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_config now;
    static const enum wf_start_type types[] = {WF_START_DISABLED, WF_START_AUTO, WF_START_MANUAL};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        CHECK(r, b->ops->set_start(b->self, env->slow, types[i]) == WF_OK);
        CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
        CHECK(r, now.start_type == types[i]);
    }
}

static void ct_delayed_start_round_trip(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_config now;
    CHECK(r, b->ops->set_start(b->self, env->slow, WF_START_AUTO_DELAYED) == WF_OK);
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, now.start_type == WF_START_AUTO_DELAYED);
    CHECK(r, b->ops->set_start(b->self, env->slow, WF_START_AUTO) == WF_OK); /* clears the flag */
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, now.start_type == WF_START_AUTO);
    CHECK(r, b->ops->set_start(b->self, env->slow, WF_START_MANUAL) == WF_OK);
}

static void ct_account_round_trip(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_config was, now;
    CHECK(r, b->ops->config(b->self, env->slow, &was) == WF_OK);
    CHECK(r, b->ops->set_account(b->self, env->slow, "NT AUTHORITY\\LocalService") == WF_OK);
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, wf_name_cmp(now.account, "NT AUTHORITY\\LocalService") == 0);
    CHECK(r, b->ops->set_account(b->self, env->slow, was.account) == WF_OK);
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, strcmp(now.account, was.account) == 0);
    CHECK(r, b->ops->set_account(b->self, env->missing, "LocalSystem") == WF_E_NO_SERVICE);
}

static void ct_security_round_trip(const struct ct_env *env, struct ct_result *r)
{
    static const char sddl[] = "D:(A;;CCLCSWRPWPDTLOCRRC;;;SY)(A;;CCDCLCSWRPWPDTLOCRSDRCWDWO;;;BA)"
                               "(A;;CCLCSWLOCRRC;;;IU)";
    const struct wf_backend *b = &env->b;
    char was[2048], now[2048];
    CHECK(r, b->ops->security(b->self, env->slow, was, sizeof(was)) == WF_OK);
    CHECK(r, strstr(was, "D:") != NULL);
    CHECK(r, b->ops->set_security(b->self, env->slow, sddl) == WF_OK);
    CHECK(r, b->ops->security(b->self, env->slow, now, sizeof(now)) == WF_OK);
    CHECK(r, strstr(now, "(A;;CCLCSWLOCRRC;;;IU)") != NULL);
    const char *dacl = strstr(was, "D:");
    CHECK(r, dacl && b->ops->set_security(b->self, env->slow, dacl) == WF_OK);
    CHECK(r, b->ops->security(b->self, env->slow, now, sizeof(now)) == WF_OK);
    CHECK(r, strcmp(now, was) == 0);
}

static void ct_dependencies_round_trip(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_backend *b = &env->b;
    struct wf_svc_config now;
    CHECK(r, b->ops->set_deps(b->self, env->slow, env->disabled) == WF_OK);
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, now.ndeps == 1 && wf_name_cmp(now.deps[0], env->disabled) == 0);
    CHECK(r, b->ops->set_deps(b->self, env->slow, "") == WF_OK);
    CHECK(r, b->ops->config(b->self, env->slow, &now) == WF_OK);
    CHECK(r, now.ndeps == 0);
}

/* The host's file operations reset relies on: a rename is a rename (never a
 * copy, never over something), sizes, wildcards. */
static void ct_host_rename_folder(const struct ct_env *env, struct ct_result *r)
{
    const struct wf_host *h = &env->h;
    char moved[WF_TEXT_MAX + 32], file[WF_TEXT_MAX + 48], gone[WF_TEXT_MAX + 16], names[4][WF_NAME_MAX];
    uint64_t bytes = 0, files = 0;
    size_t n = 0;
    snprintf(moved, sizeof(moved), "%s.wufix-20261122-000000", env->dir);
    snprintf(file, sizeof(file), "%s\\a.txt", env->dir);
    snprintf(gone, sizeof(gone), "%s.nothing", env->dir);
    CHECK(r, h->ops->path_exists(h->self, env->dir) == WF_OK);
    CHECK(r, h->ops->path_exists(h->self, file) == WF_OK);
    CHECK(r, h->ops->file_exists(h->self, file) == WF_OK);
    CHECK(r, h->ops->file_exists(h->self, env->dir) == WF_E_NO_SERVICE); /* a folder is not a file */
    /* Read whole, or not at all: a file that does not fit is never read cut short. */
    char text[16];
    CHECK(r, h->ops->read_text(h->self, file, text, sizeof(text)) == WF_OK && strcmp(text, "hello") == 0);
    CHECK(r, h->ops->read_text(h->self, file, text, 5) == WF_E_LIMIT);
    CHECK(r, h->ops->tree_size(h->self, env->dir, &bytes, &files) == WF_OK);
    CHECK(r, bytes == 5 && files == 1);
    CHECK(r, h->ops->list(h->self, env->dir, "*.txt", names, 4, &n) == WF_OK);
    CHECK(r, n == 1 && wf_name_cmp(names[0], "a.txt") == 0);
    CHECK(r, h->ops->list(h->self, env->dir, "qmgr*.dat", names, 4, &n) == WF_OK);
    CHECK(r, n == 0);
    CHECK(r, h->ops->rename(h->self, env->dir, moved) == WF_OK);
    CHECK(r, h->ops->path_exists(h->self, env->dir) == WF_E_NO_SERVICE);
    snprintf(file, sizeof(file), "%s\\a.txt", moved);
    CHECK(r, h->ops->file_exists(h->self, file) == WF_OK);
    CHECK(r, h->ops->rename(h->self, gone, env->dir) == WF_E_NO_SERVICE);
    CHECK(r, h->ops->rename(h->self, moved, env->dir) == WF_OK);
    CHECK(r, h->ops->path_exists(h->self, moved) == WF_E_NO_SERVICE);
    CHECK(r, h->ops->tree_size(h->self, env->dir, &bytes, &files) == WF_OK);
    CHECK(r, bytes == 5 && files == 1);
}

#define WINE_NO_SDDL "Wine returns an empty security descriptor for every service and ignores changes to it"
#define WINE_NO_DEPS "Wine's QueryServiceConfigW returns no dependencies"

/* What the state folder's judgement reads: an owner, a DACL, what it is. */
static void ct_folder_security_reads(const struct ct_env *env, struct ct_result *r)
{
    struct wf_folder_sec s;
    char file[WF_TEXT_MAX];
    CHECK(r, env->h.ops->folder_security(env->h.self, env->dir, &s) == WF_OK);
    CHECK(r, strncmp(s.owner, "S-1-", 4) == 0);
    CHECK(r, s.has_dacl && s.nace >= 1 && !s.more_aces);
    CHECK(r, !s.reparse && !s.not_folder);
    snprintf(file, sizeof(file), "%s\\a.txt", env->dir);
    CHECK(r, env->h.ops->folder_security(env->h.self, file, &s) == WF_OK && s.not_folder);
    snprintf(file, sizeof(file), "%s\\nothing-here", env->dir);
    CHECK(r, env->h.ops->folder_security(env->h.self, file, &s) == WF_E_NO_SERVICE);
}

/* Why wufix makes its own folder with a protected DACL: a folder made under
 * ProgramData the ordinary way lets Users add to it and its creator own what
 * goes in it. */
static void ct_programdata_folder_is_not_trusted(const struct ct_env *env, struct ct_result *r)
{
    struct wf_folder_sec s;
    char why[256] = "";
    CHECK(r, env->h.ops->folder_security(env->h.self, env->data, &s) == WF_OK);
    CHECK(r, wf_trust_folder(&s, NULL, why, sizeof(why)) == WF_E_UNTRUSTED);
    CHECK(r, strstr(why, "S-1-5-32-545 may write") || strstr(why, "S-1-3-0 may write") ||
                 strstr(why, "S-1-5-11 may write"));
}

/* wufix's quoting for its elevated relaunch splits back into the same
 * arguments, by the system's own splitter. */
static void ct_cmdline_round_trip(const struct ct_env *env, struct ct_result *r)
{
    static const char *const args[] = {
        "restart",   "",   "two words", "C:\\Program Files\\", "say \"hi\"", "back\\\\slash\\\"quote",
        "tab\there", "\"", "\\",        "plain\\path"};
    struct wf_buf b;
    char back[16][256];
    wf_buf_init(&b);
    for (size_t i = 0; i < sizeof(args) / sizeof(args[0]); i++)
        wf_cmdline_append(&b, args[i]);
    size_t n = env->split(wf_buf_str(&b), back, 16);
    CHECK(r, n == sizeof(args) / sizeof(args[0]));
    for (size_t i = 0; i < n && i < sizeof(args) / sizeof(args[0]); i++)
        CHECK(r, strcmp(back[i], args[i]) == 0);
    wf_buf_release(&b);
}

#define WINE_FILE_OWNER                                                                                      \
    "Wine builds a file's descriptor from its Unix mode: the owner is always the Wine account and "          \
    "ProgramData passes nothing down"

const struct ct_case ct_cases[] = {
    {"query_missing", ct_query_missing, NULL},
    {"config_reads", ct_config_reads, NULL},
    {"start_reaches_running_through_pending", ct_start_reaches_running_through_pending, NULL},
    {"start_of_running_is_1056", ct_start_of_running_is_1056, NULL},
    {"stop_reaches_stopped_and_wait_ends_on_change", ct_stop_reaches_stopped_and_wait_ends_on_change, NULL},
    {"stop_of_stopped_is_1062", ct_stop_of_stopped_is_1062, NULL},
    {"disabled_refuses_to_start", ct_disabled_refuses_to_start, NULL},
    {"wait_returns_at_deadline_without_watches", ct_wait_returns_at_deadline_without_watches, NULL},
    {"image_path_round_trip", ct_image_path_round_trip, NULL},
    {"start_type_round_trip", ct_start_type_round_trip, NULL},
    {"delayed_start_round_trip", ct_delayed_start_round_trip, NULL},
    {"account_round_trip", ct_account_round_trip, NULL},
    {"security_round_trip", ct_security_round_trip, WINE_NO_SDDL},
    {"dependencies_round_trip", ct_dependencies_round_trip, WINE_NO_DEPS},
    {"host_rename_folder", ct_host_rename_folder, NULL},
    {"folder_security_reads", ct_folder_security_reads, NULL},
    {"cmdline_round_trip", ct_cmdline_round_trip, NULL},
    {"programdata_folder_is_not_trusted", ct_programdata_folder_is_not_trusted, WINE_FILE_OWNER},
};
const size_t ct_ncases = sizeof(ct_cases) / sizeof(ct_cases[0]);

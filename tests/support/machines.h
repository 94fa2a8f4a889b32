/* SPDX-License-Identifier: MIT */
/* machines.h - whole machines for the fake, each written from a public source
 * this project did not write and naming it: healthy Windows as Microsoft and
 * hive dumps describe it, and the machine after a real blocker tool, as
 * captures of its writes and its own code say. They are not made from
 * wufix's defaults table: a test on them can catch a wrong belief there. */
#ifndef WUFIX_MACHINES_H
#define WUFIX_MACHINES_H

#include <stddef.h>
#include <stdint.h>

#include "fake_scm.h"

struct machine_svc {
    const char *name;
    enum wf_state state;
    enum wf_start_type start;
    const char *image, *dll, *account, *deps, *sddl; /* dll NULL: none; account NULL: no source */
    int protection, triggers;
    bool dll_in_key; /* the ServiceDll in the service key itself, not under Parameters */
};

struct machine_reg {
    const char *key, *value;
    enum wf_reg_type type;
    const char *str;
    uint32_t dword;
};

/* What a blocker tool did to one service (NULL / UNKNOWN / 0: left as it was). */
struct machine_edit {
    const char *name;
    enum wf_start_type start;
    const char *account;
    bool stopped;
    const char *dll_renamed; /* its DLL file renamed away */
};

struct machine {
    const char *name, *source;
    unsigned build;
    const struct machine *base; /* a blocked machine: the healthy one the tool ran on */
    const struct machine_svc *svc;
    const struct machine_edit *edit;
    const struct machine_reg *reg;
    /* Blocked machines: every trace check must find ("service:code"), and what
     * repair leaves because it is not wufix's to change; NULL-terminated. */
    const char *const *traces, *const *left;
    int repair_exit;
};

extern const struct machine machine_win10_22h2, machine_win11_23h2, machine_server2016, machine_win11_24h2,
    machine_win11_25h2;
extern const struct machine machine_wub_17, machine_wu10man_2018, machine_privacy_sexy, machine_winutil,
    machine_winutil_2026;

/* Lay `m` (and, for a blocked one, its healthy base first) on a fake set up
 * with fake_scm_init. */
void machine_apply(struct fake_scm *f, const struct machine *m);
/* Only what a blocked machine's tool did (its edits and registry values), on
 * a machine already laid: several tools' traces on one machine. */
void machine_apply_traces(struct fake_scm *f, const struct machine *m);

/* The fake's whole configuration as text, a line each (services: state,
 * start type, image, account, dependencies, descriptor; every registry value;
 * the files), sorted: two machines are the same when their texts are. */
void machine_snapshot(const struct fake_scm *f, struct wf_buf *out);

#endif

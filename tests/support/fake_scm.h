/* SPDX-License-Identifier: MIT */
/* fake_scm.h - a stateful fake service control manager with a virtual clock,
 * a call log and fault injection, behind the same wf_backend as Win32's. */
#ifndef WUFIX_FAKE_SCM_H
#define WUFIX_FAKE_SCM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/backend.h"
#include "wufix/base/platform.h"
#include "wufix/wufix.h"
#include "wufix/base/host.h"

#define FAKE_SVC_MAX    16
#define FAKE_LOG_MAX    1024
#define FAKE_SCRIPT_MAX 16
#define FAKE_NEVER      UINT64_MAX
#define FAKE_REG_MAX    160
#define FAKE_FILES_MAX  64

/* Ctrl+C as the platform has it: a count any thread may read. */
struct fake_ctrl_c;
unsigned fake_ctrl_c_count(struct fake_ctrl_c *c);
void fake_sleep_ms(uint32_t ms);

struct fake_svc {
    char name[WF_NAME_MAX];
    char display[WF_TEXT_MAX];
    enum wf_start_type start_type;
    char deps[WF_DEPS_MAX][WF_NAME_MAX];
    size_t ndeps;
    bool accepts_stop;
    /* Live state. */
    enum wf_state state;
    uint32_t pid, exit_code, checkpoint, wait_hint;
    /* Behaviour: how long transitions take, and how they go wrong. */
    uint32_t start_ms, stop_ms;
    uint32_t hint_ms;           /* wait hint while pending */
    uint32_t cp_every_ms;       /* check point advances this often while pending (0: never) */
    bool hang_start, hang_stop; /* stays pending for ever */
    bool marked_delete;         /* DeleteService was called while it ran: changes answer 1072 */
    uint32_t fail_start_code;   /* start ends STOPPED with this exit code */
    bool race;                  /* someone else moves it first: 1056 / 1062 */
    char image[WF_VALUE_MAX];   /* ImagePath, unexpanded, as long as the SCM gives one */
    char sddl[WF_TEXT_MAX];     /* the service object\'s descriptor */
    char creates[WF_TEXT_MAX];  /* a folder it makes when it starts, if missing */
    char account[WF_TEXT_MAX];  /* ObjectName */
    int protection;             /* enum wf_protection: above NONE, refuses changes while not stopped */
    int triggers;               /* start triggers; -1: the SCM does not say */
    /* Its recovery, as the SCM gives it where the registry holds no FailureActions. */
    struct wf_recovery recovery;
    /* Transition in flight. */
    uint64_t t_change, t_done;
    enum wf_state final;
    bool watched;
    enum wf_state watch_state;
    /* Opens of the service as the Win32 backend makes them: one per call,
     * but a watch holds its handle until unwatch_all, and a query or a
     * watch of a held service uses it. */
    bool held;
    unsigned opens;
};

struct fake_script {
    char op[16];
    char name[WF_NAME_MAX]; /* "" matches any service */
    uint32_t code;
    unsigned times;
};

/* A file (or, with dir set, an empty folder) of the fake file system. A
 * folder exists while anything lies under it. */
struct fake_file {
    char path[WF_TEXT_MAX]; /* expanded */
    uint64_t size;
    bool dir;
    uint32_t
        locked; /* renames of it or a folder above it fail with 32 this many times (UINT32_MAX: always) */
    char held_by[WF_NAME_MAX]; /* a service that holds it open while not stopped */
    const char *holder;        /* while locked, the process the Restart Manager names: "IMAGE|PID|NAME" */
    const char *content;       /* what read_text gives (NULL: empty); not owned */
    const uint8_t *bytes;      /* what read_tail gives (NULL: content's bytes); not owned */
    size_t nbytes;
};

/* A registry value as the fake keeps it: text up to 1,023 bytes (a
 * wf_reg's whole 12 KiB in each of FAKE_REG_MAX would not fit a test's
 * stack). A longer text set is kept cut, and read as Windows' reader reads
 * a value too long to record: WF_E_LIMIT, marked cut. */
struct fake_value {
    enum wf_reg_type type;
    uint32_t dword;
    char str[WF_TEXT_MAX];
    bool cut;
};

/* One registry value (or, with value "", a key that exists). */
struct fake_reg {
    char key[WF_TEXT_MAX];
    char value[WF_NAME_MAX];
    struct fake_value v;
    uint8_t bin[128]; /* a REG_BINARY value (v.type NONE, nbin > 0) */
    size_t nbin;
};

struct fake_scm {
    struct fake_svc svc[FAKE_SVC_MAX];
    /* The rest of the machine (host seam). */
    struct fake_reg reg[FAKE_REG_MAX];
    size_t nreg;
    struct fake_file files[FAKE_FILES_MAX];
    size_t nfiles;     /* slots used (some may be empty) */
    uint64_t slept_ms; /* host sleeps, on the virtual clock */
    uint64_t disk_free;
    char key_sddl[WF_TEXT_MAX]; /* every service key's descriptor (a key_sddl registry entry wins) */
    unsigned build;             /* CurrentBuildNumber fake_scm_windows writes (19045 unless set) */
    size_t n;
    uint64_t now;
    uint32_t next_pid;
    uint32_t last_code;
    bool enforce_deps; /* Windows refuses to start before deps, to stop before dependents */
    /* Fault injection: the Nth counted call (1-based) fails with fail_code. */
    unsigned calls, fail_at;
    unsigned hang_at; /* the Nth counted call, if a start or stop, never finishes */
    uint32_t fail_code;
    struct fake_script script[FAKE_SCRIPT_MAX];
    size_t nscript;
    /* Call log: "start BITS", "stop UsoSvc", ... */
    char log[FAKE_LOG_MAX][WF_NAME_MAX + 16];
    size_t nlog;
    unsigned opens, waits;
    bool refuse_open;           /* open_backend fails: SCM unreachable */
    unsigned interrupt_at_wait; /* the Nth wait reports Ctrl+C (1-based) */
    uint32_t terminated_pid;    /* what --force ended */
    bool pid_reused;        /* a service's process ID passes to another process right after it is looked up */
    bool shared_process;    /* every service reports one shared PID (svchost) */
    char computer[64];      /* what `computer` answers ("FAKEPC") */
    const char *listening;  /* "host:port,..." that take a connection; any other probe is refused */
    const char *unresolved; /* a name the probe finds no DNS record for */
    const char *utc;        /* what utc_now answers ("2026-12-02T12:00:00Z" when NULL) */
    const char *http_reply; /* what head reads once connected (NULL: nothing came) */
    const char *key_time;   /* when every key was last written (utc_now's answer when NULL) */
    const char *processes;  /* image names of the processes running, comma separated ("TiWorker.exe") */
    /* The Task Scheduler's tasks, one a line: "\\Microsoft\\Windows\\Folder\\Name",
     * '!' before a disabled one, "...\\Folder\\" for a folder without tasks;
     * a folder no line names does not exist. NULL: a stock 25H2's. */
    const char *tasks;
    const char *tasks_why;       /* set: the tasks cannot be listed (WF_E_ACCESS), and why */
    unsigned probes;             /* probes made */
    struct wf_volume volumes[4]; /* what the volume op answers */
    size_t nvolumes;
    uint32_t real_wait_ms;      /* each wait also takes this much real time */
    struct fake_ctrl_c *ctrl_c; /* the platform's Ctrl+C, heard once per backend */
    /* What write_file wrote: each write appended, never reused (a copy of the
     * fake made before still reads its files' bytes). */
    uint8_t disk[1 << 17];
    size_t ndisk;
    unsigned ctrl_c_seen;
    /* What resolve answers: "name=addr,addr;name=addr" (IPv4 or IPv6); a name
     * not listed does not exist. NULL: DNS does not answer (no network).
     * resolves: the names it was asked. */
    const char *dns;
    unsigned resolves;
};

void fake_scm_init(struct fake_scm *f);
/* Add a service; returns it for further scripting. Running ones get a PID. */
struct fake_svc *fake_scm_add(struct fake_scm *f, const char *name, enum wf_state state,
                              enum wf_start_type start, const char *deps_csv);
struct fake_svc *fake_scm_get(struct fake_scm *f, const char *name);
/* The next `times` calls of `op` ("start", "stop", "query", ...) on `name`
 * ("" for any) fail with `code`. */
void fake_scm_script(struct fake_scm *f, const char *op, const char *name, uint32_t code, unsigned times);
/* Index of the first log line equal to `line`, or -1. */
int fake_scm_log_find(const struct fake_scm *f, const char *line);
/* Number of log lines starting with `prefix`. */
size_t fake_scm_log_count(const struct fake_scm *f, const char *prefix);
/* The backend over this fake. */
struct wf_backend fake_scm_backend(struct fake_scm *f);
/* The host (registry, files) over this fake. */
struct wf_host fake_scm_host(struct fake_scm *f);
/* Set a registry value (value "" makes just the key exist); a NULL `str`
 * with type DWORD sets `dword`. */
void fake_reg_set(struct fake_scm *f, const char *key, const char *value, enum wf_reg_type type,
                  const char *str, uint32_t dword);
const struct fake_value *fake_reg_get(const struct fake_scm *f, const char *key, const char *value);
/* A REG_BINARY value. */
void fake_reg_set_bin(struct fake_scm *f, const char *key, const char *value, const uint8_t *bytes, size_t n);
void fake_file_add(struct fake_scm *f, const char *path);
void fake_file_remove(struct fake_scm *f, const char *path);
/* Add (or replace) a file of `size` bytes; NULL when full. */
struct fake_file *fake_file_put(struct fake_scm *f, const char *path, uint64_t size);
struct fake_file *fake_file_get(struct fake_scm *f, const char *path);
/* Windows Update's log (C:\Windows\SoftwareDistribution\ReportingEvents.log,
 * UTF-16LE with a byte order mark) holding one failed install: `hr` (8 hex
 * digits) on 2026-11-20, of the update `title`. The bytes live in `f`. */
void fake_wulog_failure(struct fake_scm *f, const char *hr, const char *title);
/* The Windows defaults of wuauserv, UsoSvc, BITS, CryptSvc, DoSvc (+ the two
 * reported ones) on f->build, all running except as noted, with delays in
 * ms. DoSvc is launch-protected, as on Windows 10 1809 and later. */
void fake_scm_windows(struct fake_scm *f);

/* The caches reset sets aside, with the services holding them open and the
 * folders Windows makes again when a service starts. */
#define FAKE_SD         "C:\\Windows\\SoftwareDistribution"
#define FAKE_CATROOT2   "C:\\Windows\\System32\\catroot2"
#define FAKE_DOWNLOADER "C:\\ProgramData\\Microsoft\\Network\\Downloader"
void fake_scm_caches(struct fake_scm *f);

/* Another machine for --computer: its SCM (the test's), how reaching it
 * goes, and the journal this machine keeps for it. */
struct fake_machine {
    char name[64];
    struct fake_scm *scm;
    uint32_t latency_ms; /* real time reaching it takes */
    uint32_t fail_code;  /* reaching it fails with this system code, after latency_ms */
    bool hang;           /* it never answers (until fake_platform_release) */
    bool not_admin;      /* this account may read there but not change: 5 for a changing command */
    const char *no_registry, *no_files; /* why its registry or share cannot be read */
    const char *note;                   /* what the probe says */
    const char *addrs; /* what DNS gives its name: IPv4 addresses, comma-separated; NULL: 10.0.0.N (N its
                          place, from 1) */
    struct wf_buf journal;
    char anchor_last[65], anchor_before[65];
    bool anchor_closed;
    unsigned opens, closes, saves, resolves;
    struct wf_addrs reached_at; /* the addresses the last target_open was given */
};

/* Another name DNS knows: an alias of a machine, or of this one. */
struct fake_alias {
    const char *name, *addrs;
};

/* A platform over the fake for wf_main, capturing what is written. */
struct fake_platform {
    struct wf_platform pf;
    struct fake_scm *scm;
    struct wf_buf out, err;
    struct wf_buf journal; /* the store's one file */
    unsigned saves, fail_save_at, locks;
    /* This save and every later one fails (0: none). */
    unsigned fail_save_from;
    bool journal_busy;  /* another process holds the journal open: load and save answer busy */
    bool folder_denied; /* the state folder refuses this account (5): load answers WF_E_ACCESS */
    bool busy;          /* another wufix holds the lock */
    bool held;
    /* The anchor (what only administrators can write): SHA-256 of the last
     * journal written and of the one before; the journals set aside. */
    char anchor_last[65], anchor_before[65];
    bool anchor_closed;
    unsigned anchor_sets, fail_anchor_at, fail_anchor_from;
    /* What reached the disk, in order: "anchor LAST BEFORE\n" and "file SHA256\n"
     * (a power cut after any line leaves what the lines before it wrote). */
    struct wf_buf durable;
    struct wf_buf aside; /* the journals set aside, one after the other */
    unsigned asides;
    /* The state folder: lock_err and lock_note are what taking it answers
     * (WF_E_UNTRUSTED: it could not be made safe); folder_untrusted makes
     * loads refuse to read it. */
    wf_err lock_err;
    const char *lock_note;
    bool folder_untrusted;
    /* A person at the console (pf.interactive) answers questions with this. */
    const char *answer;
    unsigned asked;
    /* --log: the file's text, whether it is open, and a path that cannot be opened. */
    struct wf_buf log;
    bool log_is_open;
    const char *log_refuse;
    /* collect --output: the one file written (its path and bytes); a path
     * already there (taken) is refused, as a path the judge refuses. */
    struct wf_buf written;
    char written_path[WF_TEXT_MAX];
    const char *taken;
    /* Elevation: the arguments asked for (one per line), what the elevated
     * run exits with, or a refusal. pf.elevate is NULL until fake_platform_uac. */
    struct wf_buf elevated_args;
    unsigned elevations;
    int elevated_exit;
    /* What the elevated run does to the machine before it exits (may be NULL). */
    void (*elevated_run)(struct fake_platform *fp);
    void *elevated_arg;
    const char *elevated_says; /* what the elevated run writes (on this console unless silent) */
    bool uac_refused;
    size_t elevate_max_chars; /* a longer argument list cannot be passed (0: no limit) */
    /* The system's log: each event's type digit, a space, its text, a blank line. */
    struct wf_buf events;
    /* --computer: the other machines, the workers' monitor, Ctrl+C. */
    struct fake_machine *machines;
    size_t nmachines;
    struct fake_workers *workers;
    unsigned ctrl_c_after_ms; /* a Ctrl+C this long after the first worker starts (0: none) */
    /* DNS: the machines' names and these; this machine's interfaces' addresses. */
    const struct fake_alias *aliases;
    size_t naliases;
    const char *here_addrs;
};
/* Give the platform other machines (the array stays the test's); each
 * machine's scm hears the platform's Ctrl+C. */
void fake_platform_machines(struct fake_platform *fp, struct fake_machine *m, size_t n);
/* Press Ctrl+C now. */
void fake_platform_ctrl_c(struct fake_platform *fp);
struct fake_ctrl_c *fake_platform_ctrl(struct fake_platform *fp);
/* Give the platform UAC: pf.elevate records and answers as scripted. */
void fake_platform_uac(struct fake_platform *fp);
/* Split the arguments of a command line (after the program name) by
 * CommandLineToArgvW's documented rules, into at most `max`. */
size_t fake_split_cmdline(const char *line, char out[][256], size_t max);

/* Record the journal now in the store as one wufix wrote (the anchor). */
void fake_platform_vouch(struct fake_platform *fp);
void fake_platform_init(struct fake_platform *fp, struct fake_scm *scm, bool elevated);
void fake_platform_release(struct fake_platform *fp);
/* Run wf_main with a NULL-terminated argument list (argv[0] added). */
int fake_platform_run(struct fake_platform *fp, const char *const *args);

/* A whole-command test fixture: Windows' services on the fake, an elevated
 * platform. CMocka setup/teardown; *state is a struct fake_cli. */
struct fake_cli {
    struct fake_scm scm;
    struct fake_platform fp;
};
int fake_cli_setup(void **state);
int fake_cli_teardown(void **state);
/* Start and stop requests the fake received. */
size_t fake_scm_changes(const struct fake_scm *f);

#define FAKE_RUN(x, ...) fake_platform_run(&(x)->fp, (const char *const[]){__VA_ARGS__, NULL})
#define FAKE_OUT(x)      wf_buf_str(&(x)->fp.out)
#define FAKE_ERR(x)      wf_buf_str(&(x)->fp.err)

#endif

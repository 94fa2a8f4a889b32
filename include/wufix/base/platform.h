/* SPDX-License-Identifier: MIT */
/* platform.h - what the platform gives the core: the SCM, the machine's lock,
 * the clock, output, the journal's store and the host (registry, files). */
#ifndef WUFIX_PLATFORM_H
#define WUFIX_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "wufix/base/addr.h"
#include "wufix/base/backend.h"
#include "wufix/base/buf.h"
#include "wufix/base/err.h"
#include "wufix/base/host.h"
#include "wufix/base/out.h"

/* Where journals live (%ProgramData%\wufix\ on Windows), and what vouches
 * for them. */
struct wf_store {
    /* The journal's text; "" when there is none. WF_E_UNTRUSTED (reason in
     * `why`) when the folder it is in is not one only administrators can
     * write: nothing in it is read. WF_E_BUSY when another process holds
     * it open so that it cannot be read. */
    wf_err (*load)(void *self, struct wf_buf *out, char *why, size_t size);
    /* Replace the journal atomically (new temporary file, flush, rename). */
    wf_err (*save)(void *self, const char *data, size_t n);
    /* The anchor, kept where only administrators can write (on Windows
     * HKLM\SOFTWARE\wufix): the SHA-256 (hex) of the journal wufix wrote
     * last and of the one before it; "" for none. `closed` (may be NULL):
     * `last` was written by a run's closing save (wf_journal_close), so the
     * run it closes finished. */
    wf_err (*anchor_get)(void *self, char *last, char *before, size_t size, bool *closed);
    /* Record `last`, `before` ("" for none) and `closed` as they are, on
     * disk when it returns WF_OK: the journal it vouches for is saved after
     * it, so a power cut never keeps a journal the anchor lost. */
    wf_err (*anchor_set)(void *self, const char *last, const char *before, bool closed);
    /* Rename the journal aside (never deleted, never read again); where it
     * went, into `where`. */
    wf_err (*set_aside)(void *self, char *where, size_t size);
    void *self;
};

enum wf_event_type { WF_EVENT_INFO, WF_EVENT_WARNING, WF_EVENT_ERROR };

/* Another machine, as --computer reaches it: its SCM, its registry and
 * admin share where they answer (the host's no_registry and no_files say
 * why not), and the journal kept on this machine for it. */
struct wf_target {
    struct wf_backend backend;
    struct wf_host host;
    struct wf_store store;
    char journal_where[WF_TEXT_MAX];
    char note[WF_TEXT_MAX];        /* what the probe found that did not stop the connection, or "" */
    char no_registry[WF_TEXT_MAX]; /* why the remote registry cannot be read, or "" */
    char no_files[WF_TEXT_MAX];    /* why the admin share cannot be read, or "" */
    void *self;                    /* the platform's */
};

/* Workers for many machines: threads, and one monitor (a lock with a
 * condition) the core coordinates them with. */
struct wf_workers {
    /* Run fn(arg) on a thread of its own; nobody waits for it to end. */
    wf_err (*spawn)(void *self, void (*fn)(void *), void *arg);
    void (*lock)(void *self);
    void (*unlock)(void *self);
    /* With the lock held: give it up, sleep until woken or `ms` pass, take it again. */
    void (*wait)(void *self, uint32_t ms);
    void (*wake)(void *self);
    /* Monotonic milliseconds, real time. */
    uint64_t (*now_ms)(void *self);
    /* Ctrl+C (or the console closing) happened; stays true. */
    bool (*interrupted)(void *self);
    void *self;
};

struct wf_platform {
    /* Connect to the SCM. WF_E_ACCESS or WF_E_SYSTEM when it cannot. */
    wf_err (*open_backend)(void *self, struct wf_backend *out);
    void (*close_backend)(void *self, struct wf_backend *b);
    /* One changing wufix at a time per machine, a lock no standard user can
     * hold: WF_E_BUSY when another wufix holds it. Takes the state folder
     * first: one that is not trusted is set aside and made anew (a notice
     * in `note`); WF_E_UNTRUSTED (the reason in `note`) when that cannot be
     * done. */
    wf_err (*lock)(void *self, char *note, size_t size);
    void (*unlock)(void *self);
    /* UTC time as ISO 8601, for the journal. */
    void (*timestamp)(void *self, char *buf, size_t size);
    void *self;
    struct wf_out out;
    struct wf_store store; /* where the journal lives */
    struct wf_host host;   /* registry, files, free space */
    /* --log FILE: open it for appending (never through a link; WF_E_ACCESS,
     * WF_E_UNTRUSTED or WF_E_SYSTEM with the reason in `why`), append text,
     * close. */
    wf_err (*log_open)(void *self, const char *path, char *why, size_t size);
    void (*log_write)(void *self, const char *text, size_t n);
    void (*log_close)(void *self);
    /* Run wufix again, elevated (one UAC prompt), with `args` (UTF-8, without
     * the program): its output goes to this console (with `silent`, nowhere:
     * the caller says what happened in words of its own; Ctrl+C at the
     * console still reaches it), it reads no input, and its exit code comes
     * back in *code. WF_E_ACCESS when the user refused; WF_E_LIMIT when the
     * arguments cannot all be passed (a command line is never shortened);
     * NULL where the platform cannot. */
    wf_err (*elevate)(void *self, const char *const *args, size_t n, bool silent, int *code);
    /* One event in the system's log (on Windows the Application log, source
     * wufix) for each changing run; may be NULL. */
    void (*event)(void *self, enum wf_event_type type, const char *text);
    /* A text file the caller named (--computer @FILE), read whole as the
     * host's read_text does, after its whole path was judged (no link or
     * junction on the way, a plain disk file with one name, no pipe):
     * WF_E_UNTRUSTED and the reason in `why` otherwise. */
    wf_err (*read_caller_file)(void *self, const char *path, char *out, size_t size, char *why, size_t wsize);
    /* A new file the caller named (collect --output), its path judged as
     * read_caller_file's, made only where nothing is (never written over),
     * holding `n` bytes: WF_E_UNTRUSTED and the reason in `why` when the path
     * is refused or taken, WF_E_SYSTEM when writing failed (nothing is left
     * there then). */
    wf_err (*write_new)(void *self, const char *path, const void *data, size_t n, char *why, size_t size);
    /* Where the journal is, for people ("%ProgramData%\wufix\journal.txt"). */
    const char *journal_where;
    /* One line a person typed (the answer to a question), without its line
     * end. Only called when `interactive`. */
    wf_err (*read_line)(void *self, char *buf, size_t size);
    /* --computer: reach machine `name` (never one of this machine's own
     * names: the core runs those locally) at `addrs`, what `resolve` gave
     * (none where there is no resolve): probe their RPC and SMB ports,
     * connect to its SCM. With `change` (the command changes services) an
     * account that is not an administrator there is refused at once (5),
     * since any account may connect. May block (the core bounds it by
     * `connect_ms` on a worker). On failure the system code in *syscode
     * (11001 for a name without an address) and the details in `why`. */
    wf_err (*target_open)(void *self, const char *name, const struct wf_addrs *addrs, uint32_t connect_ms,
                          bool change, struct wf_target *t, char *why, size_t size, uint32_t *syscode);
    void (*target_close)(void *self, struct wf_target *t);
    /* --computer: the addresses DNS alone gives `name`, asked once per
     * machine: one machine named twice is reached once, at them.
     * WF_E_UNREACHABLE and the system code (11001) when DNS has none. May
     * block (the core bounds it by the connect deadline on a worker). NULL:
     * machines are told apart by name only. */
    wf_err (*resolve)(void *self, const char *name, struct wf_addrs *out, uint32_t *syscode);
    /* This machine's own addresses, as Windows lists its interfaces'; may
     * be NULL. 127.0.0.1 and ::1 count as this machine's in any case. */
    void (*local_addrs)(void *self, struct wf_addrs *out);
    struct wf_workers workers;
    const char *computer;     /* this machine's name */
    const char *computer_dns; /* and its DNS name (host.domain), or NULL */
    uint32_t pid;
    bool elevated;    /* the process runs with administrator rights */
    bool interactive; /* standard input and output are a console: a person can answer */
    bool alone;       /* the console is this process's alone (a double-click): it closes when wufix ends */
    bool relaunched;  /* the elevated half of a relaunch: it never relaunches again */
};

/* Ask a person at the console: `question` then " [Y/n] " (Enter means yes)
 * or " [y/N] ", on stream s; y or yes (any case) goes on. Anything else, or
 * nothing to read, says "Nothing was changed." and returns false. Only for
 * an interactive platform. */
bool wf_platform_ask(const struct wf_platform *pf, enum wf_stream s, const char *question, bool default_yes);

#endif

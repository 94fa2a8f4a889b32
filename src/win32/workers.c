/* SPDX-License-Identifier: MIT */
/* workers.c - threads and a monitor for --computer's workers.
 *
 * A worker waits for its services alertably, as the main thread does, so a
 * Ctrl+C reaches it by an APC; the threads are kept in a list for that. A
 * thread whose machine never answered may still be inside the system when
 * wufix ends: nobody waits for it, and it acts on nothing when it wakes. */
#include <windows.h>

#include <stdlib.h>

#include "scm.h"
#include "workers.h"

#define THREADS_MAX 4200 /* machines at most, and a few */

struct thread {
    HANDLE h;
    DWORD id;
};

struct spawned {
    void (*fn)(void *);
    void *arg;
};

static CRITICAL_SECTION monitor;
static CONDITION_VARIABLE changed = CONDITION_VARIABLE_INIT;
static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static SRWLOCK list_lock = SRWLOCK_INIT;
static struct thread threads[THREADS_MAX];
static size_t nthreads;

static BOOL CALLBACK init(PINIT_ONCE o, PVOID p, PVOID *ctx)
{
    (void)o;
    (void)p;
    (void)ctx;
    InitializeCriticalSection(&monitor);
    return TRUE;
}

static VOID CALLBACK nothing(ULONG_PTR arg)
{
    (void)arg;
}

static void forget(DWORD id)
{
    AcquireSRWLockExclusive(&list_lock);
    for (size_t i = 0; i < nthreads; i++)
        if (threads[i].id == id) {
            CloseHandle(threads[i].h);
            threads[i] = threads[--nthreads];
            break;
        }
    ReleaseSRWLockExclusive(&list_lock);
}

static DWORD WINAPI trampoline(LPVOID arg)
{
    struct spawned sp = *(struct spawned *)arg;
    free(arg);
    sp.fn(sp.arg);
    forget(GetCurrentThreadId());
    return 0;
}

static wf_err w_spawn(void *self, void (*fn)(void *), void *arg)
{
    (void)self;
    struct spawned *sp = malloc(sizeof(*sp));
    DWORD id = 0;
    if (!sp)
        return WF_E_NOMEM;
    sp->fn = fn;
    sp->arg = arg;
    AcquireSRWLockExclusive(&list_lock);
    HANDLE h = nthreads < THREADS_MAX ? CreateThread(NULL, 0, trampoline, sp, CREATE_SUSPENDED, &id) : NULL;
    if (h) {
        threads[nthreads].h = h;
        threads[nthreads].id = id;
        nthreads++;
    }
    ReleaseSRWLockExclusive(&list_lock);
    if (!h) {
        free(sp);
        return WF_E_SYSTEM;
    }
    ResumeThread(h);
    return WF_OK;
}

static void w_lock(void *self)
{
    (void)self;
    EnterCriticalSection(&monitor);
}

static void w_unlock(void *self)
{
    (void)self;
    LeaveCriticalSection(&monitor);
}

static void w_wait(void *self, uint32_t ms)
{
    (void)self;
    SleepConditionVariableCS(&changed, &monitor, ms);
}

static void w_wake(void *self)
{
    (void)self;
    WakeAllConditionVariable(&changed);
}

static uint64_t w_now(void *self)
{
    (void)self;
    return GetTickCount64();
}

static bool w_interrupted(void *self)
{
    (void)self;
    return wf_scm_interrupts() > 0;
}

void wf_win_workers_init(struct wf_workers *w)
{
    InitOnceExecuteOnce(&once, init, NULL, NULL);
    w->spawn = w_spawn;
    w->lock = w_lock;
    w->unlock = w_unlock;
    w->wait = w_wait;
    w->wake = w_wake;
    w->now_ms = w_now;
    w->interrupted = w_interrupted;
    w->self = NULL;
}

void wf_win_workers_wake_all(void)
{
    AcquireSRWLockShared(&list_lock);
    for (size_t i = 0; i < nthreads; i++)
        QueueUserAPC(nothing, threads[i].h, 0);
    ReleaseSRWLockShared(&list_lock);
    WakeAllConditionVariable(&changed);
}

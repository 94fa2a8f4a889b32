/* SPDX-License-Identifier: MIT */
/* ssp.c - the stack protector's guard and its failure, for GCC and clang.
 *
 * -fstack-protector-strong makes each function with an array on its stack
 * compare __stack_chk_guard on return and call __stack_chk_fail when it
 * changed; _FORTIFY_SOURCE's checked copies call __chk_fail on an overflow.
 * mingw-w64's libssp defines the three in one object whose constructor seeds
 * the guard through CryptAcquireContextA and CryptGenRandom: every run then
 * loads the CryptoAPI's provider (rsaenh.dll, and under Wine crypt32, user32
 * and gdi32 with it) before main, for eight bytes. Defined here, in the exe
 * itself, the linker takes these and never pulls libssp's object in (its
 * checked copies still come from libssp, and call the __chk_fail below).
 *
 * The seed is RtlGenRandom (exported by ADVAPI32 as SystemFunction036,
 * Microsoft Learn: "RtlGenRandom function (ntsecapi.h)"), the system's
 * random number generator, with no provider to load. Should it fail, the
 * seed is what MSVC's /GS cookie is made of (the time, the process and
 * thread IDs, the performance counter) and an address of the stack (ASLR).
 *
 * A changed guard ends the process at once, as /GS does: __fastfail with
 * FAST_FAIL_STACK_COOKIE_CHECK_FAILURE (winnt.h: 2; on x64 the intrinsic is
 * "int 0x29" with the code in RCX, Microsoft Learn "__fastfail", written
 * out here because mingw-w64's winnt.h leaves it undeclared), which Windows reports
 * as STATUS_STACK_BUFFER_OVERRUN (0xC0000409) and which no exception
 * handler of the process can catch. Where __fastfail is not available (before
 * Windows 8), the same status by TerminateProcess. Nothing is printed: the
 * stack can no longer be trusted. MSVC has /GS and none of
 * this: the build gives this file to GCC and clang only. */

#include <windows.h>

#include <stdint.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

/* Not zero before the seed: a guard of zero would match a zeroed stack. */
uintptr_t __stack_chk_guard = (uintptr_t)0x2F8A5E31C6D74B09ULL;

__attribute__((noreturn)) void __stack_chk_fail(void);
__attribute__((noreturn)) void __chk_fail(void);

__attribute__((noreturn)) void __stack_chk_fail(void)
{
    if (IsProcessorFeaturePresent(PF_FASTFAIL_AVAILABLE))
        __asm__ volatile("int $0x29" : : "c"(FAST_FAIL_STACK_COOKIE_CHECK_FAILURE) : "memory");
    TerminateProcess(GetCurrentProcess(), (UINT)STATUS_STACK_BUFFER_OVERRUN);
    __builtin_unreachable();
}

__attribute__((noreturn)) void __chk_fail(void)
{
    __stack_chk_fail();
}

/* First of the constructors (101: the earliest a program may ask), before
 * main and before any function that could return through a guarded frame
 * runs with the guard it was entered with. It has no array, so it is not
 * guarded itself. */
__attribute__((constructor(101))) static void seed_guard(void)
{
    uintptr_t g = 0;
    if (!SystemFunction036(&g, sizeof(g)) || g == 0) {
        FILETIME t;
        LARGE_INTEGER qpc;
        GetSystemTimeAsFileTime(&t);
        QueryPerformanceCounter(&qpc);
        g = ((uintptr_t)t.dwHighDateTime << 32 | t.dwLowDateTime) ^ GetCurrentProcessId() ^
            (uintptr_t)GetCurrentThreadId() << 16 ^ (uintptr_t)qpc.QuadPart ^ (uintptr_t)&g;
    }
    if (g != 0)
        __stack_chk_guard = g;
}

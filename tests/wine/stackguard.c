/* SPDX-License-Identifier: MIT */
/* stackguard.c - wufix's stack guard (src/win32/ssp.c) seen from a program
 * built as wufix.exe is (-fstack-protector-strong, _FORTIFY_SOURCE):
 *   stackguard guard      print the guard as the program runs with it
 *   stackguard fine       a guarded function that stays in its buffer: exit 0
 *   stackguard overflow   one that writes past it: the process ends with
 *                         STATUS_STACK_BUFFER_OVERRUN before it returns */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

extern uintptr_t __stack_chk_guard;

static volatile size_t reach; /* what the compiler cannot see through */

static __attribute__((noinline)) int fill(size_t n)
{
    char buf[16] = {0};
    for (size_t i = 0; i < n; i++) {
        /* Past the end on purpose when n > 16: what the guard must catch. */
        /* cppcheck-suppress arrayIndexOutOfBounds */
        buf[i] = (char)('a' + i % 26);
    }
    return buf[n % 16];
}

int wmain(int argc, wchar_t **argv);

int wmain(int argc, wchar_t **argv)
{
    if (argc == 2 && !wcscmp(argv[1], L"guard")) {
        printf("%016llx\n", (unsigned long long)__stack_chk_guard);
        return 0;
    }
    if (argc == 2 && !wcscmp(argv[1], L"fine")) {
        reach = 16;
        return fill(reach) == 'a' ? 0 : 1;
    }
    if (argc == 2 && !wcscmp(argv[1], L"overflow")) {
        reach = 64;
        printf("returned %d\n", fill(reach));
        return 0;
    }
    return 2;
}

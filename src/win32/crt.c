/* SPDX-License-Identifier: MIT */
/* crt.c - a part of mingw-w64's C runtime start that this exe has no use for.
 *
 * Before main, mingw-w64's start code calls _pei386_runtime_relocator, which
 * applies "runtime pseudo relocations": fix-ups the linker leaves when code
 * reaches data in a DLL without dllimport. wufix declares every import
 * dllimport (the Windows and C library headers do) and is linked with
 * -mcmodel=small and --disable-runtime-pseudo-reloc, so the linker refuses
 * to make any: the list is empty, and the relocator (with VirtualQuery,
 * VirtualProtect and its own error messages) would walk an empty list.
 * Defined here, in the exe, the linker takes this one and not the runtime's
 * (1.2 KB less). The build gives this file to GCC and clang only. */
void _pei386_runtime_relocator(void);

void _pei386_runtime_relocator(void)
{
}

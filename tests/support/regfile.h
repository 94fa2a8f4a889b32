/* SPDX-License-Identifier: MIT */
/* regfile.h - a Registry Editor file (.reg, "Windows Registry Editor
 * Version 5.00") loaded into the fake: whole machines as public tools leave
 * them, from the tools' own .reg files. */
#ifndef WUFIX_TEST_REGFILE_H
#define WUFIX_TEST_REGFILE_H

#include <stddef.h>
#include <stdint.h>

#include "fake_scm.h"

/* Loads `text` (UTF-8) into `f`: each [HKEY_LOCAL_MACHINE\...] section's
 * values ("name"=, @=; "string", dword:, hex:, hex(2): and hex(7): as
 * UTF-16LE, - deleting it, lines continued with '\', ';' comments). A service key's Start
 * also sets that service's start type in the fake's SCM, as the SCM reads
 * it when Windows starts. The number of values loaded; -1 with `why` set for
 * a line it does not read (another hive, a deletion, an unknown type). */
int fake_reg_load(struct fake_scm *f, const char *text, char *why, size_t size);

/* The same from a file under tests/fixtures. */
int fake_reg_load_file(struct fake_scm *f, const char *name, char *why, size_t size);

/* Applies a Registry.pol's entries whose key begins with `under` to `f`'s
 * HKLM, in order, as Group Policy's registry extension does: values set
 * (DWORD, string), **del.NAME and **DelVals deleting, other ** names
 * setting nothing. The number applied; -1 with `why` set for bytes that
 * are not a Registry.pol or a value it does not load. */
int fake_pol_apply(struct fake_scm *f, const uint8_t *b, size_t n, const char *under, char *why, size_t size);

/* A file under tests/fixtures, whole (at most 64 KiB; four kept at once);
 * NULL when it cannot be read. */
const uint8_t *fake_fixture_bytes(const char *name, size_t *n);

/* A file under tests/fixtures, its bytes whole and a NUL after them (free
 * it); NULL when it cannot be read. */
char *fake_fixture(const char *name, size_t *n);

#endif

/* SPDX-License-Identifier: MIT */
/* regfile.h - a Registry Editor file (.reg, "Windows Registry Editor
 * Version 5.00") loaded into the fake: whole machines as public tools leave
 * them, from the tools' own .reg files. */
#ifndef WUFIX_TEST_REGFILE_H
#define WUFIX_TEST_REGFILE_H

#include <stddef.h>

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

/* A file under tests/fixtures, its bytes whole and a NUL after them (free
 * it); NULL when it cannot be read. */
char *fake_fixture(const char *name, size_t *n);

#endif

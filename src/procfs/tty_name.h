/* SPDX-License-Identifier: Apache-2.0 */
/* The name of a terminal from its device number, as ps prints it (pts/0, tty1, ttyS0). */
#ifndef SYSRAY_PROCFS_TTY_NAME_H
#define SYSRAY_PROCFS_TTY_NAME_H

#include <stddef.h>

/* Writes the name of TTY_NR (stat field 7) into BUF; "?" when there is no terminal. */
const char *tty_name(int tty_nr, char *buf, size_t size);

#endif

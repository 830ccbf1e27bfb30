/* SPDX-License-Identifier: Apache-2.0 */
/* sysdig's names for the values of flag and enum parameters (the event table's "info"
 * column: file_flags, prot_flags, ...), in sysdig 0.29's table order, which decides the order
 * names are printed in. */
#ifndef SYSRAY_FORMAT_FLAGS_H
#define SYSRAY_FORMAT_FLAGS_H

#include <stdint.h>

struct flag_name {
	const char *name;
	uint32_t value;
};

/* The table called NAME, terminated by a NULL name; NULL when we have no such table. */
const struct flag_name *flag_table(const char *name);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* Terminal names from device numbers (Documentation/admin-guide/devices.txt). */
#include <stdio.h>

#include "procfs/tty_name.h"

const char *tty_name(int tty_nr, char *buf, size_t size)
{
	/* tty_nr is encoded like new_encode_dev(): minor in bits 0-7 and 20-31, major 8-19. */
	unsigned int major = ((unsigned int)tty_nr >> 8) & 0xfff;
	unsigned int minor =
		((unsigned int)tty_nr & 0xff) | (((unsigned int)tty_nr >> 12) & 0xfff00);
	if (tty_nr == 0)
		snprintf(buf, size, "?");
	else if (major >= 136 && major <= 143)	/* Unix98 pty slaves */
		snprintf(buf, size, "pts/%u", (major - 136) * 256 + minor);
	else if (major == 4 && minor < 64)	/* virtual consoles */
		snprintf(buf, size, "tty%u", minor);
	else if (major == 4)			/* 8250 serial ports start at minor 64 */
		snprintf(buf, size, "ttyS%u", minor - 64);
	else if (major == 5 && minor == 0)
		snprintf(buf, size, "tty");
	else if (major == 5 && minor == 1)
		snprintf(buf, size, "console");
	else if (major == 229)			/* hypervisor consoles */
		snprintf(buf, size, "hvc%u", minor);
	else
		snprintf(buf, size, "%u,%u", major, minor);
	return buf;
}

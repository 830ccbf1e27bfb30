/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Request names built from the fields of the number, for the families whose requests
 * carry a length or an index in them (EVIOCGNAME(len), MIXER_READ(channel) ...).
 */
#include <stdio.h>

#include "trace/decode/ioctl_impl.h"

/* evdev: requests that read LEN bytes of a name or bitmap (linux/input.h). */
static const char *evdev_len_name(uint32_t nr)
{
	switch (nr) {
	case 0x06: return "EVIOCGNAME";
	case 0x07: return "EVIOCGPHYS";
	case 0x08: return "EVIOCGUNIQ";
	case 0x09: return "EVIOCGPROP";
	case 0x0a: return "EVIOCGMTSLOTS";
	case 0x18: return "EVIOCGKEY";
	case 0x19: return "EVIOCGLED";
	case 0x1a: return "EVIOCGSND";
	case 0x1b: return "EVIOCGSW";
	}
	return NULL;
}

/* hiddev (linux/hiddev.h, linux/hidraw.h): by direction and number. */
static const char *hid_len_name(uint32_t dir, uint32_t nr)
{
	if (dir == IOC_DIR_READ) {
		switch (nr) {
		case 0x04: return "HIDIOCGRAWNAME";
		case 0x05: return "HIDIOCGRAWPHYS";
		case 0x06: return "HIDIOCSFEATURE";
		case 0x08: return "HIDIOCGRAWUNIQ";
		case 0x12: return "HIDIOCGPHYS";
		}
	} else if (dir == (IOC_DIR_READ | IOC_DIR_WRITE)) {
		switch (nr) {
		case 0x06: return "HIDIOCSFEATURE";
		case 0x07: return "HIDIOCGFEATURE";
		}
	}
	return NULL;
}

static size_t with_number(char *buf, size_t n, const char *name, uint32_t v)
{
	int len = snprintf(buf, n, "%s(%u)", name, v);
	return len < 0 ? 0 : (size_t)len;
}

size_t sprint_ioctl_number(char *buf, size_t n, uint32_t code)
{
	uint32_t dir = IOC_DIR(code), nr = IOC_NR(code), size = IOC_SIZE(code);
	const char *name = NULL;

	buf[0] = 0;
	switch (IOC_TYPE(code)) {
	case '!':
		if (code == IOC_CODE(IOC_DIR_READ, '!', 2, 8))
			return (size_t)snprintf(buf, n, "SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR");
		return 0;
	case 'E':
		if (dir == IOC_DIR_READ && (name = evdev_len_name(nr)))
			return with_number(buf, n, name, size);
		return 0;
	case 'H':
		if ((name = hid_len_name(dir, nr)))
			return with_number(buf, n, name, size);
		return 0;
	case 'M':
		if (dir == IOC_DIR_WRITE)
			return with_number(buf, n, "MIXER_WRITE", nr);
		if (dir == IOC_DIR_READ)
			return with_number(buf, n, "MIXER_READ", nr);
		return 0;
	case 'U':
		if (dir == IOC_DIR_READ && nr == 0x2c)
			return with_number(buf, n, "UI_GET_SYSNAME", size);
		return 0;
	case 'j':
		if (dir == IOC_DIR_READ && nr == 0x13)
			return with_number(buf, n, "JSIOCGNAME", size);
		return 0;
	case 'k':
		if (dir == IOC_DIR_WRITE && nr == 0)
			return with_number(buf, n, "SPI_IOC_MESSAGE", size);
		return 0;
	}
	return 0;
}

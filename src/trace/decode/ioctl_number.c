/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Request names built from the fields of the number, for the families whose requests
 * carry a length or an index in them (EVIOCGNAME(len), MIXER_READ(channel) ...).
 */
#include <stdio.h>

#include "trace/decode/ioctl_evdev.h"
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

/*
 * A code named by X inside a request name: "ABS_X"; unknown, "0xe /\* ABS_??? *\/", or
 * only "0xe" when the whole name is itself in a comment (-X verbose).
 */
static const char *code_name(char *buf, size_t n, const struct xlat *x, uint32_t v,
			     const char *dflt, bool in_comment)
{
	const char *name = xlat_lookup(x, v);
	if (name)
		snprintf(buf, n, "%s", name);
	else if (in_comment)
		snprintf(buf, n, "%#x", v);
	else
		snprintf(buf, n, "%#x /* %s */", v, dflt);
	return buf;
}

/* evdev (linux/input.h): the axis of EVIOC[GS]ABS, the event type of EVIOCGBIT. */
static size_t evdev_number(char *buf, size_t n, uint32_t code, bool in_comment)
{
	uint32_t dir = IOC_DIR(code), nr = IOC_NR(code), size = IOC_SIZE(code);
	const char *name = NULL;
	char sub[64];

	if (dir == IOC_DIR_WRITE && nr >= 0xc0 && nr <= 0xc0 + 0x3f)
		return (size_t)snprintf(buf, n, "EVIOCSABS(%s)",
					code_name(sub, sizeof(sub), &evdev_abs, nr - 0xc0,
						  "ABS_???", in_comment));
	if (dir != IOC_DIR_READ)
		return 0;
	if (nr >= 0x20 && nr <= 0x20 + 0x1f)
		return (size_t)snprintf(buf, n, "EVIOCGBIT(%s, %u)",
					nr == 0x20 ? "0" : code_name(sub, sizeof(sub), &evdev_ev,
								     nr - 0x20, "EV_???",
								     in_comment),
					size);
	if (nr >= 0x40 && nr <= 0x40 + 0x3f)
		return (size_t)snprintf(buf, n, "EVIOCGABS(%s)",
					code_name(sub, sizeof(sub), &evdev_abs, nr - 0x40,
						  "ABS_???", in_comment));
	if ((name = evdev_len_name(nr)))
		return with_number(buf, n, name, size);
	return 0;
}

size_t sprint_ioctl_number(char *buf, size_t n, uint32_t code, bool in_comment)
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
		return evdev_number(buf, n, code, in_comment);
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

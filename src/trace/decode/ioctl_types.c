/* SPDX-License-Identifier: Apache-2.0 */
/* Which family decodes the argument of an ioctl request: by the request's type byte. */
#include "trace/decode/ioctl_impl.h"

int ioctl_decode_arg(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (IOC_TYPE(code)) {
	case 0x03:
		return hdio_ioctl(sc, code, arg);
	case 0x22:
		return scsi_ioctl(sc, code, arg);
	case '!':
		return seccomp_ioctl(sc, code, arg);
	case 0x89:
		return sock_ioctl(sc, code, arg);
	case 0xfd:
		return dm_ioctl(sc, code, arg);
	case 0xa4:
		return tee_ioctl(sc, code, arg);
	case 0x12:
		return block_ioctl(sc, code, arg);
	case '$':
		return perf_ioctl(sc, code, arg);
	case '=':
		return ptp_ioctl(sc, code, arg);
	case '>':
		return counter_ioctl(sc, code, arg);
	case 'E':
		return evdev_ioctl(sc, code, arg);
	case 'I':
		return inotify_ioctl(sc, code, arg);
	case 'K':
		return kd_ioctl(sc, code, arg);
	case 'L':
		return loop_ioctl(sc, code, arg);
	case 'M':
		return mtd_ioctl(sc, code, arg);
	case 'i':
		return lirc_ioctl(sc, code, arg);
	case 'O':
	case 'o':
		return ubi_ioctl(sc, code, arg);
	case 'R':
		return random_ioctl(sc, code, arg);
	case 'T':
		return term_ioctl(sc, code, arg);
	case 'V':
		return v4l2_ioctl(sc, code, arg);
	case 'W':
		return watchdog_ioctl(sc, code, arg);
	case 'X':
		return fs_x_ioctl(sc, code, arg);
	case 'f':
		return fs_f_ioctl(sc, code, arg);
	case 'p':
		return rtc_ioctl(sc, code, arg);
	case 0x94:
		return fs_94_ioctl(sc, code, arg);
	case 0xb4:
		return gpio_ioctl(sc, code, arg);
	case 0xaa:
		return uffdio_ioctl(sc, code, arg);
	case 0xab:
		return nbd_ioctl(sc, code, arg);
	case 0xb7:
		return nsfs_ioctl(sc, code, arg);
	}
	/* A request of no known family: its argument prints in hex at exit. */
	return IOC_LATER;
}

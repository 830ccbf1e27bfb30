/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the ioctl decoders share: the fields of a request number, and the contract of
 * the per-family argument decoders (decode/ioctl_*.c) with decode_ioctl.
 */
#ifndef SYSRAY_TRACE_DECODE_IOCTL_IMPL_H
#define SYSRAY_TRACE_DECODE_IOCTL_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/decode.h"

/* The fields of a request number (asm-generic/ioctl.h). */
#define IOC_NR(c) ((c) & 0xff)
#define IOC_TYPE(c) (((c) >> 8) & 0xff)
#define IOC_SIZE(c) (((c) >> 16) & 0x3fff)
#define IOC_DIR(c) (((c) >> 30) & 3)
#define IOC_DIR_NONE 0u
#define IOC_DIR_WRITE 1u
#define IOC_DIR_READ 2u
#define IOC_CODE(dir, type, nr, size) \
	(((uint32_t)(dir) << 30) | ((uint32_t)(size) << 16) | ((uint32_t)(type) << 8) | (nr))

/*
 * What an argument decoder returns, called at entry and (after IOC_LATER) at exit:
 * IOC_ARG_DONE when it printed the argument, or printed nothing because the request
 * takes none; IOC_ARG_HEX when the argument is not decoded and prints in hex now;
 * IOC_LATER at entry to be called again at exit (at exit it means IOC_ARG_HEX). The
 * low bits may carry the result format (RV_FD, RV_AUX ...).
 */
enum {
	IOC_LATER = 0,
	IOC_ARG_HEX = 1 << 8,
	IOC_ARG_DONE = 1 << 9,
	IOC_RESULT_MASK = 0xff,
};

typedef int ioctl_arg_fn(struct sc *sc, uint32_t code, uint64_t arg);

/* The argument of request CODE by its family (decode/ioctl_types.c). */
int ioctl_decode_arg(struct sc *sc, uint32_t code, uint64_t arg);

/*
 * Names strace builds from the fields of a number ("MIXER_READ(17)", "EVIOCGABS(ABS_X)")
 * written into BUF, IN_COMMENT when the name is printed in a comment (-X verbose);
 * returns the length, 0 when the number has no such name (decode/ioctl_number.c).
 */
size_t sprint_ioctl_number(char *buf, size_t n, uint32_t code, bool in_comment);

/* Families (decode/ioctl.c). */
ioctl_arg_fn term_ioctl;
/* decode/ioctl_fs.c */
ioctl_arg_fn fs_x_ioctl, fs_f_ioctl, fs_94_ioctl;
/* decode/ioctl_misc.c */
ioctl_arg_fn random_ioctl, watchdog_ioctl, inotify_ioctl, counter_ioctl, nsfs_ioctl,
	nbd_ioctl, perf_ioctl;
/* decode/ioctl_kd.c */
ioctl_arg_fn kd_ioctl;
/* decode/ioctl_v4l2.c */
ioctl_arg_fn v4l2_ioctl;
/* decode/ioctl_hdio.c */
ioctl_arg_fn hdio_ioctl;
/* decode/ioctl_evdev.c */
ioctl_arg_fn evdev_ioctl;
/* decode/ioctl_gpio.c */
ioctl_arg_fn gpio_ioctl;
/* decode/ioctl_ptp.c */
ioctl_arg_fn ptp_ioctl;
/* decode/ioctl_rtc.c */
ioctl_arg_fn rtc_ioctl;
/* decode/ioctl_loop.c */
ioctl_arg_fn loop_ioctl;
/* decode/ioctl_ubi.c */
ioctl_arg_fn ubi_ioctl;
/* decode/ioctl_mtd.c */
ioctl_arg_fn mtd_ioctl;
/* decode/ioctl_block.c */
ioctl_arg_fn block_ioctl;
/* decode/ioctl_scsi.c */
ioctl_arg_fn scsi_ioctl;
/* decode/ioctl_sg_io.c */
ioctl_arg_fn sg_io_ioctl;
/* decode/ioctl_lirc.c */
ioctl_arg_fn lirc_ioctl;
/* decode/ioctl_uffdio.c */
ioctl_arg_fn uffdio_ioctl;
/* decode/ioctl_seccomp.c */
ioctl_arg_fn seccomp_ioctl;
/* decode/ioctl_sock.c */
ioctl_arg_fn sock_ioctl;
/* decode/ioctl_dm.c */
ioctl_arg_fn dm_ioctl;
/* decode/ioctl_tee.c */
ioctl_arg_fn tee_ioctl;

#endif

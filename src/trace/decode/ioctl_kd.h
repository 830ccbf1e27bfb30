/* SPDX-License-Identifier: Apache-2.0 */
/* What the kd decoders share (decode/ioctl_kd*.c). */
#ifndef SYSRAY_TRACE_DECODE_IOCTL_KD_H
#define SYSRAY_TRACE_DECODE_IOCTL_KD_H

#include "trace/decode/ioctl_impl.h"

/* KDGKBENT, KDSKBENT and KDGKBSENT, KDSKBSENT (decode/ioctl_kd_keys.c). */
ioctl_arg_fn kbent_ioctl, kbsent_ioctl;

#endif

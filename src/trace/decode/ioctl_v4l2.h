/* SPDX-License-Identifier: Apache-2.0 */
/* What the v4l2 decoders share (decode/ioctl_v4l2*.c). */
#ifndef SYSRAY_TRACE_DECODE_IOCTL_V4L2_H
#define SYSRAY_TRACE_DECODE_IOCTL_V4L2_H

#include <stdbool.h>
#include <linux/videodev2.h>

#include "trace/decode/ioctl_impl.h"

/* V4L2_BUF_TYPE_VIDEO_CAPTURE ...: what a buffer or format is for (decode/ioctl_v4l2.c). */
extern const struct xlat v4l2_buf_types;

/* A struct v4l2_fract field: numerator/denominator. */
void print_fract(struct pr *p, const char *name, const struct v4l2_fract *f);

/*
 * Where a struct goes on at exit: after what entry printed (a G_ request), or as
 * " => {...}" (an S_ request). False when the call failed or the struct is unreadable:
 * the struct entry opened is closed.
 */
bool v4l2_exit_part(struct sc *sc, uint64_t arg, void *buf, size_t size, bool get);

/* V4L2_PIX_FMT_YUYV ...: the pixel formats by their four-character code. */
extern const struct xlat v4l2_pix_fmts;

/* VIDIOC_ENUM_FMT, VIDIOC_ENUM_FRAMESIZES, VIDIOC_ENUM_FRAMEINTERVALS (ioctl_v4l2_fmts.c). */
ioctl_arg_fn enum_fmt_ioctl, framesizes_ioctl, frameintervals_ioctl;

#endif

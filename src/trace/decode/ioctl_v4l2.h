/* SPDX-License-Identifier: Apache-2.0 */
/* What the v4l2 decoders share (decode/ioctl_v4l2*.c). */
#ifndef SYSRAY_TRACE_DECODE_IOCTL_V4L2_H
#define SYSRAY_TRACE_DECODE_IOCTL_V4L2_H

#include "schema/xlat.h"

/* V4L2_PIX_FMT_YUYV ...: the pixel formats by their four-character code. */
extern const struct xlat v4l2_pix_fmts;

#endif

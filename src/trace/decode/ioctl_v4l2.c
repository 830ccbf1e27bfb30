/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the video requests of linux/videodev2.h (type 'V'). strace decodes the argument
 * of the capture and control requests below; every other one, named or not, prints in hex.
 */
#include <linux/videodev2.h>

#include "trace/decode/ioctl_impl.h"

/* The requests whose argument strace decodes (a struct behind the pointer). */
static const uint32_t v4l2_decoded[] = {
	VIDIOC_QUERYCAP, VIDIOC_ENUM_FMT, VIDIOC_G_FMT, VIDIOC_S_FMT, VIDIOC_TRY_FMT,
	VIDIOC_REQBUFS, VIDIOC_QUERYBUF, VIDIOC_QBUF, VIDIOC_DQBUF, VIDIOC_G_FBUF,
	VIDIOC_S_FBUF, VIDIOC_STREAMON, VIDIOC_STREAMOFF, VIDIOC_G_PARM, VIDIOC_S_PARM,
	VIDIOC_G_STD, VIDIOC_S_STD, VIDIOC_ENUMSTD, VIDIOC_ENUMINPUT, VIDIOC_G_CTRL,
	VIDIOC_S_CTRL, VIDIOC_G_TUNER, VIDIOC_S_TUNER, VIDIOC_QUERYCTRL, VIDIOC_QUERY_EXT_CTRL,
	VIDIOC_G_INPUT, VIDIOC_S_INPUT, VIDIOC_CROPCAP, VIDIOC_G_CROP, VIDIOC_S_CROP,
	VIDIOC_S_EXT_CTRLS, VIDIOC_TRY_EXT_CTRLS, VIDIOC_G_EXT_CTRLS, VIDIOC_ENUM_FRAMESIZES,
	VIDIOC_ENUM_FRAMEINTERVALS, VIDIOC_CREATE_BUFS,
};

/*
 * The structs of the decoded requests are not printed yet: their pointer prints as strace
 * prints it when it cannot read the struct (NULL, 0x7ffd...).
 */
int v4l2_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	for (size_t i = 0; i < sizeof(v4l2_decoded) / sizeof(v4l2_decoded[0]); i++) {
		if (v4l2_decoded[i] == code) {
			print_addr(sc, arg);
			return IOC_ARG_DONE;
		}
	}
	return IOC_ARG_HEX;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the video requests of linux/videodev2.h (type 'V'). strace decodes the argument
 * of the capture and control requests listed below, and none at all with -e verbose=none;
 * every other request, named or not, prints its argument in hex.
 */
#include <linux/videodev2.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(v4l2_buf_types,
	XLAT_PAIR(V4L2_BUF_TYPE_VIDEO_CAPTURE), XLAT_PAIR(V4L2_BUF_TYPE_VIDEO_OUTPUT),
	XLAT_PAIR(V4L2_BUF_TYPE_VIDEO_OVERLAY), XLAT_PAIR(V4L2_BUF_TYPE_VBI_CAPTURE),
	XLAT_PAIR(V4L2_BUF_TYPE_VBI_OUTPUT), XLAT_PAIR(V4L2_BUF_TYPE_SLICED_VBI_CAPTURE),
	XLAT_PAIR(V4L2_BUF_TYPE_SLICED_VBI_OUTPUT), XLAT_PAIR(V4L2_BUF_TYPE_VIDEO_OUTPUT_OVERLAY),
	XLAT_PAIR(V4L2_BUF_TYPE_VIDEO_CAPTURE_MPLANE),
	XLAT_PAIR(V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE), XLAT_PAIR(V4L2_BUF_TYPE_SDR_CAPTURE),
	XLAT_PAIR(V4L2_BUF_TYPE_SDR_OUTPUT), XLAT_PAIR(V4L2_BUF_TYPE_META_CAPTURE),
	XLAT_PAIR(V4L2_BUF_TYPE_META_OUTPUT));
STATIC_XLAT(v4l2_memories,
	XLAT_PAIR(V4L2_MEMORY_MMAP), XLAT_PAIR(V4L2_MEMORY_USERPTR), XLAT_PAIR(V4L2_MEMORY_OVERLAY),
	XLAT_PAIR(V4L2_MEMORY_DMABUF));
STATIC_XLAT(v4l2_caps,
	XLAT_PAIR(V4L2_CAP_VIDEO_CAPTURE), XLAT_PAIR(V4L2_CAP_VIDEO_OUTPUT),
	XLAT_PAIR(V4L2_CAP_VIDEO_OVERLAY), XLAT_PAIR(V4L2_CAP_VBI_CAPTURE),
	XLAT_PAIR(V4L2_CAP_VBI_OUTPUT), XLAT_PAIR(V4L2_CAP_SLICED_VBI_CAPTURE),
	XLAT_PAIR(V4L2_CAP_SLICED_VBI_OUTPUT), XLAT_PAIR(V4L2_CAP_RDS_CAPTURE),
	XLAT_PAIR(V4L2_CAP_VIDEO_OUTPUT_OVERLAY), XLAT_PAIR(V4L2_CAP_HW_FREQ_SEEK),
	XLAT_PAIR(V4L2_CAP_RDS_OUTPUT), XLAT_PAIR(V4L2_CAP_VIDEO_CAPTURE_MPLANE),
	XLAT_PAIR(V4L2_CAP_VIDEO_OUTPUT_MPLANE), XLAT_PAIR(V4L2_CAP_VIDEO_M2M_MPLANE),
	XLAT_PAIR(V4L2_CAP_VIDEO_M2M), XLAT_PAIR(V4L2_CAP_TUNER), XLAT_PAIR(V4L2_CAP_AUDIO),
	XLAT_PAIR(V4L2_CAP_RADIO), XLAT_PAIR(V4L2_CAP_MODULATOR), XLAT_PAIR(V4L2_CAP_SDR_CAPTURE),
	XLAT_PAIR(V4L2_CAP_EXT_PIX_FORMAT), XLAT_PAIR(V4L2_CAP_SDR_OUTPUT),
	XLAT_PAIR(V4L2_CAP_META_CAPTURE), XLAT_PAIR(V4L2_CAP_READWRITE),
	XLAT_PAIR(V4L2_CAP_ASYNCIO), XLAT_PAIR(V4L2_CAP_STREAMING),
	XLAT_PAIR(V4L2_CAP_META_OUTPUT), XLAT_PAIR(V4L2_CAP_TOUCH),
	XLAT_PAIR(V4L2_CAP_DEVICE_CAPS));

/*
 * VIDIOC_QUERYCAP, at exit: the names, the version, the capabilities, and the device's
 * own capabilities when the driver sets them.
 */
static int querycap_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_capability c;
	struct pr *p = sc->p;
	(void)code;

	if (!sc->exiting)
		return IOC_LATER;
	if (!fetch_or_print_addr(sc, arg, &c, sizeof(c)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "driver");
	ioc_print_cstr(p, (const char *)c.driver, sizeof(c.driver));
	pr_field(p, "card");
	ioc_print_cstr(p, (const char *)c.card, sizeof(c.card));
	pr_field(p, "bus_info");
	ioc_print_cstr(p, (const char *)c.bus_info, sizeof(c.bus_info));
	pr_field(p, "version");
	print_kernel_version(p, c.version);
	pr_field(p, "capabilities");
	pr_flags(p, &v4l2_caps, c.capabilities, "V4L2_CAP_???");
	if (c.device_caps) {
		pr_field(p, "device_caps");
		pr_flags(p, &v4l2_caps, c.device_caps, "V4L2_CAP_???");
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* VIDIOC_REQBUFS: {type, memory, count} at entry, " => " the count granted at exit. */
static int reqbufs_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_requestbuffers r;
	struct pr *p = sc->p;
	(void)code;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &r, sizeof(r)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "type");
		pr_xval(p, &v4l2_buf_types, r.type, "V4L2_BUF_TYPE_???");
		pr_field(p, "memory");
		pr_xval(p, &v4l2_memories, r.memory, "V4L2_MEMORY_???");
		pr_field(p, "count");
		pr_uint(p, r.count);
		return IOC_LATER;
	}
	if (!sc_failed(sc) && umove(sc, arg, &r, sizeof(r)) == 0) {
		pr_join(p, " => ");
		pr_uint(p, r.count);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

IOC_STRUCT_OF(v4l2_rect_desc, struct v4l2_rect,
	IOC_F(struct v4l2_rect, left, IOC_D),
	IOC_F(struct v4l2_rect, top, IOC_D),
	IOC_F(struct v4l2_rect, width, IOC_U),
	IOC_F(struct v4l2_rect, height, IOC_U));

/*
 * VIDIOC_CROPCAP, VIDIOC_G_CROP, VIDIOC_S_CROP: {type} at entry (and the rectangle to set
 * for S_CROP); what the kernel wrote at exit when the call succeeded.
 */
static int crop_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_cropcap c;
	struct v4l2_crop r;
	struct pr *p = sc->p;
	bool cap = code == VIDIOC_CROPCAP;
	size_t size = cap ? sizeof(c) : sizeof(r);
	void *buf = cap ? (void *)&c : (void *)&r;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, buf, size))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "type");
		pr_xval(p, &v4l2_buf_types, cap ? c.type : r.type, "V4L2_BUF_TYPE_???");
		if (code != VIDIOC_S_CROP)
			return IOC_LATER;
	} else if (sc_failed(sc) || umove(sc, arg, buf, size) != 0) {
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	if (cap) {
		pr_field(p, "bounds");
		ioc_print_struct(sc, &v4l2_rect_desc, &c.bounds);
		pr_field(p, "defrect");
		ioc_print_struct(sc, &v4l2_rect_desc, &c.defrect);
		pr_field(p, "pixelaspect");
		pr_textf(p, "%u/%u", c.pixelaspect.numerator, c.pixelaspect.denominator);
	} else {
		pr_field(p, "c");
		ioc_print_struct(sc, &v4l2_rect_desc, &r.c);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

IOC_STRUCT_OF(v4l2_framebuffer_desc, struct v4l2_framebuffer,
	IOC_F(struct v4l2_framebuffer, capability, IOC_X),
	IOC_F(struct v4l2_framebuffer, flags, IOC_X),
	IOC_F(struct v4l2_framebuffer, base, IOC_PTR));

/*
 * The requests strace decodes. The ones without a row here take a struct not printed yet:
 * its pointer prints as strace prints it when it cannot read the struct (NULL, 0x7ffd...).
 */
IOC_FAMILY(v4l2_family,
	IOC_C_FN(VIDIOC_QUERYCAP, querycap_ioctl),
	IOC_C_FN(VIDIOC_REQBUFS, reqbufs_ioctl),
	IOC_C_STRUCT(VIDIOC_G_FBUF, IOA_OUT, v4l2_framebuffer_desc),
	IOC_C_STRUCT(VIDIOC_S_FBUF, IOA_IN, v4l2_framebuffer_desc),
	IOC_C_XAT(VIDIOC_STREAMON, IOA_IN, IOC_XVAL, sizeof(int), v4l2_buf_types,
		  "V4L2_BUF_TYPE_???"),
	IOC_C_XAT(VIDIOC_STREAMOFF, IOA_IN, IOC_XVAL, sizeof(int), v4l2_buf_types,
		  "V4L2_BUF_TYPE_???"),
	IOC_C_AT(VIDIOC_G_STD, IOA_OUT, IOC_X, sizeof(v4l2_std_id)),
	IOC_C_AT(VIDIOC_S_STD, IOA_IN, IOC_X, sizeof(v4l2_std_id)),
	IOC_C_AT(VIDIOC_G_INPUT, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(VIDIOC_S_INPUT, IOA_IN, IOC_U, sizeof(int)),
	IOC_C_FN(VIDIOC_CROPCAP, crop_ioctl),
	IOC_C_FN(VIDIOC_G_CROP, crop_ioctl),
	IOC_C_FN(VIDIOC_S_CROP, crop_ioctl));

/* The decoded requests whose struct is not printed yet. */
static const uint32_t v4l2_pointer_only[] = {
	VIDIOC_ENUM_FMT, VIDIOC_G_FMT, VIDIOC_S_FMT, VIDIOC_TRY_FMT, VIDIOC_QUERYBUF,
	VIDIOC_QBUF, VIDIOC_DQBUF, VIDIOC_G_PARM, VIDIOC_S_PARM, VIDIOC_ENUMSTD,
	VIDIOC_ENUMINPUT, VIDIOC_G_CTRL, VIDIOC_S_CTRL, VIDIOC_G_TUNER, VIDIOC_S_TUNER,
	VIDIOC_QUERYCTRL, VIDIOC_QUERY_EXT_CTRL, VIDIOC_S_EXT_CTRLS, VIDIOC_TRY_EXT_CTRLS,
	VIDIOC_G_EXT_CTRLS, VIDIOC_ENUM_FRAMESIZES, VIDIOC_ENUM_FRAMEINTERVALS,
	VIDIOC_CREATE_BUFS,
};

int v4l2_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	if (sc->no_deref)
		return IOC_ARG_HEX;
	for (size_t i = 0; i < sizeof(v4l2_pointer_only) / sizeof(v4l2_pointer_only[0]); i++) {
		if (v4l2_pointer_only[i] == code) {
			print_addr(sc, arg);
			return IOC_ARG_DONE;
		}
	}
	return ioc_family_decode(sc, &v4l2_family, code, arg);
}

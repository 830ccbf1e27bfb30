/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the video requests of linux/videodev2.h (type 'V'). strace decodes the argument
 * of the capture and control requests listed below, and none at all with -e verbose=none;
 * every other request, named or not, prints its argument in hex.
 */
#include <linux/videodev2.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/ioctl_v4l2.h"

XLAT_DEFINE(v4l2_buf_types,
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

STATIC_XLAT(v4l2_input_types,
	XLAT_PAIR(V4L2_INPUT_TYPE_TUNER), XLAT_PAIR(V4L2_INPUT_TYPE_CAMERA),
	XLAT_PAIR(V4L2_INPUT_TYPE_TOUCH));
STATIC_XLAT(v4l2_tuner_types,
	XLAT_PAIR(V4L2_TUNER_RADIO), XLAT_PAIR(V4L2_TUNER_ANALOG_TV),
	XLAT_PAIR(V4L2_TUNER_DIGITAL_TV), XLAT_PAIR(V4L2_TUNER_SDR), XLAT_PAIR(V4L2_TUNER_RF));
/* V4L2_TUNER_CAP_SAP, _SUB_SAP and _MODE_SAP alias LANG2: that name is printed. */
STATIC_XLAT(v4l2_tuner_caps,
	XLAT_PAIR(V4L2_TUNER_CAP_LOW), XLAT_PAIR(V4L2_TUNER_CAP_NORM),
	XLAT_PAIR(V4L2_TUNER_CAP_HWSEEK_BOUNDED), XLAT_PAIR(V4L2_TUNER_CAP_HWSEEK_WRAP),
	XLAT_PAIR(V4L2_TUNER_CAP_STEREO), XLAT_PAIR(V4L2_TUNER_CAP_LANG2),
	XLAT_PAIR(V4L2_TUNER_CAP_LANG1), XLAT_PAIR(V4L2_TUNER_CAP_RDS),
	XLAT_PAIR(V4L2_TUNER_CAP_RDS_BLOCK_IO), XLAT_PAIR(V4L2_TUNER_CAP_RDS_CONTROLS),
	XLAT_PAIR(V4L2_TUNER_CAP_FREQ_BANDS), XLAT_PAIR(V4L2_TUNER_CAP_HWSEEK_PROG_LIM),
	XLAT_PAIR(V4L2_TUNER_CAP_1HZ));
STATIC_XLAT(v4l2_tuner_subs,
	XLAT_PAIR(V4L2_TUNER_SUB_MONO), XLAT_PAIR(V4L2_TUNER_SUB_STEREO),
	XLAT_PAIR(V4L2_TUNER_SUB_LANG2), XLAT_PAIR(V4L2_TUNER_SUB_LANG1),
	XLAT_PAIR(V4L2_TUNER_SUB_RDS));
STATIC_XLAT(v4l2_tuner_modes,
	XLAT_PAIR(V4L2_TUNER_MODE_MONO), XLAT_PAIR(V4L2_TUNER_MODE_STEREO),
	XLAT_PAIR(V4L2_TUNER_MODE_LANG2), XLAT_PAIR(V4L2_TUNER_MODE_LANG1),
	XLAT_PAIR(V4L2_TUNER_MODE_LANG1_LANG2));
STATIC_XLAT(v4l2_streaming_caps, XLAT_PAIR(V4L2_CAP_TIMEPERFRAME));
STATIC_XLAT(v4l2_capture_modes, XLAT_PAIR(V4L2_MODE_HIGHQUALITY));

void print_fract(struct pr *p, const char *name, const struct v4l2_fract *f)
{
	pr_field(p, name);
	pr_textf(p, "%u/%u", f->numerator, f->denominator);
}

bool v4l2_exit_part(struct sc *sc, uint64_t arg, void *buf, size_t size, bool get)
{
	if (sc_failed(sc) || umove(sc, arg, buf, size) != 0) {
		pr_struct_end(sc->p);
		return false;
	}
	if (!get) {
		pr_struct_end(sc->p);
		pr_join(sc->p, " => ");
		pr_struct_begin(sc->p);
	}
	return true;
}

/*
 * VIDIOC_ENUMSTD, VIDIOC_ENUMINPUT: {index} at entry, then what the kernel enumerated
 * at that index when the call succeeded.
 */
static int enum_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_standard st;
	struct v4l2_input in;
	struct pr *p = sc->p;
	bool std = code == VIDIOC_ENUMSTD;
	void *buf = std ? (void *)&st : (void *)&in;
	size_t size = std ? sizeof(st) : sizeof(in);

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, buf, size))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "index");
		pr_uint(p, std ? st.index : in.index);
		return IOC_LATER;
	}
	if (!v4l2_exit_part(sc, arg, buf, size, true))
		return IOC_ARG_DONE;
	pr_field(p, "name");
	if (std) {
		ioc_print_cstr(p, (const char *)st.name, sizeof(st.name));
		print_fract(p, "frameperiod", &st.frameperiod);
		pr_field(p, "framelines");
		pr_uint(p, st.framelines);
	} else {
		ioc_print_cstr(p, (const char *)in.name, sizeof(in.name));
		pr_field(p, "type");
		pr_xval(p, &v4l2_input_types, in.type, "V4L2_INPUT_TYPE_???");
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* The fields of struct v4l2_tuner after its index. */
static void print_tuner_rest(struct pr *p, const struct v4l2_tuner *t)
{
	pr_field(p, "name");
	ioc_print_cstr(p, (const char *)t->name, sizeof(t->name));
	pr_field(p, "type");
	pr_xval(p, &v4l2_tuner_types, t->type, "V4L2_TUNER_???");
	pr_field(p, "capability");
	pr_flags(p, &v4l2_tuner_caps, t->capability, "V4L2_TUNER_CAP_???");
	pr_field(p, "rangelow");
	pr_uint(p, t->rangelow);
	pr_field(p, "rangehigh");
	pr_uint(p, t->rangehigh);
	pr_field(p, "rxsubchans");
	pr_flags(p, &v4l2_tuner_subs, t->rxsubchans, "V4L2_TUNER_SUB_???");
	pr_field(p, "audmode");
	pr_xval(p, &v4l2_tuner_modes, t->audmode, "V4L2_TUNER_MODE_???");
	pr_field(p, "signal");
	pr_int(p, t->signal);
	pr_field(p, "afc");
	pr_int(p, t->afc);
}

/* VIDIOC_G_TUNER: {index} at entry, the rest at exit; VIDIOC_S_TUNER: all, " => " all. */
static int tuner_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_tuner t;
	struct pr *p = sc->p;
	bool get = code == VIDIOC_G_TUNER;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &t, sizeof(t)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "index");
		pr_uint(p, t.index);
		if (!get)
			print_tuner_rest(p, &t);
		return IOC_LATER;
	}
	if (!v4l2_exit_part(sc, arg, &t, sizeof(t), get))
		return IOC_ARG_DONE;
	print_tuner_rest(p, &t);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* parm.capture or parm.output of struct v4l2_streamparm, by its type. */
static void print_streamparm(struct pr *p, const struct v4l2_streamparm *s)
{
	bool cap = s->type == V4L2_BUF_TYPE_VIDEO_CAPTURE;
	const struct v4l2_captureparm *c = &s->parm.capture;
	const struct v4l2_outputparm *o = &s->parm.output;

	pr_field(p, cap ? "parm.capture" : "parm.output");
	pr_struct_begin(p);
	pr_field(p, "capability");
	pr_flags(p, &v4l2_streaming_caps, cap ? c->capability : o->capability, "V4L2_CAP_???");
	pr_field(p, cap ? "capturemode" : "outputmode");
	pr_flags(p, &v4l2_capture_modes, cap ? c->capturemode : o->outputmode, "V4L2_MODE_???");
	print_fract(p, "timeperframe", cap ? &c->timeperframe : &o->timeperframe);
	pr_field(p, "extendedmode");
	pr_hex(p, cap ? c->extendedmode : o->extendedmode);
	pr_field(p, cap ? "readbuffers" : "writebuffers");
	pr_uint(p, cap ? c->readbuffers : o->writebuffers);
	pr_struct_end(p);
}

/*
 * VIDIOC_G_PARM, VIDIOC_S_PARM: {type} at entry, and for the video capture and output
 * types their parameters: to set at entry, got (or " => " set) at exit.
 */
static int parm_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_streamparm s;
	struct pr *p = sc->p;
	bool get = code == VIDIOC_G_PARM;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &s, sizeof(s)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "type");
		pr_xval(p, &v4l2_buf_types, s.type, "V4L2_BUF_TYPE_???");
		if (s.type != V4L2_BUF_TYPE_VIDEO_CAPTURE && s.type != V4L2_BUF_TYPE_VIDEO_OUTPUT) {
			pr_struct_end(p);
			return IOC_ARG_DONE;
		}
		if (!get)
			print_streamparm(p, &s);
		return IOC_LATER;
	}
	if (!v4l2_exit_part(sc, arg, &s, sizeof(s), get))
		return IOC_ARG_DONE;
	print_streamparm(p, &s);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

STATIC_XLAT(v4l2_buf_flags,
	XLAT_PAIR(V4L2_BUF_FLAG_MAPPED), XLAT_PAIR(V4L2_BUF_FLAG_QUEUED),
	XLAT_PAIR(V4L2_BUF_FLAG_DONE), XLAT_PAIR(V4L2_BUF_FLAG_KEYFRAME),
	XLAT_PAIR(V4L2_BUF_FLAG_PFRAME), XLAT_PAIR(V4L2_BUF_FLAG_BFRAME),
	XLAT_PAIR(V4L2_BUF_FLAG_ERROR), XLAT_PAIR(V4L2_BUF_FLAG_IN_REQUEST),
	XLAT_PAIR(V4L2_BUF_FLAG_TIMECODE), { 0x200, "V4L2_BUF_FLAG_INPUT" },
	XLAT_PAIR(V4L2_BUF_FLAG_PREPARED), XLAT_PAIR(V4L2_BUF_FLAG_NO_CACHE_INVALIDATE),
	XLAT_PAIR(V4L2_BUF_FLAG_NO_CACHE_CLEAN), XLAT_PAIR(V4L2_BUF_FLAG_LAST),
	XLAT_PAIR(V4L2_BUF_FLAG_REQUEST_FD));
STATIC_XLAT(v4l2_buf_ts_types,
	XLAT_PAIR(V4L2_BUF_FLAG_TIMESTAMP_UNKNOWN), XLAT_PAIR(V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC),
	XLAT_PAIR(V4L2_BUF_FLAG_TIMESTAMP_COPY));
STATIC_XLAT(v4l2_buf_ts_srcs,
	XLAT_PAIR(V4L2_BUF_FLAG_TSTAMP_SRC_EOF), XLAT_PAIR(V4L2_BUF_FLAG_TSTAMP_SRC_SOE));

/*
 * The flags of struct v4l2_buffer: the flag bits, then the timestamp type and source,
 * two fields of the word printed as constants ("|V4L2_BUF_FLAG_TIMESTAMP_UNKNOWN|...").
 */
static void print_buf_flags(struct pr *p, uint32_t v)
{
	uint32_t ts_type = v & V4L2_BUF_FLAG_TIMESTAMP_MASK, ts_src = v & V4L2_BUF_FLAG_TSTAMP_SRC_MASK;
	uint32_t flags = v & ~ts_type & ~ts_src;

	pr_field(p, "flags");
	if (p->xlat_style == PR_XLAT_RAW) {
		pr_hex(p, v);
		return;
	}
	if (flags) {
		pr_flags(p, &v4l2_buf_flags, flags, "V4L2_BUF_FLAG_???");
		pr_join(p, "|");
	}
	pr_xval(p, &v4l2_buf_ts_types, ts_type, "V4L2_BUF_FLAG_TIMESTAMP_???");
	pr_join(p, "|");
	pr_xval(p, &v4l2_buf_ts_srcs, ts_src, "V4L2_BUF_FLAG_TSTAMP_SRC_???");
}

/*
 * VIDIOC_QUERYBUF, VIDIOC_QBUF, VIDIOC_DQBUF: {type, index} at entry (DQBUF: the index is
 * the kernel's, at exit), then the buffer when the call succeeded; the planes and the
 * rest of the struct are left out ("...").
 */
static int buffer_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_buffer b;
	struct pr *p = sc->p;
	bool dq = code == VIDIOC_DQBUF;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &b, sizeof(b)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "type");
		pr_xval(p, &v4l2_buf_types, b.type, "V4L2_BUF_TYPE_???");
		if (!dq) {
			pr_field(p, "index");
			pr_uint(p, b.index);
		}
		return IOC_LATER;
	}
	if (!v4l2_exit_part(sc, arg, &b, sizeof(b), true))
		return IOC_ARG_DONE;
	if (dq) {
		pr_field(p, "index");
		pr_uint(p, b.index);
	}
	pr_field(p, "memory");
	pr_xval(p, &v4l2_memories, b.memory, "V4L2_MEMORY_???");
	if (b.memory == V4L2_MEMORY_MMAP) {
		pr_field(p, "m.offset");
		pr_hex(p, b.m.offset);
	} else if (b.memory == V4L2_MEMORY_USERPTR) {
		pr_field(p, "m.userptr");
		pr_ptr(p, b.m.userptr);
	}
	pr_field(p, "length");
	pr_uint(p, b.length);
	pr_field(p, "bytesused");
	pr_uint(p, b.bytesused);
	print_buf_flags(p, b.flags);
	if (dq) {
		pr_field(p, "timestamp");
		print_timeval(sc, b.timestamp.tv_sec, b.timestamp.tv_usec);
	}
	pr_more(p);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

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
	IOC_C_FN(VIDIOC_S_CROP, crop_ioctl),
	IOC_C_FN(VIDIOC_ENUMSTD, enum_ioctl),
	IOC_C_FN(VIDIOC_ENUMINPUT, enum_ioctl),
	IOC_C_FN(VIDIOC_G_TUNER, tuner_ioctl),
	IOC_C_FN(VIDIOC_S_TUNER, tuner_ioctl),
	IOC_C_FN(VIDIOC_G_PARM, parm_ioctl),
	IOC_C_FN(VIDIOC_S_PARM, parm_ioctl),
	IOC_C_FN(VIDIOC_ENUM_FMT, enum_fmt_ioctl),
	IOC_C_FN(VIDIOC_ENUM_FRAMESIZES, framesizes_ioctl),
	IOC_C_FN(VIDIOC_ENUM_FRAMEINTERVALS, frameintervals_ioctl),
	IOC_C_FN(VIDIOC_QUERYBUF, buffer_ioctl),
	IOC_C_FN(VIDIOC_QBUF, buffer_ioctl),
	IOC_C_FN(VIDIOC_DQBUF, buffer_ioctl));

/* The decoded requests whose struct is not printed yet. */
static const uint32_t v4l2_pointer_only[] = {
	VIDIOC_G_FMT, VIDIOC_S_FMT, VIDIOC_TRY_FMT, VIDIOC_G_CTRL, VIDIOC_S_CTRL, VIDIOC_QUERYCTRL,
	VIDIOC_QUERY_EXT_CTRL, VIDIOC_S_EXT_CTRLS, VIDIOC_TRY_EXT_CTRLS, VIDIOC_G_EXT_CTRLS,
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

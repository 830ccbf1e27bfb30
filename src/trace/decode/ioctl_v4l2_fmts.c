/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl v4l2: the formats and the frame sizes and intervals they come in
 * (VIDIOC_ENUM_FMT, VIDIOC_ENUM_FRAMESIZES, VIDIOC_ENUM_FRAMEINTERVALS), and the pixel
 * formats of linux/videodev2.h: every V4L2_PIX_FMT_* the header defines as a
 * four-character code (v4l2_fourcc), whose names strace shows in a comment.
 */
#include <linux/videodev2.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/ioctl_v4l2.h"

XLAT_DEFINE(v4l2_pix_fmts,
	XLAT_PAIR(V4L2_PIX_FMT_RGB332), XLAT_PAIR(V4L2_PIX_FMT_RGB444),
	XLAT_PAIR(V4L2_PIX_FMT_ARGB444), XLAT_PAIR(V4L2_PIX_FMT_XRGB444),
	XLAT_PAIR(V4L2_PIX_FMT_RGBA444), XLAT_PAIR(V4L2_PIX_FMT_RGBX444),
	XLAT_PAIR(V4L2_PIX_FMT_ABGR444), XLAT_PAIR(V4L2_PIX_FMT_XBGR444),
	XLAT_PAIR(V4L2_PIX_FMT_BGRA444), XLAT_PAIR(V4L2_PIX_FMT_BGRX444),
	XLAT_PAIR(V4L2_PIX_FMT_RGB555), XLAT_PAIR(V4L2_PIX_FMT_ARGB555),
	XLAT_PAIR(V4L2_PIX_FMT_XRGB555), XLAT_PAIR(V4L2_PIX_FMT_RGBA555),
	XLAT_PAIR(V4L2_PIX_FMT_RGBX555), XLAT_PAIR(V4L2_PIX_FMT_ABGR555),
	XLAT_PAIR(V4L2_PIX_FMT_XBGR555), XLAT_PAIR(V4L2_PIX_FMT_BGRA555),
	XLAT_PAIR(V4L2_PIX_FMT_BGRX555), XLAT_PAIR(V4L2_PIX_FMT_RGB565),
	XLAT_PAIR(V4L2_PIX_FMT_RGB555X), XLAT_PAIR(V4L2_PIX_FMT_ARGB555X),
	XLAT_PAIR(V4L2_PIX_FMT_XRGB555X), XLAT_PAIR(V4L2_PIX_FMT_RGB565X),
	XLAT_PAIR(V4L2_PIX_FMT_BGR666), XLAT_PAIR(V4L2_PIX_FMT_BGR24),
	XLAT_PAIR(V4L2_PIX_FMT_RGB24), XLAT_PAIR(V4L2_PIX_FMT_BGR32),
	XLAT_PAIR(V4L2_PIX_FMT_ABGR32), XLAT_PAIR(V4L2_PIX_FMT_XBGR32),
	XLAT_PAIR(V4L2_PIX_FMT_BGRA32), XLAT_PAIR(V4L2_PIX_FMT_BGRX32),
	XLAT_PAIR(V4L2_PIX_FMT_RGB32), XLAT_PAIR(V4L2_PIX_FMT_RGBA32),
	XLAT_PAIR(V4L2_PIX_FMT_RGBX32), XLAT_PAIR(V4L2_PIX_FMT_ARGB32),
	XLAT_PAIR(V4L2_PIX_FMT_XRGB32), XLAT_PAIR(V4L2_PIX_FMT_GREY), XLAT_PAIR(V4L2_PIX_FMT_Y4),
	XLAT_PAIR(V4L2_PIX_FMT_Y6), XLAT_PAIR(V4L2_PIX_FMT_Y10), XLAT_PAIR(V4L2_PIX_FMT_Y12),
	XLAT_PAIR(V4L2_PIX_FMT_Y14), XLAT_PAIR(V4L2_PIX_FMT_Y16), XLAT_PAIR(V4L2_PIX_FMT_Y16_BE),
	XLAT_PAIR(V4L2_PIX_FMT_Y10BPACK), XLAT_PAIR(V4L2_PIX_FMT_Y10P),
	XLAT_PAIR(V4L2_PIX_FMT_IPU3_Y10), XLAT_PAIR(V4L2_PIX_FMT_PAL8), XLAT_PAIR(V4L2_PIX_FMT_UV8),
	XLAT_PAIR(V4L2_PIX_FMT_YUYV), XLAT_PAIR(V4L2_PIX_FMT_YYUV), XLAT_PAIR(V4L2_PIX_FMT_YVYU),
	XLAT_PAIR(V4L2_PIX_FMT_UYVY), XLAT_PAIR(V4L2_PIX_FMT_VYUY), XLAT_PAIR(V4L2_PIX_FMT_Y41P),
	XLAT_PAIR(V4L2_PIX_FMT_YUV444), XLAT_PAIR(V4L2_PIX_FMT_YUV555),
	XLAT_PAIR(V4L2_PIX_FMT_YUV565), XLAT_PAIR(V4L2_PIX_FMT_YUV24),
	XLAT_PAIR(V4L2_PIX_FMT_YUV32), XLAT_PAIR(V4L2_PIX_FMT_AYUV32),
	XLAT_PAIR(V4L2_PIX_FMT_XYUV32), XLAT_PAIR(V4L2_PIX_FMT_VUYA32),
	XLAT_PAIR(V4L2_PIX_FMT_VUYX32), XLAT_PAIR(V4L2_PIX_FMT_YUVA32),
	XLAT_PAIR(V4L2_PIX_FMT_YUVX32), XLAT_PAIR(V4L2_PIX_FMT_M420), XLAT_PAIR(V4L2_PIX_FMT_NV12),
	XLAT_PAIR(V4L2_PIX_FMT_NV21), XLAT_PAIR(V4L2_PIX_FMT_NV16), XLAT_PAIR(V4L2_PIX_FMT_NV61),
	XLAT_PAIR(V4L2_PIX_FMT_NV24), XLAT_PAIR(V4L2_PIX_FMT_NV42), XLAT_PAIR(V4L2_PIX_FMT_P010),
	XLAT_PAIR(V4L2_PIX_FMT_NV12M), XLAT_PAIR(V4L2_PIX_FMT_NV21M), XLAT_PAIR(V4L2_PIX_FMT_NV16M),
	XLAT_PAIR(V4L2_PIX_FMT_NV61M), XLAT_PAIR(V4L2_PIX_FMT_YUV410),
	XLAT_PAIR(V4L2_PIX_FMT_YVU410), XLAT_PAIR(V4L2_PIX_FMT_YUV411P),
	XLAT_PAIR(V4L2_PIX_FMT_YUV420), XLAT_PAIR(V4L2_PIX_FMT_YVU420),
	XLAT_PAIR(V4L2_PIX_FMT_YUV422P), XLAT_PAIR(V4L2_PIX_FMT_YUV420M),
	XLAT_PAIR(V4L2_PIX_FMT_YVU420M), XLAT_PAIR(V4L2_PIX_FMT_YUV422M),
	XLAT_PAIR(V4L2_PIX_FMT_YVU422M), XLAT_PAIR(V4L2_PIX_FMT_YUV444M),
	XLAT_PAIR(V4L2_PIX_FMT_YVU444M), XLAT_PAIR(V4L2_PIX_FMT_NV12_4L4),
	XLAT_PAIR(V4L2_PIX_FMT_NV12_16L16), XLAT_PAIR(V4L2_PIX_FMT_NV12_32L32),
	XLAT_PAIR(V4L2_PIX_FMT_P010_4L4), XLAT_PAIR(V4L2_PIX_FMT_NV12MT),
	XLAT_PAIR(V4L2_PIX_FMT_NV12MT_16X16), XLAT_PAIR(V4L2_PIX_FMT_NV12M_8L128),
	XLAT_PAIR(V4L2_PIX_FMT_NV12M_10BE_8L128), XLAT_PAIR(V4L2_PIX_FMT_SBGGR8),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG8), XLAT_PAIR(V4L2_PIX_FMT_SGRBG8),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB8), XLAT_PAIR(V4L2_PIX_FMT_SBGGR10),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG10), XLAT_PAIR(V4L2_PIX_FMT_SGRBG10),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB10), XLAT_PAIR(V4L2_PIX_FMT_SBGGR10P),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG10P), XLAT_PAIR(V4L2_PIX_FMT_SGRBG10P),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB10P), XLAT_PAIR(V4L2_PIX_FMT_SBGGR10ALAW8),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG10ALAW8), XLAT_PAIR(V4L2_PIX_FMT_SGRBG10ALAW8),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB10ALAW8), XLAT_PAIR(V4L2_PIX_FMT_SBGGR10DPCM8),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG10DPCM8), XLAT_PAIR(V4L2_PIX_FMT_SGRBG10DPCM8),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB10DPCM8), XLAT_PAIR(V4L2_PIX_FMT_SBGGR12),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG12), XLAT_PAIR(V4L2_PIX_FMT_SGRBG12),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB12), XLAT_PAIR(V4L2_PIX_FMT_SBGGR12P),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG12P), XLAT_PAIR(V4L2_PIX_FMT_SGRBG12P),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB12P), XLAT_PAIR(V4L2_PIX_FMT_SBGGR14),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG14), XLAT_PAIR(V4L2_PIX_FMT_SGRBG14),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB14), XLAT_PAIR(V4L2_PIX_FMT_SBGGR14P),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG14P), XLAT_PAIR(V4L2_PIX_FMT_SGRBG14P),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB14P), XLAT_PAIR(V4L2_PIX_FMT_SBGGR16),
	XLAT_PAIR(V4L2_PIX_FMT_SGBRG16), XLAT_PAIR(V4L2_PIX_FMT_SGRBG16),
	XLAT_PAIR(V4L2_PIX_FMT_SRGGB16), XLAT_PAIR(V4L2_PIX_FMT_HSV24),
	XLAT_PAIR(V4L2_PIX_FMT_HSV32), XLAT_PAIR(V4L2_PIX_FMT_MJPEG), XLAT_PAIR(V4L2_PIX_FMT_JPEG),
	XLAT_PAIR(V4L2_PIX_FMT_DV), XLAT_PAIR(V4L2_PIX_FMT_MPEG), XLAT_PAIR(V4L2_PIX_FMT_H264),
	XLAT_PAIR(V4L2_PIX_FMT_H264_NO_SC), XLAT_PAIR(V4L2_PIX_FMT_H264_MVC),
	XLAT_PAIR(V4L2_PIX_FMT_H263), XLAT_PAIR(V4L2_PIX_FMT_MPEG1), XLAT_PAIR(V4L2_PIX_FMT_MPEG2),
	XLAT_PAIR(V4L2_PIX_FMT_MPEG2_SLICE), XLAT_PAIR(V4L2_PIX_FMT_MPEG4),
	XLAT_PAIR(V4L2_PIX_FMT_XVID), XLAT_PAIR(V4L2_PIX_FMT_VC1_ANNEX_G),
	XLAT_PAIR(V4L2_PIX_FMT_VC1_ANNEX_L), XLAT_PAIR(V4L2_PIX_FMT_VP8),
	XLAT_PAIR(V4L2_PIX_FMT_VP8_FRAME), XLAT_PAIR(V4L2_PIX_FMT_VP9),
	XLAT_PAIR(V4L2_PIX_FMT_VP9_FRAME), XLAT_PAIR(V4L2_PIX_FMT_HEVC),
	XLAT_PAIR(V4L2_PIX_FMT_FWHT), XLAT_PAIR(V4L2_PIX_FMT_FWHT_STATELESS),
	XLAT_PAIR(V4L2_PIX_FMT_H264_SLICE), XLAT_PAIR(V4L2_PIX_FMT_HEVC_SLICE),
	XLAT_PAIR(V4L2_PIX_FMT_CPIA1), XLAT_PAIR(V4L2_PIX_FMT_WNVA),
	XLAT_PAIR(V4L2_PIX_FMT_SN9C10X), XLAT_PAIR(V4L2_PIX_FMT_SN9C20X_I420),
	XLAT_PAIR(V4L2_PIX_FMT_PWC1), XLAT_PAIR(V4L2_PIX_FMT_PWC2),
	XLAT_PAIR(V4L2_PIX_FMT_ET61X251), XLAT_PAIR(V4L2_PIX_FMT_SPCA501),
	XLAT_PAIR(V4L2_PIX_FMT_SPCA505), XLAT_PAIR(V4L2_PIX_FMT_SPCA508),
	XLAT_PAIR(V4L2_PIX_FMT_SPCA561), XLAT_PAIR(V4L2_PIX_FMT_PAC207),
	XLAT_PAIR(V4L2_PIX_FMT_MR97310A), XLAT_PAIR(V4L2_PIX_FMT_JL2005BCD),
	XLAT_PAIR(V4L2_PIX_FMT_SN9C2028), XLAT_PAIR(V4L2_PIX_FMT_SQ905C),
	XLAT_PAIR(V4L2_PIX_FMT_PJPG), XLAT_PAIR(V4L2_PIX_FMT_OV511), XLAT_PAIR(V4L2_PIX_FMT_OV518),
	XLAT_PAIR(V4L2_PIX_FMT_STV0680), XLAT_PAIR(V4L2_PIX_FMT_TM6000),
	XLAT_PAIR(V4L2_PIX_FMT_CIT_YYVYUY), XLAT_PAIR(V4L2_PIX_FMT_KONICA420),
	XLAT_PAIR(V4L2_PIX_FMT_JPGL), XLAT_PAIR(V4L2_PIX_FMT_SE401),
	XLAT_PAIR(V4L2_PIX_FMT_S5C_UYVY_JPG), XLAT_PAIR(V4L2_PIX_FMT_Y8I),
	XLAT_PAIR(V4L2_PIX_FMT_Y12I), XLAT_PAIR(V4L2_PIX_FMT_Z16), XLAT_PAIR(V4L2_PIX_FMT_MT21C),
	XLAT_PAIR(V4L2_PIX_FMT_MM21), XLAT_PAIR(V4L2_PIX_FMT_INZI), XLAT_PAIR(V4L2_PIX_FMT_CNF4),
	XLAT_PAIR(V4L2_PIX_FMT_HI240), XLAT_PAIR(V4L2_PIX_FMT_QC08C), XLAT_PAIR(V4L2_PIX_FMT_QC10C),
	XLAT_PAIR(V4L2_PIX_FMT_IPU3_SBGGR10), XLAT_PAIR(V4L2_PIX_FMT_IPU3_SGBRG10),
	XLAT_PAIR(V4L2_PIX_FMT_IPU3_SGRBG10), XLAT_PAIR(V4L2_PIX_FMT_IPU3_SRGGB10));

STATIC_XLAT(v4l2_fmt_flags,
	XLAT_PAIR(V4L2_FMT_FLAG_COMPRESSED), XLAT_PAIR(V4L2_FMT_FLAG_EMULATED),
	XLAT_PAIR(V4L2_FMT_FLAG_CONTINUOUS_BYTESTREAM), XLAT_PAIR(V4L2_FMT_FLAG_DYN_RESOLUTION),
	XLAT_PAIR(V4L2_FMT_FLAG_ENC_CAP_FRAME_INTERVAL), XLAT_PAIR(V4L2_FMT_FLAG_CSC_COLORSPACE),
	XLAT_PAIR(V4L2_FMT_FLAG_CSC_XFER_FUNC), XLAT_PAIR(V4L2_FMT_FLAG_CSC_YCBCR_ENC),
	XLAT_PAIR(V4L2_FMT_FLAG_CSC_QUANTIZATION));
STATIC_XLAT(v4l2_frmsize_types,
	XLAT_PAIR(V4L2_FRMSIZE_TYPE_DISCRETE), XLAT_PAIR(V4L2_FRMSIZE_TYPE_CONTINUOUS),
	XLAT_PAIR(V4L2_FRMSIZE_TYPE_STEPWISE));
STATIC_XLAT(v4l2_frmival_types,
	XLAT_PAIR(V4L2_FRMIVAL_TYPE_DISCRETE), XLAT_PAIR(V4L2_FRMIVAL_TYPE_CONTINUOUS),
	XLAT_PAIR(V4L2_FRMIVAL_TYPE_STEPWISE));

/*
 * A four-character code: v4l2_fourcc('Y', 'U', 'Y', 'V') and the format's name in a
 * comment when X knows it; in hex with -X raw.
 */
static void print_fourcc(struct pr *p, const char *name, uint32_t v, const struct xlat *x)
{
	pr_field(p, name);
	if (p->xlat_style == PR_XLAT_RAW) {
		pr_hex(p, v);
		return;
	}
	pr_join(p, "v4l2_fourcc(");
	for (unsigned i = 0; i < 4; i++)
		print_quoted_char(p, (unsigned char)(v >> 8 * i), false);
	pr_raw(p, ")");
	const char *known = x ? xlat_lookup(x, v) : NULL;
	if (known)
		pr_comment(p, "%s", known);
}

/*
 * VIDIOC_ENUM_FMT: {index, type} at entry, then the format the kernel enumerated there
 * when the call succeeded.
 */
int enum_fmt_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_fmtdesc f;
	struct pr *p = sc->p;
	(void)code;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &f, sizeof(f)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "index");
		pr_uint(p, f.index);
		pr_field(p, "type");
		pr_xval(p, &v4l2_buf_types, f.type, "V4L2_BUF_TYPE_???");
		return IOC_LATER;
	}
	if (!v4l2_exit_part(sc, arg, &f, sizeof(f), true))
		return IOC_ARG_DONE;
	pr_field(p, "flags");
	pr_flags(p, &v4l2_fmt_flags, f.flags, "V4L2_FMT_FLAG_???");
	pr_field(p, "description");
	ioc_print_cstr(p, (const char *)f.description, sizeof(f.description));
	print_fourcc(p, "pixelformat", f.pixelformat, &v4l2_pix_fmts);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

IOC_STRUCT_OF(v4l2_frmsize_discrete_desc, struct v4l2_frmsize_discrete,
	IOC_F(struct v4l2_frmsize_discrete, width, IOC_U),
	IOC_F(struct v4l2_frmsize_discrete, height, IOC_U));

IOC_STRUCT_OF(v4l2_frmsize_stepwise_desc, struct v4l2_frmsize_stepwise,
	IOC_F(struct v4l2_frmsize_stepwise, min_width, IOC_U),
	IOC_F(struct v4l2_frmsize_stepwise, max_width, IOC_U),
	IOC_F(struct v4l2_frmsize_stepwise, step_width, IOC_U),
	IOC_F(struct v4l2_frmsize_stepwise, min_height, IOC_U),
	IOC_F(struct v4l2_frmsize_stepwise, max_height, IOC_U),
	IOC_F(struct v4l2_frmsize_stepwise, step_height, IOC_U));

/*
 * VIDIOC_ENUM_FRAMESIZES: {index, pixel_format} at entry, then the size enumerated
 * there: one size (discrete) or a range (stepwise) by its type.
 */
int framesizes_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_frmsizeenum f;
	struct pr *p = sc->p;
	(void)code;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &f, sizeof(f)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "index");
		pr_uint(p, f.index);
		print_fourcc(p, "pixel_format", f.pixel_format, &v4l2_pix_fmts);
		return IOC_LATER;
	}
	if (!v4l2_exit_part(sc, arg, &f, sizeof(f), true))
		return IOC_ARG_DONE;
	pr_field(p, "type");
	pr_xval(p, &v4l2_frmsize_types, f.type, "V4L2_FRMSIZE_TYPE_???");
	if (f.type == V4L2_FRMSIZE_TYPE_DISCRETE) {
		pr_field(p, "discrete");
		ioc_print_struct(sc, &v4l2_frmsize_discrete_desc, &f.discrete);
	} else if (f.type == V4L2_FRMSIZE_TYPE_STEPWISE) {
		pr_field(p, "stepwise");
		ioc_print_struct(sc, &v4l2_frmsize_stepwise_desc, &f.stepwise);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/*
 * VIDIOC_ENUM_FRAMEINTERVALS: {index, pixel_format, width, height} at entry, then the
 * interval enumerated there: one (discrete) or a range (stepwise, continuous).
 */
int frameintervals_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct v4l2_frmivalenum f;
	struct pr *p = sc->p;
	(void)code;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &f, sizeof(f)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "index");
		pr_uint(p, f.index);
		print_fourcc(p, "pixel_format", f.pixel_format, &v4l2_pix_fmts);
		pr_field(p, "width");
		pr_uint(p, f.width);
		pr_field(p, "height");
		pr_uint(p, f.height);
		return IOC_LATER;
	}
	if (!v4l2_exit_part(sc, arg, &f, sizeof(f), true))
		return IOC_ARG_DONE;
	pr_field(p, "type");
	pr_xval(p, &v4l2_frmival_types, f.type, "V4L2_FRMIVAL_TYPE_???");
	if (f.type == V4L2_FRMIVAL_TYPE_DISCRETE) {
		print_fract(p, "discrete", &f.discrete);
	} else if (f.type == V4L2_FRMIVAL_TYPE_STEPWISE ||
		   f.type == V4L2_FRMIVAL_TYPE_CONTINUOUS) {
		pr_field(p, "stepwise");
		pr_struct_begin(p);
		print_fract(p, "min", &f.stepwise.min);
		print_fract(p, "max", &f.stepwise.max);
		print_fract(p, "step", &f.stepwise.step);
		pr_struct_end(p);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* V4L2_BUF_FLAG_INPUT (0x200) has left the uapi header; old drivers and strace know it. */

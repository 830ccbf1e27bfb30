/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl requests of the console (linux/kd.h, type 'K') and video (linux/videodev2.h,
 * type 'V') families on fd -1 with NULL, unreadable and filled-in arguments, so that a
 * trace shows how each argument prints at entry and, with the result injected, at exit.
 */
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/videodev2.h>

#include "tail_alloc.h"

static void fill(void *buf, size_t n, unsigned char start)
{
	for (size_t i = 0; i < n; i++)
		((unsigned char *)buf)[i] = (unsigned char)(start + i);
}

/* The plain values: tones, LEDs, modes, I/O ports, signals. */
static void kd_values(void)
{
	static const unsigned long none[] = {
		KDENABIO, KDDISABIO, KDMAPDISP, KDUNMAPDISP, PIO_FONTRESET,
	};
	static const unsigned long getters[] = {
		KDGETLED, KDGKBLED, KDGKBTYPE, KDGETMODE, KDGKBMODE, KDGKBMETA,
	};
	unsigned int *val = tail_alloc(sizeof(*val));

	for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++)
		ioctl(-1, none[i], 0xdeadUL);
	ioctl(-1, KIOCSOUND, 0UL);
	ioctl(-1, KIOCSOUND, 440UL);
	ioctl(-1, KIOCSOUND, 1193183UL);
	ioctl(-1, KDMKTONE, 440UL);
	ioctl(-1, KDMKTONE, (100UL << 16) | 440);
	ioctl(-1, KDMKTONE, 7UL << 16);
	ioctl(-1, KDSETLED, 0UL);
	ioctl(-1, KDSETLED, (unsigned long)(LED_NUM | LED_CAP | 0xf0));
	ioctl(-1, KDSKBLED, (unsigned long)(LED_SCR | LED_CAP << 4));
	ioctl(-1, KDADDIO, 0x3b3UL);
	ioctl(-1, KDDELIO, 0x3c5UL);
	ioctl(-1, KDSETMODE, (unsigned long)KD_GRAPHICS);
	ioctl(-1, KDSETMODE, 0xbadc0dedcacafefeUL);
	ioctl(-1, KDSKBMODE, (unsigned long)K_UNICODE);
	ioctl(-1, KDSKBMODE, 0xffffffffUL);
	ioctl(-1, KDSKBMETA, (unsigned long)K_ESCPREFIX);
	ioctl(-1, KDSKBMETA, 7UL);
	ioctl(-1, KDSIGACCEPT, 10UL);
	ioctl(-1, KDSIGACCEPT, 0x80000000UL);
	for (size_t i = 0; i < sizeof(getters) / sizeof(getters[0]); i++) {
		*val = i == 0 ? LED_NUM : i == 1 ? LED_SCR | LED_NUM << 4 | 0x80 : 2;
		ioctl(-1, getters[i], NULL);
		ioctl(-1, getters[i], val);
		ioctl(-1, getters[i], (char *)val + 4);
	}
}

/* Screen maps, fonts, colour maps: bytes in hex, unicode maps as arrays. */
static void kd_maps(void)
{
	static const unsigned long bytes[] = {
		GIO_SCRNMAP, PIO_SCRNMAP, GIO_FONT, PIO_FONT, GIO_CMAP, PIO_CMAP,
	};
	char *font = tail_alloc(8192);
	unsigned short *uni = tail_alloc(E_TABSZ * sizeof(*uni));

	fill(font, 8192, 0x70);
	for (size_t i = 0; i < sizeof(bytes) / sizeof(bytes[0]); i++) {
		ioctl(-1, bytes[i], NULL);
		ioctl(-1, bytes[i], font);
		ioctl(-1, bytes[i], font + 8192 - 32);
		ioctl(-1, bytes[i], font + 8192 - 33);
	}
	for (size_t i = 0; i < E_TABSZ; i++)
		uni[i] = (unsigned short)(i % 3 ? UNI_DIRECT_BASE + i * 3 : 0xe000 + i);
	ioctl(-1, PIO_UNISCRNMAP, uni);
	ioctl(-1, GIO_UNISCRNMAP, uni);
	ioctl(-1, PIO_UNISCRNMAP, uni + 1);
}

/* Keymap entries, function key strings, accent tables, key codes, repeat rates. */
static void kd_keys(void)
{
	static const unsigned short values[] = {
		K(KT_LATIN, 'a'), K(KT_LATIN, '\''), K(KT_FN, 25), K(KT_FN, 200), K(KT_SPEC, 19),
		K(KT_SPEC, 0x30), K(KT_PAD, 7), K(KT_DEAD, 26), K(KT_CONS, 3), K(KT_CUR, 2),
		K(KT_SHIFT, KG_CTRL), K(KT_META, '\n'), K(KT_ASCII, 12), K(KT_LOCK, KG_ALT),
		K(KT_LETTER, 0xe9), K(KT_SLOCK, KG_CAPSSHIFT), K(KT_DEAD2, '\\'),
		K(KT_BRL, 5), K(0x22, 1),
	};
	struct kbentry *ent = tail_alloc(sizeof(*ent));
	struct kbsentry *sent = tail_alloc(sizeof(*sent));
	struct kbdiacrs *diacrs = tail_alloc(sizeof(*diacrs));
	struct kbdiacrsuc *diacrsuc = tail_alloc(sizeof(*diacrsuc));
	struct kbkeycode *kc = tail_alloc(sizeof(*kc));
	struct kbd_repeat *rep = tail_alloc(sizeof(*rep));

	ioctl(-1, KDGKBENT, NULL);
	ioctl(-1, KDSKBENT, (char *)ent + 2);
	for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++) {
		ent->kb_table = (unsigned char)(i % 5 == 4 ? 0x21 : i % 5);
		ent->kb_index = (unsigned char)(i * 7);
		ent->kb_value = values[i];
		ioctl(-1, KDSKBENT, ent);
		ioctl(-1, KDGKBENT, ent);
	}
	memset(sent->kb_string, 0, sizeof(sent->kb_string));
	strcpy((char *)sent->kb_string, "\033[[A");
	for (unsigned func = 0; func < 256; func += 85) {
		sent->kb_func = (unsigned char)func;
		ioctl(-1, KDSKBSENT, sent);
		ioctl(-1, KDGKBSENT, sent);
	}
	fill(sent->kb_string, sizeof(sent->kb_string), 0x21);
	ioctl(-1, KDSKBSENT, sent);
	ioctl(-1, KDSKBSENT, (char *)sent + sizeof(*sent) - 1);

	for (size_t i = 0; i < 4; i++) {
		diacrs->kbdiacr[i].diacr = (unsigned char)("`^~\n"[i]);
		diacrs->kbdiacr[i].base = (unsigned char)('a' + i);
		diacrs->kbdiacr[i].result = (unsigned char)(0xe0 + i);
		diacrsuc->kbdiacruc[i].diacr = 0x300 + i;
		diacrsuc->kbdiacruc[i].base = 'a' + i;
		diacrsuc->kbdiacruc[i].result = 0xe0 + i;
	}
	unsigned int counts[] = { 0, 3, 300 };
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		diacrs->kb_cnt = counts[i];
		diacrsuc->kb_cnt = counts[i];
		ioctl(-1, KDSKBDIACR, diacrs);
		ioctl(-1, KDGKBDIACR, diacrs);
		ioctl(-1, KDSKBDIACRUC, diacrsuc);
		ioctl(-1, KDGKBDIACRUC, diacrsuc);
	}

	kc->scancode = 0xe01d;
	kc->keycode = 97;
	ioctl(-1, KDSETKEYCODE, kc);
	ioctl(-1, KDGETKEYCODE, kc);
	ioctl(-1, KDGETKEYCODE, (char *)kc + 4);

	rep->delay = 250;
	rep->period = -1;
	ioctl(-1, KDKBDREP, rep);
	ioctl(-1, KDKBDREP, NULL);
}

/* Unicode maps, font descriptors and font operations: structs that point further. */
static void kd_fonts(void)
{
	struct unimapdesc *um = tail_alloc(sizeof(*um));
	struct unipair *pairs = tail_alloc(3 * sizeof(*pairs));
	struct unimapinit *umi = tail_alloc(sizeof(*umi));
	struct consolefontdesc *cfd = tail_alloc(sizeof(*cfd));
	struct console_font_op *op = tail_alloc(sizeof(*op));
	unsigned char *data = tail_alloc(64);
	char *name = tail_alloc(32);

	for (size_t i = 0; i < 3; i++) {
		pairs[i].unicode = (unsigned short)(0x2500 + i);
		pairs[i].fontpos = (unsigned short)(0xc0 + i);
	}
	um->entry_ct = 3;
	um->entries = pairs;
	ioctl(-1, PIO_UNIMAP, um);
	ioctl(-1, GIO_UNIMAP, um);
	um->entry_ct = 4;
	ioctl(-1, PIO_UNIMAP, um);
	um->entries = NULL;
	ioctl(-1, GIO_UNIMAP, um);
	umi->advised_hashsize = 10;
	umi->advised_hashstep = 2;
	umi->advised_hashlevel = 0;
	ioctl(-1, PIO_UNIMAPCLR, umi);

	fill(data, 64, 0xf0);
	cfd->charcount = 2;
	cfd->charheight = 16;
	cfd->chardata = (char *)data;
	ioctl(-1, PIO_FONTX, cfd);
	ioctl(-1, GIO_FONTX, cfd);
	cfd->charcount = 3;
	ioctl(-1, PIO_FONTX, cfd);

	memset(op, 0, sizeof(*op));
	op->op = KD_FONT_OP_SET;
	op->flags = KD_FONT_FLAG_DONT_RECALC;
	op->width = 8;
	op->height = 16;
	op->charcount = 2;
	op->data = data;
	ioctl(-1, KDFONTOP, op);
	op->op = KD_FONT_OP_GET;
	op->flags = 0x40;
	ioctl(-1, KDFONTOP, op);
	strcpy(name, "default8x16");
	op->op = KD_FONT_OP_SET_DEFAULT;
	op->data = (unsigned char *)name;
	ioctl(-1, KDFONTOP, op);
	op->op = KD_FONT_OP_COPY;
	ioctl(-1, KDFONTOP, op);
	op->op = 9;
	ioctl(-1, KDFONTOP, op);
	ioctl(-1, KDFONTOP, (char *)op + 1);
	ioctl(-1, _IOC(_IOC_NONE, 'K', 0x99, 0), 0x1234UL);
}

/* Enumerations, tuners and stream parameters: an index or type in, the rest out. */
static void v4l2_enum(void)
{
	struct v4l2_standard *st = tail_alloc(sizeof(*st));
	struct v4l2_input *in = tail_alloc(sizeof(*in));
	struct v4l2_tuner *tu = tail_alloc(sizeof(*tu));
	struct v4l2_streamparm *sp = tail_alloc(sizeof(*sp));

	memset(st, 0, sizeof(*st));
	st->index = 1;
	strcpy((char *)st->name, "PAL-BG");
	st->frameperiod.numerator = 1;
	st->frameperiod.denominator = 25;
	st->framelines = 625;
	ioctl(-1, VIDIOC_ENUMSTD, st);
	memset(in, 0, sizeof(*in));
	in->index = 0;
	fill(in->name, sizeof(in->name), 0x61);
	in->type = V4L2_INPUT_TYPE_CAMERA;
	ioctl(-1, VIDIOC_ENUMINPUT, in);
	in->type = 9;
	ioctl(-1, VIDIOC_ENUMINPUT, in);
	ioctl(-1, VIDIOC_ENUMINPUT, (char *)in + 1);

	memset(tu, 0, sizeof(*tu));
	tu->index = 3;
	strcpy((char *)tu->name, "FM radio");
	tu->type = V4L2_TUNER_RADIO;
	tu->capability = V4L2_TUNER_CAP_LOW | V4L2_TUNER_CAP_STEREO | V4L2_TUNER_CAP_RDS;
	tu->rangelow = 1400000;
	tu->rangehigh = 1728000;
	tu->rxsubchans = V4L2_TUNER_SUB_STEREO | V4L2_TUNER_SUB_RDS;
	tu->audmode = V4L2_TUNER_MODE_STEREO;
	tu->signal = 65535;
	tu->afc = -3;
	ioctl(-1, VIDIOC_S_TUNER, tu);
	ioctl(-1, VIDIOC_G_TUNER, tu);

	memset(sp, 0, sizeof(*sp));
	sp->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	sp->parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
	sp->parm.capture.capturemode = V4L2_MODE_HIGHQUALITY;
	sp->parm.capture.timeperframe.numerator = 1;
	sp->parm.capture.timeperframe.denominator = 30;
	sp->parm.capture.readbuffers = 2;
	ioctl(-1, VIDIOC_S_PARM, sp);
	ioctl(-1, VIDIOC_G_PARM, sp);
	sp->type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
	ioctl(-1, VIDIOC_S_PARM, sp);
	sp->type = V4L2_BUF_TYPE_VBI_CAPTURE;
	ioctl(-1, VIDIOC_G_PARM, sp);
}

/* Buffers: queried, queued and dequeued, their memory by kind and their flags. */
static void v4l2_buffers(void)
{
	struct v4l2_buffer *b = tail_alloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	b->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	b->index = 1;
	b->memory = V4L2_MEMORY_MMAP;
	b->m.offset = 0x1000;
	b->length = 614400;
	b->bytesused = 4096;
	b->flags = V4L2_BUF_FLAG_MAPPED | V4L2_BUF_FLAG_DONE | V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC;
	b->timestamp.tv_sec = 12;
	b->timestamp.tv_usec = 345;
	ioctl(-1, VIDIOC_QUERYBUF, b);
	ioctl(-1, VIDIOC_QBUF, b);
	ioctl(-1, VIDIOC_DQBUF, b);
	b->memory = V4L2_MEMORY_USERPTR;
	b->m.userptr = 0x7f0000001000UL;
	b->flags = 0x200 | 0x800000 | 0x8000 | V4L2_BUF_FLAG_TSTAMP_SRC_SOE;
	ioctl(-1, VIDIOC_DQBUF, b);
	b->memory = V4L2_MEMORY_DMABUF;
	b->flags = 0;
	ioctl(-1, VIDIOC_QBUF, b);
	ioctl(-1, VIDIOC_QBUF, (char *)b + 4);
}

/* Formats, frame sizes and intervals: four-character codes, by name where known. */
static void v4l2_formats(void)
{
	struct v4l2_fmtdesc *fd = tail_alloc(sizeof(*fd));
	struct v4l2_frmsizeenum *fs = tail_alloc(sizeof(*fs));
	struct v4l2_frmivalenum *fi = tail_alloc(sizeof(*fi));

	memset(fd, 0, sizeof(*fd));
	fd->index = 2;
	fd->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	fd->flags = V4L2_FMT_FLAG_COMPRESSED | 0x8000;
	strcpy((char *)fd->description, "Motion-JPEG");
	fd->pixelformat = V4L2_PIX_FMT_MJPEG;
	ioctl(-1, VIDIOC_ENUM_FMT, fd);
	fd->pixelformat = v4l2_fourcc('\n', '\'', 0xff, '\\');
	ioctl(-1, VIDIOC_ENUM_FMT, fd);

	memset(fs, 0, sizeof(*fs));
	fs->pixel_format = V4L2_PIX_FMT_YUYV;
	fs->type = V4L2_FRMSIZE_TYPE_DISCRETE;
	fs->discrete.width = 1280;
	fs->discrete.height = 720;
	ioctl(-1, VIDIOC_ENUM_FRAMESIZES, fs);
	fs->type = V4L2_FRMSIZE_TYPE_STEPWISE;
	fs->stepwise.step_width = 16;
	ioctl(-1, VIDIOC_ENUM_FRAMESIZES, fs);
	fs->type = V4L2_FRMSIZE_TYPE_CONTINUOUS;
	ioctl(-1, VIDIOC_ENUM_FRAMESIZES, fs);

	memset(fi, 0, sizeof(*fi));
	fi->index = 1;
	fi->pixel_format = V4L2_PIX_FMT_NV12;
	fi->width = 640;
	fi->height = 480;
	fi->type = V4L2_FRMIVAL_TYPE_DISCRETE;
	fi->discrete.numerator = 1;
	fi->discrete.denominator = 30;
	ioctl(-1, VIDIOC_ENUM_FRAMEINTERVALS, fi);
	fi->type = V4L2_FRMIVAL_TYPE_CONTINUOUS;
	ioctl(-1, VIDIOC_ENUM_FRAMEINTERVALS, fi);
	fi->type = 7;
	ioctl(-1, VIDIOC_ENUM_FRAMEINTERVALS, fi);
}

/*
 * The video requests with simple arguments; those strace does not decode print their
 * argument in hex, as unknown ones do.
 */
static void v4l2(void)
{
	struct v4l2_capability *cap = tail_alloc(sizeof(*cap));
	struct v4l2_requestbuffers *rb = tail_alloc(sizeof(*rb));
	struct v4l2_framebuffer *fb = tail_alloc(sizeof(*fb));
	struct v4l2_cropcap *cc = tail_alloc(sizeof(*cc));
	struct v4l2_crop *crop = tail_alloc(sizeof(*crop));
	int *type = tail_alloc(sizeof(*type));
	v4l2_std_id *std = tail_alloc(sizeof(*std));

	memset(cap, 0, sizeof(*cap));
	strcpy((char *)cap->driver, "uvcvideo");
	fill(cap->card, sizeof(cap->card), 0x41);
	strcpy((char *)cap->bus_info, "usb-0000:00:14.0-1");
	cap->version = (6 << 16) | (1 << 8) | 27;
	cap->capabilities = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_STREAMING | V4L2_CAP_DEVICE_CAPS;
	ioctl(-1, VIDIOC_QUERYCAP, NULL);
	ioctl(-1, VIDIOC_QUERYCAP, cap);
	cap->device_caps = V4L2_CAP_VIDEO_CAPTURE | 0x40000000;
	ioctl(-1, VIDIOC_QUERYCAP, cap);

	rb->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	rb->memory = V4L2_MEMORY_MMAP;
	rb->count = 4;
	ioctl(-1, VIDIOC_REQBUFS, rb);
	rb->type = 0x99;
	rb->memory = 9;
	ioctl(-1, VIDIOC_REQBUFS, rb);
	ioctl(-1, VIDIOC_REQBUFS, (char *)rb + 1);

	fb->capability = V4L2_FBUF_CAP_CHROMAKEY;
	fb->flags = V4L2_FBUF_FLAG_PRIMARY;
	fb->base = (void *)0xfeedUL;
	ioctl(-1, VIDIOC_S_FBUF, fb);
	ioctl(-1, VIDIOC_G_FBUF, fb);

	*type = V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE;
	ioctl(-1, VIDIOC_STREAMON, type);
	*type = 77;
	ioctl(-1, VIDIOC_STREAMOFF, type);
	*std = V4L2_STD_PAL | V4L2_STD_NTSC_M;
	ioctl(-1, VIDIOC_S_STD, std);
	ioctl(-1, VIDIOC_G_STD, std);
	*type = 2;
	ioctl(-1, VIDIOC_S_INPUT, type);
	ioctl(-1, VIDIOC_G_INPUT, type);

	memset(cc, 0xa5, sizeof(*cc));
	cc->type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	ioctl(-1, VIDIOC_CROPCAP, cc);
	crop->type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
	crop->c.left = -10;
	crop->c.top = 20;
	crop->c.width = 640;
	crop->c.height = 480;
	ioctl(-1, VIDIOC_S_CROP, crop);
	ioctl(-1, VIDIOC_G_CROP, crop);
	ioctl(-1, VIDIOC_G_CROP, (char *)crop + 8);

	v4l2_enum();
	v4l2_formats();
	v4l2_buffers();

	ioctl(-1, VIDIOC_LOG_STATUS, 0xbadc0deddeadc0deUL);
	ioctl(-1, VIDIOC_G_PRIORITY, 0UL);
	ioctl(-1, VIDIOC_S_AUDIO, 0x1000UL);
	ioctl(-1, _IOC(_IOC_READ, 'V', 0xfe, 4), 0UL);
	ioctl(-1, _IOC(_IOC_NONE, 'V', 0xfe, 0), 0x77UL);
}

int main(void)
{
	kd_values();
	kd_maps();
	kd_keys();
	kd_fonts();
	v4l2();
	return 0;
}

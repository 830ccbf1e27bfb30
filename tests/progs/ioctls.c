/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl requests of the families decoded as data (hdio, watchdog, rtc, evdev, ...), on
 * fd -1 with NULL, unreadable, and filled-in arguments, so that a trace shows how each
 * argument prints at entry and, with the result injected, at exit.
 */
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/hdreg.h>
#include <linux/input.h>
#include <linux/gpio.h>
#include <linux/ptp_clock.h>
#include <linux/rtc.h>
#include <linux/loop.h>
#include <mtd/ubi-user.h>
#include <mtd/mtd-abi.h>
#include <linux/fs.h>
#include <linux/blkpg.h>
#include <linux/blkzoned.h>
#include <linux/blktrace_api.h>
#include <scsi/sg.h>
#include <linux/perf_event.h>
#include <linux/lirc.h>
#include <linux/userfaultfd.h>
#include <sys/syscall.h>
#include <linux/videodev2.h>
#include <linux/hiddev.h>

#include "tail_alloc.h"

static void fill(void *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((unsigned char *)buf)[i] = (unsigned char)(0x80 + i);
}

static void hdio(void)
{
	static const unsigned long getters[] = {
		HDIO_GET_32BIT, HDIO_GET_ACOUSTIC, HDIO_GET_ADDRESS, HDIO_GET_DMA,
		HDIO_GET_KEEPSETTINGS, HDIO_GET_MULTCOUNT, HDIO_GET_NOWERR, HDIO_GET_UNMASKINTR,
		HDIO_GET_WCACHE, HDIO_GET_NICE, HDIO_GET_BUSSTATE,
	};
	static const unsigned long setters[] = {
		HDIO_SET_32BIT, HDIO_SET_ACOUSTIC, HDIO_SET_ADDRESS, HDIO_SET_DMA,
		HDIO_SET_KEEPSETTINGS, HDIO_SET_MULTCOUNT, HDIO_SET_NOWERR, HDIO_SET_PIO_MODE,
		HDIO_SET_UNMASKINTR, HDIO_SET_WCACHE, HDIO_UNREGISTER_HWIF,
	};
	unsigned long *val = tail_alloc(sizeof(*val));
	struct hd_geometry *geo = tail_alloc(sizeof(*geo));
	struct hd_drive_cmd_hdr *cmd = tail_alloc(sizeof(*cmd) + 512);
	uint32_t *reset = tail_alloc(3 * sizeof(*reset));
	char *identity = tail_alloc(512);

	ioctl(-1, HDIO_GET_QDMA, 0);
	ioctl(-1, HDIO_SET_XFER, 0xbadc0deddeadc0deUL);
	for (size_t i = 0; i < sizeof(getters) / sizeof(getters[0]); i++) {
		*val = 0xfacefeedded1fffeUL + i;
		ioctl(-1, getters[i], val);
		ioctl(-1, getters[i], (char *)val + 1);
	}
	for (size_t i = 0; i < sizeof(setters) / sizeof(setters[0]); i++)
		ioctl(-1, setters[i], 0xfacefeeddeadbeefUL);
	ioctl(-1, HDIO_SET_NICE, 0x1bUL);
	ioctl(-1, HDIO_SET_NICE, 0xfacefeedded2ffffUL);
	ioctl(-1, HDIO_SET_BUSSTATE, 2UL);
	ioctl(-1, HDIO_SET_BUSSTATE, 0xfacefeedded4ffffUL);

	ioctl(-1, HDIO_GETGEO, NULL);
	geo->heads = 0xca;
	geo->sectors = 0xfe;
	geo->cylinders = 0xbabe;
	geo->start = 0xbadc0deddeadfaceUL;
	ioctl(-1, HDIO_GETGEO, geo);
	ioctl(-1, HDIO_GETGEO, (char *)geo + 1);

	ioctl(-1, HDIO_DRIVE_CMD, NULL);
	fill(cmd, sizeof(*cmd) + 512);
	cmd->command = 0xca;
	cmd->sector_count = 0;
	ioctl(-1, HDIO_DRIVE_CMD, cmd);
	cmd->sector_count = 1;
	ioctl(-1, HDIO_DRIVE_CMD, cmd);
	cmd->command = 0x80;
	ioctl(-1, HDIO_DRIVE_CMD, cmd);

	reset[0] = 0xdeadbeef;
	reset[1] = 0xaaaaaaaa;
	reset[2] = 0xbeefbeef;
	ioctl(-1, HDIO_DRIVE_RESET, reset);
	ioctl(-1, HDIO_SCAN_HWIF, reset + 1);
	fill(identity, 512);
	ioctl(-1, HDIO_GET_IDENTITY, identity);
	ioctl(-1, HDIO_OBSOLETE_IDENTITY, identity + 512 - 142);
}

static void evdev(void)
{
	static const unsigned long null_args[] = {
		EVIOCGVERSION, EVIOCGEFFECTS, EVIOCGID, EVIOCGKEYCODE, EVIOCSKEYCODE, EVIOCSFF,
		EVIOCGKEYCODE_V2, EVIOCSKEYCODE_V2, EVIOCGREP, EVIOCSREP, EVIOCSCLOCKID,
		EVIOCGNAME(0), EVIOCGPHYS(0), EVIOCGUNIQ(0), EVIOCGKEY(0), EVIOCGLED(0),
		EVIOCGMTSLOTS(0), EVIOCGMTSLOTS(8), EVIOCGPROP(0), EVIOCGSND(0), EVIOCGSW(0),
		EVIOCGABS(ABS_X), EVIOCSABS(ABS_X), EVIOCGABS(0xe), EVIOCSABS(0x3f),
		EVIOCGABS(ABS_MT_TOOL_Y), EVIOCGBIT(0, 0), EVIOCGBIT(EV_KEY, 1),
		EVIOCGBIT(EV_ABS, 3), EVIOCGBIT(EV_PWR, 4), EVIOCGBIT(EV_FF_STATUS, 11),
		EVIOCGBIT(0x6, 12), EVIOCGBIT(EV_MAX, 42),
		_IOC(_IOC_READ, 'E', 0x1, 0xff), _IOC(_IOC_READ | _IOC_WRITE, 'E', 0xfe, 0xff),
	};
	static const unsigned long bitmaps[] = {
		EVIOCGBIT(0, 8), EVIOCGBIT(EV_KEY, 96), EVIOCGBIT(EV_LED, 8), EVIOCGKEY(96),
		EVIOCGPROP(8), EVIOCGSW(8),
	};
	unsigned long *bits = tail_alloc(12 * sizeof(*bits));
	unsigned int *pair = tail_alloc(2 * sizeof(*pair));
	struct input_keymap_entry *ike = tail_alloc(sizeof(*ike));
	struct ff_effect *ffe = tail_alloc(sizeof(*ffe));
	struct input_absinfo *absinfo = tail_alloc(sizeof(*absinfo));
	unsigned int *slots = tail_alloc(3 * sizeof(*slots));
	char *name = tail_alloc(8);
	static const uint16_t ff_types[] = { FF_CONSTANT, FF_RAMP, FF_PERIODIC, FF_RUMBLE, 0xff };

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++)
		ioctl(-1, null_args[i], NULL);
	ioctl(-1, EVIOCRMFF, 0xdeadbeefbadc0dedUL);
	ioctl(-1, EVIOCGRAB, 0xdeadbeefbadc0dedUL);
	ioctl(-1, EVIOCREVOKE, 1UL);
	pair[0] = 0xdeadbeef;
	pair[1] = 0xbadc0ded;
	ioctl(-1, EVIOCSCLOCKID, pair);
	ioctl(-1, EVIOCSREP, pair);
	ioctl(-1, EVIOCGREP, pair);
	pair[1] = KEY_ESC;
	ioctl(-1, EVIOCSKEYCODE, pair);
	ioctl(-1, EVIOCGKEYCODE, pair);
	ioctl(-1, EVIOCSKEYCODE, pair + 1);
	fill(ike, sizeof(*ike));
	ike->keycode = KEY_1;
	ioctl(-1, EVIOCSKEYCODE_V2, ike);
	ioctl(-1, EVIOCGKEYCODE_V2, ike);
	fill(ffe, sizeof(*ffe));
	for (size_t i = 0; i < sizeof(ff_types) / sizeof(ff_types[0]); i++) {
		ffe->type = ff_types[i];
		ioctl(-1, EVIOCSFF, ffe);
	}
	fill(absinfo, sizeof(*absinfo));
	ioctl(-1, EVIOCSABS(ABS_Y), absinfo);
	ioctl(-1, _IOC(_IOC_WRITE, 'E', 0xc0 + ABS_Y, 19), absinfo);
	ioctl(-1, _IOC(_IOC_WRITE, 'E', 0xc0 + ABS_Y, 20), absinfo);
	ioctl(-1, EVIOCGABS(ABS_Y), absinfo);
	ioctl(-1, EVIOCGID, absinfo);
	ioctl(-1, EVIOCGVERSION, pair);
	ioctl(-1, EVIOCGEFFECTS, pair);
	slots[0] = ABS_MT_SLOT;
	slots[1] = 1;
	slots[2] = 3;
	ioctl(-1, EVIOCGMTSLOTS(12), slots);
	slots[1] = -1;
	ioctl(-1, EVIOCGMTSLOTS(8), slots + 1);
	memcpy(name, "mouse\0\1", 8);
	ioctl(-1, EVIOCGNAME(8), name);
	memset(bits, 0, 12 * sizeof(*bits));
	bits[0] = 1 << EV_ABS | 1 << EV_MSC | 1 << EV_LED | 1 << EV_SND | 1 << EV_PWR |
		  1 << KEY_1 | 1 << KEY_2;
	bits[KEY_F12 / 64] |= 1UL << (KEY_F12 % 64);
	bits[KEY_OK / 64] |= 1UL << (KEY_OK % 64);
	for (size_t i = 0; i < sizeof(bitmaps) / sizeof(bitmaps[0]); i++)
		ioctl(-1, bitmaps[i], bits);
	ioctl(-1, EVIOCGBIT(EV_PWR, 4), pair);
}

static void gpio(void)
{
	static const unsigned long null_args[] = {
		GPIO_GET_CHIPINFO_IOCTL, GPIO_GET_LINEINFO_UNWATCH_IOCTL,
		GPIO_V2_GET_LINEINFO_IOCTL, GPIO_V2_GET_LINE_IOCTL, GPIO_V2_LINE_SET_CONFIG_IOCTL,
		GPIO_V2_LINE_GET_VALUES_IOCTL, GPIO_V2_LINE_SET_VALUES_IOCTL,
		GPIO_GET_LINEINFO_IOCTL, GPIO_GET_LINEHANDLE_IOCTL, GPIO_GET_LINEEVENT_IOCTL,
		GPIOHANDLE_GET_LINE_VALUES_IOCTL, GPIOHANDLE_SET_LINE_VALUES_IOCTL,
		GPIOHANDLE_SET_CONFIG_IOCTL, _IOC(_IOC_READ, 0xb4, 0x42, 8),
	};
	struct gpiochip_info *chip = tail_alloc(sizeof(*chip));
	struct gpioline_info *li = tail_alloc(sizeof(*li));
	struct gpiohandle_request *hr = tail_alloc(sizeof(*hr));
	struct gpioevent_request *er = tail_alloc(sizeof(*er));
	struct gpiohandle_data *hd = tail_alloc(sizeof(*hd));
	struct gpiohandle_config *hc = tail_alloc(sizeof(*hc));
	struct gpio_v2_line_info *li2 = tail_alloc(sizeof(*li2));
	struct gpio_v2_line_request *lr = tail_alloc(sizeof(*lr));
	struct gpio_v2_line_config *lc = tail_alloc(sizeof(*lc));
	struct gpio_v2_line_values *lv = tail_alloc(sizeof(*lv));
	uint32_t *offset = tail_alloc(sizeof(*offset));

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++) {
		ioctl(-1, null_args[i], NULL);
		ioctl(-1, null_args[i], 0xdeadbeefUL);
	}
	fill(chip, sizeof(*chip));
	strcpy(chip->name, "gpiochip0");
	ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, chip);
	fill(li, sizeof(*li));
	li->flags = GPIOLINE_FLAG_IS_OUT | GPIOLINE_FLAG_ACTIVE_LOW | 0x8000;
	strcpy(li->name, "line");
	ioctl(-1, GPIO_GET_LINEINFO_IOCTL, li);
	ioctl(-1, GPIO_GET_LINEINFO_WATCH_IOCTL, li);
	*offset = 7;
	ioctl(-1, GPIO_GET_LINEINFO_UNWATCH_IOCTL, offset);
	fill(hr, sizeof(*hr));
	hr->lines = 3;
	hr->flags = GPIOHANDLE_REQUEST_OUTPUT | GPIOHANDLE_REQUEST_BIAS_DISABLE;
	strcpy(hr->consumer_label, "label");
	hr->fd = 1;
	ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, hr);
	hr->lines = 70;
	ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, hr);
	fill(er, sizeof(*er));
	er->handleflags = GPIOHANDLE_REQUEST_INPUT;
	er->eventflags = GPIOEVENT_REQUEST_BOTH_EDGES;
	er->fd = 2;
	ioctl(-1, GPIO_GET_LINEEVENT_IOCTL, er);
	fill(hd, sizeof(*hd));
	ioctl(-1, GPIOHANDLE_GET_LINE_VALUES_IOCTL, hd);
	ioctl(-1, GPIOHANDLE_SET_LINE_VALUES_IOCTL, hd);
	fill(hc, sizeof(*hc));
	hc->flags = GPIOHANDLE_REQUEST_ACTIVE_LOW;
	ioctl(-1, GPIOHANDLE_SET_CONFIG_IOCTL, hc);
	lv->bits = 0xdeadbeef;
	lv->mask = 0xff;
	ioctl(-1, GPIO_V2_LINE_GET_VALUES_IOCTL, lv);
	ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, lv);
	memset(li2, 0, sizeof(*li2));
	li2->offset = 3;
	strcpy(li2->name, "v2line");
	li2->flags = GPIO_V2_LINE_FLAG_USED | GPIO_V2_LINE_FLAG_INPUT;
	li2->num_attrs = 4;
	li2->attrs[0].id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	li2->attrs[0].flags = GPIO_V2_LINE_FLAG_OUTPUT;
	li2->attrs[1].id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	li2->attrs[1].values = 0x55;
	li2->attrs[2].id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	li2->attrs[2].debounce_period_us = 10;
	li2->attrs[3].id = 9;
	li2->attrs[3].values = 0xabc;
	ioctl(-1, GPIO_V2_GET_LINEINFO_IOCTL, li2);
	li2->padding[1] = 5;
	li2->attrs[0].padding = 1;
	ioctl(-1, GPIO_V2_GET_LINEINFO_WATCH_IOCTL, li2);
	memset(lr, 0, sizeof(*lr));
	lr->num_lines = 2;
	lr->offsets[0] = 1;
	lr->offsets[1] = 6;
	strcpy(lr->consumer, "consumer");
	lr->config.flags = GPIO_V2_LINE_FLAG_EDGE_RISING;
	lr->config.num_attrs = 2;
	lr->config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	lr->config.attrs[0].attr.debounce_period_us = 5;
	lr->config.attrs[0].mask = 3;
	lr->config.attrs[1].attr.id = 7;
	lr->config.attrs[1].mask = 1;
	lr->fd = 1;
	ioctl(-1, GPIO_V2_GET_LINE_IOCTL, lr);
	lr->event_buffer_size = 16;
	lr->padding[2] = 1;
	ioctl(-1, GPIO_V2_GET_LINE_IOCTL, lr);
	memcpy(lc, &lr->config, sizeof(*lc));
	ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, lc);
}

static void ptp(void)
{
	static const unsigned long null_args[] = {
		PTP_CLOCK_GETCAPS, PTP_CLOCK_GETCAPS2, PTP_EXTTS_REQUEST, PTP_EXTTS_REQUEST2,
		PTP_PEROUT_REQUEST, PTP_PEROUT_REQUEST2, PTP_SYS_OFFSET, PTP_SYS_OFFSET2,
		PTP_SYS_OFFSET_EXTENDED, PTP_PIN_GETFUNC, PTP_PIN_GETFUNC2, PTP_PIN_SETFUNC,
		PTP_PIN_SETFUNC2, PTP_SYS_OFFSET_PRECISE, PTP_SYS_OFFSET_PRECISE2,
		_IOC(_IOC_READ, '=', 0xff, 4),
	};
	struct ptp_clock_caps *caps = tail_alloc(sizeof(*caps));
	struct ptp_extts_request *extts = tail_alloc(sizeof(*extts));
	struct ptp_perout_request *perout = tail_alloc(sizeof(*perout));
	struct ptp_sys_offset *so = tail_alloc(sizeof(*so));
	struct ptp_sys_offset_extended *ext = tail_alloc(sizeof(*ext));
	struct ptp_pin_desc *pin = tail_alloc(sizeof(*pin));
	struct ptp_sys_offset_precise *prec = tail_alloc(sizeof(*prec));

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++) {
		ioctl(-1, null_args[i], NULL);
		ioctl(-1, null_args[i], 0xdeadbeefUL);
	}
	ioctl(-1, PTP_ENABLE_PPS, 0xbadc0dedUL);
	ioctl(-1, PTP_ENABLE_PPS2, 0UL);
	fill(caps, sizeof(*caps));
	ioctl(-1, PTP_CLOCK_GETCAPS, caps);
	memset(caps->rsv, 0, sizeof(caps->rsv));
	ioctl(-1, PTP_CLOCK_GETCAPS2, caps);
	fill(extts, sizeof(*extts));
	extts->flags = PTP_ENABLE_FEATURE | PTP_FALLING_EDGE | 0x100;
	ioctl(-1, PTP_EXTTS_REQUEST, extts);
	ioctl(-1, PTP_EXTTS_REQUEST2, extts);
	fill(perout, sizeof(*perout));
	perout->start.sec = 1700000000;
	perout->start.nsec = 123456789;
	perout->start.reserved = 0;
	perout->flags = PTP_PEROUT_ONE_SHOT;
	ioctl(-1, PTP_PEROUT_REQUEST, perout);
	ioctl(-1, PTP_PEROUT_REQUEST2, perout);
	perout->flags = PTP_PEROUT_PHASE | PTP_PEROUT_DUTY_CYCLE;
	ioctl(-1, PTP_PEROUT_REQUEST2, perout);
	memset(so, 0, sizeof(*so));
	so->n_samples = 2;
	so->ts[0].sec = 1700000000;
	so->ts[1].nsec = 5;
	so->ts[2].reserved = 1;
	ioctl(-1, PTP_SYS_OFFSET, so);
	so->rsv[1] = 3;
	ioctl(-1, PTP_SYS_OFFSET2, so);
	memset(ext, 0, sizeof(*ext));
	ext->n_samples = 1;
	ext->ts[0][1].sec = 1600000000;
	ioctl(-1, PTP_SYS_OFFSET_EXTENDED2, ext);
	fill(pin, sizeof(*pin));
	strcpy(pin->name, "pin0");
	pin->func = PTP_PF_PEROUT;
	ioctl(-1, PTP_PIN_GETFUNC, pin);
	ioctl(-1, PTP_PIN_GETFUNC2, pin);
	ioctl(-1, PTP_PIN_SETFUNC, pin);
	pin->func = 9;
	ioctl(-1, PTP_PIN_SETFUNC2, pin);
	fill(prec, sizeof(*prec));
	prec->device.sec = 1700000001;
	prec->device.nsec = 1;
	prec->device.reserved = 0;
	ioctl(-1, PTP_SYS_OFFSET_PRECISE, prec);
}

static void rtc(void)
{
	static const unsigned long null_args[] = {
		RTC_ALM_READ, RTC_RD_TIME, RTC_ALM_SET, RTC_SET_TIME, RTC_IRQP_READ, RTC_WKALM_RD,
		RTC_WKALM_SET, RTC_PLL_GET, RTC_PLL_SET, RTC_VL_READ, RTC_PARAM_GET, RTC_PARAM_SET,
		RTC_AIE_ON, RTC_UIE_OFF, RTC_VL_CLR, _IOC(_IOC_READ, 'p', 0x77, 8),
	};
	struct rtc_time *tm = tail_alloc(sizeof(*tm));
	struct rtc_wkalrm *wk = tail_alloc(sizeof(*wk));
	struct rtc_pll_info *pll = tail_alloc(sizeof(*pll));
	struct rtc_param *param = tail_alloc(sizeof(*param));
	unsigned long *ul = tail_alloc(sizeof(*ul));
	unsigned int *vl = tail_alloc(sizeof(*vl));

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++)
		ioctl(-1, null_args[i], NULL);
	ioctl(-1, RTC_IRQP_SET, 0xdeadbeefcafeUL);
	ioctl(-1, RTC_EPOCH_SET, 1900UL);
	fill(tm, sizeof(*tm));
	ioctl(-1, RTC_SET_TIME, tm);
	ioctl(-1, RTC_RD_TIME, tm);
	fill(wk, sizeof(*wk));
	ioctl(-1, RTC_WKALM_SET, wk);
	ioctl(-1, RTC_WKALM_RD, wk);
	fill(pll, sizeof(*pll));
	ioctl(-1, RTC_PLL_SET, pll);
	ioctl(-1, RTC_PLL_GET, pll);
	*ul = 0xfacefeed;
	ioctl(-1, RTC_EPOCH_READ, ul);
	*vl = RTC_VL_BACKUP_LOW | RTC_VL_DATA_INVALID | 0x100;
	ioctl(-1, RTC_VL_READ, vl);
	for (uint64_t p = 0; p < 4; p++) {
		memset(param, 0, sizeof(*param));
		param->param = p;
		param->uvalue = p == 1 ? (uint64_t)-5 : 0x43;
		param->index = 2;
		ioctl(-1, RTC_PARAM_SET, param);
		ioctl(-1, RTC_PARAM_GET, param);
	}
	param->__pad = 1;
	ioctl(-1, RTC_PARAM_SET, param);
}

static void loop(void)
{
	static const unsigned long null_args[] = {
		LOOP_GET_STATUS, LOOP_SET_STATUS, LOOP_GET_STATUS64, LOOP_SET_STATUS64,
		LOOP_CONFIGURE, LOOP_CLR_FD, LOOP_SET_CAPACITY, LOOP_CTL_GET_FREE,
		_IOC(_IOC_READ, 'L', 0x99, 4),
	};
	struct loop_info *li = tail_alloc(sizeof(*li));
	struct loop_info64 *li64 = tail_alloc(sizeof(*li64));
	struct loop_config *lc = tail_alloc(sizeof(*lc));

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++)
		ioctl(-1, null_args[i], NULL);
	ioctl(-1, LOOP_SET_FD, 1UL);
	ioctl(-1, LOOP_CHANGE_FD, 0xffffffffUL);
	ioctl(-1, LOOP_CTL_ADD, 0xfffffffeUL);
	ioctl(-1, LOOP_CTL_REMOVE, 3UL);
	ioctl(-1, LOOP_SET_DIRECT_IO, 0xdeadbeefcafeUL);
	ioctl(-1, LOOP_SET_BLOCK_SIZE, 4096UL);
	fill(li, sizeof(*li));
	strcpy(li->lo_name, "/tmp/img");
	li->lo_encrypt_type = LO_CRYPT_NONE;
	li->lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR | 0x40;
	ioctl(-1, LOOP_SET_STATUS, li);
	ioctl(-1, LOOP_GET_STATUS, li);
	li->lo_encrypt_type = LO_CRYPT_XOR;
	li->lo_encrypt_key_size = 5;
	ioctl(-1, LOOP_SET_STATUS, li);
	li->lo_encrypt_key_size = 100;
	ioctl(-1, LOOP_SET_STATUS, li);
	fill(li64, sizeof(*li64));
	li64->lo_encrypt_type = LO_CRYPT_NONE;
	li64->lo_flags = LO_FLAGS_PARTSCAN;
	ioctl(-1, LOOP_SET_STATUS64, li64);
	ioctl(-1, LOOP_GET_STATUS64, li64);
	li64->lo_encrypt_type = 0x77;
	li64->lo_encrypt_key_size = 3;
	ioctl(-1, LOOP_SET_STATUS64, li64);
	memset(lc, 0, sizeof(*lc));
	lc->fd = 2;
	lc->block_size = 512;
	memcpy(&lc->info, li64, sizeof(*li64));
	ioctl(-1, LOOP_CONFIGURE, lc);
	lc->__reserved[3] = 9;
	ioctl(-1, LOOP_CONFIGURE, lc);
}

static void ubi(void)
{
	static const unsigned long null_args[] = {
		UBI_IOCATT, UBI_IOCEBCH, UBI_IOCEBMAP, UBI_IOCMKVOL, UBI_IOCRNVOL, UBI_IOCRSVOL,
		UBI_IOCSETVOLPROP, UBI_IOCVOLUP, UBI_IOCDET, UBI_IOCRMVOL, UBI_IOCVOLCRBLK,
		UBI_IOCVOLRMBLK, _IOC(_IOC_READ, 'o', 0x99, 4),
	};
	struct ubi_mkvol_req *mk = tail_alloc(sizeof(*mk));
	struct ubi_rnvol_req *rn = tail_alloc(sizeof(*rn));
	struct ubi_attach_req *att = tail_alloc(sizeof(*att));
	struct ubi_leb_change_req *leb = tail_alloc(sizeof(*leb));
	struct ubi_set_vol_prop_req *prop = tail_alloc(sizeof(*prop));
	int64_t *bytes = tail_alloc(sizeof(*bytes));
	int *num = tail_alloc(sizeof(*num));

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++)
		ioctl(-1, null_args[i], NULL);
	fill(mk, sizeof(*mk));
	mk->vol_type = UBI_STATIC_VOLUME;
	mk->flags = UBI_VOL_SKIP_CRC_CHECK_FLG;
	mk->name_len = 4;
	ioctl(-1, UBI_IOCMKVOL, mk);
	mk->name_len = -1;
	mk->vol_type = 9;
	ioctl(-1, UBI_IOCMKVOL, mk);
	mk->name_len = 300;
	ioctl(-1, UBI_IOCMKVOL, mk);
	memset(rn, 0, sizeof(*rn));
	rn->count = 2;
	rn->ents[0].vol_id = 1;
	rn->ents[0].name_len = 3;
	strcpy(rn->ents[0].name, "abcdef");
	rn->ents[1].vol_id = 2;
	rn->ents[1].name_len = 0;
	ioctl(-1, UBI_IOCRNVOL, rn);
	fill(att, sizeof(*att));
	ioctl(-1, UBI_IOCATT, att);
	fill(leb, sizeof(*leb));
	leb->dtype = 2;
	ioctl(-1, UBI_IOCEBCH, leb);
	ioctl(-1, UBI_IOCEBMAP, leb);
	ioctl(-1, UBI_IOCRSVOL, leb);
	fill(prop, sizeof(*prop));
	prop->property = UBI_VOL_PROP_DIRECT_WRITE;
	ioctl(-1, UBI_IOCSETVOLPROP, prop);
	*bytes = -5;
	ioctl(-1, UBI_IOCVOLUP, bytes);
	*num = 7;
	ioctl(-1, UBI_IOCDET, num);
	ioctl(-1, UBI_IOCEBISMAP, num);
	ioctl(-1, UBI_IOCSPEB, num);
}

static void mtd(void)
{
	static const unsigned long null_args[] = {
		MEMERASE, MEMLOCK, MEMERASE64, MEMWRITEOOB, MEMREADOOB64, MEMWRITE,
		OTPGETREGIONINFO, OTPLOCK, OTPSELECT, MEMGETBADBLOCK, MEMGETINFO, MEMGETOOBSEL,
		ECCGETLAYOUT, ECCGETSTATS, OTPGETREGIONCOUNT, MEMGETREGIONCOUNT, MEMGETREGIONINFO,
		_IOC(_IOC_READ, 'M', 0x99, 4),
	};
	struct erase_info_user64 *ei = tail_alloc(sizeof(*ei));
	struct mtd_oob_buf *ob = tail_alloc(sizeof(*ob));
	struct mtd_oob_buf64 *ob64 = tail_alloc(sizeof(*ob64));
	struct mtd_write_req *wr = tail_alloc(sizeof(*wr));
	struct otp_info *oi = tail_alloc(sizeof(*oi));
	struct mtd_info_user *mi = tail_alloc(sizeof(*mi));
	struct nand_oobinfo *ni = tail_alloc(sizeof(*ni));
	struct nand_ecclayout_user *el = tail_alloc(sizeof(*el));
	struct mtd_ecc_stats *es = tail_alloc(sizeof(*es));
	struct region_info_user *ri = tail_alloc(sizeof(*ri));
	int64_t *off = tail_alloc(sizeof(*off));
	unsigned int *sel = tail_alloc(sizeof(*sel));

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++)
		ioctl(-1, null_args[i], NULL);
	fill(ei, sizeof(*ei));
	ioctl(-1, MEMERASE, ei);
	ioctl(-1, MEMUNLOCK, ei);
	ioctl(-1, MEMISLOCKED, ei);
	ioctl(-1, MEMERASE64, ei);
	fill(ob, sizeof(*ob));
	ioctl(-1, MEMWRITEOOB, ob);
	ioctl(-1, MEMREADOOB, ob);
	fill(ob64, sizeof(*ob64));
	ioctl(-1, MEMWRITEOOB64, ob64);
	fill(wr, sizeof(*wr));
	wr->mode = MTD_OPS_RAW;
	ioctl(-1, MEMWRITE, wr);
	fill(oi, sizeof(*oi));
	ioctl(-1, OTPLOCK, oi);
	ioctl(-1, OTPGETREGIONINFO, oi);
	*sel = MTD_OTP_USER;
	ioctl(-1, OTPSELECT, sel);
	ioctl(-1, OTPGETREGIONCOUNT, sel);
	ioctl(-1, MEMGETREGIONCOUNT, sel);
	ioctl(-1, MTDFILEMODE, (unsigned long)MTD_FILE_MODE_RAW);
	ioctl(-1, MTDFILEMODE, 0x10UL);
	*off = 0x12345678;
	ioctl(-1, MEMGETBADBLOCK, off);
	ioctl(-1, MEMSETBADBLOCK, off);
	fill(mi, sizeof(*mi));
	mi->type = MTD_NANDFLASH;
	mi->flags = MTD_WRITEABLE | MTD_NO_ERASE;
	ioctl(-1, MEMGETINFO, mi);
	fill(ni, sizeof(*ni));
	ni->useecc = MTD_NANDECC_AUTOPLACE;
	ioctl(-1, MEMGETOOBSEL, ni);
	fill(el, sizeof(*el));
	ioctl(-1, ECCGETLAYOUT, el);
	fill(es, sizeof(*es));
	ioctl(-1, ECCGETSTATS, es);
	fill(ri, sizeof(*ri));
	ioctl(-1, MEMGETREGIONINFO, ri);
}

static void block(void)
{
	static const unsigned long getters[] = {
		BLKSECTGET, BLKROTATIONAL, BLKROGET, BLKBSZGET, BLKSSZGET, BLKALIGNOFF, BLKPBSZGET,
		BLKIOMIN, BLKDISCARDZEROES, BLKGETNRZONES, BLKRAGET, BLKFRAGET, BLKGETSIZE,
		BLKGETSIZE64, BLKGETDISKSEQ,
	};
	static const unsigned long no_args[] = {
		BLKRRPART, BLKFLSBUF, BLKTRACESTART, BLKTRACESTOP, BLKTRACETEARDOWN,
	};
	uint64_t *val = tail_alloc(2 * sizeof(*val));
	struct blkpg_ioctl_arg *pg = tail_alloc(sizeof(*pg));
	struct blkpg_partition *part = tail_alloc(sizeof(*part));
	struct blk_user_trace_setup *buts = tail_alloc(sizeof(*buts));

	for (size_t i = 0; i < sizeof(getters) / sizeof(getters[0]); i++) {
		val[0] = 0xfacefeedded1fffeUL - i;
		ioctl(-1, getters[i], NULL);
		ioctl(-1, getters[i], val);
	}
	for (size_t i = 0; i < sizeof(no_args) / sizeof(no_args[0]); i++)
		ioctl(-1, no_args[i], 0xdeadbeefUL);
	ioctl(-1, BLKRASET, 0xdeadbeefcafeUL);
	ioctl(-1, BLKFRASET, 4UL);
	val[0] = 0xdeadbeef;
	val[1] = 7;
	ioctl(-1, BLKROSET, val);
	ioctl(-1, BLKBSZSET, val);
	ioctl(-1, BLKDISCARD, val);
	ioctl(-1, BLKZEROOUT, val + 1);
	ioctl(-1, BLKPG, NULL);
	fill(part, sizeof(*part));
	strcpy(part->devname, "sda1");
	pg->op = BLKPG_RESIZE_PARTITION;
	pg->flags = 1;
	pg->datalen = sizeof(*part);
	pg->data = part;
	ioctl(-1, BLKPG, pg);
	pg->op = 7;
	pg->data = (char *)part + 1;
	ioctl(-1, BLKPG, pg);
	fill(buts, sizeof(*buts));
	strcpy(buts->name, "trace");
	buts->pid = 1;
	ioctl(-1, BLKTRACESETUP, buts);
	ioctl(-1, FICLONE, 0xdeadbeefUL);
}

static void scsi(void)
{
	static const unsigned long null_args[] = {
		SG_SET_TIMEOUT, SG_EMULATED_HOST, SG_GET_TRANSFORM, SG_SET_COMMAND_Q,
		SG_GET_RESERVED_SIZE, SG_GET_SCSI_ID, SG_GET_LOW_DMA, SG_GET_PACK_ID,
		SG_GET_VERSION_NUM, SG_NEXT_CMD_LEN, SG_SCSI_RESET, SG_IO, SG_GET_REQUEST_TABLE,
		0x2289,
	};
	int *val = tail_alloc(sizeof(*val));
	struct sg_scsi_id *id = tail_alloc(sizeof(*id));
	struct sg_req_info *req = tail_alloc(sizeof(*req));

	for (size_t i = 0; i < sizeof(null_args) / sizeof(null_args[0]); i++)
		ioctl(-1, null_args[i], NULL);
	ioctl(-1, SG_GET_TIMEOUT, 0xdeadbeefUL);
	ioctl(-1, SG_SET_TRANSFORM, 0xfacefeedUL);
	*val = (int)0xfacefeed;
	ioctl(-1, SG_SET_DEBUG, val);
	ioctl(-1, SG_GET_NUM_WAITING, val);
	ioctl(-1, SG_SCSI_RESET, val);
	*val = 0x100;
	ioctl(-1, SG_SCSI_RESET, val);
	*val = 0x101;
	ioctl(-1, SG_SCSI_RESET, val);
	*val = 'Z';
	ioctl(-1, SG_IO, val);
	fill(id, sizeof(*id));
	ioctl(-1, SG_GET_SCSI_ID, id);
	fill(req, sizeof(*req));
	ioctl(-1, SG_GET_REQUEST_TABLE, req);
	ioctl(-1, 0x22ff, 0xdeadbeeffacefeedUL);
}

/* Requests of the families decoded by hand (perf, fs labels) next to the tables. */
static void misc(void)
{
	uint32_t *q = tail_alloc(3 * sizeof(*q));
	char *label = tail_alloc(FSLABEL_MAX);

	q[0] = 2;
	q[1] = 1;
	q[2] = 42;
	ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, q);
	ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, NULL);
	memset(label, 'x', FSLABEL_MAX);
	ioctl(-1, FS_IOC_SETFSLABEL, label);
	strcpy(label, "root");
	ioctl(-1, FS_IOC_SETFSLABEL, label);
	ioctl(-1, FS_IOC_GETFSLABEL, label);
	ioctl(-1, FICLONE, 3UL);
	/* v4l2 structs are not decoded: NULL and an unreadable pointer print as pointers. */
	ioctl(-1, VIDIOC_ENUMINPUT, NULL);
	ioctl(-1, VIDIOC_QUERYCAP, label + FSLABEL_MAX);
	/* Names: several for one number, built from the fields, none at all. */
	*q = 0;
	ioctl(-1, HIDIOCGVERSION, q);
	ioctl(-1, HIDIOCGPHYS(8), q);
	ioctl(-1, _IOR('M', 13, int), q);
	ioctl(-1, _IOC(_IOC_WRITE, 0xde, 0, 0), -1UL);
	ioctl(-1, _IOR(0xde, 0xad, uint64_t), q);
	ioctl(-1, 'Z' << 8 | 'A', q);
}

static void lirc(void)
{
	static const unsigned long getters[] = {
		LIRC_GET_FEATURES, LIRC_GET_SEND_MODE, LIRC_GET_REC_RESOLUTION, LIRC_GET_LENGTH,
		LIRC_GET_REC_TIMEOUT,
	};
	static const unsigned long setters[] = {
		LIRC_SET_SEND_MODE, LIRC_SET_REC_MODE, LIRC_SET_TRANSMITTER_MASK,
		LIRC_SET_SEND_CARRIER, LIRC_SET_WIDEBAND_RECEIVER,
	};
	uint32_t *val = tail_alloc(sizeof(*val));

	for (size_t i = 0; i < sizeof(getters) / sizeof(getters[0]); i++) {
		*val = LIRC_CAN_SEND_PULSE | LIRC_CAN_REC_MODE2 | 0x80000000u;
		ioctl(-1, getters[i], NULL);
		ioctl(-1, getters[i], val);
	}
	for (size_t i = 0; i < sizeof(setters) / sizeof(setters[0]); i++) {
		*val = i == 0 ? LIRC_MODE_SCANCODE : 0xdeadbeef;
		ioctl(-1, setters[i], val);
		ioctl(-1, setters[i], (char *)val + 1);
	}
}

/* userfaultfd requests, on a real userfaultfd when the kernel gives one, else on fd -1. */
static void uffdio(void)
{
	struct uffdio_api *api = tail_alloc(sizeof(*api));
	struct uffdio_register *reg = tail_alloc(sizeof(*reg));
	struct uffdio_copy *copy = tail_alloc(sizeof(*copy));
	struct uffdio_zeropage *zp = tail_alloc(sizeof(*zp));
	struct uffdio_range *range = tail_alloc(sizeof(*range));
	int fd = (int)syscall(__NR_userfaultfd, 0);

	api->api = UFFD_API;
	api->features = 0;
	ioctl(fd, UFFDIO_API, api);
	ioctl(-1, UFFDIO_API, api);
	ioctl(-1, UFFDIO_API, NULL);
	fill(reg, sizeof(*reg));
	reg->mode = UFFDIO_REGISTER_MODE_MISSING | 0x10;
	ioctl(-1, UFFDIO_REGISTER, reg);
	fill(copy, sizeof(*copy));
	copy->mode = UFFDIO_COPY_MODE_DONTWAKE;
	ioctl(-1, UFFDIO_COPY, copy);
	fill(zp, sizeof(*zp));
	ioctl(-1, UFFDIO_ZEROPAGE, zp);
	fill(range, sizeof(*range));
	ioctl(-1, UFFDIO_UNREGISTER, range);
	ioctl(-1, UFFDIO_WAKE, range);
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	hdio();
	evdev();
	gpio();
	ptp();
	rtc();
	loop();
	ubi();
	mtd();
	block();
	scsi();
	misc();
	lirc();
	uffdio();
	return 0;
}

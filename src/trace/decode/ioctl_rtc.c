/* SPDX-License-Identifier: Apache-2.0 */
/* ioctl: the real-time clock requests of linux/rtc.h (type 'p'), as data. */
#include <sys/ioctl.h>
#include <linux/rtc.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(rtc_vl_flags,
	XLAT_PAIR(RTC_VL_DATA_INVALID), XLAT_PAIR(RTC_VL_BACKUP_LOW),
	XLAT_PAIR(RTC_VL_BACKUP_EMPTY), XLAT_PAIR(RTC_VL_ACCURACY_LOW),
	XLAT_PAIR(RTC_VL_BACKUP_SWITCH));
STATIC_XLAT(rtc_params,
	XLAT_PAIR(RTC_PARAM_FEATURES), XLAT_PAIR(RTC_PARAM_CORRECTION),
	XLAT_PAIR(RTC_PARAM_BACKUP_SWITCH_MODE));
STATIC_XLAT(rtc_features,
	{ 1 << RTC_FEATURE_ALARM, "1<<RTC_FEATURE_ALARM" },
	{ 1 << RTC_FEATURE_ALARM_RES_MINUTE, "1<<RTC_FEATURE_ALARM_RES_MINUTE" },
	{ 1 << RTC_FEATURE_NEED_WEEK_DAY, "1<<RTC_FEATURE_NEED_WEEK_DAY" },
	{ 1 << RTC_FEATURE_ALARM_RES_2S, "1<<RTC_FEATURE_ALARM_RES_2S" },
	{ 1 << RTC_FEATURE_UPDATE_INTERRUPT, "1<<RTC_FEATURE_UPDATE_INTERRUPT" },
	{ 1 << RTC_FEATURE_CORRECTION, "1<<RTC_FEATURE_CORRECTION" },
	{ 1 << RTC_FEATURE_BACKUP_SWITCH_MODE, "1<<RTC_FEATURE_BACKUP_SWITCH_MODE" },
	{ 1 << RTC_FEATURE_ALARM_WAKEUP_ONLY, "1<<RTC_FEATURE_ALARM_WAKEUP_ONLY" });
STATIC_XLAT(rtc_backup_switch_modes,
	XLAT_PAIR(RTC_BSM_DISABLED), XLAT_PAIR(RTC_BSM_DIRECT), XLAT_PAIR(RTC_BSM_LEVEL),
	XLAT_PAIR(RTC_BSM_STANDBY));

IOC_STRUCT_OF(rtc_time_desc, struct rtc_time,
	IOC_F(struct rtc_time, tm_sec, IOC_D),
	IOC_F(struct rtc_time, tm_min, IOC_D),
	IOC_F(struct rtc_time, tm_hour, IOC_D),
	IOC_F(struct rtc_time, tm_mday, IOC_D),
	IOC_F(struct rtc_time, tm_mon, IOC_D),
	IOC_F(struct rtc_time, tm_year, IOC_D),
	IOC_VERBOSE_ONLY,
	IOC_F(struct rtc_time, tm_wday, IOC_D),
	IOC_F(struct rtc_time, tm_yday, IOC_D),
	IOC_F(struct rtc_time, tm_isdst, IOC_D));

IOC_STRUCT_OF(rtc_wkalrm_desc, struct rtc_wkalrm,
	IOC_F(struct rtc_wkalrm, enabled, IOC_U),
	IOC_F(struct rtc_wkalrm, pending, IOC_U),
	IOC_FN(struct rtc_wkalrm, time, rtc_time_desc));

IOC_STRUCT_OF(rtc_pll_info_desc, struct rtc_pll_info,
	IOC_F(struct rtc_pll_info, pll_ctrl, IOC_D),
	IOC_F(struct rtc_pll_info, pll_value, IOC_D),
	IOC_F(struct rtc_pll_info, pll_max, IOC_D),
	IOC_F(struct rtc_pll_info, pll_min, IOC_D),
	IOC_F(struct rtc_pll_info, pll_posmult, IOC_D),
	IOC_F(struct rtc_pll_info, pll_negmult, IOC_D),
	IOC_F(struct rtc_pll_info, pll_clock, IOC_D));

/* The value of struct rtc_param by the parameter it is. */
static void print_param_value(struct sc *sc, const struct rtc_param *rp)
{
	struct pr *p = sc->p;
	switch (rp->param) {
	case RTC_PARAM_FEATURES:
		pr_field(p, "uvalue");
		pr_flags(p, &rtc_features, rp->uvalue, "1<<RTC_FEATURE_???");
		return;
	case RTC_PARAM_CORRECTION:
		pr_field(p, "svalue");
		pr_int(p, rp->svalue);
		return;
	case RTC_PARAM_BACKUP_SWITCH_MODE:
		pr_field(p, "uvalue");
		pr_xval(p, &rtc_backup_switch_modes, rp->uvalue, "RTC_BSM_???");
		return;
	}
	pr_field(p, "uvalue");
	pr_hex(p, rp->uvalue);
}

/*
 * RTC_PARAM_SET: {param, value, index} at entry. RTC_PARAM_GET: {param, index} at entry,
 * " => {value}" at exit, " => " and the address when the call failed.
 */
static int param_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct rtc_param rp;
	bool get = code == RTC_PARAM_GET;
	struct pr *p = sc->p;

	if (sc->exiting)
		pr_join(p, " => ");
	if (!fetch_or_print_addr(sc, arg, &rp, sizeof(rp)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	if (!sc->exiting) {
		pr_field(p, "param");
		pr_xval(p, &rtc_params, rp.param, "RTC_PARAM_???");
	}
	if (sc->exiting == get)
		print_param_value(sc, &rp);
	if (!sc->exiting) {
		pr_field(p, "index");
		pr_uint(p, rp.index);
	}
	if (rp.__pad) {
		pr_field(p, "__pad");
		pr_hex(p, rp.__pad);
	}
	pr_struct_end(p);
	return !sc->exiting && get ? IOC_LATER : IOC_ARG_DONE;
}

IOC_FAMILY(rtc_family,
	IOC_C_STRUCT(RTC_ALM_READ, IOA_OUT, rtc_time_desc),
	IOC_C_STRUCT(RTC_RD_TIME, IOA_OUT, rtc_time_desc),
	IOC_C_STRUCT(RTC_ALM_SET, IOA_IN, rtc_time_desc),
	IOC_C_STRUCT(RTC_SET_TIME, IOA_IN, rtc_time_desc),
	IOC_C_VAL(RTC_IRQP_SET, IOC_U, sizeof(long)),
	IOC_C_VAL(RTC_EPOCH_SET, IOC_U, sizeof(long)),
	IOC_C_AT(RTC_IRQP_READ, IOA_OUT, IOC_U, sizeof(long)),
	IOC_C_AT(RTC_EPOCH_READ, IOA_OUT, IOC_U, sizeof(long)),
	IOC_C_STRUCT(RTC_WKALM_RD, IOA_OUT, rtc_wkalrm_desc),
	IOC_C_STRUCT(RTC_WKALM_SET, IOA_IN, rtc_wkalrm_desc),
	IOC_C_STRUCT(RTC_PLL_GET, IOA_OUT, rtc_pll_info_desc),
	IOC_C_STRUCT(RTC_PLL_SET, IOA_IN, rtc_pll_info_desc),
	IOC_C_XAT(RTC_VL_READ, IOA_OUT, IOC_FLAGS, sizeof(int), rtc_vl_flags, "RTC_VL_???"),
	IOC_C_FN(RTC_PARAM_GET, param_ioctl),
	IOC_C_FN(RTC_PARAM_SET, param_ioctl),
	IOC_C_NONE(RTC_AIE_ON), IOC_C_NONE(RTC_AIE_OFF), IOC_C_NONE(RTC_UIE_ON),
	IOC_C_NONE(RTC_UIE_OFF), IOC_C_NONE(RTC_PIE_ON), IOC_C_NONE(RTC_PIE_OFF),
	IOC_C_NONE(RTC_WIE_ON), IOC_C_NONE(RTC_WIE_OFF), IOC_C_NONE(RTC_VL_CLR));

int rtc_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &rtc_family, code, arg);
}

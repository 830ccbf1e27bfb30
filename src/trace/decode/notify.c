/* SPDX-License-Identifier: Apache-2.0 */
/* File notification syscalls of no other area: fanotify_init, inotify_rm_watch. */
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

/* linux/fanotify.h: the notification class takes two bits, the flags the others. */
#define FAN_ALL_CLASS_BITS_ 0xcu

STATIC_XLAT(fan_classes,
	{ 0x0, "FAN_CLASS_NOTIF" }, { 0x4, "FAN_CLASS_CONTENT" }, { 0x8, "FAN_CLASS_PRE_CONTENT" });
STATIC_XLAT(fan_init_flags,
	{ 0x1, "FAN_CLOEXEC" }, { 0x2, "FAN_NONBLOCK" }, { 0x10, "FAN_UNLIMITED_QUEUE" },
	{ 0x20, "FAN_UNLIMITED_MARKS" }, { 0x40, "FAN_ENABLE_AUDIT" },
	{ 0x80, "FAN_REPORT_PIDFD" }, { 0x100, "FAN_REPORT_TID" }, { 0x200, "FAN_REPORT_FID" },
	{ 0x400, "FAN_REPORT_DIR_FID" }, { 0x800, "FAN_REPORT_NAME" },
	{ 0x1000, "FAN_REPORT_TARGET_FID" });

int decode_fanotify_init(struct sc *sc)
{
	uint32_t flags = (uint32_t)sc->arg[0];
	pr_xval(sc->p, &fan_classes, flags & FAN_ALL_CLASS_BITS_, "FAN_CLASS_???");
	flags &= ~FAN_ALL_CLASS_BITS_;
	if (flags) {
		pr_join(sc->p, "|");
		pr_flags(sc->p, &fan_init_flags, flags, "FAN_???");
	}
	pr_open_flags(sc->p, (uint32_t)sc->arg[1]);
	return RV_DECODED | RV_FD;
}

int decode_inotify_rm_watch(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_int(sc->p, (int)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

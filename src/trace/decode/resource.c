/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoders of the resource, scheduling and system information syscalls: rlimits, rusage,
 * sysinfo, uname, priorities, CPU affinity, scheduler policies, I/O priorities, syslog
 * and personality.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/misc_impl.h"

/* ---- resource limits ---- */

STATIC_XLAT(rlimit_resources,
	{ 0, "RLIMIT_CPU" }, { 1, "RLIMIT_FSIZE" }, { 2, "RLIMIT_DATA" }, { 3, "RLIMIT_STACK" },
	{ 4, "RLIMIT_CORE" }, { 5, "RLIMIT_RSS" }, { 6, "RLIMIT_NPROC" },
	{ 7, "RLIMIT_NOFILE" }, { 8, "RLIMIT_MEMLOCK" }, { 9, "RLIMIT_AS" },
	{ 10, "RLIMIT_LOCKS" }, { 11, "RLIMIT_SIGPENDING" }, { 12, "RLIMIT_MSGQUEUE" },
	{ 13, "RLIMIT_NICE" }, { 14, "RLIMIT_RTPRIO" }, { 15, "RLIMIT_RTTIME" });

static void print_resource(struct sc *sc, uint64_t res)
{
	pr_xval(sc->p, &rlimit_resources, (uint32_t)res, "RLIMIT_???");
}

/* A limit: RLIM64_INFINITY, multiples of 1024 as "8192*1024", the rest in decimal. */
static void print_rlim(struct sc *sc, uint64_t lim)
{
	char num[32], text[48];
	snprintf(num, sizeof(num), "%" PRIu64, lim);
	if (lim == UINT64_MAX) {
		misc_print_alt(sc, num, "RLIM64_INFINITY");
	} else if (lim > 1024 && lim % 1024 == 0) {
		snprintf(text, sizeof(text), "%" PRIu64 "*1024", lim / 1024);
		misc_print_alt(sc, num, text);
	} else {
		pr_text(sc->p, num);
	}
}

static void print_rlimit_at(struct sc *sc, uint64_t addr)
{
	uint64_t rl[2];
	if (!fetch_or_print_addr(sc, addr, rl, sizeof(rl)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "rlim_cur");
	print_rlim(sc, rl[0]);
	pr_field(sc->p, "rlim_max");
	print_rlim(sc, rl[1]);
	pr_struct_end(sc->p);
}

int decode_getrlimit(struct sc *sc)
{
	if (!sc->exiting) {
		print_resource(sc, sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_rlimit_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_setrlimit(struct sc *sc)
{
	print_resource(sc, sc->arg[0]);
	print_rlimit_at(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_prlimit64(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		print_resource(sc, sc->arg[1]);
		print_rlimit_at(sc, sc->arg[2]);
		return DEC_AT_EXIT;
	}
	print_rlimit_at(sc, sc->arg[3]);
	return RV_DEC;
}

/* ---- rusage, sysinfo, uname ---- */

STATIC_XLAT(rusage_who,
	{ 0, "RUSAGE_SELF" }, { 0xffffffffu, "RUSAGE_CHILDREN" }, { 0xfffffffeu, "RUSAGE_BOTH" },
	{ 1, "RUSAGE_THREAD" });

/* The kernel's struct rusage on x86_64: two timevals and fourteen longs. */
struct k_rusage {
	int64_t utime[2];
	int64_t stime[2];
	uint64_t counts[14];
};

void print_rusage_at(struct sc *sc, uint64_t addr)
{
	static const char *const names[] = {
		"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
		"ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals",
		"ru_nvcsw", "ru_nivcsw",
	};
	struct k_rusage ru;

	if (!fetch_or_print_addr(sc, addr, &ru, sizeof(ru)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "ru_utime");
	print_timeval(sc, ru.utime[0], ru.utime[1]);
	pr_field(sc->p, "ru_stime");
	print_timeval(sc, ru.stime[0], ru.stime[1]);
	if (!sc->verbose) {
		pr_more(sc->p);
	} else {
		for (size_t i = 0; i < 14; i++) {
			pr_field(sc->p, names[i]);
			pr_uint(sc->p, ru.counts[i]);
		}
	}
	pr_struct_end(sc->p);
}

int decode_getrusage(struct sc *sc)
{
	if (!sc->exiting) {
		pr_xval(sc->p, &rusage_who, (uint32_t)sc->arg[0], "RUSAGE_???");
		return DEC_AT_EXIT;
	}
	print_rusage_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_sysinfo(struct sc *sc)
{
	struct sysinfo si;
	struct pr *p = sc->p;

	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (!fetch_or_print_addr(sc, sc->arg[0], &si, sizeof(si)))
		return RV_DEC;
	pr_struct_begin(p);
	pr_field(p, "uptime");
	pr_uint(p, (unsigned long)si.uptime);
	pr_field(p, "loads");
	pr_array_begin(p);
	for (int i = 0; i < 3; i++)
		pr_uint(p, si.loads[i]);
	pr_array_end(p);
	pr_field(p, "totalram");
	pr_uint(p, si.totalram);
	pr_field(p, "freeram");
	pr_uint(p, si.freeram);
	pr_field(p, "sharedram");
	pr_uint(p, si.sharedram);
	pr_field(p, "bufferram");
	pr_uint(p, si.bufferram);
	pr_field(p, "totalswap");
	pr_uint(p, si.totalswap);
	pr_field(p, "freeswap");
	pr_uint(p, si.freeswap);
	pr_field(p, "procs");
	pr_uint(p, si.procs);
	pr_field(p, "totalhigh");
	pr_uint(p, si.totalhigh);
	pr_field(p, "freehigh");
	pr_uint(p, si.freehigh);
	pr_field(p, "mem_unit");
	pr_uint(p, si.mem_unit);
	pr_struct_end(p);
	return RV_DEC;
}

/* A NUL-terminated field of a fixed-size array: "..." when it has no NUL. */
static void print_cstring_field(struct sc *sc, const char *name, const char *s, size_t size)
{
	size_t len = strnlen(s, size);
	pr_field(sc->p, name);
	if (len < size)
		pr_quoted(sc->p, s, len, 0);
	else
		pr_quoted(sc->p, s, size - 1, PR_QUOTE_ELLIPSIS);
}

int decode_uname(struct sc *sc)
{
	struct utsname u;

	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (!fetch_or_print_addr(sc, sc->arg[0], &u, sizeof(u)))
		return RV_DEC;
	pr_struct_begin(sc->p);
	print_cstring_field(sc, "sysname", u.sysname, sizeof(u.sysname));
	print_cstring_field(sc, "nodename", u.nodename, sizeof(u.nodename));
	if (!sc->verbose) {
		pr_more(sc->p);
	} else {
		print_cstring_field(sc, "release", u.release, sizeof(u.release));
		print_cstring_field(sc, "version", u.version, sizeof(u.version));
		print_cstring_field(sc, "machine", u.machine, sizeof(u.machine));
		print_cstring_field(sc, "domainname", u.domainname, sizeof(u.domainname));
	}
	pr_struct_end(sc->p);
	return RV_DEC;
}

/* ---- priorities ---- */

STATIC_XLAT(prio_which, { 0, "PRIO_PROCESS" }, { 1, "PRIO_PGRP" }, { 2, "PRIO_USER" });

static void print_prio_target(struct sc *sc)
{
	pr_xval(sc->p, &prio_which, (uint32_t)sc->arg[0], "PRIO_???");
	/* The target is a pid or process group for the first two, a uid for PRIO_USER. */
	if (sc->arg[0] == 0 || sc->arg[0] == 1)
		print_pid(sc, (int)sc->arg[1], sc->arg[0] == 0 ? PID_TGID : PID_PGID);
	else
		pr_int(sc->p, (int)sc->arg[1]);
}

int decode_getpriority(struct sc *sc)
{
	print_prio_target(sc);
	return RV_DECODED | RV_DEC;
}

int decode_setpriority(struct sc *sc)
{
	print_prio_target(sc);
	pr_int(sc->p, (int)sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

/* ---- CPU affinity ---- */

/*
 * The smallest mask size the kernel accepts: with a size too small for its CPU count,
 * sched_getaffinity fails with EINVAL before looking at the (here null) mask.
 */
static unsigned int kernel_cpuset_size(void)
{
	static unsigned int size;
	if (!size) {
		size = 128;
		while (size && syscall(SYS_sched_getaffinity, 0, size, NULL) == -1 &&
		       errno == EINVAL)
			size <<= 1;
		if (!size)
			size = 128;
	}
	return size;
}

void print_cpu_mask(struct sc *sc, uint64_t addr, uint32_t len)
{
	unsigned char mask[8192];
	char text[8192 * 4];

	if (sc->no_deref || (sc->exiting && sc->err) || !addr) {
		print_addr(sc, addr);
		return;
	}
	if (!len) {
		pr_text(sc->p, "[]");
		return;
	}
	uint32_t want = len < kernel_cpuset_size() ? len : kernel_cpuset_size();
	if (want > sizeof(mask))
		want = sizeof(mask);
	/* The mask is read in whole words of the tracee (8 bytes). */
	uint32_t size = (want + 7) & ~7u;
	memset(mask, 0, sizeof(mask));
	if (!fetch_or_print_addr(sc, addr, mask, want))
		return;
	size_t n = 0;
	text[n++] = '[';
	for (uint32_t cpu = 0; cpu < size * 8 && n < sizeof(text) - 16; cpu++) {
		if (mask[cpu / 8] >> (cpu % 8) & 1)
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%u",
					      n > 1 ? " " : "", cpu);
	}
	if (size < len)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s...", n > 1 ? " " : "");
	snprintf(text + n, sizeof(text) - n, "]");
	pr_text(sc->p, text);
}

int decode_sched_setaffinity(struct sc *sc)
{
	uint32_t len = (uint32_t)sc->arg[1];
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	pr_uint(sc->p, len);
	print_cpu_mask(sc, sc->arg[2], len);
	return RV_DECODED | RV_DEC;
}

int decode_sched_getaffinity(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		pr_uint(sc->p, (uint32_t)sc->arg[1]);
		return DEC_AT_EXIT;
	}
	/* The result is the number of bytes the kernel wrote. */
	print_cpu_mask(sc, sc->arg[2], (uint32_t)sc->rval);
	return RV_DEC;
}

/* ---- scheduling policies ---- */

STATIC_XLAT(sched_policies,
	{ 0, "SCHED_OTHER" }, { 1, "SCHED_FIFO" }, { 2, "SCHED_RR" }, { 3, "SCHED_BATCH" },
	{ 4, "SCHED_ISO" }, { 5, "SCHED_IDLE" }, { 6, "SCHED_DEADLINE" });

STATIC_XLAT(sched_attr_flags,
	{ 0x01, "SCHED_FLAG_RESET_ON_FORK" }, { 0x02, "SCHED_FLAG_RECLAIM" },
	{ 0x04, "SCHED_FLAG_DL_OVERRUN" }, { 0x08, "SCHED_FLAG_KEEP_POLICY" },
	{ 0x10, "SCHED_FLAG_KEEP_PARAMS" }, { 0x20, "SCHED_FLAG_UTIL_CLAMP_MIN" },
	{ 0x40, "SCHED_FLAG_UTIL_CLAMP_MAX" });

static void print_policy(struct sc *sc, uint64_t policy)
{
	pr_xval(sc->p, &sched_policies, (uint32_t)policy, "SCHED_???");
}

int decode_sched_getscheduler(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		return DEC_AT_EXIT;
	}
	const char *name = sc->err ? NULL : xlat_lookup(&sched_policies, (uint64_t)sc->rval);
	if (!name)
		return RV_DEC;
	snprintf(sc->aux, sizeof(sc->aux), "%s", name);
	return RV_DEC | RV_AUX;
}

int decode_sched_setscheduler(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	print_policy(sc, sc->arg[1]);
	print_int_at(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_sched_getparam(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		return DEC_AT_EXIT;
	}
	print_int_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_sched_setparam(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	print_int_at(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

/* sched_get_priority_max and _min: a policy. */
int decode_sched_priority_range(struct sc *sc)
{
	print_policy(sc, sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

int decode_sched_rr_get_interval(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		return DEC_AT_EXIT;
	}
	print_timespec_at(sc, sc->arg[1]);
	return RV_DEC;
}

/* struct sched_attr: 48 bytes in its first version, 56 with the utilization clamps. */
struct k_sched_attr {
	uint32_t size;
	uint32_t sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime;
	uint64_t sched_deadline;
	uint64_t sched_period;
	uint32_t sched_util_min;
	uint32_t sched_util_max;
};

enum { SCHED_ATTR_SIZE_VER0_ = 48, SCHED_ATTR_SIZE_VER1_ = 56 };
enum { SCHED_FLAG_KEEP_POLICY_ = 0x08, SCHED_FLAG_KEEP_PARAMS_ = 0x10 };

static void print_sched_attr_fields(struct sc *sc, const struct k_sched_attr *a, uint32_t size,
				    bool is_set)
{
	struct pr *p = sc->p;
	if (size < SCHED_ATTR_SIZE_VER0_)
		return;
	if (!is_set || (int32_t)a->sched_policy < 0 ||
	    !(a->sched_flags & (SCHED_FLAG_KEEP_POLICY_ | SCHED_FLAG_KEEP_PARAMS_))) {
		pr_field(p, "sched_policy");
		print_policy(sc, a->sched_policy);
	}
	pr_field(p, "sched_flags");
	pr_flags(sc->p, &sched_attr_flags, a->sched_flags, "SCHED_FLAG_???");
	if (!is_set || !(a->sched_flags & SCHED_FLAG_KEEP_PARAMS_)) {
		pr_field(p, "sched_nice");
		pr_int(p, a->sched_nice);
		pr_field(p, "sched_priority");
		pr_uint(p, a->sched_priority);
		pr_field(p, "sched_runtime");
		pr_uint(p, a->sched_runtime);
		pr_field(p, "sched_deadline");
		pr_uint(p, a->sched_deadline);
		pr_field(p, "sched_period");
		pr_uint(p, a->sched_period);
	}
	if (size < SCHED_ATTR_SIZE_VER1_)
		return;
	pr_field(p, "sched_util_min");
	pr_uint(p, a->sched_util_min);
	pr_field(p, "sched_util_max");
	pr_uint(p, a->sched_util_max);
}

/* USIZE is the caller's buffer size for sched_getattr, 0 for sched_setattr. */
static void print_sched_attr_at(struct sc *sc, uint64_t addr, uint32_t usize)
{
	struct k_sched_attr a;
	uint32_t size;
	bool is_set = usize == 0;

	memset(&a, 0, sizeof(a));
	if (!is_set) {
		size = usize < sizeof(a) ? usize : (uint32_t)sizeof(a);
		if (!fetch_or_print_addr(sc, addr, &a, size))
			return;
		size = a.size;	/* what the kernel wrote */
	} else {
		if (!fetch_or_print_addr(sc, addr, &a.size, sizeof(a.size)))
			return;
		usize = a.size ? a.size : SCHED_ATTR_SIZE_VER0_;
		size = usize < sizeof(a) ? usize : (uint32_t)sizeof(a);
		if (size >= SCHED_ATTR_SIZE_VER0_ && !fetch_or_print_addr(sc, addr, &a, size))
			return;
	}
	pr_struct_begin(sc->p);
	pr_field(sc->p, "size");
	pr_uint(sc->p, a.size);
	print_sched_attr_fields(sc, &a, size, is_set);
	if ((is_set ? usize : a.size) > size)
		pr_more(sc->p);
	pr_struct_end(sc->p);
}

int decode_sched_setattr(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		print_sched_attr_at(sc, sc->arg[1], 0);
		return DEC_AT_EXIT;
	}
	uint32_t size;
	/* On E2BIG the kernel wrote the size it supports back into the struct. */
	if (!sc->no_deref && sc->err == 7 && UMOVE(sc, sc->arg[1], &size) == 0)
		pr_rawf(sc->p, " => {size=%u}", size);
	pr_uint(sc->p, (uint32_t)sc->arg[2]);
	return RV_DEC;
}

int decode_sched_getattr(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		return DEC_AT_EXIT;
	}
	uint32_t size = (uint32_t)sc->arg[2];
	if (size)
		print_sched_attr_at(sc, sc->arg[1], size);
	else
		print_addr(sc, sc->arg[1]);
	pr_uint(sc->p, size);
	pr_uint(sc->p, (uint32_t)sc->arg[3]);
	return RV_DEC;
}

int decode_getcpu(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	print_uint_at(sc, sc->arg[0]);
	print_uint_at(sc, sc->arg[1]);
	print_addr(sc, sc->arg[2]);
	return RV_DEC;
}

/* ---- I/O priorities ---- */

STATIC_XLAT(ioprio_who,
	{ 1, "IOPRIO_WHO_PROCESS" }, { 2, "IOPRIO_WHO_PGRP" }, { 3, "IOPRIO_WHO_USER" });

STATIC_XLAT(ioprio_classes,
	{ 0, "IOPRIO_CLASS_NONE" }, { 1, "IOPRIO_CLASS_RT" }, { 2, "IOPRIO_CLASS_BE" },
	{ 3, "IOPRIO_CLASS_IDLE" });

/* An I/O priority: the class in bits 13 and up, the level below. */
void ioprio_text(const struct sc *sc, char *buf, size_t n, uint32_t ioprio)
{
	char cls[64];
	pr_sprint_xval(cls, sizeof(cls), sc->p->xlat_style, &ioprio_classes, ioprio >> 13,
		       "IOPRIO_CLASS_???");
	snprintf(buf, n, "IOPRIO_PRIO_VALUE(%s, %d)", cls, (int)(ioprio & 0x1fff));
}

static void print_ioprio_target(struct sc *sc)
{
	pr_xval(sc->p, &ioprio_who, (uint32_t)sc->arg[0], "IOPRIO_WHO_???");
	if (sc->arg[0] == 1 || sc->arg[0] == 2)
		print_pid(sc, (int)sc->arg[1], sc->arg[0] == 1 ? PID_TGID : PID_PGID);
	else
		pr_int(sc->p, (int)sc->arg[1]);
}

int decode_ioprio_get(struct sc *sc)
{
	if (!sc->exiting) {
		print_ioprio_target(sc);
		return DEC_AT_EXIT;
	}
	if (sc->err || sc->p->xlat_style == PR_XLAT_RAW)
		return RV_DEC;
	ioprio_text(sc, sc->aux, sizeof(sc->aux), (uint32_t)sc->rval);
	return RV_DEC | RV_AUX;
}

int decode_ioprio_set(struct sc *sc)
{
	char num[16], text[128];
	print_ioprio_target(sc);
	snprintf(num, sizeof(num), "%d", (int)sc->arg[2]);
	ioprio_text(sc, text, sizeof(text), (uint32_t)sc->arg[2]);
	misc_print_alt(sc, num, text);
	return RV_DECODED | RV_DEC;
}

/* ---- syslog ---- */

STATIC_XLAT(syslog_actions,
	{ 0, "SYSLOG_ACTION_CLOSE" }, { 1, "SYSLOG_ACTION_OPEN" }, { 2, "SYSLOG_ACTION_READ" },
	{ 3, "SYSLOG_ACTION_READ_ALL" }, { 4, "SYSLOG_ACTION_READ_CLEAR" },
	{ 5, "SYSLOG_ACTION_CLEAR" }, { 6, "SYSLOG_ACTION_CONSOLE_OFF" },
	{ 7, "SYSLOG_ACTION_CONSOLE_ON" }, { 8, "SYSLOG_ACTION_CONSOLE_LEVEL" },
	{ 9, "SYSLOG_ACTION_SIZE_UNREAD" }, { 10, "SYSLOG_ACTION_SIZE_BUFFER" });

STATIC_XLAT(console_levels,
	{ 0, "LOGLEVEL_EMERG" }, { 1, "LOGLEVEL_ALERT" }, { 2, "LOGLEVEL_CRIT" },
	{ 3, "LOGLEVEL_ERR" }, { 4, "LOGLEVEL_WARNING" }, { 5, "LOGLEVEL_NOTICE" },
	{ 6, "LOGLEVEL_INFO" }, { 7, "LOGLEVEL_DEBUG" }, { 8, "LOGLEVEL_DEBUG+1" });

/* strace always shows these constants as "number / * NAME * /", whatever -X says. */
static void print_dec_named(struct sc *sc, const struct xlat *x, int v, const char *dflt)
{
	const char *name = xlat_lookup(x, (uint32_t)v);
	pr_int(sc->p, v);
	pr_comment(sc->p, "%s", name ? name : dflt);
}

enum {
	SYSLOG_READ_ = 2, SYSLOG_READ_ALL_ = 3, SYSLOG_READ_CLEAR_ = 4,
	SYSLOG_CONSOLE_LEVEL_ = 8,
};

int decode_syslog(struct sc *sc)
{
	int type = (int)sc->arg[0];
	int len = (int)sc->arg[2];

	if (sc->exiting) {
		/* Only the read actions come back here. */
		if (sc->err)
			print_addr(sc, sc->arg[1]);
		else
			print_buf(sc, sc->arg[1], (uint64_t)sc->rval);
		pr_int(sc->p, len);
		return RV_DEC;
	}
	print_dec_named(sc, &syslog_actions, type, "SYSLOG_ACTION_???");
	switch (type) {
	case 0: case 1: case 5: case 6: case 7: case 9: case 10:
		/* These ignore the buffer and the length. */
		return RV_DECODED | RV_DEC;
	case SYSLOG_READ_:
	case SYSLOG_READ_ALL_:
	case SYSLOG_READ_CLEAR_:
		return DEC_AT_EXIT;
	case SYSLOG_CONSOLE_LEVEL_:
		print_addr(sc, sc->arg[1]);
		print_dec_named(sc, &console_levels, len, "LOGLEVEL_???");
		return RV_DECODED | RV_DEC;
	default:
		print_addr(sc, sc->arg[1]);
		pr_int(sc->p, len);
		return RV_DECODED | RV_DEC;
	}
}

/* ---- personality ---- */

/* Only the values of the low byte (PER_MASK) can match after masking. */
STATIC_XLAT(personality_types,
	{ 0x0000, "PER_LINUX" }, { 0x0006, "PER_BSD" }, { 0x0008, "PER_LINUX32" },
	{ 0x000c, "PER_RISCOS" }, { 0x000f, "PER_OSF4" }, { 0x0010, "PER_HPUX" },
	{ 0x00ff, "PER_MASK" });

STATIC_XLAT(personality_flags,
	{ 0x0020000, "UNAME26" }, { 0x0040000, "ADDR_NO_RANDOMIZE" },
	{ 0x0080000, "FDPIC_FUNCPTRS" }, { 0x0100000, "MMAP_PAGE_ZERO" },
	{ 0x0200000, "ADDR_COMPAT_LAYOUT" }, { 0x0400000, "READ_IMPLIES_EXEC" },
	{ 0x0800000, "ADDR_LIMIT_32BIT" }, { 0x1000000, "SHORT_INODE" },
	{ 0x2000000, "WHOLE_SECONDS" }, { 0x4000000, "STICKY_TIMEOUTS" },
	{ 0x8000000, "ADDR_LIMIT_3GB" });

/* "PER_LINUX|ADDR_NO_RANDOMIZE": the type of the low byte, then the flags. */
static void personality_text(const struct sc *sc, char *buf, size_t n, uint32_t pers)
{
	pr_sprint_xval(buf, n, sc->p->xlat_style, &personality_types, pers & 0xff, "PER_???");
	uint32_t flags = pers & ~0xffu;
	size_t len = strlen(buf);
	if (flags && len + 1 < n) {
		buf[len++] = '|';
		pr_sprint_flags(buf + len, n - len, sc->p->xlat_style, &personality_flags, flags,
				NULL);
	}
}

int decode_personality(struct sc *sc)
{
	uint32_t pers = (uint32_t)sc->arg[0];

	if (!sc->exiting) {
		/* 0xffffffff queries without changing. */
		if (pers == 0xffffffff) {
			pr_hex(sc->p, pers);
		} else {
			char text[512];
			personality_text(sc, text, sizeof(text), pers);
			pr_text(sc->p, text);
		}
		return DEC_AT_EXIT;
	}
	if (sc->err)
		return RV_DEC;
	personality_text(sc, sc->aux, sizeof(sc->aux), (uint32_t)sc->rval);
	return RV_HEX | RV_AUX;
}

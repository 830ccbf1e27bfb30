/* SPDX-License-Identifier: Apache-2.0 */
/*
 * perf_event_open and its struct perf_event_attr (linux/perf_event.h). The struct is read
 * as large as its size field says (VER0 64 bytes up to 128 known), at most up to the
 * flags without -v, and printed at exit, when E2BIG means the kernel stored the size it
 * knows into the size field.
 */
#include <errno.h>
#include <linux/perf_event.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"

STATIC_XLAT(perf_type_id,
	{ 0, "PERF_TYPE_HARDWARE" }, { 1, "PERF_TYPE_SOFTWARE" }, { 2, "PERF_TYPE_TRACEPOINT" },
	{ 3, "PERF_TYPE_HW_CACHE" }, { 4, "PERF_TYPE_RAW" }, { 5, "PERF_TYPE_BREAKPOINT" });
STATIC_XLAT(perf_attr_size,
	{ 64, "PERF_ATTR_SIZE_VER0" }, { 72, "PERF_ATTR_SIZE_VER1" }, { 80, "PERF_ATTR_SIZE_VER2" },
	{ 96, "PERF_ATTR_SIZE_VER3" }, { 104, "PERF_ATTR_SIZE_VER4" },
	{ 112, "PERF_ATTR_SIZE_VER5" }, { 120, "PERF_ATTR_SIZE_VER6" },
	{ 128, "PERF_ATTR_SIZE_VER7" });
STATIC_XLAT(perf_hw_id,
	{ 0, "PERF_COUNT_HW_CPU_CYCLES" }, { 1, "PERF_COUNT_HW_INSTRUCTIONS" },
	{ 2, "PERF_COUNT_HW_CACHE_REFERENCES" }, { 3, "PERF_COUNT_HW_CACHE_MISSES" },
	{ 4, "PERF_COUNT_HW_BRANCH_INSTRUCTIONS" }, { 5, "PERF_COUNT_HW_BRANCH_MISSES" },
	{ 6, "PERF_COUNT_HW_BUS_CYCLES" }, { 7, "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND" },
	{ 8, "PERF_COUNT_HW_STALLED_CYCLES_BACKEND" }, { 9, "PERF_COUNT_HW_REF_CPU_CYCLES" });
STATIC_XLAT(perf_sw_ids,
	{ 0, "PERF_COUNT_SW_CPU_CLOCK" }, { 1, "PERF_COUNT_SW_TASK_CLOCK" },
	{ 2, "PERF_COUNT_SW_PAGE_FAULTS" }, { 3, "PERF_COUNT_SW_CONTEXT_SWITCHES" },
	{ 4, "PERF_COUNT_SW_CPU_MIGRATIONS" }, { 5, "PERF_COUNT_SW_PAGE_FAULTS_MIN" },
	{ 6, "PERF_COUNT_SW_PAGE_FAULTS_MAJ" }, { 7, "PERF_COUNT_SW_ALIGNMENT_FAULTS" },
	{ 8, "PERF_COUNT_SW_EMULATION_FAULTS" }, { 9, "PERF_COUNT_SW_DUMMY" },
	{ 10, "PERF_COUNT_SW_BPF_OUTPUT" }, { 11, "PERF_COUNT_SW_CGROUP_SWITCHES" });
STATIC_XLAT(perf_hw_cache_id,
	{ 0, "PERF_COUNT_HW_CACHE_L1D" }, { 1, "PERF_COUNT_HW_CACHE_L1I" },
	{ 2, "PERF_COUNT_HW_CACHE_LL" }, { 3, "PERF_COUNT_HW_CACHE_DTLB" },
	{ 4, "PERF_COUNT_HW_CACHE_ITLB" }, { 5, "PERF_COUNT_HW_CACHE_BPU" },
	{ 6, "PERF_COUNT_HW_CACHE_NODE" });
STATIC_XLAT(perf_hw_cache_op_id,
	{ 0, "PERF_COUNT_HW_CACHE_OP_READ" }, { 1, "PERF_COUNT_HW_CACHE_OP_WRITE" },
	{ 2, "PERF_COUNT_HW_CACHE_OP_PREFETCH" });
STATIC_XLAT(perf_hw_cache_op_result_id,
	{ 0, "PERF_COUNT_HW_CACHE_RESULT_ACCESS" }, { 1, "PERF_COUNT_HW_CACHE_RESULT_MISS" });
STATIC_XLAT(perf_event_sample_format,
	{ 1u << 0, "PERF_SAMPLE_IP" }, { 1u << 1, "PERF_SAMPLE_TID" },
	{ 1u << 2, "PERF_SAMPLE_TIME" }, { 1u << 3, "PERF_SAMPLE_ADDR" },
	{ 1u << 4, "PERF_SAMPLE_READ" }, { 1u << 5, "PERF_SAMPLE_CALLCHAIN" },
	{ 1u << 6, "PERF_SAMPLE_ID" }, { 1u << 7, "PERF_SAMPLE_CPU" },
	{ 1u << 8, "PERF_SAMPLE_PERIOD" }, { 1u << 9, "PERF_SAMPLE_STREAM_ID" },
	{ 1u << 10, "PERF_SAMPLE_RAW" }, { 1u << 11, "PERF_SAMPLE_BRANCH_STACK" },
	{ 1u << 12, "PERF_SAMPLE_REGS_USER" }, { 1u << 13, "PERF_SAMPLE_STACK_USER" },
	{ 1u << 14, "PERF_SAMPLE_WEIGHT" }, { 1u << 15, "PERF_SAMPLE_DATA_SRC" },
	{ 1u << 16, "PERF_SAMPLE_IDENTIFIER" }, { 1u << 17, "PERF_SAMPLE_TRANSACTION" },
	{ 1u << 18, "PERF_SAMPLE_REGS_INTR" }, { 1u << 19, "PERF_SAMPLE_PHYS_ADDR" },
	{ 1u << 20, "PERF_SAMPLE_AUX" }, { 1u << 21, "PERF_SAMPLE_CGROUP" },
	{ 1u << 22, "PERF_SAMPLE_DATA_PAGE_SIZE" }, { 1u << 23, "PERF_SAMPLE_CODE_PAGE_SIZE" },
	{ 1u << 24, "PERF_SAMPLE_WEIGHT_STRUCT" });
STATIC_XLAT(perf_event_read_format,
	{ 1u << 0, "PERF_FORMAT_TOTAL_TIME_ENABLED" }, { 1u << 1, "PERF_FORMAT_TOTAL_TIME_RUNNING" },
	{ 1u << 2, "PERF_FORMAT_ID" }, { 1u << 3, "PERF_FORMAT_GROUP" },
	{ 1u << 4, "PERF_FORMAT_LOST" });
STATIC_XLAT(perf_branch_sample_type,
	{ 1u << 0, "PERF_SAMPLE_BRANCH_USER" }, { 1u << 1, "PERF_SAMPLE_BRANCH_KERNEL" },
	{ 1u << 2, "PERF_SAMPLE_BRANCH_HV" }, { 1u << 3, "PERF_SAMPLE_BRANCH_ANY" },
	{ 1u << 4, "PERF_SAMPLE_BRANCH_ANY_CALL" }, { 1u << 5, "PERF_SAMPLE_BRANCH_ANY_RETURN" },
	{ 1u << 6, "PERF_SAMPLE_BRANCH_IND_CALL" }, { 1u << 7, "PERF_SAMPLE_BRANCH_ABORT_TX" },
	{ 1u << 8, "PERF_SAMPLE_BRANCH_IN_TX" }, { 1u << 9, "PERF_SAMPLE_BRANCH_NO_TX" },
	{ 1u << 10, "PERF_SAMPLE_BRANCH_COND" }, { 1u << 11, "PERF_SAMPLE_BRANCH_CALL_STACK" },
	{ 1u << 12, "PERF_SAMPLE_BRANCH_IND_JUMP" }, { 1u << 13, "PERF_SAMPLE_BRANCH_CALL" },
	{ 1u << 14, "PERF_SAMPLE_BRANCH_NO_FLAGS" }, { 1u << 15, "PERF_SAMPLE_BRANCH_NO_CYCLES" },
	{ 1u << 16, "PERF_SAMPLE_BRANCH_TYPE_SAVE" }, { 1u << 17, "PERF_SAMPLE_BRANCH_HW_INDEX" },
	{ 1u << 18, "PERF_SAMPLE_BRANCH_PRIV_SAVE" });
STATIC_XLAT(hw_breakpoint_type,
	{ 0, "HW_BREAKPOINT_EMPTY" }, { 1, "HW_BREAKPOINT_R" }, { 2, "HW_BREAKPOINT_W" },
	{ 3, "HW_BREAKPOINT_RW" }, { 4, "HW_BREAKPOINT_X" });
STATIC_XLAT(perf_event_open_flags,
	{ 1, "PERF_FLAG_FD_NO_GROUP" }, { 2, "PERF_FLAG_FD_OUTPUT" },
	{ 4, "PERF_FLAG_PID_CGROUP" }, { 8, "PERF_FLAG_FD_CLOEXEC" });

#define ATTR_SIZE_VER0 64
#define ATTR_OFF(field_) offsetof(struct perf_event_attr, field_)

static const char *const precise_ip_desc[] = {
	"arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid",
};

/* "A<<32|" parts of a config value, then its named low part. */
static void add_shifted(char *buf, size_t n, uint64_t v, unsigned shift)
{
	size_t len = strlen(buf);
	snprintf(buf + len, n - len, "%#llx<<%u|", (unsigned long long)v, shift);
}

static void add_xval(struct sc *sc, char *buf, size_t n, const struct xlat *x, uint64_t v,
		     const char *dflt)
{
	char one[128];
	size_t len = strlen(buf);
	snprintf(buf + len, n - len, "%s",
		 pr_sprint_xval(one, sizeof(one), sc->p->xlat_style, x, v, dflt));
}

static void print_config(struct sc *sc, const struct perf_event_attr *a)
{
	struct pr *p = sc->p;
	char buf[512] = "";
	pr_field(p, "config");
	switch (a->type) {
	case PERF_TYPE_HARDWARE:
		if (a->config >> 32)
			add_shifted(buf, sizeof(buf), a->config >> 32, 32);
		add_xval(sc, buf, sizeof(buf), &perf_hw_id, a->config & 0xffffffffu,
			 "PERF_COUNT_HW_???");
		pr_text(p, buf);
		break;
	case PERF_TYPE_SOFTWARE:
		pr_xval(p, &perf_sw_ids, a->config, "PERF_COUNT_SW_???");
		break;
	case PERF_TYPE_TRACEPOINT:
		pr_uint(p, a->config);
		break;
	case PERF_TYPE_HW_CACHE:
		if (a->config >> 32)
			add_shifted(buf, sizeof(buf), a->config >> 32, 32);
		if ((a->config & 0xffffffffu) >> 24)
			add_shifted(buf, sizeof(buf), (a->config & 0xffffffffu) >> 24, 24);
		add_xval(sc, buf, sizeof(buf), &perf_hw_cache_op_result_id,
			 (a->config >> 16) & 0xff, "PERF_COUNT_HW_CACHE_RESULT_???");
		strncat(buf, "<<16|", sizeof(buf) - strlen(buf) - 1);
		add_xval(sc, buf, sizeof(buf), &perf_hw_cache_op_id, (a->config >> 8) & 0xff,
			 "PERF_COUNT_HW_CACHE_OP_???");
		strncat(buf, "<<8|", sizeof(buf) - strlen(buf) - 1);
		add_xval(sc, buf, sizeof(buf), &perf_hw_cache_id, a->config & 0xff,
			 "PERF_COUNT_HW_CACHE_???");
		pr_text(p, buf);
		break;
	default:
		pr_hex(p, a->config);
		break;
	}
}

/* A one-bit flag: always with -v, else only when set. */
static void flag(struct sc *sc, const char *name, unsigned v)
{
	if (sc->verbose || v) {
		pr_field(sc->p, name);
		pr_uint(sc->p, v);
	}
}

static void field_u(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

static void field_x(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_hex(p, v);
}

/* The flags word and what follows, as far as SIZE bytes were read. */
static void print_attr_rest(struct sc *sc, const struct perf_event_attr *a, uint32_t size)
{
	struct pr *p = sc->p;
	flag(sc, "disabled", a->disabled);
	flag(sc, "inherit", a->inherit);
	flag(sc, "pinned", a->pinned);
	flag(sc, "exclusive", a->exclusive);
	flag(sc, "exclude_user", a->exclude_user);
	flag(sc, "exclude_kernel", a->exclude_kernel);
	flag(sc, "exclude_hv", a->exclude_hv);
	flag(sc, "exclude_idle", a->exclude_idle);
	flag(sc, "mmap", a->mmap);
	flag(sc, "comm", a->comm);
	flag(sc, "freq", a->freq);
	flag(sc, "inherit_stat", a->inherit_stat);
	flag(sc, "enable_on_exec", a->enable_on_exec);
	flag(sc, "task", a->task);
	flag(sc, "watermark", a->watermark);
	field_u(p, "precise_ip", a->precise_ip);
	pr_comment(p, "%s", precise_ip_desc[a->precise_ip]);
	flag(sc, "mmap_data", a->mmap_data);
	flag(sc, "sample_id_all", a->sample_id_all);
	flag(sc, "exclude_host", a->exclude_host);
	flag(sc, "exclude_guest", a->exclude_guest);
	flag(sc, "exclude_callchain_kernel", a->exclude_callchain_kernel);
	flag(sc, "exclude_callchain_user", a->exclude_callchain_user);
	flag(sc, "mmap2", a->mmap2);
	flag(sc, "comm_exec", a->comm_exec);
	flag(sc, "use_clockid", a->use_clockid);
	flag(sc, "context_switch", a->context_switch);
	flag(sc, "write_backward", a->write_backward);
	flag(sc, "namespaces", a->namespaces);
	flag(sc, "ksymbol", a->ksymbol);
	flag(sc, "bpf_event", a->bpf_event);
	flag(sc, "aux_output", a->aux_output);
	flag(sc, "cgroup", a->cgroup);
	flag(sc, "text_poke", a->text_poke);
	flag(sc, "build_id", a->build_id);
	flag(sc, "inherit_thread", a->inherit_thread);
	flag(sc, "remove_on_exec", a->remove_on_exec);
	flag(sc, "sigtrap", a->sigtrap);
	if (a->__reserved_1) {
		field_x(p, "__reserved_1", a->__reserved_1);
		pr_comment(p, "Bits 63..38");
	}
	if (!sc->verbose)
		return;
	if (a->watermark)
		field_u(p, "wakeup_watermark", a->wakeup_watermark);
	else
		field_u(p, "wakeup_events", a->wakeup_events);
	if (a->type == PERF_TYPE_BREAKPOINT) {
		pr_field(p, "bp_type");
		/* Any combination of R/W with X is deemed invalid. */
		pr_xval(p, &hw_breakpoint_type, a->bp_type,
			a->bp_type <= 7 ? "HW_BREAKPOINT_INVALID" : "HW_BREAKPOINT_???");
		field_x(p, "bp_addr", a->bp_addr);
	} else {
		field_x(p, "config1", a->config1);
	}
	if (ATTR_OFF(bp_len) >= size)
		return;
	if (a->type == PERF_TYPE_BREAKPOINT)
		field_u(p, "bp_len", a->bp_len);
	else
		field_x(p, "config2", a->config2);
	if (ATTR_OFF(branch_sample_type) >= size)
		return;
	if (a->sample_type & PERF_SAMPLE_BRANCH_STACK) {
		pr_field(p, "branch_sample_type");
		pr_flags(p, &perf_branch_sample_type, a->branch_sample_type,
			 "PERF_SAMPLE_BRANCH_???");
	}
	if (ATTR_OFF(sample_regs_user) >= size)
		return;
	field_x(p, "sample_regs_user", a->sample_regs_user);
	if (ATTR_OFF(sample_stack_user) >= size)
		return;
	if (a->sample_type & PERF_SAMPLE_STACK_USER)
		field_x(p, "sample_stack_user", a->sample_stack_user);
	if (a->use_clockid) {
		if (ATTR_OFF(clockid) >= size)
			return;
		pr_field(p, "clockid");
		print_clockid(sc, a->clockid);
	}
	if (ATTR_OFF(sample_regs_intr) >= size)
		return;
	field_x(p, "sample_regs_intr", a->sample_regs_intr);
	if (ATTR_OFF(aux_watermark) >= size)
		return;
	field_u(p, "aux_watermark", a->aux_watermark);
	if (ATTR_OFF(sample_max_stack) >= size)
		return;
	field_u(p, "sample_max_stack", a->sample_max_stack);
	if (ATTR_OFF(__reserved_2) >= size)
		return;
	if (a->__reserved_2)
		pr_comment(p, "bytes 110..111: %#hx", a->__reserved_2);
	if (ATTR_OFF(aux_sample_size) >= size)
		return;
	field_u(p, "aux_sample_size", a->aux_sample_size);
	if (ATTR_OFF(__reserved_3) >= size)
		return;
	if (a->__reserved_3)
		pr_comment(p, "bytes 116..119: %#x", a->__reserved_3);
	if (ATTR_OFF(sig_data) >= size)
		return;
	field_x(p, "sig_data", a->sig_data);
}

/*
 * How many bytes of the struct at ADDR are read: the size field's, within the known
 * struct, VER0 for 0, up to the flags without -v; 0 when it cannot be read.
 */
static uint32_t attr_fetch_size(struct sc *sc, uint64_t addr)
{
	uint32_t size;
	if (!addr || sc->no_deref || umove(sc, addr + ATTR_OFF(size), &size, sizeof(size)) != 0)
		return 0;
	if (size > sizeof(struct perf_event_attr))
		size = sizeof(struct perf_event_attr);
	if (!size)
		size = ATTR_SIZE_VER0;
	if (size < ATTR_SIZE_VER0)
		return 0;
	if (!sc->verbose)
		size = ATTR_OFF(wakeup_events);
	return size;
}

static void print_attr(struct sc *sc, uint64_t addr, uint32_t size, uint32_t entry_size)
{
	struct perf_event_attr a;
	struct pr *p = sc->p;
	memset(&a, 0, sizeof(a));
	if (umove(sc, addr, &a, size) != 0) {
		print_addr(sc, addr);
		return;
	}
	/* The size as it was at entry: the kernel rewrites it on E2BIG. */
	a.size = entry_size;
	pr_struct_begin(p);
	pr_field(p, "type");
	pr_xval(p, &perf_type_id, a.type, "PERF_TYPE_???");
	pr_field(p, "size");
	pr_xval(p, &perf_attr_size, a.size, "PERF_ATTR_SIZE_???");
	if (sc->err == E2BIG) {
		uint32_t now;
		pr_join(p, " => ");
		if (umove(sc, addr + ATTR_OFF(size), &now, sizeof(now)) == 0)
			pr_xval(p, &perf_attr_size, now, "PERF_ATTR_SIZE_???");
		else
			pr_text(p, "???");
	}
	print_config(sc, &a);
	if (a.freq)
		field_u(p, "sample_freq", a.sample_freq);
	else
		field_u(p, "sample_period", a.sample_period);
	pr_field(p, "sample_type");
	pr_flags(p, &perf_event_sample_format, a.sample_type, "PERF_SAMPLE_???");
	pr_field(p, "read_format");
	pr_flags(p, &perf_event_read_format, a.read_format, "PERF_FORMAT_???");
	print_attr_rest(sc, &a, size);
	if ((a.size && a.size > size) || (!a.size && size < ATTR_SIZE_VER0))
		pr_more(p);
	pr_struct_end(p);
}

void print_perf_event_attr_at(struct sc *sc, uint64_t addr)
{
	uint32_t size = attr_fetch_size(sc, addr);
	struct perf_event_attr a;
	if (!size || umove(sc, addr, &a, size) != 0) {
		print_addr(sc, addr);
		return;
	}
	print_attr(sc, addr, size, a.size);
}

static void print_rest_args(struct sc *sc)
{
	pr_int(sc->p, (int)sc->arg[1]);
	pr_int(sc->p, (int)sc->arg[2]);
	print_fd(sc, (int)sc->arg[3]);
	pr_flags(sc->p, &perf_event_open_flags, sc->arg[4], "PERF_FLAG_???");
}

int decode_perf_event_open(struct sc *sc)
{
	uint64_t addr = sc->arg[0];
	if (!sc->exiting) {
		uint32_t size = attr_fetch_size(sc, addr);
		struct perf_event_attr a;
		if (!size || umove(sc, addr, &a, size) != 0) {
			print_addr(sc, addr);
			print_rest_args(sc);
			return RV_DECODED | RV_FD;
		}
		sc->priv[0] = size;
		sc->priv[1] = a.size;
		return DEC_AT_EXIT;
	}
	print_attr(sc, addr, (uint32_t)sc->priv[0], (uint32_t)sc->priv[1]);
	print_rest_args(sc);
	return RV_FD;
}

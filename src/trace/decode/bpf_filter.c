/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Classic BPF programs (linux/filter.h): a seccomp filter or a socket filter, printed as
 * the BPF_STMT and BPF_JUMP macros that build them.
 */
#include <stdio.h>
#include <string.h>

#include "trace/decode.h"

XLAT_DEFINE(xlat_seccomp_ret_actions,
	{ 0x80000000u, "SECCOMP_RET_KILL_PROCESS" }, { 0, "SECCOMP_RET_KILL_THREAD" },
	{ 0x00030000u, "SECCOMP_RET_TRAP" }, { 0x00050000u, "SECCOMP_RET_ERRNO" },
	{ 0x7fc00000u, "SECCOMP_RET_USER_NOTIF" }, { 0x7ff00000u, "SECCOMP_RET_TRACE" },
	{ 0x7ffc0000u, "SECCOMP_RET_LOG" }, { 0x7fff0000u, "SECCOMP_RET_ALLOW" });

/* The action of a seccomp return value; the rest is its data. */
#define SECCOMP_RET_ACTION_FULL_ 0xffff0000u

/*
 * A socket filter's absolute loads at these (negative) offsets read ancillary data, the
 * network header or the link-layer header: k is SKF_AD_OFF+SKF_AD_PKTTYPE, SKF_NET_OFF+14.
 */
#define SKF_AD_OFF_ 0xfffff000u
#define SKF_NET_OFF_ 0xfff00000u
#define SKF_LL_OFF_ 0xffe00000u
XLAT_DEFINE(xlat_skf_offsets,
	{ SKF_AD_OFF_, "SKF_AD_OFF" },
	{ SKF_NET_OFF_, "SKF_NET_OFF" },
	{ SKF_LL_OFF_, "SKF_LL_OFF" });
XLAT_DEFINE(xlat_skf_ad,
	{ 0, "SKF_AD_PROTOCOL" },
	{ 4, "SKF_AD_PKTTYPE" },
	{ 8, "SKF_AD_IFINDEX" },
	{ 12, "SKF_AD_NLATTR" },
	{ 16, "SKF_AD_NLATTR_NEST" },
	{ 20, "SKF_AD_MARK" },
	{ 24, "SKF_AD_QUEUE" },
	{ 28, "SKF_AD_HATYPE" },
	{ 32, "SKF_AD_RXHASH" },
	{ 36, "SKF_AD_CPU" },
	{ 40, "SKF_AD_ALU_XOR_X" },
	{ 44, "SKF_AD_VLAN_TAG" },
	{ 48, "SKF_AD_VLAN_TAG_PRESENT" },
	{ 52, "SKF_AD_PAY_OFFSET" },
	{ 56, "SKF_AD_RANDOM" },
	{ 60, "SKF_AD_VLAN_TPID" });

/* k of a socket filter's BPF_LD|BPF_ABS at a special offset, else false. */
static bool sprint_skf_k(char *buf, size_t n, enum pr_xlat_style style, uint32_t k)
{
	uint32_t base = k >= SKF_AD_OFF_ ? SKF_AD_OFF_ : k >= SKF_NET_OFF_ ? SKF_NET_OFF_
		      : k >= SKF_LL_OFF_ ? SKF_LL_OFF_ : 0;
	if (!base)
		return false;
	char name[48], rest[48];
	pr_sprint_xval(name, sizeof(name), style, &xlat_skf_offsets, base, NULL);
	if (base == SKF_AD_OFF_)
		pr_sprint_xval(rest, sizeof(rest), style, &xlat_skf_ad, k - base, "SKF_AD_???");
	else
		snprintf(rest, sizeof(rest), "%u", k - base);
	snprintf(buf, n, "%s+%s", name, rest);
	return true;
}
/* The kernel refuses a longer program. */
#define BPF_MAXINSNS_ 4096

/* An instruction's code: class in bits 0-2, then size and mode, or source and operation. */
STATIC_XLAT(bpf_class,
	{ 0x0, "BPF_LD" }, { 0x1, "BPF_LDX" }, { 0x2, "BPF_ST" }, { 0x3, "BPF_STX" },
	{ 0x4, "BPF_ALU" }, { 0x5, "BPF_JMP" }, { 0x6, "BPF_RET" }, { 0x7, "BPF_MISC" });
STATIC_XLAT(bpf_size, { 0x00, "BPF_W" }, { 0x08, "BPF_H" }, { 0x10, "BPF_B" }, { 0x18, "BPF_DW" });
STATIC_XLAT(bpf_mode,
	{ 0x00, "BPF_IMM" }, { 0x20, "BPF_ABS" }, { 0x40, "BPF_IND" }, { 0x60, "BPF_MEM" },
	{ 0x80, "BPF_LEN" }, { 0xa0, "BPF_MSH" }, { 0xc0, "BPF_XADD" });
STATIC_XLAT(bpf_op_alu,
	{ 0x00, "BPF_ADD" }, { 0x10, "BPF_SUB" }, { 0x20, "BPF_MUL" }, { 0x30, "BPF_DIV" },
	{ 0x40, "BPF_OR" }, { 0x50, "BPF_AND" }, { 0x60, "BPF_LSH" }, { 0x70, "BPF_RSH" },
	{ 0x80, "BPF_NEG" }, { 0x90, "BPF_MOD" }, { 0xa0, "BPF_XOR" }, { 0xb0, "BPF_MOV" },
	{ 0xc0, "BPF_ARSH" }, { 0xd0, "BPF_END" });
STATIC_XLAT(bpf_op_jmp,
	{ 0x00, "BPF_JA" }, { 0x10, "BPF_JEQ" }, { 0x20, "BPF_JGT" }, { 0x30, "BPF_JGE" },
	{ 0x40, "BPF_JSET" }, { 0x50, "BPF_JNE" }, { 0x60, "BPF_JSGT" }, { 0x70, "BPF_JSGE" },
	{ 0x80, "BPF_CALL" }, { 0x90, "BPF_EXIT" }, { 0xa0, "BPF_JLT" }, { 0xb0, "BPF_JLE" },
	{ 0xc0, "BPF_JSLT" }, { 0xd0, "BPF_JSLE" });
STATIC_XLAT(bpf_src, { 0x00, "BPF_K" }, { 0x08, "BPF_X" });
STATIC_XLAT(bpf_rval, { 0x00, "BPF_K" }, { 0x08, "BPF_X" }, { 0x10, "BPF_A" });
STATIC_XLAT(bpf_miscop, { 0x00, "BPF_TAX" }, { 0x80, "BPF_TXA" });

enum { BPF_LD_, BPF_LDX_, BPF_ST_, BPF_STX_, BPF_ALU_, BPF_JMP_, BPF_RET_, BPF_MISC_ };

struct sock_filter_k {
	uint16_t code;
	uint8_t jt, jf;
	uint32_t k;
};

/* A text built from parts: "BPF_LD|BPF_W|BPF_ABS". */
struct text {
	char buf[512];
	size_t len;
};

static void text_add(struct text *t, const char *fmt, const char *s)
{
	int n = snprintf(t->buf + t->len, sizeof(t->buf) - t->len, fmt, s);
	if (n > 0)
		t->len += (size_t)n < sizeof(t->buf) - t->len ? (size_t)n : sizeof(t->buf) - t->len - 1;
}

static void code_part(struct text *t, enum pr_xlat_style style, const struct xlat *x, unsigned v)
{
	char one[128];
	text_add(t, t->len ? "|%s" : "%s", pr_sprint_xval(one, sizeof(one), style, x, v, "BPF_???"));
}

/* Bits of a code no name covers: "|0x300 / * BPF_??? * /". */
static void code_rest(struct text *t, unsigned rest)
{
	char one[64];
	if (!rest)
		return;
	snprintf(one, sizeof(one), "%#x /* BPF_??? */", rest);
	text_add(t, "|%s", one);
}

static void sprint_code(struct text *t, enum pr_xlat_style style, uint16_t code)
{
	unsigned cls = code & 0x07, rest = code & ~0x07u;
	code_part(t, style, &bpf_class, cls);
	switch (cls) {
	case BPF_ST_:
	case BPF_STX_:
		code_rest(t, rest);
		break;
	case BPF_LD_:
	case BPF_LDX_:
		code_part(t, style, &bpf_size, code & 0x18);
		code_part(t, style, &bpf_mode, code & 0xe0);
		break;
	case BPF_MISC_:
		code_part(t, style, &bpf_miscop, code & 0xf8);
		code_rest(t, rest & ~0xf8u);
		break;
	case BPF_ALU_:
		code_part(t, style, &bpf_src, code & 0x08);
		code_part(t, style, &bpf_op_alu, code & 0xf0);
		break;
	case BPF_JMP_:
		code_part(t, style, &bpf_src, code & 0x08);
		code_part(t, style, &bpf_op_jmp, code & 0xf0);
		break;
	case BPF_RET_:
		code_part(t, style, &bpf_rval, code & 0x18);
		code_rest(t, rest & ~0x18u);
		break;
	}
}

/* PRINT_VAL_X: 0 or 0x1f. */
static const char *hex8(uint8_t v, char *buf)
{
	snprintf(buf, 8, v ? "%#x" : "%u", v);
	return buf;
}

struct fprog_data {
	bool seccomp;
	unsigned count;
};

static bool print_insn(struct sc *sc, const void *elem, void *data)
{
	struct fprog_data *d = data;
	struct sock_filter_k f;
	struct pr *p = sc->p;
	memcpy(&f, elem, sizeof(f));
	if (d->count++ >= BPF_MAXINSNS_) {
		pr_more(p);
		return false;
	}
	bool jump = f.jt || f.jf;
	struct text t = { .len = 0 };
	sprint_code(&t, p->xlat_style, f.code);
	char k[160];
	if (d->seccomp && (f.code & 0x07) == BPF_RET_ && !jump) {
		uint32_t action = f.k & SECCOMP_RET_ACTION_FULL_, rest = f.k & ~action;
		char name[96];
		pr_sprint_xval(name, sizeof(name), p->xlat_style, &xlat_seccomp_ret_actions,
			       action, "SECCOMP_RET_???");
		if (rest)
			snprintf(k, sizeof(k), "%s|%#x", name, rest);
		else
			snprintf(k, sizeof(k), "%s", name);
	} else if (d->seccomp || (f.code & 0xe7) != 0x20 /* BPF_LD|BPF_ABS */ ||
		   !sprint_skf_k(k, sizeof(k), p->xlat_style, f.k)) {
		snprintf(k, sizeof(k), f.k ? "%#x" : "%u", f.k);
	}
	if (jump)
		pr_textf(p, "BPF_JUMP(%s, %s, %s, %s)", t.buf, k, hex8(f.jt, (char[8]){ 0 }),
			 hex8(f.jf, (char[8]){ 0 }));
	else
		pr_textf(p, "BPF_STMT(%s, %s)", t.buf, k);
	return true;
}

static void print_insns_at(struct sc *sc, uint64_t addr, uint64_t len, bool seccomp)
{
	/* The program is printed only with -v. */
	if (!sc->verbose) {
		pr_ptr(sc->p, addr);
		return;
	}
	struct fprog_data d = { .seccomp = seccomp };
	print_array(sc, addr, len, sizeof(struct sock_filter_k), 0, print_insn, &d);
}

void print_seccomp_insns_at(struct sc *sc, uint64_t addr, uint64_t len)
{
	print_insns_at(sc, addr, len, true);
}

void print_socket_insns_at(struct sc *sc, uint64_t addr, uint64_t len)
{
	print_insns_at(sc, addr, len, false);
}

static void print_fprog_at(struct sc *sc, uint64_t addr, bool seccomp)
{
	struct { uint16_t len; uint64_t filter; } prog;
	if (!fetch_or_print_addr(sc, addr, &prog, sizeof(prog)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "len");
	pr_uint(sc->p, prog.len);
	pr_field(sc->p, "filter");
	print_insns_at(sc, prog.filter, prog.len, seccomp);
	pr_struct_end(sc->p);
}

void print_sock_fprog_at(struct sc *sc, uint64_t addr)
{
	print_fprog_at(sc, addr, true);
}

void print_socket_fprog_at(struct sc *sc, uint64_t addr)
{
	print_fprog_at(sc, addr, false);
}

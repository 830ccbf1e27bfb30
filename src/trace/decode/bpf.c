/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bpf(2): the command, then union bpf_attr as the command reads it, described as data: per
 * command the fields in order, where a field marked "since" begins what a later kernel
 * added and is shown only when the size passed reaches it. Bytes past the known struct are
 * shown when not zero, as strace does.
 */
#include <linux/bpf.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/net_impl.h"
#include "trace/decode/xlat_bpf.h"
#include "util/util.h"

enum bpf_field_kind {
	BF_U,		/* unsigned decimal */
	BF_U64,
	BF_XVAL,
	BF_FLAGS,
	BF_FD,		/* decorated by -y */
	BF_ADDR,	/* a 64-bit user pointer */
	BF_PATH,	/* a 64-bit pointer to a path name */
	BF_NAME,	/* char[BPF_OBJ_NAME_LEN], as far as the size reaches */
	BF_IFINDEX,
	BF_NUMA,	/* numa_node, only when map_flags has BPF_F_NUMA_NODE */
	BF_STR,		/* a 64-bit pointer to a string */
	BF_STR_UPTO,	/* a string of at most the u32 at len_off bytes */
	BF_BUF,		/* a buffer of the u32 at len_off bytes */
	BF_KVERSION,	/* KERNEL_VERSION(major, minor, patch) */
};

struct bpf_field {
	const char *name;
	uint16_t off;
	uint8_t size;
	uint8_t kind;		/* enum bpf_field_kind */
	bool since;		/* added later: not shown when the size stops before it */
	const struct xlat *x;
	const char *dflt;
	uint16_t len_off;	/* BF_STR_UPTO, BF_BUF: where their length is */
};

struct bpf_cmd_attr {
	const struct bpf_field *fields;
	unsigned int nfields;
	int rv;			/* what the result is: RV_FD or RV_DEC */
};

#define FIELD(member, kind_, since_, ...)                                                   \
	{ .name = #member, .off = offsetof(union bpf_attr, member),                          \
	  .size = sizeof(((union bpf_attr *)0)->member), .kind = kind_, .since = since_,      \
	  __VA_ARGS__ }

static const struct bpf_field map_create[] = {
	FIELD(map_type, BF_XVAL, false, &xlat_bpf_map_types, "BPF_MAP_TYPE_???"),
	FIELD(key_size, BF_U, false),
	FIELD(value_size, BF_U, false),
	FIELD(max_entries, BF_U, false),
	FIELD(map_flags, BF_FLAGS, true, &xlat_bpf_map_flags, "BPF_F_???"),
	FIELD(inner_map_fd, BF_FD, true),
	FIELD(numa_node, BF_NUMA, true),
	FIELD(map_name, BF_NAME, true),
	FIELD(map_ifindex, BF_IFINDEX, true),
	FIELD(btf_fd, BF_FD, true),
	FIELD(btf_key_type_id, BF_U, false),
	FIELD(btf_value_type_id, BF_U, false),
	FIELD(btf_vmlinux_value_type_id, BF_U, true),
	FIELD(map_extra, BF_U64, true),
};

static const struct bpf_field map_lookup[] = {
	FIELD(map_fd, BF_FD, false),
	FIELD(key, BF_ADDR, false),
	FIELD(value, BF_ADDR, false),
	FIELD(flags, BF_FLAGS, true, &xlat_bpf_lookup_flags, "BPF_???"),
};

static const struct bpf_field map_update[] = {
	FIELD(map_fd, BF_FD, false),
	FIELD(key, BF_ADDR, false),
	FIELD(value, BF_ADDR, false),
	FIELD(flags, BF_XVAL, false, &xlat_bpf_update_flags, "BPF_???"),
};

static const struct bpf_field map_delete[] = {
	FIELD(map_fd, BF_FD, false),
	FIELD(key, BF_ADDR, false),
};

static const struct bpf_field map_next_key[] = {
	FIELD(map_fd, BF_FD, false),
	FIELD(key, BF_ADDR, false),
	FIELD(next_key, BF_ADDR, false),
};

static const struct bpf_field map_freeze[] = {
	FIELD(map_fd, BF_FD, false),
};

static const struct bpf_field prog_load[] = {
	FIELD(prog_type, BF_XVAL, false, &xlat_bpf_prog_types, "BPF_PROG_TYPE_???"),
	FIELD(insn_cnt, BF_U, false),
	FIELD(insns, BF_ADDR, false),
	FIELD(license, BF_STR, false),
	FIELD(log_level, BF_U, true),
	FIELD(log_size, BF_U, false),
	FIELD(log_buf, BF_STR_UPTO, false, .len_off = offsetof(union bpf_attr, log_size)),
	FIELD(kern_version, BF_KVERSION, true),
	FIELD(prog_flags, BF_FLAGS, true, &xlat_bpf_prog_flags, "BPF_F_???"),
	FIELD(prog_name, BF_NAME, true),
	FIELD(prog_ifindex, BF_IFINDEX, true),
	FIELD(expected_attach_type, BF_XVAL, true, &xlat_bpf_attach_types, "BPF_???"),
	FIELD(prog_btf_fd, BF_FD, true),
	FIELD(func_info_rec_size, BF_U, false),
	FIELD(func_info, BF_ADDR, false),
	FIELD(func_info_cnt, BF_U, false),
	FIELD(line_info_rec_size, BF_U, false),
	FIELD(line_info, BF_ADDR, false),
	FIELD(line_info_cnt, BF_U, false),
	FIELD(attach_btf_id, BF_U, true),
	FIELD(attach_prog_fd, BF_FD, true),
	FIELD(fd_array, BF_ADDR, true),
};

static const struct bpf_field btf_load[] = {
	FIELD(btf, BF_BUF, false, .len_off = offsetof(union bpf_attr, btf_size)),
	FIELD(btf_log_buf, BF_ADDR, false),
	FIELD(btf_size, BF_U, false),
	FIELD(btf_log_size, BF_U, false),
	FIELD(btf_log_level, BF_U, false),
};

static const struct bpf_field obj_pin[] = {
	FIELD(pathname, BF_PATH, false),
	FIELD(bpf_fd, BF_FD, false),
	FIELD(file_flags, BF_FLAGS, true, &xlat_bpf_file_mode_flags, "BPF_F_???"),
};

static const struct bpf_field prog_attach[] = {
	FIELD(target_fd, BF_FD, false),
	FIELD(attach_bpf_fd, BF_FD, false),
	FIELD(attach_type, BF_XVAL, false, &xlat_bpf_attach_types, "BPF_???"),
	FIELD(attach_flags, BF_FLAGS, false, &xlat_bpf_attach_flags, "BPF_F_???"),
	FIELD(replace_bpf_fd, BF_FD, true),
};

static const struct bpf_field prog_detach[] = {
	FIELD(target_fd, BF_FD, false),
	FIELD(attach_type, BF_XVAL, false, &xlat_bpf_attach_types, "BPF_???"),
};

static const struct bpf_field prog_by_id[] = {
	FIELD(prog_id, BF_U, false),
	FIELD(next_id, BF_U, false),
	FIELD(open_flags, BF_FLAGS, true, &xlat_bpf_file_mode_flags, "BPF_F_???"),
};

static const struct bpf_field map_by_id[] = {
	FIELD(map_id, BF_U, false),
	FIELD(next_id, BF_U, false),
	FIELD(open_flags, BF_FLAGS, true, &xlat_bpf_file_mode_flags, "BPF_F_???"),
};

static const struct bpf_field btf_by_id[] = {
	FIELD(btf_id, BF_U, false),
};

static const struct bpf_field link_by_id[] = {
	FIELD(link_id, BF_U, false),
};

#define CMD(fields_, rv_) { fields_, sizeof(fields_) / sizeof(fields_[0]), rv_ }
static const struct bpf_cmd_attr cmds[] = {
	[BPF_MAP_CREATE] = CMD(map_create, RV_FD),
	[BPF_MAP_LOOKUP_ELEM] = CMD(map_lookup, RV_DEC),
	[BPF_MAP_LOOKUP_AND_DELETE_ELEM] = CMD(map_lookup, RV_DEC),
	[BPF_MAP_UPDATE_ELEM] = CMD(map_update, RV_DEC),
	[BPF_MAP_DELETE_ELEM] = CMD(map_delete, RV_DEC),
	[BPF_MAP_GET_NEXT_KEY] = CMD(map_next_key, RV_DEC),
	[BPF_MAP_FREEZE] = CMD(map_freeze, RV_DEC),
	[BPF_PROG_LOAD] = CMD(prog_load, RV_FD),
	[BPF_OBJ_PIN] = CMD(obj_pin, RV_FD),
	[BPF_OBJ_GET] = CMD(obj_pin, RV_FD),
	[BPF_PROG_ATTACH] = CMD(prog_attach, RV_DEC),
	[BPF_PROG_DETACH] = CMD(prog_detach, RV_DEC),
	[BPF_PROG_GET_FD_BY_ID] = CMD(prog_by_id, RV_FD),
	[BPF_MAP_GET_FD_BY_ID] = CMD(map_by_id, RV_FD),
	[BPF_BTF_LOAD] = CMD(btf_load, RV_FD),
	[BPF_BTF_GET_FD_BY_ID] = CMD(btf_by_id, RV_FD),
	[BPF_LINK_GET_FD_BY_ID] = CMD(link_by_id, RV_FD),
};

static uint64_t field_value(const unsigned char *attr, const struct bpf_field *f)
{
	uint64_t v = 0;
	memcpy(&v, attr + f->off, f->size < sizeof(v) ? f->size : sizeof(v));
	return v;
}

/* A char array of SIZE bytes: up to its NUL, or SIZE - 1 bytes and "..." without one. */
static void print_name(struct pr *p, const char *name, size_t size)
{
	size_t n = strnlen(name, size);
	if (n == size && size)
		pr_quoted(p, name, size - 1, PR_QUOTE_ELLIPSIS);
	else
		pr_quoted(p, name, n, 0);
}

void print_kernel_version(struct pr *p, uint32_t v)
{
	if (p->xlat_style != PR_XLAT_ABBREV)
		pr_hex(p, v);
	if (p->xlat_style == PR_XLAT_RAW)
		return;
	if (p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "KERNEL_VERSION(%u, %u, %u)", v >> 16, (v >> 8) & 0xff, v & 0xff);
	else
		pr_textf(p, "KERNEL_VERSION(%u, %u, %u)", v >> 16, (v >> 8) & 0xff, v & 0xff);
}

static void print_field(struct sc *sc, const struct bpf_field *f, const unsigned char *attr,
			unsigned int len)
{
	uint64_t v = field_value(attr, f);
	switch (f->kind) {
	case BF_NUMA:
		/* The kernel reads numa_node only with BPF_F_NUMA_NODE. */
		if (!(field_value(attr, &map_create[4]) & BPF_F_NUMA_NODE))
			return;
		pr_field(sc->p, f->name);
		pr_uint(sc->p, (uint32_t)v);
		if ((uint32_t)v == (uint32_t)-1 && sc->p->xlat_style != PR_XLAT_RAW)
			pr_comment(sc->p, "NUMA_NO_NODE");
		return;
	case BF_NAME: {
		size_t size = len - f->off < f->size ? len - f->off : f->size;
		pr_field(sc->p, f->name);
		print_name(sc->p, (const char *)attr + f->off, size);
		return;
	}
	}
	pr_field(sc->p, f->name);
	switch (f->kind) {
	case BF_U:
	case BF_U64:
		pr_uint(sc->p, v);
		break;
	case BF_XVAL:
		pr_xval(sc->p, f->x, v, f->dflt);
		break;
	case BF_FLAGS:
		pr_flags(sc->p, f->x, v, f->dflt);
		break;
	case BF_FD:
		print_fd(sc, (int)v);
		break;
	case BF_ADDR:
		print_addr(sc, v);
		break;
	case BF_PATH:
		print_path(sc, v);
		break;
	case BF_IFINDEX:
		net_print_ifindex(sc->p, (unsigned int)v);
		break;
	case BF_STR:
		print_str(sc, v);
		break;
	case BF_STR_UPTO:
	case BF_BUF: {
		uint32_t size;
		memcpy(&size, attr + f->len_off, sizeof(size));
		if (f->kind == BF_BUF)
			print_buf(sc, v, size);
		else
			print_str_upto(sc, v, size);
		break;
	}
	case BF_KVERSION:
		print_kernel_version(sc->p, (uint32_t)v);
		break;
	}
}

int decode_bpf(struct sc *sc)
{
	unsigned int cmd = (unsigned int)sc->arg[0], size = (unsigned int)sc->arg[2];
	uint64_t addr = sc->arg[1];
	const struct bpf_cmd_attr *c = cmd < sizeof(cmds) / sizeof(cmds[0]) && cmds[cmd].fields
					  ? &cmds[cmd] : NULL;
	long page = sysconf(_SC_PAGESIZE);
	pr_xval(sc->p, &xlat_bpf_commands, cmd, "BPF_???");
	if (!c || !size || (long)size > page) {
		print_addr(sc, addr);
		pr_uint(sc->p, size);
		return RV_DECODED | (c ? c->rv : RV_DEC);
	}
	unsigned char attr[sizeof(union bpf_attr)] = { 0 };
	const struct bpf_field *last = &c->fields[c->nfields - 1];
	unsigned int attr_size = last->off + last->size;
	unsigned int len = size < attr_size ? size : attr_size;
	/* All SIZE bytes are read, as the kernel reads them (a failed call did not stop it):
	 * an attribute block that runs into unreadable memory prints as its address. */
	unsigned char *whole = xmalloc(size);
	if (sc->no_deref || !addr || umove(sc, addr, whole, size) < 0) {
		free(whole);
		print_addr(sc, addr);
		pr_uint(sc->p, size);
		return RV_DECODED | c->rv;
	}
	memcpy(attr, whole, len);
	pr_struct_begin(sc->p);
	for (unsigned int i = 0; i < c->nfields; i++) {
		if (c->fields[i].since && len <= c->fields[i].off)
			break;
		print_field(sc, &c->fields[i], attr, len);
	}
	/* Bytes past what this command reads: "..." when any is set. */
	for (unsigned int off = attr_size; off < size; off++)
		if (whole[off]) {
			pr_more(sc->p);
			break;
		}
	free(whole);
	pr_struct_end(sc->p);
	pr_uint(sc->p, size);
	return RV_DECODED | c->rv;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * io_uring_enter and io_uring_register (linux/io_uring.h); io_uring_setup is with the fd
 * makers in desc.c. io_uring_register's argument depends on its opcode: fds, buffers,
 * a probe the kernel fills, restrictions, resource tables, worker limits, ring fds.
 */
#include <stdio.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"

STATIC_XLAT(uring_enter_flags,
	{ 1u << 0, "IORING_ENTER_GETEVENTS" }, { 1u << 1, "IORING_ENTER_SQ_WAKEUP" },
	{ 1u << 2, "IORING_ENTER_SQ_WAIT" }, { 1u << 3, "IORING_ENTER_EXT_ARG" },
	{ 1u << 4, "IORING_ENTER_REGISTERED_RING" });

int decode_io_uring_enter(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_uint(sc->p, (uint32_t)sc->arg[1]);
	pr_uint(sc->p, (uint32_t)sc->arg[2]);
	pr_flags(sc->p, &uring_enter_flags, (uint32_t)sc->arg[3], "IORING_ENTER_???");
	print_sigset_at(sc, sc->arg[4], sc->arg[5]);
	pr_uint(sc->p, sc->arg[5]);
	return RV_DECODED | RV_DEC;
}

/* ---- io_uring_register ---- */

enum {
	REG_BUFFERS, UNREG_BUFFERS, REG_FILES, UNREG_FILES, REG_EVENTFD, UNREG_EVENTFD,
	REG_FILES_UPDATE, REG_EVENTFD_ASYNC, REG_PROBE, REG_PERSONALITY, UNREG_PERSONALITY,
	REG_RESTRICTIONS, REG_ENABLE_RINGS, REG_FILES2, REG_FILES_UPDATE2, REG_BUFFERS2,
	REG_BUFFERS_UPDATE, REG_IOWQ_AFF, UNREG_IOWQ_AFF, REG_IOWQ_MAX_WORKERS, REG_RING_FDS,
	UNREG_RING_FDS, REG_PBUF_RING, UNREG_PBUF_RING,
};

STATIC_XLAT(uring_register_opcodes,
	{ 0, "IORING_REGISTER_BUFFERS" }, { 1, "IORING_UNREGISTER_BUFFERS" },
	{ 2, "IORING_REGISTER_FILES" }, { 3, "IORING_UNREGISTER_FILES" },
	{ 4, "IORING_REGISTER_EVENTFD" }, { 5, "IORING_UNREGISTER_EVENTFD" },
	{ 6, "IORING_REGISTER_FILES_UPDATE" }, { 7, "IORING_REGISTER_EVENTFD_ASYNC" },
	{ 8, "IORING_REGISTER_PROBE" }, { 9, "IORING_REGISTER_PERSONALITY" },
	{ 10, "IORING_UNREGISTER_PERSONALITY" }, { 11, "IORING_REGISTER_RESTRICTIONS" },
	{ 12, "IORING_REGISTER_ENABLE_RINGS" }, { 13, "IORING_REGISTER_FILES2" },
	{ 14, "IORING_REGISTER_FILES_UPDATE2" }, { 15, "IORING_REGISTER_BUFFERS2" },
	{ 16, "IORING_REGISTER_BUFFERS_UPDATE" }, { 17, "IORING_REGISTER_IOWQ_AFF" },
	{ 18, "IORING_UNREGISTER_IOWQ_AFF" }, { 19, "IORING_REGISTER_IOWQ_MAX_WORKERS" },
	{ 20, "IORING_REGISTER_RING_FDS" }, { 21, "IORING_UNREGISTER_RING_FDS" },
	{ 22, "IORING_REGISTER_PBUF_RING" }, { 23, "IORING_UNREGISTER_PBUF_RING" });
STATIC_XLAT(uring_ops,
	{ 0, "IORING_OP_NOP" }, { 1, "IORING_OP_READV" }, { 2, "IORING_OP_WRITEV" },
	{ 3, "IORING_OP_FSYNC" }, { 4, "IORING_OP_READ_FIXED" }, { 5, "IORING_OP_WRITE_FIXED" },
	{ 6, "IORING_OP_POLL_ADD" }, { 7, "IORING_OP_POLL_REMOVE" },
	{ 8, "IORING_OP_SYNC_FILE_RANGE" }, { 9, "IORING_OP_SENDMSG" },
	{ 10, "IORING_OP_RECVMSG" }, { 11, "IORING_OP_TIMEOUT" },
	{ 12, "IORING_OP_TIMEOUT_REMOVE" }, { 13, "IORING_OP_ACCEPT" },
	{ 14, "IORING_OP_ASYNC_CANCEL" }, { 15, "IORING_OP_LINK_TIMEOUT" },
	{ 16, "IORING_OP_CONNECT" }, { 17, "IORING_OP_FALLOCATE" }, { 18, "IORING_OP_OPENAT" },
	{ 19, "IORING_OP_CLOSE" }, { 20, "IORING_OP_FILES_UPDATE" }, { 21, "IORING_OP_STATX" },
	{ 22, "IORING_OP_READ" }, { 23, "IORING_OP_WRITE" }, { 24, "IORING_OP_FADVISE" },
	{ 25, "IORING_OP_MADVISE" }, { 26, "IORING_OP_SEND" }, { 27, "IORING_OP_RECV" },
	{ 28, "IORING_OP_OPENAT2" }, { 29, "IORING_OP_EPOLL_CTL" }, { 30, "IORING_OP_SPLICE" },
	{ 31, "IORING_OP_PROVIDE_BUFFERS" }, { 32, "IORING_OP_REMOVE_BUFFERS" },
	{ 33, "IORING_OP_TEE" }, { 34, "IORING_OP_SHUTDOWN" }, { 35, "IORING_OP_RENAMEAT" },
	{ 36, "IORING_OP_UNLINKAT" }, { 37, "IORING_OP_MKDIRAT" }, { 38, "IORING_OP_SYMLINKAT" },
	{ 39, "IORING_OP_LINKAT" }, { 40, "IORING_OP_MSG_RING" }, { 41, "IORING_OP_FSETXATTR" },
	{ 42, "IORING_OP_SETXATTR" }, { 43, "IORING_OP_FGETXATTR" }, { 44, "IORING_OP_GETXATTR" },
	{ 45, "IORING_OP_SOCKET" }, { 46, "IORING_OP_URING_CMD" });
STATIC_XLAT(uring_op_flags, { 1, "IO_URING_OP_SUPPORTED" });
STATIC_XLAT(uring_restriction_opcodes,
	{ 0, "IORING_RESTRICTION_REGISTER_OP" }, { 1, "IORING_RESTRICTION_SQE_OP" },
	{ 2, "IORING_RESTRICTION_SQE_FLAGS_ALLOWED" },
	{ 3, "IORING_RESTRICTION_SQE_FLAGS_REQUIRED" });
STATIC_XLAT(uring_sqe_flags,
	{ 1u << 0, "IOSQE_FIXED_FILE" }, { 1u << 1, "IOSQE_IO_DRAIN" },
	{ 1u << 2, "IOSQE_IO_LINK" }, { 1u << 3, "IOSQE_IO_HARDLINK" },
	{ 1u << 4, "IOSQE_ASYNC" }, { 1u << 5, "IOSQE_BUFFER_SELECT" },
	{ 1u << 6, "IOSQE_CQE_SKIP_SUCCESS" });
STATIC_XLAT(uring_register_rsrc_flags, { 1, "IORING_RSRC_REGISTER_SPARSE" });
STATIC_XLAT(uring_iowq_acct, { 0, "IO_WQ_BOUND" }, { 1, "IO_WQ_UNBOUND" });
STATIC_XLAT(uring_files_update_fds, { (uint64_t)-2, "IORING_REGISTER_FILES_SKIP" });

/* The kernel's limit on a probe's ops. */
#define PROBE_OPS_MAX 256

static void field_hex(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_hex(p, v);
}

static void field_uint(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

/* Reserved words are shown only when not zero: resv2=[0, 0x1, 0]. */
static void field_hex_array(struct pr *p, const char *name, const void *arr, size_t n,
			    size_t size)
{
	const unsigned char *b = arr;
	size_t i;
	for (i = 0; i < n * size && !b[i]; i++)
		;
	if (i == n * size)
		return;
	pr_field(p, name);
	pr_array_begin(p);
	for (i = 0; i < n; i++) {
		uint64_t v = 0;
		memcpy(&v, b + i * size, size);
		pr_hex(p, v);
	}
	pr_array_end(p);
}

static bool print_fd_elem(struct sc *sc, const void *elem, void *data)
{
	int fd;
	memcpy(&fd, elem, sizeof(fd));
	print_fd(sc, fd);
	return true;
}

/* A file table slot: an fd, or IORING_REGISTER_FILES_SKIP (-2), or another negative number. */
static bool print_update_fd_elem(struct sc *sc, const void *elem, void *data)
{
	int fd;
	memcpy(&fd, elem, sizeof(fd));
	if (fd < -1)
		pr_xval_dec(sc->p, &uring_files_update_fds, (uint64_t)(int64_t)fd, NULL);
	else
		print_fd(sc, fd);
	return true;
}

static bool print_hex_elem(struct sc *sc, const void *elem, void *data)
{
	uint64_t v;
	memcpy(&v, elem, sizeof(v));
	pr_hex(sc->p, v);
	return true;
}

static void print_buffer_iovecs(struct sc *sc, uint64_t addr, uint64_t n)
{
	struct iov_data d = { .left = UINT64_MAX, .addresses_only = true };
	print_iovec_array(sc, addr, n, &d);
}

/* struct io_uring_files_update: offset, resv, fds. */
static void print_files_update(struct sc *sc, uint64_t addr, uint32_t nargs)
{
	struct { uint32_t offset, resv; uint64_t fds; } a;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &a, sizeof(a)))
		return;
	pr_struct_begin(p);
	field_uint(p, "offset", a.offset);
	if (a.resv)
		field_hex(p, "resv", a.resv);
	pr_field(p, "fds");
	print_array(sc, a.fds, nargs, sizeof(int), 0, print_update_fd_elem, NULL);
	pr_struct_end(p);
}

/* struct io_uring_probe (16 bytes) and its ops (8 bytes each). */
struct probe_op {
	uint8_t op, resv;
	uint16_t flags;
	uint32_t resv2;
};
struct probe {
	uint8_t last_op, ops_len;
	uint16_t resv;
	uint32_t resv2[3];
	struct probe_op ops[PROBE_OPS_MAX];
};

static void print_probe(struct sc *sc, const struct probe *pb, uint32_t nops, bool truncated)
{
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "last_op");
	pr_xval_dec(p, &uring_ops, pb->last_op, "IORING_OP_???");
	field_uint(p, "ops_len", pb->ops_len);
	if (pb->resv)
		field_hex(p, "resv", pb->resv);
	field_hex_array(p, "resv2", pb->resv2, 3, sizeof(uint32_t));
	pr_field(p, "ops");
	pr_array_begin(p);
	for (uint32_t i = 0; i < nops; i++) {
		const struct probe_op *op = &pb->ops[i];
		if (i >= (uint32_t)str_limit(sc) && !sc->verbose) {
			pr_more(p);
			break;
		}
		pr_struct_begin(p);
		pr_field(p, "op");
		pr_xval_dec(p, &uring_ops, op->op, "IORING_OP_???");
		if (op->resv)
			field_hex(p, "resv", op->resv);
		pr_field(p, "flags");
		pr_flags(p, &uring_op_flags, op->flags, "IO_URING_OP_???");
		if (op->resv2)
			field_hex(p, "resv2", op->resv2);
		pr_struct_end(p);
	}
	if (truncated)
		pr_more(p);
	pr_array_end(p);
	pr_struct_end(p);
}

/*
 * The probe is an output the kernel wants zeroed: it is shown at entry only when it is
 * not, and at exit (after " => " if shown at entry). Returns true when entry is done.
 */
static bool decode_probe(struct sc *sc, uint64_t addr, uint32_t nargs)
{
	static struct probe pb;
	bool shown = sc->exiting && sc->priv[0];
	if (sc->exiting && sc_failed(sc)) {
		if (!shown)
			print_addr(sc, addr);
		return true;
	}
	if (nargs > PROBE_OPS_MAX) {
		print_addr(sc, addr);
		return true;
	}
	size_t size = 16 + sizeof(struct probe_op) * nargs;
	memset(&pb, 0, sizeof(pb));
	if (!addr || sc->no_deref || umove(sc, addr, &pb, size) != 0) {
		print_addr(sc, addr);
		return true;
	}
	if (!sc->exiting) {
		const unsigned char *b = (const unsigned char *)&pb;
		size_t i;
		for (i = 0; i < size && !b[i]; i++)
			;
		if (i == size)
			return false;
		sc->priv[0] = 1;
		print_probe(sc, &pb, nargs, false);
		pr_level_restart(sc->p);
		return false;
	}
	if (shown)
		pr_join(sc->p, " => ");
	uint32_t n = pb.ops_len < nargs ? pb.ops_len : nargs;
	print_probe(sc, &pb, n, nargs < pb.ops_len);
	return true;
}

/* struct io_uring_restriction: opcode, then the op, sqe op or sqe flags it restricts. */
static bool print_restriction(struct sc *sc, const void *elem, void *data)
{
	struct { uint16_t opcode; uint8_t arg, resv; uint32_t resv2[3]; } r;
	struct pr *p = sc->p;
	memcpy(&r, elem, sizeof(r));
	pr_struct_begin(p);
	pr_field(p, "opcode");
	pr_xval(p, &uring_restriction_opcodes, r.opcode, "IORING_RESTRICTION_???");
	switch (r.opcode) {
	case 0:
		pr_field(p, "register_op");
		pr_xval(p, &uring_register_opcodes, r.arg, "IORING_REGISTER_???");
		break;
	case 1:
		pr_field(p, "sqe_op");
		pr_xval(p, &uring_ops, r.arg, "IORING_OP_???");
		break;
	case 2:
	case 3:
		pr_field(p, "sqe_flags");
		pr_flags(p, &uring_sqe_flags, r.arg, "IOSQE_???");
		break;
	default:
		pr_comment(p, "op: %#x", r.arg);
		break;
	}
	if (r.resv)
		field_hex(p, "resv", r.resv);
	field_hex_array(p, "resv2", r.resv2, 3, sizeof(uint32_t));
	pr_struct_end(p);
	return true;
}

/* The data and tags arrays of a resource registration or update. */
static void print_rsrc_arrays(struct sc *sc, uint64_t data, uint64_t tags, uint32_t nr,
			      uint32_t opcode)
{
	pr_field(sc->p, "data");
	switch (opcode) {
	case REG_FILES2:
		print_array(sc, data, nr, sizeof(int), 0, print_fd_elem, NULL);
		break;
	case REG_FILES_UPDATE2:
		print_array(sc, data, nr, sizeof(int), 0, print_update_fd_elem, NULL);
		break;
	default:
		print_buffer_iovecs(sc, data, nr);
		break;
	}
	pr_field(sc->p, "tags");
	print_array(sc, tags, nr, sizeof(uint64_t), 0, print_hex_elem, NULL);
}

/* struct io_uring_rsrc_register: nr, flags, resv2, data, tags (32 bytes, extensible). */
static void print_rsrc_register(struct sc *sc, uint64_t addr, uint32_t size, uint32_t opcode)
{
	struct { uint32_t nr, flags; uint64_t resv2, data, tags; } a;
	struct pr *p = sc->p;
	if (size < sizeof(a)) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &a, sizeof(a)))
		return;
	pr_struct_begin(p);
	field_uint(p, "nr", a.nr);
	pr_field(p, "flags");
	pr_flags(p, &uring_register_rsrc_flags, a.flags, "IORING_RSRC_REGISTER_???");
	if (a.resv2)
		field_hex(p, "resv2", a.resv2);
	print_rsrc_arrays(sc, a.data, a.tags, a.nr, opcode);
	print_nonzero_tail(sc, addr, sizeof(a), size);
	pr_struct_end(p);
}

/* struct io_uring_rsrc_update2: offset, resv, data, tags, nr, resv2 (32 bytes). */
static void print_rsrc_update(struct sc *sc, uint64_t addr, uint32_t size, uint32_t opcode)
{
	struct { uint32_t offset, resv; uint64_t data, tags; uint32_t nr, resv2; } a;
	struct pr *p = sc->p;
	if (size < sizeof(a)) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &a, sizeof(a)))
		return;
	pr_struct_begin(p);
	field_uint(p, "offset", a.offset);
	if (a.resv)
		field_hex(p, "resv", a.resv);
	print_rsrc_arrays(sc, a.data, a.tags, a.nr, opcode);
	field_uint(p, "nr", a.nr);
	if (a.resv2)
		field_hex(p, "resv2", a.resv2);
	print_nonzero_tail(sc, addr, sizeof(a), size);
	pr_struct_end(p);
}

/* The bounded and unbounded worker limits: [[IO_WQ_BOUND]=4, [IO_WQ_UNBOUND]=8]. */
static bool print_worker_limit(struct sc *sc, const void *elem, void *data)
{
	uint32_t v, *idx = data;
	char name[64];
	memcpy(&v, elem, sizeof(v));
	/* An index names its queue; an unnamed one is a decimal number. */
	const char *known = xlat_lookup(&uring_iowq_acct, *idx);
	if (known && sc->p->xlat_style == PR_XLAT_ABBREV)
		snprintf(name, sizeof(name), "%s", known);
	else if (sc->p->xlat_style == PR_XLAT_RAW)
		snprintf(name, sizeof(name), "%u", *idx);
	else
		snprintf(name, sizeof(name), "%u /* %s */", *idx, known ? known : "IO_WQ_???");
	(*idx)++;
	pr_textf(sc->p, "[%s]=%u", name, v);
	return true;
}

/* Whether print_array shows all of ADDR's elements (not NULL, [], an address or cut short). */
static bool array_readable(struct sc *sc, uint64_t addr, uint32_t n, size_t size)
{
	unsigned char all[4096];
	return addr && n && n * size <= sizeof(all) && peek_mem(sc, addr, all, n * size);
}

/* struct io_uring_rsrc_update of a ring fd registration: offset, resv, data (the fd). */
static bool print_ring_fd_reg(struct sc *sc, const void *elem, void *data)
{
	struct { uint32_t offset, resv; uint64_t data; } u;
	struct pr *p = sc->p;
	memcpy(&u, elem, sizeof(u));
	pr_struct_begin(p);
	pr_field(p, "offset");
	if (u.offset == UINT32_MAX)
		pr_int(p, -1);
	else
		pr_uint(p, u.offset);
	if (u.resv)
		field_hex(p, "resv", u.resv);
	pr_field(p, "data");
	print_fd(sc, (int)u.data);
	pr_struct_end(p);
	return true;
}

static bool print_ring_fd_unreg(struct sc *sc, const void *elem, void *data)
{
	struct { uint32_t offset, resv; uint64_t data; } u;
	struct pr *p = sc->p;
	memcpy(&u, elem, sizeof(u));
	pr_struct_begin(p);
	field_uint(p, "offset", u.offset);
	if (u.resv)
		field_hex(p, "resv", u.resv);
	if (u.data)
		field_hex(p, "data", u.data);
	pr_struct_end(p);
	return true;
}

/* struct io_uring_buf_reg: ring_addr, ring_entries, bgid, pad, resv[3]. */
static void print_buf_reg(struct sc *sc, uint64_t addr)
{
	struct { uint64_t ring_addr; uint32_t ring_entries; uint16_t bgid, pad; uint64_t resv[3]; } a;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &a, sizeof(a)))
		return;
	pr_struct_begin(p);
	pr_field(p, "ring_addr");
	pr_ptr(p, a.ring_addr);
	field_uint(p, "ring_entries", a.ring_entries);
	field_uint(p, "bgid", a.bgid);
	if (a.pad)
		field_hex(p, "pad", a.pad);
	field_hex_array(p, "resv", a.resv, 3, sizeof(uint64_t));
	pr_struct_end(p);
}

int decode_io_uring_register(struct sc *sc)
{
	uint32_t opcode = (uint32_t)sc->arg[1], nargs = (uint32_t)sc->arg[3];
	uint64_t arg = sc->arg[2];
	bool done = true;
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		pr_xval(sc->p, &uring_register_opcodes, opcode, "IORING_REGISTER_???");
	}
	switch (opcode) {
	case REG_BUFFERS:
		print_buffer_iovecs(sc, arg, nargs);
		break;
	case REG_FILES:
	case REG_EVENTFD:
	case REG_EVENTFD_ASYNC:
		print_array(sc, arg, nargs, sizeof(int), 0, print_fd_elem, NULL);
		break;
	case REG_FILES_UPDATE:
		print_files_update(sc, arg, nargs);
		break;
	case REG_PROBE:
		done = decode_probe(sc, arg, nargs);
		break;
	case REG_RESTRICTIONS:
		print_array(sc, arg, nargs, 16, 0, print_restriction, NULL);
		break;
	case REG_FILES2:
	case REG_BUFFERS2:
		print_rsrc_register(sc, arg, nargs, opcode);
		break;
	case REG_FILES_UPDATE2:
	case REG_BUFFERS_UPDATE:
		print_rsrc_update(sc, arg, nargs, opcode);
		break;
	case REG_IOWQ_AFF:
		print_cpu_mask(sc, arg, nargs);
		break;
	case REG_IOWQ_MAX_WORKERS: {
		/* The kernel stores the previous limits in place: shown again at exit. */
		uint32_t idx = 0;
		bool readable = array_readable(sc, arg, nargs, sizeof(uint32_t));
		print_array(sc, arg, nargs, sizeof(uint32_t), 0, print_worker_limit, &idx);
		if (!sc->exiting && readable) {
			pr_join(sc->p, " => ");
			pr_level_restart(sc->p);
			done = false;
		}
		break;
	}
	case REG_RING_FDS:
		print_array(sc, arg, nargs, 16, 0, print_ring_fd_reg, NULL);
		break;
	case UNREG_RING_FDS:
		print_array(sc, arg, nargs, 16, 0, print_ring_fd_unreg, NULL);
		break;
	case REG_PBUF_RING:
	case UNREG_PBUF_RING:
		print_buf_reg(sc, arg);
		break;
	default:
		print_addr(sc, arg);
		break;
	}
	if (!done)
		return DEC_AT_EXIT;
	if (sc->exiting)
		pr_level_mark(sc->p);
	pr_uint(sc->p, nargs);
	return sc->exiting ? RV_DEC : RV_DECODED | RV_DEC;
}

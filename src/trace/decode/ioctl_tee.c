/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the Trusted Execution Environment requests of linux/tee.h (type 0xa4). OPEN_SESSION,
 * INVOKE, SUPPL_RECV and SUPPL_SEND pass a struct tee_ioctl_buf_data naming a buffer of
 * buf_len bytes: an argument struct and its num_params struct tee_ioctl_param; the kernel
 * rejects one whose length does not match, and at exit writes results and parameters back.
 * The shared-memory requests pass a struct in and get it back with the id.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/tee.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/xlat_file.h"

/* Not upstream: a dma-buf fd registered as shared memory (linaro's kernels). */
struct k_tee_shm_register_fd_data {
	int64_t fd;
	uint64_t size;
	uint32_t flags;
	uint8_t pad1[4];
	int32_t id;
	uint8_t pad2[4];
} __attribute__((aligned(8)));
#define K_TEE_IOC_SHM_REGISTER_FD _IOWR(TEE_IOC_MAGIC, 8, struct k_tee_shm_register_fd_data)

STATIC_XLAT(tee_gen_caps,
	XLAT_PAIR(TEE_GEN_CAP_GP), XLAT_PAIR(TEE_GEN_CAP_PRIVILEGED),
	XLAT_PAIR(TEE_GEN_CAP_REG_MEM), XLAT_PAIR(TEE_GEN_CAP_MEMREF_NULL));
STATIC_XLAT(tee_impl_ids, XLAT_PAIR(TEE_IMPL_ID_OPTEE), XLAT_PAIR(TEE_IMPL_ID_AMDTEE));
STATIC_XLAT(tee_optee_caps, XLAT_PAIR(TEE_OPTEE_CAP_TZ));
STATIC_XLAT(tee_login_types,
	XLAT_PAIR(TEE_IOCTL_LOGIN_PUBLIC), XLAT_PAIR(TEE_IOCTL_LOGIN_USER),
	XLAT_PAIR(TEE_IOCTL_LOGIN_GROUP), XLAT_PAIR(TEE_IOCTL_LOGIN_APPLICATION),
	XLAT_PAIR(TEE_IOCTL_LOGIN_USER_APPLICATION), XLAT_PAIR(TEE_IOCTL_LOGIN_GROUP_APPLICATION));
/* The origin of a result: GlobalPlatform's TEEC_ORIGIN_*, not in the uapi header. */
STATIC_XLAT(tee_origins,
	{ 1, "TEEC_ORIGIN_API" }, { 2, "TEEC_ORIGIN_COMMS" }, { 3, "TEEC_ORIGIN_TEE" },
	{ 4, "TEEC_ORIGIN_TRUSTED_APP" });
STATIC_XLAT(tee_param_types,
	XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_TYPE_NONE), XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT),
	XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT),
	XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INOUT),
	XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT),
	XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT),
	XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT), XLAT_PAIR(TEE_IOCTL_PARAM_ATTR_META));
/* The kernel's shared-memory flags (drivers/tee/tee_private.h, not in the uapi header). */
STATIC_XLAT(tee_shm_flags,
	{ 0x1, "TEE_IOCTL_SHM_MAPPED" }, { 0x2, "TEE_IOCTL_SHM_DMA_BUF" },
	{ 0x4, "TEE_IOCTL_SHM_EXT_DMA_BUF" }, { 0x8, "TEE_IOCTL_SHM_REGISTER" },
	{ 0x10, "TEE_IOCTL_SHM_USER_MAPPED" }, { 0x20, "TEE_IOCTL_SHM_POOL" },
	{ 0x40, "TEE_IOCTL_SHM_KERNEL_MAPPED" });

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

static void field_xval(struct pr *p, const char *name, const struct xlat *x, uint64_t v,
		       const char *dflt)
{
	pr_field(p, name);
	pr_xval(p, x, v, dflt);
}

static bool print_param(struct sc *sc, const void *elem, void *data)
{
	struct tee_ioctl_param prm;
	struct pr *p = sc->p;
	bool memref;

	memcpy(&prm, elem, sizeof(prm));
	pr_struct_begin(p);
	pr_field(p, "attr");
	pr_xval(p, &tee_param_types, prm.attr & ~(uint64_t)TEE_IOCTL_PARAM_ATTR_META,
		"TEE_IOCTL_PARAM_ATTR_");
	if (prm.attr & TEE_IOCTL_PARAM_ATTR_META) {
		pr_join(p, "|");
		pr_text(p, "TEE_IOCTL_PARAM_ATTR_META");
	}
	memref = prm.attr == TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT ||
		 prm.attr == TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT ||
		 prm.attr == TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT;
	if (memref) {
		field_x(p, "shm_offs", prm.a);
		field_x(p, "size", prm.b);
		field_u(p, "shm_id", prm.c);
	} else if (prm.attr != TEE_IOCTL_PARAM_ATTR_TYPE_NONE) {
		field_x(p, "a", prm.a);
		field_x(p, "b", prm.b);
		field_x(p, "c", prm.c);
	}
	pr_struct_end(p);
	return true;
}

static void print_params(struct sc *sc, uint64_t addr, uint32_t n)
{
	pr_field(sc->p, "params");
	print_array(sc, n ? addr : 0, n, sizeof(struct tee_ioctl_param), 0, print_param, NULL);
}

/* The argument structs a buffer holds, by request. */
union tee_arg {
	struct tee_ioctl_open_session_arg open;
	struct tee_ioctl_invoke_arg invoke;
	struct tee_iocl_supp_recv_arg recv;
	struct tee_iocl_supp_send_arg send;
};

static size_t arg_size(uint32_t code)
{
	switch (code) {
	case TEE_IOC_OPEN_SESSION:
		return sizeof(struct tee_ioctl_open_session_arg);
	case TEE_IOC_INVOKE:
		return sizeof(struct tee_ioctl_invoke_arg);
	case TEE_IOC_SUPPL_RECV:
		return sizeof(struct tee_iocl_supp_recv_arg);
	}
	return sizeof(struct tee_iocl_supp_send_arg);
}

static uint32_t num_params(uint32_t code, const union tee_arg *a)
{
	switch (code) {
	case TEE_IOC_OPEN_SESSION:
		return a->open.num_params;
	case TEE_IOC_INVOKE:
		return a->invoke.num_params;
	case TEE_IOC_SUPPL_RECV:
		return a->recv.num_params;
	}
	return a->send.num_params;
}

static void print_buf_data(struct pr *p, const struct tee_ioctl_buf_data *b)
{
	pr_struct_begin(p);
	field_u(p, "buf_len", b->buf_len);
	field_x(p, "buf_ptr", b->buf_ptr);
	pr_struct_end(p);
}

/*
 * The buf_data at ARG and the argument struct it names into B and A; false when one of
 * them printed instead: its address, or {buf_len, buf_ptr} for a buffer the kernel would
 * refuse (at entry, the parameters must fill it exactly).
 */
static bool fetch_buffer(struct sc *sc, uint32_t code, uint64_t arg,
			 struct tee_ioctl_buf_data *b, union tee_arg *a)
{
	size_t size = arg_size(code);

	if (!fetch_or_print_addr(sc, arg, b, sizeof(*b)))
		return false;
	if (b->buf_len > TEE_MAX_ARG_SIZE || b->buf_len < size || umove(sc, b->buf_ptr, a, size) ||
	    (!sc->exiting &&
	     size + (uint64_t)num_params(code, a) * sizeof(struct tee_ioctl_param) != b->buf_len)) {
		print_buf_data(sc->p, b);
		return false;
	}
	return true;
}

/* 16 bytes as a UUID: deadbeef-cafe-c0de-badc-0dedfacefeed. */
static void print_uuid(struct pr *p, const uint8_t u[16])
{
	char s[40];
	size_t at = 0;
	for (int i = 0; i < 16; i++)
		at += (size_t)snprintf(s + at, sizeof(s) - at, "%s%02x",
				       i == 4 || i == 6 || i == 8 || i == 10 ? "-" : "", u[i]);
	pr_text(p, s);
}

static void print_open_in(struct sc *sc, const struct tee_ioctl_open_session_arg *o)
{
	struct pr *p = sc->p;
	uint32_t gid;

	pr_field(p, "uuid");
	print_uuid(p, o->uuid);
	field_xval(p, "clnt_login", &tee_login_types, o->clnt_login, "TEE_IOCTL_LOGIN_???");
	/* clnt_uuid carries the group to log in as, for the group logins; it is no UUID. */
	switch (o->clnt_login) {
	case TEE_IOCTL_LOGIN_PUBLIC: case TEE_IOCTL_LOGIN_USER: case TEE_IOCTL_LOGIN_APPLICATION:
	case TEE_IOCTL_LOGIN_USER_APPLICATION:
		break;
	case TEE_IOCTL_LOGIN_GROUP: case TEE_IOCTL_LOGIN_GROUP_APPLICATION:
		memcpy(&gid, o->clnt_uuid, sizeof(gid));
		pr_field(p, "clnt_uuid");
		pr_id(p, gid);
		break;
	default:
		pr_field(p, "clnt_uuid");
		pr_array_begin(p);
		for (int i = 0; i < TEE_IOCTL_UUID_LEN; i++)
			pr_hex(p, o->clnt_uuid[i]);
		pr_array_end(p);
	}
	field_u(p, "cancel_id", o->cancel_id);
}

/* OPEN_SESSION, INVOKE, SUPPL_RECV, SUPPL_SEND: the arguments at entry, results at exit. */
static int buffer_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct tee_ioctl_buf_data b;
	union tee_arg a;
	struct pr *p = sc->p;

	if (sc->exiting) {
		if (sc_failed(sc)) {
			pr_struct_end(p);
			return IOC_ARG_DONE;
		}
		pr_join(p, " => ");
		if (!fetch_buffer(sc, code, arg, &b, &a))
			return IOC_ARG_DONE;
	} else {
		if (!fetch_buffer(sc, code, arg, &b, &a))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		field_u(p, "buf_len", b.buf_len);
		pr_field(p, "buf_ptr");
	}
	pr_struct_begin(p);
	switch (code) {
	case TEE_IOC_OPEN_SESSION:
		if (!sc->exiting) {
			print_open_in(sc, &a.open);
		} else {
			field_x(p, "session", a.open.session);
			field_u(p, "ret", a.open.ret);
			field_xval(p, "ret_origin", &tee_origins, a.open.ret_origin,
				   "TEEC_ORIGIN_???");
		}
		break;
	case TEE_IOC_INVOKE:
		if (!sc->exiting) {
			field_u(p, "func", a.invoke.func);
			field_x(p, "session", a.invoke.session);
			field_u(p, "cancel_id", a.invoke.cancel_id);
		} else {
			field_u(p, "ret", a.invoke.ret);
			field_xval(p, "ret_origin", &tee_origins, a.invoke.ret_origin,
				   "TEEC_ORIGIN_???");
		}
		break;
	case TEE_IOC_SUPPL_RECV:
		if (!sc->exiting)
			field_u(p, "func", a.recv.func);
		break;
	case TEE_IOC_SUPPL_SEND:
		if (sc->exiting)
			field_u(p, "ret", a.send.ret);
		break;
	}
	/* Only SUPPL_RECV gets its count back; the others' count is not printed again. */
	if (!sc->exiting || code == TEE_IOC_SUPPL_RECV)
		field_u(p, "num_params", num_params(code, &a));
	print_params(sc, b.buf_ptr + arg_size(code), num_params(code, &a));
	pr_struct_end(p);
	if (!sc->exiting)
		return IOC_LATER;
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

static int version_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct tee_ioctl_version_data v;
	struct pr *p = sc->p;

	if (!sc->exiting)
		return IOC_LATER;
	if (!fetch_or_print_addr(sc, arg, &v, sizeof(v)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	field_xval(p, "impl_id", &tee_impl_ids, v.impl_id, "TEE_IMPL_ID_???");
	pr_field(p, "gen_caps");
	pr_flags(p, &tee_gen_caps, v.gen_caps, "TEE_GEN_CAP_???");
	pr_field(p, "impl_caps");
	if (v.impl_id == TEE_IMPL_ID_OPTEE)
		pr_flags(p, &tee_optee_caps, v.impl_caps, "TEE_OPTEE_CAP_???");
	else
		pr_hex(p, v.impl_caps);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

static void field_shm_flags(struct pr *p, uint32_t flags)
{
	pr_field(p, "flags");
	pr_flags(p, &tee_shm_flags, flags, "TEE_IOCTL_SHM_???");
}

/* The shared-memory requests: the struct at entry, " => " what the kernel wrote back. */
static int shm_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	union {
		struct tee_ioctl_shm_alloc_data alloc;
		struct tee_ioctl_shm_register_data reg;
		struct k_tee_shm_register_fd_data fd;
	} s;
	size_t size = code == TEE_IOC_SHM_ALLOC ? sizeof(s.alloc) :
		      code == TEE_IOC_SHM_REGISTER ? sizeof(s.reg) : sizeof(s.fd);
	struct pr *p = sc->p;

	if (sc->exiting) {
		if (sc_failed(sc))
			return IOC_ARG_DONE;
		pr_join(p, " => ");
	}
	if (!fetch_or_print_addr(sc, arg, &s, size))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	if (code == TEE_IOC_SHM_ALLOC) {
		field_x(p, "size", s.alloc.size);
		field_shm_flags(p, s.alloc.flags);
		if (sc->exiting) {
			pr_field(p, "id");
			pr_int(p, s.alloc.id);
		}
	} else if (code == TEE_IOC_SHM_REGISTER) {
		if (!sc->exiting) {
			pr_field(p, "addr");
			pr_ptr(p, s.reg.addr);
		}
		field_x(p, "length", s.reg.length);
		field_shm_flags(p, s.reg.flags);
		if (sc->exiting) {
			pr_field(p, "id");
			pr_int(p, s.reg.id);
		}
	} else if (!sc->exiting) {
		pr_field(p, "fd");
		print_fd(sc, (int)s.fd.fd);
		field_shm_flags(p, s.fd.flags);
	} else {
		field_x(p, "size", s.fd.size);
		pr_field(p, "id");
		pr_int(p, s.fd.id);
	}
	pr_struct_end(p);
	return sc->exiting ? IOC_ARG_DONE : IOC_LATER;
}

static int cancel_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct tee_ioctl_cancel_arg c;
	if (fetch_or_print_addr(sc, arg, &c, sizeof(c))) {
		pr_struct_begin(sc->p);
		field_u(sc->p, "cancel_id", c.cancel_id);
		field_x(sc->p, "session", c.session);
		pr_struct_end(sc->p);
	}
	return IOC_ARG_DONE;
}

static int close_session_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct tee_ioctl_close_session_arg c;
	if (fetch_or_print_addr(sc, arg, &c, sizeof(c))) {
		pr_struct_begin(sc->p);
		field_x(sc->p, "session", c.session);
		pr_struct_end(sc->p);
	}
	return IOC_ARG_DONE;
}

IOC_FAMILY(tee_family,
	IOC_C_FN(TEE_IOC_VERSION, version_ioctl),
	IOC_C_FN(TEE_IOC_OPEN_SESSION, buffer_ioctl),
	IOC_C_FN(TEE_IOC_INVOKE, buffer_ioctl),
	IOC_C_FN(TEE_IOC_SUPPL_RECV, buffer_ioctl),
	IOC_C_FN(TEE_IOC_SUPPL_SEND, buffer_ioctl),
	IOC_C_FN(TEE_IOC_CANCEL, cancel_ioctl),
	IOC_C_FN(TEE_IOC_CLOSE_SESSION, close_session_ioctl),
	IOC_C_FN(TEE_IOC_SHM_ALLOC, shm_ioctl),
	IOC_C_FN(TEE_IOC_SHM_REGISTER, shm_ioctl),
	IOC_C_FN(K_TEE_IOC_SHM_REGISTER_FD, shm_ioctl));

int tee_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &tee_family, code, arg);
}

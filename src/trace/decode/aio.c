/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Linux native asynchronous I/O (linux/aio_abi.h): io_setup, io_destroy, io_submit,
 * io_cancel, io_getevents, io_pgetevents.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/desc_impl.h"
#include "trace/decode/misc_impl.h"

/* struct iocb, 64 bytes; aio_key and aio_rw_flags in this order on little-endian. */
struct k_iocb {
	uint64_t aio_data;
	uint32_t aio_key;
	uint32_t aio_rw_flags;
	uint16_t aio_lio_opcode;
	int16_t aio_reqprio;
	uint32_t aio_fildes;
	uint64_t aio_buf;
	uint64_t aio_nbytes;
	int64_t aio_offset;
	uint64_t aio_reserved2;
	uint32_t aio_flags;
	uint32_t aio_resfd;
};

/* struct io_event, 32 bytes. */
struct k_io_event {
	uint64_t data;
	uint64_t obj;
	int64_t res;
	int64_t res2;
};

enum {
	IOCB_CMD_PREAD_ = 0, IOCB_CMD_PWRITE_ = 1, IOCB_CMD_POLL_ = 5,
	IOCB_CMD_PREADV_ = 7, IOCB_CMD_PWRITEV_ = 8,
	IOCB_FLAG_RESFD_ = 1, IOCB_FLAG_IOPRIO_ = 2,
};

STATIC_XLAT(aio_cmds,
	{ 0, "IOCB_CMD_PREAD" }, { 1, "IOCB_CMD_PWRITE" }, { 2, "IOCB_CMD_FSYNC" },
	{ 3, "IOCB_CMD_FDSYNC" }, { 4, "IOCB_CMD_PREADX" }, { 5, "IOCB_CMD_POLL" },
	{ 6, "IOCB_CMD_NOOP" }, { 7, "IOCB_CMD_PREADV" }, { 8, "IOCB_CMD_PWRITEV" });
STATIC_XLAT(aio_iocb_flags, { 1, "IOCB_FLAG_RESFD" }, { 2, "IOCB_FLAG_IOPRIO" });

int decode_io_setup(struct sc *sc)
{
	if (!sc->exiting) {
		pr_uint(sc->p, (uint32_t)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_ptr_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_io_destroy(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

/* The fields every request has: its cookie, key, flags, opcode, priority and fd. */
static void print_iocb_header(struct sc *sc, const struct k_iocb *cb)
{
	pr_field(sc->p, "aio_data");
	pr_hex(sc->p, cb->aio_data);
	if (cb->aio_key) {
		pr_field(sc->p, "aio_key");
		pr_uint(sc->p, cb->aio_key);
	}
	if (cb->aio_rw_flags) {
		pr_field(sc->p, "aio_rw_flags");
		pr_flags(sc->p, &desc_rwf_flags, cb->aio_rw_flags, "RWF_???");
	}
	pr_field(sc->p, "aio_lio_opcode");
	pr_xval_dec(sc->p, &aio_cmds, cb->aio_lio_opcode, "IOCB_CMD_???");
	if (cb->aio_flags & IOCB_FLAG_IOPRIO_) {
		char num[16], text[128];
		pr_field(sc->p, "aio_reqprio");
		snprintf(num, sizeof(num), "%#x", (unsigned)(uint16_t)cb->aio_reqprio);
		ioprio_text(sc, text, sizeof(text), (uint16_t)cb->aio_reqprio);
		misc_print_alt(sc, num, text);
	} else if (cb->aio_reqprio) {
		pr_field(sc->p, "aio_reqprio");
		pr_int(sc->p, cb->aio_reqprio);
	}
	pr_field(sc->p, "aio_fildes");
	print_fd(sc, (int)cb->aio_fildes);
}

static void print_iocb_flags(struct sc *sc, const struct k_iocb *cb)
{
	if (cb->aio_flags) {
		pr_field(sc->p, "aio_flags");
		pr_flags(sc->p, &aio_iocb_flags, cb->aio_flags, "IOCB_FLAG_???");
	}
	if (cb->aio_flags & IOCB_FLAG_RESFD_) {
		pr_field(sc->p, "aio_resfd");
		print_fd(sc, (int)cb->aio_resfd);
	} else if (cb->aio_resfd) {
		pr_field(sc->p, "aio_resfd");
		pr_hex(sc->p, cb->aio_resfd);
	}
}

/* A buffer length the kernel takes as a non-negative ssize_t. */
static bool iocb_is_valid(const struct k_iocb *cb)
{
	return (int64_t)cb->aio_nbytes >= 0;
}

static void print_iocb(struct sc *sc, const struct k_iocb *cb)
{
	pr_struct_begin(sc->p);
	print_iocb_header(sc, cb);
	switch (cb->aio_lio_opcode) {
	case IOCB_CMD_PREAD_:
	case IOCB_CMD_PWRITE_:
		pr_field(sc->p, "aio_buf");
		/* Only what is written is known at submission. */
		if (cb->aio_lio_opcode == IOCB_CMD_PWRITE_ && iocb_is_valid(cb))
			print_buf(sc, cb->aio_buf, cb->aio_nbytes);
		else
			pr_hex(sc->p, cb->aio_buf);
		pr_field(sc->p, "aio_nbytes");
		pr_uint(sc->p, cb->aio_nbytes);
		pr_field(sc->p, "aio_offset");
		pr_int(sc->p, cb->aio_offset);
		print_iocb_flags(sc, cb);
		break;
	case IOCB_CMD_PREADV_:
	case IOCB_CMD_PWRITEV_:
		pr_field(sc->p, "aio_buf");
		if (iocb_is_valid(cb)) {
			struct iov_data d = {
				.left = UINT64_MAX,
				.addresses_only = cb->aio_lio_opcode == IOCB_CMD_PREADV_,
			};
			print_iovec_array(sc, cb->aio_buf, cb->aio_nbytes, &d);
		} else {
			pr_hex(sc->p, cb->aio_buf);
			pr_field(sc->p, "aio_nbytes");
			pr_uint(sc->p, cb->aio_nbytes);
		}
		pr_field(sc->p, "aio_offset");
		pr_int(sc->p, cb->aio_offset);
		print_iocb_flags(sc, cb);
		break;
	case IOCB_CMD_POLL_:
		pr_field(sc->p, "aio_buf");
		pr_flags(sc->p, &desc_poll_events, cb->aio_buf, "POLL???");
		print_iocb_flags(sc, cb);
		break;
	default:
		break;
	}
	pr_struct_end(sc->p);
}

static bool print_iocb_ptr(struct sc *sc, const void *elem, void *data)
{
	uint64_t addr;
	struct k_iocb cb;
	memcpy(&addr, elem, sizeof(addr));
	if (fetch_or_print_addr(sc, addr, &cb, sizeof(cb)))
		print_iocb(sc, &cb);
	return true;
}

int decode_io_submit(struct sc *sc)
{
	int64_t nr = (int64_t)sc->arg[1];
	print_addr(sc, sc->arg[0]);
	pr_int(sc->p, nr);
	if (nr < 0)
		print_addr(sc, sc->arg[2]);
	else
		print_array(sc, sc->arg[2], (uint64_t)nr, sizeof(uint64_t), 0, print_iocb_ptr, NULL);
	return RV_DECODED | RV_DEC;
}

static void print_io_event(struct sc *sc, const struct k_io_event *ev)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "data");
	pr_hex(sc->p, ev->data);
	pr_field(sc->p, "obj");
	pr_hex(sc->p, ev->obj);
	pr_field(sc->p, "res");
	pr_int(sc->p, ev->res);
	pr_field(sc->p, "res2");
	pr_int(sc->p, ev->res2);
	pr_struct_end(sc->p);
}

static bool print_io_event_elem(struct sc *sc, const void *elem, void *data)
{
	struct k_io_event ev;
	memcpy(&ev, elem, sizeof(ev));
	print_io_event(sc, &ev);
	return true;
}

int decode_io_cancel(struct sc *sc)
{
	if (!sc->exiting) {
		struct k_iocb cb;
		print_addr(sc, sc->arg[0]);
		if (fetch_or_print_addr(sc, sc->arg[1], &cb, sizeof(cb))) {
			pr_struct_begin(sc->p);
			print_iocb_header(sc, &cb);
			pr_struct_end(sc->p);
		}
		return DEC_AT_EXIT;
	}
	struct k_io_event ev;
	if (fetch_or_print_addr(sc, sc->arg[2], &ev, sizeof(ev)))
		print_io_event(sc, &ev);
	return RV_DEC;
}

/* io_getevents and io_pgetevents: the events at exit, then the inputs read at entry. */
static int decode_getevents(struct sc *sc, bool has_sig)
{
	if (!sc->exiting) {
		print_addr(sc, sc->arg[0]);
		pr_int(sc->p, (int64_t)sc->arg[1]);
		pr_int(sc->p, (int64_t)sc->arg[2]);
		return DEC_AT_EXIT;
	}
	print_array(sc, sc->arg[3], (uint64_t)sc->rval, sizeof(struct k_io_event), 0,
		    print_io_event_elem, NULL);
	/* The timeout and the signal mask were read at entry, whatever the result. */
	int err = sc->err;
	sc->err = 0;
	print_timespec_at(sc, sc->arg[4]);
	if (has_sig)
		print_sigmask_pair_at(sc, sc->arg[5]);
	sc->err = err;
	return RV_DEC;
}

int decode_io_getevents(struct sc *sc)
{
	return decode_getevents(sc, false);
}

int decode_io_pgetevents(struct sc *sc)
{
	return decode_getevents(sc, true);
}

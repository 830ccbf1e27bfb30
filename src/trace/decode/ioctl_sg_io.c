/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl(SG_IO): the SCSI generic request headers, by the interface id that leads them:
 * struct sg_io_hdr of scsi/sg.h ('S', version 3) and struct sg_io_v4 of linux/bsg.h ('Q').
 * The request half prints at entry, the response half at exit (whether the call failed
 * or not: the kernel's fields are read as they are). Data buffers are byte strings in
 * hex, or an iovec array when an iovec count is given, bounded by the transfer length.
 */
#include <stddef.h>
#include <string.h>
#include <scsi/sg.h>
#include <linux/bsg.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(sg_io_dxfer_direction,
	{ (uint32_t)SG_DXFER_NONE, "SG_DXFER_NONE" },
	{ (uint32_t)SG_DXFER_TO_DEV, "SG_DXFER_TO_DEV" },
	{ (uint32_t)SG_DXFER_FROM_DEV, "SG_DXFER_FROM_DEV" },
	{ (uint32_t)SG_DXFER_TO_FROM_DEV, "SG_DXFER_TO_FROM_DEV" });
STATIC_XLAT(sg_io_flags,
	{ 1, "SG_FLAG_DIRECT_IO" }, { 2, "SG_FLAG_UNUSED_LUN_INHIBIT" },
	{ 4, "SG_FLAG_MMAP_IO" }, { 0x10000, "SG_FLAG_NO_DXFER" },
	{ 0x10, "SG_FLAG_Q_AT_TAIL" }, { 0x20, "SG_FLAG_Q_AT_HEAD" });
STATIC_XLAT(sg_io_info,
	XLAT_PAIR(SG_INFO_CHECK), XLAT_PAIR(SG_INFO_DIRECT_IO), XLAT_PAIR(SG_INFO_MIXED_IO));
STATIC_XLAT(bsg_protocol, XLAT_PAIR(BSG_PROTOCOL_SCSI));
STATIC_XLAT(bsg_subprotocol,
	XLAT_PAIR(BSG_SUB_PROTOCOL_SCSI_CMD), XLAT_PAIR(BSG_SUB_PROTOCOL_SCSI_TMF),
	XLAT_PAIR(BSG_SUB_PROTOCOL_SCSI_TRANSPORT));
STATIC_XLAT(bsg_flags, XLAT_PAIR(BSG_FLAG_Q_AT_TAIL), XLAT_PAIR(BSG_FLAG_Q_AT_HEAD));

/*
 * What entry keeps for exit: the buffers' addresses, the interface id and the v3 direction
 * (sc->priv[3] is the printer's own).
 */
#define SG_OUT_BUF priv[0]	/* v3: dxferp; v4: response */
#define SG_SENSE_BUF priv[1]	/* v3: sbp; v4: din_xferp */
#define SG_DIRECTION priv[2]	/* v3: dxfer_direction */
#define SG_IID priv[2]		/* the interface id, above the direction */
#define SG_IID_SHIFT 32

/* A field NAME of SIZE bytes at ADDR: an iovec array of COUNT when COUNT, else hex bytes. */
static void print_sg_buffer(struct sc *sc, const char *name, uint64_t addr, uint32_t size,
			    uint32_t count)
{
	pr_field(sc->p, name);
	if (count) {
		struct iov_data d = { .left = size };
		print_iovec_array(sc, addr, count, &d);
	} else {
		print_buf_hex(sc, addr, size);
	}
}

static void print_u(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

static void print_x(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_hex(p, v);
}

static void print_d(struct pr *p, const char *name, int64_t v)
{
	pr_field(p, name);
	pr_int(p, v);
}

static int v3_request(struct sc *sc, uint64_t arg)
{
	static const size_t skip = offsetof(struct sg_io_hdr, dxfer_direction);
	struct sg_io_hdr h;
	struct pr *p = sc->p;

	pr_struct_begin(p);
	pr_field(p, "interface_id");
	pr_text(p, "'S'");
	if (!fetch_or_print_addr(sc, arg + skip, (char *)&h + skip, sizeof(h) - skip)) {
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	pr_field(p, "dxfer_direction");
	pr_xval(p, &sg_io_dxfer_direction, (uint32_t)h.dxfer_direction, "SG_DXFER_???");
	print_u(p, "cmd_len", h.cmd_len);
	print_sg_buffer(sc, "cmdp", (uintptr_t)h.cmdp, h.cmd_len, 0);
	print_u(p, "mx_sb_len", h.mx_sb_len);
	print_u(p, "iovec_count", h.iovec_count);
	print_u(p, "dxfer_len", h.dxfer_len);
	print_u(p, "timeout", h.timeout);
	pr_field(p, "flags");
	pr_flags(p, &sg_io_flags, h.flags, "SG_FLAG_???");
	if (h.dxfer_direction == SG_DXFER_TO_DEV || h.dxfer_direction == SG_DXFER_TO_FROM_DEV)
		print_sg_buffer(sc, "dxferp", (uintptr_t)h.dxferp, h.dxfer_len, h.iovec_count);
	sc->SG_OUT_BUF = (uintptr_t)h.dxferp;
	sc->SG_SENSE_BUF = (uintptr_t)h.sbp;
	sc->SG_DIRECTION |= (uint32_t)h.dxfer_direction;
	return IOC_LATER;
}

static void v3_response(struct sc *sc, uint64_t arg)
{
	struct sg_io_hdr h;
	struct pr *p = sc->p;

	if (umove(sc, arg, &h, sizeof(h))) {
		if ((int)(uint32_t)sc->SG_DIRECTION == SG_DXFER_FROM_DEV) {
			pr_field(p, "dxferp");
			pr_ptr(p, sc->SG_OUT_BUF);
		}
		pr_field(p, "sbp");
		pr_ptr(p, sc->SG_SENSE_BUF);
		return;
	}
	if (h.interface_id != 'S') {
		pr_join(p, " => ");
		print_u(p, "interface_id", (uint32_t)h.interface_id);
		return;
	}
	if (h.dxfer_direction == SG_DXFER_FROM_DEV || h.dxfer_direction == SG_DXFER_TO_FROM_DEV) {
		uint32_t din_len = h.dxfer_len;
		if (h.resid > 0 && (unsigned)h.resid <= din_len)
			din_len -= h.resid;
		if (h.dxfer_direction == SG_DXFER_FROM_DEV) {
			print_sg_buffer(sc, "dxferp", (uintptr_t)h.dxferp, din_len, h.iovec_count);
		} else if (din_len) {
			/* The same buffer went both ways: what came back follows what went. */
			pr_join(p, " => ");
			print_sg_buffer(sc, "dxferp", (uintptr_t)h.dxferp, din_len, h.iovec_count);
		}
	}
	print_x(p, "status", h.status);
	print_x(p, "masked_status", h.masked_status);
	print_x(p, "msg_status", h.msg_status);
	print_u(p, "sb_len_wr", h.sb_len_wr);
	print_sg_buffer(sc, "sbp", (uintptr_t)h.sbp, h.sb_len_wr, 0);
	print_x(p, "host_status", h.host_status);
	print_x(p, "driver_status", h.driver_status);
	print_d(p, "resid", h.resid);
	print_u(p, "duration", h.duration);
	pr_field(p, "info");
	pr_flags(p, &sg_io_info, h.info, "SG_INFO_???");
}

static int v4_request(struct sc *sc, uint64_t arg)
{
	static const size_t skip = offsetof(struct sg_io_v4, protocol);
	struct sg_io_v4 h;
	struct pr *p = sc->p;

	pr_struct_begin(p);
	pr_field(p, "guard");
	pr_text(p, "'Q'");
	if (!fetch_or_print_addr(sc, arg + skip, (char *)&h + skip, sizeof(h) - skip)) {
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	pr_field(p, "protocol");
	pr_xval(p, &bsg_protocol, h.protocol, "BSG_PROTOCOL_???");
	pr_field(p, "subprotocol");
	pr_xval(p, &bsg_subprotocol, h.subprotocol, "BSG_SUB_PROTOCOL_???");
	print_u(p, "request_len", h.request_len);
	print_sg_buffer(sc, "request", h.request, h.request_len, 0);
	print_x(p, "request_tag", h.request_tag);
	print_u(p, "request_attr", h.request_attr);
	print_u(p, "request_priority", h.request_priority);
	print_u(p, "request_extra", h.request_extra);
	print_u(p, "max_response_len", h.max_response_len);
	print_u(p, "dout_iovec_count", h.dout_iovec_count);
	print_u(p, "dout_xfer_len", h.dout_xfer_len);
	print_u(p, "din_iovec_count", h.din_iovec_count);
	print_u(p, "din_xfer_len", h.din_xfer_len);
	print_sg_buffer(sc, "dout_xferp", h.dout_xferp, h.dout_xfer_len, h.dout_iovec_count);
	print_u(p, "timeout", h.timeout);
	pr_field(p, "flags");
	pr_flags(p, &bsg_flags, h.flags, "BSG_FLAG_???");
	print_x(p, "usr_ptr", h.usr_ptr);
	sc->SG_OUT_BUF = h.response;
	sc->SG_SENSE_BUF = h.din_xferp;
	return IOC_LATER;
}

static void v4_response(struct sc *sc, uint64_t arg)
{
	struct sg_io_v4 h;
	struct pr *p = sc->p;

	if (umove(sc, arg, &h, sizeof(h))) {
		print_x(p, "response", sc->SG_OUT_BUF);
		print_x(p, "din_xferp", sc->SG_SENSE_BUF);
		return;
	}
	if (h.guard != 'Q') {
		pr_join(p, " => ");
		print_u(p, "guard", (uint32_t)h.guard);
		return;
	}
	uint32_t din_len = h.din_xfer_len;
	if (h.din_resid > 0 && (unsigned)h.din_resid <= din_len)
		din_len -= h.din_resid;
	print_u(p, "response_len", h.response_len);
	print_sg_buffer(sc, "response", h.response, h.response_len, 0);
	print_sg_buffer(sc, "din_xferp", h.din_xferp, din_len, h.din_iovec_count);
	print_x(p, "driver_status", h.driver_status);
	print_x(p, "transport_status", h.transport_status);
	print_x(p, "device_status", h.device_status);
	print_u(p, "retry_delay", h.retry_delay);
	pr_field(p, "info");
	pr_flags(p, &sg_io_info, h.info, "SG_INFO_???");
	print_u(p, "duration", h.duration);
	print_u(p, "response_len", h.response_len);
	print_d(p, "din_resid", h.din_resid);
	print_d(p, "dout_resid", h.dout_resid);
	print_x(p, "generated_tag", h.generated_tag);
}

int sg_io_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	uint32_t iid;

	if (sc->exiting) {
		if (sc->SG_IID >> SG_IID_SHIFT == 'S')
			v3_response(sc, arg);
		else
			v4_response(sc, arg);
		pr_struct_end(sc->p);
		return IOC_ARG_DONE;
	}
	if (!fetch_or_print_addr(sc, arg, &iid, sizeof(iid)))
		return IOC_ARG_DONE;
	sc->SG_IID = (uint64_t)iid << SG_IID_SHIFT;
	if (iid == 'S')
		return v3_request(sc, arg);
	if (iid == 'Q')
		return v4_request(sc, arg);
	pr_textf(sc->p, "[%u]", iid);
	return IOC_ARG_DONE;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the SCSI generic requests of scsi/sg.h (type 0x22), as data; SG_IO's headers in
 * decode/ioctl_sg_io.c.
 */
#include <sys/ioctl.h>
#include <scsi/sg.h>

#include "trace/decode/ioctl_table.h"

/* What glibc's scsi/sg.h predates (the kernel's include/scsi/sg.h). */
#define K_SG_SCSI_RESET_TARGET 4
#define K_SG_SCSI_RESET_NO_ESCALATE 0x100
#define K_SG_GET_ACCESS_COUNT 0x2289

STATIC_XLAT(sg_scsi_reset,
	XLAT_PAIR(SG_SCSI_RESET_NOTHING), XLAT_PAIR(SG_SCSI_RESET_DEVICE),
	XLAT_PAIR(SG_SCSI_RESET_BUS), XLAT_PAIR(SG_SCSI_RESET_HOST),
	{ K_SG_SCSI_RESET_TARGET, "SG_SCSI_RESET_TARGET" },
	{ K_SG_SCSI_RESET_NO_ESCALATE, "SG_SCSI_RESET_NO_ESCALATE" });

IOC_STRUCT_OF(sg_scsi_id_desc, struct sg_scsi_id,
	IOC_F(struct sg_scsi_id, host_no, IOC_D),
	IOC_F(struct sg_scsi_id, channel, IOC_D),
	IOC_F(struct sg_scsi_id, scsi_id, IOC_X),
	IOC_F(struct sg_scsi_id, lun, IOC_D),
	IOC_F(struct sg_scsi_id, scsi_type, IOC_X),
	IOC_F(struct sg_scsi_id, h_cmd_per_lun, IOC_D),
	IOC_F(struct sg_scsi_id, d_queue_depth, IOC_D));

IOC_STRUCT_OF(sg_req_info_desc, struct sg_req_info,
	IOC_F(struct sg_req_info, req_state, IOC_D),
	IOC_F(struct sg_req_info, orphan, IOC_D),
	IOC_F(struct sg_req_info, sg_io_owned, IOC_D),
	IOC_F(struct sg_req_info, problem, IOC_D),
	IOC_F(struct sg_req_info, pack_id, IOC_D),
	IOC_F(struct sg_req_info, usr_ptr, IOC_PTR),
	IOC_F(struct sg_req_info, duration, IOC_U));

/* SG_SCSI_RESET: [SG_SCSI_RESET_NO_ESCALATE|SG_SCSI_RESET_DEVICE], the flag then the kind. */
static int scsi_reset_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	uint32_t v;
	if (!fetch_or_print_addr(sc, arg, &v, sizeof(v)))
		return IOC_ARG_DONE;
	pr_text(sc->p, "[");
	pr_join(sc->p, "");
	if (v & K_SG_SCSI_RESET_NO_ESCALATE) {
		pr_xval(sc->p, &sg_scsi_reset, K_SG_SCSI_RESET_NO_ESCALATE, NULL);
		pr_join(sc->p, "|");
	}
	pr_xval(sc->p, &sg_scsi_reset, v & ~K_SG_SCSI_RESET_NO_ESCALATE, "SG_SCSI_RESET_???");
	pr_raw(sc->p, "]");
	return IOC_ARG_DONE;
}

#define SG_SET_INT(code_) IOC_C_AT(code_, IOA_IN, IOC_D, sizeof(int))
#define SG_GET_INT(code_) IOC_C_AT(code_, IOA_OUT, IOC_D, sizeof(int))

IOC_FAMILY(scsi_family,
	IOC_C_FN(SG_IO, sg_io_ioctl),
	IOC_C_STRUCT(SG_GET_SCSI_ID, IOA_OUT, sg_scsi_id_desc),
	IOC_C_STRUCT(SG_GET_REQUEST_TABLE, IOA_OUT, sg_req_info_desc),
	IOC_C_FN(SG_SCSI_RESET, scsi_reset_ioctl),
	SG_SET_INT(SG_NEXT_CMD_LEN), SG_SET_INT(SG_SET_COMMAND_Q), SG_SET_INT(SG_SET_DEBUG),
	SG_SET_INT(SG_SET_FORCE_LOW_DMA), SG_SET_INT(SG_SET_FORCE_PACK_ID),
	SG_SET_INT(SG_SET_KEEP_ORPHAN), SG_SET_INT(SG_SET_RESERVED_SIZE),
	SG_SET_INT(SG_SET_TIMEOUT),
	SG_GET_INT(SG_EMULATED_HOST), SG_GET_INT(K_SG_GET_ACCESS_COUNT),
	SG_GET_INT(SG_GET_COMMAND_Q), SG_GET_INT(SG_GET_KEEP_ORPHAN), SG_GET_INT(SG_GET_LOW_DMA),
	SG_GET_INT(SG_GET_NUM_WAITING), SG_GET_INT(SG_GET_PACK_ID),
	SG_GET_INT(SG_GET_RESERVED_SIZE), SG_GET_INT(SG_GET_SG_TABLESIZE),
	SG_GET_INT(SG_GET_TRANSFORM), SG_GET_INT(SG_GET_VERSION_NUM),
	IOC_C_VAL(SG_SET_TRANSFORM, IOC_X, sizeof(int)),
	IOC_C_NONE(SG_GET_TIMEOUT));

int scsi_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &scsi_family, code, arg);
}

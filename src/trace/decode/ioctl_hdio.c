/* SPDX-License-Identifier: Apache-2.0 */
/* ioctl: the ATA disk requests of linux/hdreg.h (type 0x03), as data. */
#include <sys/ioctl.h>
#include <linux/hdreg.h>

#include "trace/decode/ioctl_table.h"

/* The ATA commands of HDIO_DRIVE_CMD (linux/ata.h). */
STATIC_XLAT(hdio_drive_cmds,
	{ 0x00, "ATA_CMD_NOP" },
	{ 0x03, "ATA_CMD_CFA_REQ_EXT_ERR" },
	{ 0x06, "ATA_CMD_DSM" },
	{ 0x08, "ATA_CMD_DEV_RESET" },
	{ 0x0B, "ATA_CMD_REQ_SENSE_DATA" },
	{ 0x10, "ATA_CMD_RESTORE" },
	{ 0x20, "ATA_CMD_PIO_READ" },
	{ 0x22, "ATA_CMD_READ_LONG" },
	{ 0x23, "ATA_CMD_READ_LONG_ONCE" },
	{ 0x24, "ATA_CMD_PIO_READ_EXT" },
	{ 0x25, "ATA_CMD_READ_EXT" },
	{ 0x26, "ATA_CMD_READ_QUEUED" },
	{ 0x27, "ATA_CMD_READ_NATIVE_MAX_EXT" },
	{ 0x29, "ATA_CMD_READ_MULTI_EXT" },
	{ 0x2A, "ATA_CMD_READ_STREAM_DMA_EXT" },
	{ 0x2B, "ATA_CMD_READ_STREAM_EXT" },
	{ 0x2F, "ATA_CMD_READ_LOG_EXT" },
	{ 0x30, "ATA_CMD_PIO_WRITE" },
	{ 0x32, "ATA_CMD_WRITE_LONG" },
	{ 0x33, "ATA_CMD_WRITE_LONG_ONCE" },
	{ 0x34, "ATA_CMD_PIO_WRITE_EXT" },
	{ 0x35, "ATA_CMD_WRITE_EXT" },
	{ 0x36, "ATA_CMD_WRITE_QUEUED" },
	{ 0x37, "ATA_CMD_SET_MAX_EXT" },
	{ 0x38, "ATA_CMD_CFA_WRITE_NE" },
	{ 0x39, "ATA_CMD_WRITE_MULTI_EXT" },
	{ 0x3A, "ATA_CMD_WRITE_STREAM_DMA_EXT" },
	{ 0x3B, "ATA_CMD_WRITE_STREAM_EXT" },
	{ 0x3D, "ATA_CMD_WRITE_FUA_EXT" },
	{ 0x3E, "ATA_CMD_WRITE_QUEUED_FUA_EXT" },
	{ 0x3F, "ATA_CMD_WRITE_LOG_EXT" },
	{ 0x40, "ATA_CMD_VERIFY" },
	{ 0x42, "ATA_CMD_VERIFY_EXT" },
	{ 0x45, "ATA_CMD_WRITE_UNCORR_EXT" },
	{ 0x47, "ATA_CMD_READ_LOG_DMA_EXT" },
	{ 0x4A, "ATA_CMD_ZAC_MGMT_IN" },
	{ 0x51, "ATA_CMD_CONFIG_STREAM" },
	{ 0x57, "ATA_CMD_WRITE_LOG_DMA_EXT" },
	{ 0x5B, "ATA_CMD_TRUSTED_NONDATA" },
	{ 0x5C, "ATA_CMD_TRUSTED_RCV" },
	{ 0x5D, "ATA_CMD_TRUSTED_RCV_DMA" },
	{ 0x5E, "ATA_CMD_TRUSTED_SND" },
	{ 0x5F, "ATA_CMD_TRUSTED_SND_DMA" },
	{ 0x60, "ATA_CMD_FPDMA_READ" },
	{ 0x61, "ATA_CMD_FPDMA_WRITE" },
	{ 0x63, "ATA_CMD_NCQ_NON_DATA" },
	{ 0x64, "ATA_CMD_FPDMA_SEND" },
	{ 0x65, "ATA_CMD_FPDMA_RECV" },
	{ 0x87, "ATA_CMD_CFA_TRANS_SECT" },
	{ 0x90, "ATA_CMD_EDD" },
	{ 0x91, "ATA_CMD_INIT_DEV_PARAMS" },
	{ 0x92, "ATA_CMD_DOWNLOAD_MICRO" },
	{ 0x93, "ATA_CMD_DOWNLOAD_MICRO_DMA" },
	{ 0x9F, "ATA_CMD_ZAC_MGMT_OUT" },
	{ 0xA0, "ATA_CMD_PACKET" },
	{ 0xA1, "ATA_CMD_ID_ATAPI" },
	{ 0xA2, "ATA_CMD_SERVICE" },
	{ 0xB0, "ATA_CMD_SMART" },
	{ 0xB1, "ATA_CMD_CONF_OVERLAY" },
	{ 0xB4, "ATA_CMD_SANITIZE_DEVICE" },
	{ 0xC0, "ATA_CMD_CFA_ERASE" },
	{ 0xC4, "ATA_CMD_READ_MULTI" },
	{ 0xC5, "ATA_CMD_WRITE_MULTI" },
	{ 0xC6, "ATA_CMD_SET_MULTI" },
	{ 0xC8, "ATA_CMD_READ" },
	{ 0xCA, "ATA_CMD_WRITE" },
	{ 0xCD, "ATA_CMD_CFA_WRITE_MULT_NE" },
	{ 0xCE, "ATA_CMD_WRITE_MULTI_FUA_EXT" },
	{ 0xD1, "ATA_CMD_CHK_MED_CRD_TYP" },
	{ 0xDE, "ATA_CMD_MEDIA_LOCK" },
	{ 0xDF, "ATA_CMD_MEDIA_UNLOCK" },
	{ 0xE0, "ATA_CMD_STANDBYNOW1" },
	{ 0xE1, "ATA_CMD_IDLEIMMEDIATE" },
	{ 0xE2, "ATA_CMD_STANDBY" },
	{ 0xE3, "ATA_CMD_IDLE" },
	{ 0xE4, "ATA_CMD_PMP_READ" },
	{ 0xE5, "ATA_CMD_CHK_POWER" },
	{ 0xE6, "ATA_CMD_SLEEP" },
	{ 0xE7, "ATA_CMD_FLUSH" },
	{ 0xE8, "ATA_CMD_PMP_WRITE" },
	{ 0xE9, "ATA_CMD_PMP_READ_DMA" },
	{ 0xEA, "ATA_CMD_FLUSH_EXT" },
	{ 0xEB, "ATA_CMD_PMP_WRITE_DMA" },
	{ 0xEC, "ATA_CMD_ID_ATA" },
	{ 0xEF, "ATA_CMD_SET_FEATURES" },
	{ 0xF1, "ATA_CMD_SEC_SET_PASS" },
	{ 0xF2, "ATA_CMD_SEC_UNLOCK" },
	{ 0xF3, "ATA_CMD_SEC_ERASE_PREP" },
	{ 0xF4, "ATA_CMD_SEC_ERASE_UNIT" },
	{ 0xF5, "ATA_CMD_SEC_FREEZE_LOCK" },
	{ 0xF6, "ATA_CMD_SEC_DISABLE_PASS" },
	{ 0xF8, "ATA_CMD_READ_NATIVE_MAX" },
	{ 0xF9, "ATA_CMD_SET_MAX" });

/* Bit numbers of the nice word (IDE_NICE_*), in strace's order. */
STATIC_XLAT(hdio_ide_nice,
	{ 1 << IDE_NICE_DSC_OVERLAP, "1 << IDE_NICE_DSC_OVERLAP" },
	{ 1 << IDE_NICE_ATAPI_OVERLAP, "1 << IDE_NICE_ATAPI_OVERLAP" },
	{ 1 << IDE_NICE_1, "1 << IDE_NICE_1" },
	{ 1 << IDE_NICE_0, "1 << IDE_NICE_0" },
	{ 1 << IDE_NICE_2, "1 << IDE_NICE_2" });

STATIC_XLAT(hdio_busstates,
	{ BUSSTATE_OFF, "BUSSTATE_OFF" }, { BUSSTATE_ON, "BUSSTATE_ON" },
	{ BUSSTATE_TRISTATE, "BUSSTATE_TRISTATE" });

IOC_STRUCT_OF(hd_geometry_desc, struct hd_geometry,
	IOC_F(struct hd_geometry, heads, IOC_U),
	IOC_F(struct hd_geometry, sectors, IOC_U),
	IOC_F(struct hd_geometry, cylinders, IOC_U),
	IOC_F(struct hd_geometry, start, IOC_U));

IOC_STRUCT_OF(hd_drive_cmd_hdr_desc, struct hd_drive_cmd_hdr,
	IOC_FX(struct hd_drive_cmd_hdr, command, IOC_XVAL, hdio_drive_cmds, "ATA_CMD_???"),
	IOC_F(struct hd_drive_cmd_hdr, sector_number, IOC_U),
	IOC_F(struct hd_drive_cmd_hdr, feature, IOC_U),
	IOC_F(struct hd_drive_cmd_hdr, sector_count, IOC_U));

#define ATA_SECTOR_SIZE 512

/*
 * HDIO_DRIVE_CMD: the command at entry; at exit the kernel wrote status, error and
 * nsector over its first three bytes and sector_count sectors of data after the header.
 */
static int hdio_drive_cmd(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct hd_drive_cmd_hdr c;
	struct pr *p = sc->p;

	if (!sc->exiting)
		return ioc_print_struct_at(sc, &hd_drive_cmd_hdr_desc, arg) ? IOC_LATER
									     : IOC_ARG_DONE;
	if (!peek_mem(sc, arg, &c, sizeof(c)))
		return IOC_ARG_DONE;
	pr_join(p, " => ");
	pr_struct_begin(p);
	pr_field(p, "status");
	pr_hex(p, c.command);
	pr_field(p, "error");
	pr_uint(p, c.sector_number);
	pr_field(p, "nsector");
	pr_uint(p, c.feature);
	if (c.sector_count) {
		pr_field(p, "buf");
		print_buf_hex(sc, arg + sizeof(c), (uint64_t)c.sector_count * ATA_SECTOR_SIZE);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

#define HDIO_GET_ULONG(code_) IOC_C_AT(code_, IOA_OUT, IOC_U, sizeof(unsigned long))
#define HDIO_SET_ULONG(code_) IOC_C_VAL(code_, IOC_U, sizeof(unsigned long))

IOC_FAMILY(hdio_family,
	IOC_C_STRUCT(HDIO_GETGEO, IOA_OUT, hd_geometry_desc),
	IOC_C_FN(HDIO_DRIVE_CMD, hdio_drive_cmd),
	HDIO_GET_ULONG(HDIO_GET_UNMASKINTR),
	HDIO_GET_ULONG(HDIO_GET_MULTCOUNT),
	HDIO_GET_ULONG(HDIO_GET_KEEPSETTINGS),
	HDIO_GET_ULONG(HDIO_GET_32BIT),
	HDIO_GET_ULONG(HDIO_GET_NOWERR),
	HDIO_GET_ULONG(HDIO_GET_DMA),
	HDIO_GET_ULONG(HDIO_GET_WCACHE),
	HDIO_GET_ULONG(HDIO_GET_ACOUSTIC),
	HDIO_GET_ULONG(HDIO_GET_ADDRESS),
	HDIO_SET_ULONG(HDIO_SET_UNMASKINTR),
	HDIO_SET_ULONG(HDIO_SET_MULTCOUNT),
	HDIO_SET_ULONG(HDIO_SET_KEEPSETTINGS),
	HDIO_SET_ULONG(HDIO_SET_32BIT),
	HDIO_SET_ULONG(HDIO_SET_NOWERR),
	HDIO_SET_ULONG(HDIO_SET_DMA),
	HDIO_SET_ULONG(HDIO_SET_WCACHE),
	HDIO_SET_ULONG(HDIO_SET_ACOUSTIC),
	HDIO_SET_ULONG(HDIO_SET_ADDRESS),
	HDIO_SET_ULONG(HDIO_SET_PIO_MODE),
	HDIO_SET_ULONG(HDIO_UNREGISTER_HWIF),
	IOC_C_BYTES(HDIO_OBSOLETE_IDENTITY, IOA_OUT, 142),
	IOC_C_BYTES(HDIO_GET_IDENTITY, IOA_OUT, 512),
	IOC_C_XAT(HDIO_GET_NICE, IOA_OUT, IOC_FLAGS, sizeof(unsigned long), hdio_ide_nice,
		  "IDE_NICE_???"),
	IOC_C_XVAL(HDIO_SET_NICE, IOC_FLAGS, sizeof(unsigned long), hdio_ide_nice,
		   "IDE_NICE_???"),
	IOC_C_XAT(HDIO_GET_BUSSTATE, IOA_OUT, IOC_XVAL, sizeof(unsigned long), hdio_busstates,
		  "BUSSTATE_???"),
	IOC_C_XVAL(HDIO_SET_BUSSTATE, IOC_XVAL, sizeof(unsigned long), hdio_busstates,
		   "BUSSTATE_???"),
	IOC_C_ARRAY(HDIO_DRIVE_RESET, IOA_IN, IOC_X, sizeof(uint32_t), 3),
	IOC_C_ARRAY(HDIO_SCAN_HWIF, IOA_IN, IOC_X, sizeof(uint32_t), 3));

int hdio_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &hdio_family, code, arg);
}

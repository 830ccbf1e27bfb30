/* SPDX-License-Identifier: Apache-2.0 */
/* ioctl: the UBI requests of mtd/ubi-user.h (types 'o' and 'O'), as data. */
#include <sys/ioctl.h>
#include <mtd/ubi-user.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(ubi_volume_types, XLAT_PAIR(UBI_DYNAMIC_VOLUME), XLAT_PAIR(UBI_STATIC_VOLUME));
STATIC_XLAT(ubi_volume_props, XLAT_PAIR(UBI_VOL_PROP_DIRECT_WRITE));
STATIC_XLAT(ubi_volume_flags, XLAT_PAIR(UBI_VOL_SKIP_CRC_CHECK_FLG));
STATIC_XLAT(ubi_data_types,
	{ 1, "UBI_LONGTERM" }, { 2, "UBI_SHORTTERM" }, { 3, "UBI_UNKNOWN" });

IOC_STRUCT_OF(ubi_rsvol_desc, struct ubi_rsvol_req,
	IOC_F(struct ubi_rsvol_req, bytes, IOC_D),
	IOC_F(struct ubi_rsvol_req, vol_id, IOC_D));
IOC_STRUCT_OF(ubi_leb_change_desc, struct ubi_leb_change_req,
	IOC_F(struct ubi_leb_change_req, lnum, IOC_D),
	IOC_F(struct ubi_leb_change_req, bytes, IOC_D),
	IOC_FX(struct ubi_leb_change_req, dtype, IOC_XVAL, ubi_data_types, "UBI_???"));
IOC_STRUCT_OF(ubi_attach_desc, struct ubi_attach_req,
	IOC_F(struct ubi_attach_req, ubi_num, IOC_D),
	IOC_F(struct ubi_attach_req, mtd_num, IOC_D),
	IOC_F(struct ubi_attach_req, vid_hdr_offset, IOC_D),
	IOC_F(struct ubi_attach_req, max_beb_per1024, IOC_D));
IOC_STRUCT_OF(ubi_map_desc, struct ubi_map_req,
	IOC_F(struct ubi_map_req, lnum, IOC_D),
	IOC_FX(struct ubi_map_req, dtype, IOC_XVAL, ubi_data_types, "UBI_???"));
IOC_STRUCT_OF(ubi_set_vol_prop_desc, struct ubi_set_vol_prop_req,
	IOC_FX(struct ubi_set_vol_prop_req, property, IOC_XVAL, ubi_volume_props,
	       "UBI_VOL_PROP_???"),
	IOC_F(struct ubi_set_vol_prop_req, value, IOC_X));

/* A volume name of NAME_LEN bytes (clamped to the array) and its NUL. */
static void print_vol_name(struct pr *p, const char *name, size_t size, int16_t name_len)
{
	int len = name_len < 0 ? 0 : name_len > (int)size - 1 ? (int)size - 1 : name_len;
	pr_field(p, "name");
	ioc_print_cstr(p, name, (size_t)len + 1);
}

/* UBI_IOCMKVOL, UBI_IOCATT: the request at entry, " => [N]" (the new number) at exit. */
static int new_number_at_exit(struct sc *sc, uint64_t arg)
{
	if (!sc_failed(sc)) {
		pr_join(sc->p, " => ");
		print_int_at(sc, arg);
	}
	return IOC_ARG_DONE;
}

static int mkvol_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ubi_mkvol_req r;
	struct pr *p = sc->p;

	if (sc->exiting)
		return new_number_at_exit(sc, arg);
	if (!fetch_or_print_addr(sc, arg, &r, sizeof(r)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "vol_id");
	pr_int(p, r.vol_id);
	pr_field(p, "alignment");
	pr_int(p, r.alignment);
	pr_field(p, "bytes");
	pr_int(p, r.bytes);
	pr_field(p, "vol_type");
	pr_xval(p, &ubi_volume_types, (uint8_t)r.vol_type, "UBI_???_VOLUME");
	pr_field(p, "flags");
	pr_flags(p, &ubi_volume_flags, r.flags, "UBI_VOL_???");
	pr_field(p, "name_len");
	pr_int(p, r.name_len);
	print_vol_name(p, r.name, sizeof(r.name), r.name_len);
	pr_struct_end(p);
	return IOC_LATER;
}

static int attach_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	if (sc->exiting)
		return new_number_at_exit(sc, arg);
	return ioc_print_struct_at(sc, &ubi_attach_desc, arg) ? IOC_LATER : IOC_ARG_DONE;
}

/* UBI_IOCRNVOL: count renames, each {vol_id, name_len, name}. */
static int rnvol_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ubi_rnvol_req r;
	struct pr *p = sc->p;

	if (!fetch_or_print_addr(sc, arg, &r, sizeof(r)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "count");
	pr_int(p, r.count);
	pr_field(p, "ents");
	pr_array_begin(p);
	for (int i = 0; i < r.count && i < UBI_MAX_RNVOL; i++) {
		if (array_more_at(sc, (uint64_t)i))
			break;
		pr_struct_begin(p);
		pr_field(p, "vol_id");
		pr_int(p, r.ents[i].vol_id);
		pr_field(p, "name_len");
		pr_int(p, r.ents[i].name_len);
		print_vol_name(p, r.ents[i].name, sizeof(r.ents[i].name), r.ents[i].name_len);
		pr_struct_end(p);
	}
	pr_array_end(p);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

IOC_FAMILY(ubi_family,
	IOC_C_FN(UBI_IOCATT, attach_ioctl),
	IOC_C_STRUCT(UBI_IOCEBCH, IOA_IN, ubi_leb_change_desc),
	IOC_C_STRUCT(UBI_IOCEBMAP, IOA_IN, ubi_map_desc),
	IOC_C_FN(UBI_IOCMKVOL, mkvol_ioctl),
	IOC_C_FN(UBI_IOCRNVOL, rnvol_ioctl),
	IOC_C_STRUCT(UBI_IOCRSVOL, IOA_IN, ubi_rsvol_desc),
	IOC_C_STRUCT(UBI_IOCSETVOLPROP, IOA_IN, ubi_set_vol_prop_desc),
	IOC_C_AT(UBI_IOCVOLUP, IOA_IN, IOC_D, sizeof(int64_t)),
	IOC_C_AT(UBI_IOCDET, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(UBI_IOCEBER, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(UBI_IOCEBISMAP, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(UBI_IOCEBUNMAP, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(UBI_IOCRMVOL, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(UBI_IOCRPEB, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(UBI_IOCSPEB, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_NONE(UBI_IOCVOLCRBLK), IOC_C_NONE(UBI_IOCVOLRMBLK));

int ubi_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &ubi_family, code, arg);
}

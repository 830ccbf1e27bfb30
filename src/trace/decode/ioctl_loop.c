/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the loop device requests of linux/loop.h (type 'L'). The status structs print
 * their encryption fields only with -v or when an encryption type is set, as strace does.
 */
#include <sys/ioctl.h>
#include <linux/loop.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/xlat_file.h"

STATIC_XLAT(loop_flags_options,
	{ 1, "LO_FLAGS_READ_ONLY" }, { 2, "LO_FLAGS_USE_AOPS" }, { 4, "LO_FLAGS_AUTOCLEAR" },
	{ 8, "LO_FLAGS_PARTSCAN" }, { 16, "LO_FLAGS_DIRECT_IO" });
STATIC_XLAT(loop_crypt_type_options,
	XLAT_PAIR(LO_CRYPT_NONE), XLAT_PAIR(LO_CRYPT_XOR), XLAT_PAIR(LO_CRYPT_DES),
	XLAT_PAIR(LO_CRYPT_FISH2), XLAT_PAIR(LO_CRYPT_BLOW), XLAT_PAIR(LO_CRYPT_CAST128),
	XLAT_PAIR(LO_CRYPT_IDEA), XLAT_PAIR(LO_CRYPT_DUMMY), XLAT_PAIR(LO_CRYPT_SKIPJACK),
	XLAT_PAIR(LO_CRYPT_CRYPTOAPI));

static void print_bytes_hex(struct pr *p, const char *name, const uint8_t *b, size_t n)
{
	pr_field(p, name);
	pr_array_begin(p);
	for (size_t i = 0; i < n; i++)
		pr_hex(p, b[i]);
	pr_array_end(p);
}

static void print_ulong_hex(struct pr *p, const char *name, const unsigned long *v, size_t n)
{
	pr_field(p, name);
	pr_array_begin(p);
	for (size_t i = 0; i < n; i++)
		pr_hex(p, v[i]);
	pr_array_end(p);
}

/* The key: lo_encrypt_key_size bytes of it, at most LO_KEY_SIZE. */
static void print_key(struct pr *p, const uint8_t *key, int size)
{
	unsigned n = (unsigned)size < LO_KEY_SIZE ? (unsigned)size : LO_KEY_SIZE;
	pr_field(p, "lo_encrypt_key");
	pr_quoted(p, (const char *)key, n, 0);
}

static void print_crypt_type(struct pr *p, int type, int key_size)
{
	pr_field(p, "lo_encrypt_type");
	pr_xval(p, &loop_crypt_type_options, (uint32_t)type, "LO_CRYPT_???");
	pr_field(p, "lo_encrypt_key_size");
	pr_uint(p, (uint32_t)key_size);
}

static void print_loop_info(struct sc *sc, uint64_t addr)
{
	struct loop_info li;
	struct pr *p = sc->p;
	bool crypt;

	if (!fetch_or_print_addr(sc, addr, &li, sizeof(li)))
		return;
	crypt = sc->verbose || li.lo_encrypt_type != LO_CRYPT_NONE;
	pr_struct_begin(p);
	pr_field(p, "lo_number");
	pr_int(p, li.lo_number);
	if (sc->verbose) {
		pr_field(p, "lo_device");
		pr_dev(p, li.lo_device);
		pr_field(p, "lo_inode");
		pr_uint(p, li.lo_inode);
		pr_field(p, "lo_rdevice");
		pr_dev(p, li.lo_rdevice);
	}
	pr_field(p, "lo_offset");
	pr_hex(p, (uint32_t)li.lo_offset);
	if (crypt)
		print_crypt_type(p, li.lo_encrypt_type, li.lo_encrypt_key_size);
	pr_field(p, "lo_flags");
	pr_flags(p, &loop_flags_options, (uint32_t)li.lo_flags, "LO_FLAGS_???");
	pr_field(p, "lo_name");
	ioc_print_cstr(p, li.lo_name, sizeof(li.lo_name));
	if (crypt)
		print_key(p, li.lo_encrypt_key, li.lo_encrypt_key_size);
	if (sc->verbose) {
		print_ulong_hex(p, "lo_init", li.lo_init, 2);
		print_bytes_hex(p, "reserved", (const uint8_t *)li.reserved, sizeof(li.reserved));
	} else {
		pr_more(p);
	}
	pr_struct_end(p);
}

static void print_loop_info64(struct sc *sc, const struct loop_info64 *li)
{
	struct pr *p = sc->p;
	bool crypt = sc->verbose || li->lo_encrypt_type != LO_CRYPT_NONE;

	pr_struct_begin(p);
	if (sc->verbose) {
		pr_field(p, "lo_device");
		pr_dev(p, li->lo_device);
		pr_field(p, "lo_inode");
		pr_uint(p, li->lo_inode);
		pr_field(p, "lo_rdevice");
		pr_dev(p, li->lo_rdevice);
		pr_field(p, "lo_offset");
		pr_hex(p, li->lo_offset);
		pr_field(p, "lo_sizelimit");
		pr_uint(p, li->lo_sizelimit);
	} else {
		pr_field(p, "lo_offset");
		pr_hex(p, li->lo_offset);
	}
	pr_field(p, "lo_number");
	pr_uint(p, li->lo_number);
	if (crypt)
		print_crypt_type(p, (int)li->lo_encrypt_type, (int)li->lo_encrypt_key_size);
	pr_field(p, "lo_flags");
	pr_flags(p, &loop_flags_options, li->lo_flags, "LO_FLAGS_???");
	pr_field(p, "lo_file_name");
	ioc_print_cstr(p, (const char *)li->lo_file_name, sizeof(li->lo_file_name));
	if (crypt) {
		pr_field(p, "lo_crypt_name");
		ioc_print_cstr(p, (const char *)li->lo_crypt_name, sizeof(li->lo_crypt_name));
		print_key(p, li->lo_encrypt_key, (int)li->lo_encrypt_key_size);
	}
	if (sc->verbose) {
		pr_field(p, "lo_init");
		pr_array_begin(p);
		pr_hex(p, li->lo_init[0]);
		pr_hex(p, li->lo_init[1]);
		pr_array_end(p);
	} else {
		pr_more(p);
	}
	pr_struct_end(p);
}

static int status_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	if (code == LOOP_GET_STATUS && !sc->exiting)
		return IOC_LATER;
	print_loop_info(sc, arg);
	return IOC_ARG_DONE;
}

static int status64_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct loop_info64 li;
	if (code == LOOP_GET_STATUS64 && !sc->exiting)
		return IOC_LATER;
	if (fetch_or_print_addr(sc, arg, &li, sizeof(li)))
		print_loop_info64(sc, &li);
	return IOC_ARG_DONE;
}

/* LOOP_CONFIGURE: the backing fd, the block size and the status to set. */
static int configure_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct loop_config lc;
	struct pr *p = sc->p;

	if (!fetch_or_print_addr(sc, arg, &lc, sizeof(lc)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "fd");
	print_fd(sc, (int)lc.fd);
	pr_field(p, "block_size");
	pr_uint(p, lc.block_size);
	pr_field(p, "info");
	print_loop_info64(sc, &lc.info);
	for (size_t i = 0; i < sizeof(lc.__reserved) / sizeof(lc.__reserved[0]); i++) {
		if (!lc.__reserved[i])
			continue;
		pr_field(p, "__reserved");
		pr_array_begin(p);
		for (i = 0; i < sizeof(lc.__reserved) / sizeof(lc.__reserved[0]); i++)
			pr_hex(p, lc.__reserved[i]);
		pr_array_end(p);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

IOC_FAMILY(loop_family,
	IOC_C_FN(LOOP_GET_STATUS, status_ioctl),
	IOC_C_FN(LOOP_SET_STATUS, status_ioctl),
	IOC_C_FN(LOOP_GET_STATUS64, status64_ioctl),
	IOC_C_FN(LOOP_SET_STATUS64, status64_ioctl),
	IOC_C_FN(LOOP_CONFIGURE, configure_ioctl),
	IOC_C_NONE(LOOP_CLR_FD), IOC_C_NONE(LOOP_SET_CAPACITY), IOC_C_NONE(LOOP_CTL_GET_FREE),
	IOC_C_FD(LOOP_SET_FD), IOC_C_FD(LOOP_CHANGE_FD),
	IOC_C_VAL(LOOP_CTL_ADD, IOC_D, sizeof(int)),
	IOC_C_VAL(LOOP_CTL_REMOVE, IOC_D, sizeof(int)),
	IOC_C_VAL(LOOP_SET_DIRECT_IO, IOC_U, sizeof(long)),
	IOC_C_VAL(LOOP_SET_BLOCK_SIZE, IOC_U, sizeof(long)));

int loop_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &loop_family, code, arg);
}

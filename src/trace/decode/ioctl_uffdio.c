/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the userfaultfd requests of linux/userfaultfd.h (type 0xaa). The requests the
 * kernel answers print their input at entry with the struct left open, and what it
 * wrote back at exit.
 */
#include <sys/ioctl.h>
#include <linux/userfaultfd.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(uffd_api_features,
	XLAT_PAIR(UFFD_FEATURE_PAGEFAULT_FLAG_WP), XLAT_PAIR(UFFD_FEATURE_EVENT_FORK),
	XLAT_PAIR(UFFD_FEATURE_EVENT_REMAP), XLAT_PAIR(UFFD_FEATURE_EVENT_REMOVE),
	XLAT_PAIR(UFFD_FEATURE_MISSING_HUGETLBFS), XLAT_PAIR(UFFD_FEATURE_MISSING_SHMEM),
	XLAT_PAIR(UFFD_FEATURE_EVENT_UNMAP), XLAT_PAIR(UFFD_FEATURE_SIGBUS),
	XLAT_PAIR(UFFD_FEATURE_THREAD_ID), XLAT_PAIR(UFFD_FEATURE_MINOR_HUGETLBFS),
	XLAT_PAIR(UFFD_FEATURE_MINOR_SHMEM), XLAT_PAIR(UFFD_FEATURE_EXACT_ADDRESS),
	XLAT_PAIR(UFFD_FEATURE_WP_HUGETLBFS_SHMEM));
STATIC_XLAT(uffd_api_flags,
	{ 1ULL << _UFFDIO_REGISTER, "1<<_UFFDIO_REGISTER" },
	{ 1ULL << _UFFDIO_UNREGISTER, "1<<_UFFDIO_UNREGISTER" },
	{ 1ULL << _UFFDIO_API, "1<<_UFFDIO_API" });
STATIC_XLAT(uffd_copy_flags,
	XLAT_PAIR(UFFDIO_COPY_MODE_DONTWAKE), XLAT_PAIR(UFFDIO_COPY_MODE_WP));
STATIC_XLAT(uffd_register_ioctl_flags,
	{ 1ULL << _UFFDIO_WAKE, "1<<_UFFDIO_WAKE" },
	{ 1ULL << _UFFDIO_COPY, "1<<_UFFDIO_COPY" },
	{ 1ULL << _UFFDIO_ZEROPAGE, "1<<_UFFDIO_ZEROPAGE" },
	{ 1ULL << _UFFDIO_WRITEPROTECT, "1<<_UFFDIO_WRITEPROTECT" },
	{ 1ULL << _UFFDIO_CONTINUE, "1<<_UFFDIO_CONTINUE" });
STATIC_XLAT(uffd_register_mode_flags,
	XLAT_PAIR(UFFDIO_REGISTER_MODE_MISSING), XLAT_PAIR(UFFDIO_REGISTER_MODE_WP),
	XLAT_PAIR(UFFDIO_REGISTER_MODE_MINOR));
STATIC_XLAT(uffd_zeropage_flags, XLAT_PAIR(UFFDIO_ZEROPAGE_MODE_DONTWAKE));

IOC_STRUCT_OF(uffdio_range_desc, struct uffdio_range,
	IOC_F(struct uffdio_range, start, IOC_X),
	IOC_F(struct uffdio_range, len, IOC_X));

/*
 * Entry: the input fields, the struct left open; exit: what the kernel wrote back when
 * the call succeeded, then the struct closes.
 */
static int open_struct_ioctl(struct sc *sc, uint64_t arg, size_t size,
			     void (*print_in)(struct sc *sc, const void *buf),
			     void (*print_out)(struct sc *sc, const void *buf))
{
	_Alignas(8) uint8_t buf[64];

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, buf, size))
			return IOC_ARG_DONE;
		pr_struct_begin(sc->p);
		print_in(sc, buf);
		return IOC_LATER;
	}
	if (!sc_failed(sc) && umove(sc, arg, buf, size) == 0)
		print_out(sc, buf);
	pr_struct_end(sc->p);
	return IOC_ARG_DONE;
}

/* UFFDIO_API: the features asked for; at exit those granted when they differ. */
static void api_in(struct sc *sc, const void *buf)
{
	const struct uffdio_api *ua = buf;
	pr_field(sc->p, "api");
	pr_hex(sc->p, ua->api);
	pr_field(sc->p, "features");
	pr_flags(sc->p, &uffd_api_features, ua->features, "UFFD_FEATURE_???");
	sc->priv[0] = ua->features;
}

static void api_out(struct sc *sc, const void *buf)
{
	const struct uffdio_api *ua = buf;
	if (ua->features != sc->priv[0]) {
		pr_join(sc->p, " => ");
		pr_field(sc->p, "features");
		pr_flags(sc->p, &uffd_api_features, ua->features, "UFFD_FEATURE_???");
	}
	pr_field(sc->p, "ioctls");
	pr_flags(sc->p, &uffd_api_flags, ua->ioctls, "_UFFDIO_???");
}

static void copy_in(struct sc *sc, const void *buf)
{
	const struct uffdio_copy *uc = buf;
	pr_field(sc->p, "dst");
	pr_hex(sc->p, uc->dst);
	pr_field(sc->p, "src");
	pr_hex(sc->p, uc->src);
	pr_field(sc->p, "len");
	pr_hex(sc->p, uc->len);
	pr_field(sc->p, "mode");
	pr_flags(sc->p, &uffd_copy_flags, uc->mode, "UFFDIO_COPY_???");
}

static void copy_out(struct sc *sc, const void *buf)
{
	const struct uffdio_copy *uc = buf;
	pr_field(sc->p, "copy");
	pr_hex(sc->p, (uint64_t)uc->copy);
}

static void register_in(struct sc *sc, const void *buf)
{
	const struct uffdio_register *ur = buf;
	pr_field(sc->p, "range");
	ioc_print_struct(sc, &uffdio_range_desc, &ur->range);
	pr_field(sc->p, "mode");
	pr_flags(sc->p, &uffd_register_mode_flags, ur->mode, "UFFDIO_REGISTER_MODE_???");
}

static void register_out(struct sc *sc, const void *buf)
{
	const struct uffdio_register *ur = buf;
	pr_field(sc->p, "ioctls");
	pr_flags(sc->p, &uffd_register_ioctl_flags, ur->ioctls, "UFFDIO_???");
}

static void zeropage_in(struct sc *sc, const void *buf)
{
	const struct uffdio_zeropage *uz = buf;
	pr_field(sc->p, "range");
	ioc_print_struct(sc, &uffdio_range_desc, &uz->range);
	pr_field(sc->p, "mode");
	pr_flags(sc->p, &uffd_zeropage_flags, uz->mode, "UFFDIO_ZEROPAGE_???");
}

static void zeropage_out(struct sc *sc, const void *buf)
{
	const struct uffdio_zeropage *uz = buf;
	pr_field(sc->p, "zeropage");
	pr_hex(sc->p, (uint64_t)uz->zeropage);
}

static int api_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return open_struct_ioctl(sc, arg, sizeof(struct uffdio_api), api_in, api_out);
}

static int copy_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return open_struct_ioctl(sc, arg, sizeof(struct uffdio_copy), copy_in, copy_out);
}

static int register_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return open_struct_ioctl(sc, arg, sizeof(struct uffdio_register), register_in,
				 register_out);
}

static int zeropage_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return open_struct_ioctl(sc, arg, sizeof(struct uffdio_zeropage), zeropage_in,
				 zeropage_out);
}

IOC_FAMILY(uffdio_family,
	IOC_C_FN(UFFDIO_API, api_ioctl),
	IOC_C_FN(UFFDIO_COPY, copy_ioctl),
	IOC_C_FN(UFFDIO_REGISTER, register_ioctl),
	IOC_C_FN(UFFDIO_ZEROPAGE, zeropage_ioctl),
	IOC_C_STRUCT(UFFDIO_UNREGISTER, IOA_IN, uffdio_range_desc),
	IOC_C_STRUCT(UFFDIO_WAKE, IOA_IN, uffdio_range_desc));

int uffdio_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &uffdio_family, code, arg);
}

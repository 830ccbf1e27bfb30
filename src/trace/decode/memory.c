/* SPDX-License-Identifier: Apache-2.0 */
/* Decoders of the memory-mapping syscalls: mmap, mprotect, madvise, mlock, brk... */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/misc_impl.h"

STATIC_XLAT(mmap_prot,
	{ 0, "PROT_NONE" }, { 0x1, "PROT_READ" }, { 0x2, "PROT_WRITE" }, { 0x4, "PROT_EXEC" },
	{ 0x8, "PROT_SEM" }, { 0x01000000, "PROT_GROWSDOWN" }, { 0x02000000, "PROT_GROWSUP" });

/* x86_64 values, in the order strace lists them. */
STATIC_XLAT(mmap_flags,
	{ 0x1, "MAP_SHARED" }, { 0x2, "MAP_PRIVATE" }, { 0x3, "MAP_SHARED_VALIDATE" },
	{ 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" }, { 0x40, "MAP_32BIT" },
	{ 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" }, { 0x10000, "MAP_NONBLOCK" },
	{ 0x100, "MAP_GROWSDOWN" }, { 0x800, "MAP_DENYWRITE" }, { 0x1000, "MAP_EXECUTABLE" },
	{ 0, "MAP_FILE" }, { 0x2000, "MAP_LOCKED" }, { 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" }, { 0x80000, "MAP_SYNC" }, { 0x4000000, "MAP_UNINITIALIZED" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" });

STATIC_XLAT(mremap_flags,
	{ 1, "MREMAP_MAYMOVE" }, { 2, "MREMAP_FIXED" }, { 4, "MREMAP_DONTUNMAP" });

STATIC_XLAT(madvise_cmds,
	{ 0, "MADV_NORMAL" }, { 1, "MADV_RANDOM" }, { 2, "MADV_SEQUENTIAL" },
	{ 3, "MADV_WILLNEED" }, { 4, "MADV_DONTNEED" }, { 8, "MADV_FREE" }, { 9, "MADV_REMOVE" },
	{ 10, "MADV_DONTFORK" }, { 11, "MADV_DOFORK" }, { 12, "MADV_MERGEABLE" },
	{ 13, "MADV_UNMERGEABLE" }, { 14, "MADV_HUGEPAGE" }, { 15, "MADV_NOHUGEPAGE" },
	{ 16, "MADV_DONTDUMP" }, { 17, "MADV_DODUMP" }, { 18, "MADV_WIPEONFORK" },
	{ 19, "MADV_KEEPONFORK" }, { 20, "MADV_COLD" }, { 21, "MADV_PAGEOUT" },
	{ 22, "MADV_POPULATE_READ" }, { 23, "MADV_POPULATE_WRITE" },
	{ 24, "MADV_DONTNEED_LOCKED" }, { 25, "MADV_COLLAPSE" }, { 100, "MADV_HWPOISON" },
	{ 101, "MADV_SOFT_OFFLINE" });

STATIC_XLAT(msync_flags, { 4, "MS_SYNC" }, { 1, "MS_ASYNC" }, { 2, "MS_INVALIDATE" });

STATIC_XLAT(mlockall_flags, { 1, "MCL_CURRENT" }, { 2, "MCL_FUTURE" }, { 4, "MCL_ONFAULT" });

STATIC_XLAT(mlock2_flags, { 1, "MLOCK_ONFAULT" });

STATIC_XLAT(membarrier_cmds,
	{ 0, "MEMBARRIER_CMD_QUERY" }, { 1 << 0, "MEMBARRIER_CMD_GLOBAL" },
	{ 1 << 1, "MEMBARRIER_CMD_GLOBAL_EXPEDITED" },
	{ 1 << 2, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED" },
	{ 1 << 3, "MEMBARRIER_CMD_PRIVATE_EXPEDITED" },
	{ 1 << 4, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED" },
	{ 1 << 5, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE" },
	{ 1 << 6, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE" },
	{ 1 << 7, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ" },
	{ 1 << 8, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ" });

STATIC_XLAT(membarrier_flags, { 1, "MEMBARRIER_CMD_FLAG_CPU" });

/* The mapping type lives in the low 4 bits; huge page size log2 in bits 26..31. */
#define MAP_TYPE_MASK	0xfu
#define MAP_HUGE_SHIFT_	26
#define MAP_HUGE_MASK_	(0x3fu << MAP_HUGE_SHIFT_)

/*
 * mmap flags as strace prints them: the type as a value (MAP_PRIVATE, MAP_FILE for 0),
 * then the other bits, then the huge page size as "21<<MAP_HUGE_SHIFT".
 */
static void print_mmap_flags(struct sc *sc, uint64_t flags)
{
	struct pr *p = sc->p;
	char text[1024];
	size_t len;

	if (p->xlat_style == PR_XLAT_RAW) {
		pr_hex(p, flags);
		return;
	}
	uint64_t type = flags & MAP_TYPE_MASK;
	const char *type_name = xlat_lookup(&mmap_flags, type);
	if (type_name)
		len = (size_t)snprintf(text, sizeof(text), "%s", type_name);
	else
		len = (size_t)snprintf(text, sizeof(text), "%#" PRIx64 " /* MAP_??? */", type);
	uint64_t huge = flags & MAP_HUGE_MASK_;
	uint64_t rest = flags & ~(uint64_t)MAP_TYPE_MASK & ~(uint64_t)MAP_HUGE_MASK_;
	if (rest && len < sizeof(text) - 1) {
		text[len++] = '|';
		pr_sprint_flag_names(text + len, sizeof(text) - len, &mmap_flags, rest);
		len += strlen(text + len);
	}
	if (huge && len < sizeof(text))
		snprintf(text + len, sizeof(text) - len, "|%" PRIu64 "<<MAP_HUGE_SHIFT",
			 huge >> MAP_HUGE_SHIFT_);
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_hex(p, flags);
		pr_comment(p, "%s", text);
	} else {
		pr_text(p, text);
	}
}

static void print_prot(struct sc *sc, uint64_t prot)
{
	pr_flags(sc->p, &mmap_prot, prot, "PROT_???");
}

int decode_mmap(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	print_prot(sc, sc->arg[2]);
	print_mmap_flags(sc, sc->arg[3]);
	print_fd(sc, (int)sc->arg[4]);
	/* x86_64 mmap takes the offset in bytes. */
	pr_hex(sc->p, sc->arg[5]);
	return RV_DECODED | RV_HEX;
}

int decode_remap_file_pages(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	print_prot(sc, sc->arg[2]);
	pr_uint(sc->p, sc->arg[3]);
	print_mmap_flags(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

/* munmap, mlock, munlock, mseal's first two: an address and a length. */
static void print_range(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
}

int decode_munmap(struct sc *sc)
{
	print_range(sc);
	return RV_DECODED | RV_DEC;
}

int decode_mprotect(struct sc *sc)
{
	print_range(sc);
	print_prot(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_pkey_mprotect(struct sc *sc)
{
	print_range(sc);
	print_prot(sc, sc->arg[2]);
	pr_int(sc->p, (int)sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

int decode_brk(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	return RV_DECODED | RV_HEX;
}

int decode_mremap(struct sc *sc)
{
	uint64_t flags = sc->arg[3];
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	pr_flags(sc->p, &mremap_flags, flags, "MREMAP_???");
	/* The new address is an argument only with both MREMAP_MAYMOVE and MREMAP_FIXED. */
	if ((flags & 3) == 3)
		print_addr(sc, sc->arg[4]);
	return RV_DECODED | RV_HEX;
}

int decode_madvise(struct sc *sc)
{
	print_range(sc);
	pr_xval(sc->p, &madvise_cmds, (uint32_t)sc->arg[2], "MADV_???");
	return RV_DECODED | RV_DEC;
}

/* process_madvise: advice for the ranges of an iovec array in the process of a pidfd. */
int decode_process_madvise(struct sc *sc)
{
	struct iov_data iov = { .left = UINT64_MAX, .addresses_only = true };
	print_fd(sc, (int)sc->arg[0]);
	print_iovec_array(sc, sc->arg[1], sc->arg[2], &iov);
	pr_uint(sc->p, sc->arg[2]);
	pr_xval(sc->p, &madvise_cmds, (uint32_t)sc->arg[3], "MADV_???");
	pr_hex(sc->p, (uint32_t)sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

/* process_mrelease: a pidfd and flags (none defined yet). */
int decode_process_mrelease(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_hex(sc->p, (uint32_t)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

STATIC_XLAT(memfd_secret_flags, { 0x80000, "O_CLOEXEC" });

/* memfd_secret: O_CLOEXEC or nothing; unknown bits in hex without a comment. */
int decode_memfd_secret(struct sc *sc)
{
	pr_flags(sc->p, &memfd_secret_flags, (uint32_t)sc->arg[0], NULL);
	return RV_DECODED | RV_FD;
}

int decode_msync(struct sc *sc)
{
	print_range(sc);
	pr_flags(sc->p, &msync_flags, (uint32_t)sc->arg[2], "MS_???");
	return RV_DECODED | RV_DEC;
}

static bool print_mincore_entry(struct sc *sc, const void *elem, void *data)
{
	pr_uint(sc->p, *(const uint8_t *)elem & 1);
	return true;
}

int decode_mincore(struct sc *sc)
{
	if (!sc->exiting) {
		print_range(sc);
		return DEC_AT_EXIT;
	}
	/* One byte per page of the range, the last page possibly partial. */
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t len = sc->arg[1];
	uint64_t pages = len / page + (len % page ? 1 : 0);
	print_array(sc, sc->arg[2], pages, 1, 0, print_mincore_entry, NULL);
	return RV_DEC;
}

int decode_mlock(struct sc *sc)
{
	print_range(sc);
	return RV_DECODED | RV_DEC;
}

int decode_mlock2(struct sc *sc)
{
	print_range(sc);
	pr_flags(sc->p, &mlock2_flags, (uint32_t)sc->arg[2], "MLOCK_???");
	return RV_DECODED | RV_DEC;
}

int decode_mlockall(struct sc *sc)
{
	pr_flags(sc->p, &mlockall_flags, (uint32_t)sc->arg[0], "MCL_???");
	return RV_DECODED | RV_DEC;
}

int decode_munlockall(struct sc *sc)
{
	return RV_DECODED | RV_DEC;
}

/* mseal(addr, len, flags): strace 6.1 predates it; printed as later strace versions do. */
int decode_mseal(struct sc *sc)
{
	print_range(sc);
	pr_hex(sc->p, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

enum { MEMBARRIER_CMD_FLAG_CPU_ = 1 };

/* MEMBARRIER_CMD_QUERY returns the mask of supported commands, shown after the result. */
int decode_membarrier(struct sc *sc)
{
	int cmd = (int)sc->arg[0];
	uint32_t flags = (uint32_t)sc->arg[1];

	if (sc->exiting) {
		if (sc->err || !sc->rval)
			return RV_DEC;
		pr_sprint_flags(sc->aux, sizeof(sc->aux), sc->p->xlat_style, &membarrier_cmds,
				(uint64_t)sc->rval, NULL);
		return RV_HEX | RV_AUX;
	}
	pr_xval(sc->p, &membarrier_cmds, (uint32_t)cmd, "MEMBARRIER_CMD_???");
	pr_flags(sc->p, &membarrier_flags, flags, "MEMBARRIER_CMD_FLAG_???");
	if (flags & MEMBARRIER_CMD_FLAG_CPU_)
		pr_int(sc->p, (int)sc->arg[2]);
	return cmd ? (RV_DECODED | RV_DEC) : DEC_AT_EXIT;
}

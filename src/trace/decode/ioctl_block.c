/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the block device requests of linux/fs.h, linux/blkpg.h, linux/blkzoned.h and
 * linux/blktrace_api.h (type 0x12), as data.
 */
#include <sys/ioctl.h>
#include <linux/fs.h>
#include <linux/blkpg.h>
#include <linux/blkzoned.h>
#include <linux/blktrace_api.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(blkpg_ops,
	XLAT_PAIR(BLKPG_ADD_PARTITION), XLAT_PAIR(BLKPG_DEL_PARTITION),
	XLAT_PAIR(BLKPG_RESIZE_PARTITION));

IOC_STRUCT_OF(blkpg_partition_desc, struct blkpg_partition,
	IOC_F(struct blkpg_partition, start, IOC_D),
	IOC_F(struct blkpg_partition, length, IOC_D),
	IOC_F(struct blkpg_partition, pno, IOC_D),
	IOC_FS(struct blkpg_partition, devname),
	IOC_FS(struct blkpg_partition, volname));

/* BLKPG: the operation and the partition its data points to. */
static int blkpg_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct blkpg_ioctl_arg a;
	struct pr *p = sc->p;

	if (!fetch_or_print_addr(sc, arg, &a, sizeof(a)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "op");
	pr_xval(p, &blkpg_ops, (uint32_t)a.op, "BLKPG_???");
	pr_field(p, "flags");
	pr_int(p, a.flags);
	pr_field(p, "datalen");
	pr_int(p, a.datalen);
	pr_field(p, "data");
	ioc_print_struct_at(sc, &blkpg_partition_desc, (uint64_t)(uintptr_t)a.data);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* BLKTRACESETUP: the setup at entry, the struct left open for the name the kernel gives. */
static int trace_setup_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct blk_user_trace_setup b;
	struct pr *p = sc->p;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &b, sizeof(b)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "act_mask");
		pr_uint(p, b.act_mask);
		pr_field(p, "buf_size");
		pr_uint(p, b.buf_size);
		pr_field(p, "buf_nr");
		pr_uint(p, b.buf_nr);
		pr_field(p, "start_lba");
		pr_uint(p, b.start_lba);
		pr_field(p, "end_lba");
		pr_uint(p, b.end_lba);
		pr_field(p, "pid");
		print_pid(sc, (int)b.pid, PID_TGID);
		return IOC_LATER;
	}
	if (!sc_failed(sc) && umove(sc, arg, &b, sizeof(b)) == 0) {
		pr_field(p, "name");
		ioc_print_cstr(p, b.name, sizeof(b.name));
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

IOC_FAMILY(block_family,
	IOC_C_VAL(BLKRASET, IOC_U, sizeof(long)),
	IOC_C_VAL(BLKFRASET, IOC_U, sizeof(long)),
	IOC_C_AT(BLKSECTGET, IOA_OUT, IOC_U, sizeof(unsigned short)),
	IOC_C_AT(BLKROTATIONAL, IOA_OUT, IOC_U, sizeof(unsigned short)),
	IOC_C_AT(BLKROGET, IOA_OUT, IOC_D, sizeof(int)),
	IOC_C_AT(BLKBSZGET, IOA_OUT, IOC_D, sizeof(int)),
	IOC_C_AT(BLKSSZGET, IOA_OUT, IOC_D, sizeof(int)),
	IOC_C_AT(BLKALIGNOFF, IOA_OUT, IOC_D, sizeof(int)),
	IOC_C_AT(BLKROSET, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(BLKBSZSET, IOA_IN, IOC_D, sizeof(int)),
	IOC_C_AT(BLKPBSZGET, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(BLKIOMIN, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(BLKIOOPT, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(BLKDISCARDZEROES, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(BLKGETZONESZ, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(BLKGETNRZONES, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(BLKRAGET, IOA_OUT, IOC_D, sizeof(long)),
	IOC_C_AT(BLKFRAGET, IOA_OUT, IOC_D, sizeof(long)),
	IOC_C_AT(BLKGETSIZE, IOA_OUT, IOC_U, sizeof(long)),
	IOC_C_AT(BLKGETSIZE64, IOA_OUT, IOC_U, sizeof(uint64_t)),
	IOC_C_AT(BLKGETDISKSEQ, IOA_OUT, IOC_U, sizeof(uint64_t)),
	IOC_C_TUPLE(BLKDISCARD, IOA_IN, IOC_U, sizeof(uint64_t), 2),
	IOC_C_TUPLE(BLKSECDISCARD, IOA_IN, IOC_U, sizeof(uint64_t), 2),
	IOC_C_TUPLE(BLKZEROOUT, IOA_IN, IOC_U, sizeof(uint64_t), 2),
	IOC_C_FN(BLKPG, blkpg_ioctl),
	IOC_C_FN(BLKTRACESETUP, trace_setup_ioctl),
	IOC_C_NONE(BLKRRPART), IOC_C_NONE(BLKFLSBUF), IOC_C_NONE(BLKTRACESTART),
	IOC_C_NONE(BLKTRACESTOP), IOC_C_NONE(BLKTRACETEARDOWN));

int block_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &block_family, code, arg);
}

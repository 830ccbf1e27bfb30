/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/ebpf_plan.h"

#include <string.h>

#include "schema/syscalls.h"

struct plan_exception {
	const char *name;
	int arg;
	struct tl_argmem mem;
};

#define PLAN(name_, arg_, how_, when_, len_arg_, elem_, size_) \
	{ #name_, arg_, { .how = how_, .when = when_, .len_arg = len_arg_, .elem = elem_, \
			  .size = size_ } },
static const struct plan_exception exceptions[] = {
#include "trace/ebpf_plan.def"
};
#undef PLAN

/* The memory of an argument of kind KIND (syscalls_x86_64.def's letters). */
static struct tl_argmem by_kind(char kind, uint32_t str_bytes)
{
	switch (kind) {
	/*
	 * Inputs are copied again at exit when the entry missed some: a string in a page the
	 * process never touched is unreadable at entry (the kernel's own copy faults it in), and
	 * its line waits for the exit (ebpf_lines.c).
	 */
	case 'p':	/* a path: PATH_MAX, whatever -s says */
		return (struct tl_argmem){ .how = TLM_STR, .when = TLW_ENTRY | TLW_RETRY,
					   .size = 4096 };
	case 's':
		return (struct tl_argmem){ .how = TLM_STR, .when = TLW_ENTRY | TLW_RETRY,
					   .size = str_bytes };
	case 'v':
		return (struct tl_argmem){ .how = TLM_VEC, .when = TLW_ENTRY, .size = str_bytes };
	case 'a':	/* in, out or both: the window at entry and at exit */
		return (struct tl_argmem){ .how = TLM_FIXED, .when = TLW_ENTRY | TLW_EXIT,
					   .size = EBPF_PLAN_WINDOW };
	default:
		return (struct tl_argmem){ .how = TLM_NONE };
	}
}

void ebpf_plan_build(struct tl_plan *plans, int string_limit)
{
	/* print_str() reads one byte past the limit; a string the kernel cut keeps one byte
	 * less than it copied. */
	uint32_t str_bytes = string_limit + 2 < TL_CHUNK_MAX ? (uint32_t)string_limit + 2 :
							       TL_CHUNK_MAX;

	memset(plans, 0, TC_MAX_SYSCALLS * sizeof(*plans));
	for (long nr = 0; nr < SYSCALL_NR_LIMIT && nr < TC_MAX_SYSCALLS; nr++) {
		const struct syscall_info *si = syscall_by_nr(nr);

		for (int i = 0; si && i < si->nargs && i < 6 && si->arg_kinds[i]; i++)
			plans[nr].arg[i] = by_kind(si->arg_kinds[i], str_bytes);
	}
	for (size_t i = 0; i < sizeof(exceptions) / sizeof(exceptions[0]); i++) {
		long nr = syscall_nr_by_name(exceptions[i].name);
		struct tl_argmem m = exceptions[i].mem;

		if (nr < 0 || nr >= TC_MAX_SYSCALLS)
			continue;
		if (!m.size)
			m.size = str_bytes;
		plans[nr].arg[exceptions[i].arg] = m;
	}
}

/*
 * The dumping syscalls of io_dump.c and the memory their dumps read: the data written is in
 * the process at entry (copied again at exit when the entry missed it), the data read at exit
 * as long as the result. sendmmsg and recvmmsg are not here: their messages' iovecs are two
 * levels deep, which no plan copies (their dumps print nothing, as strace's of unreadable
 * memory).
 */
static const struct {
	const char *name;
	bool written;
	struct tl_argmem mem;
} whole_io[] = {
#define WHOLE(name_, written_, how_, when_, len_arg_, size_) \
	{ #name_, written_, { .how = how_, .when = when_, .len_arg = len_arg_, .size = size_ } }
	WHOLE(write, true, TLM_ARG, TLW_ENTRY | TLW_RETRY, 2, TL_CHUNK_MAX),
	WHOLE(pwrite64, true, TLM_ARG, TLW_ENTRY | TLW_RETRY, 2, TL_CHUNK_MAX),
	WHOLE(sendto, true, TLM_ARG, TLW_ENTRY | TLW_RETRY, 2, TL_CHUNK_MAX),
	WHOLE(mq_timedsend, true, TLM_ARG, TLW_ENTRY | TLW_RETRY, 2, TL_CHUNK_MAX),
	WHOLE(writev, true, TLM_IOV, TLW_ENTRY | TLW_RETRY, 2, TL_EVENT_ROOM),
	WHOLE(pwritev, true, TLM_IOV, TLW_ENTRY | TLW_RETRY, 2, TL_EVENT_ROOM),
	WHOLE(pwritev2, true, TLM_IOV, TLW_ENTRY | TLW_RETRY, 2, TL_EVENT_ROOM),
	WHOLE(vmsplice, true, TLM_IOV, TLW_ENTRY | TLW_RETRY, 2, TL_EVENT_ROOM),
	WHOLE(sendmsg, true, TLM_MSGHDR, TLW_ENTRY | TLW_RETRY, 0, TL_EVENT_ROOM),
	WHOLE(read, false, TLM_RET, TLW_EXIT, 0, TL_CHUNK_MAX),
	WHOLE(pread64, false, TLM_RET, TLW_EXIT, 0, TL_CHUNK_MAX),
	WHOLE(recvfrom, false, TLM_RET, TLW_EXIT, 0, TL_CHUNK_MAX),
	WHOLE(mq_timedreceive, false, TLM_RET, TLW_EXIT, 0, TL_CHUNK_MAX),
	WHOLE(readv, false, TLM_IOV, TLW_EXIT, 2, TL_EVENT_ROOM),
	WHOLE(preadv, false, TLM_IOV, TLW_EXIT, 2, TL_EVENT_ROOM),
	WHOLE(preadv2, false, TLM_IOV, TLW_EXIT, 2, TL_EVENT_ROOM),
	WHOLE(recvmsg, false, TLM_MSGHDR, TLW_ENTRY | TLW_EXIT, 0, TL_EVENT_ROOM),
#undef WHOLE
};

void ebpf_plan_whole_io(struct tl_plan *plans, bool written, bool read)
{
	for (size_t i = 0; i < sizeof(whole_io) / sizeof(whole_io[0]); i++) {
		long nr = syscall_nr_by_name(whole_io[i].name);

		if (nr >= 0 && nr < TC_MAX_SYSCALLS && (whole_io[i].written ? written : read))
			plans[nr].arg[1] = whole_io[i].mem;
	}
}

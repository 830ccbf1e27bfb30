/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/ebpf_plan.h"

#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/blkpg.h>
#include <linux/bpf.h>
#include <linux/bsg.h>
#include <linux/fs.h>
#include <linux/io_uring.h>
#include <linux/kd.h>
#include <linux/loop.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/tee.h>
#include <net/if.h>
#include <scsi/sg.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <ucontext.h>

#include "schema/syscalls.h"
#include "util/util.h"

struct plan_exception {
	const char *name;
	int arg;
	struct tl_argmem mem;
};

struct plan_rule {
	const char *name;
	uint64_t cmd;
	struct tl_rule rule;
};

struct plan_cmd_arg {
	const char *name;
	int arg;
};

/* ebpf_plan.def read three times: its exceptions, its command arguments, its rules. */
#define RULE(name_, cmd_, base_, at_, deref_, how_, when_, len_at_, len_size_, elem_, size_) \
	RULE_IF(0, name_, cmd_, base_, at_, deref_, how_, when_, len_at_, len_size_, elem_, size_)

#define PLAN(name_, arg_, how_, when_, len_arg_, elem_, size_) \
	{ #name_, arg_, { .how = how_, .when = when_, .len_arg = len_arg_, .elem = elem_, \
			  .size = size_ } },
#define CMD_ARG(name_, arg_)
#define RULE_IF(guard_, name_, cmd_, base_, at_, deref_, how_, when_, len_at_, len_size_, elem_, \
		size_)
static const struct plan_exception exceptions[] = {
#include "trace/ebpf_plan.def"
};
#undef PLAN
#undef CMD_ARG
#undef RULE_IF

#define PLAN(name_, arg_, how_, when_, len_arg_, elem_, size_)
#define CMD_ARG(name_, arg_) { #name_, arg_ },
#define RULE_IF(guard_, name_, cmd_, base_, at_, deref_, how_, when_, len_at_, len_size_, elem_, \
		size_)
static const struct plan_cmd_arg cmd_args[] = {
#include "trace/ebpf_plan.def"
};
#undef CMD_ARG
#undef RULE_IF

#define CMD_ARG(name_, arg_)
#define RULE_IF(guard_, name_, cmd_, base_, at_, deref_, how_, when_, len_at_, len_size_, elem_, \
		size_) \
	{ #name_, (uint64_t)(cmd_), { .how = how_, .when = when_, .base = base_, \
				      .deref = deref_, .at = at_, .len_at = len_at_, \
				      .len_size = len_size_, .elem = elem_, .guard = guard_, \
				      .size = size_ } },
static const struct plan_rule rules[] = {
#include "trace/ebpf_plan.def"
};
#undef PLAN
#undef CMD_ARG
#undef RULE_IF
#undef RULE

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

/* The rule set of syscall NR and command CMD in PLANS, added if new. */
static struct tl_rules *rule_set(struct ebpf_plans *plans, long nr, uint64_t cmd)
{
	struct tl_rule_key key = { .nr = (uint32_t)nr, .cmd = cmd };

	for (unsigned i = 0; i < plans->nrules; i++)
		if (!memcmp(&plans->rule_key[i], &key, sizeof(key)))
			return &plans->rules[i];
	if (plans->nrules == EBPF_PLAN_RULE_SETS)
		die("ebpf_plan.def: more than %d rule sets", EBPF_PLAN_RULE_SETS);
	plans->rule_key[plans->nrules] = key;
	return &plans->rules[plans->nrules++];
}

/* The number of syscall NAME, which ebpf_plan.def's rules name. */
static long rule_nr(const char *name)
{
	long nr = syscall_nr_by_name(name);

	if (nr < 0 || nr >= TC_MAX_SYSCALLS)
		die("ebpf_plan.def: no syscall %s below %d", name, TC_MAX_SYSCALLS);
	return nr;
}

static void add_rules(struct ebpf_plans *plans, uint32_t str_bytes)
{
	for (size_t i = 0; i < sizeof(cmd_args) / sizeof(cmd_args[0]); i++)
		plans->syscall[rule_nr(cmd_args[i].name)].cmd_arg = (uint8_t)cmd_args[i].arg;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		long nr = rule_nr(rules[i].name);
		struct tl_rule r = rules[i].rule;
		int n = 0;
		struct tl_rules *set = rule_set(plans, nr, rules[i].cmd);

		while (n < TL_RULES && set->rule[n].how)
			n++;
		if (n == TL_RULES)
			die("ebpf_plan.def: %s has more than %d rules for %#llx", rules[i].name,
			    TL_RULES, (unsigned long long)rules[i].cmd);
		if (!r.size)
			r.size = str_bytes;
		set->rule[n] = r;
		plans->syscall[nr].has_rules = 1;
	}
}

void ebpf_plan_build(struct ebpf_plans *out, int string_limit, const struct sc_set *abbrev)
{
	struct tl_plan *plans = out->syscall;

	/* print_str() reads one byte past the limit; a string the kernel cut keeps one byte
	 * less than it copied. */
	uint32_t str_bytes = string_limit + 2 < TL_CHUNK_MAX ? (uint32_t)string_limit + 2 :
							       TL_CHUNK_MAX;

	memset(out, 0, sizeof(*out));
	for (long nr = 0; nr < TC_MAX_SYSCALLS; nr++)
		plans[nr].cmd_arg = TL_CMD_NONE;
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
		/* an environment printed whole (-v) is copied as argv is */
		if (m.how == TLM_PTRS && !sc_set_has(abbrev, nr))
			m.how = TLM_VEC;
		plans[nr].arg[exceptions[i].arg] = m;
	}
	add_rules(out, str_bytes);
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

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Process calls: execve, clone, fork, vfork, clone3, setuid, setgid, setresuid, setresgid,
 * brk; and procexit. The process parameters of the execve and clone exits are read from /proc
 * once the tracee stops there, where the eBPF source reads them from the task.
 */
#include <asm/unistd.h>
#include <limits.h>
#include <linux/sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "procfs/cgroup_items.h"
#include "procfs/proc_file.h"
#include "procfs/proc_task.h"
#include "schema/ppm_flags.h"
#include "trace/encode/encode.h"

/* A number of STATUS (the text of /proc/PID/status), DFLT when absent. */
static uint64_t status_u64(const char *status, const char *key, int base, uint64_t dflt)
{
	uint64_t v;

	return status && proc_field_u64(status, key, base, &v) ? v : dflt;
}

/* vm_size, vm_rss, vm_swap: the mm's sizes in KiB from STATUS (/proc/PID/status), as the
 * eBPF side's put_vm_sizes() reads them from the mm. */
static void put_vm_sizes(struct enc *e, const char *status)
{
	evb_u32(e->b, status_u64(status, "VmSize", 10, 0));
	evb_u32(e->b, status_u64(status, "VmRSS", 10, 0));
	evb_u32(e->b, status_u64(status, "VmSwap", 10, 0));
}

/* The cgroups parameter: PID's cgroups as the /proc snapshot lists them. */
static void put_cgroups(struct enc *e, pid_t pid)
{
	size_t len;
	char *items = cgroup_items_of(pid, &len);

	evb_param(e->b, items ? items : "", items ? len : 0);
	free(items);
}

/* exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap,
 * comm: the head of execve's and clone's exit. */
static void put_process(struct enc *e, pid_t pid)
{
	static char cmd[ENC_MAX_ARGS_BYTES];
	char comm[32], cwd[PATH_MAX];
	ssize_t n = proc_read_upto(pid, "cmdline", cmd, sizeof(cmd));
	char *status = proc_read(pid, "status", NULL);

	if (n > 0) {
		size_t n0 = strnlen(cmd, n) + 1;

		if (n0 > (size_t)n)
			n0 = n;
		evb_param(e->b, cmd, n0);
		evb_param(e->b, cmd + n0, n - n0);
	} else {
		evb_empty(e->b);
		evb_empty(e->b);
	}
	evb_u64(e->b, pid);
	evb_u64(e->b, status_u64(status, "Tgid", 10, pid));
	evb_u64(e->b, status_u64(status, "PPid", 10, 0));
	n = proc_readlink(pid, "cwd", cwd, sizeof(cwd));
	evb_param(e->b, cwd, (n < 0 ? 0 : n) + 1);
	evb_unavailable(e->b);	/* fdlimit */
	evb_unavailable(e->b);	/* pgft_maj */
	evb_unavailable(e->b);	/* pgft_min */
	put_vm_sizes(e, status);
	free(status);
	n = proc_read_upto(pid, "comm", comm, sizeof(comm));
	if (n > 0 && comm[n - 1] == '\n')
		comm[--n] = 0;
	if (n < 0)
		evb_empty(e->b);
	else
		evb_param(e->b, comm, n + 1);
}

/*
 * Parameters 15..29 of an execve exit, from /proc once the tracee runs the new image: env,
 * tty (stat's tty_nr, the kernel's new_encode_dev() form the drivers use too), vpgid,
 * loginuid, flags (PPM_EXE_* not computed), the three capability sets, exe_ino with its
 * ctime and mtime, the effective uid, trusted_exepath (/proc/PID/exe), pgid and the effective
 * gid. The tracer shares the tracee's pid namespace view, so vpgid and pgid are the same.
 */
static void put_exec_task(struct enc *e, pid_t pid)
{
	static char buf[ENC_MAX_ARGS_BYTES + 1];
	char exe[PATH_MAX], *status;
	struct proc_task t;
	struct stat st;
	bool have_task = proc_task_read(pid, 0, 0, &t) == 0;
	ssize_t n = proc_read_upto(pid, "environ", buf, sizeof(buf));

	evb_param(e->b, buf, n > 0 ? (size_t)n : 0);
	evb_u32(e->b, have_task ? (uint32_t)t.tty_nr : 0);
	evb_u64(e->b, have_task ? (uint64_t)t.pgrp : 0);
	n = proc_read_upto(pid, "loginuid", buf, sizeof(buf));
	evb_u32(e->b, n > 0 ? (uint32_t)strtoul(buf, NULL, 10) : UINT32_MAX);
	evb_u32(e->b, 0);
	status = proc_read(pid, "status", NULL);
	evb_u64(e->b, status_u64(status, "CapInh", 16, 0) & SCAP_CAPS_MASK);
	evb_u64(e->b, status_u64(status, "CapPrm", 16, 0) & SCAP_CAPS_MASK);
	evb_u64(e->b, status_u64(status, "CapEff", 16, 0) & SCAP_CAPS_MASK);
	free(status);
	if (proc_stat_target(pid, "exe", &st))
		memset(&st, 0, sizeof(st));
	evb_u64(e->b, st.st_ino);
	evb_u64(e->b, st.st_ctim.tv_sec * 1000000000ull + st.st_ctim.tv_nsec);
	evb_u64(e->b, st.st_mtim.tv_sec * 1000000000ull + st.st_mtim.tv_nsec);
	evb_u32(e->b, have_task && t.have_ids ? t.uid[1] : 0);
	n = proc_readlink(pid, "exe", exe, sizeof(exe));
	if (n > 0)
		evb_param(e->b, exe, n + 1);
	else
		evb_empty(e->b);
	evb_u64(e->b, have_task ? (uint64_t)t.pgrp : 0);
	evb_u32(e->b, have_task && t.have_ids ? t.gid[1] : 0);
	if (have_task)
		proc_task_free(&t);
}

static void execve_enter(struct enc *e)
{
	enc_user_str(e, e->a[0]);
}

static void execve_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	put_process(e, e->ev->pid);
	put_cgroups(e, e->ev->pid);
	if (e->ret == 0)
		put_exec_task(e, e->ev->pid);
}

/* The clone flags the call was given: clone's argument, clone3's clone_args.flags (its first
 * field), vfork's implied CLONE_VFORK | CLONE_VM, none for fork. */
static uint64_t clone_flags(struct enc *e)
{
	const struct mem_reader *mem = e->ev->mem;
	uint64_t flags = 0;

	if (e->nr == __NR_clone)
		flags = e->a[0];
	else if (e->nr == __NR_vfork)
		flags = CLONE_VFORK | CLONE_VM;
	else if (e->nr == __NR_clone3 && mem && mem->read(mem, e->a[0], &flags, sizeof(flags)))
		flags = 0;
	return flags;
}

/* The parent's exit, and the child's (res 0) that the sink writes when the child appears. */
static void clone_exit(struct enc *e)
{
	char *status;

	evb_u64(e->b, e->ret);
	put_process(e, e->ev->pid);
	put_cgroups(e, e->ev->pid);
	evb_u32(e->b, ppm_clone_flags(clone_flags(e)));
	status = proc_read(e->ev->pid, "status", NULL);
	evb_u32(e->b, status_u64(status, "Uid", 10, UINT32_MAX));
	evb_u32(e->b, status_u64(status, "Gid", 10, UINT32_MAX));
	free(status);
}

/* setuid and setgid: the id; setresuid and setresgid: the three ids. Readers take the new
 * ids from the exits (sysdig 0.29 from nothing else). */
static void setid_enter(struct enc *e)
{
	evb_u32(e->b, e->a[0]);
}

static void setid_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	setid_enter(e);
}

static void setresid_enter(struct enc *e)
{
	evb_u32(e->b, e->a[0]);
	evb_u32(e->b, e->a[1]);
	evb_u32(e->b, e->a[2]);
}

static void setresid_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	setresid_enter(e);
}

static void brk_enter(struct enc *e)
{
	evb_u64(e->b, e->a[0]);
}

/* res (the new break, or the old one when it could not move), the mm's sizes after the call,
 * then the requested address. */
static void brk_exit(struct enc *e)
{
	char *status = proc_read(e->ev->pid, "status", NULL);

	evb_u64(e->b, e->ret);
	put_vm_sizes(e, status);
	free(status);
	brk_enter(e);
}

void encode_procexit(struct event_builder *b, const struct tracer_event *ev)
{
	uint64_t code = ev->kind == TEV_EXITED ? (uint64_t)(ev->status & 0xff) << 8 :
			(uint64_t)(ev->sig & 0x7f) | (ev->core_dumped ? 0x80 : 0);

	evb_u64(b, code);		/* the status in wait(2) form */
	evb_u64(b, (code >> 8) & 0xff);
	evb_u8(b, code & 0x7f);
	evb_u8(b, (code >> 7) & 1);
}

const struct syscall_encoder process_encoders[] = {
	{ __NR_execve, PPME_SYSCALL_EXECVE_19_E, execve_enter, execve_exit },
	{ __NR_clone, PPME_SYSCALL_CLONE_20_E, NULL, clone_exit },
	{ __NR_fork, PPME_SYSCALL_FORK_20_E, NULL, clone_exit },
	{ __NR_vfork, PPME_SYSCALL_VFORK_20_E, NULL, clone_exit },
	{ __NR_clone3, PPME_SYSCALL_CLONE3_E, NULL, clone_exit },
	{ __NR_setuid, PPME_SYSCALL_SETUID_E, setid_enter, setid_exit },
	{ __NR_setgid, PPME_SYSCALL_SETGID_E, setid_enter, setid_exit },
	{ __NR_setresuid, PPME_SYSCALL_SETRESUID_E, setresid_enter, setresid_exit },
	{ __NR_setresgid, PPME_SYSCALL_SETRESGID_E, setresid_enter, setresid_exit },
	{ __NR_brk, PPME_SYSCALL_BRK_4_E, brk_enter, brk_exit },
	{ .nr = -1 },
};

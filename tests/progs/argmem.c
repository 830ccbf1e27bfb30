/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Syscalls whose argument memory the syscall table's kinds alone do not describe, for the
 * eBPF backend's plans: arguments that are pointers for some commands only (prctl, keyctl,
 * semctl, kcmp, arch_prctl), buffers and arrays as long as another argument says
 * (mq_timedsend, mq_timedreceive, futex_waitv, process_vm_readv and process_vm_writev's
 * iovecs), a name read to its own limit (memfd_create), and pointers the table once held as
 * integers (delete_module, capget, get_robust_list). Every call has an outcome that does not
 * change from run to run.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/futex.h>
#include <linux/kcmp.h>
#include <mqueue.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define ARCH_GET_FS		0x1003
#define KEYCTL_SEARCH		10
#define KEY_SPEC_PROCESS_KEYRING -2

/* struct futex_waitv (linux/futex.h, 5.16) */
struct waiter {
	uint64_t val;
	uint64_t uaddr;
	uint32_t flags;
	uint32_t reserved;
};

static void by_command(void)
{
	char name[16] = "";
	int sig = -1, epfd = epoll_create1(0);
	unsigned long fs = 0;
	struct seminfo info;
	struct kcmp_epoll_slot slot = { .efd = epfd, .tfd = 0, .toff = 0 };

	prctl(PR_SET_NAME, "argmem-thread");
	prctl(PR_GET_NAME, name);
	prctl(PR_GET_PDEATHSIG, &sig);
	syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_PROCESS_KEYRING, "user", "argmem-none", 0);
	semctl(0, 0, IPC_INFO, &info);
	/* no such process: ESRCH, after the slot is printed */
	syscall(SYS_kcmp, -1, -1, KCMP_EPOLL_TFD, epfd, &slot);
	syscall(SYS_arch_prctl, ARCH_GET_FS, &fs);
	close(epfd);
}

static void counted(void)
{
	struct mq_attr attr = { .mq_maxmsg = 4, .mq_msgsize = 64 };
	char got[64] = "", local[16] = "remote bytes", remote[16] = "";
	unsigned prio = 0;
	mqd_t q = mq_open("/sysray-argmem", O_CREAT | O_RDWR, 0600, &attr);
	uint32_t futexes[3] = { 1, 2, 3 };
	struct waiter w[3];
	struct iovec lv[2] = { { local, 6 }, { local + 6, 7 } };
	struct iovec rv[1] = { { remote, 13 } };

	mq_send(q, "a queued message", 16, 3);
	mq_receive(q, got, sizeof(got), &prio);
	mq_close(q);
	mq_unlink("/sysray-argmem");
	for (int i = 0; i < 3; i++)
		w[i] = (struct waiter){ .val = 0, .uaddr = (uintptr_t)&futexes[i],
					.flags = FUTEX_32 | FUTEX_PRIVATE_FLAG };
	/* the values differ: EAGAIN at once */
	syscall(SYS_futex_waitv, w, 3, 0, NULL, 0);
	syscall(SYS_process_vm_writev, getpid(), lv, 2, rv, 1, 0);
	syscall(SYS_process_vm_readv, getpid(), lv, 2, rv, 1, 0);
}

static void once_integers(void)
{
	struct __user_cap_header_struct head = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];
	void *robust = NULL;
	size_t len = 0;
	int fd;

	syscall(SYS_delete_module, "sysray_argmem_none", O_NONBLOCK);
	syscall(SYS_capget, &head, data);
	syscall(SYS_get_robust_list, 0, &robust, &len);
	fd = syscall(SYS_memfd_create, "sysray-argmem", 0);
	close(fd);
}

int main(void)
{
	by_command();
	counted();
	once_integers();
	return 0;
}

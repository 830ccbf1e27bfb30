/* SPDX-License-Identifier: Apache-2.0 */
/*
 * bpf(2) commands on a real array map and program: create (with and without a name, a short and an
 * oversized attribute), update, lookup, next key, delete, freeze, pin and get by path in a
 * bpffs if one is mounted, get by id; and bad calls (unknown command, NULL, size 0).
 */
#define _GNU_SOURCE
#include <linux/bpf.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static long sys_bpf(int cmd, union bpf_attr *attr, unsigned int size)
{
	return syscall(SYS_bpf, cmd, attr, size);
}

int main(void)
{
	union bpf_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_ARRAY;
	attr.key_size = 4;
	attr.value_size = 8;
	attr.max_entries = 4;
	strcpy(attr.map_name, "sysray_test");
	int map = (int)sys_bpf(BPF_MAP_CREATE, &attr, offsetof(union bpf_attr, map_extra) + 8);
	sys_bpf(BPF_MAP_CREATE, &attr, offsetof(union bpf_attr, map_flags));
	attr.map_flags = BPF_F_NUMA_NODE | BPF_F_RDONLY_PROG;
	attr.numa_node = -1;
	sys_bpf(BPF_MAP_CREATE, &attr, offsetof(union bpf_attr, map_ifindex));

	uint32_t key = 1, next;
	uint64_t value = 42;
	memset(&attr, 0, sizeof(attr));
	attr.map_fd = map;
	attr.key = (uintptr_t)&key;
	attr.value = (uintptr_t)&value;
	attr.flags = BPF_ANY;
	sys_bpf(BPF_MAP_UPDATE_ELEM, &attr, sizeof(attr));
	attr.flags = BPF_F_LOCK;
	sys_bpf(BPF_MAP_LOOKUP_ELEM, &attr, 32);
	attr.flags = 0;
	attr.next_key = (uintptr_t)&next;
	sys_bpf(BPF_MAP_GET_NEXT_KEY, &attr, 24);
	attr.key = 0;
	sys_bpf(BPF_MAP_DELETE_ELEM, &attr, 16);
	sys_bpf(BPF_MAP_FREEZE, &attr, 4);

	memset(&attr, 0, sizeof(attr));
	attr.pathname = (uintptr_t)"/sys/fs/bpf/sysray-no-such-pin";
	attr.bpf_fd = map;
	sys_bpf(BPF_OBJ_GET, &attr, 16);
	attr.file_flags = BPF_F_RDONLY;
	sys_bpf(BPF_OBJ_GET, &attr, 12);

	memset(&attr, 0, sizeof(attr));
	attr.map_id = 0x7fffffff;
	attr.open_flags = BPF_F_WRONLY;
	sys_bpf(BPF_MAP_GET_FD_BY_ID, &attr, 12);
	sys_bpf(BPF_PROG_GET_FD_BY_ID, &attr, 8);
	sys_bpf(BPF_BTF_GET_FD_BY_ID, &attr, 4);
	sys_bpf(BPF_LINK_GET_FD_BY_ID, &attr, 4);

	memset(&attr, 0, sizeof(attr));
	attr.target_fd = map;
	attr.attach_bpf_fd = -1;
	attr.attach_type = BPF_CGROUP_INET_INGRESS;
	attr.attach_flags = BPF_F_ALLOW_MULTI;
	sys_bpf(BPF_PROG_ATTACH, &attr, 16);
	sys_bpf(BPF_PROG_DETACH, &attr, 16);

	/* r0 = 0; exit: the smallest socket filter, loaded with its name and a log buffer. */
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	static char log[256];
	memset(&attr, 0, sizeof(attr));
	attr.prog_type = BPF_PROG_TYPE_SOCKET_FILTER;
	attr.insn_cnt = 2;
	attr.insns = (uintptr_t)insns;
	attr.license = (uintptr_t)"GPL";
	attr.log_level = 1;
	attr.log_size = sizeof(log);
	attr.log_buf = (uintptr_t)log;
	attr.kern_version = 0x60100;
	strcpy(attr.prog_name, "sysray_prog");
	int prog = (int)sys_bpf(BPF_PROG_LOAD, &attr, offsetof(union bpf_attr, fd_array) + 8);
	sys_bpf(BPF_PROG_LOAD, &attr, offsetof(union bpf_attr, log_level));
	close(prog);

	/* BTF the kernel refuses: a header claiming a wrong magic. */
	static const char btf[] = "\x9f\xeb\x01\x00not really BTF data, just bytes";
	static char btf_log[64];
	memset(&attr, 0, sizeof(attr));
	attr.btf = (uintptr_t)btf;
	attr.btf_size = sizeof(btf);
	attr.btf_log_buf = (uintptr_t)btf_log;
	attr.btf_log_size = sizeof(btf_log);
	attr.btf_log_level = 1;
	sys_bpf(BPF_BTF_LOAD, &attr, offsetof(union bpf_attr, btf_log_level) + 4);

	sys_bpf(0xfff, &attr, 8);
	sys_bpf(BPF_MAP_CREATE, NULL, 72);
	sys_bpf(BPF_MAP_CREATE, &attr, 0);
	/* attributes that run into an unmapped page: all SIZE bytes are read or none */
	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page != MAP_FAILED) {
		munmap(page + 4096, 4096);
		memset(page, 0, 4096);
		sys_bpf(BPF_MAP_CREATE, (union bpf_attr *)(page + 4096 - 16), 16);
		sys_bpf(BPF_MAP_CREATE, (union bpf_attr *)(page + 4096 - 16), 20);
		munmap(page, 4096);
	}
	close(map);
	return 0;
}

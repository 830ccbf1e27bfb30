/* SPDX-License-Identifier: Apache-2.0 */
#include "format/flags.h"

#include <string.h>

#include "util/util.h"

/* PPM_S_* mode bits (the kernel's S_I* values, numbered by the driver), in sysdig's order. */
static const struct flag_name chmod_mode[] = {
	{ "S_IXOTH", 1 << 0 },	{ "S_IWOTH", 1 << 1 },	{ "S_IROTH", 1 << 2 },
	{ "S_IXGRP", 1 << 3 },	{ "S_IWGRP", 1 << 4 },	{ "S_IRGRP", 1 << 5 },
	{ "S_IXUSR", 1 << 6 },	{ "S_IWUSR", 1 << 7 },	{ "S_IRUSR", 1 << 8 },
	{ "S_ISVTX", 1 << 9 },	{ "S_ISGID", 1 << 10 }, { "S_ISUID", 1 << 11 },
	{ NULL, 0 },
};

/* PPM_O_* (the driver's own bits, not the kernel's O_*). */
static const struct flag_name file_flags[] = {
	{ "O_LARGEFILE", 1 << 11 }, { "O_DIRECTORY", 1 << 10 }, { "O_DIRECT", 1 << 9 },
	{ "O_TRUNC", 1 << 8 },	    { "O_SYNC", 1 << 7 },	{ "O_NONBLOCK", 1 << 6 },
	{ "O_EXCL", 1 << 5 },	    { "O_DSYNC", 1 << 4 },	{ "O_APPEND", 1 << 3 },
	{ "O_CREAT", 1 << 2 },	    { "O_RDWR", 3 },		{ "O_WRONLY", 1 << 1 },
	{ "O_RDONLY", 1 << 0 },	    { "O_CLOEXEC", 1 << 12 },	{ "O_NONE", 0 },
	{ "O_TMPFILE", 1 << 13 },   { NULL, 0 },
};

/* PPM_CL_* */
static const struct flag_name clone_flags[] = {
	{ "CLONE_FILES", 1 << 0 },	   { "CLONE_FS", 1 << 1 },
	{ "CLONE_IO", 1 << 2 },		   { "CLONE_NEWIPC", 1 << 3 },
	{ "CLONE_NEWNET", 1 << 4 },	   { "CLONE_NEWNS", 1 << 5 },
	{ "CLONE_NEWPID", 1 << 6 },	   { "CLONE_NEWUTS", 1 << 7 },
	{ "CLONE_PARENT", 1 << 8 },	   { "CLONE_PARENT_SETTID", 1 << 9 },
	{ "CLONE_PTRACE", 1 << 10 },	   { "CLONE_SIGHAND", 1 << 11 },
	{ "CLONE_SYSVSEM", 1 << 12 },	   { "CLONE_THREAD", 1 << 13 },
	{ "CLONE_UNTRACED", 1 << 14 },	   { "CLONE_VM", 1 << 15 },
	{ "CLONE_INVERTED", 1 << 16 },	   { "NAME_CHANGED", 1 << 17 },
	{ "CLOSED", 1 << 18 },		   { "CLONE_NEWUSER", 1 << 20 },
	{ "CLONE_CHILD_CLEARTID", 1 << 23 }, { "CLONE_CHILD_SETTID", 1 << 24 },
	{ "CLONE_SETTLS", 1 << 25 },	   { "CLONE_STOPPED", 1 << 26 },
	{ "CLONE_VFORK", 1 << 27 },	   { "CLONE_NEWCGROUP", 1 << 28 },
	{ NULL, 0 },
};

static const struct flag_name prot_flags[] = {
	{ "PROT_READ", 1 << 0 },	 { "PROT_WRITE", 1 << 1 }, { "PROT_EXEC", 1 << 2 },
	{ "PROT_SEM", 1 << 3 },		 { "PROT_GROWSDOWN", 1 << 4 },
	{ "PROT_GROWSUP", 1 << 5 },	 { "PROT_SAO", 1 << 6 },   { "PROT_NONE", 0 },
	{ NULL, 0 },
};

static const struct flag_name mmap_flags[] = {
	{ "MAP_SHARED", 1 << 0 },     { "MAP_PRIVATE", 1 << 1 },    { "MAP_FIXED", 1 << 2 },
	{ "MAP_ANONYMOUS", 1 << 3 },  { "MAP_32BIT", 1 << 4 },	    { "MAP_RENAME", 1 << 5 },
	{ "MAP_NORESERVE", 1 << 6 },  { "MAP_POPULATE", 1 << 7 },   { "MAP_NONBLOCK", 1 << 8 },
	{ "MAP_GROWSDOWN", 1 << 9 },  { "MAP_DENYWRITE", 1 << 10 }, { "MAP_EXECUTABLE", 1 << 11 },
	{ "MAP_INHERIT", 1 << 12 },   { "MAP_FILE", 1 << 13 },	    { "MAP_LOCKED", 1 << 14 },
	{ NULL, 0 },
};

static const struct flag_name access_flags[] = {
	{ "F_OK", 0 }, { "R_OK", 4 }, { "W_OK", 2 }, { "X_OK", 1 }, { NULL, 0 },
};

/* In libs' order, highest first: 0.29 names a domain as a flag set, first match first. */
static const struct flag_name socket_families[] = {
	{ "AF_NFC", 39 }, { "AF_ALG", 38 }, { "AF_CAIF", 37 }, { "AF_IEEE802154", 36 },
	{ "AF_PHONET", 35 }, { "AF_ISDN", 34 }, { "AF_RXRPC", 33 }, { "AF_IUCV", 32 },
	{ "AF_BLUETOOTH", 31 }, { "AF_TIPC", 30 }, { "AF_CAN", 29 }, { "AF_LLC", 26 },
	{ "AF_WANPIPE", 25 }, { "AF_PPPOX", 24 }, { "AF_IRDA", 23 }, { "AF_SNA", 22 },
	{ "AF_RDS", 21 }, { "AF_ATMSVC", 20 }, { "AF_ECONET", 19 }, { "AF_ASH", 18 },
	{ "AF_PACKET", 17 }, { "AF_ROUTE", 16 }, { "AF_NETLINK", 16 }, { "AF_KEY", 15 },
	{ "AF_SECURITY", 14 },
	{ "AF_NETBEUI", 13 }, { "AF_DECnet", 12 }, { "AF_ROSE", 11 }, { "AF_INET6", 10 },
	{ "AF_X25", 9 }, { "AF_ATMPVC", 8 }, { "AF_BRIDGE", 7 }, { "AF_NETROM", 6 },
	{ "AF_APPLETALK", 5 }, { "AF_IPX", 4 }, { "AF_AX25", 3 }, { "AF_INET", 2 },
	{ "AF_LOCAL", 1 }, { "AF_UNSPEC", 0 },
	{ NULL, 0 },
};

static const struct flag_name futex_operations[] = {
	{ "FUTEX_CLOCK_REALTIME", 256 }, { "FUTEX_PRIVATE_FLAG", 128 },
	{ "FUTEX_CMP_REQUEUE_PI", 12 },	 { "FUTEX_WAIT_REQUEUE_PI", 11 },
	{ "FUTEX_WAKE_BITSET", 10 },	 { "FUTEX_WAIT_BITSET", 9 },
	{ "FUTEX_TRYLOCK_PI", 8 },	 { "FUTEX_UNLOCK_PI", 7 },
	{ "FUTEX_LOCK_PI", 6 },		 { "FUTEX_WAKE_OP", 5 },
	{ "FUTEX_CMP_REQUEUE", 4 },	 { "FUTEX_REQUEUE", 3 },
	{ "FUTEX_FD", 2 },		 { "FUTEX_WAKE", 1 },
	{ "FUTEX_WAIT", 0 },		 { NULL, 0 },
};

/* PPM_FCNTL_* */
static const struct flag_name fcntl_commands[] = {
	{ "F_DUPFD", 1 },	   { "F_GETFD", 2 },	     { "F_SETFD", 3 },
	{ "F_GETFL", 4 },	   { "F_SETFL", 5 },	     { "F_GETLK", 6 },
	{ "F_SETLK", 8 },	   { "F_SETLKW", 9 },	     { "F_SETOWN", 10 },
	{ "F_GETOWN", 12 },	   { "F_SETSIG", 13 },	     { "F_GETSIG", 15 },
	{ "F_SETOWN_EX", 16 },	   { "F_GETOWN_EX", 17 },    { "F_SETLEASE", 18 },
	{ "F_GETLEASE", 19 },	   { "F_CANCELLK", 20 },     { "F_DUPFD_CLOEXEC", 21 },
	{ "F_NOTIFY", 22 },	   { "F_SETPIPE_SZ", 23 },   { "F_GETPIPE_SZ", 24 },
	{ "F_OFD_GETLK", 25 },	   { "F_OFD_SETLK", 26 },    { "F_OFD_SETLKW", 27 },
	{ NULL, 0 },
};

static const struct flag_name rlimit_resources[] = {
	{ "RLIMIT_CPU", 0 },	    { "RLIMIT_FSIZE", 1 },   { "RLIMIT_DATA", 2 },
	{ "RLIMIT_STACK", 3 },	    { "RLIMIT_CORE", 4 },    { "RLIMIT_RSS", 5 },
	{ "RLIMIT_NPROC", 6 },	    { "RLIMIT_NOFILE", 7 },  { "RLIMIT_MEMLOCK", 8 },
	{ "RLIMIT_AS", 9 },	    { "RLIMIT_LOCKS", 10 },  { "RLIMIT_SIGPENDING", 11 },
	{ "RLIMIT_MSGQUEUE", 12 },  { "RLIMIT_NICE", 13 },   { "RLIMIT_RTPRIO", 14 },
	{ "RLIMIT_RTTIME", 15 },    { "RLIMIT_UNKNOWN", 255 }, { NULL, 0 },
};

static const struct flag_name lseek_whence[] = {
	{ "SEEK_END", 2 }, { "SEEK_CUR", 1 }, { "SEEK_SET", 0 }, { NULL, 0 },
};

static const struct flag_name shutdown_how[] = {
	{ "SHUT_RD", 0 }, { "SHUT_WR", 1 }, { "SHUT_RDWR", 2 }, { NULL, 0 },
};

static const struct flag_name flock_flags[] = {
	{ "LOCK_SH", 1 }, { "LOCK_EX", 2 }, { "LOCK_NB", 4 }, { "LOCK_UN", 8 }, { "LOCK_NONE", 0 },
	{ NULL, 0 },
};

static const struct flag_name sockopt_levels[] = {
	{ "SOL_SOCKET", 1 }, { "SOL_TCP", 2 }, { "UNKNOWN", 0 }, { NULL, 0 },
};

/* PPM_SOCKOPT_SO_*, in libs' order (the flag resolution of sysdig 0.29's FLAGS8 walks it). */
static const struct flag_name sockopt_options[] = {
	{ "SO_COOKIE", 53 },		{ "SO_MEMINFO", 52 },
	{ "SO_PEERGROUPS", 51 },	{ "SO_ATTACH_BPF", 50 },
	{ "SO_INCOMING_CPU", 49 },	{ "SO_BPF_EXTENSIONS", 48 },
	{ "SO_MAX_PACING_RATE", 47 },	{ "SO_BUSY_POLL", 46 },
	{ "SO_SELECT_ERR_QUEUE", 45 },	{ "SO_LOCK_FILTER", 44 },
	{ "SO_NOFCS", 43 },		{ "SO_PEEK_OFF", 42 },
	{ "SO_WIFI_STATUS", 41 },	{ "SO_RXQ_OVFL", 40 },
	{ "SO_DOMAIN", 39 },		{ "SO_PROTOCOL", 38 },
	{ "SO_TIMESTAMPING", 37 },	{ "SO_MARK", 36 },
	{ "SO_TIMESTAMPNS", 35 },	{ "SO_PASSSEC", 34 },
	{ "SO_PEERSEC", 31 },		{ "SO_ACCEPTCONN", 30 },
	{ "SO_TIMESTAMP", 29 },		{ "SO_PEERNAME", 28 },
	{ "SO_DETACH_FILTER", 27 },	{ "SO_ATTACH_FILTER", 26 },
	{ "SO_BINDTODEVICE", 25 },	{ "SO_SECURITY_ENCRYPTION_NETWORK", 24 },
	{ "SO_SECURITY_ENCRYPTION_TRANSPORT", 23 }, { "SO_SECURITY_AUTHENTICATION", 22 },
	{ "SO_SNDTIMEO", 21 },		{ "SO_RCVTIMEO", 20 },
	{ "SO_SNDLOWAT", 19 },		{ "SO_RCVLOWAT", 18 },
	{ "SO_PEERCRED", 17 },		{ "SO_PASSCRED", 16 },
	{ "SO_REUSEPORT", 15 },		{ "SO_BSDCOMPAT", 14 },
	{ "SO_LINGER", 13 },		{ "SO_PRIORITY", 12 },
	{ "SO_NO_CHECK", 11 },		{ "SO_OOBINLINE", 10 },
	{ "SO_KEEPALIVE", 9 },		{ "SO_RCVBUFFORCE", 33 },
	{ "SO_SNDBUFFORCE", 32 },	{ "SO_RCVBUF", 8 },
	{ "SO_SNDBUF", 7 },		{ "SO_BROADCAST", 6 },
	{ "SO_DONTROUTE", 5 },		{ "SO_ERROR", 4 },
	{ "SO_TYPE", 3 },		{ "SO_REUSEADDR", 2 },
	{ "SO_DEBUG", 1 },		{ "UNKNOWN", 0 },
	{ NULL, 0 },
};

/* PPM_RESOLVE_* (openat2's resolve field, renumbered by the driver) */
static const struct flag_name openat2_flags[] = {
	{ "RESOLVE_BENEATH", 1 << 0 },	     { "RESOLVE_IN_ROOT", 1 << 1 },
	{ "RESOLVE_NO_MAGICLINKS", 1 << 2 }, { "RESOLVE_NO_SYMLINKS", 1 << 3 },
	{ "RESOLVE_NO_XDEV", 1 << 4 },	     { "RESOLVE_CACHED", 1 << 5 },
	{ NULL, 0 },
};

/* PPM_RENAME_* (the kernel's RENAME_* values) */
static const struct flag_name renameat2_flags[] = {
	{ "RENAME_NOREPLACE", 1 << 0 }, { "RENAME_EXCHANGE", 1 << 1 },
	{ "RENAME_WHITEOUT", 1 << 2 }, { NULL, 0 },
};

static const struct flag_name unlinkat_flags[] = {
	{ "AT_REMOVEDIR", 0x200 }, { NULL, 0 },
};

static const struct flag_name epoll_create1_flags[] = {
	{ "EPOLL_CLOEXEC", 1 }, { NULL, 0 },
};

/* libs' PPM_PTRACE_* values: an enumeration (ppm_ptrace_request() in schema/ppm_flags.h). */
static const struct flag_name ptrace_requests[] = {
	{ "PTRACE_UNKNOWN", 0 }, { "PTRACE_TRACEME", 1 }, { "PTRACE_PEEKTEXT", 2 },
	{ "PTRACE_PEEKDATA", 3 }, { "PTRACE_PEEKUSR", 4 }, { "PTRACE_POKETEXT", 5 },
	{ "PTRACE_POKEDATA", 6 }, { "PTRACE_POKEUSR", 7 }, { "PTRACE_CONT", 8 },
	{ "PTRACE_KILL", 9 }, { "PTRACE_SINGLESTEP", 10 }, { "PTRACE_ATTACH", 11 },
	{ "PTRACE_DETACH", 12 }, { "PTRACE_SYSCALL", 13 }, { "PTRACE_SETOPTIONS", 14 },
	{ "PTRACE_GETEVENTMSG", 15 }, { "PTRACE_GETSIGINFO", 16 }, { "PTRACE_SETSIGINFO", 17 },
	{ "PTRACE_GETREGSET", 18 }, { "PTRACE_SETREGSET", 19 }, { "PTRACE_SEIZE", 20 },
	{ "PTRACE_INTERRUPT", 21 }, { "PTRACE_LISTEN", 22 }, { "PTRACE_PEEKSIGINFO", 23 },
	{ "PTRACE_GETSIGMASK", 24 }, { "PTRACE_SETSIGMASK", 25 }, { "PTRACE_GETREGS", 26 },
	{ "PTRACE_SETREGS", 27 }, { "PTRACE_GETFPREGS", 28 }, { "PTRACE_SETFPREGS", 29 },
	{ "PTRACE_GETFPXREGS", 30 }, { "PTRACE_SETFPXREGS", 31 }, { "PTRACE_OLDSETOPTIONS", 32 },
	{ "PTRACE_GET_THREAD_AREA", 33 }, { "PTRACE_SET_THREAD_AREA", 34 },
	{ "PTRACE_ARCH_PRCTL", 35 }, { "PTRACE_SYSEMU", 36 }, { "PTRACE_SYSEMU_SINGLESTEP", 37 },
	{ "PTRACE_SINGLEBLOCK", 38 }, { NULL, 0 },
};

static const struct flag_name linkat_flags[] = {
	{ "AT_SYMLINK_FOLLOW", 0x400 }, { "AT_EMPTY_PATH", 0x1000 }, { NULL, 0 },
};

static const struct {
	const char *name;
	const struct flag_name *table;
} tables[] = {
	{ "chmod_mode", chmod_mode },
	{ "file_flags", file_flags },
	{ "clone_flags", clone_flags },
	{ "prot_flags", prot_flags },
	{ "mmap_flags", mmap_flags },
	{ "access_flags", access_flags },
	{ "socket_families", socket_families },
	{ "futex_operations", futex_operations },
	{ "fcntl_commands", fcntl_commands },
	{ "rlimit_resources", rlimit_resources },
	{ "lseek_whence", lseek_whence },
	{ "shutdown_how", shutdown_how },
	{ "flock_flags", flock_flags },
	{ "sockopt_levels", sockopt_levels },
	{ "sockopt_options", sockopt_options },
	{ "unlinkat_flags", unlinkat_flags },
	{ "renameat2_flags", renameat2_flags },
	{ "openat2_flags", openat2_flags },
	{ "epoll_create1_flags", epoll_create1_flags },
	{ "ptrace_requests", ptrace_requests },
	{ "linkat_flags", linkat_flags },
};

const struct flag_name *flag_table(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++)
		if (!strcmp(tables[i].name, name))
			return tables[i].table;
	return NULL;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The decoder interface: one function per syscall (or family) prints its arguments in
 * strace's syntax through the print primitives, reading tracee memory through the
 * reader handed in with the event.
 *
 * A decoder is called at syscall entry. It prints what is known then (inputs) and
 * returns DEC_AT_EXIT to be called again at exit for outputs, or RV_DECODED|<result
 * format> if the whole argument list is printed. At exit it prints the rest and returns
 * the result format. sc->exiting tells which call it is; sc->priv keeps what entry
 * wants exit to know.
 */
#ifndef SYSRAY_TRACE_DECODE_H
#define SYSRAY_TRACE_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "output/pr.h"
#include "schema/syscalls.h"
#include "source/mem_reader.h"
#include "trace/pidns.h"

struct trace_opts;

struct sc {
	struct pr *p;
	const struct trace_opts *opt;
	const struct mem_reader *mem;
	const struct syscall_info *info;	/* NULL for numbers the table lacks */
	pid_t pid;
	long nr;
	uint64_t arg[6];
	uint64_t sp;		/* the stack pointer at entry; 0 if not known */
	int64_t rval;		/* at exit: the raw return value */
	int err;		/* at exit: errno if the syscall failed, else 0 */
	bool exiting;
	const char *prev_name;	/* the last syscall of this process whose exit was traced, or NULL */
	bool verbose;		/* -v, -e abbrev=none: print structs and arrays whole */
	bool no_deref;		/* -e verbose=none: print pointers, not what they point to */
	uint64_t priv[4];	/* kept from entry to exit */
	char aux[1024];		/* at exit: text printed in parentheses after the result */
};

/* A value <-> name table private to one file (XLAT_DEFINE's is global and could clash). */
#define STATIC_XLAT(name_, ...) \
	static const struct xlat_pair name_##_pairs[] = { __VA_ARGS__ }; \
	static const struct xlat name_ = { name_##_pairs, \
		sizeof(name_##_pairs) / sizeof(name_##_pairs[0]) }

/* Result formats, returned by decoders. */
enum {
	DEC_AT_EXIT = 0,
	RV_DEC = 1,		/* signed decimal (default) */
	RV_HEX = 2,		/* 0x..., for addresses */
	RV_OCT = 3,		/* 0..., for modes (umask) */
	RV_UDEC = 4,		/* unsigned decimal */
	RV_FD = 5,		/* a file descriptor: decorated by -y */
	RV_NONE = 6,		/* "= ?" whatever the value */
	RV_PID = 7,		/* a process id, of the kind RV_PID_KIND() tells */
	RV_FMT_MASK = 7,
	RV_DECODED = 1 << 3,	/* entry: nothing left for exit */
	RV_AUX = 1 << 4,	/* sc->aux holds " (TEXT)" to append */
	RV_AUX_STR = 1 << 5,	/* sc->aux holds the result itself, printed instead of it */
	/* with RV_AUX: " ()" even when sc->aux is empty (select's ready sets, none found) */
	RV_AUX_ALWAYS = 1 << 8,
};

/* A process id result of KIND (enum pid_kind), and the kind of one. */
#define RV_PID_OF(kind) (RV_PID | (kind) << 6)
#define RV_PID_KIND(fmt) (((fmt) >> 6) & 3)

typedef int decoder_fn(struct sc *sc);

/* The decoder for syscall NR; a generic one (raw arguments by kind) if it has none. */
decoder_fn *decoder_for(long nr);

/* Prints every argument raw, as strace does for unknown syscalls and -e raw=. */
int decode_raw(struct sc *sc);

/* ---- helpers shared by decoders ---- */

/* True when the syscall failed (at exit): outputs are printed as addresses. */
static inline bool sc_failed(const struct sc *sc) { return sc->err != 0; }

/* ---- reading tracee memory (decode/fetch.c) ---- */

/* Reads N bytes at ADDR: 0, or -1 when the memory cannot be read. */
int umove(const struct sc *sc, uint64_t addr, void *buf, size_t n);
#define UMOVE(sc, addr, objp) umove((sc), (addr), (objp), sizeof(*(objp)))
/*
 * Reads N bytes at ADDR for printing, or prints what strace prints instead and returns
 * false: NULL for a null pointer, else the address (with -e verbose=none, for an output
 * of a syscall that failed, which the kernel did not fill, or for unreadable memory).
 */
bool fetch_or_print_addr(struct sc *sc, uint64_t addr, void *buf, size_t n);
/* Same, but a failed syscall does not stop the read (the remainder of an interrupted sleep). */
bool fetch_or_print_addr_any(struct sc *sc, uint64_t addr, void *buf, size_t n);
/* Reads N bytes at ADDR silently; false under the same conditions as fetch_or_print_addr. */
bool peek_mem(struct sc *sc, uint64_t addr, void *buf, size_t n);

/*
 * The part of an extensible struct of SIZE bytes at ADDR past the START bytes known, as a
 * field: nothing when those bytes (up to a page) are zero, else
 * "/ * bytes 24..31 * / \"\\x80...\"", or "???" when they cannot be read.
 */
void print_nonzero_tail(struct sc *sc, uint64_t addr, size_t start, uint64_t size);
/* Whether print_nonzero_tail prints anything. */
bool has_nonzero_tail(struct sc *sc, uint64_t addr, size_t start, uint64_t size);

/* ---- printing helpers (decode/common.c) ---- */

/* An fd argument: "3", "AT_FDCWD", or with -y "3</etc/passwd>". */
void print_fd(struct sc *sc, int fd);
/*
 * A process id of KIND (enum pid_kind: a thread, process, group or session id), with what
 * --decode-pids adds (strace's printpid).
 */
void print_pid(struct sc *sc, int pid, int kind);
/* A value that is a negated errno when negative: -ENOSR (-63 with -X raw), else a number. */
void print_neg_errno(struct sc *sc, int64_t v);
/* The -s limit: bytes of a string, elements of an array. */
int str_limit(const struct sc *sc);
/* dirfd of *at() calls: AT_FDCWD or print_fd. */
void print_dirfd(struct sc *sc, int fd);
/* A path name at ADDR (PATH_MAX bound, not -s bound); NULL or the address if unreadable. */
void print_path(struct sc *sc, uint64_t addr);
/* A NUL-terminated string at ADDR bounded by -s. */
void print_str(struct sc *sc, uint64_t addr);
/* LEN bytes at ADDR, quoted, bounded by -s; "..." if longer. */
void print_buf(struct sc *sc, uint64_t addr, uint64_t len);
/* The same with every byte in \xhh form, whatever -x says (strace's QUOTE_FORCE_HEX). */
void print_buf_hex(struct sc *sc, uint64_t addr, uint64_t len);
/* A pointer: NULL or 0x... */
void print_addr(struct sc *sc, uint64_t addr);
/*
 * A character in single quotes as strace prints one: 'a', '\'', '\\', else '\x7f', and
 * with ESC_WS '\t' '\n' '\v' '\f' '\r' by their escapes.
 */
void print_quoted_char(struct pr *p, unsigned char c, bool esc_ws);
/*
 * A value stored at ADDR, in brackets: [-1] (int), [4294967295] (unsigned int), 64-bit
 * [-1] and [18446744073709551615], a pointer [0x7f...] or [NULL]; or the address under
 * the rules of fetch_or_print_addr (decode/values_at.c). True when the value was printed.
 */
bool print_int_at(struct sc *sc, uint64_t addr);
bool print_uint_at(struct sc *sc, uint64_t addr);
bool print_s64_at(struct sc *sc, uint64_t addr);
bool print_u64_at(struct sc *sc, uint64_t addr);
bool print_ptr_at(struct sc *sc, uint64_t addr);
/* Array of NUL-terminated strings (argv), "-s" elements at most, NULL-terminated. */
void print_str_array(struct sc *sc, uint64_t addr);

/* ---- arrays (decode/arrays.c) ---- */

/* Prints one array element held in ELEM; false stops the array there. */
typedef bool print_elem_fn(struct sc *sc, const void *elem, void *data);

enum {
	PRINT_ARRAY_IGNORE_ERR = 1 << 0,	/* read the elements even if the syscall failed */
	PRINT_ARRAY_TRUNCATED = 1 << 1,		/* NMEMB is less than the array has: "..." after */
};

/* The largest element print_array reads (struct mmsghdr, epoll_event, iovec ...). */
#define PRINT_ARRAY_ELEM_MAX 64

/*
 * An array of NMEMB elements of SIZE (at most PRINT_ARRAY_ELEM_MAX) bytes at ADDR, as strace prints one:
 * NULL, [] for no element, the address when the first element cannot be read, "..."
 * after -s elements unless -v, and "..., / * 0xADDR * /" where the memory ends early.
 */
void print_array(struct sc *sc, uint64_t addr, uint64_t nmemb, size_t size,
		 unsigned flags, print_elem_fn *print_elem, void *data);
/* For an array printed element by element: is element N past what strace shows (-s
 * elements, all with -v)? Then "..." is printed as the last element. */
bool array_more_at(struct sc *sc, uint64_t n);
/* The two fds of pipe and socketpair at ADDR: [3, 4], an array like any other. */
void print_fd_pair_at(struct sc *sc, uint64_t addr);

/* Clock ticks, with their value in seconds in a comment: "5 / * 0.05 s * /" (siginfo.c). */
void print_clock_t(struct pr *p, uint64_t ticks);

/* How the buffers of an iovec array print. */
struct iov_data {
	uint64_t left;		/* bytes still to show across the array; UINT64_MAX: all */
	bool addresses_only;	/* nothing was read into the buffers: iov_base as addresses */
	/* Prints LEN bytes of one buffer at BASE (netlink messages ...); NULL: print_buf. */
	void (*print_data)(struct sc *sc, uint64_t base, uint64_t len, void *ctx);
	void *ctx;
};

/*
 * COUNT struct iovec at ADDR: [{iov_base="data", iov_len=5}, ...], each buffer bounded by
 * -s and all of them together by D->left. The array is read even after a failure: it was
 * an input.
 */
void print_iovec_array(struct sc *sc, uint64_t addr, uint64_t count, struct iov_data *d);

/* ---- time values (decode/time_values.c) ---- */

/* struct timespec / timeval values already read: {tv_sec=0, tv_nsec=1000000} */
void print_timespec(struct sc *sc, int64_t sec, int64_t nsec);
void print_timeval(struct sc *sc, int64_t sec, int64_t usec);
/* struct timespec / timeval / itimerspec / itimerval at ADDR, or its address. */
void print_timespec_at(struct sc *sc, uint64_t addr);
void print_timeval_at(struct sc *sc, uint64_t addr);
void print_itimerspec_at(struct sc *sc, uint64_t addr);
void print_itimerval_at(struct sc *sc, uint64_t addr);
/* An input timespec, still printed at exit after a failure (the remainder of a sleep). */
void print_input_timespec_at(struct sc *sc, uint64_t addr);
/*
 * The text of a timespec / timeval at ADDR for a result comment ("left {...}"): NULL,
 * the address when it cannot be read, else the struct. Writes into BUF.
 */
const char *sprint_timespec_at(struct sc *sc, uint64_t addr, char *buf, size_t n);
const char *sprint_timeval_at(struct sc *sc, uint64_t addr, char *buf, size_t n);
/* A clock id: CLOCK_MONOTONIC, or hex with a comment. */
void print_clockid(struct sc *sc, int clockid);

/* ---- other values ---- */

/* struct rusage at ADDR: the two times, the counters only with -v (decode/resource.c). */
void print_rusage_at(struct sc *sc, uint64_t addr);
/* A CPU mask of LEN bytes at ADDR as CPU numbers: [0 1 2 3] (decode/resource.c). */
void print_cpu_mask(struct sc *sc, uint64_t addr, uint32_t len);
/* A socket address of LEN bytes at ADDR. */
void print_sockaddr_at(struct sc *sc, uint64_t addr, uint64_t len);
/*
 * struct perf_event_attr at ADDR, as much of it as its size field says, the flags and
 * what follows them with -v only (decode/perf.c).
 */
void print_perf_event_attr_at(struct sc *sc, uint64_t addr);
/* struct stat at ADDR (abbreviated unless verbose). */
void print_stat_at(struct sc *sc, uint64_t addr);

/* Writes the target of /proc/PID/fd/FD ("/etc/passwd", "pipe:[123]") into BUF: as the eBPF
 * backend's fd tables knew it when the fd was made (fd_table.h), else as /proc says now. */
bool fd_path(pid_t pid, int fd, char *buf, size_t n);

/* Cuts the kernel's mark of an unlinked file off PATH, fd FD's link from fd_path(): true when
 * the " (deleted)" it ends in is that mark (a file may be named so). The fd tables (eBPF)
 * say, else /proc now (ptrace). */
bool fd_path_cut_unlinked_mark(pid_t pid, int fd, char *path);

/* The process pidfd FD of PID refers to (the fd tables' or its fdinfo's "Pid:"), or -1: it
 * has exited, or FD is no pidfd. */
pid_t fd_pidfd_pid(pid_t pid, int fd);
/* Appends the -y / -yy decoration of fd FD of process PID: "</etc/passwd>", or nothing. */
void fd_decorate(const struct trace_opts *opt, pid_t pid, int fd, struct out *o);

/* ---- signals (decode/signal.c, decode/siginfo.c) ---- */

/* Signal SIG by the -X style of P: SIGCHLD, 17, or 17 with a comment; the number if unnamed. */
void print_signal(struct pr *p, int sig);
/* A signal mask of BYTES (at most 8) bytes: [INT QUIT], or ~[RTMIN RT_1] when mostly full. */
void print_sigmask(struct pr *p, const void *mask, size_t bytes);
/* A kernel sigset at ADDR of SIZE bytes ([CHLD], ~[RTMIN RT_1], []); the address unless 8. */
void print_sigset_at(struct sc *sc, uint64_t addr, uint64_t size);
/*
 * A {sigset pointer, size} pair at ADDR (pselect6, io_pgetevents):
 * {sigmask=[CHLD], sigsetsize=8} (decode/poll.c).
 */
void print_sigmask_pair_at(struct sc *sc, uint64_t addr);
/*
 * PTRACE_GET_SYSCALL_INFO's data at ADDR, at exit: as much as both the kernel (the
 * result) and the buffer (USER_LEN bytes) hold, each field only when all of it was
 * written (decode/ptrace_info.c).
 */
void print_ptrace_syscall_info(struct sc *sc, uint64_t addr, uint64_t user_len);
/* A syscall number of architecture ARCH: __NR_getpid for x86_64's, else the number. */
void print_syscall_nr(struct pr *p, uint32_t arch, uint64_t nr);
/* AUDIT_ARCH_X86_64, AUDIT_ARCH_I386. */
extern const struct xlat xlat_audit_arch;
/* The siginfo_t at ADDR: {si_signo=SIGUSR1, si_code=SI_USER, ...}, or its address. */
void print_siginfo_at(struct sc *sc, uint64_t addr);

/* ---- gaps: helpers added by the gaps area ---- */

/*
 * A NUL-terminated string at ADDR read up to MAX bytes (at most PATH_MAX), whatever -s
 * says, with "..." when no NUL is found within them (strace's printpathn).
 */
void print_str_max(struct sc *sc, uint64_t addr, size_t max);

/* ---- gaps2: helpers added by the gaps2 area ---- */

/*
 * struct sock_fprog of a seccomp filter at ADDR: {len=N, filter=0x...}, and with -v the
 * classic BPF program, [BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW)] (decode/bpf_filter.c).
 */
void print_sock_fprog_at(struct sc *sc, uint64_t addr);
/* The same for a socket filter (SO_ATTACH_FILTER): return values as numbers. */
void print_socket_fprog_at(struct sc *sc, uint64_t addr);
/* LEN instructions of a seccomp filter at ADDR: the array with -v, else the address. */
void print_seccomp_insns_at(struct sc *sc, uint64_t addr, uint64_t len);
/* The same for a socket filter's instructions (SO_GET_FILTER's answer, sock_diag's
 * PACKET_DIAG_FILTER). */
void print_socket_insns_at(struct sc *sc, uint64_t addr, uint64_t len);
/* SECCOMP_RET_KILL_PROCESS, SECCOMP_RET_ALLOW ...: a seccomp filter's actions. */
extern const struct xlat xlat_seccomp_ret_actions;
/*
 * A NUL-terminated string at ADDR of at most LEN bytes, also bounded by -s (strace's
 * printstr_ex with QUOTE_0_TERMINATED): "..." only when no NUL was found (decode/str_upto.c).
 */
void print_str_upto(struct sc *sc, uint64_t addr, size_t len);
/*
 * A string in a char field of LEN bytes that ends in its NUL (strace's
 * QUOTE_EXPECT_TRAILING_0): LEN - 1 bytes at most, bounded by -s (decode/str_upto.c).
 */
void print_str_in_field(struct sc *sc, uint64_t addr, size_t len);
/*
 * A kernel version as KERNEL_VERSION() builds it, major << 16 | minor << 8 | patch:
 * KERNEL_VERSION(6, 1, 0), in hex with -X raw, both with -X verbose (decode/bpf.c).
 */
void print_kernel_version(struct pr *p, uint32_t v);
/* struct sigevent at ADDR (timer_create, mq_notify; decode/time.c). */
void print_sigevent_at(struct sc *sc, uint64_t addr);

#endif

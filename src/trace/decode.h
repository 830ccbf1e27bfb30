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

struct trace_opts;

struct sc {
	struct pr *p;
	const struct trace_opts *opt;
	const struct mem_reader *mem;
	const struct syscall_info *info;	/* NULL for numbers the table lacks */
	pid_t pid;
	long nr;
	uint64_t arg[6];
	int64_t rval;		/* at exit: the raw return value */
	int err;		/* at exit: errno if the syscall failed, else 0 */
	bool exiting;
	const char *prev_name;	/* the last syscall of this process whose exit was traced, or NULL */
	bool verbose;		/* -v, -e abbrev=none: print structs and arrays whole */
	bool no_deref;		/* -e verbose=none: print pointers, not what they point to */
	uint64_t priv[4];	/* kept from entry to exit */
	char aux[1024];		/* at exit: text printed in parentheses after the result */
};

/* Result formats, returned by decoders. */
enum {
	DEC_AT_EXIT = 0,
	RV_DEC = 1,		/* signed decimal (default) */
	RV_HEX = 2,		/* 0x..., for addresses */
	RV_OCT = 3,		/* 0..., for modes (umask) */
	RV_UDEC = 4,		/* unsigned decimal */
	RV_FD = 5,		/* a file descriptor: decorated by -y */
	RV_NONE = 6,		/* "= ?" whatever the value */
	RV_FMT_MASK = 7,
	RV_DECODED = 1 << 3,	/* entry: nothing left for exit */
	RV_AUX = 1 << 4,	/* sc->aux holds " (TEXT)" to append */
	RV_AUX_STR = 1 << 5,	/* sc->aux holds the result itself, printed instead of it */
};

typedef int decoder_fn(struct sc *sc);

/* The decoder for syscall NR; a generic one (raw arguments by kind) if it has none. */
decoder_fn *decoder_for(long nr);

/* Prints every argument raw, as strace does for unknown syscalls and -e raw=. */
int decode_raw(struct sc *sc);

/* ---- helpers shared by decoders (decode/common.c) ---- */

/* True when the syscall failed (at exit): outputs are printed as addresses. */
static inline bool sc_failed(const struct sc *sc) { return sc->err != 0; }

int umove(const struct sc *sc, uint64_t addr, void *buf, size_t n);
#define UMOVE(sc, addr, objp) umove((sc), (addr), (objp), sizeof(*(objp)))

/* An fd argument: "3", "AT_FDCWD", or with -y "3</etc/passwd>". */
void print_fd(struct sc *sc, int fd);
/* dirfd of *at() calls: AT_FDCWD or print_fd. */
void print_dirfd(struct sc *sc, int fd);
/* A path name at ADDR (PATH_MAX bound, not -s bound); NULL or the address if unreadable. */
void print_path(struct sc *sc, uint64_t addr);
/* A NUL-terminated string at ADDR bounded by -s. */
void print_str(struct sc *sc, uint64_t addr);
/* LEN bytes at ADDR, quoted, bounded by -s; "..." if longer. */
void print_buf(struct sc *sc, uint64_t addr, uint64_t len);
/* A pointer: NULL or 0x... */
void print_addr(struct sc *sc, uint64_t addr);
/* "[VAL]" of an int at ADDR, or the address when unreadable. */
void print_int_at(struct sc *sc, uint64_t addr);
/* "[VAL]" of an unsigned 64-bit at ADDR. */
void print_u64_at(struct sc *sc, uint64_t addr);
/* Array of NUL-terminated strings (argv), "-s" elements at most, NULL-terminated. */
void print_str_array(struct sc *sc, uint64_t addr);
/* File mode bits: S_IFREG|0644 (TYPE true) or 0644. */
void print_mode(struct sc *sc, uint64_t mode, bool with_type);
/* Signal number as a name: SIGCHLD, or the number. */
void print_signo(struct sc *sc, int sig);
/* A kernel sigset (8 bytes) at ADDR of SIZE bytes: [CHLD], ~[RTMIN RT_1], []. */
void print_sigset_at(struct sc *sc, uint64_t addr, uint64_t size);
/* struct timespec / timeval at ADDR: {tv_sec=0, tv_nsec=1000000} */
void print_timespec_at(struct sc *sc, uint64_t addr);
void print_timeval_at(struct sc *sc, uint64_t addr);
/* A socket address of LEN bytes at ADDR. */
void print_sockaddr_at(struct sc *sc, uint64_t addr, uint64_t len);
/* struct stat at ADDR (abbreviated unless verbose). */
void print_stat_at(struct sc *sc, uint64_t addr);

/* Writes the target of /proc/PID/fd/FD ("/etc/passwd", "pipe:[123]") into BUF. */
bool fd_path(pid_t pid, int fd, char *buf, size_t n);
/* Appends the -y / -yy decoration of fd FD of process PID: "</etc/passwd>", or nothing. */
void fd_decorate(const struct trace_opts *opt, pid_t pid, int fd, struct out *o);

/* ---- proc area (decode/signal.c, decode/siginfo.c, decode/process.c) ---- */
/* Signal SIG by the -X style of P: SIGCHLD, 17, or 17 with a comment; the number if unnamed. */
void print_signal(struct pr *p, int sig);
/* A signal mask of BYTES (at most 8) bytes: [INT QUIT], or ~[RTMIN RT_1] when mostly full. */
void print_sigmask(struct pr *p, const void *mask, size_t bytes);
/* The siginfo_t at ADDR: {si_signo=SIGUSR1, si_code=SI_USER, ...}, or its address. */
void print_siginfo_at(struct sc *sc, uint64_t addr);
/*
 * Reads N bytes at ADDR into BUF and returns 0; or prints ADDR (NULL, -e verbose=none, a
 * failed syscall at exit, unreadable memory) and returns -1.
 */
int umove_or_print_addr(struct sc *sc, uint64_t addr, void *buf, size_t n);
/* ---- end of proc area ---- */

#endif

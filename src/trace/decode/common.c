/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers every decoder uses: fds, paths, strings, buffers, pointers. */
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/fd_socket.h"
#include "trace/decode/decoders.h"
#include "trace/fd_table.h"
#include "trace/opts.h"
#include "util/util.h"

/* The text of /proc/PID/fd/FD, or false. */
static bool proc_fd_link(pid_t pid, int fd, char *buf, size_t n)
{
	char link[64];
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
	ssize_t len = readlink(link, buf, n - 1);
	if (len < 0)
		return false;
	buf[len] = 0;
	return true;
}

bool fd_path(pid_t pid, int fd, char *buf, size_t n)
{
	const struct fd_entry *e = NULL;
	switch (fd_tables_find(pid, fd, &e)) {
	case FD_ASK_PROC:
		return proc_fd_link(pid, fd, buf, n);
	case FD_NOT_OPEN:
		return false;
	case FD_OPEN:
		break;
	}
	if (!e->link)
		return false;
	snprintf(buf, n, "%s", e->link);
	return true;
}

bool fd_path_cut_unlinked_mark(pid_t pid, int fd, char *path)
{
	const struct fd_entry *e = NULL;
	char *mark = fd_link_mark(path);

	if (!mark || !(fd_tables_find(pid, fd, &e) == FD_OPEN ? e->unlinked :
								  fd_link_marks_unlinked(pid, fd, path)))
		return false;
	*mark = 0;
	return true;
}

pid_t fd_pidfd_pid(pid_t pid, int fd)
{
	const struct fd_entry *e = NULL;
	switch (fd_tables_find(pid, fd, &e)) {
	case FD_NOT_OPEN:
		return -1;
	case FD_OPEN:
		if (e->pidfd_pid > 0)
			return e->pidfd_pid;
		break;
	case FD_ASK_PROC:
		break;
	}
	char fdinfo[64], line[128];
	pid_t target = -1;
	snprintf(fdinfo, sizeof(fdinfo), "/proc/%d/fdinfo/%d", pid, fd);
	FILE *f = fopen(fdinfo, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Pid: %d", &target) == 1)
			break;
	fclose(f);
	return target;
}

/*
 * -y's <...> after fd FD as strace's --decode-fds set asks, first kind that applies: a
 * socket's endpoints, a device's type and numbers, a pidfd's pid, the path.
 */
void fd_decorate(const struct trace_opts *opt, pid_t pid, int fd, struct out *o)
{
	char path[PATH_MAX];
	unsigned int set = opt ? opt->decode_fd_kinds : 0;
	if (!set || fd < 0)
		return;
	/* PID is the tracer's id: /proc may be another pid namespace's (unshare -p). */
	pid = pidns_proc_pid(pid);
	if (!fd_path(pid, fd, path, sizeof(path)))
		return;
	if ((set & DECODE_FD_SOCKET) && !strncmp(path, "socket:[", 8)) {
		char details[256];
		out_printf(o, "<%s>", fd_socket_details(pid, fd, path, details, sizeof(details))
					      ? details : path);
		return;
	}
	if (set & DECODE_FD_DEV) {
		/* Device files with their type and numbers: </dev/null<char 1:3>>. */
		char link[64], now[PATH_MAX];
		struct stat st;
		const struct fd_entry *e = NULL;
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", pid, fd);
		/* The path itself when /proc no longer holds that file there (eBPF: printed
		 * after the fact, the fd closed or reused since), unless the kernel said. */
		const char *file = proc_fd_link(pid, fd, now, sizeof(now)) && !strcmp(now, path) ?
					   link : path;
		if (fd_tables_find(pid, fd, &e) == FD_OPEN && e->dev_type) {
			st.st_mode = e->dev_type;
			st.st_rdev = makedev(e->dev_major, e->dev_minor);
		} else if (path[0] != '/' || stat(file, &st)) {
			st.st_mode = 0;
		}
		if (path[0] == '/' && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))) {
			out_printf(o, "<%s<%s %u:%u>>", path, S_ISCHR(st.st_mode) ? "char" : "block",
				   major(st.st_rdev), minor(st.st_rdev));
			return;
		}
	}
	if ((set & DECODE_FD_PIDFD) && !strcmp(path, "anon_inode:[pidfd]")) {
		pid_t target = fd_pidfd_pid(pid, fd);
		if (target > 0)
			out_printf(o, "<pid:%d>", target);
		else
			out_printf(o, "<%s>", path);
		return;
	}
	if (!(set & DECODE_FD_PATH))
		return;
	/* The kernel marks an unlinked file's link " (deleted)"; strace moves it outside. */
	bool gone = fd_path_cut_unlinked_mark(pid, fd, path);
	/* escaped as a string is (-x too), '<' and '>' among what is escaped */
	struct pr quoting;
	pr_reset(&quoting, o);
	quoting.str_style = opt->str_style;
	pr_quoted(&quoting, path, strlen(path), PR_QUOTE_ANGLED);
	if (gone)
		out_puts(o, "(deleted)");
}

void print_fd(struct sc *sc, int fd)
{
	pr_int(sc->p, fd);
	fd_decorate(sc->opt, sc->pid, fd, sc->p->o);
}

void print_pid(struct sc *sc, int pid, int kind)
{
	pr_pid(sc->p, pid, kind);
}

void print_neg_errno(struct sc *sc, int64_t v)
{
	const char *name = v < 0 && v >= -4095 ? errno_name((int)-v) : NULL;
	if (!name || sc->p->xlat_style != PR_XLAT_ABBREV)
		pr_int(sc->p, v);
	if (!name || sc->p->xlat_style == PR_XLAT_RAW)
		return;
	if (sc->p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(sc->p, "-%s", name);
	else
		pr_textf(sc->p, "-%s", name);
}

void print_dirfd(struct sc *sc, int fd)
{
	if (fd == AT_FDCWD) {
		if (sc->p->xlat_style == PR_XLAT_RAW)
			pr_int(sc->p, fd);
		else if (sc->p->xlat_style == PR_XLAT_VERBOSE) {
			pr_int(sc->p, fd);
			pr_comment(sc->p, "AT_FDCWD");
		} else
			pr_text(sc->p, "AT_FDCWD");
		/* -y decorates AT_FDCWD with the process's working directory. */
		if (sc->opt && (sc->opt->decode_fd_kinds & DECODE_FD_PATH)) {
			char link[64], cwd[PATH_MAX];
			const char *known = fd_tables_cwd(sc->pid);
			snprintf(link, sizeof(link), "/proc/%d/cwd", pidns_proc_pid(sc->pid));
			ssize_t n = known ? 0 : readlink(link, cwd, sizeof(cwd) - 1);
			if (known) {
				pr_rawf(sc->p, "<%s>", known);
			} else if (n >= 0) {
				cwd[n] = 0;
				pr_rawf(sc->p, "<%s>", cwd);
			}
		}
		return;
	}
	print_fd(sc, fd);
}

void print_addr(struct sc *sc, uint64_t addr)
{
	pr_ptr(sc->p, addr);
}

static long read_string(struct sc *sc, uint64_t addr, char *buf, size_t n)
{
	if (!sc->mem || !sc->mem->read_str)
		return -1;
	return sc->mem->read_str(sc->mem, addr, buf, n);
}

void print_path(struct sc *sc, uint64_t addr)
{
	char buf[PATH_MAX + 1];
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	long n = read_string(sc, addr, buf, PATH_MAX);
	if (n < 0) {
		pr_hex(sc->p, addr);
		return;
	}
	/* A path longer than PATH_MAX-1 prints its first PATH_MAX-1 bytes and "...". */
	unsigned flags = 0;
	if (n >= PATH_MAX) {
		n = PATH_MAX - 1;
		flags = PR_QUOTE_ELLIPSIS;
	}
	pr_quoted(sc->p, buf, (size_t)n, flags);
}

void print_str_max(struct sc *sc, uint64_t addr, size_t max)
{
	char buf[PATH_MAX + 1];
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	if (max > PATH_MAX)
		max = PATH_MAX;
	long n = read_string(sc, addr, buf, max);
	if (n < 0)
		pr_hex(sc->p, addr);
	else
		pr_quoted(sc->p, buf, (size_t)n, (size_t)n >= max ? PR_QUOTE_ELLIPSIS : 0);
}

int str_limit(const struct sc *sc)
{
	return sc->opt ? sc->opt->string_limit : 32;
}

void print_str(struct sc *sc, uint64_t addr)
{
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	size_t limit = (size_t)str_limit(sc);
	char stackbuf[256];
	char *buf = limit + 1 <= sizeof(stackbuf) ? stackbuf : xmalloc(limit + 1);
	/* Read one byte past the limit to tell whether the string went on. */
	long n = read_string(sc, addr, buf, limit + 1);
	if (n < 0)
		pr_hex(sc->p, addr);
	else if ((size_t)n > limit)
		pr_quoted(sc->p, buf, limit, PR_QUOTE_ELLIPSIS);
	else
		pr_quoted(sc->p, buf, (size_t)n, 0);
	if (buf != stackbuf)
		free(buf);
}

static void print_buf_quoted(struct sc *sc, uint64_t addr, uint64_t len, unsigned flags)
{
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	size_t limit = (size_t)str_limit(sc);
	size_t n = len < limit ? (size_t)len : limit;
	/* One byte past the limit is read too, as strace reads it: a buffer that runs into
	 * unreadable memory there prints as its address. */
	size_t want = len <= limit ? n : limit + 1;
	char stackbuf[256];
	char *buf = want <= sizeof(stackbuf) ? stackbuf : xmalloc(want);
	if (umove(sc, addr, buf, want) < 0)
		pr_hex(sc->p, addr);
	else
		pr_quoted(sc->p, buf, n, flags | (len > n ? PR_QUOTE_ELLIPSIS : 0));
	if (buf != stackbuf)
		free(buf);
}

void print_str_array(struct sc *sc, uint64_t addr)
{
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	uint64_t first;
	if (UMOVE(sc, addr, &first) < 0) {
		pr_hex(sc->p, addr);
		return;
	}
	pr_array_begin(sc->p);
	int limit = str_limit(sc);
	for (int i = 0;; i++) {
		uint64_t elem;
		if (UMOVE(sc, addr + 8 * (uint64_t)i, &elem) < 0) {
			pr_more(sc->p);
			break;
		}
		if (!elem)
			break;
		if (i >= limit) {
			pr_more(sc->p);
			break;
		}
		print_str(sc, elem);
	}
	pr_array_end(sc->p);
}

void print_buf(struct sc *sc, uint64_t addr, uint64_t len)
{
	print_buf_quoted(sc, addr, len, 0);
}

void print_buf_hex(struct sc *sc, uint64_t addr, uint64_t len)
{
	print_buf_quoted(sc, addr, len, PR_QUOTE_HEX);
}

int decode_generic(struct sc *sc)
{
	const char *kinds = sc->info ? sc->info->arg_kinds : "";
	int nargs = sc->info ? sc->info->nargs : 6;
	bool known = true;	/* KINDS has a letter for argument I (it may be shorter) */
	for (int i = 0; i < nargs; i++) {
		known = known && kinds[i];
		char k = known ? kinds[i] : 'x';
		switch (k) {
		case 'd':
			print_fd(sc, (int)sc->arg[i]);
			break;
		case 'p':
			print_path(sc, sc->arg[i]);
			break;
		case 's':
			print_str(sc, sc->arg[i]);
			break;
		default:
			pr_hex(sc->p, sc->arg[i]);
			break;
		}
	}
	return RV_DECODED | RV_DEC;
}

int decode_raw(struct sc *sc)
{
	int nargs = sc->info ? sc->info->nargs : 6;
	for (int i = 0; i < nargs; i++)
		pr_hex(sc->p, sc->arg[i]);
	return RV_DECODED | RV_HEX;
}

void print_quoted_char(struct pr *p, unsigned char c, bool esc_ws)
{
	static const char ws[] = "tnvfr";
	if (c >= ' ' && c < 0x7f)
		pr_textf(p, c == '\'' || c == '\\' ? "'\\%c'" : "'%c'", c);
	else if (esc_ws && c >= '\t' && c <= '\r')
		pr_textf(p, "'\\%c'", ws[c - '\t']);
	else
		pr_textf(p, "'\\x%02x'", c);
}

/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/printer.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "output/out.h"
#include "output/pr.h"
#include "schema/names.h"
#include "trace/count.h"
#include "trace/decode.h"
#include "trace/pid_note.h"
#include "trace/print_extra.h"
#include "trace/tamper.h"
#include "util/util.h"

/* An output file: shared by all processes, or one per process with -ff. */
struct stream {
	int fd;
	bool line_flush;		/* flush each line: a terminal, or shared with the tracee */
	struct out buf;
	struct proc *open_line;		/* whose line is still unfinished on this stream */
	struct timespec last_flush;
};

/* What the printer knows of one traced process. */
struct proc {
	pid_t pid;
	struct stream *stream;
	bool in_syscall;
	bool shown;			/* this syscall is printed (traced and not filtered) */
	bool decoded;			/* the decoder finished its arguments at entry */
	bool interrupted;		/* its line was cut by another process's line */
	bool held;			/* -z/-Z: its line is never cut, printed whole or not at all */
	uint32_t pr_items;		/* separator state of its argument list */
	int pr_depth;			/* nesting where entry stopped (inside a struct: > 0) */
	struct sc sc;
	decoder_fn *decode;
	struct out line;		/* the text of its current line, not yet on the stream */
	struct timespec entry_time;
	uint64_t entry_stime;
	const char *last_exited;	/* its last traced syscall to return (restart_syscall) */
	struct tamper_proc *tamper;	/* -e inject= counters, made on first use */
	unsigned tampered;		/* TAMPER_* of the syscall in progress */
	char comm[64];			/* -Y: its name, for the pid prefix */
	uint64_t ip;			/* -i: where its current stop is, if ip_known */
	bool ip_known;
	long nr;			/* the syscall in progress */
};

struct printer {
	const struct trace_opts *opt;
	struct stream main;
	bool per_pid_files;		/* -ff -o FILE */
	bool pid_prefix;		/* "%-5u " on every line */
	int nprocs;
	struct proc **procs;		/* open hash by pid */
	size_t nslots;
	struct count_table *count;
	struct timespec last_leader;	/* for -r */
	struct pr pr;
	struct pid_notes notes;		/* --decode-pids: whose line P->pr prints */
	pid_t pipe_pid;			/* -o '|CMD': the shell that reads the trace */
};

/* ---- streams ---- */

static void stream_flush(struct stream *s)
{
	size_t off = 0;
	while (off < s->buf.len) {
		ssize_t n = write(s->fd, s->buf.buf + off, s->buf.len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;	/* a full disk or a closed pipe: the lines are lost, not the trace */
		}
		off += (size_t)n;
	}
	s->buf.len = 0;
}

/* Do fds A and B write to one file? Devices (/dev/null) do not interleave visibly. */
static bool same_file(int a, int b)
{
	struct stat sa, sb;
	return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 && !S_ISCHR(sa.st_mode) &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void stream_open(struct stream *s, int fd)
{
	s->fd = fd;
	/* Lines interleave with the command's own output when both go to one place. */
	s->line_flush = isatty(fd) || same_file(fd, STDOUT_FILENO) ||
			(fd != STDERR_FILENO && same_file(fd, STDERR_FILENO));
}

/* Called after each line: keeps output timely without a write(2) per line. */
static void stream_line_done(struct stream *s)
{
	if (s->line_flush || s->buf.len >= 64 * 1024) {
		stream_flush(s);
		return;
	}
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	if (now.tv_sec - s->last_flush.tv_sec >= 1 ||
	    (now.tv_sec == s->last_flush.tv_sec && now.tv_nsec - s->last_flush.tv_nsec > 200000000)) {
		stream_flush(s);
		s->last_flush = now;
	}
}

/* ---- processes ---- */

static size_t slot_of(const struct printer *P, pid_t pid)
{
	return ((size_t)pid * 2654435761u) & (P->nslots - 1);
}

static struct proc *proc_find(struct printer *P, pid_t pid)
{
	if (!P->nslots)
		return NULL;
	for (size_t i = slot_of(P, pid);; i = (i + 1) & (P->nslots - 1)) {
		if (!P->procs[i])
			return NULL;
		if (P->procs[i]->pid == pid)
			return P->procs[i];
	}
}

static void proc_insert(struct printer *P, struct proc *p)
{
	size_t i = slot_of(P, p->pid);
	while (P->procs[i])
		i = (i + 1) & (P->nslots - 1);
	P->procs[i] = p;
}

static struct stream *stream_for_pid(struct printer *P, pid_t pid)
{
	if (!P->per_pid_files)
		return &P->main;
	char *path;
	if (asprintf(&path, "%s.%d", P->opt->outfile, pid) < 0)
		return &P->main;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		msg_errno("Can't fopen '%s'", path);
		free(path);
		return &P->main;
	}
	free(path);
	struct stream *s = xcalloc(1, sizeof(*s));
	stream_open(s, fd);
	return s;
}

static struct proc *proc_get(struct printer *P, pid_t pid)
{
	struct proc *p = proc_find(P, pid);
	if (p)
		return p;
	if ((size_t)(P->nprocs + 1) * 2 > P->nslots) {
		struct proc **old = P->procs;
		size_t oldn = P->nslots;
		P->nslots = P->nslots ? P->nslots * 2 : 64;
		P->procs = xcalloc(P->nslots, sizeof(*P->procs));
		for (size_t i = 0; i < oldn; i++)
			if (old[i])
				proc_insert(P, old[i]);
		free(old);
	}
	p = xcalloc(1, sizeof(*p));
	p->pid = pid;
	p->nr = -1;
	p->stream = stream_for_pid(P, pid);
	if (P->opt->decode_pids & DECODE_PIDS_COMM)
		pid_comm(pidns_proc_pid(pid), p->comm, sizeof(p->comm));
	proc_insert(P, p);
	P->nprocs++;
	return p;
}

/* Takes P out of the table; backward-shift deletion keeps every probe chain unbroken. */
static void proc_unlink(struct printer *P, struct proc *p)
{
	size_t i = slot_of(P, p->pid);
	while (P->procs[i] != p)
		i = (i + 1) & (P->nslots - 1);
	P->procs[i] = NULL;
	for (size_t j = (i + 1) & (P->nslots - 1); P->procs[j]; j = (j + 1) & (P->nslots - 1)) {
		struct proc *q = P->procs[j];
		P->procs[j] = NULL;
		proc_insert(P, q);
	}
	P->nprocs--;
}

static void proc_remove(struct printer *P, struct proc *p)
{
	proc_unlink(P, p);
	if (p->stream->open_line == p)
		p->stream->open_line = NULL;
	if (p->stream != &P->main) {
		stream_flush(p->stream);
		close(p->stream->fd);
		out_free(&p->stream->buf);
		free(p->stream);
	}
	out_free(&p->line);
	tamper_proc_free(p->tamper);
	pidns_forget(p->pid);
	free(p);
}

/* ---- lines ---- */

/*
 * strace prints an argument's separator as soon as the argument is printed, so a line cut
 * after entry ends with ", " when arguments are still to come at exit.
 */
static void pending_separator(struct proc *p)
{
	if (!p->decoded && p->pr_depth == 0 && (p->pr_items & 1))
		out_write(&p->line, ", ", 2);
}

/* If another process left a line half-printed, ends it with "<unfinished ...>". */
static void cut_open_line(struct stream *s, struct proc *except)
{
	struct proc *o = s->open_line;
	if (!o || o == except)
		return;
	if (o->held) {
		/* -z/-Z: the line waits whole in its buffer until the outcome is known. */
		s->open_line = NULL;
		return;
	}
	pending_separator(o);
	out_write(&s->buf, o->line.buf, o->line.len);
	out_puts(&s->buf, " <unfinished ...>\n");
	o->line.len = 0;
	o->interrupted = true;
	s->open_line = NULL;
	stream_line_done(s);
}

/* Pid prefix and timestamps, into P's line buffer. */
static void leader(struct printer *P, struct proc *p)
{
	const struct trace_opts *o = P->opt;
	struct out *l = &p->line;
	cut_open_line(p->stream, p);
	l->len = 0;
	if (P->pid_prefix || (P->nprocs > 1 && !o->outfile)) {
		/* -Y: the name follows the pid, which is then not padded in the -o form. */
		bool comm = (o->decode_pids & DECODE_PIDS_COMM) && p->comm[0];
		if (!P->pid_prefix) {
			out_printf(l, "[pid %5u", (unsigned)p->pid);
		} else {
			out_put_udec(l, (unsigned)p->pid, 0);
			if (!comm)
				out_pad_to(l, 0, 5);	/* "%-5u" */
		}
		if (comm) {
			pr_reset(&P->pr, l);
			pr_quoted(&P->pr, p->comm, strlen(p->comm), PR_QUOTE_ANGLED);
		}
		out_puts(l, P->pid_prefix ? " " : "] ");
	}
	if (o->timestamps != TS_NONE) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		long frac = ts.tv_nsec;
		for (int d = 9; d > o->ts_digits; d--)
			frac /= 10;
		if (o->timestamps == TS_EPOCH) {
			out_printf(l, "%lld", (long long)ts.tv_sec);
		} else {
			struct tm tm;
			char buf[16];
			localtime_r(&ts.tv_sec, &tm);
			strftime(buf, sizeof(buf), "%T", &tm);
			out_puts(l, buf);
		}
		if (o->timestamps != TS_TIME && o->ts_digits)
			out_printf(l, ".%0*ld", o->ts_digits, frac);
		out_putc(l, ' ');
	}
	if (o->relative) {
		struct timespec now, d;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (!P->last_leader.tv_sec)
			P->last_leader = now;
		d.tv_sec = now.tv_sec - P->last_leader.tv_sec;
		d.tv_nsec = now.tv_nsec - P->last_leader.tv_nsec;
		if (d.tv_nsec < 0) {
			d.tv_sec--;
			d.tv_nsec += 1000000000;
		}
		P->last_leader = now;
		out_printf(l, "%s%6ld", o->timestamps ? "(+" : "", (long)d.tv_sec);
		if (o->rel_digits) {
			long frac = d.tv_nsec;
			for (int n = 9; n > o->rel_digits; n--)
				frac /= 10;
			out_printf(l, ".%0*ld", o->rel_digits, frac);
		}
		out_puts(l, o->timestamps ? ") " : " ");
	}
	/* -n: the number of the syscall in progress or of the last one, on every line of the
	 * process, as strace prints its true_scno */
	if (o->syscall_number) {
		if (p->nr >= 0)
			out_printf(l, "[%4ld] ", p->nr);
		else
			out_puts(l, "[???] ");
	}
	/* -i: a stop that is not at an instruction (an exit) has question marks. */
	if (o->instruction_pointer) {
		if (p->ip_known)
			out_printf(l, "[%016" PRIx64 "] ", p->ip);
		else
			out_puts(l, "[????????????????] ");
	}
}

/* Moves P's finished line onto its stream. */
static void commit_line(struct proc *p)
{
	struct stream *s = p->stream;
	out_write(&s->buf, p->line.buf, p->line.len);
	p->line.len = 0;
	if (s->open_line == p)
		s->open_line = NULL;
	stream_line_done(s);
}

static const char *sc_name(const struct sc *sc, char *buf, size_t n)
{
	if (sc->info)
		return sc->info->name;
	snprintf(buf, n, "syscall_%#lx", (unsigned long)sc->nr);
	return buf;
}

static bool printing(const struct printer *P)
{
	return P->opt->count != 1;
}

/* ---- syscalls ---- */

/* A number the table does not know is always printed, whatever -e trace= says, as strace
 * prints it (raw: syscall_0x1d6(...)): no class or name can leave it out. */
static bool wanted(const struct printer *P, long nr)
{
	if (!syscall_by_nr(nr))
		return true;
	return sc_set_has(&P->opt->trace, nr);
}

static void on_entry(struct printer *P, struct proc *p, const struct tracer_event *ev)
{
	struct sc *sc = &p->sc;
	p->in_syscall = true;
	p->interrupted = false;
	p->entry_time = ev->when;
	p->entry_stime = ev->stime_ns;
	p->nr = ev->nr;
	p->shown = wanted(P, ev->nr);
	if (!p->shown)
		return;
	P->notes.tracee = p->pid;
	memset(sc, 0, sizeof(*sc));
	sc->prev_name = p->last_exited;
	sc->opt = P->opt;
	sc->pid = ev->pid;
	sc->nr = ev->nr;
	sc->info = syscall_by_nr(ev->nr);
	memcpy(sc->arg, ev->args, sizeof(sc->arg));
	sc->sp = ev->sp;
	sc->verbose = !sc_set_has(&P->opt->abbrev, ev->nr);
	sc->no_deref = !sc_set_has(&P->opt->verbose, ev->nr);
	p->decode = sc_set_has(&P->opt->raw, ev->nr) ? decode_raw : decoder_for(ev->nr);
	if (P->opt->paths && !path_filter_match(sc, ev->mem)) {
		p->shown = false;
		return;
	}
	/* strace tampers only with the syscalls it traces, -c or not, before decoding. */
	p->tampered = 0;
	if (P->opt->tamper) {
		sc->mem = ev->mem;
		p->tampered = tamper_enter(P->opt->tamper, &p->tamper, sc, ev->action);
	}
	if (!printing(P))
		return;

	char nbuf[32];
	leader(P, p);
	out_puts(&p->line, sc_name(sc, nbuf, sizeof(nbuf)));
	out_putc(&p->line, '(');
	pr_reset(&P->pr, &p->line);
	P->pr.xlat_style = P->opt->xlat_style;
	P->pr.str_style = P->opt->str_style;
	sc->p = &P->pr;
	sc->mem = ev->mem;
	int r = p->decode(sc);
	p->decoded = r != DEC_AT_EXIT;
	p->sc.priv[3] = p->decoded ? (uint64_t)r : 0;
	p->pr_items = P->pr.has_items;
	p->pr_depth = P->pr.depth;
	p->held = P->opt->status != STATUS_ALL;
	p->stream->open_line = p;
}

/* The status class of a finished syscall, for -e status=. */
static unsigned status_of(const struct sc *sc)
{
	return sc->err ? STATUS_FAILED : STATUS_SUCCESSFUL;
}

static void print_result(struct printer *P, struct proc *p, int fmt)
{
	struct sc *sc = &p->sc;
	struct out *l = &p->line;
	int64_t rv = sc->rval;

	if (sc->err) {
		const char *name = errno_name(sc->err);
		/* Restart codes never reach the process: strace shows them as "= ?". */
		if (sc->err >= 512 && sc->err <= 516)
			out_printf(l, "? %s (%s)", name, errno_message(sc->err));
		else if (name)
			out_printf(l, "-1 %s (%s)", name, errno_message(sc->err));
		else
			out_printf(l, "-1 (errno %d)", sc->err);
		return;
	}
	switch (fmt & RV_FMT_MASK) {
	case RV_NONE:
		out_putc(l, '?');
		break;
	case RV_HEX:
		out_printf(l, "%#" PRIx64, (uint64_t)rv);
		break;
	case RV_OCT:
		/* strace prints modes with at least three digits: umask(022) = 000. */
		out_printf(l, "%#03" PRIo64, (uint64_t)rv);
		break;
	case RV_UDEC:
		out_put_udec(l, (uint64_t)rv, 0);
		break;
	case RV_FD:
		out_put_sdec(l, rv);
		fd_decorate(P->opt, p->pid, (int)rv, l);
		break;
	case RV_PID:
		pr_reset(&P->pr, l);
		pr_pid(&P->pr, rv, RV_PID_KIND(fmt));
		break;
	default:
		if (fmt & RV_AUX_STR)
			out_puts(l, sc->aux);
		else
			out_put_sdec(l, rv);
		break;
	}
	if ((fmt & RV_AUX) && (sc->aux[0] || (fmt & RV_AUX_ALWAYS)))
		out_printf(l, " (%s)", sc->aux);
}

static void end_args_and_pad(struct printer *P, struct proc *p)
{
	out_puts(&p->line, ") ");
	out_pad_to(&p->line, 0, (size_t)P->opt->align_column);
	out_puts(&p->line, "= ");
}

static void print_duration(struct printer *P, struct proc *p, const struct timespec *end)
{
	int64_t ns = (end->tv_sec - p->entry_time.tv_sec) * 1000000000ll +
		     (end->tv_nsec - p->entry_time.tv_nsec);
	int digits = P->opt->times_digits;
	int64_t div = 1;
	for (int d = 9; d > digits; d--)
		div *= 10;
	if (digits)
		out_printf(&p->line, " <%" PRId64 ".%0*" PRId64 ">", ns / 1000000000,
			   digits, (ns % 1000000000) / div);
	else
		out_printf(&p->line, " <%" PRId64 ">", ns / 1000000000);
}

/* Can syscall NR change the name of the process (/proc/PID/comm)? */
static bool renames(long nr)
{
	const struct syscall_info *si = syscall_by_nr(nr);
	return si && (!strcmp(si->name, "execve") || !strcmp(si->name, "execveat") ||
		      !strcmp(si->name, "prctl"));
}

static void on_exit_stop(struct printer *P, struct proc *p, const struct tracer_event *ev)
{
	struct sc *sc = &p->sc;
	if (!p->in_syscall)
		return;
	p->in_syscall = false;
	/* execve and prctl(PR_SET_NAME) rename the process: its lines from this one on say so. */
	if ((P->opt->decode_pids & DECODE_PIDS_COMM) && !ev->is_error && renames(p->nr))
		pid_comm(pidns_proc_pid(p->pid), p->comm, sizeof(p->comm));
	if (!p->shown)
		return;
	sc->rval = ev->rval;
	sc->err = ev->is_error ? (int)-ev->rval : 0;
	P->notes.tracee = p->pid;
	if (p->tampered)
		tamper_exit(P->opt->tamper, &p->tampered, sc, ev->action);
	if (sc->info && (sc->info->classes & SC_NEVER_FAILS))
		sc->err = 0;
	sc->exiting = true;
	sc->mem = ev->mem;

	if (P->count) {
		uint64_t t;
		if (P->opt->wall_time)
			t = (uint64_t)((ev->when.tv_sec - p->entry_time.tv_sec) * 1000000000ll +
				       (ev->when.tv_nsec - p->entry_time.tv_nsec));
		else
			t = ev->stime_ns - p->entry_stime;
		/* -O: what tracing itself is deemed to cost each syscall. */
		t = t > P->opt->overhead_ns ? t - P->opt->overhead_ns : 0;
		count_add(P->count, sc->nr, t, sc->err != 0);
	}
	if (!printing(P))
		return;
	if (sc->info)
		p->last_exited = sc->info->name;

	if (!(P->opt->status & status_of(sc))) {
		if (!p->interrupted) {
			p->line.len = 0;
			if (p->stream->open_line == p)
				p->stream->open_line = NULL;
			return;
		}
	}
	if (p->interrupted) {
		char nbuf[32];
		leader(P, p);
		out_printf(&p->line, "<... %s resumed>", sc_name(sc, nbuf, sizeof(nbuf)));
		p->pr_items = 0;
	}
	pr_reset(&P->pr, &p->line);
	P->pr.xlat_style = P->opt->xlat_style;
	P->pr.str_style = P->opt->str_style;
	P->pr.has_items = p->pr_items;
	P->pr.depth = p->pr_depth;
	sc->p = &P->pr;
	int fmt = p->decoded ? (int)sc->priv[3] : p->decode(sc);
	end_args_and_pad(P, p);
	print_result(P, p, fmt);
	if (p->tampered)
		tamper_note(p->tampered, &p->line);
	if (P->opt->syscall_times)
		print_duration(P, p, &ev->when);
	out_putc(&p->line, '\n');
	print_io_dumps(sc, &p->line);
	commit_line(p);
}

/* A process ended inside a syscall: close its line with "= ?". */
static void finish_unended(struct printer *P, struct proc *p)
{
	if (!p->in_syscall || !p->shown || !printing(P))
		return;
	if (!(P->opt->status & STATUS_UNFINISHED) && !p->interrupted) {
		p->line.len = 0;
		if (p->stream->open_line == p)
			p->stream->open_line = NULL;
		p->in_syscall = false;
		return;
	}
	/* The decoder meant to print more at the exit that does not come. */
	if (p->interrupted) {
		char nbuf[32];
		leader(P, p);
		out_printf(&p->line, "<... %s resumed>%s", sc_name(&p->sc, nbuf, sizeof(nbuf)),
			   p->decoded ? "" : " <unfinished ...>");
	} else if (!p->decoded) {
		pending_separator(p);
		out_puts(&p->line, " <unfinished ...>");
	}
	end_args_and_pad(P, p);
	out_puts(&p->line, "?\n");
	commit_line(p);
	p->in_syscall = false;
}

/* ---- other events ---- */

static void on_signal(struct printer *P, struct proc *p, const struct tracer_event *ev)
{
	if (!(P->opt->signals >> (ev->sig - 1) & 1) || !printing(P))
		return;
	leader(P, p);
	out_printf(&p->line, "--- %s ", signal_name(ev->sig) ? signal_name(ev->sig) : "SIG???");
	pr_reset(&P->pr, &p->line);
	P->notes.tracee = p->pid;
	print_siginfo(&P->pr, &ev->si);
	out_puts(&p->line, " ---\n");
	commit_line(p);
}

static void on_group_stop(struct printer *P, struct proc *p, const struct tracer_event *ev)
{
	if (!(P->opt->signals >> (ev->sig - 1) & 1) || !printing(P))
		return;
	leader(P, p);
	out_printf(&p->line, "--- stopped by %s ---\n", signal_name(ev->sig));
	commit_line(p);
}

static void on_gone(struct printer *P, struct proc *p, const struct tracer_event *ev)
{
	finish_unended(P, p);
	if (printing(P) && !(P->opt->silence & QUIET_EXIT)) {
		leader(P, p);
		if (ev->kind == TEV_EXITED)
			out_printf(&p->line, "+++ exited with %d +++\n", ev->status);
		else
			out_printf(&p->line, "+++ killed by %s%s +++\n", signal_name(ev->sig),
				   ev->core_dumped ? " (core dumped)" : "");
		commit_line(p);
	}
	proc_remove(P, p);
}

/*
 * Thread EV->old_pid exec'd: as strace, its line goes on under the leader's pid EV->pid (and
 * in the leader's -ff file), and the leader it replaced is forgotten.
 */
static void on_superseded(struct printer *P, const struct tracer_event *ev)
{
	struct proc *t = proc_find(P, ev->old_pid), *l = proc_find(P, ev->pid);
	if (!t)
		return;
	if (l)
		finish_unended(P, l);
	if (t->stream->open_line == t) {
		out_write(&t->stream->buf, t->line.buf, t->line.len);
		out_printf(&t->stream->buf, " <pid changed to %d ...>\n", ev->pid);
		t->line.len = 0;
		t->stream->open_line = NULL;
		stream_line_done(t->stream);
	}
	if (l) {
		struct stream *s = t->stream;
		t->stream = l->stream;
		l->stream = s;
		proc_remove(P, l);
	}
	proc_unlink(P, t);
	pidns_forget(t->pid);
	t->pid = ev->pid;
	proc_insert(P, t);
	P->nprocs++;
	t->interrupted = t->in_syscall;
	if (printing(P) && !(P->opt->silence & QUIET_THREAD_EXECVE)) {
		leader(P, t);
		out_printf(&t->line, "+++ superseded by execve in pid %d +++\n", ev->old_pid);
		commit_line(t);
	}
}

static void on_detached(struct printer *P, struct proc *p)
{
	if (p->in_syscall && p->shown && printing(P) && p->stream->open_line == p) {
		pending_separator(p);
		out_puts(&p->line, " <detached ...>\n");
		commit_line(p);
	}
	proc_remove(P, p);
}

void printer_event(void *ctx, const struct tracer_event *ev)
{
	struct printer *P = ctx;
	struct proc *p = NULL;
	if (P->opt->instruction_pointer && ev->kind <= TEV_KILLED) {
		p = proc_get(P, ev->pid);
		p->ip = ev->ip;
		p->ip_known = ev->kind == TEV_SYSCALL_ENTRY || ev->kind == TEV_SYSCALL_EXIT ||
			      ev->kind == TEV_SIGNAL;
	}
	switch (ev->kind) {
	case TEV_SYSCALL_ENTRY:
		on_entry(P, proc_get(P, ev->pid), ev);
		break;
	case TEV_SYSCALL_EXIT:
		on_exit_stop(P, proc_get(P, ev->pid), ev);
		break;
	case TEV_SIGNAL:
		on_signal(P, proc_get(P, ev->pid), ev);
		break;
	case TEV_GROUP_STOP:
		on_group_stop(P, proc_get(P, ev->pid), ev);
		break;
	case TEV_EXITED:
	case TEV_KILLED:
		p = proc_get(P, ev->pid);
		/* -Y of a process met only at its end, when /proc no longer has it */
		if (!p->comm[0] && ev->comm[0])
			snprintf(p->comm, sizeof(p->comm), "%.*s", (int)sizeof(ev->comm), ev->comm);
		on_gone(P, p, ev);
		break;
	case TEV_EXEC_SUPERSEDED:
		on_superseded(P, ev);
		break;
	case TEV_EXITING:
		p = proc_find(P, ev->pid);
		if (p)
			finish_unended(P, p);
		break;
	case TEV_ATTACHED:
	case TEV_NEW_CHILD:
		proc_get(P, ev->pid);
		break;
	case TEV_DETACHED:
		p = proc_find(P, ev->pid);
		if (p)
			on_detached(P, p);
		break;
	}
}

/* -o '|CMD' or -o '!CMD': the trace is written to sh -c CMD. The pipe's write end, or -1. */
static int open_pipe(const char *cmd, pid_t *pid)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) < 0) {
		msg_errno("pipe");
		return -1;
	}
	*pid = fork();
	if (*pid < 0) {
		msg_errno("fork");
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (*pid == 0) {
		if (dup2(fds[0], STDIN_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		msg_errno("Can't execute '/bin/sh'");
		_exit(127);
	}
	close(fds[0]);
	return fds[1];
}

struct printer *printer_new(const struct trace_opts *opt)
{
	struct printer *P = xcalloc(1, sizeof(*P));
	P->opt = opt;
	int fd = STDERR_FILENO;
	P->per_pid_files = opt->outfile && opt->follow_forks == 2;
	if (opt->outfile && (opt->outfile[0] == '|' || opt->outfile[0] == '!')) {
		fd = open_pipe(opt->outfile + 1, &P->pipe_pid);
		if (fd < 0) {
			free(P);
			return NULL;
		}
	} else if (opt->outfile && !P->per_pid_files) {
		fd = open(opt->outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0) {
			msg_errno("Can't fopen '%s'", opt->outfile);
			free(P);
			return NULL;
		}
	}
	stream_open(&P->main, fd);
	P->pid_prefix = opt->outfile && !P->per_pid_files &&
			(opt->follow_forks || opt->npids > 1);
	if (opt->count)
		P->count = count_new();
	if (opt->decode_pids) {
		P->notes.what = opt->decode_pids;
		P->pr.pid_note = pid_note;
		P->pr.pid_ctx = &P->notes;
	}
	return P;
}

void printer_finish(struct printer *P)
{
	struct proc **left = xcalloc(P->nslots + 1, sizeof(*left));
	size_t n = 0;
	for (size_t i = 0; i < P->nslots; i++)
		if (P->procs[i])
			left[n++] = P->procs[i];
	for (size_t i = 0; i < n; i++)
		proc_remove(P, left[i]);
	free(left);
	if (P->count) {
		/* The table goes to -o FILE if given, else to stderr. */
		struct stream err = { .fd = STDERR_FILENO };
		struct stream *s = &P->main;
		if (!P->opt->outfile || P->per_pid_files) {
			stream_flush(s);
			s = &err;
		}
		count_print(P->count, P->opt, &s->buf);
		stream_flush(s);
		out_free(&s->buf);
		count_free(P->count);
	}
	stream_flush(&P->main);
	if (P->main.fd != STDERR_FILENO)
		close(P->main.fd);
	/* The reader of -o '|CMD' has all the trace once it ends: wait for it, as strace. */
	while (P->pipe_pid > 0 && waitpid(P->pipe_pid, NULL, 0) < 0 && errno == EINTR)
		;
	out_free(&P->main.buf);
	free(P->procs);
	free(P);
}

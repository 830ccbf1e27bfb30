/* SPDX-License-Identifier: Apache-2.0 */
/* The .scap writer. Choices for compatibility (reference §18): SHB 1.2 without options; the
 * V2 metadata blocks with per-entry lengths; PL_V9 entries end with the pre-libs-0.10 tail
 * (root, loginuid, exe_writable, then the three capability sets: 29 bytes), which sysdig 0.29
 * (it stops after exe_writable) and libs HEAD (a tail of at most 29 bytes is in that order)
 * both read right. The executable's inode, times and layer flags would need the newer tail,
 * whose first field sysdig 0.29 takes for loginuid: they are not written for the threads of
 * the process list (execve exits carry them for the processes started later). Fd types newer
 * than 0.29's (17-21) are written as UNSUPPORTED with their name. */
#include "capture/scap_writer.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "capture/event_builder.h"
#include "capture/event_table.h"
#include "capture/scap_event.h"
#include "capture/scap_format.h"
#include "util/util.h"

#define FLUSH_SIZE (256 * 1024)

struct scap_writer {
	char *name;
	int fd;
	gzFile gz;
	struct scap_buf out;	/* bytes not yet written (raw mode) */
	struct scap_buf blk;	/* the block being built */
	bool in_events;		/* a section has events: metadata would be misplaced */
	bool have_section;
	unsigned long long events;
	unsigned long long produced;	/* bytes of whole blocks made, before any gzip */
	unsigned long long file_len;	/* raw mode: bytes of whole blocks in the file */
	char err[300];
};

/* A u16-length string, clipped to MAX bytes. */
static void wb_str(struct scap_buf *b, const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;

	if (n > max)
		n = max;
	scap_buf_u16(b, (uint16_t)n);
	scap_buf_put(b, s, n);
}

/* A NUL-separated list of LEN bytes, clipped to MAX (on an item boundary if possible). */
static void wb_list(struct scap_buf *b, const char *s, size_t len, size_t max)
{
	if (len > max) {
		len = max;
		while (len && s[len - 1] != '\0')
			len--;
	}
	scap_buf_u16(b, (uint16_t)len);
	scap_buf_put(b, s, len);
}

static void set_err(struct scap_writer *w, int errnum)
{
	if (!w->err[0])
		snprintf(w->err, sizeof(w->err), "%s: %s", w->name, strerror(errnum));
}

static void flush_out(struct scap_writer *w)
{
	size_t done = 0;

	if (w->err[0]) {
		w->out.len = 0;
		return;
	}
	if (w->gz) {
		if (w->out.len && gzwrite(w->gz, w->out.p, (unsigned)w->out.len) <= 0) {
			int zerr;
			const char *m = gzerror(w->gz, &zerr);

			if (zerr == Z_ERRNO)
				set_err(w, errno);
			else
				snprintf(w->err, sizeof(w->err), "%s: gzip: %s", w->name, m);
		}
		w->out.len = 0;
		return;
	}
	while (done < w->out.len) {
		ssize_t n = write(w->fd, w->out.p + done, w->out.len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			set_err(w, n < 0 ? errno : EIO);
			break;
		}
		done += (size_t)n;
	}
	if (done < w->out.len) {
		/* A short write (a full disk) left part of a block: cut the file back to the
		 * last whole block, so it stays readable, and stop counting the events that
		 * did not make it. */
		size_t whole = 0;

		for (size_t at = 0; at + 8 <= w->out.len;) {
			uint32_t bt, blen;

			memcpy(&bt, w->out.p + at, 4);
			memcpy(&blen, w->out.p + at + 4, 4);
			if (at + blen <= done)
				whole = at + blen;
			else if (scap_block_is_event(bt))
				w->events--;
			at += blen;
		}
		if (ftruncate(w->fd, w->file_len + whole) == 0)
			lseek(w->fd, w->file_len + whole, SEEK_SET);
		done = whole;
	}
	w->file_len += done;
	w->out.len = 0;
}

/* Starts a block of type BT in w->blk. */
static void block_begin(struct scap_writer *w, uint32_t bt)
{
	w->blk.len = 0;
	scap_buf_u32(&w->blk, bt);
	scap_buf_u32(&w->blk, 0);
}

/* Pads, writes the lengths and queues the block. */
static int block_end(struct scap_writer *w)
{
	size_t total = (w->blk.len + 4 + 3) & ~(size_t)3;
	uint32_t t32 = (uint32_t)total;

	while (w->blk.len < total - 4)
		scap_buf_u8(&w->blk, 0);
	scap_buf_u32(&w->blk, t32);
	memcpy(w->blk.p + 4, &t32, 4);
	scap_buf_put(&w->out, w->blk.p, w->blk.len);
	w->produced += w->blk.len;
	if (w->out.len >= FLUSH_SIZE)
		flush_out(w);
	return w->err[0] ? -1 : 0;
}

/* A capture holds I/O buffers, command lines and environments: only its owner may read it.
 * O_CREAT's mode applies to a new file only, so a file being overwritten is narrowed too
 * (before any event is written to it). */
static int create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	struct stat st;

	if (fd >= 0 && !fstat(fd, &st) && S_ISREG(st.st_mode) && (st.st_mode & 077) &&
	    fchmod(fd, st.st_mode & 0700)) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

struct scap_writer *scap_writer_open(const char *path, bool gzip, char *err, size_t errlen)
{
	int fd = strcmp(path, "-") ? create_private(path) : dup(1);

	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create: %s", path, strerror(errno));
		return NULL;
	}
	struct scap_writer *w = xcalloc(1, sizeof(*w));

	w->name = xstrdup(path);
	w->fd = fd;
	if (gzip) {
		w->gz = gzdopen(fd, "wb");
		if (!w->gz) {
			snprintf(err, errlen, "%s: cannot start gzip compression", path);
			close(fd);
			free(w->name);
			free(w);
			return NULL;
		}
	}
	return w;
}

static void write_mi(struct scap_writer *w, const struct scap_machine *mi)
{
	uint8_t host[128] = { 0 };

	block_begin(w, SCAP_BT_MI);
	scap_buf_u32(&w->blk, mi->num_cpus);
	scap_buf_u64(&w->blk, mi->memory_bytes);
	scap_buf_u64(&w->blk, mi->max_pid);
	memcpy(host, mi->hostname, strnlen(mi->hostname, 127));
	scap_buf_put(&w->blk, host, sizeof(host));
	scap_buf_u64(&w->blk, mi->boot_ts);
	scap_buf_u64(&w->blk, mi->flags);
	scap_buf_u64(&w->blk, 0);
	scap_buf_u64(&w->blk, 0);
	block_end(w);
}

static void write_il(struct scap_writer *w, const struct scap_meta *m)
{
	block_begin(w, SCAP_BT_IL_V2);
	for (size_t i = 0; i < m->nifaces; i++) {
		const struct scap_iface *f = &m->ifaces[i];
		bool v6 = f->type == SCAP_IFACE_IPV6 || f->type == SCAP_IFACE_IPV6_NOLINKSPEED;
		bool speed = f->type == SCAP_IFACE_IPV4 || f->type == SCAP_IFACE_IPV6;
		unsigned alen = v6 ? 16 : 4;
		size_t nlen = strlen(f->name);

		if (nlen >= SCAP_MAX_IFNAME)
			nlen = SCAP_MAX_IFNAME - 1;
		/* IL_V2's entry length excludes its own 4 bytes. */
		scap_buf_u32(&w->blk, (uint32_t)(4 + 3 * alen + (speed ? 8 : 0) + nlen));
		scap_buf_u16(&w->blk, f->type);
		scap_buf_u16(&w->blk, (uint16_t)nlen);
		scap_buf_put(&w->blk, f->addr, alen);
		scap_buf_put(&w->blk, f->netmask, alen);
		scap_buf_put(&w->blk, f->bcast, alen);
		if (speed)
			scap_buf_u64(&w->blk, f->linkspeed);
		scap_buf_put(&w->blk, f->name, nlen);
	}
	block_end(w);
}

/* Patches the u32 length (including itself) of the entry that starts at AT. */
static void entry_len(struct scap_buf *b, size_t at)
{
	uint32_t l = (uint32_t)(b->len - at);

	memcpy(b->p + at, &l, 4);
}

static void write_ul(struct scap_writer *w, const struct scap_meta *m)
{
	block_begin(w, SCAP_BT_UL_V2);
	for (size_t i = 0; i < m->nusers; i++) {
		const struct scap_user *u = &m->users[i];
		size_t at = w->blk.len;

		scap_buf_u32(&w->blk, 0);
		scap_buf_u8(&w->blk, 0);
		scap_buf_u32(&w->blk, u->uid);
		scap_buf_u32(&w->blk, u->gid);
		wb_str(&w->blk, u->name, SCAP_MAX_CRED_STR - 1);
		wb_str(&w->blk, u->homedir, SCAP_MAX_CRED_STR - 1);
		wb_str(&w->blk, u->shell, SCAP_MAX_CRED_STR - 1);
		entry_len(&w->blk, at);
	}
	for (size_t i = 0; i < m->ngroups; i++) {
		size_t at = w->blk.len;

		scap_buf_u32(&w->blk, 0);
		scap_buf_u8(&w->blk, 1);
		scap_buf_u32(&w->blk, m->groups[i].gid);
		wb_str(&w->blk, m->groups[i].name, SCAP_MAX_CRED_STR - 1);
		entry_len(&w->blk, at);
	}
	block_end(w);
}

static void write_pl(struct scap_writer *w, const struct scap_meta *m)
{
	block_begin(w, SCAP_BT_PL_V9);
	for (size_t i = 0; i < m->nthreads; i++) {
		const struct scap_thread *t = &m->threads[i];
		struct scap_buf *b = &w->blk;
		size_t at = b->len;

		scap_buf_u32(b, 0);
		scap_buf_u64(b, (uint64_t)t->tid);
		scap_buf_u64(b, (uint64_t)t->pid);
		scap_buf_u64(b, (uint64_t)t->ptid);
		scap_buf_u64(b, (uint64_t)t->sid);
		scap_buf_u64(b, (uint64_t)t->vpgid);
		wb_str(b, t->comm, SCAP_MAX_PATH);
		wb_str(b, t->exe, SCAP_MAX_PATH);
		wb_str(b, t->exepath, SCAP_MAX_PATH);
		wb_list(b, t->args, t->args_len, SCAP_MAX_ARGS);
		wb_str(b, t->cwd, SCAP_MAX_PATH);
		scap_buf_u64(b, t->fdlimit);
		scap_buf_u32(b, t->flags);
		scap_buf_u32(b, t->uid);
		scap_buf_u32(b, t->gid);
		scap_buf_u32(b, t->vmsize_kb);
		scap_buf_u32(b, t->vmrss_kb);
		scap_buf_u32(b, t->vmswap_kb);
		scap_buf_u64(b, t->pfmajor);
		scap_buf_u64(b, t->pfminor);
		wb_list(b, t->env, t->env_len, SCAP_MAX_ARGS);
		scap_buf_u64(b, (uint64_t)t->vtid);
		scap_buf_u64(b, (uint64_t)t->vpid);
		wb_list(b, t->cgroups, t->cgroups_len, SCAP_MAX_ARGS);
		wb_str(b, t->root, SCAP_MAX_PATH);
		scap_buf_u32(b, t->loginuid);
		scap_buf_u8(b, t->exe_writable);
		if (t->has_caps) {
			scap_buf_u64(b, t->cap_inheritable);
			scap_buf_u64(b, t->cap_permitted);
			scap_buf_u64(b, t->cap_effective);
		}
		entry_len(b, at);
	}
	block_end(w);
}

static void write_fd_entry(struct scap_buf *b, const struct scap_fd *f)
{
	size_t at = b->len;
	uint8_t type = f->type > SCAP_FD_TYPE_MAX_029 ? SCAP_FD_UNSUPPORTED : f->type;

	scap_buf_u32(b, 0);
	scap_buf_u64(b, (uint64_t)f->fd);
	scap_buf_u64(b, f->ino);
	scap_buf_u8(b, type);
	switch (type) {
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV6_SOCK: {
		unsigned alen = type == SCAP_FD_IPV4_SOCK ? 4 : 16;

		scap_buf_put(b, f->sip, alen);
		scap_buf_put(b, f->dip, alen);
		scap_buf_u16(b, f->sport);
		scap_buf_u16(b, f->dport);
		scap_buf_u8(b, f->l4proto);
		break;
	}
	case SCAP_FD_IPV4_SERVSOCK:
	case SCAP_FD_IPV6_SERVSOCK:
		scap_buf_put(b, f->sip, type == SCAP_FD_IPV4_SERVSOCK ? 4 : 16);
		scap_buf_u16(b, f->sport);
		scap_buf_u8(b, f->l4proto);
		break;
	case SCAP_FD_UNIX_SOCK:
		scap_buf_u64(b, f->unix_src);
		scap_buf_u64(b, f->unix_dst);
		wb_str(b, f->name, SCAP_MAX_PATH - 1);
		break;
	case SCAP_FD_FILE_V2:
		scap_buf_u32(b, f->open_flags);
		wb_str(b, f->name, SCAP_MAX_PATH - 1);
		scap_buf_u32(b, f->dev);
		break;
	default:
		wb_str(b, f->name, SCAP_MAX_PATH - 1);
	}
	entry_len(b, at);
}

static void write_fdl(struct scap_writer *w, const struct scap_thread *t)
{
	block_begin(w, SCAP_BT_FDL_V2);
	scap_buf_u64(&w->blk, (uint64_t)t->tid);
	for (size_t i = 0; i < t->nfds; i++)
		/* UNKNOWN (0) entries are never written. */
		if (t->fds[i].type != SCAP_FD_UNKNOWN)
			write_fd_entry(&w->blk, &t->fds[i]);
	block_end(w);
}

int scap_writer_section(struct scap_writer *w, const struct scap_meta *m)
{
	block_begin(w, SCAP_BT_SHB);
	scap_buf_u32(&w->blk, SCAP_SHB_MAGIC);
	scap_buf_u16(&w->blk, 1);
	scap_buf_u16(&w->blk, 2);
	scap_buf_u64(&w->blk, UINT64_MAX);
	block_end(w);
	w->have_section = true;
	w->in_events = false;
	if (m) {
		if (m->machine.present)
			write_mi(w, &m->machine);
		write_il(w, m);
		write_ul(w, m);
		write_pl(w, m);
		for (size_t i = 0; i < m->nthreads; i++)
			write_fdl(w, &m->threads[i]);
	}
	return w->err[0] ? -1 : 0;
}

/*
 * A parameter the producer could not fill (length 0) is written as zeros of its width, or as
 * the string "(NULL)": sysdig 0.29 reads a number at its full width and a string up to a NUL
 * whatever the length says, so an empty one shows the bytes of the next parameter; "(NULL)"
 * is the drivers' own word for a string they could not read, which sysdig's open parsing
 * skips for the exit's name. Buffers, addresses and tuples may be empty.
 * Strings past the parameters sysdig 0.29 reads stay empty: current libs take length 0 as
 * "not available" and "(NULL)" as a value (execve's trusted_exepath "(NULL)" hides the path
 * they otherwise rebuild from the enter event). Numbers keep their zeros: libs refuse a
 * fixed-width parameter of another length (socket's flags, "expected length 4, found 0").
 */
static const char null_str[] = "(NULL)";

static unsigned filled_len(const struct scap_param_info *pi, bool read_by_029)
{
	if (!pi)
		return 0;
	if (pi->type == SCAP_PT_CHARBUF || pi->type == SCAP_PT_FSPATH ||
	    pi->type == SCAP_PT_FSRELPATH)
		return read_by_029 ? sizeof(null_str) : 0;
	return scap_param_type_width(pi->type);
}

/* EV as is when it needs no filling; otherwise a copy in COPY with PARAMS. */
static const struct scap_event *fill_empty_params(const struct scap_event *ev,
						 struct scap_event *copy,
						 struct scap_param *params, size_t max)
{
	static const uint8_t zeros[16];
	bool need = false;

	const struct scap_event_info *info = scap_event_info(ev->type);
	uint32_t read_by_029 = info && info->nparams_029 > 0 ? (uint32_t)info->nparams_029 : 0;

	for (uint32_t i = 0; i < ev->nparams && !need; i++)
		need = !ev->params[i].len &&
		       filled_len(scap_event_param_info(ev, i), i < read_by_029);
	if (!need || ev->nparams > max)
		return ev;
	*copy = *ev;
	copy->params = params;
	for (uint32_t i = 0; i < ev->nparams; i++) {
		const struct scap_param_info *pi = scap_event_param_info(ev, i);
		unsigned width = filled_len(pi, i < read_by_029);

		params[i] = ev->params[i];
		if (!params[i].len && width && width <= sizeof(zeros)) {
			bool str = pi->type == SCAP_PT_CHARBUF || pi->type == SCAP_PT_FSPATH ||
				   pi->type == SCAP_PT_FSRELPATH;

			params[i].val = str ? (const uint8_t *)null_str : zeros;
			params[i].len = width;
		}
	}
	return copy;
}

/*
 * clone/fork/vfork/clone3 exits: a producer that cannot see pid
 * namespaces writes vtid and vpid (params 18, 19) as 0, which no task has; sysdig 0.29 takes
 * vtid != tid for "in a container" and then learns the child only from the child's own exit.
 * Outside a namespace they equal tid and pid (params 3, 4).
 */
static bool is_clone_exit(unsigned type)
{
	return type == PPME_SYSCALL_CLONE_20_X || type == PPME_SYSCALL_FORK_20_X ||
	       type == PPME_SYSCALL_VFORK_20_X || type == PPME_SYSCALL_CLONE3_X;
}

static void fill_clone_vids(struct scap_event *ev)
{
	static const uint8_t zero8[8];

	if (!is_clone_exit(ev->type) || ev->nparams < 20)
		return;
	for (unsigned i = 18; i <= 19; i++) {
		struct scap_param *v = &ev->params[i], *host = &ev->params[i - 15];

		if (v->len == 8 && !memcmp(v->val, zero8, 8) && host->len == 8)
			*v = *host;
	}
}

int scap_writer_event(struct scap_writer *w, const struct scap_event *in)
{
	struct scap_event copy;
	struct scap_param params[64];
	struct event_builder eb;
	const struct scap_event *ev = fill_empty_params(in, &copy, params, 64);

	if (ev == in && in->nparams <= 64 && is_clone_exit(in->type)) {
		copy = *in;
		memcpy(params, in->params, in->nparams * sizeof(params[0]));
		copy.params = params;
		ev = &copy;
	}
	if (ev == &copy)
		fill_clone_vids(&copy);

	if (!w->have_section && scap_writer_section(w, NULL) < 0)
		return -1;
	size_t rlen = scap_event_record_len(ev->type, ev->nparams, ev->params);
	bool flags = ev->dump_flags != 0;
	size_t hdr = flags ? 6 : 2;
	size_t total = (8 + hdr + rlen + 4 + 3) & ~(size_t)3;
	/* Readers refuse non-LARGE blocks whose size past the 8-byte header exceeds 64 KiB. */
	bool large = total - 8 > SCAP_NONLARGE_MAX;
	uint32_t bt = flags ? (large ? SCAP_BT_EVF_V2_LARGE : SCAP_BT_EVF_V2) :
			      (large ? SCAP_BT_EV_V2_LARGE : SCAP_BT_EV_V2);

	if (rlen > SCAP_BLOCK_MAX - 64) {
		snprintf(w->err, sizeof(w->err), "%s: event of %zu bytes too large", w->name, rlen);
		return -1;
	}
	block_begin(w, bt);
	scap_buf_u16(&w->blk, ev->cpu);
	if (flags)
		scap_buf_u32(&w->blk, ev->dump_flags);
	evb_begin(&eb, &w->blk, ev->ts, ev->tid, ev->type, ev->nparams);
	for (uint32_t i = 0; i < ev->nparams; i++)
		evb_param(&eb, ev->params[i].val, ev->params[i].len);
	evb_end(&eb);
	w->in_events = true;
	w->events++;
	return block_end(w);
}

int scap_writer_close(struct scap_writer *w, char *err, size_t errlen)
{
	flush_out(w);
	if (w->gz) {
		int rc = gzclose(w->gz);

		if (rc != Z_OK && !w->err[0])
			snprintf(w->err, sizeof(w->err), "%s: %s", w->name,
				 rc == Z_ERRNO ? strerror(errno) : "gzip close failed");
	} else if (close(w->fd) < 0) {
		set_err(w, errno);
	}
	int rc = w->err[0] ? -1 : 0;

	if (rc && err)
		snprintf(err, errlen, "%s", w->err);
	scap_buf_free(&w->out);
	scap_buf_free(&w->blk);
	free(w->name);
	free(w);
	return rc;
}

const char *scap_writer_error(const struct scap_writer *w)
{
	return w->err[0] ? w->err : NULL;
}

unsigned long long scap_writer_events(const struct scap_writer *w)
{
	return w->events;
}

unsigned long long scap_writer_bytes(const struct scap_writer *w)
{
	return w->produced;
}

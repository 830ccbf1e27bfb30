/* SPDX-License-Identifier: Apache-2.0 */
/* Metadata tables of a capture section: storage and lookup. */
#include "capture/scap_meta.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void scap_meta_init(struct scap_meta *m)
{
	memset(m, 0, sizeof(*m));
}

static void free_thread(struct scap_thread *t)
{
	free(t->comm);
	free(t->exe);
	free(t->exepath);
	free(t->args);
	free(t->cwd);
	free(t->env);
	free(t->cgroups);
	free(t->root);
	for (size_t i = 0; i < t->nfds; i++)
		free(t->fds[i].name);
	free(t->fds);
}

void scap_meta_clear_ifaces(struct scap_meta *m)
{
	for (size_t i = 0; i < m->nifaces; i++)
		free(m->ifaces[i].name);
	free(m->ifaces);
	m->ifaces = NULL;
	m->nifaces = 0;
}

void scap_meta_clear_users(struct scap_meta *m)
{
	for (size_t i = 0; i < m->nusers; i++) {
		free(m->users[i].name);
		free(m->users[i].homedir);
		free(m->users[i].shell);
	}
	for (size_t i = 0; i < m->ngroups; i++)
		free(m->groups[i].name);
	free(m->users);
	free(m->groups);
	m->users = NULL;
	m->groups = NULL;
	m->nusers = m->ngroups = 0;
}

void scap_meta_free(struct scap_meta *m)
{
	scap_meta_clear_ifaces(m);
	scap_meta_clear_users(m);
	for (size_t i = 0; i < m->nthreads; i++)
		free_thread(&m->threads[i]);
	free(m->threads);
	free(m->tid_index);
	memset(m, 0, sizeof(*m));
}

static size_t tid_hash(int64_t tid, size_t cap)
{
	uint64_t h = (uint64_t)tid * 0x9E3779B97F4A7C15ull;

	return (size_t)(h >> 17) & (cap - 1);
}

static void index_insert(struct scap_meta *m, size_t idx)
{
	size_t i = tid_hash(m->threads[idx].tid, m->tid_index_cap);

	while (m->tid_index[i])
		i = (i + 1) & (m->tid_index_cap - 1);
	m->tid_index[i] = (uint32_t)idx + 1;
}

struct scap_thread *scap_meta_thread(const struct scap_meta *m, int64_t tid)
{
	if (!m->tid_index_cap)
		return NULL;
	for (size_t i = tid_hash(tid, m->tid_index_cap);; i = (i + 1) & (m->tid_index_cap - 1)) {
		uint32_t v = m->tid_index[i];

		if (!v)
			return NULL;
		if (m->threads[v - 1].tid == tid)
			return &m->threads[v - 1];
	}
}

struct scap_thread *scap_meta_thread_add(struct scap_meta *m, int64_t tid)
{
	struct scap_thread *t = scap_meta_thread(m, tid);

	if (t)
		return t;
	if (m->nthreads == m->threads_cap) {
		m->threads_cap = m->threads_cap ? m->threads_cap * 2 : 64;
		m->threads = xrealloc(m->threads, m->threads_cap * sizeof(*m->threads));
	}
	/* Keep the index at most half full. */
	if ((m->nthreads + 1) * 2 > m->tid_index_cap) {
		free(m->tid_index);
		m->tid_index_cap = m->tid_index_cap ? m->tid_index_cap * 2 : 128;
		m->tid_index = xcalloc(m->tid_index_cap, sizeof(*m->tid_index));
		for (size_t i = 0; i < m->nthreads; i++)
			index_insert(m, i);
	}
	t = &m->threads[m->nthreads];
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->pid = tid;
	t->ptid = -1;
	t->sid = t->vpgid = t->pgid = -1;
	t->vtid = t->vpid = -1;
	t->loginuid = UINT32_MAX;
	t->comm = xstrdup("");
	t->exe = xstrdup("");
	t->exepath = xstrdup("");
	t->cwd = xstrdup("");
	t->root = xstrdup("");
	index_insert(m, m->nthreads);
	m->nthreads++;
	return t;
}

void scap_meta_move_thread(struct scap_meta *m, struct scap_thread *t)
{
	struct scap_thread *dst = scap_meta_thread_add(m, t->tid);

	free_thread(dst);
	*dst = *t;
	memset(t, 0, sizeof(*t));
}

struct scap_fd *scap_thread_add_fd(struct scap_thread *t, int64_t fd)
{
	if (t->nfds == t->fds_cap) {
		t->fds_cap = t->fds_cap ? t->fds_cap * 2 : 8;
		t->fds = xrealloc(t->fds, t->fds_cap * sizeof(*t->fds));
	}
	struct scap_fd *f = &t->fds[t->nfds++];

	memset(f, 0, sizeof(*f));
	f->fd = fd;
	return f;
}

void scap_meta_add_iface(struct scap_meta *m, const struct scap_iface *iface)
{
	m->ifaces = xrealloc(m->ifaces, (m->nifaces + 1) * sizeof(*m->ifaces));
	m->ifaces[m->nifaces++] = *iface;
}

void scap_meta_add_user(struct scap_meta *m, const struct scap_user *u)
{
	m->users = xrealloc(m->users, (m->nusers + 1) * sizeof(*m->users));
	m->users[m->nusers++] = *u;
}

void scap_meta_add_group(struct scap_meta *m, const struct scap_group *g)
{
	m->groups = xrealloc(m->groups, (m->ngroups + 1) * sizeof(*m->groups));
	m->groups[m->ngroups++] = *g;
}

const char *scap_fd_type_name(unsigned type)
{
	static const char *const names[SCAP_FD_TYPE_MAX] = {
		[SCAP_FD_UNKNOWN] = "unknown",	    [SCAP_FD_FILE] = "file",
		[SCAP_FD_DIRECTORY] = "directory", [SCAP_FD_IPV4_SOCK] = "ipv4",
		[SCAP_FD_IPV6_SOCK] = "ipv6",	    [SCAP_FD_IPV4_SERVSOCK] = "ipv4_server",
		[SCAP_FD_IPV6_SERVSOCK] = "ipv6_server", [SCAP_FD_FIFO] = "fifo",
		[SCAP_FD_UNIX_SOCK] = "unix",	    [SCAP_FD_EVENT] = "event",
		[SCAP_FD_UNSUPPORTED] = "unsupported", [SCAP_FD_SIGNALFD] = "signalfd",
		[SCAP_FD_EVENTPOLL] = "eventpoll", [SCAP_FD_INOTIFY] = "inotify",
		[SCAP_FD_TIMERFD] = "timerfd",	    [SCAP_FD_NETLINK] = "netlink",
		[SCAP_FD_FILE_V2] = "file",	    [SCAP_FD_BPF] = "bpf",
		[SCAP_FD_USERFAULTFD] = "userfaultfd", [SCAP_FD_IOURING] = "io_uring",
		[SCAP_FD_MEMFD] = "memfd",	    [SCAP_FD_PIDFD] = "pidfd",
	};

	return type < SCAP_FD_TYPE_MAX ? names[type] : "?";
}

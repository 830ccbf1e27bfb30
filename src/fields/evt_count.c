/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The counting fields of the evt class that chisels and csysdig's views add up: evt.count*
 * (1 for the events they count, absent otherwise) and the evt.buflen.* byte counts of I/O
 * on files and network sockets. An event counts as file or network I/O by the type of the fd
 * it uses; one without a known fd is file (an open) or network (an accept, a connect) by its
 * type, as sysdig 0.29 counts its errors.
 */
#include "fields/evt_count.h"

#include "capture/event_table.h"
#include "fields/event_category.h"
#include "fields/extract.h"

enum fd_kind { FK_NONE, FK_FILE, FK_NET, FK_OTHER };

static enum fd_kind fd_kind(const struct st_fd *fd)
{
	if (!fd)
		return FK_NONE;
	switch (fd->type) {
	case SCAP_FD_FILE:
	case SCAP_FD_FILE_V2:
	case SCAP_FD_DIRECTORY:
		return FK_FILE;
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV6_SOCK:
	case SCAP_FD_IPV4_SERVSOCK:
	case SCAP_FD_IPV6_SERVSOCK:
	case SCAP_FD_UNIX_SOCK:
		return FK_NET;
	default:
		return FK_OTHER;
	}
}

static bool is_open_exit(uint16_t t)
{
	return t == PPME_SYSCALL_OPEN_X || t == PPME_SYSCALL_CREAT_X ||
	       t == PPME_SYSCALL_OPENAT_X || t == PPME_SYSCALL_OPENAT_2_X ||
	       t == PPME_SYSCALL_OPENAT2_X || t == PPME_SYSCALL_OPEN_BY_HANDLE_AT_X;
}

static bool is_net_exit(uint16_t t)
{
	return t == PPME_SOCKET_ACCEPT_X || t == PPME_SOCKET_ACCEPT_5_X ||
	       t == PPME_SOCKET_ACCEPT4_X || t == PPME_SOCKET_ACCEPT4_5_X ||
	       t == PPME_SOCKET_ACCEPT4_6_X || t == PPME_SOCKET_CONNECT_X;
}

static size_t one(struct field_value *out)
{
	return put_u(out, FT_UINT32, 1);
}

/* 1 when EV returned an error (a negative res, or fd of an fd-creating exit). */
static size_t error_count(const struct scap_event *ev, struct field_value *out)
{
	int64_t res;

	return field_event_res(ev, &res) && res < 0 ? one(out) : 0;
}

size_t evt_count_extract(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct field_ctx *c = ctx;
	enum fd_kind k = c->st->cur.thread ? fd_kind(c->st->cur.fd) : fd_kind(NULL);
	bool memory = event_category_is_memory(ev);

	switch (ref->field->id) {
	case EC_COUNT:
		return one(out);
	case EC_ERROR:
		return error_count(ev, out);
	case EC_ERROR_FILE:
		if (k == FK_FILE || (k == FK_NONE && is_open_exit(ev->type)))
			return error_count(ev, out);
		return 0;
	case EC_ERROR_NET:
		if (k == FK_NET || (k == FK_NONE && is_net_exit(ev->type)))
			return error_count(ev, out);
		return 0;
	case EC_ERROR_MEMORY:
		return memory ? error_count(ev, out) : 0;
	case EC_ERROR_OTHER:
		if (k == FK_OTHER || (k == FK_NONE && !is_open_exit(ev->type) &&
				      !is_net_exit(ev->type) && !memory))
			return error_count(ev, out);
		return 0;
	case EC_EXIT:
		return scap_event_is_enter(ev->type) ? 0 : one(out);
	case EC_PROCINFO:
		return ev->type == PPME_PROCINFO_E && c->st->cur.thread &&
		       c->st->cur.thread->tid == c->st->cur.thread->pid ? one(out) : 0;
	case EC_THREADINFO:
		return ev->type == PPME_PROCINFO_E ? one(out) : 0;
	}
	return 0;
}

size_t evt_buflen_extract(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct field_ctx *c = ctx;
	const struct st_fd *fd = c->st->cur.fd;
	const struct scap_event_info *info = scap_event_info(ev->type);
	unsigned id = (unsigned)ref->field->id;
	int64_t res;

	if (!fd || !info || !event_category_is_io(ev) || !field_event_res(ev, &res) || res < 0)
		return 0;
	if ((id & EB_IN) && !(info->flags & SCAP_EF_READS_FROM_FD))
		return 0;
	if ((id & EB_OUT) && !(info->flags & SCAP_EF_WRITES_TO_FD))
		return 0;
	if ((id & EB_FILE) && fd->type != SCAP_FD_FILE && fd->type != SCAP_FD_FILE_V2)
		return 0;
	if ((id & EB_NET) && (fd->type < SCAP_FD_IPV4_SOCK || fd->type > SCAP_FD_IPV6_SERVSOCK))
		return 0;
	return put_u(out, FT_UINT64, (uint64_t)res);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fd class: the file descriptor an event uses (the enter event's for an exit event), from
 * the state layer's fd tables: its number, type, name, and for IP sockets the two ends of
 * the connection as client/server and local/remote.
 *
 * An fd sysdig 0.29 does not know still has a number (-1 when the call has none yet) and,
 * on the exit of a call that works on it, an empty name; a call that creates an fd gives
 * the type of what it creates.
 */
#include <string.h>

#include "fields/extract.h"
#include "fields/falco_fields.h"
#include "util/util.h"

static const struct st_current *cur(void *ctx)
{
	const struct field_ctx *c = ctx;

	return &c->st->cur;
}

/* The fd the event uses, NULL when none or unknown. */
static const struct st_fd *fd_of(void *ctx)
{
	return cur(ctx)->fd;
}

static bool creates_fd(const struct scap_event *ev)
{
	const struct scap_event_info *info = scap_event_info(ev->type);

	return info && (info->flags & SCAP_EF_CREATES_FD);
}

/* Does the event work on an fd the state does not know (or create one)? */
static bool on_unknown_fd(const struct scap_event *ev, void *ctx)
{
	return cur(ctx)->fd_event || creates_fd(ev);
}

/* An accept or connect exit: sysdig 0.29 names the fd it does not know by the call's tuple
 * (parameter 1), as %evt.info prints it ("NULL" when the call failed). */
static bool named_by_tuple(const struct scap_event *ev)
{
	switch (ev->type) {
	case PPME_SOCKET_ACCEPT_X:
	case PPME_SOCKET_ACCEPT_5_X:
	case PPME_SOCKET_ACCEPT4_X:
	case PPME_SOCKET_ACCEPT4_5_X:
	case PPME_SOCKET_CONNECT_X:
		return ev->nparams > 1;
	}
	return false;
}

/* fd.name of an fd the state does not know: the failed call's path, an accept's or
 * connect's tuple, else empty on an exit, NULL (missing) on an enter. */
static const char *unknown_fd_name(const struct scap_event *ev, void *ctx)
{
	struct field_ctx *c = ctx;

	if (cur(ctx)->failed_path)
		return cur(ctx)->failed_path;
	if (named_by_tuple(ev)) {
		struct out *val = field_scratch(c);
		struct out *res = field_scratch(c);

		render_param(c->st, ev, 1, c->bf, val, res);
		return res->len ? res->buf : val->buf;
	}
	return scap_event_is_enter(ev->type) ? NULL : "";
}

/* fd.typechar of an event whose fd sysdig does not know: the type the call creates ('4' for
 * every socket, as sysdig assumes), 'o' otherwise. */
static char creator_typechar(const struct scap_event *ev)
{
	static const struct {
		const char *name;
		char c;
	} creators[] = {
		{ "open", 'f' }, { "openat", 'f' }, { "openat2", 'f' }, { "creat", 'f' },
		{ "socket", '4' }, { "accept", '4' }, { "accept4", '4' }, { "pipe", 'p' },
		{ "eventfd", 'e' }, { "signalfd", 's' }, { "timerfd_create", 't' },
		{ "inotify_init", 'i' },
	};
	const struct scap_event_info *info = scap_event_info(ev->type);

	for (size_t i = 0; info && i < ARRAY_SIZE(creators); i++)
		if (!strcmp(info->name, creators[i].name))
			return creators[i].c;
	return 'o';
}

static bool is_file(const struct st_fd *f)
{
	return f->type == SCAP_FD_FILE || f->type == SCAP_FD_FILE_V2;
}

static bool is_ip_sock(const struct st_fd *f)
{
	return f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK;
}

static bool is_ip_serv(const struct st_fd *f)
{
	return f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK;
}

/* An IP socket with a tuple: its addresses and ports are known. */
static bool has_tuple(const struct st_fd *f)
{
	return is_ip_sock(f) && (f->sport || f->dport);
}

static size_t fd_num(const struct field_ref *ref, const void *event, void *ctx,
		     struct field_value *out)
{
	const struct st_current *c = cur(ctx);

	if (c->has_fd)
		return put_i(out, FT_INT64, c->fdnum);
	/* a call about an fd that has none yet (an open's enter, a failed open, a call whose
	 * enter event carried no fd): sysdig's -1 */
	if (c->fd_event || creates_fd(event))
		return put_i(out, FT_INT64, -1);
	return 0;
}

static size_t fd_type(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	return f ? put_cstr(out, render_fd_typename(f->type)) : 0;
}

static size_t fd_typechar(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);
	char tc;

	if (f)
		tc = render_fd_typechar(f->type);
	else if (on_unknown_fd(event, ctx))
		tc = creator_typechar(event);
	else
		return 0;
	struct out *o = field_scratch(ctx);

	out_putc(o, tc);
	return put_out(out, o);
}

static size_t fd_name(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);
	const char *name;

	if (cur(ctx)->failed_path)
		return put_cstr(out, cur(ctx)->failed_path);
	if (f)
		return put_cstr(out, f->name);
	if (!on_unknown_fd(event, ctx) || !(name = unknown_fd_name(event, ctx)))
		return 0;
	return put_cstr(out, name);
}

/* sysdig's fd.directory of a file name: up to its last '/', "/" when that is the first
 * character or there is none; a name ending in '/' is kept whole. */
static size_t put_directory(struct field_value *out, const char *name)
{
	const char *slash = strrchr(name, '/');

	if (!slash || slash == name)
		return put_str(out, "/", 1);
	if (!slash[1])
		return put_cstr(out, name);
	return put_str(out, name, (size_t)(slash - name));
}

static size_t fd_directory(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct st_fd *f = fd_of(ctx);
	const char *name;
	int64_t res;

	if (f) {
		if (f->type == SCAP_FD_DIRECTORY)
			return put_cstr(out, f->name);
		return is_file(f) ? put_directory(out, f->name) : 0;
	}
	if (!on_unknown_fd(ev, ctx))
		return 0;
	/* the new fd of a pipe, socket... that sysdig knows and we do not: not a file, no
	 * directory */
	if (creates_fd(ev) && !scap_event_is_enter(ev->type) && field_event_res(ev, &res) &&
	    res >= 0 && creator_typechar(ev) != 'f')
		return 0;
	name = unknown_fd_name(ev, ctx);
	return name ? put_directory(out, name) : 0;
}

/* The name after the last '/' ("/" when there is none); a name ending in '/' is kept
 * whole. */
static size_t fd_filename(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (!f || !is_file(f))
		return 0;
	const char *slash = strrchr(f->name, '/');

	if (!slash)
		return put_str(out, "/", 1);
	if (!slash[1])
		return put_cstr(out, f->name);
	return put_cstr(out, slash + 1);
}

/* fd.ip and fd.net: both ends (a listening socket: its address); the networks are matched
 * against the addresses. */
static size_t fd_ip(const struct field_ref *ref, const void *event, void *ctx,
		    struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (f && is_ip_serv(f))
		return put_ip(out, f->v6, f->sip);
	if (!f || !has_tuple(f))
		return 0;
	put_ip(&out[0], f->v6, f->sip);
	put_ip(&out[1], f->v6, f->dip);
	return 2;
}

/* fd.cip and fd.cnet: the client end, the tuple's source. */
static size_t fd_cip(const struct field_ref *ref, const void *event, void *ctx,
		     struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	return f && has_tuple(f) ? put_ip(out, f->v6, f->sip) : 0;
}

/* fd.sip and fd.snet: the server end, the tuple's destination (a listening socket's own
 * address). */
static size_t fd_sip(const struct field_ref *ref, const void *event, void *ctx,
		     struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (f && is_ip_serv(f))
		return put_ip(out, f->v6, f->sip);
	return f && has_tuple(f) ? put_ip(out, f->v6, f->dip) : 0;
}

/* sysdig: nothing before the socket has a role; the source is the local end when it is the
 * machine's address, else the destination is. LOCAL: the local end, else the remote. */
static size_t local_remote_ip(void *ctx, bool local, struct field_value *out)
{
	const struct field_ctx *c = ctx;
	const struct st_fd *f = fd_of(ctx);

	if (!f || !has_tuple(f) || f->role == ST_ROLE_NONE)
		return 0;
	bool src_local = st_is_local_address(c->st, c->st->cur.thread, f->v6, f->sip);

	return put_ip(out, f->v6, src_local == local ? f->sip : f->dip);
}

static size_t fd_lip(const struct field_ref *ref, const void *event, void *ctx,
		     struct field_value *out)
{
	return local_remote_ip(ctx, true, out);
}

static size_t fd_rip(const struct field_ref *ref, const void *event, void *ctx,
		     struct field_value *out)
{
	return local_remote_ip(ctx, false, out);
}

static size_t fd_port(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (f && is_ip_serv(f))
		return put_u(out, FT_PORT, f->sport);
	if (!f || !has_tuple(f))
		return 0;
	put_u(&out[0], FT_PORT, f->sport);
	put_u(&out[1], FT_PORT, f->dport);
	return 2;
}

/* fd.cport and fd.lport: the tuple's source port. */
static size_t fd_cport(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	return f && has_tuple(f) ? put_u(out, FT_PORT, f->sport) : 0;
}

static size_t fd_sport(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (f && is_ip_serv(f))
		return put_u(out, FT_PORT, f->sport);
	return f && has_tuple(f) ? put_u(out, FT_PORT, f->dport) : 0;
}

static size_t fd_rport(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	return f && has_tuple(f) ? put_u(out, FT_PORT, f->dport) : 0;
}

/* The text of a port as fd.cproto and the others give it: sysdig 0.29 names ports only with
 * its hostname and port resolution on, which a -r run never turns on, so the number. */
static size_t put_port_text(void *ctx, struct field_value *out, uint16_t port)
{
	struct out *o = field_scratch(ctx);

	out_put_udec(o, port, 1);
	return put_out(out, o);
}

/* fd.cproto and fd.sproto of a listening socket are empty: sysdig names only a connection's
 * ports. */
static size_t fd_cproto(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (f && is_ip_serv(f))
		return put_str(out, "", 0);
	return f && has_tuple(f) ? put_port_text(ctx, out, f->sport) : 0;
}

static size_t fd_sproto(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (f && is_ip_serv(f))
		return put_str(out, "", 0);
	return f && has_tuple(f) ? put_port_text(ctx, out, f->dport) : 0;
}

/* fd.lproto and fd.rproto: the local or remote end's port, by the same test as fd.lip. */
static size_t local_remote_proto(void *ctx, bool local, struct field_value *out)
{
	const struct field_ctx *c = ctx;
	const struct st_fd *f = fd_of(ctx);

	if (!f || !has_tuple(f) || f->role == ST_ROLE_NONE)
		return 0;
	bool src_local = st_is_local_address(c->st, c->st->cur.thread, f->v6, f->sip);

	return put_port_text(ctx, out, src_local == local ? f->sport : f->dport);
}

static size_t fd_lproto(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	return local_remote_proto(ctx, true, out);
}

static size_t fd_rproto(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	return local_remote_proto(ctx, false, out);
}

static size_t fd_l4proto(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	static const char *const l4[] = { NULL, NULL, "tcp", "udp", "icmp", "raw" };
	const struct st_fd *f = fd_of(ctx);

	if (!f || !(is_ip_sock(f) || is_ip_serv(f)) || f->l4proto >= ARRAY_SIZE(l4) ||
	    !l4[f->l4proto])
		return 0;
	return put_cstr(out, l4[f->l4proto]);
}

static size_t fd_sockfamily(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	if (!f)
		return 0;
	if (is_ip_sock(f) || is_ip_serv(f))
		return put_str(out, "ip", 2);
	if (f->type == SCAP_FD_UNIX_SOCK)
		return put_str(out, "unix", 4);
	return 0;
}

/* sysdig 0.29: a listening socket, or one whose destination is the machine. */
static size_t fd_is_server(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct field_ctx *c = ctx;
	const struct st_fd *f = fd_of(ctx);

	if (!f)
		return 0;
	if (is_ip_serv(f))
		return put_b(out, true);
	if (is_ip_sock(f))
		return put_b(out, st_is_local_address(c->st, c->st->cur.thread, f->v6, f->dip));
	return put_b(out, false);
}

static size_t fd_connected(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct st_fd *f = fd_of(ctx);

	return f ? put_b(out, f->connected) : 0;
}

static const struct field_desc fd_fields[] = {
	FIELD("fd.num", INT64, 0, fd_num,
	      "the unique number identifying the file descriptor."),
	FIELD("fd.type", CHARBUF, 0, fd_type,
	      "type of FD. Can be 'file', 'directory', 'ipv4', 'ipv6', 'unix', 'pipe', 'event', "
	      "'signalfd', 'eventpoll', 'inotify' or 'signalfd'."),
	FIELD("fd.typechar", CHARBUF, 0, fd_typechar,
	      "type of FD as a single character. Can be 'f' for file, 4 for IPv4 socket, 6 for "
	      "IPv6 socket, 'u' for unix socket, p for pipe, 'e' for eventfd, 's' for signalfd, "
	      "'l' for eventpoll, 'i' for inotify, 'o' for unknown."),
	FIELD("fd.name", CHARBUF, 0, fd_name,
	      "FD full name. If the fd is a file, this field contains the full path. If the FD is "
	      "a socket, this field contain the connection tuple."),
	FIELD("fd.nameraw", CHARBUF, 0, falco_field_extract,
	      "the path of a file exactly as the open call got it (relative, with . and ..), "
	      "repeated slashes folded; fd.name is the normalized absolute path. Missing for "
	      "fds opened before the capture.", .id = FF_FD_NAMERAW, .falco = true),
	FIELD("fd.directory", CHARBUF, 0, fd_directory,
	      "If the fd is a file, the directory that contains it."),
	FIELD("fd.filename", CHARBUF, 0, fd_filename,
	      "If the fd is a file, the filename without the path."),
	FIELD("fd.ip", IPADDR, 0, fd_ip,
	      "matches the ip address (client or server) of the fd.", .filter_only = true),
	FIELD("fd.cip", IPADDR, 0, fd_cip,
	      "client IP address."),
	FIELD("fd.sip", IPADDR, 0, fd_sip,
	      "server IP address."),
	FIELD("fd.lip", IPADDR, 0, fd_lip,
	      "local IP address."),
	FIELD("fd.rip", IPADDR, 0, fd_rip,
	      "remote IP address."),
	FIELD("fd.port", PORT, 0, fd_port,
	      "matches the port (either client or server) of the fd.", .filter_only = true),
	FIELD("fd.cport", PORT, 0, fd_cport,
	      "for TCP/UDP FDs, the client port."),
	FIELD("fd.sport", PORT, 0, fd_sport,
	      "for TCP/UDP FDs, server port."),
	FIELD("fd.lport", PORT, 0, fd_cport,
	      "for TCP/UDP FDs, the local port."),
	FIELD("fd.rport", PORT, 0, fd_rport,
	      "for TCP/UDP FDs, the remote port."),
	FIELD("fd.l4proto", CHARBUF, 0, fd_l4proto,
	      "the IP protocol of a socket. Can be 'tcp', 'udp', 'icmp' or 'raw'."),
	FIELD("fd.sockfamily", CHARBUF, 0, fd_sockfamily,
	      "the socket family for socket events. Can be 'ip' or 'unix'."),
	FIELD("fd.is_server", BOOL, 0, fd_is_server,
	      "'true' if the process owning this FD is the server endpoint in the connection."),
	FIELD("fd.uid", CHARBUF, 0, NULL,
	      "a unique identifier for the FD, created by chaining the FD number and the thread "
	      "ID."),
	FIELD("fd.containername", CHARBUF, 0, NULL,
	      "chaining of the container ID and the FD name. Useful when trying to identify which "
	      "container an FD belongs to."),
	FIELD("fd.containerdirectory", CHARBUF, 0, NULL,
	      "chaining of the container ID and the directory name. Useful when trying to "
	      "identify which container a directory belongs to."),
	FIELD("fd.proto", PORT, 0, fd_port,
	      "matches the protocol (either client or server) of the fd.", .filter_only = true),
	FIELD("fd.cproto", CHARBUF, 0, fd_cproto,
	      "for TCP/UDP FDs, the client protocol."),
	FIELD("fd.sproto", CHARBUF, 0, fd_sproto,
	      "for TCP/UDP FDs, server protocol."),
	FIELD("fd.lproto", CHARBUF, 0, fd_lproto,
	      "for TCP/UDP FDs, the local protocol."),
	FIELD("fd.rproto", CHARBUF, 0, fd_rproto,
	      "for TCP/UDP FDs, the remote protocol."),
	FIELD("fd.net", IPNET, 0, fd_ip,
	      "matches the IP network (client or server) of the fd.", .filter_only = true),
	FIELD("fd.cnet", IPNET, 0, fd_cip,
	      "matches the client IP network of the fd.", .filter_only = true),
	FIELD("fd.snet", IPNET, 0, fd_sip,
	      "matches the server IP network of the fd.", .filter_only = true),
	FIELD("fd.lnet", IPNET, 0, fd_lip,
	      "matches the local IP network of the fd.", .filter_only = true),
	FIELD("fd.rnet", IPNET, 0, fd_rip,
	      "matches the remote IP network of the fd.", .filter_only = true),
	FIELD("fd.connected", BOOL, 0, fd_connected,
	      "for TCP/UDP FDs, 'true' if the socket is connected."),
	FIELD("fd.name_changed", BOOL, 0, NULL,
	      "True when an event changes the name of an fd used by this event. This can occur in"
	      " some cases such as udp connections where the connection tuple changes."),
	FIELD("fd.cip.name", CHARBUF, 0, NULL,
	      "Domain name associated with the client IP address."),
	FIELD("fd.sip.name", CHARBUF, 0, NULL,
	      "Domain name associated with the server IP address."),
	FIELD("fd.lip.name", CHARBUF, 0, NULL,
	      "Domain name associated with the local IP address."),
	FIELD("fd.rip.name", CHARBUF, 0, NULL,
	      "Domain name associated with the remote IP address."),
	FIELD("fd.dev", INT32, 0, NULL,
	      "device number (major/minor) containing the referenced file"),
	FIELD("fd.dev.major", INT32, 0, NULL,
	      "major device number containing the referenced file"),
	FIELD("fd.dev.minor", INT32, 0, NULL,
	      "minor device number containing the referenced file"),
};

const struct field_class field_class_fd = {
	.name = "fd",
	.desc = "Every syscall that has a file descriptor in its arguments has these fields set "
		"with information related to the file.",
	.fields = fd_fields,
	.nfields = ARRAY_SIZE(fd_fields),
};

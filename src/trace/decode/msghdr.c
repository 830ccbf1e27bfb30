/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sendmsg, recvmsg, sendmmsg, recvmmsg: struct msghdr with its address, data vector and
 * ancillary (control) messages, and the struct mmsghdr vectors of the batch calls.
 */
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/net_impl.h"

/* The kernel's cap on a vector: at most this many messages or iovecs are decoded. */
#define NET_IOV_MAX 1024
/* SO_TIMESTAMP_OLD etc. on x86_64, as control message types of SOL_SOCKET. */
#define SCM_TIMESTAMP_OLD 29
#define SCM_TIMESTAMPNS_OLD 35
#define SCM_TIMESTAMPING_OLD 37
#define SCM_TIMESTAMP_NEW 63
#define SCM_TIMESTAMPNS_NEW 64
#define SCM_TIMESTAMPING_NEW 65

/* The x86_64 struct msghdr and struct mmsghdr, as the tracee lays them out. */
struct k_msghdr {
	uint64_t name;
	uint32_t namelen;
	uint32_t pad0;
	uint64_t iov;
	uint64_t iovlen;
	uint64_t control;
	uint64_t controllen;
	uint32_t flags;
	uint32_t pad1;
};

struct k_mmsghdr {
	struct k_msghdr hdr;
	uint32_t len;
	uint32_t pad;
};

struct k_cmsghdr {
	uint64_t len;
	int32_t level;
	int32_t type;
};

/* ---- data vectors ---- */

/* One buffer of a netlink socket's iovec: netlink messages. */
static void print_netlink_data(struct sc *sc, uint64_t base, uint64_t len, void *ctx)
{
	net_decode_netlink(sc, *(const int *)ctx, base, len);
}

/*
 * IOVLEN iovecs at ADDR; the strings of all of them together show at most DATA_SIZE bytes
 * (what recvmsg returned; UINT64_MAX for no limit). Netlink data decodes as messages.
 */
static void print_iov_upto(struct sc *sc, uint64_t iovlen, uint64_t addr, uint64_t data_size,
			   bool netlink, int fd)
{
	struct iov_data d = {
		.left = data_size,
		.print_data = netlink ? print_netlink_data : NULL,
		.ctx = &fd,
	};
	print_iovec_array(sc, addr, iovlen, &d);
}

/* ---- control messages ---- */

static void print_cmsg_fds(struct sc *sc, const unsigned char *data, size_t len)
{
	pr_array_begin(sc->p);
	for (size_t i = 0; i + sizeof(int) <= len; i += sizeof(int)) {
		int fd;
		if (array_more_at(sc, i / sizeof(int)))
			break;
		memcpy(&fd, data + i, sizeof(fd));
		print_fd(sc, fd);
	}
	pr_array_end(sc->p);
}

static void print_cmsg_creds(struct sc *sc, const unsigned char *data)
{
	struct ucred uc;
	memcpy(&uc, data, sizeof(uc));
	pr_struct_begin(sc->p);
	pr_field(sc->p, "pid");
	print_pid(sc, uc.pid, PID_TGID);
	pr_field(sc->p, "uid");
	if (uc.uid == (uid_t)-1)
		pr_int(sc->p, -1);
	else
		pr_uint(sc->p, uc.uid);
	pr_field(sc->p, "gid");
	if (uc.gid == (gid_t)-1)
		pr_int(sc->p, -1);
	else
		pr_uint(sc->p, uc.gid);
	pr_struct_end(sc->p);
}

/* struct timeval / timespec (64-bit fields) in a control message of LEN bytes. */
static void print_cmsg_time(struct sc *sc, const unsigned char *data, size_t len, bool nsec,
			    int count)
{
	/* too short for its struct: strace cannot print it */
	if (len < (size_t)count * 16) {
		pr_text(sc->p, "???");
		return;
	}
	if (count > 1)
		pr_array_begin(sc->p);
	for (int i = 0; i < count; i++) {
		int64_t t[2];
		memcpy(t, data + 16 * i, sizeof(t));
		pr_struct_begin(sc->p);
		pr_field(sc->p, "tv_sec");
		pr_int(sc->p, t[0]);
		pr_field(sc->p, nsec ? "tv_nsec" : "tv_usec");
		pr_int(sc->p, t[1]);
		pr_struct_end(sc->p);
	}
	if (count > 1)
		pr_array_end(sc->p);
}

/* ", cmsg_data=..." of a SOL_SOCKET message, when strace has a printer for its type. */
static void print_cmsg_socket(struct sc *sc, int type, const unsigned char *data, size_t len)
{
	bool time_type = type == SCM_TIMESTAMP_OLD || type == SCM_TIMESTAMPNS_OLD ||
			 type == SCM_TIMESTAMPING_OLD || type == SCM_TIMESTAMP_NEW ||
			 type == SCM_TIMESTAMPNS_NEW || type == SCM_TIMESTAMPING_NEW;
	if ((type == SCM_RIGHTS && len < sizeof(int)) ||
	    (type == SCM_CREDENTIALS && len < sizeof(struct ucred)) ||
	    ((type == 3 || time_type) && len < 1) ||
	    (type != SCM_RIGHTS && type != SCM_CREDENTIALS && type != 3 && !time_type))
		return;
	pr_field(sc->p, "cmsg_data");
	switch (type) {
	case SCM_RIGHTS:
		print_cmsg_fds(sc, data, len);
		break;
	case SCM_CREDENTIALS:
		print_cmsg_creds(sc, data);
		break;
	case 3:	/* SCM_SECURITY */
		pr_quoted(sc->p, (const char *)data, len, 0);
		break;
	case SCM_TIMESTAMP_OLD:
	case SCM_TIMESTAMP_NEW:
		print_cmsg_time(sc, data, len, false, 1);
		break;
	case SCM_TIMESTAMPNS_OLD:
	case SCM_TIMESTAMPNS_NEW:
		print_cmsg_time(sc, data, len, true, 1);
		break;
	default:
		print_cmsg_time(sc, data, len, true, 3);
		break;
	}
}

static void print_cmsg_ip(struct sc *sc, int type, const unsigned char *data, size_t len)
{
	switch (type) {
	case IP_PKTINFO:
		if (len < sizeof(struct in_pktinfo))
			return;
		struct in_pktinfo info;
		memcpy(&info, data, sizeof(info));
		pr_field(sc->p, "cmsg_data");
		pr_struct_begin(sc->p);
		pr_field(sc->p, "ipi_ifindex");
		net_print_ifindex(sc->p, (unsigned int)info.ipi_ifindex);
		net_print_inet_addr(sc->p, AF_INET, &info.ipi_spec_dst, 4, "ipi_spec_dst");
		net_print_inet_addr(sc->p, AF_INET, &info.ipi_addr, 4, "ipi_addr");
		pr_struct_end(sc->p);
		return;
	case IP_TTL:
	case IP_CHECKSUM:
		if (len < sizeof(unsigned int))
			return;
		pr_field(sc->p, "cmsg_data");
		pr_array_begin(sc->p);
		for (size_t i = 0; i + 4 <= len; i += 4) {
			unsigned int v;
			if (array_more_at(sc, i / 4))
				break;
			memcpy(&v, data + i, sizeof(v));
			pr_uint(sc->p, v);
		}
		pr_array_end(sc->p);
		return;
	case IP_TOS:
	case IP_RECVOPTS:
	case IP_RETOPTS:
		if (len < 1)
			return;
		pr_field(sc->p, "cmsg_data");
		pr_array_begin(sc->p);
		for (size_t i = 0; i < len && !array_more_at(sc, i); i++)
			pr_hex(sc->p, data[i]);
		pr_array_end(sc->p);
		return;
	case IP_RECVERR: {
		/* struct sock_extended_err, then the offender's address (an IPv4 one at least:
		 * strace prints nothing shorter) */
		struct { uint32_t errno_; uint8_t origin, type, code, pad; uint32_t info, data; } e;
		static const char *const names[] = { "ee_errno", "ee_origin", "ee_type", "ee_code" };
		if (len < sizeof(e) + sizeof(struct sockaddr_in))
			return;
		memcpy(&e, data, sizeof(e));
		pr_field(sc->p, "cmsg_data");
		pr_struct_begin(sc->p);
		const uint32_t head[] = { e.errno_, e.origin, e.type, e.code };
		for (size_t i = 0; i < 4; i++) {
			pr_field(sc->p, names[i]);
			pr_uint(sc->p, head[i]);
		}
		pr_field(sc->p, "ee_info");
		pr_uint(sc->p, e.info);
		pr_field(sc->p, "ee_data");
		pr_uint(sc->p, e.data);
		pr_field(sc->p, "offender");
		net_print_sockaddr_buf(sc, data + sizeof(e),
				       len - sizeof(e) > 128 ? 128 : (int)(len - sizeof(e)));
		pr_struct_end(sc->p);
		return;
	}
	case IP_ORIGDSTADDR:
		if (len < sizeof(struct sockaddr_in))
			return;
		pr_field(sc->p, "cmsg_data");
		net_print_sockaddr_buf(sc, data, len > 128 ? 128 : (int)len);
		return;
	case 3:	/* SCM_SECURITY */
		if (len < 1)
			return;
		pr_field(sc->p, "cmsg_data");
		pr_quoted(sc->p, (const char *)data, len, 0);
		return;
	}
}

static void print_cmsg_type_data(struct sc *sc, int level, int type,
				 const unsigned char *data, size_t len)
{
	pr_field(sc->p, "cmsg_type");
	switch (level) {
	case SOL_SOCKET:
		pr_xval(sc->p, &xlat_net_scmvals, (uint32_t)type, "SCM_???");
		print_cmsg_socket(sc, type, data, len);
		break;
	case SOL_IP:
		pr_xval(sc->p, &xlat_net_ip_cmsg_types, (uint32_t)type, "IP_???");
		print_cmsg_ip(sc, type, data, len);
		break;
	default:
		pr_hex(sc->p, (uint32_t)type);
		break;
	}
}

/* net.core.optmem_max rounded up to 8, as the cap of a control buffer strace reads. */
static unsigned int optmem_max(void)
{
	static unsigned int cached;
	if (cached)
		return cached;
	int v = 0;
	FILE *f = fopen("/proc/sys/net/core/optmem_max", "r");
	if (!f || fscanf(f, "%d", &v) != 1 || v <= 0)
		cached = 8 * (2 * NET_IOV_MAX + 512);
	else
		cached = ((unsigned int)v + 7) & ~7u;
	if (f)
		fclose(f);
	return cached;
}

static void print_msg_control(struct sc *sc, uint64_t addr, uint64_t in_len)
{
	const size_t hdr = sizeof(struct k_cmsghdr);
	if (!in_len)
		return;
	pr_field(sc->p, "msg_control");
	size_t control_len = in_len > optmem_max() ? optmem_max() : (size_t)in_len;
	size_t left = control_len;
	unsigned char *buf = left < hdr ? NULL : malloc(left);
	if (!buf || umove(sc, addr, buf, left) < 0) {
		print_addr(sc, addr);
		free(buf);
		return;
	}
	unsigned char *cur = buf;
	pr_array_begin(sc->p);
	while (left >= hdr) {
		struct k_cmsghdr c;
		memcpy(&c, cur, sizeof(c));
		pr_struct_begin(sc->p);
		pr_field(sc->p, "cmsg_len");
		pr_uint(sc->p, c.len);
		pr_field(sc->p, "cmsg_level");
		pr_xval(sc->p, &xlat_net_socketlayers, (uint32_t)c.level, "SOL_???");
		uint64_t len = c.len > left ? left : c.len;
		print_cmsg_type_data(sc, c.level, c.type, cur + hdr, len > hdr ? len - hdr : 0);
		pr_struct_end(sc->p);
		if (len < hdr) {
			left -= hdr;
			break;
		}
		/* Messages are aligned to the word size. */
		len = (c.len + 7) & ~(uint64_t)7;
		if (len >= left) {
			left = 0;
			break;
		}
		cur += len;
		left -= len;
	}
	if (left) {
		pr_more(sc->p);
		pr_comment(sc->p, "%#llx", (unsigned long long)(addr + (control_len - left)));
	} else if (control_len < in_len) {
		pr_more(sc->p);
	}
	pr_array_end(sc->p);
	free(buf);
}

/* ---- struct msghdr ---- */

/*
 * A fetched msghdr. USER_NAMELEN (NULL: none) is the name buffer size the caller offered,
 * shown as "N => M" when the kernel changed it; DATA_SIZE bounds the data shown.
 */
static void print_msghdr(struct sc *sc, const struct k_msghdr *m, const int *user_namelen,
			 uint64_t data_size)
{
	int namelen = (int)m->namelen;
	if (user_namelen && namelen > *user_namelen)
		namelen = *user_namelen;
	int fd = (int)sc->arg[0];

	pr_struct_begin(sc->p);
	pr_field(sc->p, "msg_name");
	int family = net_decode_sockaddr(sc, m->name, namelen);
	pr_field(sc->p, "msg_namelen");
	if (user_namelen && *user_namelen != (int)m->namelen)
		pr_textf(sc->p, "%d => %d", *user_namelen, (int)m->namelen);
	else
		pr_int(sc->p, (int)m->namelen);
	pr_field(sc->p, "msg_iov");
	print_iov_upto(sc, m->iovlen, m->iov, data_size, family == AF_NETLINK, fd);
	pr_field(sc->p, "msg_iovlen");
	pr_uint(sc->p, m->iovlen);
	print_msg_control(sc, m->control, m->controllen);
	pr_field(sc->p, "msg_controllen");
	pr_uint(sc->p, m->controllen);
	pr_field(sc->p, "msg_flags");
	net_print_msg_flags(sc->p, m->flags);
	pr_struct_end(sc->p);
}

static void decode_msghdr(struct sc *sc, const int *user_namelen, uint64_t addr,
			  uint64_t data_size)
{
	struct k_msghdr m;
	if (addr && !sc->no_deref && umove(sc, addr, &m, sizeof(m)) == 0)
		print_msghdr(sc, &m, user_namelen, data_size);
	else
		print_addr(sc, addr);
}

int decode_sendmsg(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	decode_msghdr(sc, NULL, sc->arg[1], UINT64_MAX);
	net_print_msg_flags(sc->p, (uint32_t)sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_recvmsg(struct sc *sc)
{
	struct k_msghdr m;
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		if (sc->arg[1] && !sc->no_deref && umove(sc, sc->arg[1], &m, sizeof(m)) == 0) {
			sc->priv[0] = m.namelen;
			return DEC_AT_EXIT;
		}
		print_addr(sc, sc->arg[1]);
		net_print_msg_flags(sc->p, (uint32_t)sc->arg[2]);
		return RV_DECODED | RV_DEC;
	}
	int namelen = (int)sc->priv[0];
	if (sc_failed(sc)) {
		pr_struct_begin(sc->p);
		pr_field(sc->p, "msg_namelen");
		pr_int(sc->p, namelen);
		pr_struct_end(sc->p);
	} else {
		decode_msghdr(sc, &namelen, sc->arg[1], (uint64_t)sc->rval);
	}
	net_print_msg_flags(sc->p, (uint32_t)sc->arg[2]);
	return RV_DEC;
}

/* ---- struct mmsghdr vectors ---- */

struct mmsg_state {
	const int *user_namelen;	/* per message, or NULL */
	unsigned int count;		/* messages still to print */
	unsigned int msg_len_count;	/* messages whose msg_len is shown */
	bool use_msg_len;		/* msg_len bounds each message's data */
};

/* The user's name lengths and timeout, saved at recvmmsg entry. */
struct recvmmsg_saved {
	char timeout[96];
	unsigned int count;
	int namelen[NET_IOV_MAX];
};

_Static_assert(sizeof(struct k_mmsghdr) <= PRINT_ARRAY_ELEM_MAX, "print_array reads it whole");

static bool print_mmsg_elem(struct sc *sc, const void *elem, void *data)
{
	struct mmsg_state *st = data;
	struct k_mmsghdr mm;
	memcpy(&mm, elem, sizeof(mm));
	if (!st->count) {
		pr_more(sc->p);
		return false;
	}
	st->count--;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "msg_hdr");
	print_msghdr(sc, &mm.hdr, st->user_namelen, st->use_msg_len ? mm.len : UINT64_MAX);
	if (st->msg_len_count) {
		pr_field(sc->p, "msg_len");
		pr_uint(sc->p, mm.len);
		st->msg_len_count--;
	}
	pr_struct_end(sc->p);
	if (st->user_namelen)
		st->user_namelen++;
	return true;
}

/* VLEN messages at ADDR; with FETCH_OK false, only the address (but NULL and [] as such). */
static void print_mmsg_vec(struct sc *sc, uint64_t addr, unsigned int vlen,
			   struct mmsg_state *st, bool fetch_ok)
{
	if (!fetch_ok && addr && vlen) {
		print_addr(sc, addr);
		return;
	}
	print_array(sc, addr, vlen, sizeof(struct k_mmsghdr), PRINT_ARRAY_IGNORE_ERR,
		    print_mmsg_elem, st);
}

int decode_sendmmsg(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		if (!sc->no_deref)
			return DEC_AT_EXIT;
		print_addr(sc, sc->arg[1]);
		pr_uint(sc->p, (uint32_t)sc->arg[2]);
		net_print_msg_flags(sc->p, (uint32_t)sc->arg[3]);
		return RV_DECODED | RV_DEC;
	}
	struct mmsg_state st = {
		.count = NET_IOV_MAX,
		.msg_len_count = sc_failed(sc) ? 0 : (unsigned int)sc->rval,
	};
	/* The vector was input: it is shown even when the call failed. */
	int err = sc->err;
	sc->err = 0;
	print_mmsg_vec(sc, sc->arg[1], (unsigned int)sc->arg[2], &st, true);
	sc->err = err;
	pr_uint(sc->p, (uint32_t)sc->arg[2]);
	net_print_msg_flags(sc->p, (uint32_t)sc->arg[3]);
	return RV_DEC;
}

static struct recvmmsg_saved *saved_of(struct sc *sc)
{
	return (struct recvmmsg_saved *)(uintptr_t)sc->priv[0];
}

static void save_recvmmsg(struct sc *sc)
{
	struct recvmmsg_saved *s = calloc(1, sizeof(*s));
	if (!s)
		return;
	sprint_timespec_at(sc, sc->arg[4], s->timeout, sizeof(s->timeout));
	unsigned int vlen = (unsigned int)sc->arg[2];
	if (vlen > NET_IOV_MAX)
		vlen = NET_IOV_MAX;
	unsigned int i;
	for (i = 0; i < vlen; i++) {
		struct k_mmsghdr mm;
		if (umove(sc, sc->arg[1] + (uint64_t)i * sizeof(mm), &mm, sizeof(mm)) < 0)
			break;
		s->namelen[i] = (int)mm.hdr.namelen;
	}
	s->count = i;
	sc->priv[0] = (uint64_t)(uintptr_t)s;
}

int decode_recvmmsg(struct sc *sc)
{
	char ts[96];
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		sc->priv[0] = 0;
		if (!sc->no_deref) {
			save_recvmmsg(sc);
			return DEC_AT_EXIT;
		}
		print_addr(sc, sc->arg[1]);
		pr_uint(sc->p, (uint32_t)sc->arg[2]);
		net_print_msg_flags(sc->p, (uint32_t)sc->arg[3]);
		sprint_timespec_at(sc, sc->arg[4], ts, sizeof(ts));
		pr_text(sc->p, ts);
		return DEC_AT_EXIT;
	}
	struct recvmmsg_saved *s = saved_of(sc);
	if (!sc->no_deref) {
		struct mmsg_state st = {
			.count = s && s->count < NET_IOV_MAX ? s->count : NET_IOV_MAX,
			.user_namelen = s ? s->namelen : NULL,
			.msg_len_count = (unsigned int)sc->rval,
			.use_msg_len = true,
		};
		print_mmsg_vec(sc, sc->arg[1], (unsigned int)sc->rval, &st, !sc_failed(sc));
		pr_uint(sc->p, (uint32_t)sc->arg[2]);
		net_print_msg_flags(sc->p, (uint32_t)sc->arg[3]);
		pr_text(sc->p, s ? s->timeout : "NULL");
	}
	free(s);
	sc->priv[0] = 0;
	if (sc_failed(sc))
		return RV_DEC;
	if (sc->rval == 0) {
		snprintf(sc->aux, sizeof(sc->aux), "Timeout");
		return RV_DEC | RV_AUX;
	}
	if (sc->no_deref || !sc->arg[4])
		return RV_DEC;
	sprint_timespec_at(sc, sc->arg[4], ts, sizeof(ts));
	snprintf(sc->aux, sizeof(sc->aux), "left %s", ts);
	return RV_DEC | RV_AUX;
}

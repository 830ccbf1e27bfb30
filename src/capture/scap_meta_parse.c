/* SPDX-License-Identifier: Apache-2.0 */
/* Metadata block parsers (reference §5-§9). Lists are parsed entry by entry until fewer than
 * 4 bytes (padding) remain, as libscap does; the V2 blocks prefix each entry with its length
 * (IL_V2 without the prefix itself, UL_V2/PL_V9/FDL_V2 with it), which bounds the entry and
 * lets us skip fields we do not know. */
#include "capture/scap_meta_parse.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/scap_format.h"
#include "schema/ppm_flags.h"
#include "util/util.h"

/* A bounded reader over a byte range; the first overrun or bad value is remembered. */
struct cur {
	const uint8_t *p;
	size_t end;		/* read limit (an entry's end, or the body's) */
	size_t pos;
	struct scap_meta_err *e;
	bool bad;
};

static void cur_fail(struct cur *c, size_t at, const char *fmt, ...)
{
	va_list ap;

	if (c->bad)
		return;
	c->bad = true;
	c->e->at = at;
	va_start(ap, fmt);
	vsnprintf(c->e->msg, sizeof(c->e->msg), fmt, ap);
	va_end(ap);
}

static const uint8_t *cur_take(struct cur *c, size_t n, const char *what)
{
	if (c->bad)
		return NULL;
	if (n > c->end - c->pos) {
		cur_fail(c, c->pos, "%s: needs %zu bytes, %zu left in the entry", what, n,
			 c->end - c->pos);
		return NULL;
	}
	const uint8_t *p = c->p + c->pos;

	c->pos += n;
	return p;
}

static uint8_t cur_u8(struct cur *c, const char *what)
{
	const uint8_t *p = cur_take(c, 1, what);

	return p ? p[0] : 0;
}

static uint16_t cur_u16(struct cur *c, const char *what)
{
	const uint8_t *p = cur_take(c, 2, what);

	return p ? get_le16(p) : 0;
}

static uint32_t cur_u32(struct cur *c, const char *what)
{
	const uint8_t *p = cur_take(c, 4, what);

	return p ? get_le32(p) : 0;
}

static uint64_t cur_u64(struct cur *c, const char *what)
{
	const uint8_t *p = cur_take(c, 8, what);

	return p ? get_le64(p) : 0;
}

/* A u16-length-prefixed string of at most MAX bytes (MAX itself refused, as libscap's
 * "length < limit" check does for credentials; paths allow up to MAX). Returns a
 * NUL-terminated copy and its length in *LEN (if LEN); "" after an error. */
static char *cur_str(struct cur *c, size_t max, bool max_inclusive, const char *what,
		     size_t *len)
{
	size_t at = c->pos;
	uint16_t n = cur_u16(c, what);

	if (!c->bad && (n > max || (!max_inclusive && n == max)))
		cur_fail(c, at, "%s: length %u over the limit of %zu", what, n, max);
	const uint8_t *p = cur_take(c, n, what);
	char *s = xmalloc((p ? n : 0) + 1);

	if (p)
		memcpy(s, p, n);
	s[p ? n : 0] = '\0';
	if (len)
		*len = p ? n : 0;
	return s;
}

/* Reads an entry length prefix and narrows the cursor to the entry. INCLUDES_SELF: the
 * length counts its own 4 bytes. Returns the entry's end, or 0 on error. */
static size_t cur_entry(struct cur *c, bool includes_self, size_t min, const char *what)
{
	size_t at = c->pos;
	uint32_t l = cur_u32(c, what);

	if (c->bad)
		return 0;
	if (includes_self) {
		if (l < 4 + min) {
			cur_fail(c, at, "%s: entry length %u too short", what, l);
			return 0;
		}
		l -= 4;
	}
	if (l > c->end - c->pos) {
		cur_fail(c, at, "%s: entry length %u runs past the block (%zu bytes left)", what, l,
			 c->end - c->pos);
		return 0;
	}
	return c->pos + l;
}

int scap_parse_mi(struct scap_meta *m, const uint8_t *body, size_t len, struct scap_meta_err *e)
{
	if (len < SCAP_MI_BODY) {
		snprintf(e->msg, sizeof(e->msg), "machine info block has %zu bytes, needs %d", len,
			 SCAP_MI_BODY);
		e->at = 0;
		return -1;
	}
	struct scap_machine *mi = &m->machine;

	memset(mi, 0, sizeof(*mi));
	mi->present = true;
	mi->num_cpus = get_le32(body);
	mi->memory_bytes = get_le64(body + 4);
	mi->max_pid = get_le64(body + 12);
	memcpy(mi->hostname, body + 20, 128);
	mi->hostname[128] = '\0';
	mi->boot_ts = get_le64(body + 148);
	mi->flags = get_le64(body + 156);
	return 0;
}

int scap_parse_il(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		  struct scap_meta_err *e)
{
	struct cur c = { .p = body, .end = len, .e = e };
	bool v2 = bt == SCAP_BT_IL_V2;

	/* A second interface list replaces the first. */
	scap_meta_clear_ifaces(m);
	while (len - c.pos >= 4) {
		size_t entry_end = len;

		if (v2) {
			entry_end = cur_entry(&c, false, 4, "interface entry");
			if (c.bad)
				return -1;
		}
		size_t at = c.pos;
		struct cur ec = { .p = body, .end = entry_end, .pos = c.pos, .e = e };
		struct scap_iface ifc = { 0 };

		ifc.type = cur_u16(&ec, "interface type");
		uint16_t namelen = cur_u16(&ec, "interface name length");
		unsigned alen;

		switch (ifc.type) {
		case SCAP_IFACE_IPV4:
		case SCAP_IFACE_IPV4_NOLINKSPEED:
			alen = 4;
			break;
		case SCAP_IFACE_IPV6:
		case SCAP_IFACE_IPV6_NOLINKSPEED:
			alen = 16;
			break;
		default:
			if (!ec.bad)
				cur_fail(&ec, at, "unknown interface type %u", ifc.type);
			return -1;
		}
		if (!ec.bad && namelen >= SCAP_MAX_IFNAME)
			cur_fail(&ec, at, "interface name length %u over the limit", namelen);
		const uint8_t *a = cur_take(&ec, alen, "interface address");
		const uint8_t *nm = cur_take(&ec, alen, "interface netmask");
		const uint8_t *bc = cur_take(&ec, alen, "interface broadcast address");

		if (ifc.type == SCAP_IFACE_IPV4 || ifc.type == SCAP_IFACE_IPV6)
			ifc.linkspeed = cur_u64(&ec, "interface link speed");
		const uint8_t *name = cur_take(&ec, namelen, "interface name");

		if (ec.bad)
			return -1;
		memcpy(ifc.addr, a, alen);
		memcpy(ifc.netmask, nm, alen);
		memcpy(ifc.bcast, bc, alen);
		ifc.name = xmalloc(namelen + 1u);
		memcpy(ifc.name, name, namelen);
		ifc.name[namelen] = '\0';
		scap_meta_add_iface(m, &ifc);
		c.pos = v2 ? entry_end : ec.pos;
	}
	return 0;
}

int scap_parse_ul(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		  struct scap_meta_err *e)
{
	struct cur c = { .p = body, .end = len, .e = e };
	bool v2 = bt == SCAP_BT_UL_V2;

	scap_meta_clear_users(m);
	while (len - c.pos >= 4) {
		size_t entry_end = len;

		if (v2) {
			entry_end = cur_entry(&c, true, 1, "user entry");
			if (c.bad)
				return -1;
		}
		struct cur ec = { .p = body, .end = entry_end, .pos = c.pos, .e = e };
		uint8_t type = cur_u8(&ec, "user entry type");

		if (type == 0) {
			struct scap_user u = { 0 };

			u.uid = cur_u32(&ec, "user uid");
			u.gid = cur_u32(&ec, "user gid");
			u.name = cur_str(&ec, SCAP_MAX_CRED_STR, false, "user name", NULL);
			u.homedir = cur_str(&ec, SCAP_MAX_CRED_STR, false, "user home", NULL);
			u.shell = cur_str(&ec, SCAP_MAX_CRED_STR, false, "user shell", NULL);
			scap_meta_add_user(m, &u);
		} else {
			/* libscap reads any type other than 0 as a group. */
			struct scap_group g = { 0 };

			g.gid = cur_u32(&ec, "group gid");
			g.name = cur_str(&ec, SCAP_MAX_CRED_STR, false, "group name", NULL);
			scap_meta_add_group(m, &g);
		}
		if (ec.bad)
			return -1;
		c.pos = v2 ? entry_end : ec.pos;
	}
	return 0;
}

static int pl_version(uint32_t bt)
{
	switch (bt) {
	case SCAP_BT_PL_V1:
	case SCAP_BT_PL_V1_OLD:
		return 1;
	case SCAP_BT_PL_V2:
	case SCAP_BT_PL_V2_OLD:
		return 2;
	case SCAP_BT_PL_V3:
	case SCAP_BT_PL_V3_OLD:
		return 3;
	default:
		return (int)(bt - SCAP_BT_PL_V4) + 4;	/* 0x210..0x215 -> 4..9 */
	}
}

/* The PL_V9 tail after root (reference §8): fields are read only if they fit whole. Old
 * (pre libs 0.10) writers put loginuid right after root; a tail of at most 29 bytes is read
 * in that order, as libs does. */
static void pl_v9_tail(struct cur *c, struct scap_thread *t)
{
	size_t left = c->end - c->pos;

#define FITS(n) (c->end - c->pos >= (n))
	if (left <= 29) {
		if (FITS(4))
			t->loginuid = cur_u32(c, "loginuid");
		if (FITS(1))
			t->exe_writable = cur_u8(c, "exe_writable");
	} else {
		if (FITS(8))
			t->pidns_init_start_ts = cur_u64(c, "pidns_init_start_ts");
		if (FITS(4))
			t->tty = cur_u32(c, "tty");
		if (FITS(4))
			t->loginuid = cur_u32(c, "loginuid");
		if (FITS(1))
			t->exe_writable = cur_u8(c, "exe_writable");
	}
	if (FITS(24)) {
		t->has_caps = true;
		t->cap_inheritable = cur_u64(c, "cap_inheritable");
		t->cap_permitted = cur_u64(c, "cap_permitted");
		t->cap_effective = cur_u64(c, "cap_effective");
	}
	/* then exe_upper_layer, exe_ino with its ctime and mtime, exe_from_memfd,
	 * exe_lower_layer, pgid: each came with a later libs, a writer stops where its
	 * version did */
	if (t->has_caps && FITS(1)) {
		t->exe_flags_known |= PPM_EXE_UPPER_LAYER;
		if (cur_u8(c, "exe_upper_layer"))
			t->exe_flags |= PPM_EXE_UPPER_LAYER;
	}
	if ((t->exe_flags_known & PPM_EXE_UPPER_LAYER) && FITS(24)) {
		t->has_exe_file = true;
		t->exe_ino = cur_u64(c, "exe_ino");
		t->exe_ino_ctime = cur_u64(c, "exe_ino_ctime");
		t->exe_ino_mtime = cur_u64(c, "exe_ino_mtime");
	}
	if (t->has_exe_file && FITS(1)) {
		t->exe_flags_known |= PPM_EXE_FROM_MEMFD;
		if (cur_u8(c, "exe_from_memfd"))
			t->exe_flags |= PPM_EXE_FROM_MEMFD;
	}
	if (t->exe_flags_known & PPM_EXE_FROM_MEMFD && FITS(1)) {
		t->exe_flags_known |= PPM_EXE_LOWER_LAYER;
		if (cur_u8(c, "exe_lower_layer"))
			t->exe_flags |= PPM_EXE_LOWER_LAYER;
	}
	if ((t->exe_flags_known & PPM_EXE_LOWER_LAYER) && FITS(8))
		t->pgid = (int64_t)cur_u64(c, "pgid");
#undef FITS
	c->pos = c->end;
}

int scap_parse_pl(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		  struct scap_meta_err *e)
{
	struct cur c = { .p = body, .end = len, .e = e };
	int v = pl_version(bt);

	while (len - c.pos >= 4) {
		size_t entry_end = len;

		if (v >= 9) {
			entry_end = cur_entry(&c, true, 24, "process entry");
			if (c.bad)
				return -1;
		}
		struct cur ec = { .p = body, .end = entry_end, .pos = c.pos, .e = e };
		int64_t tid = (int64_t)cur_u64(&ec, "tid");

		if (ec.bad)
			return -1;
		struct scap_thread *t = scap_meta_thread_add(m, tid);

		t->block_type = bt;
		t->pid = (int64_t)cur_u64(&ec, "pid");
		t->ptid = (int64_t)cur_u64(&ec, "ptid");
		if (v >= 6)
			t->sid = (int64_t)cur_u64(&ec, "sid");
		if (v >= 8)
			t->vpgid = (int64_t)cur_u64(&ec, "vpgid");
		free(t->comm);
		t->comm = cur_str(&ec, SCAP_MAX_PATH, true, "comm", NULL);
		free(t->exe);
		t->exe = cur_str(&ec, SCAP_MAX_PATH, true, "exe", NULL);
		if (v >= 7) {
			free(t->exepath);
			t->exepath = cur_str(&ec, SCAP_MAX_PATH, true, "exepath", NULL);
		}
		free(t->args);
		t->args = cur_str(&ec, SCAP_MAX_ARGS, true, "args", &t->args_len);
		free(t->cwd);
		t->cwd = cur_str(&ec, SCAP_MAX_PATH, true, "cwd", NULL);
		t->fdlimit = cur_u64(&ec, "fdlimit");
		t->flags = cur_u32(&ec, "flags");
		t->uid = cur_u32(&ec, "uid");
		t->gid = cur_u32(&ec, "gid");
		if (v >= 2) {
			t->vmsize_kb = cur_u32(&ec, "vmsize");
			t->vmrss_kb = cur_u32(&ec, "vmrss");
			t->vmswap_kb = cur_u32(&ec, "vmswap");
			t->pfmajor = cur_u64(&ec, "pfmajor");
			t->pfminor = cur_u64(&ec, "pfminor");
		}
		if (v >= 3) {
			free(t->env);
			t->env = cur_str(&ec, SCAP_MAX_ARGS, true, "env", &t->env_len);
		}
		if (v >= 4) {
			t->vtid = (int64_t)cur_u64(&ec, "vtid");
			t->vpid = (int64_t)cur_u64(&ec, "vpid");
			free(t->cgroups);
			t->cgroups = cur_str(&ec, SCAP_MAX_ARGS, true, "cgroups", &t->cgroups_len);
		}
		if (v >= 5) {
			free(t->root);
			t->root = cur_str(&ec, SCAP_MAX_PATH, true, "root", NULL);
		}
		if (v >= 9 && !ec.bad)
			pl_v9_tail(&ec, t);
		if (ec.bad)
			return -1;
		c.pos = v >= 9 ? entry_end : ec.pos;
	}
	return 0;
}

/* The payload of an fd entry of TYPE. Returns false if the type is unknown (v1 cannot skip
 * it). */
static bool fd_payload(struct cur *c, struct scap_fd *f, bool v2)
{
	switch (f->type) {
	case SCAP_FD_IPV4_SOCK: {
		const uint8_t *s = cur_take(c, 4, "fd source address");
		const uint8_t *d = cur_take(c, 4, "fd destination address");

		if (s && d) {
			memcpy(f->sip, s, 4);
			memcpy(f->dip, d, 4);
		}
		f->sport = cur_u16(c, "fd source port");
		f->dport = cur_u16(c, "fd destination port");
		f->l4proto = cur_u8(c, "fd l4 protocol");
		break;
	}
	case SCAP_FD_IPV6_SOCK: {
		const uint8_t *s = cur_take(c, 16, "fd source address");
		const uint8_t *d = cur_take(c, 16, "fd destination address");

		if (s && d) {
			memcpy(f->sip, s, 16);
			memcpy(f->dip, d, 16);
		}
		f->sport = cur_u16(c, "fd source port");
		f->dport = cur_u16(c, "fd destination port");
		f->l4proto = cur_u8(c, "fd l4 protocol");
		break;
	}
	case SCAP_FD_IPV4_SERVSOCK:
	case SCAP_FD_IPV6_SERVSOCK: {
		unsigned alen = f->type == SCAP_FD_IPV4_SERVSOCK ? 4 : 16;
		const uint8_t *a = cur_take(c, alen, "fd address");

		if (a)
			memcpy(f->sip, a, alen);
		f->sport = cur_u16(c, "fd port");
		f->l4proto = cur_u8(c, "fd l4 protocol");
		break;
	}
	case SCAP_FD_UNIX_SOCK:
		f->unix_src = cur_u64(c, "unix socket source");
		f->unix_dst = cur_u64(c, "unix socket destination");
		free(f->name);
		f->name = cur_str(c, SCAP_MAX_PATH, false, "fd name", NULL);
		break;
	case SCAP_FD_FILE_V2:
		f->open_flags = cur_u32(c, "fd open flags");
		free(f->name);
		f->name = cur_str(c, SCAP_MAX_PATH, false, "fd name", NULL);
		if (v2 && c->end - c->pos >= 4) {
			f->dev = cur_u32(c, "fd dev");
			f->has_dev = true;
		}
		break;
	case SCAP_FD_FILE:
	case SCAP_FD_DIRECTORY:
	case SCAP_FD_FIFO:
	case SCAP_FD_EVENT:
	case SCAP_FD_UNSUPPORTED:
	case SCAP_FD_SIGNALFD:
	case SCAP_FD_EVENTPOLL:
	case SCAP_FD_INOTIFY:
	case SCAP_FD_TIMERFD:
	case SCAP_FD_NETLINK:
	case SCAP_FD_BPF:
	case SCAP_FD_USERFAULTFD:
	case SCAP_FD_IOURING:
	case SCAP_FD_MEMFD:
	case SCAP_FD_PIDFD:
		free(f->name);
		f->name = cur_str(c, SCAP_MAX_PATH, false, "fd name", NULL);
		break;
	default:
		return false;
	}
	return true;
}

int scap_parse_fdl(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		   struct scap_meta_err *e)
{
	struct cur c = { .p = body, .end = len, .e = e };
	bool v2 = bt == SCAP_BT_FDL_V2;
	int64_t tid = (int64_t)cur_u64(&c, "fd list tid");

	if (c.bad)
		return -1;
	struct scap_thread *t = scap_meta_thread_add(m, tid);

	while (len - c.pos >= 4) {
		size_t entry_end = len;

		if (v2) {
			entry_end = cur_entry(&c, true, 17, "fd entry");
			if (c.bad)
				return -1;
		}
		size_t at = c.pos;
		struct cur ec = { .p = body, .end = entry_end, .pos = c.pos, .e = e };
		int64_t fdnum = (int64_t)cur_u64(&ec, "fd number");
		uint64_t ino = cur_u64(&ec, "fd inode");
		uint8_t type = cur_u8(&ec, "fd type");

		if (ec.bad)
			return -1;
		struct scap_fd *f = scap_thread_add_fd(t, fdnum);

		f->ino = ino;
		f->type = type;
		f->name = xstrdup("");
		if (!fd_payload(&ec, f, v2)) {
			if (!v2) {
				cur_fail(&ec, at + 16, "unknown fd type %u", type);
				return -1;
			}
			/* A newer fd type: its length tells where the entry ends. */
			ec.pos = entry_end;
		}
		if (ec.bad)
			return -1;
		c.pos = v2 ? entry_end : ec.pos;
	}
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* What the kernel says a new fd is, as the fd tables keep it. */
#include <inttypes.h>
#include <linux/magic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "trace/fd_table_impl.h"
#include "util/util.h"

/* include/uapi/linux/magic.h since Linux 6.9 (pidfs), which glibc 2.36's headers lack */
#ifndef PID_FS_MAGIC
#define PID_FS_MAGIC 0x50494446
#endif

/*
 * /proc/PID/fd/N's link for the file F, or NULL for the filesystems whose link is a path the
 * kernel's facts do not hold. The pseudo filesystems' d_dname: sockfs_dname() "socket:[INO]",
 * pipefs_dname() "pipe:[INO]", anon_inodefs_dname() "anon_inode:NAME", pidfs_dname()
 * "anon_inode:[pidfd]". A memfd is an unlinked file of the internal tmpfs (or hugetlbfs)
 * mount named "memfd:NAME": d_path() gives "/memfd:NAME (deleted)".
 */
static char *kernel_link(const struct fd_kernel_file *f)
{
	char buf[320];

	switch (f->magic) {
	case SOCKFS_MAGIC:
		snprintf(buf, sizeof(buf), "socket:[%" PRIu64 "]", f->ino);
		break;
	case PIPEFS_MAGIC:
		snprintf(buf, sizeof(buf), "pipe:[%" PRIu64 "]", f->ino);
		break;
	case ANON_INODE_FS_MAGIC:
		if (!f->name[0])
			return NULL;
		snprintf(buf, sizeof(buf), "anon_inode:%s", f->name);
		break;
	case PID_FS_MAGIC:
		snprintf(buf, sizeof(buf), "anon_inode:[pidfd]");
		break;
	case TMPFS_MAGIC:
	case HUGETLBFS_MAGIC:
		if (strncmp(f->name, "memfd:", 6))
			return NULL;
		snprintf(buf, sizeof(buf), "/%s" FD_UNLINKED_MARK, f->name);
		break;
	default:
		return NULL;
	}
	return xstrdup(buf);
}

void fd_tables_kernel_file(struct fd_tables *t, pid_t tid, const struct fd_kernel_file *f)
{
	struct fd_table *tab = fd_table_of(t, tid);
	struct fd_entry *e = tab ? fd_get(tab, f->fd) : NULL;
	char *link;

	if (!e)
		return;
	if (f->magic == SOCKFS_MAGIC && S_ISSOCK(f->mode)) {
		e->is_socket = true;
		if (!e->sock_id)
			e->sock_id = ++t->last_sock_id;
		if (e->family < 0 && f->family) {
			e->family = f->family;
			e->type = f->type & 0xf;
			e->protocol = f->protocol;
		}
		if (f->family == AF_NETLINK && f->portid)
			int_map_put(&t->portids, e->sock_id, (void *)(uintptr_t)f->portid);
	}
	if (S_ISCHR(f->mode) || S_ISBLK(f->mode)) {
		/* include/linux/kdev_t.h: MINORBITS 20 */
		e->dev_type = f->mode & S_IFMT;
		e->dev_major = f->rdev >> 20;
		e->dev_minor = f->rdev & 0xfffff;
	}
	if (!t->paths || !(link = kernel_link(f)))
		return;
	free(e->link);
	e->link = link;
	/* a memfd's is the mark; the pseudo filesystems' names never end so */
	e->unlinked = f->magic == TMPFS_MAGIC || f->magic == HUGETLBFS_MAGIC;
}

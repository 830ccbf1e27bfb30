/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The state written back as a capture section's metadata (the inverse of state_load_meta):
 * a capture that starts in the middle of a run (the seconds around an alert) needs the
 * threads, fds, users and interfaces as they are, so that readers name its events' processes
 * and files.
 */
#include <stdlib.h>
#include <string.h>

#include "capture/scap_format.h"
#include "state/state.h"
#include "util/util.h"

static const char *str(const char *s)
{
	return s ? s : "";
}

static void set_str(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(str(src));
}

/*
 * A capture's fd list gives a connection local end first; the state names it client ->
 * server, so a socket whose end is the server's is turned back around.
 */
static void save_fd(struct scap_thread *t, const struct st_fd *f)
{
	struct scap_fd *d = scap_thread_add_fd(t, f->fd);
	bool ours_is_server = f->role == ST_ROLE_SERVER &&
			      (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK);

	d->type = f->type;
	d->l4proto = f->l4proto;
	memcpy(d->sip, ours_is_server ? f->dip : f->sip, 16);
	memcpy(d->dip, ours_is_server ? f->sip : f->dip, 16);
	d->sport = ours_is_server ? f->dport : f->sport;
	d->dport = ours_is_server ? f->sport : f->dport;
	d->open_flags = f->open_flags;
	d->name = xstrdup(str(f->name));
}

static void save_thread(struct scap_meta *m, const struct state *st, struct st_thread *t)
{
	struct scap_thread *s = scap_meta_thread_add(m, t->tid);

	s->block_type = t->fdlist_only ? 0 : SCAP_BT_PL_V9;
	s->pid = t->pid;
	s->ptid = t->ptid;
	s->sid = t->sid;
	s->vpgid = t->vpgid;
	s->pgid = -1;
	s->vtid = t->vtid;
	s->vpid = t->vpid;
	/* the new entry's strings are "" (root stays so: the state has no root) */
	set_str(&s->comm, t->comm);
	set_str(&s->exe, t->exe);
	set_str(&s->exepath, t->exepath);
	set_str(&s->cwd, t->cwd);
	s->args = t->args_len ? memcpy(xmalloc(t->args_len), t->args, t->args_len) : NULL;
	s->args_len = s->args ? t->args_len : 0;
	s->env = t->env_len ? memcpy(xmalloc(t->env_len), t->env, t->env_len) : NULL;
	s->env_len = s->env ? t->env_len : 0;
	s->cgroups = t->cgroups_len ? memcpy(xmalloc(t->cgroups_len), t->cgroups,
					     t->cgroups_len) : NULL;
	s->cgroups_len = s->cgroups ? t->cgroups_len : 0;
	s->fdlimit = t->fdlimit;
	s->flags = t->flags;
	s->uid = t->uid;
	s->gid = t->gid;
	s->loginuid = t->loginuid;
	s->tty = t->tty;
	s->vmsize_kb = t->vmsize_kb;
	s->vmrss_kb = t->vmrss_kb;
	s->vmswap_kb = t->vmswap_kb;
	s->pfmajor = t->pfmajor;
	s->pfminor = t->pfminor;
	if (t->tid != t->pid)
		return;
	/* a process's fds live in its main thread's table */
	for (size_t i = 0; i < t->fdt.n; i++)
		save_fd(s, &t->fdt.fds[i]);
}

void state_save_meta(const struct state *st, struct scap_meta *m)
{
	struct st_thread *t;
	size_t pos = 0;

	for (size_t i = 0; i < st->nifaces; i++) {
		const struct st_iface *s = &st->ifaces[i];
		struct scap_iface f = { .type = s->v6 ? SCAP_IFACE_IPV6 : SCAP_IFACE_IPV4,
					.name = xstrdup("") };

		memcpy(f.addr, s->addr, 16);
		memcpy(f.netmask, s->netmask, 16);
		scap_meta_add_iface(m, &f);
	}
	for (size_t i = 0; i < st->nusers; i++) {
		const struct st_user *u = &st->users[i];

		scap_meta_add_user(m, &(struct scap_user){ .uid = u->uid,
							   .name = xstrdup(str(u->name)),
							   .homedir = xstrdup(str(u->homedir)),
							   .shell = xstrdup(str(u->shell)) });
	}
	for (size_t i = 0; i < st->ngroups; i++)
		scap_meta_add_group(m, &(struct scap_group){
			.gid = st->groups[i].gid, .name = xstrdup(str(st->groups[i].name)) });
	while ((t = state_thread_next(st, &pos)))
		save_thread(m, st, t);
}

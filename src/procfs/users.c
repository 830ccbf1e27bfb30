/* SPDX-License-Identifier: Apache-2.0 */
/* uid/gid -> name with a small cache: ps and lsof ask for the same few ids thousands of times. */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

#include "procfs/users.h"
#include "util/util.h"

struct id_name {
	unsigned int id;
	char *name;
};

struct id_cache {
	struct id_name *v;
	size_t n, cap;
};

static const char *cached(struct id_cache *c, unsigned int id, int is_group)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i].id == id)
			return c->v[i].name;
	char num[16];
	const char *name = NULL;
	if (is_group) {
		struct group *g = getgrgid(id);
		name = g ? g->gr_name : NULL;
	} else {
		struct passwd *p = getpwuid(id);
		name = p ? p->pw_name : NULL;
	}
	if (!name) {
		snprintf(num, sizeof(num), "%u", id);
		name = num;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->v = xrealloc(c->v, c->cap * sizeof(*c->v));
	}
	c->v[c->n].id = id;
	c->v[c->n].name = xstrdup(name);
	return c->v[c->n++].name;
}

const char *user_name(uid_t uid)
{
	static struct id_cache users;
	return cached(&users, uid, 0);
}

const char *group_name(gid_t gid)
{
	static struct id_cache groups;
	return cached(&groups, gid, 1);
}

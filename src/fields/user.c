/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The user and group classes: the thread's uid and gid, and what the capture's (or the
 * machine's) user and group lists say about them. A thread sysdig 0.29 knows nothing about
 * (!live) has the unknown ids: uid and gid 2^32-1, loginuid -1, no names.
 */
#include <stdint.h>

#include "fields/extract.h"
#include "util/util.h"

static size_t user_uid(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_u(out, FT_UINT32, t->live ? t->uid : UINT32_MAX);
}

/* The user entry of the thread's uid, NULL when not known. */
static const struct st_user *user_of(void *ctx)
{
	const struct field_ctx *c = ctx;
	const struct st_thread *t = field_thread(ctx);

	return t && t->live ? state_user(c->st, t->uid) : NULL;
}

static size_t user_name(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_user *u = user_of(ctx);

	return u ? put_cstr(out, u->name) : 0;
}

static size_t user_homedir(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct st_user *u = user_of(ctx);

	return u ? put_cstr(out, u->homedir) : 0;
}

static size_t user_shell(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct st_user *u = user_of(ctx);

	return u ? put_cstr(out, u->shell) : 0;
}

/* The audit uid; its unset value (2^32-1) shows as -1. */
static size_t user_loginuid(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	if (!t->live || t->loginuid == UINT32_MAX)
		return put_i(out, FT_INT64, -1);
	return put_i(out, FT_INT64, t->loginuid);
}

static const struct field_desc user_fields[] = {
	FIELD("user.uid", UINT32, 0, user_uid,
	      "user ID."),
	FIELD("user.name", CHARBUF, 0, user_name,
	      "user name."),
	FIELD("user.homedir", CHARBUF, 0, user_homedir,
	      "home directory of the user."),
	FIELD("user.shell", CHARBUF, 0, user_shell,
	      "user's shell."),
	FIELD("user.loginuid", INT32, 0, user_loginuid,
	      "audit user id (auid)."),
	FIELD("user.loginname", CHARBUF, 0, NULL,
	      "audit user name (auid)."),
};

const struct field_class field_class_user = {
	.name = "user",
	.desc = "Information about the user executing the specific event.",
	.fields = user_fields,
	.nfields = ARRAY_SIZE(user_fields),
};

static size_t group_gid(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_u(out, FT_UINT32, t->live ? t->gid : UINT32_MAX);
}

static size_t group_name(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct field_ctx *c = ctx;
	const struct st_thread *t = field_thread(ctx);
	const struct st_group *g = t && t->live ? state_group(c->st, t->gid) : NULL;

	return g ? put_cstr(out, g->name) : 0;
}

static const struct field_desc group_fields[] = {
	FIELD("group.gid", UINT64, 0, group_gid,
	      "group ID."),
	FIELD("group.name", CHARBUF, 0, group_name,
	      "group name."),
};

const struct field_class field_class_group = {
	.name = "group",
	.desc = "Information about the user group.",
	.fields = group_fields,
	.nfields = ARRAY_SIZE(group_fields),
};

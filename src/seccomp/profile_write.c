/* SPDX-License-Identifier: Apache-2.0 */
/* A profile back into Docker/OCI JSON: what `record` writes and `--merge` rewrites. */
#include "seccomp/profile.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static json_object *strings(char **v, int n, bool sort)
{
	char **copy = xcalloc((size_t)n + 1, sizeof(char *));

	/* An empty list may come as NULL: memcpy() from NULL is undefined even for 0 bytes. */
	if (n > 0)
		memcpy(copy, v, (size_t)n * sizeof(char *));
	if (sort)
		qsort(copy, (size_t)n, sizeof(char *), by_name);
	json_object *a = json_object_new_array();
	for (int i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(copy[i]));
	free(copy);
	return a;
}

static json_object *filter(const struct scp_filter *f)
{
	json_object *o = json_object_new_object();
	if (f->narches)
		json_object_object_add(o, "arches", strings(f->arches, f->narches, false));
	if (f->ncaps)
		json_object_object_add(o, "caps", strings(f->caps, f->ncaps, false));
	if (f->has_min_kernel) {
		char v[32];
		snprintf(v, sizeof(v), "%d.%d", f->min_kernel[0], f->min_kernel[1]);
		json_object_object_add(o, "minKernel", json_object_new_string(v));
	}
	return o;
}

static bool filter_empty(const struct scp_filter *f)
{
	return !f->narches && !f->ncaps && !f->has_min_kernel;
}

static json_object *rule(const struct scp_rule *r)
{
	json_object *o = json_object_new_object();
	char **names = xcalloc((size_t)r->nnames + 1, sizeof(char *));
	for (int i = 0; i < r->nnames; i++)
		names[i] = r->names[i].name;
	json_object_object_add(o, "names", strings(names, r->nnames, true));
	free(names);
	json_object_object_add(o, "action", json_object_new_string(scp_action_name(r->action)));
	if (r->errno_ret >= 0)
		json_object_object_add(o, "errnoRet", json_object_new_int(r->errno_ret));
	if (r->nconds) {
		json_object *args = json_object_new_array();
		for (int i = 0; i < r->nconds; i++) {
			const struct scp_cond *c = &r->conds[i];
			json_object *a = json_object_new_object();
			json_object_object_add(a, "index", json_object_new_int((int)c->index));
			json_object_object_add(a, "value", json_object_new_uint64(c->value));
			json_object_object_add(a, "valueTwo", json_object_new_uint64(c->value_two));
			json_object_object_add(a, "op", json_object_new_string(scp_op_name(c->op)));
			json_object_array_add(args, a);
		}
		json_object_object_add(o, "args", args);
	}
	if (r->comment)
		json_object_object_add(o, "comment", json_object_new_string(r->comment));
	if (!filter_empty(&r->includes))
		json_object_object_add(o, "includes", filter(&r->includes));
	if (!filter_empty(&r->excludes))
		json_object_object_add(o, "excludes", filter(&r->excludes));
	return o;
}

char *scp_to_json(const struct scp_profile *p)
{
	json_object *root = json_object_new_object();
	json_object_object_add(root, "defaultAction",
			       json_object_new_string(scp_action_name(p->default_action)));
	if (p->default_errno_ret >= 0)
		json_object_object_add(root, "defaultErrnoRet",
				       json_object_new_int(p->default_errno_ret));
	json_object_object_add(root, "architectures", strings(p->arch_names, p->narches, false));
	if (p->log_flag || p->spec_allow_flag) {
		json_object *flags = json_object_new_array();
		if (p->log_flag)
			json_object_array_add(flags, json_object_new_string("SECCOMP_FILTER_FLAG_LOG"));
		if (p->spec_allow_flag)
			json_object_array_add(flags,
					      json_object_new_string("SECCOMP_FILTER_FLAG_SPEC_ALLOW"));
		json_object_object_add(root, "flags", flags);
	}
	json_object *rules = json_object_new_array();
	for (int i = 0; i < p->nrules; i++)
		json_object_array_add(rules, rule(&p->rules[i]));
	json_object_object_add(root, "syscalls", rules);
	int flags = JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
		    JSON_C_TO_STRING_NOSLASHESCAPE;
	const char *s = json_object_to_json_string_ext(root, flags);
	size_t n = strlen(s);
	char *out = xmalloc(n + 2);
	memcpy(out, s, n);
	out[n] = '\n';
	out[n + 1] = 0;
	json_object_put(root);
	return out;
}

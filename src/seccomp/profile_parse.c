/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Docker/OCI seccomp JSON into a profile. The shapes follow moby's profiles/seccomp
 * types (Seccomp, Syscall, Filter, Architecture) and the OCI runtime spec's
 * LinuxSeccomp: unknown keys are warnings, wrong types and values errors, each with its
 * JSON path.
 */
#include "seccomp/profile.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <limits.h>
#include <seccomp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

struct parser {
	struct diags *d;
	struct scp_profile *p;
};

static char *pathf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *pathf(const char *fmt, ...)
{
	char *s;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = xstrdup("?");
	va_end(ap);
	return s;
}

static const char *type_name(json_object *o)
{
	switch (json_object_get_type(o)) {
	case json_type_null: return "null";
	case json_type_boolean: return "a boolean";
	case json_type_double: return "a number with a fraction";
	case json_type_int: return "a number";
	case json_type_object: return "an object";
	case json_type_array: return "an array";
	case json_type_string: return "a string";
	}
	return "?";
}

static bool want(struct parser *ps, json_object *o, enum json_type t, const char *path,
		 const char *what)
{
	if (o && json_object_is_type(o, t))
		return true;
	diag_add(ps->d, DIAG_ERROR, path, "must be %s, not %s", what, o ? type_name(o) : "null");
	return false;
}

/* A non-negative integer of at most MAX. */
static bool get_uint(struct parser *ps, json_object *o, const char *path, uint64_t max,
		     uint64_t *out)
{
	if (!want(ps, o, json_type_int, path, "a non-negative integer"))
		return false;
	if (json_object_get_int64(o) < 0) {
		diag_add(ps->d, DIAG_ERROR, path, "must not be negative (%" PRId64 ")",
			 (int64_t)json_object_get_int64(o));
		return false;
	}
	uint64_t v = json_object_get_uint64(o);
	if (v > max) {
		diag_add(ps->d, DIAG_ERROR, path, "%" PRIu64 " is out of range (at most %" PRIu64 ")",
			 v, max);
		return false;
	}
	*out = v;
	return true;
}

static void unknown_keys(struct parser *ps, json_object *obj, const char *path,
			 const char *const *known)
{
	json_object_object_foreach(obj, key, val) {
		(void)val;
		bool ok = false;
		for (const char *const *k = known; *k; k++)
			ok |= !strcmp(*k, key);
		if (!ok) {
			char *kp = pathf("%s%s%s", path, *path ? "." : "", key);
			diag_add(ps->d, DIAG_WARNING, kp, "unknown key, ignored");
			free(kp);
		}
	}
}

/* An array of strings into a NULL-terminated vector. */
static char **string_array(struct parser *ps, json_object *a, const char *path, int *n)
{
	*n = 0;
	if (!want(ps, a, json_type_array, path, "an array of strings"))
		return NULL;
	size_t len = json_object_array_length(a);
	char **v = xcalloc(len + 1, sizeof(char *));
	for (size_t i = 0; i < len; i++) {
		json_object *e = json_object_array_get_idx(a, i);
		char *ep = pathf("%s[%zu]", path, i);
		if (want(ps, e, json_type_string, ep, "a string"))
			v[(*n)++] = xstrdup(json_object_get_string(e));
		free(ep);
	}
	return v;
}

static enum scp_action parse_action(struct parser *ps, json_object *o, const char *path)
{
	if (!want(ps, o, json_type_string, path, "an action name (SCMP_ACT_...)"))
		return SCP_ACT_ALLOW;
	int a = scp_action_by_name(json_object_get_string(o));
	if (a < 0) {
		diag_add(ps->d, DIAG_ERROR, path,
			 "unknown action '%s' (SCMP_ACT_ALLOW, SCMP_ACT_ERRNO, SCMP_ACT_KILL, "
			 "SCMP_ACT_KILL_PROCESS, SCMP_ACT_KILL_THREAD, SCMP_ACT_TRAP, "
			 "SCMP_ACT_TRACE, SCMP_ACT_LOG, SCMP_ACT_NOTIFY)",
			 json_object_get_string(o));
		return SCP_ACT_ALLOW;
	}
	return (enum scp_action)a;
}

/* errnoRet/defaultErrnoRet: an errno value the kernel can return (16 bits of data). */
static int parse_errno_ret(struct parser *ps, json_object *o, const char *path,
			   enum scp_action action)
{
	uint64_t v;
	if (!get_uint(ps, o, path, 4095, &v))
		return -1;
	if (action != SCP_ACT_ERRNO && action != SCP_ACT_TRACE)
		diag_add(ps->d, DIAG_WARNING, path, "only SCMP_ACT_ERRNO and SCMP_ACT_TRACE use "
			 "it; %s ignores it", scp_action_name(action));
	return (int)v;
}

static uint32_t arch_token(const char *name)
{
	if (strncmp(name, "SCMP_ARCH_", 10) != 0)
		return 0;
	char low[32];
	size_t i;
	for (i = 0; name[10 + i] && i < sizeof(low) - 1; i++) {
		char c = name[10 + i];
		low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	low[i] = 0;
	return seccomp_arch_resolve_name(low);
}

static void add_arch(struct parser *ps, json_object *o, const char *path)
{
	if (!want(ps, o, json_type_string, path, "an architecture name (SCMP_ARCH_...)"))
		return;
	const char *name = json_object_get_string(o);
	uint32_t tok = arch_token(name);
	if (!tok) {
		diag_add(ps->d, DIAG_ERROR, path, "unknown architecture '%s' (SCMP_ARCH_X86_64, "
			 "SCMP_ARCH_X86, SCMP_ARCH_X32, SCMP_ARCH_AARCH64, ...)", name);
		return;
	}
	struct scp_profile *p = ps->p;
	for (int i = 0; i < p->narches; i++)
		if (p->arches[i] == tok) {
			diag_add(ps->d, DIAG_WARNING, path, "architecture %s is listed twice", name);
			return;
		}
	p->arches = xrealloc(p->arches, (size_t)(p->narches + 1) * sizeof(*p->arches));
	p->arch_names = xrealloc(p->arch_names, (size_t)(p->narches + 2) * sizeof(char *));
	p->arches[p->narches] = tok;
	p->arch_names[p->narches++] = xstrdup(name);
	p->arch_names[p->narches] = NULL;
}

static void add_sub_arches(struct parser *ps, json_object *subs, const char *entry)
{
	char *sp = pathf("%s.subArchitectures", entry);
	/* moby writes null for an architecture without sub-architectures. */
	if (!json_object_is_type(subs, json_type_null) &&
	    want(ps, subs, json_type_array, sp, "an array"))
		for (size_t j = 0; j < json_object_array_length(subs); j++) {
			char *jp = pathf("%s[%zu]", sp, j);
			add_arch(ps, json_object_array_get_idx(subs, j), jp);
			free(jp);
		}
	free(sp);
}

/* moby: archMap lists each architecture with its sub-architectures; the native one counts. */
static void parse_arch_map(struct parser *ps, json_object *a)
{
	if (!want(ps, a, json_type_array, "archMap", "an array"))
		return;
	uint32_t native = seccomp_arch_native();
	for (size_t i = 0; i < json_object_array_length(a); i++) {
		json_object *e = json_object_array_get_idx(a, i), *arch, *subs;
		char *ep = pathf("archMap[%zu]", i);
		if (!want(ps, e, json_type_object, ep, "an object")) {
			free(ep);
			continue;
		}
		static const char *const keys[] = { "architecture", "subArchitectures", NULL };
		unknown_keys(ps, e, ep, keys);
		char *ap = pathf("%s.architecture", ep);
		if (!json_object_object_get_ex(e, "architecture", &arch)) {
			diag_add(ps->d, DIAG_ERROR, ep, "has no \"architecture\"");
		} else if (want(ps, arch, json_type_string, ap, "an architecture name")) {
			uint32_t tok = arch_token(json_object_get_string(arch));
			/* Only the native entry is used: an unknown one elsewhere costs nothing. */
			if (!tok)
				diag_add(ps->d, DIAG_WARNING, ap, "architecture '%s' is unknown to "
					 "libseccomp %u.%u; ignored (it is not this machine's)",
					 json_object_get_string(arch), seccomp_version()->major,
					 seccomp_version()->minor);
			if (tok == native) {
				ps->p->from_arch_map = true;
				add_arch(ps, arch, ap);
				if (json_object_object_get_ex(e, "subArchitectures", &subs))
					add_sub_arches(ps, subs, ep);
			}
		}
		free(ap);
		free(ep);
	}
}

static void parse_filter(struct parser *ps, json_object *o, const char *path,
			 struct scp_filter *f)
{
	if (!want(ps, o, json_type_object, path, "an object"))
		return;
	static const char *const keys[] = { "arches", "caps", "minKernel", NULL };
	unknown_keys(ps, o, path, keys);
	json_object *v;
	if (json_object_object_get_ex(o, "arches", &v)) {
		char *ap = pathf("%s.arches", path);
		f->arches = string_array(ps, v, ap, &f->narches);
		free(ap);
	}
	if (json_object_object_get_ex(o, "caps", &v)) {
		char *cp = pathf("%s.caps", path);
		f->caps = string_array(ps, v, cp, &f->ncaps);
		for (int i = 0; i < f->ncaps; i++)
			if (!scp_cap_known(f->caps[i])) {
				char *ip = pathf("%s[%d]", cp, i);
				diag_add(ps->d, DIAG_WARNING, ip, "unknown capability '%s'", f->caps[i]);
				free(ip);
			}
		free(cp);
	}
	if (json_object_object_get_ex(o, "minKernel", &v)) {
		char *kp = pathf("%s.minKernel", path);
		int maj, min, end = 0;
		if (want(ps, v, json_type_string, kp, "a kernel version string (\"4.8\")")) {
			const char *s = json_object_get_string(v);
			if (sscanf(s, "%d.%d%n", &maj, &min, &end) == 2 && !s[end] && maj >= 0 &&
			    min >= 0) {
				f->has_min_kernel = true;
				f->min_kernel[0] = maj;
				f->min_kernel[1] = min;
			} else {
				diag_add(ps->d, DIAG_ERROR, kp, "'%s' is not a kernel version "
					 "(MAJOR.MINOR, like \"4.8\")", s);
			}
		}
		free(kp);
	}
}

static void parse_cond(struct parser *ps, json_object *o, const char *path, struct scp_cond *c)
{
	static const char *const keys[] = { "index", "value", "valueTwo", "op", NULL };
	unknown_keys(ps, o, path, keys);
	json_object *v;
	uint64_t u;
	char *kp = pathf("%s.index", path);
	if (!json_object_object_get_ex(o, "index", &v))
		diag_add(ps->d, DIAG_ERROR, path, "has no \"index\" (the argument, 0 to 5)");
	else if (get_uint(ps, v, kp, 5, &u))
		c->index = (unsigned)u;
	free(kp);
	kp = pathf("%s.value", path);
	if (json_object_object_get_ex(o, "value", &v) && get_uint(ps, v, kp, UINT64_MAX, &u))
		c->value = u;
	free(kp);
	kp = pathf("%s.valueTwo", path);
	bool has_two = json_object_object_get_ex(o, "valueTwo", &v);
	if (has_two && get_uint(ps, v, kp, UINT64_MAX, &u))
		c->value_two = u;
	free(kp);
	kp = pathf("%s.op", path);
	if (!json_object_object_get_ex(o, "op", &v)) {
		diag_add(ps->d, DIAG_ERROR, path, "has no \"op\" (SCMP_CMP_EQ, ...)");
	} else if (want(ps, v, json_type_string, kp, "an operator name (SCMP_CMP_...)")) {
		c->op = scp_op_by_name(json_object_get_string(v));
		if (!c->op)
			diag_add(ps->d, DIAG_ERROR, kp, "unknown operator '%s' (SCMP_CMP_NE, "
				 "SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_EQ, SCMP_CMP_GE, SCMP_CMP_GT, "
				 "SCMP_CMP_MASKED_EQ)", json_object_get_string(v));
		else if (has_two && c->op != SCMP_CMP_MASKED_EQ && c->value_two)
			diag_add(ps->d, DIAG_WARNING, path, "valueTwo is used only by "
				 "SCMP_CMP_MASKED_EQ; %s ignores it", scp_op_name(c->op));
	}
	free(kp);
}

static void parse_rule(struct parser *ps, json_object *o, size_t idx)
{
	char *path = pathf("syscalls[%zu]", idx);
	if (!want(ps, o, json_type_object, path, "an object")) {
		free(path);
		return;
	}
	static const char *const keys[] = { "names", "name", "action", "errnoRet", "args",
					    "comment", "includes", "excludes", NULL };
	unknown_keys(ps, o, path, keys);
	struct scp_rule *r = scp_add_rule(ps->p, SCP_ACT_ALLOW);
	free(r->path);
	r->path = path;
	json_object *v;
	char *kp;

	if (json_object_object_get_ex(o, "name", &v)) {
		kp = pathf("%s.name", path);
		if (want(ps, v, json_type_string, kp, "a syscall name")) {
			scp_rule_add_name(r, json_object_get_string(v));
			free(r->names[r->nnames - 1].path);
			r->names[r->nnames - 1].path = xstrdup(kp);
		}
		free(kp);
	}
	if (json_object_object_get_ex(o, "names", &v)) {
		kp = pathf("%s.names", path);
		if (want(ps, v, json_type_array, kp, "an array of syscall names"))
			for (size_t i = 0; i < json_object_array_length(v); i++) {
				json_object *e = json_object_array_get_idx(v, i);
				char *ep = pathf("%s[%zu]", kp, i);
				if (want(ps, e, json_type_string, ep, "a syscall name")) {
					scp_rule_add_name(r, json_object_get_string(e));
					free(r->names[r->nnames - 1].path);
					r->names[r->nnames - 1].path = xstrdup(ep);
				}
				free(ep);
			}
		free(kp);
	}
	if (r->nnames == 0)
		diag_add(ps->d, DIAG_WARNING, path, "names no syscall (\"names\" or \"name\")");

	kp = pathf("%s.action", path);
	if (json_object_object_get_ex(o, "action", &v))
		r->action = parse_action(ps, v, kp);
	else
		diag_add(ps->d, DIAG_ERROR, path, "has no \"action\"");
	free(kp);

	if (json_object_object_get_ex(o, "errnoRet", &v)) {
		kp = pathf("%s.errnoRet", path);
		r->errno_ret = parse_errno_ret(ps, v, kp, r->action);
		free(kp);
	}
	if (json_object_object_get_ex(o, "comment", &v) && json_object_is_type(v, json_type_string))
		r->comment = xstrdup(json_object_get_string(v));
	if (json_object_object_get_ex(o, "includes", &v)) {
		kp = pathf("%s.includes", path);
		parse_filter(ps, v, kp, &r->includes);
		free(kp);
	}
	if (json_object_object_get_ex(o, "excludes", &v)) {
		kp = pathf("%s.excludes", path);
		parse_filter(ps, v, kp, &r->excludes);
		free(kp);
	}
	if (json_object_object_get_ex(o, "args", &v) && !json_object_is_type(v, json_type_null)) {
		kp = pathf("%s.args", path);
		if (want(ps, v, json_type_array, kp, "an array of conditions")) {
			size_t n = json_object_array_length(v);
			r->conds = xcalloc(n + 1, sizeof(*r->conds));
			for (size_t i = 0; i < n; i++) {
				json_object *e = json_object_array_get_idx(v, i);
				char *ep = pathf("%s[%zu]", kp, i);
				if (want(ps, e, json_type_object, ep, "an object"))
					parse_cond(ps, e, ep, &r->conds[r->nconds++]);
				free(ep);
			}
		}
		free(kp);
	}
}

static void parse_flags(struct parser *ps, json_object *a)
{
	int n;
	char **flags = string_array(ps, a, "flags", &n);
	for (int i = 0; i < n; i++) {
		if (!strcmp(flags[i], "SECCOMP_FILTER_FLAG_LOG"))
			ps->p->log_flag = true;
		else if (!strcmp(flags[i], "SECCOMP_FILTER_FLAG_SPEC_ALLOW"))
			ps->p->spec_allow_flag = true;
		else if (strcmp(flags[i], "SECCOMP_FILTER_FLAG_TSYNC") != 0) {
			char *fp = pathf("flags[%d]", i);
			diag_add(ps->d, DIAG_ERROR, fp, "unknown flag '%s' (SECCOMP_FILTER_FLAG_LOG, "
				 "SECCOMP_FILTER_FLAG_SPEC_ALLOW, SECCOMP_FILTER_FLAG_TSYNC)", flags[i]);
			free(fp);
		}
	}
	for (int i = 0; i < n; i++)
		free(flags[i]);
	free(flags);
}

static void parse_top(struct parser *ps, json_object *root)
{
	struct scp_profile *p = ps->p;
	if (!want(ps, root, json_type_object, "(top level)", "an object"))
		return;
	static const char *const keys[] = { "defaultAction", "defaultErrnoRet", "architectures",
					    "archMap", "syscalls", "flags", "listenerPath",
					    "listenerMetadata", "comment", NULL };
	unknown_keys(ps, root, "", keys);
	json_object *v;
	if (json_object_object_get_ex(root, "defaultAction", &v))
		p->default_action = parse_action(ps, v, "defaultAction");
	else
		diag_add(ps->d, DIAG_ERROR, "", "no \"defaultAction\": every profile needs one");
	if (json_object_object_get_ex(root, "defaultErrnoRet", &v))
		p->default_errno_ret = parse_errno_ret(ps, v, "defaultErrnoRet", p->default_action);
	json_object *arches = NULL, *map = NULL;
	json_object_object_get_ex(root, "architectures", &arches);
	json_object_object_get_ex(root, "archMap", &map);
	if (arches && map)
		diag_add(ps->d, DIAG_ERROR, "archMap", "\"architectures\" and \"archMap\" are both "
			 "given; use one");
	if (arches && want(ps, arches, json_type_array, "architectures", "an array"))
		for (size_t i = 0; i < json_object_array_length(arches); i++) {
			char *ap = pathf("architectures[%zu]", i);
			add_arch(ps, json_object_array_get_idx(arches, i), ap);
			free(ap);
		}
	if (map && !arches)
		parse_arch_map(ps, map);
	if (json_object_object_get_ex(root, "flags", &v) && !json_object_is_type(v, json_type_null))
		parse_flags(ps, v);
	if (json_object_object_get_ex(root, "syscalls", &v) &&
	    !json_object_is_type(v, json_type_null) &&
	    want(ps, v, json_type_array, "syscalls", "an array of rules"))
		for (size_t i = 0; i < json_object_array_length(v); i++)
			parse_rule(ps, json_object_array_get_idx(v, i), i);
}

/* Line and column (both from 1) of byte OFF of TEXT. */
static void line_col(const char *text, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off && text[i]; i++) {
		if (text[i] == '\n') {
			(*line)++;
			*col = 1;
		} else {
			(*col)++;
		}
	}
}

int scp_parse(const char *file, const char *text, size_t len, struct scp_profile *p,
	      struct diags *d)
{
	memset(p, 0, sizeof(*p));
	p->file = xstrdup(file);
	p->default_action = SCP_ACT_ALLOW;
	p->default_errno_ret = -1;
	int errors_before = d->errors;

	struct json_tokener *tok = json_tokener_new();
	/* Docker reads profiles with Go's strict decoder: no trailing commas, no 01. */
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	json_object *root = json_tokener_parse_ex(tok, text, (int)len);
	enum json_tokener_error jerr = json_tokener_get_error(tok);
	size_t end = json_tokener_get_parse_end(tok);
	char where[64];
	int line, col;
	if (!root || jerr != json_tokener_success) {
		if (jerr == json_tokener_continue || jerr == json_tokener_success) {
			line_col(text, len, &line, &col);
			snprintf(where, sizeof(where), "line %d, column %d", line, col);
			diag_add(d, DIAG_ERROR, where, "unexpected end of the file: the JSON is "
				 "incomplete (an unclosed object, array or string)");
		} else {
			/* The tokener stops at the character it refused. */
			line_col(text, end, &line, &col);
			snprintf(where, sizeof(where), "line %d, column %d", line, col);
			diag_add(d, DIAG_ERROR, where, "JSON syntax error: %s",
				 json_tokener_error_desc(jerr));
		}
		json_tokener_free(tok);
		json_object_put(root);
		return -1;
	}
	while (end < len && strchr(" \t\r\n", text[end]))
		end++;
	if (end < len) {
		line_col(text, end, &line, &col);
		snprintf(where, sizeof(where), "line %d, column %d", line, col);
		diag_add(d, DIAG_ERROR, where, "JSON syntax error: text after the end of the "
			 "profile object");
	}
	json_tokener_free(tok);

	struct parser ps = { .d = d, .p = p };
	parse_top(&ps, root);
	json_object_put(root);
	return d->errors > errors_before ? -1 : 0;
}

int scp_load_file(const char *file, struct scp_profile *p, struct diags *d)
{
	memset(p, 0, sizeof(*p));
	FILE *f = fopen(file, "r");
	if (!f) {
		diag_add(d, DIAG_ERROR, "", "cannot open: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		diag_add(d, DIAG_ERROR, "", "is a directory, not a profile");
		return -1;
	}
	size_t cap = 4096, len = 0;
	char *buf = xmalloc(cap);
	size_t n;
	while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += n;
		if (cap - len < 2) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	int rd_err = ferror(f);
	fclose(f);
	buf[len] = 0;
	if (rd_err) {
		diag_add(d, DIAG_ERROR, "", "read error");
		free(buf);
		return -1;
	}
	if (len == 0) {
		diag_add(d, DIAG_ERROR, "", "the file is empty");
		free(buf);
		return -1;
	}
	int rc = scp_parse(file, buf, len, p, d);
	free(buf);
	return rc;
}

static void free_filter(struct scp_filter *f)
{
	for (int i = 0; i < f->narches; i++)
		free(f->arches[i]);
	for (int i = 0; i < f->ncaps; i++)
		free(f->caps[i]);
	free(f->arches);
	free(f->caps);
}

void scp_profile_free(struct scp_profile *p)
{
	for (int i = 0; i < p->nrules; i++) {
		struct scp_rule *r = &p->rules[i];
		for (int j = 0; j < r->nnames; j++) {
			free(r->names[j].name);
			free(r->names[j].path);
		}
		free(r->names);
		free(r->conds);
		free_filter(&r->includes);
		free_filter(&r->excludes);
		free(r->comment);
		free(r->path);
	}
	free(p->rules);
	for (int i = 0; i < p->narches; i++)
		free(p->arch_names[i]);
	free(p->arch_names);
	free(p->arches);
	free(p->file);
	memset(p, 0, sizeof(*p));
}

void scp_profile_init(struct scp_profile *p, enum scp_action dflt)
{
	memset(p, 0, sizeof(*p));
	p->default_action = dflt;
	p->default_errno_ret = dflt == SCP_ACT_ERRNO ? 1 : -1;
	static const char *const arches[] = { "SCMP_ARCH_X86_64", "SCMP_ARCH_X86",
					      "SCMP_ARCH_X32" };
	p->arches = xcalloc(3, sizeof(*p->arches));
	p->arch_names = xcalloc(4, sizeof(char *));
	for (int i = 0; i < 3; i++) {
		p->arches[i] = arch_token(arches[i]);
		p->arch_names[i] = xstrdup(arches[i]);
	}
	p->narches = 3;
}

struct scp_rule *scp_add_rule(struct scp_profile *p, enum scp_action action)
{
	p->rules = xrealloc(p->rules, (size_t)(p->nrules + 1) * sizeof(*p->rules));
	struct scp_rule *r = &p->rules[p->nrules++];
	memset(r, 0, sizeof(*r));
	r->action = action;
	r->errno_ret = -1;
	r->path = pathf("syscalls[%d]", p->nrules - 1);
	return r;
}

void scp_rule_add_name(struct scp_rule *r, const char *name)
{
	r->names = xrealloc(r->names, (size_t)(r->nnames + 1) * sizeof(*r->names));
	r->names[r->nnames].name = xstrdup(name);
	r->names[r->nnames].path = pathf("%s.names[%d]", r->path ? r->path : "syscalls[?]",
					  r->nnames);
	r->nnames++;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* sysray proc PID: one page on a process, from a dozen /proc/PID files. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "procfs/caps.h"
#include "procfs/container.h"
#include "procfs/proc_file.h"
#include "procfs/proc_task.h"
#include "procfs/users.h"
#include "procfs/views.h"
#include "util/util.h"

/* Each value is a JSON value; the text page prints the same values. */
struct page {
	json_object *obj;
};

static json_object *err_value(int err)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "error", json_object_new_string(strerror(err)));
	return o;
}

static void put(struct page *p, const char *key, json_object *v)
{
	json_object_object_add(p->obj, key, v);
}

static void put_link(struct page *p, pid_t pid, const char *name, const char *key)
{
	char path[64], buf[PATH_MAX + 1];
	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, name);
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0) {
		put(p, key, err_value(errno));
		return;
	}
	buf[n] = '\0';
	put(p, key, json_object_new_string(buf));
}

static json_object *id_json(unsigned int id, const char *name)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "id", json_object_new_int64(id));
	json_object_object_add(o, "name", json_object_new_string(name));
	return o;
}

static void cap_add(void *ctx, unsigned int n, const char *name)
{
	char b[24];
	if (!name) {
		snprintf(b, sizeof(b), "cap_%u", n);
		name = b;
	}
	json_object_array_add(ctx, json_object_new_string(name));
}

static json_object *caps_json(const char *hex)
{
	uint64_t set = strtoull(hex, NULL, 16);
	json_object *o = json_object_new_object();
	json_object_object_add(o, "hex", json_object_new_string(hex));
	json_object *names = json_object_new_array();
	caps_each(set, cap_add, names);
	json_object_object_add(o, "names", names);
	uint64_t all = cap_count() >= 64 ? ~0ULL : (1ULL << cap_count()) - 1;
	json_object_object_add(o, "all", json_object_new_boolean((set & all) == all));
	return o;
}

static void put_status(struct page *p, pid_t pid, const char *status)
{
	char v[512];
	if (proc_field(status, "State", v, sizeof(v)))
		put(p, "state", json_object_new_string(v));
	if (proc_field(status, "PPid", v, sizeof(v)))
		put(p, "ppid", json_object_new_int(atoi(v)));
	static const char *const id_names[] = { "real", "effective", "saved", "filesystem" };
	unsigned int ids[4];
	if (proc_field(status, "Uid", v, sizeof(v)) &&
	    sscanf(v, "%u %u %u %u", &ids[0], &ids[1], &ids[2], &ids[3]) == 4) {
		json_object *u = json_object_new_object();
		for (int i = 0; i < 4; i++)
			json_object_object_add(u, id_names[i], id_json(ids[i], user_name(ids[i])));
		put(p, "uid", u);
	}
	if (proc_field(status, "Gid", v, sizeof(v)) &&
	    sscanf(v, "%u %u %u %u", &ids[0], &ids[1], &ids[2], &ids[3]) == 4) {
		json_object *g = json_object_new_object();
		for (int i = 0; i < 4; i++)
			json_object_object_add(g, id_names[i], id_json(ids[i], group_name(ids[i])));
		put(p, "gid", g);
	}
	if (proc_field(status, "Groups", v, sizeof(v))) {
		json_object *g = json_object_new_array();
		for (char *tok = strtok(v, " "); tok; tok = strtok(NULL, " "))
			json_object_array_add(g, id_json((unsigned int)atoi(tok),
							 group_name((gid_t)atoi(tok))));
		put(p, "groups", g);
	}
	if (proc_field(status, "Threads", v, sizeof(v)))
		put(p, "threads", json_object_new_int(atoi(v)));
	static const char *const caps[][2] = {
		{ "CapEff", "effective" }, { "CapPrm", "permitted" }, { "CapInh", "inheritable" },
		{ "CapBnd", "bounding" },  { "CapAmb", "ambient" },
	};
	json_object *c = json_object_new_object();
	for (size_t i = 0; i < ARRAY_SIZE(caps); i++)
		if (proc_field(status, caps[i][0], v, sizeof(v)))
			json_object_object_add(c, caps[i][1], caps_json(v));
	put(p, "capabilities", c);
	json_object *s = json_object_new_object();
	static const char *const modes[] = { "disabled", "strict", "filter" };
	int mode = -1;
	if (proc_field(status, "Seccomp", v, sizeof(v))) {
		mode = atoi(v);
		json_object_object_add(s, "mode", json_object_new_int(mode));
		json_object_object_add(s, "mode_name", json_object_new_string(
			mode >= 0 && mode <= 2 ? modes[mode] : "unknown"));
	}
	/* Seccomp_filters appeared in Linux 5.9. */
	if (proc_field(status, "Seccomp_filters", v, sizeof(v)))
		json_object_object_add(s, "filters", json_object_new_int(atoi(v)));
	if (proc_field(status, "NoNewPrivs", v, sizeof(v)))
		json_object_object_add(s, "no_new_privs", json_object_new_int(atoi(v)));
	put(p, "seccomp", s);
}

static void put_tasks(struct page *p, pid_t pid)
{
	pid_t *tids;
	size_t n;
	int rc = proc_list_tasks(pid, &tids, &n);
	if (rc) {
		put(p, "tids", err_value(-rc));
		return;
	}
	json_object *a = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_int(tids[i]));
	free(tids);
	put(p, "tids", a);
}

static void put_fd_count(struct page *p, pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	DIR *d = opendir(path);
	if (!d) {
		put(p, "fds", err_value(errno));
		return;
	}
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	put(p, "fds", json_object_new_int(n));
}

static void put_namespaces(struct page *p, pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/ns", (int)pid);
	DIR *d = opendir(path);
	if (!d) {
		put(p, "namespaces", err_value(errno));
		return;
	}
	char *names[32];
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)) && n < ARRAY_SIZE(names))
		if (de->d_name[0] != '.')
			names[n++] = xstrdup(de->d_name);
	closedir(d);
	/* Sorted, so that the page reads the same every time. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	json_object *o = json_object_new_object();
	for (size_t i = 0; i < n; i++) {
		char link[96], buf[128];
		snprintf(link, sizeof(link), "/proc/%d/ns/%s", (int)pid, names[i]);
		ssize_t l = readlink(link, buf, sizeof(buf) - 1);
		if (l < 0) {
			json_object_object_add(o, names[i], err_value(errno));
		} else {
			buf[l] = '\0';
			json_object_object_add(o, names[i], json_object_new_string(buf));
		}
		free(names[i]);
	}
	put(p, "namespaces", o);
}

static void put_cgroup(struct page *p, pid_t pid)
{
	char *cg = proc_read(pid, "cgroup", NULL);
	if (!cg) {
		put(p, "cgroup", err_value(errno));
		return;
	}
	json_object *a = json_object_new_array();
	for (char *line = strtok(cg, "\n"); line; line = strtok(NULL, "\n"))
		json_object_array_add(a, json_object_new_string(line));
	put(p, "cgroup", a);
	free(cg);
	cg = proc_read(pid, "cgroup", NULL);
	struct container_ref c;
	if (cg && container_from_cgroup(cg, &c)) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "runtime", json_object_new_string(c.runtime));
		json_object_object_add(o, "id", json_object_new_string(c.id));
		put(p, "container", o);
	} else {
		put(p, "container", NULL);
	}
	free(cg);
}

static void put_limits(struct page *p, pid_t pid)
{
	char *lim = proc_read(pid, "limits", NULL);
	if (!lim) {
		put(p, "limits", err_value(errno));
		return;
	}
	/* "Limit  Soft Limit  Hard Limit  Units": the name is everything before the first
	 * run of two or more blanks. */
	json_object *o = json_object_new_object();
	char *save = NULL;
	int first = 1;
	for (char *line = strtok_r(lim, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (first) {
			first = 0;
			continue;
		}
		char *gap = strstr(line, "  ");
		if (!gap)
			continue;
		*gap = '\0';
		char soft[32], hard[32], units[32] = "";
		if (sscanf(gap + 1, "%31s %31s %31s", soft, hard, units) < 2)
			continue;
		json_object *l = json_object_new_object();
		json_object_object_add(l, "soft", json_object_new_string(soft));
		json_object_object_add(l, "hard", json_object_new_string(hard));
		if (units[0])
			json_object_object_add(l, "units", json_object_new_string(units));
		json_object_object_add(o, line, l);
	}
	free(lim);
	put(p, "limits", o);
}

static void put_cmdline(struct page *p, pid_t pid)
{
	size_t len;
	char *c = proc_read(pid, "cmdline", &len);
	if (!c) {
		put(p, "cmdline", err_value(errno));
		return;
	}
	json_object *a = json_object_new_array();
	while (len && c[len - 1] == '\0')
		len--;
	for (size_t i = 0; i < len;) {
		size_t l = strnlen(c + i, len - i);
		json_object_array_add(a, json_object_new_string_len(c + i, (int)l));
		i += l + 1;
	}
	free(c);
	put(p, "cmdline", a);
}

/* ---- text page ---- */

static const char *str_or_err(json_object *v, char *buf, size_t size)
{
	json_object *e;
	if (!v)
		return "-";
	if (json_object_is_type(v, json_type_object) && json_object_object_get_ex(v, "error", &e)) {
		snprintf(buf, size, "? (%s)", json_object_get_string(e));
		return buf;
	}
	return json_object_get_string(v);
}

static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;
	json_object_object_get_ex(o, key, &v);
	return v;
}

static void print_ids(const char *label, json_object *ids)
{
	char b[256];
	if (!ids || !json_object_is_type(ids, json_type_object) || get(ids, "error")) {
		printf("%-12s %s\n", label, str_or_err(ids, b, sizeof(b)));
		return;
	}
	printf("%-12s", label);
	json_object_object_foreach(ids, k, v)
		printf(" %s=%s(%s)", k, json_object_get_string(get(v, "id")),
		       json_object_get_string(get(v, "name")));
	putchar('\n');
}

static void print_text(json_object *o)
{
	char b[512];
	printf("%-12s %s\n", "pid", json_object_get_string(get(o, "pid")));
	printf("%-12s %s\n", "comm", str_or_err(get(o, "comm"), b, sizeof(b)));
	printf("%-12s %s\n", "exe", str_or_err(get(o, "exe"), b, sizeof(b)));
	json_object *cmd = get(o, "cmdline");
	printf("%-12s", "cmdline");
	if (json_object_is_type(cmd, json_type_array))
		for (size_t i = 0; i < json_object_array_length(cmd); i++)
			printf(" %s", json_object_get_string(json_object_array_get_idx(cmd, i)));
	else
		printf(" %s", str_or_err(cmd, b, sizeof(b)));
	putchar('\n');
	printf("%-12s %s\n", "cwd", str_or_err(get(o, "cwd"), b, sizeof(b)));
	printf("%-12s %s\n", "root", str_or_err(get(o, "root"), b, sizeof(b)));
	printf("%-12s %s\n", "state", str_or_err(get(o, "state"), b, sizeof(b)));
	printf("%-12s %s\n", "ppid", str_or_err(get(o, "ppid"), b, sizeof(b)));
	print_ids("uid", get(o, "uid"));
	print_ids("gid", get(o, "gid"));
	json_object *g = get(o, "groups");
	printf("%-12s", "groups");
	for (size_t i = 0; g && json_object_is_type(g, json_type_array) &&
			   i < json_object_array_length(g); i++) {
		json_object *e = json_object_array_get_idx(g, i);
		printf(" %s(%s)", json_object_get_string(get(e, "id")),
		       json_object_get_string(get(e, "name")));
	}
	putchar('\n');
	printf("%-12s %s\n", "threads", str_or_err(get(o, "threads"), b, sizeof(b)));
	json_object *tids = get(o, "tids");
	printf("%-12s", "tids");
	if (json_object_is_type(tids, json_type_array))
		for (size_t i = 0; i < json_object_array_length(tids); i++)
			printf(" %s", json_object_get_string(json_object_array_get_idx(tids, i)));
	else
		printf(" %s", str_or_err(tids, b, sizeof(b)));
	putchar('\n');
	printf("%-12s %s\n", "fds", str_or_err(get(o, "fds"), b, sizeof(b)));
	json_object *s = get(o, "seccomp");
	if (s) {
		printf("%-12s %s (%s)", "seccomp", str_or_err(get(s, "mode"), b, sizeof(b)),
		       json_object_get_string(get(s, "mode_name")));
		if (get(s, "filters"))
			printf(", %s filters", json_object_get_string(get(s, "filters")));
		if (get(s, "no_new_privs"))
			printf(", no_new_privs %s", json_object_get_string(get(s, "no_new_privs")));
		putchar('\n');
	}
	json_object *caps = get(o, "capabilities");
	if (caps) {
		printf("capabilities\n");
		json_object_object_foreach(caps, k, v) {
			printf("  %-11s %s", k, json_object_get_string(get(v, "hex")));
			json_object *names = get(v, "names");
			if (json_object_get_boolean(get(v, "all")))
				printf(" = all");
			else if (json_object_array_length(names) == 0)
				printf(" = none");
			else
				for (size_t i = 0; i < json_object_array_length(names); i++)
					printf("%s%s", i ? "," : " = ", json_object_get_string(
						json_object_array_get_idx(names, i)));
			putchar('\n');
		}
	}
	json_object *ns = get(o, "namespaces");
	printf("namespaces\n");
	if (ns && !get(ns, "error")) {
		json_object_object_foreach(ns, k, v)
			printf("  %-11s %s\n", k, str_or_err(v, b, sizeof(b)));
	} else {
		printf("  %s\n", str_or_err(ns, b, sizeof(b)));
	}
	json_object *cg = get(o, "cgroup");
	printf("cgroup\n");
	if (json_object_is_type(cg, json_type_array))
		for (size_t i = 0; i < json_object_array_length(cg); i++)
			printf("  %s\n", json_object_get_string(json_object_array_get_idx(cg, i)));
	else
		printf("  %s\n", str_or_err(cg, b, sizeof(b)));
	json_object *c = get(o, "container");
	if (c)
		printf("%-12s %s %s\n", "container", json_object_get_string(get(c, "runtime")),
		       json_object_get_string(get(c, "id")));
	else
		printf("%-12s -\n", "container");
	json_object *lim = get(o, "limits");
	printf("limits\n");
	if (lim && !get(lim, "error")) {
		printf("  %-26s %-20s %-20s %s\n", "Limit", "Soft", "Hard", "Units");
		json_object_object_foreach(lim, k, v) {
			json_object *u = get(v, "units");
			printf("  %-26s %-20s %-20s %s\n", k,
			       json_object_get_string(get(v, "soft")),
			       json_object_get_string(get(v, "hard")),
			       u ? json_object_get_string(u) : "");
		}
	} else {
		printf("  %s\n", str_or_err(lim, b, sizeof(b)));
	}
}

int proc_view(pid_t pid, int json)
{
	char *status = proc_read(pid, "status", NULL);
	if (!status) {
		if (proc_gone(errno))
			msg("proc: no process with pid %d", (int)pid);
		else
			msg_errno("proc: pid %d: cannot read /proc/%d/status", (int)pid, (int)pid);
		return 1;
	}
	struct page p = { .obj = json_object_new_object() };
	put(&p, "pid", json_object_new_int(pid));
	char v[64];
	put(&p, "comm", proc_field(status, "Name", v, sizeof(v)) ? json_object_new_string(v) :
								  NULL);
	put_link(&p, pid, "exe", "exe");
	put_cmdline(&p, pid);
	put_link(&p, pid, "cwd", "cwd");
	put_link(&p, pid, "root", "root");
	put_status(&p, pid, status);
	free(status);
	put_tasks(&p, pid);
	put_fd_count(&p, pid);
	put_namespaces(&p, pid);
	put_cgroup(&p, pid);
	put_limits(&p, pid);
	/* Gone while we read: what was read stands, with a note. */
	char path[32];
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	int gone = access(path, F_OK) < 0;
	if (gone)
		put(&p, "note", json_object_new_string("the process exited while it was read"));
	if (json)
		puts(json_object_to_json_string_ext(p.obj, JSON_C_TO_STRING_PRETTY |
							   JSON_C_TO_STRING_NOSLASHESCAPE));
	else
		print_text(p.obj);
	if (gone)
		msg("proc: pid %d exited while it was read", (int)pid);
	json_object_put(p.obj);
	return 0;
}

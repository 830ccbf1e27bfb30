/* SPDX-License-Identifier: Apache-2.0 */
/* sysray pstree: the process tree drawn like pstree -A (ASCII), threads as {name}. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <json-c/json.h>

#include "output/out.h"
#include "procfs/proc_file.h"
#include "procfs/proc_task.h"
#include "procfs/views.h"
#include "util/util.h"

struct node {
	pid_t pid, ppid;
	int thread;
	char name[72];		/* "comm", or "{comm}" for a thread */
	struct node **kids;
	size_t nkids;
};

struct forest {
	struct node *v;
	size_t n, cap;
};

static struct node *add_node(struct forest *f)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 512;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	struct node *n = &f->v[f->n++];
	memset(n, 0, sizeof(*n));
	return n;
}

static void read_forest(struct forest *f)
{
	pid_t *pids;
	size_t n;
	if (proc_list_pids(&pids, &n))
		return;
	for (size_t i = 0; i < n; i++) {
		struct proc_task t;
		if (proc_task_read(pids[i], 0, 0, &t))
			continue;	/* gone since the listing */
		struct node *p = add_node(f);
		p->pid = t.pid;
		p->ppid = t.ppid;
		snprintf(p->name, sizeof(p->name), "%s", t.comm);
		pid_t *tids;
		size_t nt;
		if (t.num_threads <= 1 || proc_list_tasks(pids[i], &tids, &nt))
			continue;
		/* pstree names threads after their process, not their own comm. */
		for (size_t k = 0; k < nt; k++) {
			if (tids[k] == pids[i])
				continue;
			struct node *th = add_node(f);
			th->pid = tids[k];
			th->ppid = pids[i];
			th->thread = 1;
			snprintf(th->name, sizeof(th->name), "{%.64s}", t.comm);
		}
		free(tids);
	}
	free(pids);
}

/* pstree's order: by name, equal names in the order they were found (ascending pid). */
static int cmp_kids(const void *a, const void *b)
{
	const struct node *x = *(struct node *const *)a, *y = *(struct node *const *)b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	return (x->pid > y->pid) - (x->pid < y->pid);
}

static struct node *find(struct forest *f, pid_t pid, int thread)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].pid == pid && f->v[i].thread == thread)
			return &f->v[i];
	return NULL;
}

static void link_forest(struct forest *f)
{
	/* Pointers into f->v are taken only now that it no longer grows. */
	for (size_t i = 0; i < f->n; i++) {
		struct node *c = &f->v[i];
		struct node *p = c->pid != c->ppid ? find(f, c->ppid, 0) : NULL;
		if (!p || p == c)
			continue;
		p->kids = xrealloc(p->kids, (p->nkids + 1) * sizeof(*p->kids));
		p->kids[p->nkids++] = c;
	}
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].nkids > 1)
			qsort(f->v[i].kids, f->v[i].nkids, sizeof(*f->v[i].kids), cmp_kids);
}

/* Same names all the way down: pstree merges such siblings into N*[...]. */
static int tree_equal(const struct node *a, const struct node *b)
{
	if (strcmp(a->name, b->name) || a->nkids != b->nkids)
		return 0;
	for (size_t i = 0; i < a->nkids; i++)
		if (!tree_equal(a->kids[i], b->kids[i]))
			return 0;
	return 1;
}

struct lines {
	char **v;
	size_t n;
};

static void lines_add(struct lines *l, char *s)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	l->v[l->n++] = s;
}

static char *concat3(const char *a, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = xmalloc(la + lb + lc + 1);
	memcpy(s, a, la);
	memcpy(s + la, b, lb);
	memcpy(s + la + lb, c, lc + 1);
	return s;
}

static char *spaces(size_t n)
{
	char *s = xmalloc(n + 1);
	memset(s, ' ', n);
	s[n] = '\0';
	return s;
}

/* Renders N (shown COUNT times) into lines; the first starts with N's label. */
static struct lines render(const struct node *n, size_t count, int show_pids)
{
	struct out label = { 0 };
	if (count > 1)
		out_printf(&label, "%zu*[", count);
	out_puts(&label, n->name);
	if (show_pids)
		out_printf(&label, "(%d)", (int)n->pid);
	out_putc(&label, '\0');
	size_t lw = strlen(label.buf);
	struct lines res = { 0 };
	if (!n->nkids) {
		lines_add(&res, count > 1 ? concat3(label.buf, "]", "") : xstrdup(label.buf));
		out_free(&label);
		return res;
	}
	/* Group identical siblings unless pids make them differ. */
	size_t groups = 0;
	for (size_t i = 0; i < n->nkids; groups++) {
		size_t j = i + 1;
		while (!show_pids && j < n->nkids && tree_equal(n->kids[i], n->kids[j]))
			j++;
		i = j;
	}
	char *pad = spaces(lw);
	size_t g = 0;
	for (size_t i = 0; i < n->nkids; g++) {
		size_t j = i + 1;
		while (!show_pids && j < n->nkids && tree_equal(n->kids[i], n->kids[j]))
			j++;
		struct lines sub = render(n->kids[i], j - i, show_pids);
		int first = g == 0, last = g + 1 == groups;
		for (size_t k = 0; k < sub.n; k++) {
			const char *joint;
			if (k == 0)
				joint = first ? (last ? "---" : "-+-") : (last ? " `-" : " |-");
			else
				joint = last ? "   " : " | ";
			const char *head = first && k == 0 ? label.buf : pad;
			lines_add(&res, concat3(head, joint, sub.v[k]));
			free(sub.v[k]);
		}
		free(sub.v);
		i = j;
	}
	if (count > 1) {
		char *lastl = res.v[res.n - 1];
		res.v[res.n - 1] = concat3(lastl, "]", "");
		free(lastl);
	}
	free(pad);
	out_free(&label);
	return res;
}

static json_object *to_json(const struct node *n)
{
	json_object *o = json_object_new_object();
	json_object_object_add(o, "pid", json_object_new_int(n->pid));
	json_object_object_add(o, "ppid", json_object_new_int(n->ppid));
	json_object_object_add(o, "name", json_object_new_string(n->name));
	json_object_object_add(o, "thread", json_object_new_boolean(n->thread));
	json_object *kids = json_object_new_array();
	for (size_t i = 0; i < n->nkids; i++)
		json_object_array_add(kids, to_json(n->kids[i]));
	json_object_object_add(o, "children", kids);
	return o;
}

int pstree_output_width(void)
{
	/* pstree's rule: COLUMNS, then the terminal's width, else 132. */
	int width = 132;
	const char *env = getenv("COLUMNS");
	if (env && atoi(env) > 0)
		width = atoi(env);
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		width = ws.ws_col;
	return width;
}

int pstree_view(const struct pstree_opts *o)
{
	struct forest f = { 0 };
	read_forest(&f);
	link_forest(&f);
	pid_t root_pid = o->root ? o->root : 1;
	struct node *root = find(&f, root_pid, 0);
	int status = 0;
	if (!root) {
		msg("pstree: no process with pid %d", (int)root_pid);
		status = 1;
	} else if (o->json) {
		json_object *j = to_json(root);
		puts(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
						       JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(j);
	} else {
		struct lines l = render(root, 1, o->show_pids);
		size_t width = o->width > 0 ? (size_t)o->width : 0;
		for (size_t i = 0; i < l.n; i++) {
			/* pstree cuts a line at the output width and marks the cut with '+'. */
			if (width && strlen(l.v[i]) > width)
				strcpy(l.v[i] + width - 1, "+");
			puts(l.v[i]);
			free(l.v[i]);
		}
		free(l.v);
	}
	for (size_t i = 0; i < f.n; i++)
		free(f.v[i].kids);
	free(f.v);
	return status;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* sysray ps: ps -ef's columns, or the columns of -o, for every process or those of -p. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "output/out.h"
#include "procfs/proc_file.h"
#include "procfs/proc_task.h"
#include "procfs/tty_name.h"
#include "procfs/users.h"
#include "procfs/views.h"
#include "util/util.h"

struct ps_ctx {
	double uptime, boot;
	long hz;
	unsigned long long mem_total_kb;
	long page_kb;
	time_t now;
};

typedef void (*text_fn)(const struct ps_ctx *c, const struct proc_task *t, struct out *o);
typedef json_object *(*json_fn)(const struct ps_ctx *c, const struct proc_task *t);

struct column {
	const char *key;
	const char *header;
	int width;
	int left;		/* left-aligned */
	text_fn text;
	json_fn json;
};

/* Seconds the process has run, and the CPU it used per mille of that (procps's pcpu). */
static double elapsed(const struct ps_ctx *c, const struct proc_task *t)
{
	double e = c->uptime - (double)t->starttime / (double)c->hz;
	return e > 0 ? e : 0;
}

static unsigned long long permille_cpu(const struct ps_ctx *c, const struct proc_task *t)
{
	double e = elapsed(c, t);
	if (e <= 0)
		return 0;
	double cpu = (double)(t->utime + t->stime) / (double)c->hz;
	return (unsigned long long)(cpu * 1000.0 / e);
}

static void t_pid(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%d", t->pid);
}
static void t_ppid(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%d", t->ppid);
}
static void t_pgid(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%d", t->pgrp);
}
static void t_sid(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%d", t->sid);
}
static void t_uid(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%u", t->uid[1]);
}
static void t_gid(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%u", t->gid[1]);
}
static void t_nlwp(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%ld", t->num_threads);
}
static void t_ni(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%ld", t->nice);
}
static void t_pri(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%ld", t->priority);
}
static void t_comm(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_puts(o, t->comm);
}
static void t_state(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_putc(o, t->state);
}
static void t_rss(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%lld", t->rss * c->page_kb);
}
static void t_vsz(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	out_printf(o, "%llu", t->vsize / 1024);
}

/* ps truncates a name wider than its column to WIDTH-1 characters and a '+'. */
static void put_name(struct out *o, const char *name, size_t width)
{
	size_t n = strlen(name);
	if (n <= width) {
		out_puts(o, name);
		return;
	}
	out_write(o, name, width - 1);
	out_putc(o, '+');
}

static void t_user(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	put_name(o, user_name(t->uid[1]), 8);
}

static void t_group(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	put_name(o, group_name(t->gid[1]), 8);
}

static void t_args(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	char *a = proc_task_args(t);
	out_puts(o, a);
	free(a);
}

static void t_tty(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	char b[32];
	out_puts(o, tty_name(t->tty_nr, b, sizeof(b)));
}

/* [DD-]HH:MM:SS */
static void put_duration(struct out *o, unsigned long long s)
{
	if (s >= 86400)
		out_printf(o, "%llu-", s / 86400);
	out_printf(o, "%02llu:%02llu:%02llu", s / 3600 % 24, s / 60 % 60, s % 60);
}

static void t_time(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	put_duration(o, (t->utime + t->stime) / (unsigned long long)c->hz);
}

/* [[DD-]HH:]MM:SS */
static void t_etime(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	unsigned long long s = (unsigned long long)elapsed(c, t);
	if (s >= 86400)
		out_printf(o, "%llu-", s / 86400);
	if (s >= 3600)
		out_printf(o, "%02llu:", s / 3600 % 24);
	out_printf(o, "%02llu:%02llu", s / 60 % 60, s % 60);
}

/* HH:MM when it started today, MmmDD this year, else the year (procps's pr_stime). */
static void t_stime(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	time_t start = (time_t)(c->boot + (double)t->starttime / (double)c->hz);
	struct tm st, now;
	localtime_r(&start, &st);
	localtime_r(&c->now, &now);
	char b[16];
	const char *fmt = "%H:%M";
	if (st.tm_yday != now.tm_yday || st.tm_year != now.tm_year)
		fmt = "%b%d";
	if (st.tm_year != now.tm_year)
		fmt = "%Y";
	strftime(b, sizeof(b), fmt, &st);
	out_puts(o, b);
}

static void t_c(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	unsigned long long p = permille_cpu(c, t) / 10;
	out_printf(o, "%llu", p > 99 ? 99 : p);
}

static void t_pcpu(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	unsigned long long p = permille_cpu(c, t);
	out_printf(o, "%llu.%llu", p / 10, p % 10);
}

static void t_pmem(const struct ps_ctx *c, const struct proc_task *t, struct out *o)
{
	unsigned long long pm = c->mem_total_kb ? (unsigned long long)t->rss *
							  (unsigned long long)c->page_kb * 1000 /
							  c->mem_total_kb
						: 0;
	out_printf(o, "%llu.%llu", pm / 10, pm % 10);
}

static json_object *j_int(long long v)
{
	return json_object_new_int64(v);
}
static json_object *j_pid(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->pid);
}
static json_object *j_ppid(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->ppid);
}
static json_object *j_pgid(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->pgrp);
}
static json_object *j_sid(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->sid);
}
static json_object *j_uid(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->uid[1]);
}
static json_object *j_gid(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->gid[1]);
}
static json_object *j_nlwp(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->num_threads);
}
static json_object *j_ni(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->nice);
}
static json_object *j_pri(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->priority);
}
static json_object *j_rss(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int(t->rss * c->page_kb);
}
static json_object *j_vsz(const struct ps_ctx *c, const struct proc_task *t)
{
	return j_int((long long)(t->vsize / 1024));
}
static json_object *j_user(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_object_new_string(user_name(t->uid[1]));
}
static json_object *j_group(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_object_new_string(group_name(t->gid[1]));
}
static json_object *j_comm(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_object_new_string(t->comm);
}
/* V as a JSON number in the fewest digits that read back as V (json-c writes %.17g:
 * 0.7 became 0.69999999999999996), with at least its integer digits so that %g does not
 * switch to an exponent (50, not 5e+01). */
static json_object *json_double(double v)
{
	char text[32];
	int digits = 1, whole = snprintf(text, sizeof(text), "%.0f", v < 0 ? -v : v);

	for (; digits < 17; digits++) {
		snprintf(text, sizeof(text), "%.*g", digits, v);
		if (strtod(text, NULL) == v)
			break;
	}
	if (whole > digits && whole <= 17)
		snprintf(text, sizeof(text), "%.*g", whole, v);
	return json_object_new_double_s(v, text);
}

static json_object *j_time(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_double((double)(t->utime + t->stime) / (double)c->hz);
}
static json_object *j_etime(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_double(elapsed(c, t));
}
static json_object *j_pcpu(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_double((double)permille_cpu(c, t) / 10.0);
}

static json_object *j_state(const struct ps_ctx *c, const struct proc_task *t)
{
	char s[2] = { t->state, 0 };
	return json_object_new_string(s);
}

static json_object *j_tty(const struct ps_ctx *c, const struct proc_task *t)
{
	char b[32];
	return t->tty_nr ? json_object_new_string(tty_name(t->tty_nr, b, sizeof(b))) : NULL;
}

static json_object *j_stime(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_double(c->boot + (double)t->starttime / (double)c->hz);
}

/* The arguments as an array: they may hold spaces, JSON keeps them apart. */
static json_object *j_args(const struct ps_ctx *c, const struct proc_task *t)
{
	json_object *a = json_object_new_array();
	size_t n = t->cmdline_len;
	while (n > 0 && t->cmdline[n - 1] == '\0')
		n--;
	for (size_t i = 0; t->cmdline && i < n;) {
		size_t l = strnlen(t->cmdline + i, n - i);
		json_object_array_add(a, json_object_new_string_len(t->cmdline + i, (int)l));
		i += l + 1;
	}
	return a;
}

static json_object *j_pmem(const struct ps_ctx *c, const struct proc_task *t)
{
	return json_double(c->mem_total_kb ?
		(double)t->rss * (double)c->page_kb * 100.0 / (double)c->mem_total_kb : 0);
}

static const struct column columns[] = {
	{ "pid", "PID", 5, 0, t_pid, j_pid },
	{ "ppid", "PPID", 5, 0, t_ppid, j_ppid },
	{ "pgid", "PGID", 5, 0, t_pgid, j_pgid },
	{ "sid", "SID", 5, 0, t_sid, j_sid },
	{ "uid", "UID", 5, 0, t_uid, j_uid },
	{ "user", "USER", 8, 1, t_user, j_user },
	{ "gid", "GID", 5, 0, t_gid, j_gid },
	{ "group", "GROUP", 8, 1, t_group, j_group },
	{ "comm", "COMMAND", 15, 1, t_comm, j_comm },
	{ "args", "COMMAND", 27, 1, t_args, j_args },
	{ "cmd", "CMD", 27, 1, t_args, j_args },
	{ "state", "S", 1, 1, t_state, j_state },
	{ "s", "S", 1, 1, t_state, j_state },
	{ "tty", "TT", 8, 1, t_tty, j_tty },
	{ "tt", "TT", 8, 1, t_tty, j_tty },
	{ "time", "TIME", 8, 0, t_time, j_time },
	{ "etime", "ELAPSED", 11, 0, t_etime, j_etime },
	{ "stime", "STIME", 5, 1, t_stime, j_stime },
	{ "start_time", "START", 5, 1, t_stime, j_stime },
	{ "c", "C", 2, 0, t_c, j_pcpu },
	{ "pcpu", "%CPU", 4, 0, t_pcpu, j_pcpu },
	{ "%cpu", "%CPU", 4, 0, t_pcpu, j_pcpu },
	{ "pmem", "%MEM", 4, 0, t_pmem, j_pmem },
	{ "%mem", "%MEM", 4, 0, t_pmem, j_pmem },
	{ "rss", "RSS", 5, 0, t_rss, j_rss },
	{ "rssize", "RSS", 5, 0, t_rss, j_rss },
	{ "vsz", "VSZ", 6, 0, t_vsz, j_vsz },
	{ "vsize", "VSZ", 6, 0, t_vsz, j_vsz },
	{ "nlwp", "NLWP", 4, 0, t_nlwp, j_nlwp },
	{ "thcount", "THCNT", 5, 0, t_nlwp, j_nlwp },
	{ "ni", "NI", 3, 0, t_ni, j_ni },
	{ "nice", "NI", 3, 0, t_ni, j_ni },
	{ "pri", "PRI", 3, 0, t_pri, j_pri },
};

/* ps -ef: UID PID PPID C STIME TTY TIME CMD. */
static const char default_format[] = "user=UID,pid,ppid,c,stime,tty=TTY,time,args=CMD";
/* -j without -o: everything, under the column keys. */
static const char json_format[] =
	"pid,ppid,pgid,sid,uid,user,gid,group,comm,args,state,tty,time,stime,etime,pcpu,rss,vsz,"
	"nlwp,ni,pri";

struct chosen {
	const struct column *col;
	char *header;
};

static const struct column *find_column(const char *key, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(columns); i++)
		if (strlen(columns[i].key) == len && !strncasecmp(columns[i].key, key, len))
			return &columns[i];
	return NULL;
}

/* "key[=header],key..." as ps -o takes it; a header runs to the end of its -o argument. */
static int parse_format(const char *format, struct chosen **out, size_t *n)
{
	struct chosen *v = NULL;
	size_t cnt = 0;
	const char *p = format;
	while (*p) {
		if (*p == ',' || *p == ' ') {
			p++;
			continue;
		}
		size_t klen = strcspn(p, ",= ");
		const struct column *col = find_column(p, klen);
		if (!col) {
			msg("ps: unknown column '%.*s' in -o %s (known: pid ppid pgid sid uid "
			    "user gid group comm args cmd state tty time etime stime c pcpu pmem "
			    "rss vsz nlwp ni pri)", (int)klen, p, format);
			for (size_t i = 0; i < cnt; i++)
				free(v[i].header);
			free(v);
			return -1;
		}
		v = xrealloc(v, (cnt + 1) * sizeof(*v));
		v[cnt].col = col;
		p += klen;
		if (*p == '=') {
			/* "pid=X,comm" is one header "X,comm" in procps only for the last
			 * column; we end a header at the next comma, which is what users mean. */
			p++;
			size_t hlen = strcspn(p, ",");
			v[cnt].header = strndup(p, hlen);
			p += hlen;
		} else {
			v[cnt].header = xstrdup(col->header);
		}
		cnt++;
	}
	*out = v;
	*n = cnt;
	return cnt ? 0 : -1;
}

int ps_check_format(const char *format)
{
	struct chosen *v;
	size_t n;
	if (parse_format(format, &v, &n)) {
		if (!*format)
			msg("ps: -o needs at least one column");
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].header);
	free(v);
	return 0;
}

static void ps_ctx_init(struct ps_ctx *c)
{
	c->hz = proc_clock_ticks();
	c->uptime = proc_uptime();
	c->boot = proc_boot_time();
	c->now = time(NULL);
	long ps = sysconf(_SC_PAGESIZE);
	c->page_kb = ps > 0 ? ps / 1024 : 4;
	char *mi = proc_read_path("/proc/meminfo", NULL);
	char v[64];
	if (mi && proc_field(mi, "MemTotal", v, sizeof(v)))
		c->mem_total_kb = strtoull(v, NULL, 10);
	free(mi);
}

static void put_cell(struct out *o, const struct chosen *ch, int last, struct out *cell)
{
	int w = ch->col->width;
	if ((int)strlen(ch->header) > w)
		w = (int)strlen(ch->header);
	if (last && ch->col->left)
		out_write(o, cell->buf, cell->len);
	else if (ch->col->left)
		out_printf(o, "%-*.*s", w, (int)cell->len, cell->buf);
	else
		out_printf(o, "%*.*s", w, (int)cell->len, cell->buf);
}

static void print_row(const struct ps_ctx *c, const struct chosen *v, size_t n,
		      const struct proc_task *t, struct out *o)
{
	struct out cell = { 0 };
	for (size_t i = 0; i < n; i++) {
		cell.len = 0;
		v[i].col->text(c, t, &cell);
		if (i)
			out_putc(o, ' ');
		put_cell(o, &v[i], i + 1 == n, &cell);
	}
	out_free(&cell);
	/* A left-aligned last column (args) is never padded; a right-aligned one never
	 * leaves trailing blanks. */
	while (o->len && o->buf[o->len - 1] == ' ')
		o->len--;
	out_putc(o, '\n');
}

static void print_header(const struct chosen *v, size_t n, struct out *o)
{
	int any = 0;
	for (size_t i = 0; i < n; i++)
		any |= v[i].header[0] != '\0';
	if (!any)
		return;	/* "pid=,comm=": no header line, as in ps */
	struct out cell = { 0 };
	for (size_t i = 0; i < n; i++) {
		cell.len = 0;
		out_puts(&cell, v[i].header);
		if (i)
			out_putc(o, ' ');
		put_cell(o, &v[i], i + 1 == n, &cell);
	}
	out_free(&cell);
	while (o->len && o->buf[o->len - 1] == ' ')
		o->len--;
	out_putc(o, '\n');
}

static void print_json(const struct ps_ctx *c, const struct chosen *v, size_t n,
		       const struct proc_task *t)
{
	json_object *obj = json_object_new_object();
	for (size_t i = 0; i < n; i++)
		json_object_object_add(obj, v[i].col->key, v[i].col->json(c, t));
	puts(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN |
						 JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(obj);
}

int ps_view(const struct ps_opts *o)
{
	const char *format = o->format ? o->format : o->json ? json_format : default_format;
	struct chosen *cols;
	size_t ncols;
	if (parse_format(format, &cols, &ncols))
		return 1;
	struct ps_ctx c;
	ps_ctx_init(&c);
	pid_t *pids;
	size_t npids;
	int rc = 0;
	if (o->pids.n) {
		pids = xmalloc(o->pids.n * sizeof(*pids));
		npids = 0;
		/* ps prints in /proc's order (ascending pid), each process once. */
		for (size_t i = 0; i < o->pids.n; i++) {
			size_t j = npids;
			if (pid_set_has(&(struct pid_set){ pids, npids }, o->pids.v[i]))
				continue;
			while (j > 0 && pids[j - 1] > o->pids.v[i]) {
				pids[j] = pids[j - 1];
				j--;
			}
			pids[j] = o->pids.v[i];
			npids++;
		}
	} else if ((rc = proc_list_pids(&pids, &npids))) {
		errno = -rc;
		msg_errno("ps: cannot list /proc");
		return 1;
	}
	struct out out = { 0 };
	if (!o->json)
		print_header(cols, ncols, &out);
	int status = 0;
	for (size_t i = 0; i < npids; i++) {
		struct proc_task t;
		rc = proc_task_read(pids[i], 0, 1, &t);
		if (rc) {
			/* A process that exited since the listing is simply no longer there. */
			if (o->pids.n && proc_gone(-rc)) {
				msg("ps: no process with pid %d", (int)pids[i]);
				status = 1;
			} else if (!proc_gone(-rc)) {
				errno = -rc;
				msg_errno("ps: pid %d: cannot read /proc/%d/stat", (int)pids[i],
					  (int)pids[i]);
			}
			proc_task_free(&t);
			continue;
		}
		if (o->json) {
			fwrite(out.buf, 1, out.len, stdout);
			out.len = 0;
			print_json(&c, cols, ncols, &t);
		} else {
			print_row(&c, cols, ncols, &t, &out);
		}
		proc_task_free(&t);
		if (out.len > 65536) {
			fwrite(out.buf, 1, out.len, stdout);
			out.len = 0;
		}
	}
	fwrite(out.buf, 1, out.len, stdout);
	out_free(&out);
	free(pids);
	for (size_t i = 0; i < ncols; i++)
		free(cols[i].header);
	free(cols);
	return status;
}

/* The -c summary table. */
#include "trace/count.h"

#include <stdlib.h>

#include "schema/syscalls.h"
#include "util/util.h"

struct count_entry {
	uint64_t calls, errors, total_ns, min_ns, max_ns;
};

struct count_table {
	struct count_entry e[SYSCALL_NR_LIMIT];
};

struct count_table *count_new(void)
{
	return xcalloc(1, sizeof(struct count_table));
}

void count_free(struct count_table *c)
{
	free(c);
}

void count_add(struct count_table *c, long nr, uint64_t time_ns, bool failed)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT)
		return;
	struct count_entry *e = &c->e[nr];
	if (!e->calls || time_ns < e->min_ns)
		e->min_ns = time_ns;
	if (time_ns > e->max_ns)
		e->max_ns = time_ns;
	e->calls++;
	e->errors += failed;
	e->total_ns += time_ns;
}

void count_print(const struct count_table *c, const struct trace_opts *opts, struct out *o)
{
	(void)c;
	(void)opts;
	out_puts(o, "count table: not yet\n");
}

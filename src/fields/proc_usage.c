/* SPDX-License-Identifier: Apache-2.0 */
/*
 * proc.exeline, proc.nthreads, proc.nchilds, proc.fd*, proc.vm*, thread.vm*, thread.pf* and
 * thread.nametid, as sysdig 0.29 gives them: the exeline is the exe and a space before the
 * arguments, even when there are none; memory sizes and fd counts are the main thread's
 * (thread.vmsize and thread.vmrss are 0 on the other threads), proc.nthreads counts the
 * threads of the process the state knows, proc.fdusage is the share of the fd limit in use,
 * in percent; thread.cpu (and its .user and .system parts) is, on a procinfo event, the
 * growth of the thread's CPU time since its previous procinfo event (at most 100; 0 for the
 * first), and missing on other events.
 */
#include "fields/proc_usage.h"

#include <stdio.h>

#include "capture/event_table.h"

#include "fields/extract.h"

/* The threads of T's process that the state knows. */
static uint64_t nthreads(const struct state *st, const struct st_thread *t)
{
	struct st_thread *x;
	size_t pos = 0;
	uint64_t n = 0;

	while ((x = state_thread_next(st, &pos)))
		n += x->pid == t->pid;
	return n;
}

/* sysdig's exe, a space, then the arguments separated by spaces. */
static size_t exeline(struct field_ctx *c, const struct st_thread *t, struct field_value *out)
{
	struct out *o = field_scratch(c);

	out_puts(o, t->live ? t->exe : "<NA>");
	out_putc(o, ' ');
	for (size_t off = 0; t->live && off < t->args_len;) {
		size_t n = strnlen(t->args + off, t->args_len - off);

		if (off)
			out_putc(o, ' ');
		out_write(o, t->args + off, n);
		off += n + 1;
	}
	return put_out(out, o);
}

static size_t thread_cpu(const struct scap_event *ev, const struct st_thread *t, bool user,
			 bool sys, struct field_value *out)
{
	if (ev->type != PPME_PROCINFO_E)
		return 0;
	uint64_t now = (user ? t->cpu_user : 0) + (sys ? t->cpu_sys : 0);
	uint64_t last = (user ? t->prev_cpu_user : 0) + (sys ? t->prev_cpu_sys : 0);
	double d = last ? (double)(now - last) : 0;

	out->type = FT_DOUBLE;
	out->d = d > 100 ? 100 : d;
	return 1;
}

size_t proc_usage_extract(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	struct field_ctx *c = ctx;
	const struct scap_event *ev = event;
	struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	const struct st_thread *m = state_main_thread(c->st, t);
	bool is_main = t->tid == t->pid;

	switch (ref->field->id) {
	case PU_EXELINE:
		return exeline(c, t, out);
	case PU_NTHREADS:
		return put_u(out, FT_UINT32, nthreads(c->st, t));
	case PU_NCHILDS: {
		uint64_t n = nthreads(c->st, t);

		return put_u(out, FT_UINT32, n ? n - 1 : 0);
	}
	case PU_FDOPENCOUNT:
		return put_u(out, FT_UINT64, m->fdt.n);
	case PU_FDLIMIT:
		/* sysdig's -1 for a thread it knows from events only */
		return put_i(out, FT_INT64, m->live ? (int64_t)m->fdlimit : -1);
	case PU_FDUSAGE:
		if (!m->fdlimit)
			return 0;
		out->type = FT_DOUBLE;
		out->d = (double)m->fdt.n * 100 / (double)m->fdlimit;
		return 1;
	case PU_VMSIZE:
		return put_u(out, FT_UINT64, m->vmsize_kb);
	case PU_VMRSS:
		return put_u(out, FT_UINT64, m->vmrss_kb);
	case PU_VMSWAP:
		return put_u(out, FT_UINT64, m->vmswap_kb);
	case PU_PFMAJOR:
		return put_u(out, FT_UINT64, t->pfmajor);
	case PU_PFMINOR:
		return put_u(out, FT_UINT64, t->pfminor);
	case PU_THREAD_VMSIZE:
		return put_u(out, FT_UINT64, is_main ? t->vmsize_kb : 0);
	case PU_THREAD_VMRSS:
		return put_u(out, FT_UINT64, is_main ? t->vmrss_kb : 0);
	case PU_THREAD_VMSIZE_B:
		return put_u(out, FT_UINT64, is_main ? (uint64_t)t->vmsize_kb * 1024 : 0);
	case PU_THREAD_VMRSS_B:
		return put_u(out, FT_UINT64, is_main ? (uint64_t)t->vmrss_kb * 1024 : 0);
	case PU_CPU:
		return thread_cpu(ev, t, true, true, out);
	case PU_CPU_USER:
		return thread_cpu(ev, t, true, false, out);
	case PU_CPU_SYSTEM:
		return thread_cpu(ev, t, false, true, out);
	case PU_NAMETID: {
		struct out *o = field_scratch(c);

		out_printf(o, "%s%lld", t->live ? t->comm : "<NA>", (long long)ev->tid);
		return put_out(out, o);
	}
	}
	return 0;
}

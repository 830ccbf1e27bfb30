/* SPDX-License-Identifier: Apache-2.0 */
/*
 * thread.vmsize.b, thread.vmrss.b and thread.nametid, as sysdig 0.29 gives them to
 * csysdig's views: the main thread's memory sizes in bytes (0 on the other threads), and the
 * thread's name followed by its tid ("<NA>" for a thread known from events only).
 */
#include "fields/proc_usage.h"

#include "fields/extract.h"

size_t proc_usage_extract(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	struct field_ctx *c = ctx;
	const struct scap_event *ev = event;
	struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	bool is_main = t->tid == t->pid;

	switch (ref->field->id) {
	case PU_THREAD_VMSIZE_B:
		return put_u(out, FT_UINT64, is_main ? (uint64_t)t->vmsize_kb * 1024 : 0);
	case PU_THREAD_VMRSS_B:
		return put_u(out, FT_UINT64, is_main ? (uint64_t)t->vmrss_kb * 1024 : 0);
	case PU_NAMETID: {
		struct out *o = field_scratch(c);

		out_printf(o, "%s%lld", t->live ? t->comm : "<NA>", (long long)ev->tid);
		return put_out(out, o);
	}
	}
	return 0;
}

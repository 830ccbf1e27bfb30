/* SPDX-License-Identifier: Apache-2.0 */
/* x86 descriptor tables: modify_ldt, set_thread_area, get_thread_area and their struct
 * user_desc (asm/ldt.h). */
#include <asm/ldt.h>
#include <inttypes.h>
#include <stdio.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

static void field_u(struct pr *p, const char *name, unsigned v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

static void print_user_desc_at(struct sc *sc, uint64_t addr)
{
	struct user_desc d;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &d, sizeof(d)))
		return;
	pr_struct_begin(p);
	pr_field(p, "entry_number");
	pr_id(p, d.entry_number);
	pr_field(p, "base_addr");
	pr_textf(p, "%#08x", d.base_addr);
	pr_field(p, "limit");
	pr_textf(p, "%#08x", d.limit);
	field_u(p, "seg_32bit", d.seg_32bit);
	field_u(p, "contents", d.contents);
	field_u(p, "read_exec_only", d.read_exec_only);
	field_u(p, "limit_in_pages", d.limit_in_pages);
	field_u(p, "seg_not_present", d.seg_not_present);
	field_u(p, "useable", d.useable);
	field_u(p, "lm", d.lm);
	pr_struct_end(p);
}

/*
 * modify_ldt returns an int, which x86_64 zero-extends: an error comes back as a large
 * positive value, 4294967258 for -ENOSYS, which strace shows with the error's name.
 */
int decode_modify_ldt(struct sc *sc)
{
	if (!sc->exiting) {
		pr_int(sc->p, (int)sc->arg[0]);
		if (sc->arg[2] != sizeof(struct user_desc))
			print_addr(sc, sc->arg[1]);
		else
			print_user_desc_at(sc, sc->arg[1]);
		pr_uint(sc->p, sc->arg[2]);
		return DEC_AT_EXIT;
	}
	uint64_t rv = (uint64_t)sc->rval;
	const char *name = errno_name(-(int32_t)rv);
	if (sc->err || rv < 0xfffff000u || rv > UINT32_MAX || !name)
		return RV_DEC;
	snprintf(sc->aux, sizeof(sc->aux), "%" PRIu64 " %s (%s)", rv, name,
		 errno_message(-(int32_t)rv));
	return RV_DEC | RV_AUX_STR;
}

/* set_thread_area(u_info): the descriptor is the caller's; the kernel writes back the entry
 * number it chose when the caller asked for any (-1), which strace appends to the result. */
int decode_set_thread_area(struct sc *sc)
{
	uint32_t entry;

	if (!sc->exiting) {
		print_user_desc_at(sc, sc->arg[0]);
		return DEC_AT_EXIT;
	}
	if (sc->err || umove(sc, sc->arg[0], &entry, sizeof(entry)))
		return RV_DEC;
	snprintf(sc->aux, sizeof(sc->aux), "entry_number=%u", entry);
	return RV_DEC | RV_AUX;
}

/* get_thread_area(u_info): entry_number is the caller's, the rest the kernel's answer (left
 * out when the call failed). */
int decode_get_thread_area(struct sc *sc)
{
	uint32_t entry;

	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (!sc->err) {
		print_user_desc_at(sc, sc->arg[0]);
		return RV_DEC;
	}
	if (!fetch_or_print_addr_any(sc, sc->arg[0], &entry, sizeof(entry)))
		return RV_DEC;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "entry_number");
	pr_id(sc->p, entry);
	pr_more(sc->p);
	pr_struct_end(sc->p);
	return RV_DEC;
}

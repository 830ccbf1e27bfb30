/* SPDX-License-Identifier: Apache-2.0 */
/* x86 local descriptor table: modify_ldt and its struct user_desc (asm/ldt.h). */
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

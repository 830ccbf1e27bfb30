/* SPDX-License-Identifier: Apache-2.0 */
/* NUMA memory policy syscalls: set_mempolicy, get_mempolicy, mbind, migrate_pages, move_pages. */
#include <inttypes.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "schema/names.h"

/* Policy modes (linux/mempolicy.h); the mode flags live in the high bits of the same int. */
XLAT_DEFINE(mpol_modes,
	{ 0, "MPOL_DEFAULT" }, { 1, "MPOL_PREFERRED" }, { 2, "MPOL_BIND" },
	{ 3, "MPOL_INTERLEAVE" }, { 4, "MPOL_LOCAL" }, { 5, "MPOL_PREFERRED_MANY" });
XLAT_DEFINE(mpol_mode_flags,
	{ 1u << 15, "MPOL_F_STATIC_NODES" }, { 1u << 14, "MPOL_F_RELATIVE_NODES" },
	{ 1u << 13, "MPOL_F_NUMA_BALANCING" });
XLAT_DEFINE(mbind_flags,
	{ 1, "MPOL_MF_STRICT" }, { 2, "MPOL_MF_MOVE" }, { 4, "MPOL_MF_MOVE_ALL" });
XLAT_DEFINE(get_mempolicy_flags,
	{ 1, "MPOL_F_NODE" }, { 2, "MPOL_F_ADDR" }, { 4, "MPOL_F_MEMS_ALLOWED" });

#define MPOL_FLAG_BITS ((1u << 15) | (1u << 14) | (1u << 13))

static void print_policy_mode(struct sc *sc, uint64_t arg)
{
	uint64_t flags = arg & MPOL_FLAG_BITS;
	const char *mode = xlat_lookup(&mpol_modes, arg & ~(uint64_t)MPOL_FLAG_BITS);
	if (!flags) {
		pr_xval(sc->p, &mpol_modes, arg, "MPOL_???");
		return;
	}
	if (!mode) {
		pr_flags(sc->p, &mpol_mode_flags, arg, "MPOL_???");
		return;
	}
	/* A known mode with flags: "MPOL_BIND|MPOL_F_STATIC_NODES". */
	enum pr_xlat_style style = sc->p->xlat_style;
	if (style != PR_XLAT_ABBREV) {
		pr_hex(sc->p, arg);
		if (style == PR_XLAT_RAW)
			return;
		pr_raw(sc->p, " /* ");
	} else {
		pr_item(sc->p);
	}
	pr_raw(sc->p, mode);
	for (size_t i = 0; i < mpol_mode_flags.n; i++)
		if (flags & mpol_mode_flags.pairs[i].val)
			pr_rawf(sc->p, "|%s", mpol_mode_flags.pairs[i].str);
	if (style == PR_XLAT_VERBOSE)
		pr_raw(sc->p, " */");
}

/*
 * A node mask of MAXNODE bits, printed as an array of 64-bit words in zero-padded hex.
 * The kernel reads maxnode - 1 bits (mm/mempolicy.c get_nodes), hence the "- 2".
 */
static void print_nodemask(struct sc *sc, uint64_t addr, uint64_t maxnode)
{
	uint64_t nmemb = (maxnode + 64 - 2) / 64;
	if (nmemb < maxnode / 64 || (maxnode && !nmemb) || !addr || sc->no_deref ||
	    (sc->exiting && sc_failed(sc))) {
		print_addr(sc, addr);
		return;
	}
	if (!nmemb) {
		pr_text(sc->p, "[]");
		return;
	}
	uint64_t word;
	if (UMOVE(sc, addr, &word) < 0) {
		print_addr(sc, addr);
		return;
	}
	pr_array_begin(sc->p);
	for (uint64_t i = 0; i < nmemb; i++) {
		/* Each word is read before the -s limit is checked, as print_array does. */
		if (UMOVE(sc, addr + 8 * i, &word) < 0) {
			/* The mask ends in unreadable memory: where, in a comment. */
			pr_more(sc->p);
			pr_comment(sc->p, "%#" PRIx64, addr + 8 * i);
			break;
		}
		if (i >= (uint64_t)str_limit(sc)) {
			pr_more(sc->p);
			break;
		}
		pr_textf(sc->p, "%#016" PRIx64, word);
	}
	pr_array_end(sc->p);
}

int dec_set_mempolicy(struct sc *sc)
{
	print_policy_mode(sc, (uint32_t)sc->arg[0]);
	print_nodemask(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int dec_get_mempolicy(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	int mode;
	if (!sc->arg[0] || sc_failed(sc) || sc->no_deref || UMOVE(sc, sc->arg[0], &mode) < 0) {
		print_addr(sc, sc->arg[0]);
	} else {
		pr_text(sc->p, "[");
		pr_join(sc->p, "");
		pr_xval(sc->p, &mpol_modes, (uint32_t)mode, "MPOL_???");
		pr_raw(sc->p, "]");
	}
	print_nodemask(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	print_addr(sc, sc->arg[3]);
	pr_flags(sc->p, &get_mempolicy_flags, sc->arg[4], "MPOL_???");
	return RV_DEC;
}

int dec_mbind(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	print_policy_mode(sc, sc->arg[2]);
	print_nodemask(sc, sc->arg[3], sc->arg[4]);
	pr_uint(sc->p, sc->arg[4]);
	pr_flags(sc->p, &mbind_flags, (uint32_t)sc->arg[5], "MPOL_???");
	return RV_DECODED | RV_DEC;
}

int dec_migrate_pages(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	pr_uint(sc->p, sc->arg[1]);
	print_nodemask(sc, sc->arg[2], sc->arg[1]);
	print_nodemask(sc, sc->arg[3], sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

STATIC_XLAT(move_pages_flags, { 2, "MPOL_MF_MOVE" }, { 4, "MPOL_MF_MOVE_ALL" });

static bool print_page_addr(struct sc *sc, const void *elem, void *data)
{
	uint64_t addr;
	memcpy(&addr, elem, sizeof(addr));
	print_addr(sc, addr);
	return true;
}

static bool print_node(struct sc *sc, const void *elem, void *data)
{
	int node;
	memcpy(&node, elem, sizeof(node));
	pr_int(sc->p, node);
	return true;
}

/* A page's status: the node it is on, or a negated errno: -EFAULT. */
static bool print_page_status(struct sc *sc, const void *elem, void *data)
{
	int status;
	memcpy(&status, elem, sizeof(status));
	const char *name = status < 0 ? errno_name(-status) : NULL;
	if (!name || sc->p->xlat_style != PR_XLAT_ABBREV)
		pr_int(sc->p, status);
	if (!name || sc->p->xlat_style == PR_XLAT_RAW)
		return true;
	if (sc->p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(sc->p, "-%s", name);
	else
		pr_textf(sc->p, "-%s", name);
	return true;
}

int dec_move_pages(struct sc *sc)
{
	uint64_t npages = sc->arg[1];
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		pr_uint(sc->p, npages);
		print_array(sc, sc->arg[2], npages, sizeof(uint64_t), 0, print_page_addr, NULL);
		print_array(sc, sc->arg[3], npages, sizeof(int), 0, print_node, NULL);
		return DEC_AT_EXIT;
	}
	print_array(sc, sc->arg[4], npages, sizeof(int), 0, print_page_status, NULL);
	pr_flags(sc->p, &move_pages_flags, (uint32_t)sc->arg[5], "MPOL_???");
	return RV_DEC;
}

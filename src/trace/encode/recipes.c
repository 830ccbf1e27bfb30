/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The table-driven dedicated events in trace -w: the recipes of source/param_recipes.c that
 * the eBPF programs follow (events_recipes.bpf.h), here over the stopped tracee's registers
 * and memory. Each kind writes what its eBPF twin writes.
 */
#include <stdint.h>
#include <string.h>

#include "schema/ppm_flags.h"
#include "trace/encode/encode.h"

/* N bytes of tracee memory at ADDR into BUF (zeroed first); false when unreadable. */
static bool peek(const struct enc *e, uint64_t addr, void *buf, size_t n)
{
	const struct mem_reader *mem = e->ev->mem;

	memset(buf, 0, n);
	return addr && mem && !mem->read(mem, addr, buf, n);
}

static void rlimit(struct enc *e, uint64_t addr, bool max)
{
	int64_t rl[2] = { -1, -1 };

	if (e->ret < 0 || !peek(e, addr, rl, sizeof(rl)))
		rl[0] = rl[1] = -1;
	evb_u64(e->b, rl[max]);
}

/* PT_FDLIST of the pollfds at ADDR, as put_pollfds() in events_recipes.bpf.h. */
static void pollfds(struct enc *e, uint64_t addr, uint64_t nfds, bool exit)
{
	uint8_t v[2 + 10 * SR_MAX_POLLFDS];
	uint16_t count = 0;

	for (uint64_t i = 0; i < nfds && i < SR_MAX_POLLFDS; i++) {
		struct { int32_t fd; int16_t events, revents; } p;
		uint16_t ev;
		int64_t fd;

		if (!peek(e, addr + 8 * i, &p, sizeof(p)))
			break;
		ev = exit ? p.revents : p.events;
		if (exit && !ev)
			continue;
		fd = p.fd;
		ev = ppm_poll_events(ev);
		memcpy(v + 2 + 10 * count, &fd, 8);
		memcpy(v + 2 + 10 * count + 8, &ev, 2);
		count++;
	}
	memcpy(v, &count, 2);
	evb_param(e->b, v, 2 + 10 * count);
}

static void param(struct enc *e, const struct sr_recipe *r)
{
	uint64_t v = r->arg < 6 ? e->a[r->arg] : 0, w = 0;

	switch (r->kind) {
	case SR_V_RET: evb_u64(e->b, e->ret); break;
	case SR_V_RET_U32: evb_u32(e->b, e->ret); break;
	case SR_V_U64: evb_u64(e->b, v); break;
	case SR_V_S64: enc_fd(e->b, v); break;
	case SR_V_U32: evb_u32(e->b, v); break;
	case SR_V_U8: evb_u8(e->b, v); break;
	case SR_V_ZERO32: evb_u32(e->b, 0); break;
	case SR_V_ZERO8: evb_u8(e->b, 0); break;
	case SR_V_MODE: evb_u32(e->b, v & 07777); break;
	case SR_V_FUTEX_OP: evb_u16(e->b, ppm_futex_op(v)); break;
	case SR_V_FCNTL_CMD: evb_u8(e->b, ppm_fcntl_cmd(v)); break;
	case SR_V_PROT: evb_u32(e->b, ppm_prot_flags(v)); break;
	case SR_V_CLONE_FLAGS: evb_u32(e->b, ppm_clone_flags(v)); break;
	case SR_V_OPEN_FLAGS: evb_u32(e->b, ppm_open_flags(v)); break;
	case SR_V_MOUNT_FLAGS: evb_u32(e->b, ppm_mount_flags(v)); break;
	case SR_V_PATH_OK:
		if (e->ret < 0) {
			evb_empty(e->b);
			break;
		}
		/* fall through */
	case SR_V_PATH: enc_user_str(e, v); break;
	case SR_V_USER_U32:
	case SR_V_SIGSET:
		peek(e, v, &w, 4);
		evb_u32(e->b, w);
		break;
	case SR_V_USER_U64:
		peek(e, v, &w, 8);
		evb_u64(e->b, w);
		break;
	case SR_V_RLIM_CUR:
	case SR_V_RLIM_MAX:
		rlimit(e, v, r->kind == SR_V_RLIM_MAX);
		break;
	case SR_V_RELTIME: {
		int64_t ts[2];

		peek(e, v, ts, sizeof(ts));
		evb_u64(e->b, ts[0] * 1000000000ull + ts[1]);
		break;
	}
	case SR_V_FDS_IN:
	case SR_V_FDS_OUT:
		pollfds(e, v, r->arg < 5 ? e->a[r->arg + 1] : 0, r->kind == SR_V_FDS_OUT);
		break;
	default:
		evb_empty(e->b);
	}
}

void recipe_encode(const struct sr_syscall_recipes *s, struct enc *e, bool exit)
{
	for (unsigned i = 0; i < s->nparams[exit] && i < SR_RECIPE_PARAMS; i++)
		param(e, &s->p[exit][i]);
}

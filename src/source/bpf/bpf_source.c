/* SPDX-License-Identifier: Apache-2.0 */
/* The eBPF source's loader and ring-buffer consumer (libbpf skeleton). */
#include "source/bpf/bpf_source.h"

#include <errno.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "capture/ppm_sc.h"
#include "procfs/cgroup_items.h"
#include "schema/syscalls.h"
#include "source/bpf/bpf_features.h"
#include "source/param_recipes.h"
#include "sysray.skel.h"

/*
 * The ring buffer as the kernel maps it (kernel/bpf/ringbuf.c): one page holding the consumer
 * position, which user space writes; then, read-only, one page holding the producer position
 * and the data area mapped twice in a row, so a record that wraps is contiguous. Each record
 * starts with an 8-byte header: a u32 length with BUSY (bit 31, still being written) and
 * DISCARD (bit 30) flags, and the record's page offset; records are 8-byte aligned.
 * We read it ourselves instead of through libbpf's ring_buffer__poll(): that stores the
 * consumer position after every record, which moves the cache line back and forth between
 * the consuming CPU and every producing CPU (each reserve reads it); here it is stored once
 * per slice of the ring.
 */
#define RB_BUSY		(1u << 31)
#define RB_DISCARD	(1u << 30)
#define RB_HDR		8

struct ring {
	int epfd;
	size_t page;
	size_t size;			/* data area, a power of two */
	void *cons_map, *prod_map;
	_Atomic unsigned long *consumer_pos;
	_Atomic unsigned long *producer_pos;
	const uint8_t *data;
	unsigned long release_every;	/* bytes consumed between stores of consumer_pos */
	unsigned nap_us;		/* pause after draining to empty, to batch the next */
};

struct bpf_source {
	struct sysray_bpf *skel;
	struct ring rb;
	bool btf;		/* tp_btf programs, else raw tracepoints */
};

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static uint64_t epoch_offset_ns(void)
{
	struct timespec rt, mono;

	clock_gettime(CLOCK_REALTIME, &rt);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	return (uint64_t)(rt.tv_sec - mono.tv_sec) * 1000000000ull + rt.tv_nsec - mono.tv_nsec;
}

/* Opens, configures and loads one flavour of the programs; NULL with ERR set on failure. */
static struct sysray_bpf *load(const struct bpf_source_config *cfg, bool btf, char *err,
			       size_t errlen)
{
	struct sysray_bpf *skel = sysray_bpf__open();
	int e;

	if (!skel) {
		seterr(err, errlen, "cannot open the BPF object: %s", strerror(errno));
		return NULL;
	}
	struct bpf_program *btf_progs[] = { skel->progs.btf_sys_enter, skel->progs.btf_sys_exit,
					    skel->progs.btf_fork, skel->progs.btf_exit };
	struct bpf_program *raw_progs[] = { skel->progs.raw_sys_enter, skel->progs.raw_sys_exit,
					    skel->progs.raw_fork, skel->progs.raw_exit };
	for (size_t i = 0; i < sizeof(btf_progs) / sizeof(btf_progs[0]); i++) {
		e = bpf_program__set_autoload(btf_progs[i], btf);
		if (!e)
			e = bpf_program__set_autoload(raw_progs[i], !btf);
		if (e) {
			seterr(err, errlen, "cannot select the %s programs: %s",
			       btf ? "tp_btf" : "raw_tracepoint", strerror(-e));
			goto fail;
		}
	}

	struct sysray_bpf__rodata *ro = skel->rodata;

	ro->self_tgid = getpid();
	ro->snaplen = cfg->snaplen ? cfg->snaplen : 80;
	if (ro->snaplen > SR_MAX_SNAPLEN)
		ro->snaplen = SR_MAX_SNAPLEN;
	ro->epoch_offset_ns = epoch_offset_ns();
	ro->filter_pids = cfg->npids > 0;
	ro->filter_syscalls = cfg->syscall_mask != NULL;
	ro->want_procexit = cfg->procexit;
	if (cfg->syscall_mask)
		memcpy((void *)ro->syscall_mask, cfg->syscall_mask, sizeof(ro->syscall_mask));
	ro->filter_comms = cfg->ncomms > 0;
	if (cfg->ncomms && cfg->state_mask)
		memcpy((void *)ro->state_mask, cfg->state_mask, sizeof(ro->state_mask));
	ro->task_btf = btf;
	ro->cg_nentries = cgroup_item_layout((uint8_t *)ro->cg_subsys, (char (*)[16])ro->cg_names);
	for (unsigned i = 0; i < ro->cg_nentries; i++)
		((uint8_t *)ro->cg_name_lens)[i] = strlen((const char *)ro->cg_names[i]);
	ro->filter_cgroups = cfg->cgroup_filter;
	if (cfg->cgroup_filter && cfg->state_mask)
		memcpy((void *)ro->state_mask, cfg->state_mask, sizeof(ro->state_mask));
	for (unsigned code = 1; scap_ppm_sc_name(code); code++) {
		long nr = syscall_nr_by_name(scap_ppm_sc_name(code));

		if (nr >= 0 && nr < SR_MAX_SYSCALLS && !ro->ppm_sc[nr])
			((uint16_t *)ro->ppm_sc)[nr] = code;
	}

	param_recipes_build((struct sr_syscall_recipes *)ro->recipes);

	uint32_t ring = (cfg->ring_mb ? cfg->ring_mb : 16) << 20;

	/* The consumer polls the ring on a timer short enough that it cannot fill in between
	 * (see ring_map()); SYSRAY_BPF_WAKEUP=1 makes the programs wake it at a quarter full
	 * instead, which costs a query of the ring per event. */
	ro->wakeup_bytes = getenv("SYSRAY_BPF_WAKEUP") ? ring / 4 : 0;
	int ncpu = libbpf_num_possible_cpus();

	e = bpf_map__set_max_entries(skel->maps.events, ring);
	if (e) {
		seterr(err, errlen, "cannot size the BPF ring buffer to %u MiB: %s", ring >> 20,
		       strerror(-e));
		goto fail;
	}
	e = bpf_map__set_max_entries(skel->maps.scratch, ncpu > 0 ? ncpu : 1);
	if (e) {
		seterr(err, errlen, "cannot size the per-CPU scratch map: %s", strerror(-e));
		goto fail;
	}

	e = sysray_bpf__load(skel);
	if (e) {
		seterr(err, errlen, "cannot load the %s programs: %s%s",
		       btf ? "tp_btf" : "raw_tracepoint", strerror(-e), bpf_privilege_hint(-e));
		goto fail;
	}
	return skel;
fail:
	sysray_bpf__destroy(skel);
	errno = -e;
	return NULL;
}

/* The in-kernel process name and pid filters; -1 with ERR set when a map refuses an entry
 * (more names or pids than the map holds: their events would be dropped unseen). */
static int fill_filter_maps(struct sysray_bpf *skel, const struct bpf_source_config *cfg,
			    char *err, size_t errlen)
{
	int fd = bpf_map__fd(skel->maps.comms);
	uint8_t one = 1;

	for (size_t i = 0; i < cfg->ncomms; i++) {
		char key[16] = { 0 };	/* the kernel's comm: 15 bytes and a NUL */

		strncpy(key, cfg->comms[i], sizeof(key) - 1);
		if (bpf_map_update_elem(fd, key, &one, BPF_ANY)) {
			seterr(err, errlen, "cannot add process name \"%s\" to the in-kernel "
			       "filter (%u names at most): %s", key,
			       bpf_map__max_entries(skel->maps.comms), strerror(errno));
			return -1;
		}
	}
	fd = bpf_map__fd(skel->maps.pids);
	for (size_t i = 0; i < cfg->npids; i++) {
		uint32_t k = cfg->pids[i];

		if (bpf_map_update_elem(fd, &k, &one, BPF_ANY)) {
			seterr(err, errlen, "cannot add pid %u to the in-kernel filter (%u pids at "
			       "most): %s", k, bpf_map__max_entries(skel->maps.pids),
			       strerror(errno));
			return -1;
		}
	}
	return 0;
}

static int ring_map(struct ring *r, int map_fd, size_t size, char *err, size_t errlen)
{
	struct epoll_event ev = { .events = EPOLLIN };

	r->page = sysconf(_SC_PAGESIZE);
	r->size = size;
	r->cons_map = mmap(NULL, r->page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (r->cons_map == MAP_FAILED) {
		r->cons_map = NULL;
		goto fail;
	}
	r->prod_map = mmap(NULL, r->page + 2 * size, PROT_READ, MAP_SHARED, map_fd, r->page);
	if (r->prod_map == MAP_FAILED) {
		r->prod_map = NULL;
		goto fail;
	}
	r->consumer_pos = r->cons_map;
	r->producer_pos = r->prod_map;
	r->data = (const uint8_t *)r->prod_map + r->page;
	r->release_every = size / 16;
	/* A quarter of the ring at 512 MB/s: a drained ring cannot fill during the pause. */
	r->nap_us = size / 4 / 512;
	if (r->nap_us > 20000)
		r->nap_us = 20000;
	r->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (r->epfd < 0 || epoll_ctl(r->epfd, EPOLL_CTL_ADD, map_fd, &ev) < 0)
		goto fail;
	return 0;
fail:
	seterr(err, errlen, "cannot map the BPF ring buffer: %s", strerror(errno));
	return -1;
}

static void ring_unmap(struct ring *r)
{
	if (r->cons_map)
		munmap(r->cons_map, r->page);
	if (r->prod_map)
		munmap(r->prod_map, r->page + 2 * r->size);
	if (r->epfd >= 0)
		close(r->epfd);
}

/* Hands at most MAX committed records to FN, in order; stops at a record still being written.
 * *STOP is set when FN asks to stop (that record counts as consumed). */
static long ring_drain(struct ring *r, size_t max, bpf_record_fn fn, void *ctx, bool *stop)
{
	unsigned long cons = atomic_load_explicit(r->consumer_pos, memory_order_relaxed);
	unsigned long prod = atomic_load_explicit(r->producer_pos, memory_order_acquire);
	unsigned long released = cons;
	long n = 0;

	while ((size_t)n < max && !*stop) {
		if (cons == prod) {
			prod = atomic_load_explicit(r->producer_pos, memory_order_acquire);
			if (cons == prod)
				break;
		}
		const uint8_t *hdr = r->data + (cons & (r->size - 1));
		uint32_t len = atomic_load_explicit((_Atomic uint32_t *)hdr, memory_order_acquire);

		if (len & RB_BUSY)
			break;
		uint32_t body = len & ~(RB_BUSY | RB_DISCARD);

		if (!(len & RB_DISCARD)) {
			n++;
			if (fn(ctx, hdr + RB_HDR, body))
				*stop = true;
		}
		cons += (body + RB_HDR + 7) & ~7ul;
		if (cons - released >= r->release_every) {
			atomic_store_explicit(r->consumer_pos, cons, memory_order_release);
			released = cons;
		}
	}
	if (cons != released)
		atomic_store_explicit(r->consumer_pos, cons, memory_order_release);
	return n;
}

struct bpf_source *bpf_source_open(const struct bpf_source_config *cfg, char *err,
				   size_t errlen)
{
	struct bpf_source *s = calloc(1, sizeof(*s));
	char btf_err[256] = "";

	if (!s) {
		seterr(err, errlen, "out of memory");
		return NULL;
	}
	s->rb.epfd = -1;
	if (bpf_features_check(err, errlen))
		goto fail;

	/* tp_btf is the cheapest attachment; raw tracepoints are the fallback
	 * (SYSRAY_BPF_RAW=1 forces it, to test it). */
	for (int pass = getenv("SYSRAY_BPF_RAW") ? 1 : 0; pass < 2; pass++) {
		bool btf = pass == 0;
		int e;

		s->skel = load(cfg, btf, err, errlen);
		if (!s->skel) {
			if (btf)
				snprintf(btf_err, sizeof(btf_err), "%s", err);
			continue;
		}
		if (fill_filter_maps(s->skel, cfg, err, errlen))
			goto fail;
		if (cfg->before_attach)
			cfg->before_attach(cfg->before_attach_arg);
		e = sysray_bpf__attach(s->skel);
		if (!e) {
			s->btf = btf;
			s->skel->bss->all_attached = 1;
			break;
		}
		seterr(err, errlen, "cannot attach the %s programs: %s%s",
		       btf ? "tp_btf" : "raw_tracepoint", strerror(-e), bpf_privilege_hint(-e));
		if (btf)
			snprintf(btf_err, sizeof(btf_err), "%s", err);
		sysray_bpf__destroy(s->skel);
		s->skel = NULL;
	}
	if (!s->skel) {
		char raw_err[256];

		snprintf(raw_err, sizeof(raw_err), "%s", err);
		seterr(err, errlen, "%s; fallback: %s", btf_err, raw_err);
		goto fail;
	}
	if (ring_map(&s->rb, bpf_map__fd(s->skel->maps.events),
		     bpf_map__max_entries(s->skel->maps.events), err, errlen))
		goto fail;
	return s;
fail:
	bpf_source_close(s);
	return NULL;
}

long bpf_source_poll(struct bpf_source *s, int timeout_ms, size_t max, bpf_record_fn fn,
		     void *ctx)
{
	struct epoll_event ev;
	bool stop = false;
	long n;

	if (!max)
		max = 1;
	n = ring_drain(&s->rb, max, fn, ctx, &stop);
	if (stop || (size_t)n >= max || !timeout_ms)
		return n;
	if (n) {
		/* The ring was drained: let the next batch gather instead of coming back for
		 * every few records (the epoll fd is ready whenever any data is queued). */
		unsigned us = s->rb.nap_us;

		if (timeout_ms > 0 && us > (unsigned)timeout_ms * 1000)
			us = timeout_ms * 1000;
		usleep(us);
		return n;
	}
	/* Empty: sleep until the programs force a wakeup (a quarter of the ring queued, when
	 * they do) or the pause, whichever is first; records submitted without a wakeup are
	 * picked up after it. */
	int wait_ms = (s->rb.nap_us + 999) / 1000;

	if (timeout_ms >= 0 && wait_ms > timeout_ms)
		wait_ms = timeout_ms;
	if (epoll_wait(s->rb.epfd, &ev, 1, wait_ms) < 0 && errno != EINTR)
		return -errno;
	return ring_drain(&s->rb, max, fn, ctx, &stop);
}

void bpf_source_detach(struct bpf_source *s)
{
	if (s && s->skel)
		sysray_bpf__detach(s->skel);
}

int bpf_source_set_cgroup_verdict(struct bpf_source *s, uint64_t cgroup_id, bool pass)
{
	uint8_t v = pass;

	return bpf_map_update_elem(bpf_map__fd(s->skel->maps.cgroup_verdicts), &cgroup_id, &v,
				   BPF_ANY) ? -errno : 0;
}

/* Entry KEY of per-CPU counter map FD, summed over CPUs. */
static uint64_t per_cpu_sum(int fd, uint32_t key)
{
	int ncpu = libbpf_num_possible_cpus();
	uint64_t total = 0;

	if (ncpu <= 0)
		return 0;
	uint64_t *per_cpu = calloc(ncpu, sizeof(*per_cpu));

	if (per_cpu && !bpf_map_lookup_elem(fd, &key, per_cpu))
		for (int i = 0; i < ncpu; i++)
			total += per_cpu[i];
	free(per_cpu);
	return total;
}

uint64_t bpf_source_drops(struct bpf_source *s)
{
	return per_cpu_sum(bpf_map__fd(s->skel->maps.drops), 0);
}

uint64_t bpf_source_filtered(struct bpf_source *s, unsigned kind)
{
	return per_cpu_sum(bpf_map__fd(s->skel->maps.filtered), kind);
}

const char *bpf_source_attach_kind(const struct bpf_source *s)
{
	return s->btf ? "tp_btf" : "raw_tracepoint";
}

void bpf_source_close(struct bpf_source *s)
{
	if (!s)
		return;
	ring_unmap(&s->rb);
	sysray_bpf__destroy(s->skel);
	free(s);
}

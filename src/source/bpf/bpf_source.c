/* The eBPF source's loader and ring-buffer consumer (libbpf skeleton). */
#include "source/bpf/bpf_source.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "sysray.skel.h"

struct bpf_source {
	struct sysray_bpf *skel;
	struct ring_buffer *rb;
	bool btf;		/* tp_btf programs, else raw tracepoints */
	/* state of the poll in progress */
	bpf_record_fn fn;
	void *ctx;
	size_t left;
	long handed;
	bool stop;
};

/* The callback's way to end a consume early; libbpf 1.1 stops at a negative return and keeps
 * the record it was given as consumed. */
#define BATCH_DONE (-ECANCELED)

static int libbpf_quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (!getenv("SYSRAY_BPF_DEBUG"))
		return 0;
	return vfprintf(stderr, fmt, ap);
}

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

static const char *privilege_hint(int e)
{
	return e == EPERM || e == EACCES ? " (needs CAP_BPF and CAP_PERFMON: run as root)" : "";
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
		bpf_program__set_autoload(btf_progs[i], btf);
		bpf_program__set_autoload(raw_progs[i], !btf);
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

	uint32_t ring = (cfg->ring_mb ? cfg->ring_mb : 16) << 20;

	/* A quarter of the ring queued wakes the consumer; it also polls on a timeout. */
	ro->wakeup_bytes = ring / 4;
	bpf_map__set_max_entries(skel->maps.events, ring);
	int ncpu = libbpf_num_possible_cpus();

	bpf_map__set_max_entries(skel->maps.scratch, ncpu > 0 ? ncpu : 1);

	e = sysray_bpf__load(skel);
	if (e) {
		e = -e;
		seterr(err, errlen, "cannot load the %s programs: %s%s",
		       btf ? "tp_btf" : "raw_tracepoint", strerror(e), privilege_hint(e));
		sysray_bpf__destroy(skel);
		errno = e;
		return NULL;
	}
	return skel;
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct bpf_source *s = ctx;

	if (s->stop)
		return BATCH_DONE;
	s->handed++;
	if (s->fn(s->ctx, data, size))
		s->stop = true;
	if (s->stop || --s->left == 0)
		return BATCH_DONE;
	return 0;
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
	libbpf_set_print(libbpf_quiet);
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		seterr(err, errlen, "kernel BTF is missing (/sys/kernel/btf/vmlinux: %s): "
		       "the eBPF source needs CONFIG_DEBUG_INFO_BTF", strerror(errno));
		goto fail;
	}
	int have_rb = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL);

	if (have_rb == 0) {
		seterr(err, errlen, "the kernel has no BPF ring buffer map type (Linux 5.8+)");
		goto fail;
	}
	if (have_rb < 0) {
		seterr(err, errlen, "cannot probe BPF features: %s%s", strerror(-have_rb),
		       privilege_hint(-have_rb));
		goto fail;
	}

	/* tp_btf is the cheapest attachment; raw tracepoints are the fallback. */
	for (int pass = 0; pass < 2; pass++) {
		bool btf = pass == 0;
		int e;

		s->skel = load(cfg, btf, err, errlen);
		if (!s->skel) {
			if (btf)
				snprintf(btf_err, sizeof(btf_err), "%s", err);
			continue;
		}
		if (cfg->npids) {
			int fd = bpf_map__fd(s->skel->maps.pids);
			uint8_t one = 1;

			for (size_t i = 0; i < cfg->npids; i++) {
				uint32_t k = cfg->pids[i];

				bpf_map_update_elem(fd, &k, &one, BPF_ANY);
			}
		}
		e = sysray_bpf__attach(s->skel);
		if (!e) {
			s->btf = btf;
			break;
		}
		seterr(err, errlen, "cannot attach the %s programs: %s%s",
		       btf ? "tp_btf" : "raw_tracepoint", strerror(-e), privilege_hint(-e));
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
	s->rb = ring_buffer__new(bpf_map__fd(s->skel->maps.events), on_record, s, NULL);
	if (!s->rb) {
		seterr(err, errlen, "cannot map the BPF ring buffer: %s", strerror(errno));
		goto fail;
	}
	return s;
fail:
	bpf_source_close(s);
	return NULL;
}

long bpf_source_poll(struct bpf_source *s, int timeout_ms, size_t max, bpf_record_fn fn,
		     void *ctx)
{
	int e;

	s->fn = fn;
	s->ctx = ctx;
	s->left = max ? max : 1;
	s->handed = 0;
	s->stop = false;
	/* Records submitted without a wakeup do not make the epoll fd ready: consume after the
	 * wait whether it timed out or not. */
	e = ring_buffer__poll(s->rb, timeout_ms);
	if (e >= 0 && !s->stop && s->left)
		e = ring_buffer__consume(s->rb);
	if (e < 0 && e != BATCH_DONE && e != -EINTR)
		return e;
	return s->handed;
}

void bpf_source_detach(struct bpf_source *s)
{
	if (s && s->skel)
		sysray_bpf__detach(s->skel);
}

uint64_t bpf_source_drops(struct bpf_source *s)
{
	int ncpu = libbpf_num_possible_cpus();
	uint32_t zero = 0;
	uint64_t total = 0;

	if (ncpu <= 0)
		return 0;
	uint64_t *per_cpu = calloc(ncpu, sizeof(*per_cpu));

	if (per_cpu && !bpf_map_lookup_elem(bpf_map__fd(s->skel->maps.drops), &zero, per_cpu))
		for (int i = 0; i < ncpu; i++)
			total += per_cpu[i];
	free(per_cpu);
	return total;
}

const char *bpf_source_attach_kind(const struct bpf_source *s)
{
	return s->btf ? "tp_btf" : "raw_tracepoint";
}

void bpf_source_close(struct bpf_source *s)
{
	if (!s)
		return;
	ring_buffer__free(s->rb);
	sysray_bpf__destroy(s->skel);
	free(s);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* sysray scap-dump [--meta] [-q] [-w OUT [-z]] FILE: every event of a .scap capture as
 * "NUM TS CPU TID DIR TYPE nparams=N code=CODE", then a summary (blocks, events per type,
 * metadata).
 * A checking tool for the capture reader until `sysray -r` has fields and filters; -w
 * copies the capture through our writer. */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/event_table.h"
#include "capture/ppm_sc.h"
#include "capture/scap_format.h"
#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "util/util.h"

int cmd_scap_dump(int argc, char **argv);

struct dump_opts {
	bool meta;
	bool quiet;
	const char *write_path;
	bool gzip;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: sysray scap-dump [--meta] [-q] [-w OUT [-z]] FILE\n"
		"  print each event of a sysdig capture as NUM TS CPU TID DIR TYPE nparams=N,\n"
		"  then a summary of blocks, events per type and metadata\n"
		"  --meta     also print the metadata tables (threads, fds, users, interfaces)\n"
		"  -q         summary only\n"
		"  -w OUT     copy the capture to OUT with sysray's writer (-z: gzip)\n");
}

static void print_list(const char *label, const char *s, size_t len)
{
	printf(" %s=", label);
	/* Items are NUL-terminated: separate them by spaces, drop the last NUL. */
	for (size_t i = 0; i < len; i++)
		if (s[i] || i + 1 < len)
			putchar(s[i] ? s[i] : ' ');
}

static void print_addr(const uint8_t *a, bool v6)
{
	if (!v6) {
		printf("%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
		return;
	}
	for (int i = 0; i < 16; i += 2)
		printf("%s%x", i ? ":" : "", (a[i] << 8) | a[i + 1]);
}

static void print_fd(const struct scap_fd *f)
{
	printf("    fd %" PRId64 " %s ino=%" PRIu64, f->fd, scap_fd_type_name(f->type), f->ino);
	switch (f->type) {
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV6_SOCK:
		printf(" ");
		print_addr(f->sip, f->type == SCAP_FD_IPV6_SOCK);
		printf(":%u->", f->sport);
		print_addr(f->dip, f->type == SCAP_FD_IPV6_SOCK);
		printf(":%u l4=%u", f->dport, f->l4proto);
		break;
	case SCAP_FD_IPV4_SERVSOCK:
	case SCAP_FD_IPV6_SERVSOCK:
		printf(" ");
		print_addr(f->sip, f->type == SCAP_FD_IPV6_SERVSOCK);
		printf(":%u l4=%u", f->sport, f->l4proto);
		break;
	case SCAP_FD_UNIX_SOCK:
		printf(" %" PRIx64 "->%" PRIx64, f->unix_src, f->unix_dst);
		break;
	case SCAP_FD_FILE_V2:
		printf(" flags=0x%x", f->open_flags);
		if (f->has_dev)
			printf(" dev=0x%x", f->dev);
		break;
	}
	if (f->name[0])
		printf(" name=%s", f->name);
	putchar('\n');
}

static void print_meta(const struct scap_meta *m)
{
	const struct scap_machine *mi = &m->machine;

	if (mi->present)
		printf("machine: hostname=%s cpus=%u memory=%" PRIu64 " max_pid=%" PRIu64 "\n",
		       mi->hostname, mi->num_cpus, mi->memory_bytes, mi->max_pid);
	for (size_t i = 0; i < m->nifaces; i++) {
		const struct scap_iface *f = &m->ifaces[i];
		bool v6 = f->type == SCAP_IFACE_IPV6 || f->type == SCAP_IFACE_IPV6_NOLINKSPEED;

		printf("interface: %s ", f->name);
		print_addr(f->addr, v6);
		printf(" netmask ");
		print_addr(f->netmask, v6);
		printf("\n");
	}
	for (size_t i = 0; i < m->nusers; i++)
		printf("user: %u %s gid=%u home=%s shell=%s\n", m->users[i].uid, m->users[i].name,
		       m->users[i].gid, m->users[i].homedir, m->users[i].shell);
	for (size_t i = 0; i < m->ngroups; i++)
		printf("group: %u %s\n", m->groups[i].gid, m->groups[i].name);
	for (size_t i = 0; i < m->nthreads; i++) {
		const struct scap_thread *t = &m->threads[i];

		printf("thread: tid=%" PRId64 " pid=%" PRId64 " ptid=%" PRId64 " comm=%s exe=%s",
		       t->tid, t->pid, t->ptid, t->comm, t->exe);
		if (t->exepath[0])
			printf(" exepath=%s", t->exepath);
		print_list("args", t->args, t->args_len);
		printf(" cwd=%s uid=%u gid=%u", t->cwd, t->uid, t->gid);
		if (t->loginuid != UINT32_MAX)
			printf(" loginuid=%u", t->loginuid);
		printf(" fds=%zu\n", t->nfds);
		for (size_t j = 0; j < t->nfds; j++)
			print_fd(&t->fds[j]);
	}
}

/* The type as sysdig names it: generic events (0/1) by their syscall, from the ID
 * parameter; "<unknown>" when that code has no name. */
static const char *event_type_name(const struct scap_event *ev)
{
	uint64_t id;

	if (!scap_event_is_generic(ev->type))
		return scap_event_name(ev);
	if (ev->nparams < 1 || !scap_param_u64(&ev->params[0], &id))
		return "<unknown>";
	const char *name = scap_ppm_sc_name((unsigned)id);

	return name ? name : "<unknown>";
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void print_summary(struct scap_reader *r, const uint64_t *per_type, uint64_t unknown,
			  uint64_t nthreads, uint64_t nfds)
{
	const struct scap_reader_stats *st = scap_reader_stats(r);
	const struct scap_meta *m = scap_reader_meta(r);
	uint32_t types[ARRAY_SIZE(st->per_block)];
	unsigned major, minor;

	scap_reader_version(r, &major, &minor);
	printf("-- summary\n");
	printf("format: %s, version %u.%u, %" PRIu64 " section%s\n",
	       scap_reader_is_gzip(r) ? "gzip" : "raw", major, minor, st->sections,
	       st->sections == 1 ? "" : "s");
	printf("blocks: %" PRIu64, st->blocks);
	for (unsigned i = 0; i < st->nblock_types; i++)
		types[i] = st->per_block[i].type;
	qsort(types, st->nblock_types, sizeof(types[0]), cmp_u32);
	for (unsigned i = 0; i < st->nblock_types; i++)
		for (unsigned j = 0; j < st->nblock_types; j++)
			if (st->per_block[j].type == types[i]) {
				const char *n = scap_block_name(types[i]);

				printf("%s %s %" PRIu64, i ? "," : " ", n ? n : "unknown",
				       st->per_block[j].count);
			}
	printf("\n");
	printf("events: %" PRIu64 " (state-only %" PRIu64 ", skipped blocks %" PRIu64 ")\n",
	       st->events, st->state_only, st->skipped_blocks);
	for (unsigned t = 0; t < SCAP_EVENT_MAX; t++)
		if (per_type[t])
			printf("  %-20s %c %4u %" PRIu64 "\n", scap_event_table[t].name,
			       scap_event_is_enter(t) ? '>' : '<', t, per_type[t]);
	if (unknown)
		printf("  %-20s %c %4s %" PRIu64 "\n", "(unknown types)", '?', "-", unknown);
	printf("metadata: machine %s, %zu interfaces, %zu users, %zu groups, %" PRIu64
	       " threads, %" PRIu64 " fds\n",
	       m->machine.present ? "yes" : "no", m->nifaces, m->nusers, m->ngroups, nthreads,
	       nfds);
}

static void count_meta(const struct scap_meta *m, uint64_t *nthreads, uint64_t *nfds)
{
	*nthreads += m->nthreads;
	for (size_t i = 0; i < m->nthreads; i++)
		*nfds += m->threads[i].nfds;
}

int cmd_scap_dump(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "meta", no_argument, NULL, 'm' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct dump_opts o = { 0 };
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+hqw:z", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			o.meta = true;
			break;
		case 'q':
			o.quiet = true;
			break;
		case 'w':
			o.write_path = optarg;
			break;
		case 'z':
			o.gzip = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		return 1;
	}
	const char *path = argv[optind];
	struct scap_reader *r = scap_reader_open_path(path);
	struct scap_writer *w = NULL;
	char werr[300];

	if (o.write_path) {
		w = scap_writer_open(o.write_path, o.gzip, werr, sizeof(werr));
		if (!w) {
			msg("%s", werr);
			scap_reader_close(r);
			return 1;
		}
	}
	uint64_t *per_type = xcalloc(SCAP_EVENT_MAX, sizeof(*per_type));
	uint64_t unknown = 0, num = 0, nthreads = 0, nfds = 0;
	bool section_started = false;
	struct scap_event ev;
	int rc;

	setvbuf(stdout, NULL, _IOFBF, 1 << 16);
	for (;;) {
		/* The first section's metadata is loaded at open; later ones announce
		 * themselves with SCAP_SECTION. */
		if (!section_started) {
			section_started = true;
			if (scap_reader_error(r)[0] == '\0') {
				count_meta(scap_reader_meta(r), &nthreads, &nfds);
				if (o.meta && !o.quiet)
					print_meta(scap_reader_meta(r));
				if (w)
					scap_writer_section(w, scap_reader_meta(r));
			}
		}
		rc = scap_reader_next(r, &ev);
		if (rc <= 0)
			break;
		if (rc == SCAP_SECTION) {
			count_meta(scap_reader_meta(r), &nthreads, &nfds);
			if (!o.quiet)
				printf("-- section %" PRIu64 "\n", scap_reader_stats(r)->sections);
			if (o.meta && !o.quiet)
				print_meta(scap_reader_meta(r));
			if (w)
				scap_writer_section(w, scap_reader_meta(r));
			continue;
		}
		num++;
		if (ev.type < SCAP_EVENT_MAX)
			per_type[ev.type]++;
		else
			unknown++;
		if (w)
			scap_writer_event(w, &ev);
		if (o.quiet)
			continue;
		const char *name = event_type_name(&ev);

		printf("%" PRIu64 " %" PRIu64 " %u %" PRId64 " %c ", num, ev.ts, ev.cpu, ev.tid,
		       scap_event_is_enter(ev.type) ? '>' : '<');
		if (name)
			printf("%s", name);
		else
			printf("unknown(%u)", ev.type);
		printf(" nparams=%u code=%u", ev.nparams, ev.type);
		if (ev.dump_flags)
			printf(" flags=0x%x", ev.dump_flags);
		putchar('\n');
	}
	print_summary(r, per_type, unknown, nthreads, nfds);
	fflush(stdout);
	const char *warnings = scap_reader_warnings(r);

	if (warnings[0])
		fprintf(stderr, "%s", warnings);
	int status = 0;

	if (rc < 0) {
		msg("%s", scap_reader_error(r));
		status = 1;
	}
	if (w && scap_writer_close(w, werr, sizeof(werr)) < 0) {
		msg("%s", werr);
		status = 1;
	}
	free(per_type);
	scap_reader_close(r);
	return status;
}

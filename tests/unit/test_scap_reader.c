/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The .scap reader and writer on real captures (tests/data/scap: files written by sysdig,
 * Falco and libs, and one probe per corner of the format). Expected counts are what Debian's
 * sysdig 0.29 reports for the same files (`sysdig -r F -p "%evt.num %evt.type %evt.dir
 * %thread.tid" | wc -l`); truncated and corrupted copies must end in one error naming a byte
 * offset, never a crash; a written file must read back identical.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "capture/scap_format.h"
#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "schema/ppm_flags.h"

struct expect {
	const char *file;
	unsigned events;	/* event blocks in the file */
	unsigned sysdig_lines;	/* lines sysdig 0.29 prints with -p */
	bool sysdig_fails;	/* sysdig stops early on this file (see the reference §17) */
};

static const struct expect captures[] = {
	{ "falco_cat_write.scap", 345, 85, false },
	{ "falco_connect_localhost.scap", 374, 8, false },
	{ "falco_empty.scap", 143, 0, false },
	{ "falco_empty_2016.scap", 83, 0, false },
	{ "falco_open_multiple_files.scap", 1272, 86, false },
	{ "falco_ping_sendto.scap", 1526, 20, false },
	{ "falco_syscall.scap", 368, 12, false },
	{ "libs_e2e_curl_google.scap", 1536, 1221, false },
	/* SHB options: sysdig 0.29 cannot open it; we skip them. */
	{ "libs_e2e_curl_google_comments.scap", 1536, 0, true },
	{ "libs_e2e_single_ipv6_conn.scap", 1728, 28, false },
	{ "libs_e2e_test_ipv6_client.scap", 326, 68, false },
	{ "probes/t01_legacy_pairs.scap", 17, 17, false },
	{ "probes/t02_superset_pairs.scap", 17, 17, false },
	{ "probes/t03_exit_only.scap", 9, 9, false },
	{ "probes/t04_no_metadata.scap", 17, 17, false },
	{ "probes/t05_uncompressed.scap", 17, 17, false },
	{ "probes/t06_shb_minor1.scap", 17, 17, false },
	{ "probes/t07_shb_minor0.scap", 17, 17, false },
	{ "probes/t08_shb_with_options.scap", 17, 0, true },
	/* fd type 20 (memfd): sysdig 0.29 refuses the file. */
	{ "probes/t09_fd_type_memfd.scap", 17, 0, true },
	{ "probes/t10_pl_v9_pre010_layout.scap", 17, 17, false },
	{ "probes/t11_evf_state_only.scap", 17, 0, false },
	{ "probes/t12_evf_flags0.scap", 17, 17, false },
	{ "probes/t13_future_event_type.scap", 18, 17, false },
	{ "probes/t14_head_only_event.scap", 18, 17, false },
	/* sysdig stops at the unknown block among events; we skip it. */
	{ "probes/t15_unknown_block_in_events.scap", 17, 3, true },
	{ "probes/t16_large_block.scap", 18, 18, false },
	/* sysdig refuses the 70 KB non-LARGE block; we read it. */
	{ "probes/t17_nonlarge_block_over64k.scap", 18, 2, true },
	{ "probes/t18_unknown_meta_block.scap", 17, 17, false },
	{ "probes/t19_concatenated.scap", 34, 34, false },
	{ "probes/t20_concatenated_gz.scap", 34, 34, false },
	{ "probes/t21_exit_more_params_than_head.scap", 2, 2, false },
	{ "probes/t22_exit_unlisted_param_count.scap", 2, 2, false },
	{ "probes/t23_exit_empty_params.scap", 1, 1, false },
	{ "probes/t24_v1_event_blocks.scap", 2, 2, false },
	{ "probes/t25_event_block_options_only.scap", 1536, 1221, false },
	{ "probes/t27_evf_v1.scap", 1, 1, false },
	{ "probes/t28_evf_v2_large.scap", 1, 1, false },
};

/* tests/data/scap, found from this source file's path (the build runs from the repository
 * root) or from $SYSRAY_SCAP_DATA. */
static const char *data_dir(void)
{
	static char dir[4096];
	const char *env = getenv("SYSRAY_SCAP_DATA");

	if (env)
		return env;
	if (!dir[0]) {
		const char *f = __FILE__;
		const char *slash = strrchr(f, '/');
		int n = slash ? (int)(slash - f) : 1;

		snprintf(dir, sizeof(dir), "%.*s/../data/scap", n, slash ? f : ".");
	}
	return dir;
}

static char *path_of(const char *file)
{
	static char p[4200];

	snprintf(p, sizeof(p), "%s/%s", data_dir(), file);
	return p;
}

static uint8_t *load(const char *file, size_t *len)
{
	FILE *f = fopen(path_of(file), "rb");

	if (!f)
		fail_msg("cannot open %s (set SYSRAY_SCAP_DATA to tests/data/scap)", path_of(file));
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	uint8_t *b = malloc(*len ? *len : 1);

	assert_int_equal(fread(b, 1, *len, f), *len);
	fclose(f);
	return b;
}

/* Whether sysdig 0.29 shows EV: it skips codes it does not know (>= SCAP_EVENT_MAX_029)
 * without numbering them, and hides procinfo, container events and state-only events. */
static bool shown_by_sysdig(const struct scap_event *ev)
{
	if (ev->type >= SCAP_EVENT_MAX_029 || ev->type == PPME_PROCINFO_E)
		return false;
	if (ev->type == PPME_CONTAINER_E || ev->type == PPME_CONTAINER_JSON_E ||
	    ev->type == PPME_CONTAINER_JSON_2_E)
		return false;
	return !(ev->dump_flags & SCAP_DF_STATE_ONLY);
}

static void test_captures_match_sysdig_counts(void **state)
{
	for (size_t i = 0; i < sizeof(captures) / sizeof(captures[0]); i++) {
		const struct expect *x = &captures[i];
		struct scap_reader *r = scap_reader_open_path(path_of(x->file));
		struct scap_event ev;
		unsigned events = 0, shown = 0;
		int rc;

		while ((rc = scap_reader_next(r, &ev)) > 0) {
			if (rc != SCAP_EVENT)
				continue;
			events++;
			shown += shown_by_sysdig(&ev);
			/* Every parameter lies inside the record. */
			for (uint32_t p = 0; p < ev.nparams; p++)
				assert_true(ev.params[p].val + ev.params[p].len <=
					    ev.record + ev.len);
		}
		if (rc != SCAP_EOF)
			fail_msg("%s: %s", x->file, scap_reader_error(r));
		if (events != x->events)
			fail_msg("%s: %u events, expected %u", x->file, events, x->events);
		if (!x->sysdig_fails && shown != x->sysdig_lines)
			fail_msg("%s: %u events shown as sysdig would, sysdig shows %u", x->file,
				 shown, x->sysdig_lines);
		scap_reader_close(r);
	}
}

static void test_metadata_tables(void **state)
{
	struct scap_reader *r = scap_reader_open_path(path_of("falco_cat_write.scap"));
	struct scap_event ev;

	assert_int_equal(scap_reader_next(r, &ev), SCAP_EVENT);
	const struct scap_meta *m = scap_reader_meta(r);

	/* 73 FDL blocks, one per thread of the PL_V6 block; 5 interfaces, 32 users. */
	assert_int_equal(m->nthreads, 73);
	assert_int_equal(m->nifaces, 5);
	assert_int_equal(m->nusers, 32);
	assert_int_equal(m->ngroups, 61);
	assert_true(m->machine.present);
	assert_true(m->machine.num_cpus > 0);
	size_t fds = 0;

	for (size_t i = 0; i < m->nthreads; i++)
		fds += m->threads[i].nfds;
	assert_int_equal(fds, 384);
	const struct scap_thread *t = scap_meta_thread(m, 1);

	assert_non_null(t);
	assert_int_equal(t->pid, 1);
	assert_true(t->comm[0]);
	assert_string_equal(m->users[0].name, "root");
	scap_reader_close(r);

	/* PL_V9 + FDL_V2: an IPv4 socket with its tuple (probe t01's writer). */
	r = scap_reader_open_path(path_of("probes/t01_legacy_pairs.scap"));
	assert_int_equal(scap_reader_next(r, &ev), SCAP_EVENT);
	m = scap_reader_meta(r);
	assert_int_equal(m->nthreads, 1);
	assert_int_equal(m->threads[0].nfds, 3);
	scap_reader_close(r);
}

static void test_concatenated_sections(void **state)
{
	struct scap_reader *r = scap_reader_open_path(path_of("probes/t20_concatenated_gz.scap"));
	struct scap_event ev;
	int rc, sections = 0, events = 0;

	while ((rc = scap_reader_next(r, &ev)) > 0) {
		if (rc == SCAP_SECTION) {
			sections++;
			assert_int_equal(events, 17);
			assert_int_equal(scap_reader_meta(r)->nthreads, 1);
		} else {
			events++;
		}
	}
	assert_int_equal(rc, SCAP_EOF);
	assert_int_equal(sections, 1);
	assert_int_equal(events, 34);
	assert_int_equal(scap_reader_stats(r)->sections, 2);
	scap_reader_close(r);
}

static void test_no_events_is_an_error(void **state)
{
	struct scap_reader *r = scap_reader_open_path(path_of("probes/t26_no_events.scap"));
	struct scap_event ev;

	assert_int_equal(scap_reader_next(r, &ev), SCAP_ERROR);
	assert_non_null(strstr(scap_reader_error(r), "no events in file"));
	scap_reader_close(r);
}

/* Reads BUF (LEN bytes) to its end; returns the final status and the events. */
static int read_all(const uint8_t *buf, size_t len, unsigned *events, struct scap_reader **out)
{
	struct scap_reader *r = scap_reader_open_mem(buf, len, "cut");
	struct scap_event ev;
	int rc;

	*events = 0;
	while ((rc = scap_reader_next(r, &ev)) > 0)
		*events += rc == SCAP_EVENT;
	*out = r;
	return rc;
}

/* Block boundaries of a raw capture. */
static bool is_boundary(const uint8_t *b, size_t len, size_t at)
{
	size_t off = 0;

	while (off + 8 <= len) {
		if (off == at)
			return true;
		off += get_le32(b + off + 4);
	}
	return off == at;
}

static void truncate_everywhere(const char *file, size_t stride)
{
	size_t len;
	uint8_t *full = load(file, &len);
	bool gzip = len > 2 && full[0] == 0x1f && full[1] == 0x8b;
	unsigned all, prev = 0;
	struct scap_reader *r;

	assert_int_equal(read_all(full, len, &all, &r), SCAP_EOF);
	scap_reader_close(r);
	for (size_t cut = 0; cut < len; cut += (cut < 64 || len - cut < 64) ? 1 : stride) {
		uint8_t *part = malloc(cut ? cut : 1);
		unsigned events;

		memcpy(part, full, cut);
		int rc = read_all(part, cut, &events, &r);

		assert_true(events <= all);
		if (!gzip)
			assert_true(events >= prev);	/* a longer prefix never reads less */
		prev = events;
		if (rc == SCAP_EOF) {
			/* Only a cut between two blocks after an event (for gzip: between two
			 * members) is a clean end. */
			bool member_end = gzip && cut + 3 <= len && full[cut] == 0x1f &&
					  full[cut + 1] == 0x8b && full[cut + 2] == 8;

			if ((gzip ? !member_end : !is_boundary(full, len, cut)) || !events)
				fail_msg("%s cut at %zu: no error reported", file, cut);
		} else {
			assert_int_equal(rc, SCAP_ERROR);
			const char *e = scap_reader_error(r);

			if (!strstr(e, "byte offset"))
				fail_msg("%s cut at %zu: no offset in: %s", file, cut, e);
			if (!gzip && scap_reader_error_offset(r) > cut)
				fail_msg("%s cut at %zu: offset %llu past the end", file, cut,
					 (unsigned long long)scap_reader_error_offset(r));
		}
		scap_reader_close(r);
		free(part);
	}
	free(full);
}

static void test_truncation_raw(void **state)
{
	truncate_everywhere("probes/t05_uncompressed.scap", 1);
	truncate_everywhere("probes/t19_concatenated.scap", 1);
	truncate_everywhere("probes/t24_v1_event_blocks.scap", 1);
	truncate_everywhere("falco_empty_2016.scap", 97);
}

static void test_truncation_gzip(void **state)
{
	truncate_everywhere("probes/t01_legacy_pairs.scap", 1);
	truncate_everywhere("falco_cat_write.scap", 53);
	truncate_everywhere("probes/t20_concatenated_gz.scap", 1);
}

/* Offset of the first event block of a raw capture. */
static size_t first_event_block(const uint8_t *b, size_t len)
{
	size_t off = 0;

	while (off + 8 <= len && !scap_block_is_event(get_le32(b + off)))
		off += get_le32(b + off + 4);
	return off;
}

static void expect_error_at(uint8_t *b, size_t len, uint64_t offset, const char *what)
{
	unsigned events;
	struct scap_reader *r;
	int rc = read_all(b, len, &events, &r);

	assert_int_equal(rc, SCAP_ERROR);
	if (scap_reader_error_offset(r) != offset || !strstr(scap_reader_error(r), what))
		fail_msg("expected '%s' at %llu, got: %s", what, (unsigned long long)offset,
			 scap_reader_error(r));
	scap_reader_close(r);
}

static void test_corrupt_lengths(void **state)
{
	size_t len;
	uint8_t *orig = load("probes/t05_uncompressed.scap", &len);
	uint8_t *b = malloc(len);
	size_t ev = first_event_block(orig, len);
	uint32_t v;

	assert_true(ev > 0 && ev < len);
	/* A block length that is not a multiple of 4. */
	memcpy(b, orig, len);
	v = get_le32(b + ev + 4) + 1;
	memcpy(b + ev + 4, &v, 4);
	expect_error_at(b, len, ev + 4, "corrupt block length");
	/* A hostile length (4 GiB - 16): refused without allocating it. */
	memcpy(b, orig, len);
	v = 0xFFFFFFF0u;
	memcpy(b + ev + 4, &v, 4);
	expect_error_at(b, len, ev + 4, "over the limit");
	/* A length larger than the file (but under the limit): truncated. */
	memcpy(b, orig, len);
	v = 1u << 20;
	memcpy(b + ev + 4, &v, 4);
	expect_error_at(b, len, ev, "truncated");
	/* A trailer that disagrees with the header. */
	memcpy(b, orig, len);
	v = get_le32(b + ev + 4);
	b[ev + v - 4] ^= 0x10;
	expect_error_at(b, len, ev + v - 4, "trailer");
	/* An event record whose len runs past its block. */
	memcpy(b, orig, len);
	uint32_t big = 60000;

	memcpy(b + ev + 8 + 2 + 16, &big, 4);
	expect_error_at(b, len, ev + 10, "does not fit");
	/* A parameter length that runs past the event. */
	memcpy(b, orig, len);
	uint16_t plen = 0xFFFF;

	memcpy(b + ev + 8 + 2 + 26, &plen, 2);
	expect_error_at(b, len, ev + 10, "runs past");
	/* Not a capture at all. */
	memcpy(b, orig, len);
	b[0] = 'X';
	expect_error_at(b, len, 0, "not a capture");
	free(b);
	free(orig);
}

static bool same_params(const struct scap_event *a, const struct scap_event *b)
{
	if (a->nparams != b->nparams)
		return false;
	for (uint32_t i = 0; i < a->nparams; i++)
		if (a->params[i].len != b->params[i].len ||
		    memcmp(a->params[i].val, b->params[i].val, a->params[i].len))
			return false;
	return true;
}

/* Copies FILE through the writer (gzip or raw) and checks the copy event by event. */
static void round_trip(const char *file, bool gzip)
{
	char out[] = "/tmp/sysray-scap-rt-XXXXXX";
	int fd = mkstemp(out);
	char err[300];

	assert_true(fd >= 0);
	close(fd);
	struct scap_reader *r = scap_reader_open_path(path_of(file));
	struct scap_writer *w = scap_writer_open(out, gzip, err, sizeof(err));
	struct scap_event ev;
	int rc;

	assert_non_null(w);
	assert_int_equal(scap_writer_section(w, scap_reader_meta(r)), 0);
	while ((rc = scap_reader_next(r, &ev)) > 0) {
		if (rc == SCAP_SECTION)
			assert_int_equal(scap_writer_section(w, scap_reader_meta(r)), 0);
		else
			assert_int_equal(scap_writer_event(w, &ev), 0);
	}
	assert_int_equal(rc, SCAP_EOF);
	assert_int_equal(scap_writer_close(w, err, sizeof(err)), 0);
	scap_reader_close(r);

	/* Read both again side by side. */
	struct scap_reader *a = scap_reader_open_path(path_of(file));
	struct scap_reader *b = scap_reader_open_path(out);
	struct scap_event ea, eb;
	int ra, rb;
	unsigned n = 0;

	for (;;) {
		ra = scap_reader_next(a, &ea);
		rb = scap_reader_next(b, &eb);
		if (ra != rb)
			fail_msg("%s: copy differs at event %u (%d vs %d: %s)", file, n, ra, rb,
				 scap_reader_error(b));
		if (ra <= 0)
			break;
		if (ra == SCAP_SECTION)
			continue;
		n++;
		if (ea.ts != eb.ts || ea.tid != eb.tid || ea.type != eb.type ||
		    ea.cpu != eb.cpu || ea.dump_flags != eb.dump_flags || !same_params(&ea, &eb))
			fail_msg("%s: event %u differs in the copy", file, n);
	}
	assert_int_equal(ra, SCAP_EOF);
	const struct scap_meta *ma = scap_reader_meta(a), *mb = scap_reader_meta(b);

	assert_int_equal(ma->nthreads, mb->nthreads);
	assert_int_equal(ma->nusers, mb->nusers);
	assert_int_equal(ma->ngroups, mb->ngroups);
	assert_int_equal(ma->nifaces, mb->nifaces);
	assert_string_equal(ma->machine.hostname, mb->machine.hostname);
	for (size_t i = 0; i < ma->nthreads; i++) {
		const struct scap_thread *ta = &ma->threads[i];
		const struct scap_thread *tb = scap_meta_thread(mb, ta->tid);

		assert_non_null(tb);
		assert_string_equal(ta->comm, tb->comm);
		assert_string_equal(ta->exe, tb->exe);
		assert_string_equal(ta->cwd, tb->cwd);
		assert_int_equal(ta->args_len, tb->args_len);
		assert_memory_equal(ta->args, tb->args, ta->args_len);
		assert_int_equal(ta->pid, tb->pid);
		assert_int_equal(ta->uid, tb->uid);
		assert_int_equal(ta->nfds, tb->nfds);
		for (size_t j = 0; j < ta->nfds; j++) {
			assert_int_equal(ta->fds[j].fd, tb->fds[j].fd);
			assert_string_equal(ta->fds[j].name, tb->fds[j].name);
			if (ta->fds[j].type <= SCAP_FD_TYPE_MAX_029)
				assert_int_equal(ta->fds[j].type, tb->fds[j].type);
			else	/* newer fd types are written as UNSUPPORTED for sysdig 0.29 */
				assert_int_equal(tb->fds[j].type, SCAP_FD_UNSUPPORTED);
		}
	}
	unsigned major, minor;

	scap_reader_version(b, &major, &minor);
	assert_int_equal(major, 1);
	assert_int_equal(minor, 2);
	assert_int_equal(scap_reader_is_gzip(b), gzip);
	scap_reader_close(a);
	scap_reader_close(b);
	unlink(out);
}

static void test_round_trip(void **state)
{
	round_trip("falco_ping_sendto.scap", false);	/* v2 events, PL_V9, FDL_V2 */
	round_trip("falco_cat_write.scap", true);	/* v1 events, PL_V6, FDL */
	round_trip("probes/t19_concatenated.scap", false);
	round_trip("probes/t16_large_block.scap", true);	/* EV_V2_LARGE */
	round_trip("probes/t11_evf_state_only.scap", false);	/* EVF_V2 flags */
	round_trip("probes/t09_fd_type_memfd.scap", false);
}

/*
 * A parameter the producer left empty (length 0): within the count sysdig 0.29 reads it is
 * written filled (zeros of its width, a string "(NULL)"); past that count a string stays
 * empty, libs' "not available", a number keeps its zeros (libs refuse other widths).
 * execve's exit (EXECVE_19_X): 0.29 reads 20 of its 31; a trusted_exepath (27) or filename (30)
 * "(NULL)" hides the path current libs rebuild from the enter event.
 */
static void test_empty_strings_past_029_stay_empty(void **state)
{
	char out[] = "/tmp/sysray-scap-empty-XXXXXX";
	int fd = mkstemp(out);
	char err[300];
	static const uint8_t res[8];
	struct scap_param params[31] = { { .val = res, .len = 8 } };
	struct scap_event ev = { .ts = 1, .tid = 42, .type = PPME_SYSCALL_EXECVE_19_X,
				 .nparams = 31, .params = params };

	assert_true(fd >= 0);
	close(fd);
	struct scap_writer *w = scap_writer_open(out, false, err, sizeof(err));

	assert_non_null(w);
	assert_int_equal(scap_writer_section(w, NULL), 0);
	assert_int_equal(scap_writer_event(w, &ev), 0);
	assert_int_equal(scap_writer_close(w, err, sizeof(err)), 0);

	struct scap_reader *r = scap_reader_open_path(out);
	struct scap_event back;
	int rc;

	while ((rc = scap_reader_next(r, &back)) == SCAP_SECTION)
		;
	assert_true(rc > 0);
	assert_int_equal(back.type, PPME_SYSCALL_EXECVE_19_X);
	assert_int_equal(back.nparams, 31);
	assert_int_equal(back.params[1].len, 7);	/* exe: "(NULL)" */
	assert_memory_equal(back.params[1].val, "(NULL)", 7);
	assert_int_equal(back.params[7].len, 8);	/* fdlimit: zero */
	assert_int_equal(back.params[19].len, 4);	/* flags, the last 0.29 reads */
	assert_int_equal(back.params[26].len, 4);	/* uid: zero */
	assert_int_equal(back.params[27].len, 0);	/* trusted_exepath */
	assert_int_equal(back.params[30].len, 0);	/* filename */
	scap_reader_close(r);
	unlink(out);
}

/*
 * PL_V9 entries: the writer puts a thread's capability sets after exe_writable (a 29-byte
 * tail, read in the pre-libs-0.10 order by sysdig 0.29, which stops before them, and by libs),
 * and nothing when the thread has none; the reader also takes libs HEAD's whole tail (with
 * the executable's inode and layer flags) and the pre-0.10 one (no caps).
 */
static void test_pl_caps_and_exe_file(void **state)
{
	char out[] = "/tmp/sysray-scap-caps-XXXXXX";
	int fd = mkstemp(out);
	char err[300];
	struct scap_meta m;

	assert_true(fd >= 0);
	close(fd);
	scap_meta_init(&m);
	struct scap_thread *a = scap_meta_thread_add(&m, 10), *b = scap_meta_thread_add(&m, 11);

	a->block_type = b->block_type = SCAP_BT_PL_V9;
	a->loginuid = 1000;
	a->has_caps = true;
	a->cap_inheritable = 0;
	a->cap_permitted = 0x1ffffffffffULL;
	a->cap_effective = (1ULL << 21) | 1;	/* CAP_SYS_ADMIN, CAP_CHOWN */
	b->loginuid = 7;

	struct scap_writer *w = scap_writer_open(out, false, err, sizeof(err));
	static const uint8_t res[8];
	struct scap_param params[1] = { { .val = res, .len = 8 } };
	struct scap_event ev = { .ts = 1, .tid = 10, .type = PPME_GENERIC_X, .nparams = 1,
				 .params = params };

	assert_non_null(w);
	assert_int_equal(scap_writer_section(w, &m), 0);
	assert_int_equal(scap_writer_event(w, &ev), 0);
	assert_int_equal(scap_writer_close(w, err, sizeof(err)), 0);
	scap_meta_free(&m);

	struct scap_reader *r = scap_reader_open_path(out);
	struct scap_event back;

	assert_int_equal(scap_reader_next(r, &back), SCAP_EVENT);
	const struct scap_meta *mb = scap_reader_meta(r);
	const struct scap_thread *ra = scap_meta_thread(mb, 10), *rb = scap_meta_thread(mb, 11);

	assert_non_null(ra);
	assert_non_null(rb);
	assert_int_equal(ra->loginuid, 1000);
	assert_true(ra->has_caps);
	assert_int_equal(ra->cap_permitted, 0x1ffffffffffULL);
	assert_int_equal(ra->cap_effective, (1ULL << 21) | 1);
	assert_false(ra->has_exe_file);
	assert_int_equal(rb->loginuid, 7);
	assert_false(rb->has_caps);
	scap_reader_close(r);
	unlink(out);

	/* probe t01: the whole libs HEAD tail; t10: the pre-0.10 one, without caps */
	r = scap_reader_open_path(path_of("probes/t01_legacy_pairs.scap"));
	assert_int_equal(scap_reader_next(r, &back), SCAP_EVENT);
	ra = &scap_reader_meta(r)->threads[0];
	assert_true(ra->has_caps);
	assert_true(ra->has_exe_file);
	assert_int_equal(ra->exe_flags_known,
			 PPM_EXE_UPPER_LAYER | PPM_EXE_FROM_MEMFD | PPM_EXE_LOWER_LAYER);
	assert_int_equal(ra->loginuid, 1000);
	scap_reader_close(r);
	r = scap_reader_open_path(path_of("probes/t10_pl_v9_pre010_layout.scap"));
	assert_int_equal(scap_reader_next(r, &back), SCAP_EVENT);
	ra = &scap_reader_meta(r)->threads[0];
	assert_false(ra->has_caps);
	assert_false(ra->has_exe_file);
	assert_int_equal(ra->loginuid, 1000);
	scap_reader_close(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_captures_match_sysdig_counts),
		cmocka_unit_test(test_metadata_tables),
		cmocka_unit_test(test_concatenated_sections),
		cmocka_unit_test(test_no_events_is_an_error),
		cmocka_unit_test(test_truncation_raw),
		cmocka_unit_test(test_truncation_gzip),
		cmocka_unit_test(test_corrupt_lengths),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_empty_strings_past_029_stay_empty),
		cmocka_unit_test(test_pl_caps_and_exe_file),
	};
	return cmocka_run_group_tests_name("scap_reader", tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A view's table (view_table.h), folding values the way csysdig 0.29's table does: a value
 * a field does not give for an event is, with the view's use_defaults, 0 for a DEC-formatted
 * number or a double, "" for text, and drops the event otherwise (so does any missing value
 * without use_defaults); a sum of a value that already averages several (count > 1) first
 * divides both sides by their counts; integer sums wrap at the field's width.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/event_table.h"
#include "fields/field_text.h"
#include "filter/filter.h"
#include "views/view_table.h"
#include "util/util.h"

/* Rows by key text: open addressing over an array of row indexes. */
struct rowmap {
	struct vt_row *rows;
	size_t n, cap;
	size_t *slots;		/* index + 1; 0: empty */
	size_t nslots;
};

struct view_table {
	const struct view_info *v;
	bool list, merge;
	bool use_defaults;
	struct filter *flt;
	/* every column of the view, key first (a list: no key column) */
	struct vt_col *pre;
	size_t npre;
	/* with a groupby: the groupby key, then the other columns but the key */
	struct vt_col *post;
	size_t npost;
	size_t *post_src;	/* post[j] is pre[post_src[j]] */
	struct rowmap pre_rows, merge_rows;
	struct vt_sample sample;
	uint64_t listnum;	/* a list's row number (csysdig's util.cnt) */
	struct vt_cell *scratch; /* the values of the event being added */
};

/* The print formats of the fields views use; the others are NA. */
static const struct {
	const char *name;
	enum vt_format f;
} formats[] = {
	{ "proc.pid", VF_ID }, { "proc.ppid", VF_ID }, { "proc.vpid", VF_ID },
	{ "thread.tid", VF_ID }, { "thread.vtid", VF_ID }, { "proc.loginshellid", VF_ID },
	{ "evt.cpu", VF_ID }, { "proc.apid", VF_ID }, { "proc.sid", VF_ID },
	{ "evt.dir", VF_DIR },
	{ "evt.latency", VF_DEC }, { "evt.latency.quantized", VF_DEC }, { "evt.buflen", VF_DEC },
	{ "evt.buflen.in", VF_DEC }, { "evt.buflen.out", VF_DEC }, { "evt.buflen.file", VF_DEC },
	{ "evt.buflen.file.in", VF_DEC }, { "evt.buflen.file.out", VF_DEC },
	{ "evt.buflen.net", VF_DEC }, { "evt.buflen.net.in", VF_DEC },
	{ "evt.buflen.net.out", VF_DEC }, { "evt.count", VF_DEC }, { "evt.count.error", VF_DEC },
	{ "evt.count.error.file", VF_DEC }, { "evt.count.error.net", VF_DEC },
	{ "evt.count.error.memory", VF_DEC }, { "evt.count.error.other", VF_DEC },
	{ "evt.count.exit", VF_DEC }, { "evt.count.procinfo", VF_DEC },
	{ "evt.count.threadinfo", VF_DEC }, { "evt.res", VF_DEC }, { "evt.rawres", VF_DEC },
	{ "evt.rawtime", VF_DEC }, { "evt.rawtime.s", VF_DEC }, { "evt.rawtime.ns", VF_DEC },
	{ "evt.reltime", VF_DEC }, { "evt.deltatime", VF_DEC }, { "fd.type", VF_DEC },
	{ "fd.port", VF_DEC }, { "fd.sport", VF_DEC }, { "fd.cport", VF_DEC },
	{ "fd.lport", VF_DEC }, { "fd.rport", VF_DEC }, { "proc.nthreads", VF_DEC },
	{ "proc.nchilds", VF_DEC }, { "thread.vmsize.b", VF_DEC }, { "thread.vmrss.b", VF_DEC },
	{ "thread.vmsize", VF_DEC }, { "thread.vmrss", VF_DEC }, { "proc.vmsize", VF_DEC },
	{ "proc.vmrss", VF_DEC }, { "proc.vmswap", VF_DEC }, { "thread.pfmajor", VF_DEC },
	{ "thread.pfminor", VF_DEC }, { "proc.fdopencount", VF_DEC }, { "proc.fdlimit", VF_DEC },
	{ "proc.fdusage", VF_DEC }, { "proc.duration", VF_DEC }, { "thread.exectime", VF_DEC },
	{ "thread.totexectime", VF_DEC }, { "fd.num", VF_ID },
};

enum vt_format vt_field_format(const char *field)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(formats[i].name, field))
			return formats[i].f;
	return VF_NA;
}

const char *vt_format_name(enum vt_format f)
{
	switch (f) {
	case VF_DEC: return "DEC";
	case VF_ID: return "ID";
	case VF_DIR: return "DIR";
	default: return "NA";
	}
}

static bool is_signed(enum field_type t)
{
	return t == FT_INT16 || t == FT_INT32 || t == FT_INT64;
}

static bool is_unsigned(enum field_type t)
{
	return t == FT_UINT32 || t == FT_UINT64 || t == FT_BOOL || t == FT_RELTIME ||
	       t == FT_ABSTIME || t == FT_PORT;
}

/* ---- the row map ---- */

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (uint8_t)*s) * 1099511628211ull;
	return h;
}

static void map_grow(struct rowmap *m)
{
	free(m->slots);
	m->nslots = m->nslots ? m->nslots * 2 : 64;
	m->slots = xcalloc(m->nslots, sizeof(*m->slots));
	for (size_t r = 0; r < m->n; r++) {
		size_t i = hash_str(m->rows[r].key) & (m->nslots - 1);

		while (m->slots[i])
			i = (i + 1) & (m->nslots - 1);
		m->slots[i] = r + 1;
	}
}

/* The row of KEY, NULL when absent; *SLOT: where to add it. */
static struct vt_row *map_find(struct rowmap *m, const char *key, size_t *slot)
{
	if (!m->nslots)
		map_grow(m);
	size_t i = hash_str(key) & (m->nslots - 1);

	for (; m->slots[i]; i = (i + 1) & (m->nslots - 1))
		if (!strcmp(m->rows[m->slots[i] - 1].key, key))
			return &m->rows[m->slots[i] - 1];
	*slot = i;
	return NULL;
}

/* Appends a row (KEY taken over) without looking it up (lists). */
static struct vt_row *map_append(struct rowmap *m, char *key, size_t ncells)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->rows = xrealloc(m->rows, m->cap * sizeof(*m->rows));
	}
	struct vt_row *r = &m->rows[m->n++];

	r->key = key;
	r->cells = xcalloc(ncells ? ncells : 1, sizeof(*r->cells));
	return r;
}

static struct vt_row *map_add(struct rowmap *m, char *key, size_t ncells, size_t slot)
{
	struct vt_row *r = map_append(m, key, ncells);

	m->slots[slot] = m->n;
	if (m->n * 2 > m->nslots)
		map_grow(m);
	return r;
}

static void map_clear(struct rowmap *m, size_t ncells)
{
	for (size_t r = 0; r < m->n; r++) {
		for (size_t c = 0; c < ncells; c++)
			free(m->rows[r].cells[c].s);
		free(m->rows[r].cells);
		free(m->rows[r].key);
	}
	m->n = 0;
	if (m->slots)
		memset(m->slots, 0, m->nslots * sizeof(*m->slots));
}

static void map_free(struct rowmap *m, size_t ncells)
{
	map_clear(m, ncells);
	free(m->rows);
	free(m->slots);
	*m = (struct rowmap){ 0 };
}

/* ---- values ---- */

static void cell_set_text(struct vt_cell *c, const char *s, size_t len)
{
	free(c->s);
	c->s = xmalloc(len + 1);
	memcpy(c->s, s, len);
	c->s[len] = 0;
}

/* V, extracted for column COL, into C (count 1). */
static void cell_from_value(struct vt_cell *c, const struct vt_col *col,
			    const struct field_value *v, struct field_ctx *ctx)
{
	c->cnt = 1;
	switch (v->type) {
	case FT_INT16: case FT_INT32: case FT_INT64:
		c->i = v->i;
		return;
	case FT_UINT32: case FT_UINT64: case FT_ABSTIME: case FT_RELTIME: case FT_PORT:
		c->u = v->u;
		return;
	case FT_BOOL:
		c->u = v->b;
		return;
	case FT_DOUBLE:
		c->d = v->d;
		return;
	case FT_CHARBUF:
		cell_set_text(c, v->s.ptr, v->s.len);
		return;
	default: {
		struct out o = { 0 };

		field_value_text(v, ctx->bf, &o);
		cell_set_text(c, o.buf ? o.buf : "", o.len);
		out_free(&o);
		return;
	}
	}
}

/* csysdig's default for a value COL does not give; false: the event is dropped. */
static bool cell_default(struct vt_cell *c, const struct vt_col *col)
{
	c->cnt = 0;
	c->u = 0;
	switch (col->type) {
	case FT_INT16: case FT_INT32: case FT_INT64: case FT_UINT32: case FT_UINT64:
	case FT_BOOL: case FT_RELTIME: case FT_ABSTIME:
		return col->format == VF_DEC;
	case FT_DOUBLE:
		c->d = 0;
		return true;
	case FT_CHARBUF:
		cell_set_text(c, "", 0);
		return true;
	default:
		return false;
	}
}

/* The key text of a cell: csysdig's tostring of the value. */
/* The text of key cell C: C's own text, or its number written into BUF (64 bytes). */
static const char *cell_key(const struct vt_col *col, const struct vt_cell *c, char *buf)
{
	if (is_signed(col->type))
		snprintf(buf, 64, "%lld", (long long)c->i);
	else if (is_unsigned(col->type))
		snprintf(buf, 64, "%llu", (unsigned long long)c->u);
	else if (col->type == FT_DOUBLE)
		snprintf(buf, 64, "%.2f", c->d);
	else
		return c->s ? c->s : "";
	return buf;
}

static void cell_copy(struct vt_cell *dst, const struct vt_cell *src)
{
	*dst = *src;
	if (src->s)
		dst->s = xstrdup(src->s);
}

/* Truncates an integer sum to the field's width, as sysdig's typed additions do. */
static void wrap(enum field_type t, struct vt_cell *c)
{
	switch (t) {
	case FT_INT16: c->i = (int16_t)c->i; break;
	case FT_INT32: c->i = (int32_t)c->i; break;
	case FT_UINT32: case FT_BOOL: c->u = (uint32_t)c->u; break;
	default: break;
	}
}

static void add_sum(enum field_type t, struct vt_cell *dst, const struct vt_cell *src)
{
	if (is_signed(t))
		dst->i += src->i;
	else if (is_unsigned(t) && t != FT_PORT)
		dst->u += src->u;
	else if (t == FT_DOUBLE)
		dst->d += src->d;
	wrap(t, dst);
}

static void add_sum_of_avg(enum field_type t, struct vt_cell *dst, struct vt_cell *src)
{
	uint32_t c1 = dst->cnt, c2 = src->cnt;

	if (is_signed(t)) {
		if (c1 > 1)
			dst->i /= (int64_t)c1;
		dst->i += src->i / (int64_t)c2;
	} else if (is_unsigned(t) && t != FT_PORT) {
		if (c1 > 1)
			dst->u /= c1;
		dst->u += src->u / c2;
	} else if (t == FT_DOUBLE) {
		if (c1 > 1)
			dst->d /= c1;
		dst->d += src->d / c2;
	}
	wrap(t, dst);
	src->cnt = 1;
	dst->cnt = 1;
}

/* <0, 0, >0 as A is below, equal to, above B (numbers of type T). */
static int cmp_num(enum field_type t, const struct vt_cell *a, const struct vt_cell *b)
{
	if (is_signed(t))
		return (a->i > b->i) - (a->i < b->i);
	if (is_unsigned(t))
		return (a->u > b->u) - (a->u < b->u);
	if (t == FT_DOUBLE)
		return (a->d > b->d) - (a->d < b->d);
	return 0;
}

static void add_minmax(enum field_type t, struct vt_cell *dst, const struct vt_cell *src,
		       bool max)
{
	if (t == FT_CHARBUF) {
		cell_set_text(dst, src->s, strlen(src->s));
		return;
	}
	if (t == FT_PORT)
		return;
	int c = cmp_num(t, dst, src);

	if (max ? c < 0 : c > 0) {
		char *s = dst->s;

		*dst = (struct vt_cell){ .u = src->u, .cnt = dst->cnt, .s = s };
	}
}

static void add_cell(enum field_type t, enum view_aggr a, struct vt_cell *dst,
		     struct vt_cell *src)
{
	switch (a) {
	case AGGR_NONE:
		return;
	case AGGR_SUM:
	case AGGR_TIME_AVG:
		if (src->cnt < 2)
			add_sum(t, dst, src);
		else
			add_sum_of_avg(t, dst, src);
		return;
	case AGGR_AVG:
		dst->cnt += src->cnt;
		add_sum(t, dst, src);
		return;
	case AGGR_MAX:
		add_minmax(t, dst, src, true);
		return;
	case AGGR_MIN:
		if (!src->cnt)
			return;
		if (!dst->cnt) {
			add_sum(t, dst, src);
			dst->cnt++;
		} else {
			add_minmax(t, dst, src, false);
		}
		return;
	}
}

/* Adds the values VALS (NCOLS columns, the key first) as a row of map M. */
static void add_row(struct rowmap *m, const struct vt_col *cols, size_t ncols,
		    struct vt_cell *vals, bool merging)
{
	char buf[64];
	const char *key = cell_key(&cols[0], &vals[0], buf);
	size_t slot;
	struct vt_row *r = map_find(m, key, &slot);

	/* the key is copied for a new row only: most events fold into a row */
	if (!r) {
		r = map_add(m, xstrdup(key), ncols - 1, slot);
		for (size_t j = 1; j < ncols; j++)
			cell_copy(&r->cells[j - 1], &vals[j]);
		return;
	}
	for (size_t j = 1; j < ncols; j++)
		add_cell(cols[j].type, merging ? cols[j].merge_aggr : cols[j].aggr,
			 &r->cells[j - 1], &vals[j]);
}

static void scratch_clear(struct view_table *t)
{
	for (size_t j = 0; j < t->npre; j++) {
		free(t->scratch[j].s);
		t->scratch[j] = (struct vt_cell){ 0 };
	}
}

/* The event the state describes now, through the table's filter and columns. */
static void process(struct view_table *t, const struct scap_event *ev, struct field_ctx *ctx)
{
	struct field_value v[FIELD_MAX_VALUES];

	if (t->flt && !filter_match(t->flt, ev, ctx))
		return;
	size_t first = 0;

	if (t->list) {
		/* the row number is the list's key column, counted before any value */
		t->scratch[0].u = ++t->listnum;
		t->scratch[0].cnt = 1;
		first = 1;
	}
	bool keep = true;

	for (size_t j = first; j < t->npre && keep; j++) {
		struct vt_cell *c = &t->scratch[j];

		if (field_extract(&t->pre[j].ref, ev, ctx, v))
			cell_from_value(c, &t->pre[j], &v[0], ctx);
		else
			keep = t->use_defaults && cell_default(c, &t->pre[j]);
	}
	if (keep) {
		if (t->list) {
			char buf[32];

			snprintf(buf, sizeof(buf), "%llu", (unsigned long long)t->listnum);
			struct vt_row *r = map_append(&t->pre_rows, xstrdup(buf), t->npre - 1);

			for (size_t j = 1; j < t->npre; j++)
				cell_copy(&r->cells[j - 1], &t->scratch[j]);
		} else {
			add_row(&t->pre_rows, t->pre, t->npre, t->scratch, false);
		}
	}
	scratch_clear(t);
}

void view_table_event(struct view_table *t, const struct scap_event *ev, struct field_ctx *ctx)
{
	process(t, ev, ctx);
}


void view_table_proctable(struct view_table *t, struct field_ctx *ctx, uint64_t ts)
{
	struct state *st = ctx->st;
	struct st_current saved = st->cur;
	uint64_t saved_num = ctx->evnum;
	struct scap_event ev = { .ts = ts - ts % 1000000000ull - 1, .type = PPME_SCAPEVENT_X };
	size_t pos = 0;
	struct st_thread *th;

	ctx->evnum = 0;
	while ((th = state_thread_next(st, &pos))) {
		/* a thread a capture names only in an fd list is not in sysdig's thread table */
		if (th->fdlist_only)
			continue;
		ev.tid = th->tid;
		st->cur = (struct st_current){ .ev = &ev, .thread = th, .fdnum = -1 };
		process(t, &ev, ctx);
	}
	st->cur = saved;
	ctx->evnum = saved_num;
}

/* The rows of the groupby: PRE's rows folded by the groupby key. */
static void merge(struct view_table *t)
{
	struct vt_cell *vals = xcalloc(t->npost, sizeof(*vals));

	map_clear(&t->merge_rows, t->npost - 1);
	for (size_t r = 0; r < t->pre_rows.n; r++) {
		const struct vt_row *row = &t->pre_rows.rows[r];

		for (size_t j = 0; j < t->npost; j++)
			vals[j] = row->cells[t->post_src[j] - 1];
		add_row(&t->merge_rows, t->post, t->npost, vals, true);
	}
	free(vals);
}

/* Sorting context: qsort has none of its own. */
static const struct vt_col *sort_col;
static size_t sort_idx;
static bool sort_ascending;

static int cmp_rows(const void *pa, const void *pb)
{
	const struct vt_row *a = pa, *b = pb;
	const struct vt_cell *x = &a->cells[sort_idx], *y = &b->cells[sort_idx];
	enum field_type t = sort_col->type;
	int c;

	if (t == FT_CHARBUF || (!is_signed(t) && !is_unsigned(t) && t != FT_DOUBLE)) {
		c = strcmp(x->s ? x->s : "", y->s ? y->s : "");
	} else if (x->cnt > 1 || y->cnt > 1) {
		double dx = is_signed(t) ? (double)x->i : is_unsigned(t) ? (double)x->u : x->d;
		double dy = is_signed(t) ? (double)y->i : is_unsigned(t) ? (double)y->u : y->d;

		dx /= x->cnt ? x->cnt : 1;
		dy /= y->cnt ? y->cnt : 1;
		c = (dx > dy) - (dx < dy);
	} else {
		c = cmp_num(t, x, y);
	}
	if (!sort_ascending)
		c = -c;
	/* csysdig leaves ties in hash order; the key makes the order repeatable */
	return c ? c : strcmp(a->key, b->key);
}

void vt_sample_sort(struct vt_sample *s, const struct vt_col *cols, size_t ncols,
		    uint32_t sortingcol)
{
	if (sortingcol < 1 || sortingcol > ncols || !s->n)
		return;
	sort_col = &cols[sortingcol - 1];
	sort_idx = sortingcol - 1;
	/* numbers sort from the largest, anything else from the smallest */
	sort_ascending = !(is_signed(sort_col->type) || is_unsigned(sort_col->type) ||
			   sort_col->type == FT_DOUBLE) || sort_col->type == FT_PORT;
	qsort(s->rows, s->n, sizeof(*s->rows), cmp_rows);
}

const struct vt_sample *view_table_sample(struct view_table *t, uint32_t sortingcol)
{
	struct rowmap *m = &t->pre_rows;
	size_t ncols;
	const struct vt_col *cols = view_table_cols(t, &ncols);

	if (t->merge) {
		merge(t);
		m = &t->merge_rows;
	}
	t->sample = (struct vt_sample){ .rows = m->rows, .n = m->n };
	/* a list keeps its order unless a column was chosen; csysdig's default sorting column
	 * of a table is the view's */
	if (!t->list)
		vt_sample_sort(&t->sample, cols, ncols, sortingcol);
	return &t->sample;
}

double vt_cell_number(const struct vt_col *c, const struct vt_cell *v)
{
	double d = is_signed(c->type) ? (double)v->i : is_unsigned(c->type) ? (double)v->u :
		   c->type == FT_DOUBLE ? v->d : 0;

	/* an average folded from several values, as the sort compares them */
	return v->cnt > 1 ? d / v->cnt : d;
}

void vt_sample_copy(struct vt_sample *dst, const struct vt_sample *src, size_t ncells)
{
	dst->n = src->n;
	dst->rows = xcalloc(src->n + 1, sizeof(*dst->rows));
	for (size_t r = 0; r < src->n; r++) {
		const struct vt_row *from = &src->rows[r];
		struct vt_row *to = &dst->rows[r];

		to->key = xstrdup(from->key ? from->key : "");
		to->cells = xcalloc(ncells + 1, sizeof(*to->cells));
		for (size_t j = 0; j < ncells; j++) {
			to->cells[j] = from->cells[j];
			if (from->cells[j].s)
				to->cells[j].s = xstrdup(from->cells[j].s);
		}
	}
}

void vt_sample_free(struct vt_sample *s, size_t ncells)
{
	for (size_t r = 0; r < s->n; r++) {
		for (size_t j = 0; j < ncells; j++)
			free(s->rows[r].cells[j].s);
		free(s->rows[r].cells);
		free(s->rows[r].key);
	}
	free(s->rows);
	*s = (struct vt_sample){ 0 };
}

void view_table_clear(struct view_table *t)
{
	/* a list keeps its rows from sample to sample, as csysdig's does */
	if (t->list)
		return;
	map_clear(&t->pre_rows, t->npre - 1);
	if (t->merge)
		map_clear(&t->merge_rows, t->npost - 1);
	t->sample = (struct vt_sample){ 0 };
}

const struct vt_col *view_table_cols(const struct view_table *t, size_t *n)
{
	if (t->merge) {
		*n = t->npost - 1;
		return t->post + 1;
	}
	*n = t->npre - 1;
	return t->pre + 1;
}

const struct vt_col *view_table_key(const struct view_table *t)
{
	return t->merge ? &t->post[0] : &t->pre[0];
}

bool view_table_is_list(const struct view_table *t)
{
	return t->list;
}

static bool init_col(struct vt_col *c, const struct view_column *vc, uint32_t depth, char *err,
		     size_t errlen)
{
	char *name = view_depth_subst(vc->field, depth, false);
	struct field_error ferr;
	bool ok = field_resolve(sysdig_field_registry(), name, &c->ref, &ferr);

	if (!ok) {
		snprintf(err, errlen, "invalid field name %s", name);
	} else {
		c->vc = vc;
		c->type = c->ref.field->type;
		c->format = vt_field_format(name);
		c->aggr = vc->aggr;
		c->merge_aggr = vc->groupby_aggr;
		c->time_avg = vc->aggr == AGGR_TIME_AVG || vc->groupby_aggr == AGGR_TIME_AVG;
	}
	free(name);
	return ok;
}

struct view_table *view_table_new(const struct view_info *v, uint32_t depth, const char *extra,
				  char *err, size_t errlen)
{
	struct view_table *t = xcalloc(1, sizeof(*t));
	size_t ncols = v->ncols;

	t->v = v;
	t->list = v->type == VIEW_LIST;
	t->use_defaults = v->use_defaults;
	/* a list's key is its row number: a column of its own before the view's */
	t->npre = ncols + t->list;
	t->pre = xcalloc(t->npre, sizeof(*t->pre));
	t->scratch = xcalloc(t->npre, sizeof(*t->scratch));
	if (t->list)
		t->pre[0] = (struct vt_col){ .type = FT_UINT64, .format = VF_DEC };
	for (size_t j = 0; j < ncols; j++)
		if (!init_col(&t->pre[j + t->list], &v->cols[j], depth, err, errlen))
			goto fail;
	if (!t->list && !(ncols && (v->cols[0].flags & VCOL_KEY))) {
		snprintf(err, errlen, "table is missing the key");
		goto fail;
	}
	if (t->npre < 2) {
		snprintf(err, errlen, "table has no values");
		goto fail;
	}
	if (v->does_groupby) {
		/* columns are [key, groupby key, ...]: the post columns drop the key */
		t->merge = true;
		t->npost = ncols - 1;
		t->post = xcalloc(t->npost, sizeof(*t->post));
		t->post_src = xcalloc(t->npost, sizeof(*t->post_src));
		for (size_t j = 1; j < ncols; j++) {
			t->post[j - 1] = t->pre[j];
			t->post_src[j - 1] = j;
		}
	}

	char *vf = view_depth_subst(v->filter, depth, true);
	struct out text = { 0 };

	if (*vf && extra && *extra)
		out_printf(&text, "(%s) and (%s)", vf, extra);
	else
		out_puts(&text, *vf ? vf : extra ? extra : "");
	out_putc(&text, 0);
	free(vf);
	if (*text.buf) {
		struct filter_error ferr;

		t->flt = filter_compile(text.buf, sysdig_field_registry(), &ferr);
		if (!t->flt) {
			snprintf(err, errlen, "view filter '%s': %s", text.buf, ferr.msg);
			out_free(&text);
			goto fail;
		}
	}
	out_free(&text);
	return t;
fail:
	view_table_free(t);
	return NULL;
}

void view_table_free(struct view_table *t)
{
	if (!t)
		return;
	map_free(&t->pre_rows, t->npre ? t->npre - 1 : 0);
	map_free(&t->merge_rows, t->npost ? t->npost - 1 : 0);
	for (size_t j = 0; j < t->npre; j++) {
		if (t->pre[j].ref.field)
			field_ref_free(&t->pre[j].ref);
		free(t->scratch[j].s);
	}
	free(t->pre);
	free(t->post);
	free(t->post_src);
	free(t->scratch);
	filter_free(t->flt);
	free(t);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * csysdig's -j and --raw output of a sample (view_output.h). JSON is laid out as csysdig's
 * JSON writer lays it out: object keys in byte order, doubles with 17 significant digits and a
 * ".0" when integral, one row per line.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "views/view_output.h"

#include "format/duration.h"
#include "util/util.h"

#define PLACEHOLDER "@#$f1CA^&;"

static void json_str(struct out *o, const char *s)
{
	out_putc(o, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': out_puts(o, "\\\""); break;
		case '\\': out_puts(o, "\\\\"); break;
		case '\b': out_puts(o, "\\b"); break;
		case '\f': out_puts(o, "\\f"); break;
		case '\n': out_puts(o, "\\n"); break;
		case '\r': out_puts(o, "\\r"); break;
		case '\t': out_puts(o, "\\t"); break;
		default:
			if (*p < 0x20)
				out_printf(o, "\\u%04x", *p);
			else
				out_putc(o, (char)*p);
		}
	}
	out_putc(o, '"');
}

static void json_double(struct out *o, double d)
{
	char buf[40];

	if (!isfinite(d)) {
		out_puts(o, "null");
		return;
	}
	snprintf(buf, sizeof(buf), "%.17g", d);
	out_puts(o, buf);
	if (!strpbrk(buf, ".e"))
		out_puts(o, ".0");
}

/* The count that divides a value: the sample's whole seconds for a rate column (sysdig keeps
 * the count in an integer), else the value's. */
static uint32_t divisor(const struct vt_col *c, const struct vt_cell *v, uint64_t time_delta)
{
	if (c->time_avg && time_delta)
		return (uint32_t)(time_delta / 1000000000ull);
	return v->cnt;
}

/* sysdig's rendering of a duration (format_duration), padded on the left to WIDTH. */
static void format_time(struct out *o, uint64_t val, unsigned width)
{
	struct out d = { 0 };

	format_duration(&d, val);
	for (size_t len = d.len; len < width; len++)
		out_putc(o, ' ');
	out_write(o, d.buf, d.len);
	out_free(&d);
}

/* sysdig's byte counts: K, M, G, T, P suffixes over 1024, the last WIDTH characters kept. */
static void format_bytes(struct out *o, double val, unsigned width, bool is_int)
{
	static const struct {
		double unit;
		char suffix;
	} units[] = {
		{ 1024.0 * 1024 * 1024 * 1024 * 1024, 'P' }, { 1024.0 * 1024 * 1024 * 1024, 'T' },
		{ 1024.0 * 1024 * 1024, 'G' }, { 1024.0 * 1024, 'M' }, { 1024.0, 'K' },
	};
	char buf[128];
	int n = -1;

	for (size_t i = 0; i < ARRAY_SIZE(units) && n < 0; i++)
		if (val > units[i].unit)
			n = snprintf(buf, sizeof(buf), is_int ? "%*.0f%c" : "%*.2f%c",
				     (int)width - 1, val / units[i].unit, units[i].suffix);
	if (n < 0)
		n = snprintf(buf, sizeof(buf), is_int ? "%*.0f" : "%*.2f", (int)width, val);
	size_t len = strlen(buf);

	out_puts(o, len > width ? buf + len - width : buf);
}

static bool is_int_type(enum field_type t)
{
	return t == FT_INT16 || t == FT_INT32 || t == FT_INT64 || t == FT_UINT32 ||
	       t == FT_UINT64;
}

static double as_double(const struct vt_col *c, const struct vt_cell *v)
{
	if (c->type == FT_INT16 || c->type == FT_INT32 || c->type == FT_INT64)
		return (double)v->i;
	return (double)v->u;
}

void view_cell_nice(struct out *o, const struct vt_col *c, const struct vt_cell *v,
		    uint64_t time_delta, unsigned width)
{
	uint32_t cnt = divisor(c, v, time_delta);

	if (is_int_type(c->type)) {
		if (c->format == VF_ID || cnt == 1 || cnt == 0) {
			bool sgn = c->type != FT_UINT32 && c->type != FT_UINT64;
			int64_t val = sgn ? v->i : (int64_t)v->u;

			if (cnt > 1)
				val /= (int64_t)cnt;
			if (c->format == VF_ID)
				out_printf(o, "%*" PRId64, (int)width, val);
			else
				format_bytes(o, (double)val, width, true);
		} else {
			double val = as_double(c, v);

			if (cnt > 1)
				val /= cnt;
			format_bytes(o, val, width, false);
		}
	} else if (c->type == FT_RELTIME) {
		double val = (double)v->u;

		if (cnt > 1)
			val /= cnt;
		format_time(o, (uint64_t)(int64_t)val, width);
	} else if (c->type == FT_DOUBLE) {
		double val = v->d;

		if (cnt > 1)
			val /= cnt;
		out_printf(o, "%*.2f", (int)width, val);
	} else if (c->type == FT_PORT || c->type == FT_ABSTIME || c->type == FT_BOOL) {
		out_printf(o, "%" PRIu64, v->u);
	} else {
		out_puts(o, v->s ? v->s : "");
	}
}

/* One value as csysdig's -j gives it. */
static void cell_json(struct out *o, const struct vt_col *c, const struct vt_cell *v,
		      uint64_t time_delta)
{
	uint32_t cnt = divisor(c, v, time_delta);

	switch (c->type) {
	case FT_RELTIME: {
		double val = (double)v->u;
		struct out t = { 0 };

		if (cnt > 1)
			val /= cnt;
		format_time(&t, (uint64_t)(int64_t)val, 10);
		out_putc(&t, 0);
		json_str(o, t.buf);
		out_free(&t);
		return;
	}
	case FT_DOUBLE:
		json_double(o, cnt > 1 ? v->d / cnt : v->d);
		return;
	case FT_INT16: case FT_INT32: case FT_INT64:
		out_printf(o, "%" PRId64, v->i);
		return;
	case FT_UINT32: case FT_UINT64: case FT_ABSTIME: case FT_PORT:
		out_printf(o, "%" PRIu64, v->u);
		return;
	case FT_BOOL:
		out_puts(o, v->u ? "true" : "false");
		return;
	default:
		json_str(o, v->s ? v->s : "");
		return;
	}
}

/* The field the drill-down filter tests for V's key, or NULL without a key. */
static const struct view_column *key_column(const struct view_info *v)
{
	for (size_t j = 0; j < v->ncols; j++)
		if (v->cols[j].flags & VCOL_GROUPBY_KEY)
			return &v->cols[j];
	for (size_t j = 0; j < v->ncols; j++)
		if (v->cols[j].flags & VCOL_KEY)
			return &v->cols[j];
	return NULL;
}

struct view_drill view_drill_target(const struct view_catalog *cat, const struct view_info *v)
{
	const struct view_column *k = key_column(v);
	struct view_drill d = { 0 };

	if (!k)
		return d;
	d.key_field = k->filterfield ? k->filterfield : k->field;
	if (*v->drilldown_target) {
		d.target = view_catalog_find(cat, v->drilldown_target);
		return d;
	}
	for (size_t i = 0; i < cat->n && !d.target; i++)
		for (size_t a = 0; a < cat->v[i].applies_to.n; a++)
			if (!strcmp(cat->v[i].applies_to.v[a], d.key_field)) {
				d.target = &cat->v[i];
				break;
			}
	return d;
}

static void info_json(struct out *o, const struct view_catalog *cat, const struct view_info *v,
		      const struct view_table *t)
{
	const struct view_column *k = key_column(v);

	out_putc(o, '{');
	if (v->applies_to.n) {
		out_puts(o, "\"appliesTo\":[");
		for (size_t i = 0; i < v->applies_to.n; i++) {
			if (i)
				out_putc(o, ',');
			json_str(o, v->applies_to.v[i]);
		}
		out_puts(o, "],");
	}
	out_printf(o, "\"canDrillDown\":%s,", k ? "true" : "false");
	if (k) {
		out_puts(o, "\"drillDownKeyField\":");
		json_str(o, k->field);
		out_putc(o, ',');
	}
	if (v->type == VIEW_TABLE) {
		struct view_drill d = view_drill_target(cat, v);
		struct out tpl = { 0 }, full = { 0 };

		if (d.target) {
			if (*v->filter)
				out_printf(&tpl, "(%s) and ", v->filter);
			out_printf(&tpl, "%s=\"" PLACEHOLDER "\"", d.key_field);
			out_putc(&tpl, 0);
			if (*d.target->filter)
				out_printf(&full, "(%s) and (%s)", tpl.buf, d.target->filter);
			else
				out_printf(&full, "%s", tpl.buf);
		} else {
			out_putc(&tpl, 0);
			out_puts(&full, v->filter);
		}
		out_putc(&full, 0);
		out_puts(o, "\"filterTemplate\":");
		json_str(o, tpl.buf);
		out_puts(o, ",\"filterTemplateF\":");
		json_str(o, full.buf);
		out_putc(o, ',');
		out_free(&tpl);
		out_free(&full);
	}
	size_t ncols;
	const struct vt_col *cols = view_table_cols(t, &ncols);

	out_puts(o, "\"legend\":[");
	for (size_t j = 0; j < ncols; j++) {
		out_printf(o, "%s{\"format\":\"%s\",\"name\":", j ? "," : "",
			   vt_format_name(cols[j].format));
		json_str(o, cols[j].vc->name);
		out_printf(o, ",\"size\":%d,\"type\":\"%s\"}", (int32_t)cols[j].vc->colsize,
			   field_type_name(cols[j].type));
	}
	out_printf(o, "],\"sortingCol\":%u}", v->sortingcol);
}

void view_output_json(FILE *f, const struct view_catalog *cat, const struct view_info *v,
		      const struct view_table *t, const struct vt_sample *s, uint64_t time_delta)
{
	struct out o = { 0 };
	size_t ncols;
	const struct vt_col *cols = view_table_cols(t, &ncols);

	out_puts(&o, "{\"progress\": 100, ");
	if (s->n) {
		out_puts(&o, "\"data\": [\n");
		for (size_t r = 0; r < s->n; r++) {
			out_puts(&o, "{\"d\":[");
			for (size_t j = 0; j < ncols; j++) {
				if (j)
					out_putc(&o, ',');
				cell_json(&o, &cols[j], &s->rows[r].cells[j], time_delta);
			}
			out_puts(&o, "],\"k\":");
			json_str(&o, s->rows[r].key);
			out_puts(&o, r + 1 < s->n ? "},\n" : "}");
		}
		out_puts(&o, "],\n");
	}
	out_printf(&o, "\"count\": %zu, \"info\": ", s->n);
	info_json(&o, cat, v, t);
	out_puts(&o, "}\n");
	fwrite(o.buf, 1, o.len, f);
	out_free(&o);
}

void view_output_raw(FILE *f, const struct view_table *t, const struct vt_sample *s,
		     uint64_t time_delta)
{
	struct out o = { 0 };
	size_t ncols;
	const struct vt_col *cols = view_table_cols(t, &ncols);

	for (size_t r = 0; r < s->n; r++) {
		for (size_t j = 0; j < ncols; j++) {
			view_cell_nice(&o, &cols[j], &s->rows[r].cells[j],
				       cols[j].time_avg ? time_delta : 0, 10);
			out_putc(&o, ' ');
		}
		out_putc(&o, '\n');
	}
	out_puts(&o, "----------------------\n");
	fwrite(o.buf, 1, o.len, f);
	out_free(&o);
}

/* "KEY":[strings] when S has any, after a comma unless FIRST; whether it wrote anything. */
static bool json_strings(struct out *o, const char *key, const struct view_strings *s,
			 bool first)
{
	if (!s->n)
		return false;
	out_printf(o, "%s\"%s\":[", first ? "" : ",", key);
	for (size_t i = 0; i < s->n; i++) {
		if (i)
			out_putc(o, ',');
		json_str(o, s->v[i]);
	}
	out_putc(o, ']');
	return true;
}

void view_output_list(FILE *f, const struct view_catalog *cat)
{
	struct out o = { 0 };

	out_putc(&o, '[');
	for (size_t i = 0; i < cat->n; i++) {
		const struct view_info *v = &cat->v[i];

		/* members in byte order, as csysdig's JSON writer puts them */
		out_puts(&o, i ? ",{" : "{");
		bool first = !json_strings(&o, "appliesTo", &v->applies_to, true);

		out_printf(&o, "%s\"canDrillDown\":%s", first ? "" : ",",
			   v->type == VIEW_TABLE ? "true" : "false");
		out_puts(&o, ",\"description\":");
		json_str(&o, v->description);
		out_puts(&o, ",\"drilldownTarget\":");
		json_str(&o, v->drilldown_target);
		out_puts(&o, ",\"filter\":");
		json_str(&o, v->filter);
		out_puts(&o, ",\"id\":");
		json_str(&o, v->id);
		out_printf(&o, ",\"isRoot\":%s,\"name\":", v->is_root ? "true" : "false");
		json_str(&o, v->name);
		json_strings(&o, "tags", &v->tags, false);
		json_strings(&o, "tips", &v->tips, false);
		out_putc(&o, '}');
	}
	out_putc(&o, ']');
	fwrite(o.buf, 1, o.len, f);
	out_free(&o);
}

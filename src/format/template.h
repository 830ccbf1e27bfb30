/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysdig's output formats: `-p "%evt.num %proc.name %fd.name"` templates, the default line,
 * and `-j` JSON objects. A template is text with `%field`, `%field.NAME` or `%field[N]`
 * tokens; a leading `*` prints the line even when a field is missing (as <NA>), otherwise
 * such an event prints nothing, as in sysdig.
 */
#ifndef SYSRAY_FORMAT_TEMPLATE_H
#define SYSRAY_FORMAT_TEMPLATE_H

#include <stdbool.h>

#include "fields/field.h"
#include "format/render.h"
#include "output/out.h"

/* sysdig's default line. */
#define TEMPLATE_DEFAULT \
	"*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info"

/* How %evt.outputtime shows the time (sysdig -t). */
enum time_mode {
	TIME_HUMAN,	/* -t h (default): 16:17:57.881730713 */
	TIME_ABS,	/* -t a: 1470327477.881730713 */
	TIME_REL,	/* -t r: since the first event */
	TIME_LATENCY,	/* -t d: the event's latency (exit events; 0 for enter events) */
	TIME_DELTA,	/* -t D: since the previous event shown (0 for the first) */
};

struct template;

/* Compiles TEXT; NULL with a message in ERR (sysdig's "invalid formatting token ..."). */
struct template *template_compile(const char *text, const struct field_registry *reg,
				  char *err, size_t errlen);
void template_free(struct template *t);

struct template_env {
	enum time_mode time_mode;
	uint64_t first_ts;
	uint64_t prev_ts;	/* the last event shown, 0 before the first */
	uint64_t latency;	/* -t d: the latency of the event being rendered */
	enum buf_format bf;	/* byte buffers (evt.buffer) as -A, -X, -x or -b print them */
};

/*
 * Renders one event into O (a line without its newline, or a JSON object). Returns false
 * when the line is not to be printed (a field missing in a template without `*`).
 */
bool template_render(const struct template *t, const void *event, void *ctx,
		     const struct template_env *env, bool json, struct out *o);

/*
 * Each field token of T as a member of OBJ (a json-c object): the name as written, and the
 * first value typed (numbers as numbers) or null when the event lacks the field. Falco's
 * alert "output_fields".
 */
struct json_object;
void template_fields_json(const struct template *t, const void *event, void *ctx,
			  enum buf_format bf, struct json_object *obj);

#endif

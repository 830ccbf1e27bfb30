/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The field registry: the typed names (`proc.name`, `fd.name`, `evt.arg.fd`) that filters,
 * output templates, `-l`, JSON and every later consumer read events through. A registry is a
 * list of field classes; a class is a table of fields, each with its name, type, argument
 * form, description and extractor. This header knows nothing of events: an extractor gets
 * the event and its context as opaque pointers from whoever holds them. sysdig's fields, the
 * extractors over the state layer, are in fields/sysdig.h.
 *
 * How a consumer reads a field (a chisel's request_field, a view column, a rule output):
 *
 *	struct field_ref ref;
 *	struct field_error err;
 *
 *	once, at start:
 *	if (!field_resolve(sysdig_field_registry(), "fd.name", &ref, &err))
 *		report err.msg (err.pos: the byte of the name it points at);
 *
 *	per event, after state_event() (ctx: the struct field_ctx of the run):
 *	struct field_value v[FIELD_MAX_VALUES];
 *	size_t n = field_extract(&ref, &ev, &ctx, v);
 *	if (n)
 *		field_value_text(&v[0], ctx.bf, &text);	(fields/field_text.h)
 *
 *	at the end:
 *	field_ref_free(&ref);
 *
 * field_resolve() does every name lookup; field_extract() is one indirect call that looks
 * nothing up and allocates nothing once the context's scratch buffers have grown to the
 * longest text built (and a reference's memo to the threads and CPUs it has seen). Text
 * values point into the event, the state or those buffers, and stay valid for
 * FIELD_CTX_SCRATCH further extractions.
 */
#ifndef SYSRAY_FIELDS_FIELD_H
#define SYSRAY_FIELDS_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Value types, named as `sysdig -l -v` names them. */
enum field_type {
	FT_INT16,
	FT_INT32,
	FT_INT64,
	FT_UINT32,
	FT_UINT64,
	FT_BOOL,
	FT_CHARBUF,	/* text */
	FT_BYTEBUF,	/* binary data (I/O buffers) */
	FT_ABSTIME,	/* nanoseconds since the epoch */
	FT_RELTIME,	/* nanoseconds */
	FT_IPADDR,	/* IPv4 or IPv6 address */
	FT_IPNET,	/* address plus prefix length */
	FT_PORT,	/* TCP/UDP port; filter values may be service names */
	FT_DOUBLE,
	FT_DYNAMIC,	/* type depends on the event (evt.rawarg) */
};

/* How a field takes an argument: evt.arg.NAME, evt.arg[N], container.mount[/usr]. */
enum field_arg_flags {
	FA_DOT = 1u << 0,	/* .NAME after the field name */
	FA_INDEX = 1u << 1,	/* [N], N a decimal integer */
	FA_KEY = 1u << 2,	/* [TEXT] that is not a number */
	FA_REQUIRED = 1u << 3,
};

/* What the pushdown analysis knows a field means (0 for most fields). */
enum field_role {
	FR_NONE,
	FR_EVT_TYPE,	/* evt.type: the event's name */
	FR_PROC_PID,	/* proc.pid: thread group id */
	FR_PROC_NAME,	/* proc.name: the executable's name (comm, untruncated) */
	FR_CONTAINER_ID, /* container.id: a function of the thread's cgroups */
};

struct field_arg {
	bool present;
	bool is_index;
	int64_t index;
	const char *name;	/* owned by the field_ref; NULL when is_index */
};

struct field_ipaddr {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];	/* network order; IPv4 in the first 4 bytes */
};

struct field_ipnet {
	struct field_ipaddr addr;
	unsigned prefix;
};

/* One extracted value. Strings and buffers point into the event, the state or the
 * extraction context: valid while the event is being processed (text built per event: for
 * FIELD_CTX_SCRATCH further extractions). Integers are widened: INT* into i, UINT*,
 * ABSTIME, RELTIME and PORT into u. */
struct field_value {
	enum field_type type;
	union {
		int64_t i;
		uint64_t u;
		double d;
		bool b;
		struct {
			const char *ptr;
			size_t len;
		} s;
		struct field_ipaddr ip;
		struct field_ipnet net;
	};
};

/*
 * Most fields have one value; fd.ip, fd.port and fd.net have up to two (client and server),
 * proc.apid and proc.aname without [N] one per ancestor. An IPNET field's extractor returns
 * the event's addresses (FT_IPADDR): `fd.net=10.0.0.0/8` is true when one of them lies in
 * the network.
 */
#define FIELD_MAX_VALUES 8

struct field_desc;

/*
 * What a field remembers between the events one reference reads, as sysdig keeps it per use
 * of a field: evt.deltatime the time of the previous event it read, thread.exectime the last
 * switch per CPU, thread.totexectime a sum per thread. Values are found by a kind (the
 * field's own numbering) and a key (a CPU, a thread id); a new value is 0.
 */
struct field_memo {
	uint64_t last;
	struct field_memo_slot {
		bool used;
		uint8_t kind;
		int64_t key;
		uint64_t val;
	} *slots;
	size_t n, cap;
};

/* The value for (KIND, KEY) in M, created as 0. */
uint64_t *field_memo_value(struct field_memo *m, uint8_t kind, int64_t key);

/* A field with its argument, resolved once: what a consumer holds to read it per event. */
struct field_ref {
	const struct field_desc *field;
	struct field_arg arg;
	struct field_memo *memo;	/* the field's desc has .memo; else NULL */
};

/*
 * Fills OUT[0..FIELD_MAX_VALUES) with the field's values for EVENT and returns how many; 0
 * when the field does not apply to this event (a comparison on it is then false, `exists`
 * is false, a template prints <NA>).
 */
typedef size_t (*field_extract_fn)(const struct field_ref *ref, const void *event, void *ctx,
				   struct field_value *out);

/* Checks a value a filter compares a field with by =, !=, in or intersects, for a field whose
 * values form a known set (evt.type: event names): true when TEXT is one of them, else false
 * with a message naming TEXT (and the nearest value) in MSG. */
typedef bool field_value_check_fn(const char *text, char *msg, size_t n);

/* Compares the field on EVENT with the filter's value W by the field's own rule, for a field
 * that has no value of its own to extract (evt.around[T]=D); only `=` is defined. */
typedef bool field_compare_fn(const struct field_ref *ref, const void *event, void *ctx,
			      const struct field_value *w);

struct field_desc {
	const char *name;
	enum field_type type;
	unsigned arg_flags;		/* enum field_arg_flags */
	enum field_role role;
	bool filter_only;		/* sysdig's "(FILTER ONLY)": it compares, prints nothing */
	bool table_only;		/* sysdig's table-only fields: views use them, -l hides them */
	/* A field of Falco's (newer libs) that sysdig 0.29 lacks: filters, templates and rules
	 * read it; `sysray -l`, which lists sysdig 0.29's fields, leaves it out. */
	bool falco;
	const char *desc;
	field_extract_fn extract;	/* NULL: listed, not implemented yet */
	field_value_check_fn *value_check;	/* NULL: any value of the type */
	field_compare_fn *compare;		/* NULL: extract, then compare the values */
	int id;				/* free for an extractor shared by several fields */
	bool memo;			/* each reference gets a struct field_memo */
	/* The least number of digits of the value's text, zero-padded (sysdig's nanosecond
	 * parts: 9); 0 for none. Text only: filters and chisels see the number. */
	uint8_t digits;
};

/* A class of fields as `-l` lists it: "fd", "process", ... */
struct field_class {
	const char *name;
	const char *shortdesc;		/* NULL, or "All event types" after the name */
	const char *desc;
	const struct field_desc *fields;
	size_t nfields;
};

/* The classes in `-l` order; a name is found in the first class that has it. */
struct field_registry {
	const struct field_class *const *classes;
	size_t nclasses;
};

/* The descriptor called exactly NAME, or NULL. */
const struct field_desc *field_registry_find(const struct field_registry *reg, const char *name);

/* The registered name closest to NAME by edit distance, or NULL when nothing is close. */
const char *field_registry_suggest(const struct field_registry *reg, const char *name);

struct field_error {
	size_t pos;		/* byte offset in the text the message points at */
	char msg[256];
};

/*
 * Resolves TEXT, a field with its argument in one of the forms its flags allow
 * ("proc.name", "evt.arg.fd", "evt.type.is.open", "evt.arg[0]", "container.mount[/usr]"),
 * into REF. Returns false with ERR filled (an unknown name gets the closest known one as a
 * suggestion). Free REF with field_ref_free().
 */
bool field_resolve(const struct field_registry *reg, const char *text, struct field_ref *ref,
		   struct field_error *err);
void field_ref_free(struct field_ref *ref);

/* REF's values for EVENT in CTX: see field_extract_fn. */
static inline size_t field_extract(const struct field_ref *ref, const void *event, void *ctx,
				   struct field_value *out)
{
	return ref->field->extract ? ref->field->extract(ref, event, ctx, out) : 0;
}

/* "UINT64", "CHARBUF", ... as sysdig prints them. */
const char *field_type_name(enum field_type t);

/* Every class and field of REG as `sysdig -l` prints them (VERBOSE: -l -v, with types);
 * WITH_FALCO: Falco's fields too, as `falco --list` has them. */
void field_registry_print(const struct field_registry *reg, bool verbose, bool with_falco,
			  FILE *f);

#endif

/*
 * The field registry: the typed names a filter (and an output template) can use, each with an
 * extractor that reads its value from an event. The filter knows nothing of events: it hands
 * the opaque event pointer and context to the extractor registered by the state layer.
 */
#ifndef SYSRAY_FILTER_FIELDS_H
#define SYSRAY_FILTER_FIELDS_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
	const char *name;	/* owned by the compiled filter; NULL when is_index */
};

struct filter_ipaddr {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];	/* network order; IPv4 in the first 4 bytes */
};

struct filter_ipnet {
	struct filter_ipaddr addr;
	unsigned prefix;
};

/* One extracted value. Strings and buffers point into the event or the state: valid until
 * the extractor is called again. Integers are widened: INT* into i, UINT*, ABSTIME, RELTIME
 * and PORT into u. */
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
		struct filter_ipaddr ip;
		struct filter_ipnet net;
	};
};

/*
 * Most fields have one value; fd.ip, fd.port and fd.net have up to two (client and server).
 * An IPNET field's extractor returns the event's addresses (FT_IPADDR): `fd.net=10.0.0.0/8`
 * is true when one of them lies in the network.
 */
#define FIELD_MAX_VALUES 8

struct field_desc;

/*
 * Fills OUT[0..max) with the field's values for EVENT and returns how many; 0 when the field
 * does not apply to this event (a comparison on it is then false, `exists` is false).
 */
typedef size_t (*field_extract_fn)(const struct field_desc *field, const struct field_arg *arg,
				   const void *event, void *ctx, struct field_value *out, size_t max);

struct field_desc {
	const char *name;
	enum field_type type;
	unsigned arg_flags;		/* enum field_arg_flags */
	enum field_role role;
	const char *desc;
	field_extract_fn extract;	/* NULL: known but not implemented yet */
	int id;				/* for the extractor's own dispatch */
};

struct field_registry {
	const struct field_desc **fields;
	size_t n, cap;
};

/* Adds N descriptors; the table must outlive the registry. A later name replaces an earlier. */
void field_registry_add(struct field_registry *reg, const struct field_desc *table, size_t n);
void field_registry_free(struct field_registry *reg);

/* The descriptor called exactly NAME, or NULL. */
const struct field_desc *field_registry_find(const struct field_registry *reg, const char *name);

/* The registered name closest to NAME by edit distance, or NULL when nothing is close. */
const char *field_registry_suggest(const struct field_registry *reg, const char *name);

/* "UINT64", "CHARBUF", ... as sysdig prints them. */
const char *field_type_name(enum field_type t);

/* sysdig 0.29's evt/proc/thread/fd/user/group/container fields, extractors not yet set. */
extern const struct field_desc sysdig_fields[];
extern const size_t sysdig_fields_count;

#endif

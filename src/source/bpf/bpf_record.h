/*
 * Reading the eBPF source's records: the prefix, the scap event header and the parameters,
 * checked against the record size; and the names and types of the parameters of every event
 * type the source emits (a subset of reference/scap-event-table.md).
 */
#ifndef SYSRAY_SOURCE_BPF_BPF_RECORD_H
#define SYSRAY_SOURCE_BPF_BPF_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "source/bpf/bpf_event.h"

#define SR_MAX_PARAMS 32

/* scap parameter types (ppm_param_type) the source uses. */
enum sr_ptype {
	SR_PT_INT32 = 3,
	SR_PT_INT64 = 4,
	SR_PT_UINT8 = 5,
	SR_PT_UINT16 = 6,
	SR_PT_UINT32 = 7,
	SR_PT_UINT64 = 8,
	SR_PT_CHARBUF = 9,
	SR_PT_BYTEBUF = 10,
	SR_PT_ERRNO = 11,
	SR_PT_SOCKADDR = 12,
	SR_PT_SOCKTUPLE = 13,
	SR_PT_FD = 14,
	SR_PT_PID = 15,
	SR_PT_FSPATH = 17,
	SR_PT_SYSCALLID = 18,
	SR_PT_SIGTYPE = 19,
	SR_PT_ABSTIME = 21,
	SR_PT_DYN = 27,		/* u8 alternative (schema/ppm_sockopt.h), then its value */
	SR_PT_FLAGS16 = 29,
	SR_PT_FLAGS32 = 30,
	SR_PT_UID = 31,
	SR_PT_GID = 32,
	SR_PT_FSRELPATH = 43,
	SR_PT_ENUMFLAGS8 = 44,
	SR_PT_ENUMFLAGS32 = 46,
};

struct sr_param_info {
	const char *name;
	enum sr_ptype type;
};

struct sr_event_info {
	const char *name;		/* sysdig's evt.type: "openat", "procexit", "syscall" */
	uint8_t nparams;
	struct sr_param_info params[SR_MAX_PARAMS];
};

struct sr_param {
	const uint8_t *val;
	uint16_t len;			/* 0: not available */
};

struct sr_record {
	const struct sr_rec_prefix *prefix;
	uint64_t ts;
	uint64_t tid;
	uint16_t type;
	uint32_t nparams;
	const void *event;		/* the scap event record */
	uint32_t event_len;
	struct sr_param params[SR_MAX_PARAMS];
};

/* Splits a ring record; -1 when it is shorter than its header or lengths say. */
int sr_record_parse(const void *data, size_t size, struct sr_record *r);

/* The table row of scap event TYPE, or NULL for a type the source never emits. */
const struct sr_event_info *sr_event_info(uint16_t type);

/* Parameter I as an integer of its width (sign-extended for INT64/ERRNO/FD/PID). */
int64_t sr_param_int(const struct sr_record *r, uint32_t i);

#endif

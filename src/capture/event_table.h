/* SPDX-License-Identifier: Apache-2.0 */
/* The scap event table: the name, flags and typed parameters of every event code
 * (schema/event_codes.h, generated with the table from schema/event_table.in). */
#ifndef SYSRAY_CAPTURE_EVENT_TABLE_H
#define SYSRAY_CAPTURE_EVENT_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "schema/event_codes.h"

struct scap_param_info {
	const char *name;
	enum scap_param_type type;
	/* The flag or enum table that names the values (e.g. "file_flags"), or NULL. */
	const char *info;
};

struct scap_event_info {
	const char *name;	/* "open", "NA" for unused codes */
	const char *symbol;	/* "SYSCALL_OPEN_X" (PPME_ without the prefix) */
	unsigned flags;
	int nparams;		/* HEAD's count */
	int nparams_029;	/* sysdig 0.29's count, -1 if 0.29 does not know the code */
	const struct scap_param_info *params;
};

extern const struct scap_event_info scap_event_table[SCAP_EVENT_MAX];

/* The table entry of CODE, or NULL when the code is beyond our table. */
static inline const struct scap_event_info *scap_event_info(unsigned code)
{
	return code < SCAP_EVENT_MAX ? &scap_event_table[code] : 0;
}

static inline bool scap_event_is_enter(unsigned code)
{
	return (code & 1) == 0;
}

/* A generic event: a syscall without a dedicated code, named by its ID parameter. */
static inline bool scap_event_is_generic(unsigned code)
{
	return code == PPME_GENERIC_E || code == PPME_GENERIC_X;
}

/*
 * The codes of sysdig 0.29's internal category (EC_INTERNAL): its reader counts them in
 * evt.num but its printer never shows them (unless -D): drops, scap's own events (a capture's
 * first event is often scapevent), procinfo, the 4-field container event, k8s, mesos, infra.
 */
static inline bool scap_event_is_internal_029(unsigned code)
{
	switch (code) {
	case PPME_DROP_E:
	case PPME_DROP_X:
	case PPME_SCAPEVENT_E:
	case PPME_SCAPEVENT_X:
	case PPME_CONTAINER_E:
	case PPME_CONTAINER_X:
	case PPME_PROCINFO_E:
	case PPME_PROCINFO_X:
	case PPME_K8S_E:
	case PPME_MESOS_E:
	case PPME_INFRASTRUCTURE_EVENT_E:
	case PPME_INFRASTRUCTURE_EVENT_X:
		return true;
	}
	return false;
}

/* Bytes of one length entry of CODE's parameter length array: 4 for LARGE_PAYLOAD types. */
static inline unsigned scap_event_len_width(unsigned code)
{
	const struct scap_event_info *info = scap_event_info(code);

	return info && (info->flags & SCAP_EF_LARGE_PAYLOAD) ? 4 : 2;
}

/* The fixed width in bytes of a parameter of TYPE, 0 for variable-length types. */
unsigned scap_param_type_width(enum scap_param_type type);
/* "UINT32", "FSPATH", ...; "?" for an unknown type. */
const char *scap_param_type_name(enum scap_param_type type);

#endif

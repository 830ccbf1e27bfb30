/* SPDX-License-Identifier: Apache-2.0 */
/* Widths and names of the scap parameter types (reference §11). */
#include "capture/event_table.h"
#include "util/util.h"

static const struct {
	const char *name;
	unsigned char width;	/* 0: variable length */
} param_types[SCAP_PT_MAX] = {
	[SCAP_PT_NONE] = { "NONE", 0 },
	[SCAP_PT_INT8] = { "INT8", 1 },
	[SCAP_PT_INT16] = { "INT16", 2 },
	[SCAP_PT_INT32] = { "INT32", 4 },
	[SCAP_PT_INT64] = { "INT64", 8 },
	[SCAP_PT_UINT8] = { "UINT8", 1 },
	[SCAP_PT_UINT16] = { "UINT16", 2 },
	[SCAP_PT_UINT32] = { "UINT32", 4 },
	[SCAP_PT_UINT64] = { "UINT64", 8 },
	[SCAP_PT_CHARBUF] = { "CHARBUF", 0 },
	[SCAP_PT_BYTEBUF] = { "BYTEBUF", 0 },
	[SCAP_PT_ERRNO] = { "ERRNO", 8 },
	[SCAP_PT_SOCKADDR] = { "SOCKADDR", 0 },
	[SCAP_PT_SOCKTUPLE] = { "SOCKTUPLE", 0 },
	[SCAP_PT_FD] = { "FD", 8 },
	[SCAP_PT_PID] = { "PID", 8 },
	[SCAP_PT_FDLIST] = { "FDLIST", 0 },
	[SCAP_PT_FSPATH] = { "FSPATH", 0 },
	[SCAP_PT_SYSCALLID] = { "SYSCALLID", 2 },
	[SCAP_PT_SIGTYPE] = { "SIGTYPE", 1 },
	[SCAP_PT_RELTIME] = { "RELTIME", 8 },
	[SCAP_PT_ABSTIME] = { "ABSTIME", 8 },
	[SCAP_PT_PORT] = { "PORT", 2 },
	[SCAP_PT_L4PROTO] = { "L4PROTO", 1 },
	[SCAP_PT_SOCKFAMILY] = { "SOCKFAMILY", 1 },
	[SCAP_PT_BOOL] = { "BOOL", 4 },
	[SCAP_PT_IPV4ADDR] = { "IPV4ADDR", 4 },
	[SCAP_PT_DYN] = { "DYN", 0 },
	[SCAP_PT_FLAGS8] = { "FLAGS8", 1 },
	[SCAP_PT_FLAGS16] = { "FLAGS16", 2 },
	[SCAP_PT_FLAGS32] = { "FLAGS32", 4 },
	[SCAP_PT_UID] = { "UID", 4 },
	[SCAP_PT_GID] = { "GID", 4 },
	[SCAP_PT_DOUBLE] = { "DOUBLE", 8 },
	[SCAP_PT_SIGSET] = { "SIGSET", 4 },
	[SCAP_PT_CHARBUFARRAY] = { "CHARBUFARRAY", 0 },
	[SCAP_PT_CHARBUF_PAIR_ARRAY] = { "CHARBUF_PAIR_ARRAY", 0 },
	[SCAP_PT_IPV4NET] = { "IPV4NET", 0 },
	[SCAP_PT_IPV6ADDR] = { "IPV6ADDR", 16 },
	[SCAP_PT_IPV6NET] = { "IPV6NET", 0 },
	[SCAP_PT_IPADDR] = { "IPADDR", 0 },
	[SCAP_PT_IPNET] = { "IPNET", 0 },
	[SCAP_PT_MODE] = { "MODE", 4 },
	[SCAP_PT_FSRELPATH] = { "FSRELPATH", 0 },
	[SCAP_PT_ENUMFLAGS8] = { "ENUMFLAGS8", 1 },
	[SCAP_PT_ENUMFLAGS16] = { "ENUMFLAGS16", 2 },
	[SCAP_PT_ENUMFLAGS32] = { "ENUMFLAGS32", 4 },
	[SCAP_PT_FD32] = { "FD32", 4 },
	[SCAP_PT_PID32] = { "PID32", 4 },
};

unsigned scap_param_type_width(enum scap_param_type type)
{
	return (unsigned)type < ARRAY_SIZE(param_types) ? param_types[type].width : 0;
}

const char *scap_param_type_name(enum scap_param_type type)
{
	if ((unsigned)type < ARRAY_SIZE(param_types) && param_types[type].name)
		return param_types[type].name;
	return "?";
}

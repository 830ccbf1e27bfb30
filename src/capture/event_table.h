/* The scap event table: event codes, their parameters and the on-disk parameter types.
 * Codes are sysdig's ppm_event_code numbers: even = enter, odd = exit. */
#ifndef SYSRAY_CAPTURE_EVENT_TABLE_H
#define SYSRAY_CAPTURE_EVENT_TABLE_H

#include <stdbool.h>
#include <stdint.h>

/* Codes known to our table (libs 48dfd53c); sysdig 0.29 knows codes below 336 and skips the
 * others when it reads a file. */
#define SCAP_EVENT_MAX 454
#define SCAP_EVENT_MAX_029 336

/* Parameter types (ppm_param_type); the number is the on-disk code. */
enum scap_param_type {
	SCAP_PT_NONE = 0,
	SCAP_PT_INT8 = 1,
	SCAP_PT_INT16 = 2,
	SCAP_PT_INT32 = 3,
	SCAP_PT_INT64 = 4,
	SCAP_PT_UINT8 = 5,
	SCAP_PT_UINT16 = 6,
	SCAP_PT_UINT32 = 7,
	SCAP_PT_UINT64 = 8,
	SCAP_PT_CHARBUF = 9,	/* text with its trailing NUL */
	SCAP_PT_BYTEBUF = 10,	/* raw bytes */
	SCAP_PT_ERRNO = 11,	/* i64, negative errno on failure */
	SCAP_PT_SOCKADDR = 12,
	SCAP_PT_SOCKTUPLE = 13,
	SCAP_PT_FD = 14,	/* i64 */
	SCAP_PT_PID = 15,	/* i64 */
	SCAP_PT_FDLIST = 16,	/* u16 count, count x (i64 fd, u16 flags) */
	SCAP_PT_FSPATH = 17,
	SCAP_PT_SYSCALLID = 18,	/* u16 PPM_SC code */
	SCAP_PT_SIGTYPE = 19,	/* u8 */
	SCAP_PT_RELTIME = 20,
	SCAP_PT_ABSTIME = 21,
	SCAP_PT_PORT = 22,
	SCAP_PT_L4PROTO = 23,
	SCAP_PT_SOCKFAMILY = 24,
	SCAP_PT_BOOL = 25,	/* u32 */
	SCAP_PT_IPV4ADDR = 26,
	SCAP_PT_DYN = 27,	/* u8 selector, then a value */
	SCAP_PT_FLAGS8 = 28,
	SCAP_PT_FLAGS16 = 29,
	SCAP_PT_FLAGS32 = 30,
	SCAP_PT_UID = 31,
	SCAP_PT_GID = 32,
	SCAP_PT_DOUBLE = 33,
	SCAP_PT_SIGSET = 34,
	SCAP_PT_CHARBUFARRAY = 35,	/* in-memory only in libs; never on disk */
	SCAP_PT_CHARBUF_PAIR_ARRAY = 36,
	SCAP_PT_IPV4NET = 37,
	SCAP_PT_IPV6ADDR = 38,
	SCAP_PT_IPV6NET = 39,
	SCAP_PT_IPADDR = 40,	/* 4 or 16 bytes */
	SCAP_PT_IPNET = 41,
	SCAP_PT_MODE = 42,
	SCAP_PT_FSRELPATH = 43,
	SCAP_PT_ENUMFLAGS8 = 44,
	SCAP_PT_ENUMFLAGS16 = 45,
	SCAP_PT_ENUMFLAGS32 = 46,
	SCAP_PT_FD32 = 47,
	SCAP_PT_PID32 = 48,
	SCAP_PT_MAX
};

/* Event flags (EF_*), HEAD's. */
enum scap_event_flag {
	SCAP_EF_CREATES_FD = 1 << 0,
	SCAP_EF_DESTROYS_FD = 1 << 1,
	SCAP_EF_USES_FD = 1 << 2,
	SCAP_EF_READS_FROM_FD = 1 << 3,
	SCAP_EF_WRITES_TO_FD = 1 << 4,
	SCAP_EF_MODIFIES_STATE = 1 << 5,
	SCAP_EF_UNUSED = 1 << 6,
	SCAP_EF_WAITS = 1 << 7,
	SCAP_EF_SKIPPARSERESET = 1 << 8,
	SCAP_EF_OLD_VERSION = 1 << 9,
	/* The parameter length array holds u32s instead of u16s. */
	SCAP_EF_LARGE_PAYLOAD = 1 << 10,
	SCAP_EF_CONVERTER_MANAGED = 1 << 11,
};

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

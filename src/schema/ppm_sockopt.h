/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * setsockopt(2)/getsockopt(2) arguments as the scap event model carries them: the level and
 * option name renumbered to libs' PPM_SOCKOPT_* codes, and which alternative of the PT_DYN
 * "val" parameter holds the option's value (reference/scap-format.md §11, type 27). Shared
 * by the eBPF programs and by the writers in user space: no library, no kernel header.
 *
 * x86_64 facts: SOL_SOCKET is 1 and SOL_TCP 6; the SO_* numbers 1..50 are the PPM codes
 * themselves; SO_RCVTIMEO/SO_SNDTIMEO are the _OLD options 20/21 and take a struct timeval
 * (two longs), as do their _NEW twins 66/67 (two s64); SO_COOKIE (57) is a u64.
 */
#ifndef SYSRAY_SCHEMA_PPM_SOCKOPT_H
#define SYSRAY_SCHEMA_PPM_SOCKOPT_H

#define PPM_SOL_SOCKET		1
#define PPM_SOL_TCP		6

/* The alternatives of sockopt_dynamic_param: the u8 that starts a "val" parameter. */
enum ppm_sockopt_val {
	PPM_SOCKOPT_VAL_BYTES = 0,	/* BYTEBUF: the option's bytes, up to the snaplen */
	PPM_SOCKOPT_VAL_ERRNO = 1,	/* ERRNO: SO_ERROR's pending error, negated */
	PPM_SOCKOPT_VAL_UINT32 = 2,	/* UINT32: an int option */
	PPM_SOCKOPT_VAL_UINT64 = 3,	/* UINT64 */
	PPM_SOCKOPT_VAL_TIMEVAL = 4,	/* RELTIME: a struct timeval as nanoseconds */
};

/* The int-valued SOL_SOCKET options libs decodes as UINT32: 1..49 but for SO_ERROR (4),
 * SO_LINGER (13), SO_PEERCRED (17), the timeouts (20, 21), SO_ATTACH_FILTER (26) and
 * SO_PEERNAME (28), which are not ints. */
#define PPM_SOCKOPT_INT_MASK	(((1ULL << 50) - 2) & ~((1ULL << 4) | (1ULL << 13) |	\
				 (1ULL << 17) | (1ULL << 20) | (1ULL << 21) |		\
				 (1ULL << 26) | (1ULL << 28)))

/* PPM_SOCKOPT_LEVEL_*: SOL_SOCKET 1, SOL_TCP 2, any other level 0. */
static inline __attribute__((always_inline)) unsigned char ppm_sockopt_level(int level)
{
	return level == PPM_SOL_SOCKET ? 1 : level == PPM_SOL_TCP ? 2 : 0;
}

/* PPM_SOCKOPT_SO_*: named for SOL_SOCKET options only, 0 (UNKNOWN) otherwise. */
static inline __attribute__((always_inline)) unsigned char ppm_sockopt_name(int level,
									    int optname)
{
	if (level != PPM_SOL_SOCKET)
		return 0;
	if (optname >= 1 && optname <= 50)
		return optname;
	switch (optname) {
	case 55: return 52;	/* SO_MEMINFO */
	case 57: return 53;	/* SO_COOKIE */
	case 59: return 51;	/* SO_PEERGROUPS */
	case 66: return 20;	/* SO_RCVTIMEO_NEW */
	case 67: return 21;	/* SO_SNDTIMEO_NEW */
	default: return 0;
	}
}

/* Which alternative of "val" holds the value of option OPTNAME at LEVEL. */
static inline __attribute__((always_inline)) enum ppm_sockopt_val ppm_sockopt_val_kind(int level,
										       int optname)
{
	if (level != PPM_SOL_SOCKET)
		return PPM_SOCKOPT_VAL_BYTES;
	if (optname == 4)
		return PPM_SOCKOPT_VAL_ERRNO;
	if (optname == 20 || optname == 21 || optname == 66 || optname == 67)
		return PPM_SOCKOPT_VAL_TIMEVAL;
	if (optname == 57)
		return PPM_SOCKOPT_VAL_UINT64;
	if (optname > 0 && optname < 64 && (PPM_SOCKOPT_INT_MASK >> optname) & 1)
		return PPM_SOCKOPT_VAL_UINT32;
	return PPM_SOCKOPT_VAL_BYTES;
}

#endif

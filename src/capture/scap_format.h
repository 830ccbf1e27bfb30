/* SPDX-License-Identifier: Apache-2.0 */
/* On-disk constants of the .scap format (reference §2-§10): block ids, header sizes and the
 * readers' limits. Every integer is little-endian and every structure packed. */
#ifndef SYSRAY_CAPTURE_SCAP_FORMAT_H
#define SYSRAY_CAPTURE_SCAP_FORMAT_H

#include <stdint.h>
#include <string.h>

#define SCAP_BT_SHB 0x0A0D0D0Au
#define SCAP_BT_MI 0x201u
#define SCAP_BT_PL_V1 0x202u
#define SCAP_BT_FDL 0x203u
#define SCAP_BT_EV 0x204u
#define SCAP_BT_IL 0x205u
#define SCAP_BT_UL 0x206u
#define SCAP_BT_PL_V2 0x207u
#define SCAP_BT_EVF 0x208u
#define SCAP_BT_PL_V3 0x209u
#define SCAP_BT_PL_V4 0x210u
#define SCAP_BT_PL_V5 0x211u
#define SCAP_BT_PL_V6 0x212u
#define SCAP_BT_PL_V7 0x213u
#define SCAP_BT_PL_V8 0x214u
#define SCAP_BT_PL_V9 0x215u
#define SCAP_BT_EV_V2 0x216u
#define SCAP_BT_EVF_V2 0x217u
#define SCAP_BT_FDL_V2 0x218u
#define SCAP_BT_IL_V2 0x219u
#define SCAP_BT_UL_V2 0x220u
#define SCAP_BT_EV_V2_LARGE 0x221u
#define SCAP_BT_EVF_V2_LARGE 0x222u
/* Pre-release aliases (top bit set): read, never written. */
#define SCAP_BT_PL_V1_OLD 0x8000ABCDu
#define SCAP_BT_FDL_OLD 0x8001ABCDu
#define SCAP_BT_MI_OLD 0x8002ABCDu
#define SCAP_BT_EV_OLD 0x8010ABCDu
#define SCAP_BT_IL_OLD 0x8011ABCDu
#define SCAP_BT_UL_OLD 0x8012ABCDu
#define SCAP_BT_PL_V2_OLD 0x8013ABCDu
#define SCAP_BT_PL_V3_OLD 0x8014ABCDu

#define SCAP_SHB_MAGIC 0x1A2B3C4Du
#define SCAP_SHB_BODY 16	/* magic, major, minor, section length */
#define SCAP_MI_BODY 180
#define SCAP_EVENT_HDR_V1 22	/* ts, tid, len, type */
#define SCAP_EVENT_HDR_V2 26	/* + nparams */
/* libscap's read buffer: non-LARGE event blocks larger than this are refused (t17). */
#define SCAP_NONLARGE_MAX (64 * 1024)
/* Dump flag: the event is kept for state tracking only and is not shown. */
#define SCAP_DF_STATE_ONLY 1u

/* Our own sanity limit on one block, so a hostile length cannot make us allocate memory the
 * file does not back (we also grow the buffer only as the bytes arrive). */
#define SCAP_BLOCK_MAX (256u * 1024 * 1024)

/* Limits the readers enforce inside metadata blocks. */
#define SCAP_MAX_PATH 1024
#define SCAP_MAX_ARGS 4096
#define SCAP_MAX_CRED_STR 256
#define SCAP_MAX_IFNAME 1024

static inline uint16_t get_le16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

static inline uint32_t get_le32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static inline uint64_t get_le64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

/* Block-type helpers. */
static inline int scap_block_is_event(uint32_t bt)
{
	return bt == SCAP_BT_EV || bt == SCAP_BT_EV_OLD || bt == SCAP_BT_EVF ||
	       bt == SCAP_BT_EV_V2 || bt == SCAP_BT_EVF_V2 || bt == SCAP_BT_EV_V2_LARGE ||
	       bt == SCAP_BT_EVF_V2_LARGE;
}

static inline int scap_block_has_flags(uint32_t bt)
{
	return bt == SCAP_BT_EVF || bt == SCAP_BT_EVF_V2 || bt == SCAP_BT_EVF_V2_LARGE;
}

static inline int scap_block_is_v1_event(uint32_t bt)
{
	return bt == SCAP_BT_EV || bt == SCAP_BT_EV_OLD || bt == SCAP_BT_EVF;
}

static inline int scap_block_is_large(uint32_t bt)
{
	return bt == SCAP_BT_EV_V2_LARGE || bt == SCAP_BT_EVF_V2_LARGE;
}

/* "EV_V2", "PL_V9", ...; NULL for an unknown id. */
const char *scap_block_name(uint32_t bt);

#endif

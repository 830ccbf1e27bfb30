/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Netlink payloads as data: a fixed header struct is a list of fields (name, offset, size,
 * how it prints), an attribute list is a table from attribute type to how its payload
 * prints. One walker prints every family's attributes from these tables.
 */
#ifndef SYSRAY_TRACE_DECODE_NLATTR_H
#define SYSRAY_TRACE_DECODE_NLATTR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "schema/xlat.h"
#include "trace/decode.h"

/* How one field of a header struct prints. */
enum nl_field_kind {
	NLF_U,		/* unsigned decimal */
	NLF_D,		/* signed decimal */
	NLF_X,		/* hex */
	NLF_XVAL,	/* a constant of the xlat, else hex and the default in a comment */
	NLF_XVAL_DEC,	/* the same, unknown values in decimal */
	NLF_FLAGS,	/* flags of the xlat */
	NLF_IFINDEX,	/* an interface index: if_nametoindex("lo") */
	NLF_FAMILY,	/* an address family (AF_*) */
	NLF_BE16,	/* a big-endian u16: htons(N) */
	NLF_HTONL_X,	/* a big-endian u32: htonl(0x...) */
	NLF_CSTRING,	/* a char array holding a NUL-terminated string */
	NLF_COOKIE,	/* a socket cookie, u32[2]: [lo, hi] */
	NLF_SOCKID,	/* struct inet_diag_sockid of the family in the struct's first byte */
	NLF_SOCKID_INET,	/* struct inet_diag_sockid of AF_INET (AF_SMC's) */
	NLF_X_NONZERO,	/* hex, and only when not 0 (padding the kernel should see as 0) */
	NLF_DEV,	/* a u32 device number: makedev(major, minor) */
	NLF_0X,		/* hex, zero-padded to twice its size in characters: 0x0000ff */
	NLF_MAC,	/* a byte array holding a link-layer address (nl_print_hwaddr) */
	NLF_BE16_XVAL,	/* a big-endian u16 constant of the xlat: htons(ETH_P_IP) */
	NLF_INDEXED_U64,	/* u64[] indexed by the xlat's names: [[NAME_0]=a, [NAME_1]=b] */
};

struct nl_field {
	const char *name;
	uint16_t off;
	uint8_t size;		/* 1, 2, 4 or 8; of a byte array (NLF_MAC ...) its length */
	uint8_t kind;		/* enum nl_field_kind */
	const struct xlat *x;
	const char *dflt;
};

/* A header struct of SIZE bytes; the message's attributes (if any) follow it aligned. */
struct nl_struct {
	const struct nl_field *fields;
	unsigned int nfields;
	unsigned int size;
	bool short_as_str;	/* a payload short of SIZE prints as a string, not in hex */
	/*
	 * Older, shorter layouts the kernel still sends (0-terminated, longest first): a
	 * payload of exactly one of these lengths prints the fields that fit in it.
	 */
	const uint16_t *older_sizes;
};

#define NL_FIELD(type, member, kind_, ...)                                                  \
	{ .name = #member, .off = offsetof(type, member),                                   \
	  .size = sizeof(((type *)0)->member), .kind = kind_, __VA_ARGS__ }
#define NL_STRUCT(type, fields_) \
	{ fields_, sizeof(fields_) / sizeof(fields_[0]), sizeof(type), false, NULL }

/* The fields of S from index FIRST on, read from BUF (no braces). */
void nl_print_fields(struct sc *sc, const struct nl_struct *s, unsigned int first,
		     const void *buf);
/* S at ADDR in braces, all of it or the fields of an older size LEN; else LEN bytes in hex. */
void nl_print_struct_at(struct sc *sc, const struct nl_struct *s, uint64_t addr,
			unsigned int len);

/* A printer of an attribute payload of LEN bytes at ADDR; false: print it in hex. */
typedef bool nla_printer(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx);

/* How one attribute's payload prints. */
enum nla_kind {
	NLA_KIND_HEX,		/* unknown: quoted hex */
	NLA_KIND_U8,
	NLA_KIND_U16,
	NLA_KIND_U32,
	NLA_KIND_U64,
	NLA_KIND_S8,
	NLA_KIND_S16,
	NLA_KIND_S32,
	NLA_KIND_S64,
	NLA_KIND_X16,
	NLA_KIND_X32,
	NLA_KIND_0X64,		/* u64 in hex, zero-padded to 16 characters ("%#0*llx") */
	NLA_KIND_BE16,		/* htons(N) */
	NLA_KIND_BE64,		/* htobe64(N) */
	NLA_KIND_STR,		/* a string that carries its NUL */
	NLA_KIND_IFINDEX,	/* u32 interface index */
	NLA_KIND_FD,		/* s32 file descriptor, decorated by -y */
	NLA_KIND_XVAL8,		/* u8 constant of x */
	NLA_KIND_XVAL16,
	NLA_KIND_XVAL32,	/* u32 constant of x */
	NLA_KIND_XVAL_ANY,	/* a constant of x in as many bytes as the payload has (1 to 8) */
	NLA_KIND_FLAGS8,
	NLA_KIND_FLAGS16,
	NLA_KIND_FLAGS32,	/* u32 flags of x */
	NLA_KIND_STRUCT,	/* struct s */
	NLA_KIND_STRUCT_TAIL,	/* struct s, then what follows it in hex */
	NLA_KIND_NESTED,	/* attributes of table nested */
	NLA_KIND_FN,		/* fn */
	NLA_KIND_ARRAY,		/* as many elements of integer kind elem as fit, [a, b];
				 * with x, indexed by its names: [[NAME_0]=a, [NAME_1]=b] */
	NLA_KIND_HWADDR,	/* a link-layer address of any length: 00:11:22 */
	NLA_KIND_CLOCK_T,	/* clock ticks in 1 to 8 bytes, seconds in a comment */
	NLA_KIND_IN_ADDR,	/* struct in_addr: inet_addr("...") */
	NLA_KIND_IN6_ADDR,	/* struct in6_addr: inet_pton(AF_INET6, "...") */
};

struct nla_table;

struct nla_spec {
	uint8_t kind;		/* enum nla_kind */
	const struct xlat *x;
	const char *dflt;
	const struct nl_struct *s;
	const struct nla_table *nested;
	nla_printer *fn;
	uint8_t elem;		/* NLA_KIND_ARRAY: the elements' kind (x, dflt: index names) */
};

/* The attributes of one message or nest: their names and, by type, their payloads. */
struct nla_table {
	const struct xlat *names;
	const char *dflt;		/* "IFLA_???" */
	const struct nla_spec *specs;	/* indexed by type; NULL: all hex */
	unsigned int nspecs;
};

#define NLA_TABLE(names_, dflt_, specs_) \
	{ names_, dflt_, specs_, sizeof(specs_) / sizeof(specs_[0]) }

/* The attributes in LEN bytes at ADDR, as strace's decode_nlattr prints them. */
void nl_decode_attrs(struct sc *sc, uint64_t addr, unsigned int len,
		     const struct nla_table *t, const void *ctx);

/* The longest link-layer address (MAX_ADDR_LEN). */
#define NL_HWADDR_MAX 32

/*
 * A link-layer address of LEN bytes in BUF: 00:11:22 with -X abbrev, the bytes in hex
 * with -X raw, both with -X verbose.
 */
void nl_print_hwaddr(struct sc *sc, const unsigned char *buf, unsigned int len);

/* Payload printers shared by families. */
bool nla_print_str(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx);
/* An address of FAMILY (AF_INET, AF_INET6) in LEN bytes; false: another family, or short. */
bool nla_print_inet_addr(struct sc *sc, int family, uint64_t addr, unsigned int len);

/*
 * A header struct S at ADDR of LEN bytes as strace prints an rtnetlink-style message: the
 * first field (the family, already in FIRST) always, the rest when LEN holds the whole
 * struct ("..." otherwise), then ATTRS (may be NULL) after the aligned header. The family
 * is printed from FIRST so that a short message still shows it.
 */
void nl_decode_hdr_attrs(struct sc *sc, const struct nl_struct *s, uint64_t addr,
			 unsigned int len, const struct nla_table *attrs, const void *ctx);

/* A netlink header or attribute at ADDR, or what strace prints when it cannot be read. */
bool nl_fetch_header(struct sc *sc, uint64_t addr, uint64_t len, void *buf, size_t size,
		     bool in_array);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl families as data: per family a table of requests, each with the kind of its
 * third argument and when it is printed, and struct descriptors (field name, offset,
 * size, printer) that drive one generic struct printer (decode/ioctl_table.c).
 */
#ifndef SYSRAY_TRACE_DECODE_IOCTL_TABLE_H
#define SYSRAY_TRACE_DECODE_IOCTL_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "trace/decode/ioctl_impl.h"

/* How one value (a field, an array element, a value behind a pointer) prints. */
enum ioc_fmt {
	IOC_U,		/* unsigned decimal */
	IOC_D,		/* signed decimal */
	IOC_X,		/* hex: 0x1f, 0 */
	IOC_XVAL,	/* one constant of x, else hex with a comment naming dflt */
	IOC_FLAGS,	/* bits of x */
	IOC_PTR,	/* NULL or 0x7f... */
	IOC_STR,	/* a char array: quoted up to its NUL (ioc_print_cstr) */
	IOC_BYTES,	/* a byte array: quoted whole, bounded by -s */
	IOC_STRUCT,	/* the nested struct sub */
	IOC_FDNUM,	/* a file descriptor: 3, or 3</dev/gpiochip0> with -y */
	IOC_ERRNO,	/* signed, a negated errno by name: -ENOSR */
};

struct ioc_struct;

struct ioc_field {
	const char *name;	/* NULL: the IOC_VERBOSE_ONLY mark */
	uint16_t off;
	uint16_t count;		/* 0: one value; N: an array of N values */
	uint16_t upto;		/* nonzero: 1 + the offset of the uint32_t that bounds count */
	uint16_t size;		/* bytes of the value (of one element of an array) */
	uint8_t fmt;		/* enum ioc_fmt */
	const struct xlat *x;
	const char *dflt;
	const struct ioc_struct *sub;
};

struct ioc_struct {
	uint16_t size;
	uint16_t n;
	const struct ioc_field *fields;
};

#define IOC_MEMBER_SIZE(type, m) sizeof(((type *)0)->m)
#define IOC_ELEM_SIZE(type, m) sizeof(((type *)0)->m[0])

/* A field of TYPE named like its member, printed by FMT. */
#define IOC_F(type, m, fmt) \
	{ #m, offsetof(type, m), 0, 0, IOC_MEMBER_SIZE(type, m), fmt, NULL, NULL, NULL }
#define IOC_FX(type, m, fmt, x, dflt) \
	{ #m, offsetof(type, m), 0, 0, IOC_MEMBER_SIZE(type, m), fmt, &(x), dflt, NULL }
/* An array member, each element by FMT. */
#define IOC_FA(type, m, fmt) \
	{ #m, offsetof(type, m), IOC_MEMBER_SIZE(type, m) / IOC_ELEM_SIZE(type, m), 0, \
	  IOC_ELEM_SIZE(type, m), fmt, NULL, NULL, NULL }
/* The same, its first N elements, N in the uint32_t member N_M. */
#define IOC_FA_UPTO(type, m, fmt, n_m) \
	{ #m, offsetof(type, m), IOC_MEMBER_SIZE(type, m) / IOC_ELEM_SIZE(type, m), \
	  offsetof(type, n_m) + 1, IOC_ELEM_SIZE(type, m), fmt, NULL, NULL, NULL }
/* A char array member. */
#define IOC_FS(type, m) \
	{ #m, offsetof(type, m), IOC_MEMBER_SIZE(type, m), 0, 1, IOC_STR, NULL, NULL, NULL }
/* A nested struct member described by SUB. */
#define IOC_FN(type, m, sub_) \
	{ #m, offsetof(type, m), 0, 0, IOC_MEMBER_SIZE(type, m), IOC_STRUCT, NULL, NULL, &(sub_) }
/* The fields after this row print with -v only; without, "..." stands for them. */
#define IOC_VERBOSE_ONLY { NULL, 0, 0, 0, 0, 0, NULL, NULL, NULL }

#define IOC_STRUCT_OF(name_, type, ...) \
	static const struct ioc_field name_##_fields[] = { __VA_ARGS__ }; \
	static const struct ioc_struct name_ = { sizeof(type), \
		sizeof(name_##_fields) / sizeof(name_##_fields[0]), name_##_fields }

/* The kinds of a request's third argument. */
enum ioc_arg {
	IOC_NONE,	/* takes none: nothing printed */
	IOC_HEX,	/* not decoded: hex */
	IOC_VAL,	/* the argument itself, by the value printer val */
	IOC_FD,		/* the argument itself, an fd */
	IOC_AT,		/* one value behind the pointer, by val, in brackets: [3] */
	IOC_ARRAY,	/* count values behind the pointer, read one by one (print_array) */
	IOC_TUPLE,	/* count values behind the pointer, read at once: [1, 2], or the address */
	IOC_PSTRUCT,	/* a struct behind the pointer */
	IOC_PBYTES,	/* count bytes behind the pointer, quoted, bounded by -s */
	IOC_PCSTR,	/* a char array of count bytes behind the pointer (ioc_print_cstr) */
	IOC_CUSTOM,	/* fn prints it */
};

/* When it is printed. */
enum ioc_dir {
	IOA_IN,		/* at entry: the kernel reads it */
	IOA_OUT,	/* at exit: the kernel writes it (its address when the call failed) */
	IOA_INOUT,	/* at entry, then " => " what the kernel wrote when the call succeeded */
};

struct ioc_cmd {
	uint32_t code;
	uint8_t arg;		/* enum ioc_arg */
	uint8_t dir;		/* enum ioc_dir */
	uint8_t fmt;		/* IOC_VAL, IOC_AT, IOC_ARRAY, IOC_TUPLE: enum ioc_fmt of a value */
	uint8_t size;		/* IOC_VAL, IOC_AT, IOC_ARRAY, IOC_TUPLE: bytes of a value */
	uint16_t count;		/* IOC_ARRAY, IOC_TUPLE, IOC_PBYTES, IOC_PCSTR */
	const struct xlat *x;
	const char *dflt;
	const struct ioc_struct *st;	/* IOC_PSTRUCT (st_out: at exit of IOA_INOUT) */
	const struct ioc_struct *st_out;
	ioctl_arg_fn *fn;		/* IOC_CUSTOM */
};

/* Rows of a family's table. */
#define IOC_C_NONE(code_) { .code = (code_), .arg = IOC_NONE }
#define IOC_C_HEX(code_) { .code = (code_), .arg = IOC_HEX }
#define IOC_C_VAL(code_, fmt_, size_) \
	{ .code = (code_), .arg = IOC_VAL, .fmt = (fmt_), .size = (size_) }
#define IOC_C_XVAL(code_, fmt_, size_, x_, dflt_) \
	{ .code = (code_), .arg = IOC_VAL, .fmt = (fmt_), .size = (size_), .x = &(x_), \
	  .dflt = (dflt_) }
#define IOC_C_FD(code_) { .code = (code_), .arg = IOC_FD }
#define IOC_C_AT(code_, dir_, fmt_, size_) \
	{ .code = (code_), .arg = IOC_AT, .dir = (dir_), .fmt = (fmt_), .size = (size_) }
#define IOC_C_XAT(code_, dir_, fmt_, size_, x_, dflt_) \
	{ .code = (code_), .arg = IOC_AT, .dir = (dir_), .fmt = (fmt_), .size = (size_), \
	  .x = &(x_), .dflt = (dflt_) }
#define IOC_C_ARRAY(code_, dir_, fmt_, size_, count_) \
	{ .code = (code_), .arg = IOC_ARRAY, .dir = (dir_), .fmt = (fmt_), .size = (size_), \
	  .count = (count_) }
#define IOC_C_TUPLE(code_, dir_, fmt_, size_, count_) \
	{ .code = (code_), .arg = IOC_TUPLE, .dir = (dir_), .fmt = (fmt_), .size = (size_), \
	  .count = (count_) }
#define IOC_C_STRUCT(code_, dir_, st_) \
	{ .code = (code_), .arg = IOC_PSTRUCT, .dir = (dir_), .st = &(st_) }
#define IOC_C_INOUT(code_, st_, st_out_) \
	{ .code = (code_), .arg = IOC_PSTRUCT, .dir = IOA_INOUT, .st = &(st_), \
	  .st_out = &(st_out_) }
#define IOC_C_BYTES(code_, dir_, count_) \
	{ .code = (code_), .arg = IOC_PBYTES, .dir = (dir_), .count = (count_) }
#define IOC_C_CSTR(code_, dir_, count_) \
	{ .code = (code_), .arg = IOC_PCSTR, .dir = (dir_), .count = (count_) }
#define IOC_C_FN(code_, fn_) { .code = (code_), .arg = IOC_CUSTOM, .fn = (fn_) }

struct ioc_family {
	const struct ioc_cmd *cmds;
	size_t n;
};

#define IOC_FAMILY(name_, ...) \
	static const struct ioc_cmd name_##_cmds[] = { __VA_ARGS__ }; \
	static const struct ioc_family name_ = { name_##_cmds, \
		sizeof(name_##_cmds) / sizeof(name_##_cmds[0]) }

/*
 * The argument of CODE by FAM's row (an ioctl_arg_fn's result), IOC_ARG_HEX when the
 * family has no row for it.
 */
int ioc_family_decode(struct sc *sc, const struct ioc_family *fam, uint32_t code,
		      uint64_t arg);

/* One value of SIZE bytes at BUF by FMT (X, DFLT for the constants and flags). */
void ioc_print_value(struct sc *sc, const void *buf, unsigned size, unsigned fmt,
		     const struct xlat *x, const char *dflt);
/* The fields of a struct read into BUF, without braces; false when -v's "..." ended them. */
bool ioc_print_fields(struct sc *sc, const struct ioc_struct *st, const void *buf);
/*
 * A char array of N bytes the kernel NUL-terminates: its first N - 1 bytes up to a NUL,
 * "..." after them when neither they nor the last byte hold one.
 */
void ioc_print_cstr(struct pr *p, const char *s, size_t n);
/* A struct already read into BUF. */
void ioc_print_struct(struct sc *sc, const struct ioc_struct *st, const void *buf);
/* The struct at ADDR, or NULL / its address (fetch_or_print_addr's rules). */
bool ioc_print_struct_at(struct sc *sc, const struct ioc_struct *st, uint64_t addr);

#endif

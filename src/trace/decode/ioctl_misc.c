/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl arguments of the small families: random, watchdog, inotify, counter, nsfs,
 * nbd and perf (the requests with no argument or a plain number).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "trace/decode/ioctl_impl.h"

/* ---- random (linux/random.h) ---- */

enum {
	K_RNDGETENTCNT = 0x80045200, K_RNDADDTOENTCNT = 0x40045201,
	K_RNDADDENTROPY = 0x40085203, K_RNDZAPENTCNT = 0x5204, K_RNDCLEARPOOL = 0x5206,
	K_RNDRESEEDCRNG = 0x5207,
};

/* struct rand_pool_info: two ints and buf_size bytes of data. */
static void print_rand_pool_info(struct sc *sc, uint64_t addr)
{
	int32_t info[2];	/* entropy_count, buf_size */
	if (!fetch_or_print_addr(sc, addr, info, sizeof(info)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "entropy_count");
	pr_int(sc->p, info[0]);
	pr_field(sc->p, "buf_size");
	pr_int(sc->p, info[1]);
	pr_field(sc->p, "buf");
	print_buf(sc, addr + sizeof(info), (uint32_t)info[1]);
	pr_struct_end(sc->p);
}

int random_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case K_RNDGETENTCNT:
		if (!sc->exiting)
			return IOC_LATER;
		print_int_at(sc, arg);
		return IOC_ARG_DONE;
	case K_RNDADDTOENTCNT:
		print_int_at(sc, arg);
		return IOC_ARG_DONE;
	case K_RNDADDENTROPY:
		print_rand_pool_info(sc, arg);
		return IOC_ARG_DONE;
	case K_RNDZAPENTCNT:
	case K_RNDCLEARPOOL:
	case K_RNDRESEEDCRNG:
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}

/* ---- watchdog (linux/watchdog.h) ---- */

int watchdog_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case 0x80045701:	/* WDIOC_GETSTATUS */
	case 0x80045702:	/* WDIOC_GETBOOTSTATUS */
	case 0x80045703:	/* WDIOC_GETTEMP */
	case 0x80045707:	/* WDIOC_GETTIMEOUT */
	case 0x80045709:	/* WDIOC_GETPRETIMEOUT */
	case 0x8004570a:	/* WDIOC_GETTIMELEFT */
		if (!sc->exiting)
			return IOC_LATER;
		print_int_at(sc, arg);
		return IOC_ARG_DONE;
	case 0xc0045706:	/* WDIOC_SETTIMEOUT */
	case 0xc0045708:	/* WDIOC_SETPRETIMEOUT */
		print_int_at(sc, arg);
		return IOC_ARG_DONE;
	case 0x80045705:	/* WDIOC_KEEPALIVE: the int it is declared with is ignored */
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}

/* ---- inotify ---- */

int inotify_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	if (code != 0x40044900)	/* INOTIFY_IOC_SETNEXTWD: the next wd, by value */
		return IOC_ARG_HEX;
	pr_int(sc->p, (int32_t)arg);
	return IOC_ARG_DONE;
}

/* ---- counter (linux/counter.h) ---- */

STATIC_XLAT(counter_component_types,
	{ 0, "COUNTER_COMPONENT_NONE" }, { 1, "COUNTER_COMPONENT_SIGNAL" },
	{ 2, "COUNTER_COMPONENT_COUNT" }, { 3, "COUNTER_COMPONENT_FUNCTION" },
	{ 4, "COUNTER_COMPONENT_SYNAPSE_ACTION" }, { 5, "COUNTER_COMPONENT_EXTENSION" });
STATIC_XLAT(counter_scopes,
	{ 0, "COUNTER_SCOPE_DEVICE" }, { 1, "COUNTER_SCOPE_SIGNAL" },
	{ 2, "COUNTER_SCOPE_COUNT" });
STATIC_XLAT(counter_event_types,
	{ 0, "COUNTER_EVENT_OVERFLOW" }, { 1, "COUNTER_EVENT_UNDERFLOW" },
	{ 2, "COUNTER_EVENT_OVERFLOW_UNDERFLOW" }, { 3, "COUNTER_EVENT_THRESHOLD" },
	{ 4, "COUNTER_EVENT_INDEX" }, { 5, "COUNTER_EVENT_CHANGE_OF_STATE" },
	{ 6, "COUNTER_EVENT_CAPTURE" });

/* struct counter_watch: 6 bytes, a component {type, scope, parent, id}, event, channel. */
static void print_counter_watch(struct sc *sc, uint64_t addr)
{
	uint8_t w[6];
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, w, sizeof(w)))
		return;
	pr_struct_begin(p);
	pr_field(p, "component");
	pr_struct_begin(p);
	pr_field(p, "type");
	pr_xval(p, &counter_component_types, w[0], "COUNTER_COMPONENT_???");
	pr_field(p, "scope");
	pr_xval(p, &counter_scopes, w[1], "COUNTER_SCOPE_???");
	pr_field(p, "parent");
	pr_uint(p, w[2]);
	pr_field(p, "id");
	pr_uint(p, w[3]);
	pr_struct_end(p);
	pr_field(p, "event");
	pr_xval(p, &counter_event_types, w[4], "COUNTER_EVENT_???");
	pr_field(p, "channel");
	pr_uint(p, w[5]);
	pr_struct_end(p);
}

int counter_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case 0x40063e00:	/* COUNTER_ADD_WATCH_IOCTL */
		print_counter_watch(sc, arg);
		return IOC_ARG_DONE;
	case 0x3e01:		/* COUNTER_ENABLE_EVENTS_IOCTL */
	case 0x3e02:		/* COUNTER_DISABLE_EVENTS_IOCTL */
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}

/* ---- nsfs (linux/nsfs.h) ---- */

STATIC_XLAT(ns_types,
	{ 0x00000080, "CLONE_NEWTIME" }, { 0x00020000, "CLONE_NEWNS" },
	{ 0x02000000, "CLONE_NEWCGROUP" }, { 0x04000000, "CLONE_NEWUTS" },
	{ 0x08000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" },
	{ 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" });

int nsfs_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	uint32_t uid;

	switch (code) {
	case 0xb701:		/* NS_GET_USERNS: returns an fd */
	case 0xb702:		/* NS_GET_PARENT */
		return IOC_ARG_DONE | RV_FD;
	case 0xb703:		/* NS_GET_NSTYPE: the type, named after the result */
		if (!sc->exiting)
			return IOC_LATER;
		if (!sc_failed(sc) && xlat_lookup(&ns_types, (uint64_t)sc->rval))
			snprintf(sc->aux, sizeof(sc->aux), "%s",
				 xlat_lookup(&ns_types, (uint64_t)sc->rval));
		return IOC_ARG_DONE | RV_DEC | RV_AUX;
	case 0xb704:		/* NS_GET_OWNER_UID */
		if (!sc->exiting)
			return IOC_LATER;
		if (fetch_or_print_addr(sc, arg, &uid, sizeof(uid))) {
			if (uid == UINT32_MAX)
				pr_text(sc->p, "[-1]");
			else
				pr_textf(sc->p, "[%u]", uid);
		}
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}

/* ---- nbd (linux/nbd.h) ---- */

STATIC_XLAT(nbd_flags,
	{ 1 << 0, "NBD_FLAG_HAS_FLAGS" }, { 1 << 1, "NBD_FLAG_READ_ONLY" },
	{ 1 << 2, "NBD_FLAG_SEND_FLUSH" }, { 1 << 3, "NBD_FLAG_SEND_FUA" },
	{ 1 << 4, "NBD_FLAG_ROTATIONAL" }, { 1 << 5, "NBD_FLAG_SEND_TRIM" },
	{ 1 << 6, "NBD_FLAG_SEND_WRITE_ZEROES" }, { 1 << 7, "NBD_FLAG_SEND_DF" },
	{ 1 << 8, "NBD_FLAG_CAN_MULTI_CONN" }, { 1 << 9, "NBD_FLAG_SEND_RESIZE" },
	{ 1 << 10, "NBD_FLAG_SEND_CACHE" });

int nbd_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case 0xab03: case 0xab04: case 0xab05: case 0xab06: case 0xab08:
		return IOC_ARG_DONE;	/* DO_IT, CLEAR_SOCK, CLEAR_QUE, PRINT_DEBUG, DISCONNECT */
	case 0xab00:		/* NBD_SET_SOCK */
		print_fd(sc, (int)arg);
		return IOC_ARG_DONE;
	case 0xab01: case 0xab02: case 0xab07: case 0xab09:
		pr_uint(sc->p, arg);	/* SET_BLKSIZE, SET_SIZE, SET_SIZE_BLOCKS, SET_TIMEOUT */
		return IOC_ARG_DONE;
	case 0xab0a:		/* NBD_SET_FLAGS */
		pr_flags(sc->p, &nbd_flags, (uint32_t)arg, "NBD_IOC_FLAG_???");
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}

/* ---- perf (linux/perf_event.h) ---- */

STATIC_XLAT(perf_ioctl_flags, { 1, "PERF_IOC_FLAG_GROUP" });

static bool print_u32_elem(struct sc *sc, const void *elem, void *data)
{
	uint32_t v;
	memcpy(&v, elem, sizeof(v));
	pr_uint(sc->p, v);
	return true;
}

/*
 * PERF_EVENT_IOC_QUERY_BPF: struct perf_event_query_bpf {ids_len, prog_cnt, ids[]}, ids_len
 * at entry with the struct left open, the programs the kernel wrote at exit.
 */
static int perf_query_bpf(struct sc *sc, uint64_t arg)
{
	uint32_t v;
	struct pr *p = sc->p;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &v, sizeof(v)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "ids_len");
		pr_uint(p, v);
		return IOC_LATER;
	}
	if (sc_failed(sc) || umove(sc, arg + 4, &v, sizeof(v))) {
		pr_more(p);
	} else {
		pr_field(p, "prog_cnt");
		pr_uint(p, v);
		pr_field(p, "ids");
		print_array(sc, arg + 8, v, sizeof(uint32_t), 0, print_u32_elem, NULL);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

int perf_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case 0x2400: case 0x2401: case 0x2403:	/* ENABLE, DISABLE, RESET */
		pr_flags(sc->p, &perf_ioctl_flags, (uint32_t)arg, "PERF_IOC_FLAG_???");
		return IOC_ARG_DONE;
	case 0x2402:		/* PERF_EVENT_IOC_REFRESH */
		pr_int(sc->p, (int32_t)arg);
		return IOC_ARG_DONE;
	case 0x40082404:	/* PERF_EVENT_IOC_PERIOD */
		print_u64_at(sc, arg);
		return IOC_ARG_DONE;
	case 0x2405:		/* PERF_EVENT_IOC_SET_OUTPUT */
	case 0x40042408:	/* PERF_EVENT_IOC_SET_BPF */
		print_fd(sc, (int)arg);
		return IOC_ARG_DONE;
	case 0x40042409:	/* PERF_EVENT_IOC_PAUSE_OUTPUT */
		pr_uint(sc->p, arg);
		return IOC_ARG_DONE;
	case 0x40082406:	/* PERF_EVENT_IOC_SET_FILTER: a NUL-terminated filter string */
		print_str(sc, arg);
		return IOC_ARG_DONE;
	case 0xc008240a:	/* PERF_EVENT_IOC_QUERY_BPF */
		return perf_query_bpf(sc, arg);
	case 0x4008240b:	/* PERF_EVENT_IOC_MODIFY_ATTRIBUTES */
		print_perf_event_attr_at(sc, arg);
		return IOC_ARG_DONE;
	case 0x80082407:	/* PERF_EVENT_IOC_ID */
		if (!sc->exiting)
			return IOC_LATER;
		print_u64_at(sc, arg);
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}

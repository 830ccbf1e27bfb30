/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the device-mapper requests of linux/dm-ioctl.h (type 0xfd). Each passes a struct
 * dm_ioctl header followed, from data_start up to data_size bytes, by a payload of its
 * own: target specs (TABLE_LOAD in, TABLE_STATUS and DEV_WAIT out), a dependency list, the
 * device or target-version lists, a target message, a new name or a geometry string. The
 * header prints at entry and again after " => " when the kernel changed it; the payload
 * shows with -v only.
 */
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/dm-ioctl.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/xlat_file.h"

/* Dropped from the uapi header but still set by the kernel. */
#define K_DM_EXISTS_FLAG (1u << 2)

STATIC_XLAT(dm_flags,
	XLAT_PAIR(DM_READONLY_FLAG), XLAT_PAIR(DM_SUSPEND_FLAG),
	{ K_DM_EXISTS_FLAG, "DM_EXISTS_FLAG" }, XLAT_PAIR(DM_PERSISTENT_DEV_FLAG),
	XLAT_PAIR(DM_STATUS_TABLE_FLAG), XLAT_PAIR(DM_ACTIVE_PRESENT_FLAG),
	XLAT_PAIR(DM_INACTIVE_PRESENT_FLAG), XLAT_PAIR(DM_BUFFER_FULL_FLAG),
	XLAT_PAIR(DM_SKIP_BDGET_FLAG), XLAT_PAIR(DM_SKIP_LOCKFS_FLAG), XLAT_PAIR(DM_NOFLUSH_FLAG),
	XLAT_PAIR(DM_QUERY_INACTIVE_TABLE_FLAG), XLAT_PAIR(DM_UEVENT_GENERATED_FLAG),
	XLAT_PAIR(DM_UUID_FLAG), XLAT_PAIR(DM_SECURE_DATA_FLAG), XLAT_PAIR(DM_DATA_OUT_FLAG),
	XLAT_PAIR(DM_DEFERRED_REMOVE), XLAT_PAIR(DM_INTERNAL_SUSPEND_FLAG),
	XLAT_PAIR(DM_IMA_MEASUREMENT_FLAG));

/* The header without its payload. */
#define DM_HDR_SIZE offsetof(struct dm_ioctl, data)

static void field_u(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

static void field_u32_array(struct pr *p, const char *name, const uint32_t *v, size_t n)
{
	pr_field(p, name);
	pr_array_begin(p);
	for (size_t i = 0; i < n; i++)
		pr_uint(p, v[i]);
	pr_array_end(p);
}

static bool has_data_start(uint32_t code)
{
	switch (code) {
	case DM_VERSION: case DM_REMOVE_ALL: case DM_DEV_CREATE: case DM_DEV_REMOVE:
	case DM_DEV_SUSPEND: case DM_DEV_STATUS: case DM_TABLE_CLEAR: case DM_DEV_ARM_POLL:
		return false;
	}
	return true;
}

/* The counters the kernel reports back after a successful request that names a device. */
static bool reports_counters(uint32_t code)
{
	switch (code) {
	case DM_DEV_CREATE: case DM_DEV_RENAME: case DM_DEV_SUSPEND: case DM_DEV_STATUS:
	case DM_DEV_WAIT: case DM_TABLE_LOAD: case DM_TABLE_CLEAR: case DM_TABLE_DEPS:
	case DM_TABLE_STATUS: case DM_TARGET_MSG:
		return true;
	}
	return false;
}

/* The header; false when its version or size leave the rest unknown. */
static bool print_header(struct sc *sc, uint32_t code, const struct dm_ioctl *d)
{
	struct pr *p = sc->p;
	bool whole = false;

	pr_struct_begin(p);
	field_u32_array(p, "version", d->version, 3);
	if (d->version[0] != DM_VERSION_MAJOR) {
		pr_comment(p, "unsupported device mapper ABI version");
		goto out;
	}
	field_u(p, "data_size", d->data_size);
	if (d->data_size < DM_HDR_SIZE) {
		pr_comment(p, "data_size too small");
		goto out;
	}
	if (has_data_start(code))
		field_u(p, "data_start", d->data_start);
	if (code != DM_REMOVE_ALL && code != DM_LIST_DEVICES && code != DM_LIST_VERSIONS) {
		if (d->dev) {
			pr_field(p, "dev");
			pr_dev(p, d->dev);
		}
		if (d->name[0]) {
			pr_field(p, "name");
			ioc_print_cstr(p, d->name, sizeof(d->name));
		}
		if (d->uuid[0]) {
			pr_field(p, "uuid");
			ioc_print_cstr(p, d->uuid, sizeof(d->uuid));
		}
	}
	if (!sc->exiting) {
		if (code == DM_TABLE_LOAD)
			field_u(p, "target_count", d->target_count);
		else if ((code == DM_DEV_SUSPEND && !(d->flags & DM_SUSPEND_FLAG)) ||
			 code == DM_DEV_RENAME || code == DM_DEV_REMOVE || code == DM_DEV_WAIT)
			field_u(p, "event_nr", d->event_nr);
	} else if (!sc_failed(sc) && reports_counters(code)) {
		field_u(p, "target_count", d->target_count);
		field_u(p, "open_count", d->open_count);
		field_u(p, "event_nr", d->event_nr);
	}
	pr_field(p, "flags");
	pr_flags(p, &dm_flags, d->flags, "DM_???");
	whole = true;
out:
	pr_struct_end(p);
	return whole;
}

/* "???" with a comment saying which payload struct lies outside the data. */
static void print_misplaced(struct pr *p, const char *what)
{
	pr_text(p, "???");
	pr_comment(p, "misplaced %s", what);
}

/* Does D carry a payload to print? Not when it has none; abbreviated, its "..." only. */
static bool payload_shown(struct sc *sc, const struct dm_ioctl *d)
{
	if (d->data_start == d->data_size)
		return false;
	if (!sc->verbose) {
		pr_more(sc->p);
		return false;
	}
	return true;
}

/* A NUL-terminated string at OFFSET of the payload, bounded by data_size. */
static void print_payload_str(struct sc *sc, uint64_t arg, const struct dm_ioctl *d,
			      uint32_t offset)
{
	print_str_upto(sc, arg + offset, d->data_size - offset);
}

static void print_target_specs(struct sc *sc, uint64_t arg, const struct dm_ioctl *d)
{
	struct pr *p = sc->p;
	uint32_t offset = d->data_start, end = 0;

	if (!sc->verbose) {
		if (d->target_count)
			pr_more(p);
		return;
	}
	for (uint32_t i = 0; i < d->target_count; i++) {
		if (i && offset <= end)
			return print_misplaced(p, "struct dm_target_spec");
		end = offset + sizeof(struct dm_target_spec);
		if (end <= offset || end > d->data_size)
			return print_misplaced(p, "struct dm_target_spec");
		if (i >= (uint32_t)str_limit(sc)) {
			pr_more(p);
			return;
		}
		struct dm_target_spec s;
		if (!fetch_or_print_addr(sc, arg + offset, &s, sizeof(s)))
			return;
		pr_struct_begin(p);
		field_u(p, "sector_start", s.sector_start);
		field_u(p, "length", s.length);
		if (sc->exiting) {
			pr_field(p, "status");
			pr_int(p, s.status);
		}
		pr_field(p, "target_type");
		ioc_print_cstr(p, s.target_type, sizeof(s.target_type));
		pr_field(p, "string");
		print_payload_str(sc, arg, d, end);
		pr_struct_end(p);
		/* next counts from this spec going in, from data_start coming back. */
		offset = sc->exiting ? d->data_start + s.next : offset + s.next;
	}
}

static bool print_dev_elem(struct sc *sc, const void *elem, void *data)
{
	uint64_t dev;
	memcpy(&dev, elem, sizeof(dev));
	pr_dev(sc->p, dev);
	return true;
}

static void print_target_deps(struct sc *sc, uint64_t arg, const struct dm_ioctl *d)
{
	struct pr *p = sc->p;
	uint32_t offset = d->data_start, end = offset + offsetof(struct dm_target_deps, dev);
	struct dm_target_deps s;

	if (!payload_shown(sc, d))
		return;
	if (end <= offset || end > d->data_size)
		return print_misplaced(p, "struct dm_target_deps");
	if (!fetch_or_print_addr(sc, arg + offset, &s, sizeof(s)))
		return;
	if (s.count > (d->data_size - end) / sizeof(uint64_t))
		return print_misplaced(p, "struct dm_target_deps");
	pr_struct_begin(p);
	field_u(p, "count", s.count);
	pr_field(p, "deps");
	print_array(sc, arg + end, s.count, sizeof(uint64_t), 0, print_dev_elem, NULL);
	pr_struct_end(p);
}

/*
 * The chained lists of DM_LIST_DEVICES (struct dm_name_list: dev, next, name) and
 * DM_LIST_VERSIONS (struct dm_target_versions: next, version[3], name).
 */
static void print_name_chain(struct sc *sc, uint64_t arg, const struct dm_ioctl *d, bool devices)
{
	struct pr *p = sc->p;
	const char *what = devices ? "struct dm_name_list" : "struct dm_target_versions";
	size_t name_off = devices ? offsetof(struct dm_name_list, name)
				  : offsetof(struct dm_target_versions, name);
	uint32_t offset = d->data_start, end = 0;

	if (!payload_shown(sc, d))
		return;
	for (uint32_t count = 0;; count++) {
		if (count && offset <= end)
			return print_misplaced(p, what);
		end = offset + (uint32_t)name_off;
		if (end <= offset || end > d->data_size)
			return print_misplaced(p, what);
		if (count >= (uint32_t)str_limit(sc)) {
			pr_more(p);
			return;
		}
		union {
			struct dm_name_list dev;
			struct dm_target_versions ver;
		} s;
		if (!fetch_or_print_addr(sc, arg + offset, &s, name_off))
			return;
		uint32_t next = devices ? s.dev.next : s.ver.next;
		pr_struct_begin(p);
		if (devices) {
			pr_field(p, "dev");
			pr_dev(p, s.dev.dev);
		}
		pr_field(p, "name");
		print_payload_str(sc, arg, d, end);
		if (!devices)
			field_u32_array(p, "version", s.ver.version, 3);
		pr_struct_end(p);
		if (!next)
			return;
		offset += next;
	}
}

static void print_target_msg(struct sc *sc, uint64_t arg, const struct dm_ioctl *d)
{
	struct pr *p = sc->p;
	uint32_t offset = d->data_start, end = offset + offsetof(struct dm_target_msg, message);
	struct dm_target_msg s;

	if (!payload_shown(sc, d))
		return;
	if (end <= offset || end > d->data_size)
		return print_misplaced(p, "struct dm_target_msg");
	if (!fetch_or_print_addr(sc, arg + offset, &s, sizeof(s)))
		return;
	pr_struct_begin(p);
	field_u(p, "sector", s.sector);
	pr_field(p, "message");
	print_payload_str(sc, arg, d, end);
	pr_struct_end(p);
}

static void print_string(struct sc *sc, uint64_t arg, const struct dm_ioctl *d)
{
	struct pr *p = sc->p;

	if (!sc->verbose) {
		pr_more(p);
		return;
	}
	if (d->data_start > d->data_size)
		return print_misplaced(p, "string");
	pr_struct_begin(p);
	pr_field(p, "string");
	print_payload_str(sc, arg, d, d->data_start);
	pr_struct_end(p);
}

static void print_payload(struct sc *sc, uint32_t code, uint64_t arg, const struct dm_ioctl *d)
{
	bool out = sc->exiting && !sc_failed(sc);

	switch (code) {
	case DM_DEV_WAIT: case DM_TABLE_STATUS:
		if (out)
			print_target_specs(sc, arg, d);
		break;
	case DM_TABLE_LOAD:
		if (!sc->exiting)
			print_target_specs(sc, arg, d);
		break;
	case DM_TABLE_DEPS:
		if (out)
			print_target_deps(sc, arg, d);
		break;
	case DM_LIST_DEVICES: case DM_LIST_VERSIONS:
		if (out)
			print_name_chain(sc, arg, d, code == DM_LIST_DEVICES);
		break;
	case DM_TARGET_MSG:
		if (!sc->exiting)
			print_target_msg(sc, arg, d);
		else if (out && (d->flags & DM_DATA_OUT_FLAG))
			print_string(sc, arg, d);
		break;
	case DM_DEV_RENAME: case DM_DEV_SET_GEOMETRY:
		if (!sc->exiting)
			print_string(sc, arg, d);
		break;
	}
}

/*
 * What entry keeps in sc->priv[0..2] to tell whether the kernel changed the header: the
 * version, sizes and flags, two 32-bit words to a slot (sc->priv[3] is the printer's own).
 */
static void pack_header(uint64_t packed[3], const struct dm_ioctl *d)
{
	packed[0] = d->version[0] | (uint64_t)d->version[1] << 32;
	packed[1] = d->version[2] | (uint64_t)d->data_size << 32;
	packed[2] = d->data_start | (uint64_t)d->flags << 32;
}

static bool header_changed(const struct sc *sc, const struct dm_ioctl *d)
{
	uint64_t now[3];
	pack_header(now, d);
	return memcmp(now, sc->priv, sizeof(now)) != 0;
}

static bool is_dm_request(uint32_t code)
{
	switch (code) {
	case DM_VERSION: case DM_REMOVE_ALL: case DM_LIST_DEVICES: case DM_DEV_CREATE:
	case DM_DEV_REMOVE: case DM_DEV_RENAME: case DM_DEV_SUSPEND: case DM_DEV_STATUS:
	case DM_DEV_WAIT: case DM_TABLE_LOAD: case DM_TABLE_CLEAR: case DM_TABLE_DEPS:
	case DM_TABLE_STATUS: case DM_LIST_VERSIONS: case DM_TARGET_MSG:
	case DM_DEV_SET_GEOMETRY: case DM_DEV_ARM_POLL:
		return true;
	}
	return false;
}

int dm_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct dm_ioctl d;

	if (!is_dm_request(code))
		return IOC_ARG_HEX;
	/* A header that cannot be read, or too short to say its size, prints as an address. */
	if (umove(sc, arg, &d, DM_HDR_SIZE) ||
	    d.data_size < offsetof(struct dm_ioctl, data_size))
		return sc->exiting ? IOC_ARG_HEX : IOC_LATER;
	if (!sc->exiting) {
		pack_header(sc->priv, &d);
	} else {
		if (sc_failed(sc) && !header_changed(sc, &d))
			return IOC_ARG_DONE;
		pr_join(sc->p, " => ");
	}
	pr_array_begin(sc->p);
	if (print_header(sc, code, &d))
		print_payload(sc, code, arg, &d);
	pr_array_end(sc->p);
	return sc->exiting ? IOC_ARG_DONE : IOC_LATER;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysdig's container events (CONTAINER_JSON_E, CONTAINER_JSON_2_E): one JSON
 * parameter, {"container": {"id", "type", "name", "image", "imageid", ...}}, that tells a
 * reader a container's name and image. Written state-only (dump flag 1): readers learn from
 * it and do not show it.
 */
#ifndef SYSRAY_CAPTURE_CONTAINER_EVENT_H
#define SYSRAY_CAPTURE_CONTAINER_EVENT_H

#include <stdbool.h>
#include <stddef.h>

#include "procfs/container_api.h"
#include "schema/event_codes.h"

static inline bool scap_is_container_event(unsigned type)
{
	return type == PPME_CONTAINER_JSON_E || type == PPME_CONTAINER_JSON_2_E;
}

/* The JSON for container ID (12 hex digits) described by M; free() it. */
char *container_event_json(const char *id, const struct container_meta *m);

/* Reads a container event's JSON (LEN bytes) into ID and M. */
bool container_event_parse(const char *json, size_t len, char id[16], struct container_meta *m);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/* Falco's alert, text line and JSON object, for one rule that matched one event. */
#ifndef SYSRAY_DETECT_ALERT_FORMAT_H
#define SYSRAY_DETECT_ALERT_FORMAT_H

#include "detect/alert.h"
#include "detect/options.h"
#include "detect/rules.h"
#include "fields/sysdig.h"
#include "output/out.h"

/* Where an alert's strings are built; reused from alert to alert. */
struct alert_buf {
	struct out message, text, json;
	char hostname[256];
};

void alert_buf_init(struct alert_buf *b);
void alert_buf_free(struct alert_buf *b);

/*
 * Fills A for rule R matching EV (CTX the run's field context, after the state has seen EV):
 * the message (R's output, <NA> for absent fields, Falco's container suffix and sysray's
 * ancestry), the text line `HH:MM:SS.nnnnnnnnn: Priority message` (ISO 8601 with
 * time_format_iso_8601) and the JSON object. A's strings live in B until the next call.
 */
void alert_format(struct alert_buf *b, const struct rule *r, const struct scap_event *ev,
		  struct field_ctx *ctx, const struct detect_options *o, struct alert *a);

#endif

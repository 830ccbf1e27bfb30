/* SPDX-License-Identifier: Apache-2.0 */
/* The v2 event record (reference §10.1): parsed into parameter views. */
#include "capture/scap_event.h"

#include <stdio.h>
#include <string.h>

#include "capture/scap_format.h"

int scap_event_parse(const uint8_t *rec, size_t avail, struct scap_event *ev,
		     struct scap_param *params, size_t max_params, char *err, size_t errlen)
{
	if (avail < SCAP_EVENT_HDR_V2) {
		snprintf(err, errlen, "event record of %zu bytes is shorter than its header",
			 avail);
		return -1;
	}
	ev->ts = get_le64(rec);
	ev->tid = (int64_t)get_le64(rec + 8);
	ev->len = get_le32(rec + 16);
	ev->type = get_le16(rec + 20);
	ev->nparams = get_le32(rec + 22);
	ev->record = rec;
	ev->params = params;
	if (ev->len < SCAP_EVENT_HDR_V2 || ev->len > avail) {
		snprintf(err, errlen, "event length %u does not fit its block (%zu bytes)", ev->len,
			 avail);
		return -1;
	}
	unsigned w = scap_event_len_width(ev->type);
	size_t room = ev->len - SCAP_EVENT_HDR_V2;

	if (ev->nparams > room / w || ev->nparams > max_params) {
		snprintf(err, errlen, "event type %u claims %u parameters in %u bytes", ev->type,
			 ev->nparams, ev->len);
		return -1;
	}
	const uint8_t *lens = rec + SCAP_EVENT_HDR_V2;
	size_t pos = SCAP_EVENT_HDR_V2 + (size_t)ev->nparams * w;

	for (uint32_t i = 0; i < ev->nparams; i++) {
		uint32_t l = w == 4 ? get_le32(lens + 4 * i) : get_le16(lens + 2 * i);

		if (l > ev->len - pos) {
			snprintf(err, errlen,
				 "parameter %u of event type %u (%u bytes) runs past the event's "
				 "%u bytes", i, ev->type, l, ev->len);
			return -1;
		}
		params[i].val = rec + pos;
		params[i].len = l;
		pos += l;
	}
	return 0;
}

const struct scap_param_info *scap_event_param_info(const struct scap_event *ev, unsigned i)
{
	const struct scap_event_info *info = scap_event_info(ev->type);

	if (!info || (int)i >= info->nparams)
		return NULL;
	return &info->params[i];
}

const char *scap_event_name(const struct scap_event *ev)
{
	const struct scap_event_info *info = scap_event_info(ev->type);

	return info ? info->name : NULL;
}

bool scap_param_u64(const struct scap_param *p, uint64_t *v)
{
	switch (p->len) {
	case 1:
		*v = p->val[0];
		return true;
	case 2:
		*v = get_le16(p->val);
		return true;
	case 4:
		*v = get_le32(p->val);
		return true;
	case 8:
		*v = get_le64(p->val);
		return true;
	default:
		return false;
	}
}

bool scap_param_s64(const struct scap_param *p, int64_t *v)
{
	uint64_t u;

	if (!scap_param_u64(p, &u))
		return false;
	switch (p->len) {
	case 1:
		*v = (int8_t)u;
		break;
	case 2:
		*v = (int16_t)u;
		break;
	case 4:
		*v = (int32_t)u;
		break;
	default:
		*v = (int64_t)u;
	}
	return true;
}

const char *scap_param_str(const struct scap_param *p)
{
	if (!p->len || p->val[p->len - 1] != '\0')
		return NULL;
	return (const char *)p->val;
}

size_t scap_event_record_len(unsigned type, uint32_t nparams, const struct scap_param *params)
{
	size_t len = SCAP_EVENT_HDR_V2 + (size_t)nparams * scap_event_len_width(type);

	for (uint32_t i = 0; i < nparams; i++)
		len += params[i].len;
	return len;
}

/* SPDX-License-Identifier: Apache-2.0 */
/* Parsers of the metadata blocks (machine info, interface, user, process and fd lists) into
 * a struct scap_meta. Each takes the block body (between the 8-byte header and the trailer,
 * padding included) and returns 0, or -1 with a reason in ERR and *AT set to the offset of
 * the problem inside the body. */
#ifndef SYSRAY_CAPTURE_SCAP_META_PARSE_H
#define SYSRAY_CAPTURE_SCAP_META_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "capture/scap_meta.h"

struct scap_meta_err {
	char msg[200];
	size_t at;
};

int scap_parse_mi(struct scap_meta *m, const uint8_t *body, size_t len, struct scap_meta_err *e);
int scap_parse_il(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		  struct scap_meta_err *e);
int scap_parse_ul(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		  struct scap_meta_err *e);
int scap_parse_pl(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		  struct scap_meta_err *e);
int scap_parse_fdl(struct scap_meta *m, uint32_t bt, const uint8_t *body, size_t len,
		   struct scap_meta_err *e);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Event parameters rendered as sysdig 0.29 prints them in %evt.args and %evt.info:
 * `fd=3(<f>/etc/passwd)`, `res=-2(ENOENT)`, `flags=4097(O_RDONLY|O_CLOEXEC)`, buffers with
 * non-printable bytes as dots (or -A / -X styles).
 */
#ifndef SYSRAY_FORMAT_RENDER_H
#define SYSRAY_FORMAT_RENDER_H

#include <stdbool.h>

#include "capture/scap_event.h"
#include "output/out.h"
#include "state/state.h"

enum buf_format {
	BUF_NORMAL,	/* printable ASCII, other bytes as '.' */
	BUF_ASCII,	/* -A: printable ASCII plus newlines and tabs */
	BUF_HEX,	/* -X: hex and ASCII */
	BUF_HEX_ONLY,	/* -x: hex */
	BUF_BASE64,	/* -b: base64 */
};

/* The bytes P[0..N) as sysdig prints a buffer in format BF. */
void render_bytes(const uint8_t *p, size_t n, enum buf_format bf, struct out *o);

/* The number of parameters sysdig 0.29 shows for EV: those present, at most its table's. */
unsigned render_nparams(const struct scap_event *ev);

/*
 * Parameter I of EV: the value into VAL and sysdig's resolved form (the part it shows in
 * parentheses: a file name, errno or flag names) into RES; RES stays empty when there is
 * none. Both are NUL-terminated.
 */
void render_param(const struct state *st, const struct scap_event *ev, unsigned i,
		  enum buf_format bf, struct out *val, struct out *res);

/* The type parameter I of EV is printed as: a PT_DYN parameter's selected alternative. */
enum scap_param_type render_param_type(const struct scap_event *ev, unsigned i);

/* `name=value(resolved) ` for every parameter: %evt.args. TRUNCATE: buffers longer than 80
 * characters end in "..." (sysdig's text output; its JSON output keeps them whole). */
void render_args(const struct state *st, const struct scap_event *ev, enum buf_format bf,
		 bool truncate, struct out *o);

/* The event's name as evt.type shows it: generic events show their syscall's name. */
const char *render_event_type(const struct scap_event *ev);

/* sysdig's typechar of an fd type ('f', '4', 'u', ...). */
char render_fd_typechar(unsigned type);
/* sysdig's fd.type names ("file", "ipv4", "unix", ...). */
const char *render_fd_typename(unsigned type);

#endif

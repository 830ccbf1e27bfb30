/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A filtered capture keeps only the state its matched events need. Written as is, `-w` with
 * a filter would also store every process's execve (its arguments and environment, as
 * state-only events) and the whole /proc snapshot: secrets of processes the user never asked
 * for. So a filtered file is written in two passes:
 *
 *	pass 1 (while capturing): every event goes to a spool, a whole capture next to the
 *	output (0600), and needed_state_note() records the event's thread group and, for a
 *	matched event, marks that group and its ancestors as needed;
 *	pass 2 (when the file ends: -C/-G rotation, -M, SIGINT, end of input):
 *	needed_state_finish() copies from the spool into the output the matched events, the
 *	state events and metadata of the needed groups, and the container descriptions.
 *
 * A matched group keeps everything; an ancestor that matched nothing itself keeps what
 * proc.aname, proc.pname and proc.pcmdline read (names, arguments, cwd, ids) but not its
 * environment. Every other process leaves no trace in the file.
 */
#ifndef SYSRAY_PIPELINE_NEEDED_STATE_H
#define SYSRAY_PIPELINE_NEEDED_STATE_H

#include <stdbool.h>

#include "capture/scap_event.h"
#include "state/state.h"

struct needed_state;

/* NULL with a message on ERR when no temporary index file can be made. */
struct needed_state *needed_state_new(char *err, size_t errlen);
void needed_state_free(struct needed_state *ns);

/* Pass 1: EV was just written to the spool (the state has seen it); MATCHED: the filter
 * accepted it. Call once per event written, in order. */
void needed_state_note(struct needed_state *ns, const struct state *st,
		       const struct scap_event *ev, bool matched);

/* Pass 2: writes OUT (gzip or not, 0600) from the spool SPOOL, then forgets what pass 1
 * noted. Returns 0, or -1 with a message naming the file in ERR. */
int needed_state_finish(struct needed_state *ns, const char *spool, const char *out, bool gzip,
			char *err, size_t errlen);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * --metrics-addr ADDR:PORT: the run's counters in Prometheus' text exposition format 0.0.4,
 * served on GET /metrics by a thread of its own (plain sockets, HTTP/1.1 and 1.0, one request
 * per connection). It reads the engine's struct detect_stats and the outputs' counters, all
 * atomics, while the run goes on.
 *
 *	m = metrics_start("127.0.0.1:9376", &stats, alert_outputs_stats(o), err, sizeof(err));
 *	...
 *	metrics_stop(m);	(the thread is joined and the port closed)
 */
#ifndef SYSRAY_DETECT_METRICS_H
#define SYSRAY_DETECT_METRICS_H

#include <stddef.h>

#include "detect/alert.h"
#include "detect/outputs.h"

/* The exposition text, a new string: every metric with its HELP and TYPE lines. */
char *metrics_render(const struct detect_stats *ds, const struct alert_output_stats *os);

struct metrics_server;

/* ADDR:PORT: an IPv4 address, [IPv6] or a host name, then a port (0: any free one; the
 * address is printed). NULL with the reason in ERR when the address is wrong or taken. */
struct metrics_server *metrics_start(const char *addr, const struct detect_stats *ds,
				     const struct alert_output_stats *os, char *err,
				     size_t errlen);
void metrics_stop(struct metrics_server *m);

#endif

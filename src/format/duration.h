/* SPDX-License-Identifier: Apache-2.0 */
/* A duration as sysdig shows it to people (evt.latency.human, csysdig's time columns). */
#ifndef SYSRAY_FORMAT_DURATION_H
#define SYSRAY_FORMAT_DURATION_H

#include <stdint.h>

#include "output/out.h"

/* NS nanoseconds as 01:02:03, 2:03, 1.25s, 12ms, 1.50ms, 20us, 1.50us or 15ns: two decimals
 * only where the unit's integer part has one digit, each part truncated, not rounded. */
void format_duration(struct out *o, uint64_t ns);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#include "format/duration.h"

void format_duration(struct out *o, uint64_t v)
{
	const uint64_t us = 1000, ms = 1000 * us, s = 1000 * ms;

	if (v >= 3600 * s)
		out_printf(o, "%.2u:%.2u:%.2u", (unsigned)(v / (3600 * s)),
			   (unsigned)(v / (60 * s) % 60), (unsigned)(v / s % 60));
	else if (v >= 60 * s)
		out_printf(o, "%u:%u", (unsigned)(v / (60 * s)), (unsigned)(v / s % 60));
	else if (v >= s)
		out_printf(o, "%u.%02us", (unsigned)(v / s), (unsigned)(v % s / (10 * ms)));
	else if (v >= 10 * ms)
		out_printf(o, "%ums", (unsigned)(v / ms));
	else if (v >= ms)
		out_printf(o, "%u.%02ums", (unsigned)(v / ms), (unsigned)(v % ms / (10 * us)));
	else if (v >= 10 * us)
		out_printf(o, "%uus", (unsigned)(v / us));
	else if (v >= us)
		out_printf(o, "%u.%02uus", (unsigned)(v / us), (unsigned)(v % us / 10));
	else
		out_printf(o, "%uns", (unsigned)v);
}

/* SPDX-License-Identifier: Apache-2.0 */
/* The counters as Prometheus text exposition format 0.0.4: "# HELP", "# TYPE", then one
 * sample per line; label values escape backslash, double quote and newline. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "detect/metrics.h"
#include "util/util.h"

static void label_value(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", f);
		else if (*s == '"')
			fputs("\\\"", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void header(FILE *f, const char *name, const char *help)
{
	fprintf(f, "# HELP %s %s\n# TYPE %s counter\n", name, help, name);
}

static void counter(FILE *f, const char *name, const char *help, uint64_t v)
{
	header(f, name, help);
	fprintf(f, "%s %" PRIu64 "\n", name, v);
}

char *metrics_render(const struct detect_stats *ds, const struct alert_output_stats *os)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		die("out of memory");
	counter(f, "sysray_events_total", "Events offered to the rules.",
		atomic_load(&ds->events));
	counter(f, "sysray_drops_total", "Events the capture lost before sysray read them.",
		atomic_load(&ds->drops));
	header(f, "sysray_alerts_total", "Alerts raised, by rule and priority.");
	for (size_t i = 0; i < ds->nrules; i++) {
		fputs("sysray_alerts_total{rule=", f);
		label_value(f, ds->rule_names[i]);
		fputs(",priority=", f);
		label_value(f, rule_priority_name(ds->rule_priorities[i]));
		fprintf(f, "} %" PRIu64 "\n", atomic_load(&ds->alerts_by_rule[i]));
	}
	header(f, "sysray_alerts_by_priority_total", "Alerts raised, by priority.");
	for (int p = 0; p < PRIO_COUNT; p++)
		fprintf(f, "sysray_alerts_by_priority_total{priority=\"%s\"} %" PRIu64 "\n",
			rule_priority_name((enum rule_priority)p),
			atomic_load(&ds->alerts_by_priority[p]));
	header(f, "sysray_rule_eval_seconds_total", "Time spent evaluating rule conditions.");
	fprintf(f, "sysray_rule_eval_seconds_total %.9f\n",
		(double)atomic_load(&ds->eval_ns) / 1e9);
	counter(f, "sysray_alerts_throttled_total", "Alerts dropped by the outputs.rate limit.",
		atomic_load(&os->throttled));
	counter(f, "sysray_alerts_collapsed_total",
		"Alerts folded into the repeat count of an identical one (outputs.collapse).",
		atomic_load(&os->collapsed));
	counter(f, "sysray_output_errors_total",
		"Failed deliveries of alerts: writes, program runs and HTTP POSTs.",
		atomic_load(&os->errors));
	if (fclose(f))
		die("out of memory");
	return text;
}

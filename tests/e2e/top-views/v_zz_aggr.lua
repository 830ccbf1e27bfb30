-- SPDX-License-Identifier: Apache-2.0
-- A test view for 87-top: every numeric aggregation per thread, then per process name (the
-- groupby), on exit events; no defaults, so the thread-table pass adds nothing.
view_info = {
	id = "zz_aggr",
	name = "ZZ Aggregations",
	description = "Aggregations of the exit events' latency and count, per process name.",
	view_type = "table",
	applies_to = { "" },
	filter = "evt.dir=<",
	columns = {
		{ name = "NA", field = "thread.tid", is_key = true },
		{ name = "NA", field = "proc.name", is_groupby_key = true },
		{ name = "MINLAT", field = "evt.latency", colsize = 10, aggregation = "MIN",
		  groupby_aggregation = "MIN" },
		{ name = "MAXLAT", field = "evt.latency", colsize = 10, aggregation = "MAX",
		  groupby_aggregation = "MAX" },
		{ name = "AVGLAT", field = "evt.latency", colsize = 10, aggregation = "AVG",
		  groupby_aggregation = "AVG" },
		{ name = "SUMAVG", field = "evt.latency", colsize = 10, aggregation = "AVG",
		  groupby_aggregation = "SUM" },
		{ name = "N", field = "evt.count", colsize = 8, aggregation = "SUM",
		  groupby_aggregation = "SUM", is_sorting = true },
		{ name = "RATE", field = "evt.count", colsize = 8, aggregation = "TIME_AVG",
		  groupby_aggregation = "SUM" },
		{ name = "NAME", field = "proc.name", colsize = 0 },
	},
}

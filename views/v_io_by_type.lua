-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'io_by_type', in csysdig's view format (a global table view_info).

view_info = {
	id = "io_by_type",
	name = "I/O by Type",
	description = "I/O grouped by the kind of file descriptor: files, sockets, pipes and " ..
		"so on.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid",
		"fd.sport", "fd.sproto", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id",
		"k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name",
		"mesos.task.id", "mesos.framework.name",
	},
	use_defaults = true,
	drilldown_target = "procs",
	columns = {
		{ name = "NA", field = "fd.type", is_key = true },
		{
			name = "BPS IN",
			field = "evt.buflen.in",
			colsize = 12,
			aggregation = "TIME_AVG",
		},
		{
			name = "BPS OUT",
			field = "evt.buflen.out",
			colsize = 12,
			aggregation = "TIME_AVG",
		},
		{
			name = "IOPS",
			field = "evt.count",
			colsize = 9,
			aggregation = "TIME_AVG",
			is_sorting = true,
		},
		{ name = "TIME", field = "evt.latency", colsize = 9, aggregation = "SUM" },
		{ name = "I/O Type", field = "fd.type", colsize = 0, aggregation = "SUM" },
	},
}

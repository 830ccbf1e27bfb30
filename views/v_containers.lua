-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'containers', in csysdig's view format (a global table view_info).

view_info = {
	id = "containers",
	name = "Containers",
	description = "Containers with the CPU, memory, processes, threads and I/O of what " ..
		"runs in them.",
	tags = { "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id",
		"marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "container.name != host",
	use_defaults = true,
	drilldown_target = "procs",
	columns = {
		{ name = "NA", field = "thread.tid", is_key = true },
		{
			name = "CPU",
			field = "thread.cpu",
			colsize = 8,
			aggregation = "AVG",
			groupby_aggregation = "SUM",
			is_sorting = true,
		},
		{
			name = "PROCS",
			field = "evt.count.procinfo",
			colsize = 8,
			aggregation = "AVG",
			groupby_aggregation = "SUM",
		},
		{
			name = "THREADS",
			field = "evt.count.threadinfo",
			colsize = 8,
			aggregation = "AVG",
			groupby_aggregation = "SUM",
		},
		{
			name = "VIRT",
			field = "thread.vmsize.b",
			colsize = 9,
			aggregation = "MAX",
			groupby_aggregation = "SUM",
		},
		{
			name = "RES",
			field = "thread.vmrss.b",
			colsize = 9,
			aggregation = "MAX",
			groupby_aggregation = "SUM",
		},
		{
			name = "FILE",
			field = "evt.buflen.file",
			colsize = 8,
			aggregation = "TIME_AVG",
			groupby_aggregation = "SUM",
		},
		{
			name = "NET",
			field = "evt.buflen.net",
			colsize = 8,
			aggregation = "TIME_AVG",
			groupby_aggregation = "SUM",
		},
		{ name = "NA", field = "container.id", is_groupby_key = true },
		{ name = "ENGINE", field = "container.type", colsize = 8 },
		{ name = "IMAGE", field = "container.image", colsize = 30 },
		{ name = "ID", field = "container.id", colsize = 13 },
		{ name = "NAME", field = "container.name", colsize = 0 },
	},
}

-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'procs', in csysdig's view format (a global table view_info).

view_info = {
	id = "procs",
	name = "Processes",
	description = "Every process with its CPU, memory, threads and file and network " ..
		"throughput, like top.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "fd.name", "fd.containername", "fd.sport", "fd.sproto",
		"evt.type", "fd.directory", "fd.containerdirectory", "fd.type", "k8s.pod.id",
		"k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id",
		"marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "evt.type!=switch",
	use_defaults = true,
	is_root = true,
	drilldown_target = "threads",
	columns = {
		{ name = "NA", field = "thread.tid", is_key = true },
		{ name = "NA", field = "proc.pid", is_groupby_key = true },
		{ name = "PID", field = "proc.pid", colsize = 7 },
		{ name = "PPID", field = "proc.ppid", colsize = 7 },
		{ name = "VPID", field = "proc.vpid", colsize = 8, tags = { "containers" } },
		{
			name = "CPU",
			field = "thread.cpu",
			colsize = 8,
			aggregation = "AVG",
			groupby_aggregation = "SUM",
			is_sorting = true,
		},
		{ name = "USER", field = "user.name", colsize = 12 },
		{
			name = "TH",
			field = "proc.nthreads",
			colsize = 5,
			aggregation = "MAX",
			groupby_aggregation = "MAX",
		},
		{
			name = "VIRT",
			field = "thread.vmsize.b",
			colsize = 9,
			aggregation = "MAX",
			groupby_aggregation = "MAX",
		},
		{
			name = "RES",
			field = "thread.vmrss.b",
			colsize = 9,
			aggregation = "MAX",
			groupby_aggregation = "MAX",
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
		{
			name = "CONTAINER",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

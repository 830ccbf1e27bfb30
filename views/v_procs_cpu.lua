-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'procs_cpu', in csysdig's view format (a global table view_info).

view_info = {
	id = "procs_cpu",
	name = "Processes CPU",
	description = "CPU use of every process, split into user and system time, with its " ..
		"system call count.",
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
		{ name = "PID", field = "proc.pid", colsize = 8 },
		{ name = "VPID", field = "proc.vpid", colsize = 8, tags = { "containers" } },
		{
			name = "TOT",
			field = "thread.cpu",
			colsize = 8,
			aggregation = "AVG",
			groupby_aggregation = "SUM",
			is_sorting = true,
		},
		{
			name = "USER",
			field = "thread.cpu.user",
			colsize = 8,
			aggregation = "AVG",
			groupby_aggregation = "SUM",
		},
		{
			name = "SYS",
			field = "thread.cpu.system",
			colsize = 8,
			aggregation = "AVG",
			groupby_aggregation = "SUM",
		},
		{
			name = "SYSCALLS",
			field = "evt.count",
			colsize = 9,
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

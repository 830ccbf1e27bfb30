-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'procs_fd_usage', in csysdig's view format (a global table view_info).

view_info = {
	id = "procs_fd_usage",
	name = "Processes FD Usage",
	description = "Open file descriptors per process against its limit.",
	tags = { "Default" },
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
	drilldown_target = "io_by_type",
	columns = {
		{ name = "NA", field = "proc.pid", is_key = true },
		{ name = "PID", field = "proc.pid", colsize = 8 },
		{ name = "VPID", field = "proc.vpid", colsize = 8, tags = { "containers" } },
		{
			name = "OPEN",
			field = "proc.fdopencount",
			colsize = 8,
			aggregation = "MAX",
			is_sorting = true,
		},
		{ name = "MAX", field = "proc.fdlimit", colsize = 8, aggregation = "MAX" },
		{ name = "PCT", field = "proc.fdusage", colsize = 8, aggregation = "MAX" },
		{
			name = "The container this process belongs to.",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'threads', in csysdig's view format (a global table view_info).

view_info = {
	id = "threads",
	name = "Threads",
	description = "Every thread with its CPU and its file and network throughput.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "proc.pid", "thread.nametid", "proc.name", "container.id", "fd.sport",
		"fd.sproto", "fd.name", "fd.containername", "fd.directory", "fd.containerdirectory",
		"evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id",
		"marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "evt.type!=switch",
	use_defaults = true,
	is_root = true,
	drilldown_target = "files",
	columns = {
		{ name = "NA", field = "thread.tid", is_key = true },
		{ name = "PID", field = "proc.pid", colsize = 8 },
		{ name = "TID", field = "thread.tid", colsize = 8 },
		{ name = "VPID", field = "proc.vpid", colsize = 8, tags = { "containers" } },
		{ name = "VTID", field = "thread.vtid", colsize = 8, tags = { "containers" } },
		{
			name = "CPU",
			field = "thread.cpu",
			colsize = 8,
			aggregation = "AVG",
			is_sorting = true,
		},
		{ name = "FILE", field = "evt.buflen.file", colsize = 8, aggregation = "TIME_AVG" },
		{ name = "NET", field = "evt.buflen.net", colsize = 8, aggregation = "TIME_AVG" },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'procs_errors', in csysdig's view format (a global table view_info).

view_info = {
	id = "procs_errors",
	name = "Processes Errors",
	description = "Failed system calls per process, by kind: file, network, memory and " ..
		"the rest.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "fd.name", "fd.containername", "fd.sport", "fd.sproto",
		"evt.type", "fd.directory", "fd.containerdirectory", "k8s.pod.id", "k8s.rc.id",
		"k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name",
		"mesos.task.id", "mesos.framework.name",
	},
	filter = "evt.type!=switch",
	use_defaults = true,
	drilldown_target = "errors",
	columns = {
		{ name = "NA", field = "proc.pid", is_key = true },
		{ name = "FILE", field = "evt.count.error.file", colsize = 8, aggregation = "SUM" },
		{ name = "NET", field = "evt.count.error.net", colsize = 8, aggregation = "SUM" },
		{
			name = "MEMORY",
			field = "evt.count.error.memory",
			colsize = 8,
			aggregation = "SUM",
		},
		{
			name = "OTHER",
			field = "evt.count.error.other",
			colsize = 8,
			aggregation = "SUM",
		},
		{ name = "PID", field = "proc.pid", colsize = 8 },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

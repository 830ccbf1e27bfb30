-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'containers_errors', in csysdig's view format (a global table view_info).

view_info = {
	id = "containers_errors",
	name = "Containers Errors",
	description = "Failed system calls per container, by kind.",
	tags = { "Default" },
	view_type = "table",
	applies_to = {
		"", "container.id", "fd.name", "fd.containername", "fd.sport", "fd.sproto",
		"evt.type", "fd.directory", "fd.containerdirectory", "fd.containerdirectory",
		"k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id",
		"marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "container.name != host",
	use_defaults = true,
	drilldown_target = "errors",
	columns = {
		{ name = "NA", field = "proc.pid", is_key = true },
		{ name = "ID", field = "container.id", is_groupby_key = true },
		{
			name = "FILE",
			field = "evt.count.error.file",
			colsize = 8,
			aggregation = "SUM",
			groupby_aggregation = "SUM",
		},
		{
			name = "NET",
			field = "evt.count.error.net",
			colsize = 8,
			aggregation = "SUM",
			groupby_aggregation = "SUM",
		},
		{
			name = "MEMORY",
			field = "evt.count.error.memory",
			colsize = 8,
			aggregation = "SUM",
			groupby_aggregation = "SUM",
		},
		{
			name = "OTHER",
			field = "evt.count.error.other",
			colsize = 8,
			aggregation = "SUM",
			groupby_aggregation = "SUM",
		},
		{ name = "ENGINE", field = "container.type", colsize = 8 },
		{ name = "ID", field = "container.id", colsize = 13 },
		{ name = "CONTAINER", field = "container.name", colsize = 0 },
	},
}

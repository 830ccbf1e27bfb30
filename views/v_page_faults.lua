-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'page_faults', in csysdig's view format (a global table view_info).

view_info = {
	id = "page_faults",
	name = "Page Faults",
	description = "Major and minor page faults per process.",
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
		{
			name = "MAJOR",
			field = "thread.pfmajor",
			colsize = 9,
			aggregation = "MAX",
			is_sorting = true,
		},
		{ name = "MINOR", field = "thread.pfminor", colsize = 9, aggregation = "MAX" },
		{ name = "PID", field = "proc.pid", colsize = 8 },
		{ name = "VPID", field = "proc.vpid", colsize = 8, tags = { "containers" } },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

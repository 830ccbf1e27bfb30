-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'errors', in csysdig's view format (a global table view_info).

view_info = {
	id = "errors",
	name = "Errors",
	description = "System call errors by error code, with how often each occurred.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid",
		"fd.sport", "fd.sproto", "fd.directory", "fd.containerdirectory", "k8s.pod.id",
		"k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id", "marathon.app.id",
		"marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "evt.res != SUCCESS",
	use_defaults = true,
	drilldown_target = "procs_errors",
	columns = {
		{ name = "NA", field = "evt.res", is_key = true },
		{
			name = "COUNT",
			field = "evt.count",
			colsize = 12,
			aggregation = "SUM",
			is_sorting = true,
		},
		{ name = "ERROR", field = "evt.res", colsize = 0 },
	},
}

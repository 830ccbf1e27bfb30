-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'files', in csysdig's view format (a global table view_info).

view_info = {
	id = "files",
	name = "Files",
	description = "Files read or written, with bytes, operations, opens and errors.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid",
		"fd.sport", "fd.sproto", "fd.directory", "fd.containerdirectory",
		"fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id",
		"k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name",
		"mesos.task.id", "mesos.framework.name",
	},
	filter = "(fd.type=file or fd.type=directory) and fd.name!=''",
	use_defaults = true,
	drilldown_target = "procs",
	columns = {
		{ name = "NA", field = "fd.name", is_key = true, tags = { "default" } },
		{ name = "NA", field = "fd.containername", is_key = true, tags = { "containers" } },
		{
			name = "BYTES IN",
			field = "evt.buflen.file.in",
			colsize = 12,
			aggregation = "SUM",
		},
		{
			name = "BYTES OUT",
			field = "evt.buflen.file.out",
			colsize = 12,
			aggregation = "SUM",
		},
		{
			name = "OPS",
			field = "evt.count.exit",
			colsize = 9,
			aggregation = "SUM",
			is_sorting = true,
		},
		{ name = "OPENS", field = "evt.type.is.3", colsize = 9, aggregation = "SUM" },
		{ name = "ERRORS", field = "evt.count.error", colsize = 9, aggregation = "SUM" },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "FILENAME", field = "fd.name", colsize = 0 },
	},
}

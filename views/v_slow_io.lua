-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'slow_io', in csysdig's view format (a global table view_info).

view_info = {
	id = "slow_io",
	name = "Slow File I/O",
	description = "File reads and writes slower than a millisecond, outside /dev.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name",
		"k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id",
		"marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "evt.is_io=true and fd.type=file and (not fd.name contains " ..
		"'/dev/') and evt.latency>1000000",
	use_defaults = true,
	columns = {
		{ name = "NA", field = "evt.rawtime", is_key = true },
		{ name = "TIME", field = "evt.time", colsize = 12 },
		{ name = "LATENCY", field = "evt.latency", colsize = 8, is_sorting = true },
		{ name = "FILENAME", field = "fd.name", colsize = 32 },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "PID", field = "proc.pid", colsize = 12 },
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

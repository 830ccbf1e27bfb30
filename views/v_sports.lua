-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'sports', in csysdig's view format (a global table view_info).

view_info = {
	id = "sports",
	name = "Server Ports",
	description = "Server ports with the bytes they receive and send and their I/O calls.",
	tags = { "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name",
		"evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id",
		"marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''",
	use_defaults = true,
	drilldown_target = "connections",
	columns = {
		{ name = "NA", field = "fd.sport", is_key = true },
		{ name = "SPORT", field = "fd.sport", colsize = 8 },
		{
			name = "BPS IN",
			field = "evt.buflen.net.in",
			colsize = 12,
			aggregation = "TIME_AVG",
			is_sorting = true,
		},
		{
			name = "BPS OUT",
			field = "evt.buflen.net.out",
			colsize = 12,
			aggregation = "TIME_AVG",
		},
		{ name = "IO CALLS", field = "evt.count", colsize = 12, aggregation = "SUM" },
	},
}

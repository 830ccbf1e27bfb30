-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'connections', in csysdig's view format (a global table view_info).

view_info = {
	id = "connections",
	name = "Connections",
	description = "Network connections (TCP and UDP) with their endpoints, throughput " ..
		"and owner.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid",
		"fd.sport", "fd.sproto", "fd.dport", "fd.dproto", "fd.port", "fd.proto", "fd.lport",
		"fd.rport", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id",
		"k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id",
		"mesos.framework.name",
	},
	filter = "(fd.type=ipv4 or fd.type=ipv6) and fd.name!=''",
	use_defaults = true,
	drilldown_target = "incoming_connections",
	columns = {
		{ name = "NA", field = "fd.name", is_key = true, tags = { "default" } },
		{ name = "NA", field = "fd.containername", is_key = true, tags = { "containers" } },
		{ name = "L4PROTO", field = "fd.l4proto", colsize = 8 },
		{ name = "LIP", field = "fd.lip", colsize = 17 },
		{ name = "LPORT", field = "fd.lport", colsize = 8 },
		{ name = "RIP", field = "fd.rip", colsize = 17 },
		{ name = "RPORT", field = "fd.rport", colsize = 8 },
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
		{ name = "IOPS", field = "evt.count", colsize = 12, aggregation = "TIME_AVG" },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

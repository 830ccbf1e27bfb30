-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'incoming_connections', in csysdig's view format (a global table view_info).

view_info = {
	id = "incoming_connections",
	name = "New Connections",
	description = "Each accepted connection as it happens: time, connection and process.",
	tags = { "Default" },
	view_type = "list",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name",
		"fd.name", "fd.containername", "fd.sport", "fd.sproto", "fd.dport", "fd.port",
		"fd.lport", "fd.rport", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id",
		"k8s.ns.id", "marathon.app.id", "marathon.group.name", "mesos.task.id",
		"mesos.framework.name",
	},
	filter = "evt.type=accept and evt.dir=< and evt.failed=false",
	columns = {
		{ name = "TIME", field = "evt.time", colsize = 19 },
		{ name = "Connection", field = "fd.name", colsize = 40 },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'file_opens', in csysdig's view format (a global table view_info).

view_info = {
	id = "file_opens",
	name = "File Opens List",
	description = "Each file open as it happens: time, result, file and process.",
	tags = { "Default" },
	view_type = "list",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid",
		"fd.sport", "fd.sproto", "fd.name", "fd.containername", "fd.directory",
		"fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id",
		"k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name",
		"mesos.task.id", "mesos.framework.name",
	},
	filter = "evt.type=open and evt.dir=<",
	columns = {
		{ name = "TIME", field = "evt.time", colsize = 19 },
		{ name = "RES", field = "evt.res", colsize = 8 },
		{ name = "FILE", field = "fd.name", colsize = 40 },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'spy_users', in csysdig's view format (a global table view_info).

view_info = {
	id = "spy_users",
	name = "Spy Users",
	description = "Commands users run in interactive shells, and the directories they " ..
		"change to.",
	tags = { "Default" },
	view_type = "list",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name",
		"k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id",
		"marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name",
	},
	filter = "((evt.type=execve and evt.dir=<) or (evt.type=chdir and " ..
		"evt.dir=< and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false",
	use_defaults = true,
	columns = {
		{ name = "TIME", field = "evt.time", colsize = 12 },
		{ name = "USER", field = "user.name", colsize = 12 },
		{ name = "SHELL", field = "proc.ppid", colsize = 8 },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

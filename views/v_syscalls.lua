-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'syscalls', in csysdig's view format (a global table view_info).

view_info = {
	id = "syscalls",
	name = "System Calls",
	description = "System calls by name: calls per second, total and average time.",
	tags = { "Default", "wsysdig" },
	view_type = "table",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "proc.name", "thread.tid",
		"fd.sport", "fd.sproto", "fd.name", "fd.containername", "fd.directory",
		"fd.containerdirectory", "evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id",
		"k8s.svc.id", "k8s.ns.id", "marathon.app.id", "marathon.group.name",
		"mesos.task.id", "mesos.framework.name",
	},
	filter = "syscall.type exists",
	use_defaults = true,
	drilldown_target = "syscall_procs",
	columns = {
		{ name = "NA", field = "evt.type", is_key = true },
		{
			name = "CALLS/S",
			field = "evt.count",
			colsize = 10,
			aggregation = "TIME_AVG",
			is_sorting = true,
		},
		{ name = "TOT TIME", field = "evt.latency", colsize = 10, aggregation = "SUM" },
		{ name = "AVG TIME", field = "evt.latency", colsize = 10, aggregation = "AVG" },
		{ name = "SYSCALL", field = "evt.type", colsize = 32, aggregation = "SUM" },
	},
}

-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'syscall_procs', in csysdig's view format (a global table view_info).

view_info = {
	id = "syscall_procs",
	name = "Syscall Callers",
	description = "Processes that make system calls, with call rate and time spent in them.",
	tags = { "Default" },
	view_type = "table",
	applies_to = { "evt.type" },
	filter = "syscall.type exists",
	use_defaults = true,
	columns = {
		{ name = "NA", field = "proc.pid", is_key = true },
		{
			name = "CALLS/S",
			field = "evt.count",
			colsize = 10,
			aggregation = "TIME_AVG",
			is_sorting = true,
		},
		{ name = "TIME", field = "evt.latency", colsize = 10, aggregation = "SUM" },
		{
			name = "Container",
			field = "container.name",
			colsize = 20,
			tags = { "containers" },
		},
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

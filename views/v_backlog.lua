-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'backlog', in csysdig's view format (a global table view_info).

view_info = {
	id = "backlog",
	name = "Socket Queues",
	description = "Listening sockets and how full their accept queues are.",
	tags = { "Default" },
	view_type = "table",
	applies_to = { "", "proc.pid", "proc.name", "fd.sport", "fd.sproto" },
	filter = "evt.type=accept",
	use_defaults = true,
	is_root = false,
	drilldown_target = "connections",
	columns = {
		{ name = "NA", field = "fd.sport", is_key = true },
		{ name = "PID", field = "proc.pid", colsize = 15 },
		{ name = "PORT", field = "fd.sport", colsize = 15 },
		{
			name = "BACKLOG",
			field = "evt.arg[3]",
			colsize = 15,
			aggregation = "AVG",
			is_sorting = true,
		},
		{ name = "BACKLOG_PCT", field = "evt.arg[2]", colsize = 15, aggregation = "AVG" },
		{ name = "BACKLOG_MAX", field = "evt.arg[4]", colsize = 15 },
		{ name = "PROC", field = "proc.name", colsize = 50 },
	},
}

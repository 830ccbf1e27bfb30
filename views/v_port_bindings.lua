-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'port_bindings', in csysdig's view format (a global table view_info).

view_info = {
	id = "port_bindings",
	name = "Port bindings",
	description = "Ports bound and closed, as it happens.",
	tags = { "default", "wsysdig", "nocsysdig" },
	view_type = "list",
	applies_to = { "" },
	filter = "(evt.type=bind and evt.dir=< and (fd.type=ipv4 or " ..
		"fd.type=ipv6)) or (evt.type=close and evt.dir=> and fd.typechar=2 and fd.type=ipv4)",
	use_defaults = true,
	columns = {
		{ name = "TIME", field = "evt.time", colsize = 12 },
		{ name = "OPERATION", field = "evt.type", colsize = 24 },
		{ name = "PORT", field = "fd.sport", colsize = 24 },
		{ name = "Command", field = "proc.exeline", colsize = 0, aggregation = "MAX" },
	},
}

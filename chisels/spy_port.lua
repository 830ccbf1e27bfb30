-- SPDX-License-Identifier: Apache-2.0
--
-- spy_port: the data read from and written to the IPv4/IPv6 sockets on one port number.

description = "Prints the data read from and written to IPv4 and IPv6 sockets whose local "
	.. "or remote port is host_port, as sysdig renders buffers (-A, -x and -X change that). "
	.. "A banner line with the byte count comes before each call's data: red for reads, "
	.. "blue for writes."
short_description = "Show the data moved through one port number"
category = "Net"

args = {
	{ name = "host_port", description = "the port number", argtype = "int" },
	{ name = "disable_color", description = "the word 'disable_colors' turns colours off",
		argtype = "string", optional = true },
}

local stream = require "sysray.stream"
local c = stream.spy_chisel({ arg = "host_port", field = "fd.port", write_word = "Write" })

on_set_arg, on_init, on_event, on_capture_end =
	c.on_set_arg, c.on_init, c.on_event, c.on_capture_end

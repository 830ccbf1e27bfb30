-- SPDX-License-Identifier: Apache-2.0
--
-- spy_ip: the data read from and written to the IPv4/IPv6 sockets connected with one address.

description = "Prints the data read from and written to IPv4 and IPv6 sockets whose local "
	.. "or remote address is host_ip, as sysdig renders buffers (-A, -x and -X change that). "
	.. "A banner line with the byte count comes before each call's data: red for reads, "
	.. "blue for writes (whose banner also says Read, as sysdig's does)."
short_description = "Show the data moved to and from one IP address"
category = "Net"

args = {
	{ name = "host_ip", description = "the IP address", argtype = "ipv4" },
	{ name = "disable_color", description = "the word 'disable_colors' turns colours off",
		argtype = "string", optional = true },
}

local stream = require "sysray.stream"
local c = stream.spy_chisel({ arg = "host_ip", field = "fd.ip", write_word = "Read" })

on_set_arg, on_init, on_event, on_capture_end =
	c.on_set_arg, c.on_init, c.on_event, c.on_capture_end

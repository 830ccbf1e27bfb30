-- SPDX-License-Identifier: Apache-2.0
--
-- scallslower: one row per system call slower than min_ms milliseconds, as it returns.

description = "Prints each system call that takes longer than min_ms milliseconds to "
	.. "return, with its time, process, latency in milliseconds and call name. With -pc (or "
	.. "-pcontainer) the rows also carry the container ID and name; host processes are "
	.. "printed in green, processes in a container in blue."
short_description = "System calls slower than a threshold"
category = "Performance"

args = {
	{ name = "min_ms", description = "the latency threshold, in milliseconds",
		argtype = "int", optional = false },
	{ name = "disable_color", description = "the word 'disable_color' turns colours off",
		argtype = "string", optional = true },
}

local stream = require "sysray.stream"
local c = stream.slow_chisel({ kind = "scall" })

on_set_arg, on_init, on_event = c.on_set_arg, c.on_init, c.on_event

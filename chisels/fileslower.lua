-- SPDX-License-Identifier: Apache-2.0
--
-- fileslower: one row per file read or write slower than min_ms milliseconds (0: every one),
-- as it happens. Files under /dev/ are left out.

description = "Prints each read or write on a file that takes longer than min_ms milliseconds "
	.. "to return (0 prints all of them), with its time, process, call, latency and file "
	.. "name. Files under /dev/ are skipped. With -pc (or -pcontainer) the rows also carry "
	.. "the container ID and name; host processes are printed in green, processes in a "
	.. "container in blue."
short_description = "File reads and writes slower than a threshold"
category = "Performance"

args = {
	{ name = "min_ms", description = "the latency threshold, in milliseconds",
		argtype = "int", optional = false },
	{ name = "disable_color", description = "the word 'disable_color' turns colours off",
		argtype = "string", optional = true },
}

local stream = require "sysray.stream"
local c = stream.slow_chisel({ kind = "io", filter = "evt.is_io=true and fd.type=file",
	skip_dev = true })

on_set_arg, on_init, on_event = c.on_set_arg, c.on_init, c.on_event

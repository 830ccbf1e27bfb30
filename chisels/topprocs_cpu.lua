-- SPDX-License-Identifier: Apache-2.0
--
-- topprocs_cpu: the processes that used the most CPU, as a top-N table (sysray/topn.lua) of
-- thread.cpu (the CPU a thread used in the last second) read from procinfo events, shown as a
-- share of the interval: each second live, the whole capture when reading a file.

local topn = require "sysray.topn"

description = "Lists the 10 processes that used the most CPU time, as a percentage of the interval shown (each second live, the whole capture when reading a file). CPU time is read from procinfo events. With -pc (or -pcontainer) each row also shows the process id inside its container and the container's name."
short_description = "Processes with the most CPU time"
category = "CPU Usage"
args = {}

-- Each procinfo adds thread.cpu * 1e7 to its key, and the timepct column prints the sum
-- divided by the interval in ns, in percent: sysdig's arithmetic, so that the figures agree.
-- Processes that used no CPU are listed too.
local function spec()
	local s = {
		keys = "proc.name,proc.pid",
		descs = "Process,PID",
		value = "thread.cpu",
		value_name = "thread.exectime",
		scale = 10000000,
		keep_zero = true,
		valuedesc = "CPU%",
		filter = "evt.type=procinfo",
		top = 10,
		units = "timepct",
	}
	if sysdig.is_print_container_data() then
		s.keys = "proc.name,proc.pid,proc.vpid,container.name"
		s.descs = "Process,Host_pid,Container_pid,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

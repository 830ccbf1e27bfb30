-- SPDX-License-Identifier: Apache-2.0
--
-- topprocs_errors: a top-N table (sysray/topn.lua) of evt.count summed by proc.name,proc.pid.

local topn = require "sysray.topn"

description = "Lists the processes whose system calls failed most often. With -pc (or -pcontainer) each row also shows the process id inside its container and the container's name."
short_description = "Processes with the most failed system calls"
category = "Errors"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "proc.name,proc.pid",
		descs = "Process,PID",
		value = "evt.count",
		valuedesc = "#Errors",
		filter = "evt.failed=true",
		top = 100,
		units = "none",
	}
	if sysdig.is_print_container_data() then
		s.keys = "proc.name,proc.pid,thread.vtid,container.name"
		s.descs = "Process,Host_pid,Container_pid,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

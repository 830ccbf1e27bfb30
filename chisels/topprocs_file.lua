-- SPDX-License-Identifier: Apache-2.0
--
-- topprocs_file: a top-N table (sysray/topn.lua) of evt.rawarg.res summed by proc.name,proc.pid.

local topn = require "sysray.topn"

description = "Lists the processes that read and wrote the most bytes to files. With -pc (or -pcontainer) each row also shows the process id inside its container and the container's name."
short_description = "Processes with the most file bytes read and written"
category = "I/O"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "proc.name,proc.pid",
		descs = "Process,PID",
		value = "evt.rawarg.res",
		valuedesc = "Bytes",
		filter = "fd.type=file and evt.is_io=true",
		top = 10,
		units = "bytes",
	}
	if sysdig.is_print_container_data() then
		s.keys = "proc.name,proc.pid,thread.vtid,container.name"
		s.descs = "Process,Host_pid,Container_pid,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

-- SPDX-License-Identifier: Apache-2.0
--
-- topfiles_time: a top-N table (sysray/topn.lua) of evt.latency summed by fd.name.

local topn = require "sysray.topn"

description = "Lists the files on which processes spent the most time reading and writing. With -pc (or -pcontainer) the table gains a container.name column."
short_description = "Files with the most time spent in I/O"
category = "I/O"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "fd.name",
		descs = "Filename",
		value = "evt.latency",
		valuedesc = "Time",
		filter = "fd.type=file and evt.is_io=true",
		top = 10,
		units = "time",
	}
	if sysdig.is_print_container_data() then
		s.keys = "fd.name,container.name"
		s.descs = "Filename,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

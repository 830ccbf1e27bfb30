-- SPDX-License-Identifier: Apache-2.0
--
-- topscalls_time: a top-N table (sysray/topn.lua) of evt.latency summed by evt.type.

local topn = require "sysray.topn"

description = "Lists the 30 system calls in which processes spent the most time. Add a filter to look at one process, thread or file only. With -pc (or -pcontainer) time is summed per container."
short_description = "System calls that took the most time"
category = "Performance"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "evt.type",
		descs = "Syscall",
		value = "evt.latency",
		valuedesc = "Time",
		filter = "",
		top = 30,
		units = "time",
	}
	if sysdig.is_print_container_data() then
		s.keys = "evt.type,container.name"
		s.descs = "Syscall,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

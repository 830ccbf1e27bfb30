-- SPDX-License-Identifier: Apache-2.0
--
-- topscalls: a top-N table (sysray/topn.lua) of evt.count summed by evt.type.

local topn = require "sysray.topn"

description = "Lists the 30 system calls made most often. Add a filter to look at one process, thread or file only. With -pc (or -pcontainer) calls are counted per container."
short_description = "System calls made most often"
category = "Performance"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "evt.type",
		descs = "Syscall",
		value = "evt.count",
		valuedesc = "# Calls",
		filter = "evt.type!=switch",
		top = 30,
		units = "none",
	}
	if sysdig.is_print_container_data() then
		s.keys = "evt.type,container.name"
		s.descs = "Syscall,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

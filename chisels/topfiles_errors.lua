-- SPDX-License-Identifier: Apache-2.0
--
-- topfiles_errors: a top-N table (sysray/topn.lua) of evt.count summed by fd.name.

local topn = require "sysray.topn"

description = "Lists the files whose system calls failed most often. With -pc (or -pcontainer) the table gains a container.name column."
short_description = "Files with the most failed calls"
category = "Errors"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "fd.name",
		descs = "Filename",
		value = "evt.count",
		valuedesc = "#Errors",
		filter = "fd.type=file and evt.failed=true",
		top = 100,
		units = "none",
	}
	if sysdig.is_print_container_data() then
		s.keys = "fd.name,container.name"
		s.descs = "Filename,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

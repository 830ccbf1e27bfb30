-- SPDX-License-Identifier: Apache-2.0
--
-- topfiles_bytes: a top-N table (sysray/topn.lua) of evt.rawarg.res summed by fd.name.

local topn = require "sysray.topn"

description = "Lists the files that were read and written the most, by bytes moved. With -pc (or -pcontainer) the table gains a container.name column."
short_description = "Files with the most bytes read and written"
category = "I/O"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "fd.name",
		descs = "Filename",
		value = "evt.rawarg.res",
		valuedesc = "Bytes",
		filter = "fd.type=file and evt.is_io=true",
		top = 10,
		units = "bytes",
	}
	if sysdig.is_print_container_data() then
		s.keys = "container.name,fd.name"
		s.descs = "container.name,Filename"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

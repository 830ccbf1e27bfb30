-- SPDX-License-Identifier: Apache-2.0
--
-- stdout: the data that processes read or write on fd 1 (standard output), one print per call.

description = "Prints the data every process reads or writes on its standard output (fd 1), "
	.. "one call after another. A filter narrows it to some processes, e.g. proc.name=bash."
short_description = "Show what processes move on fd 1"
category = "I/O"

args = {}

local data

function on_init()
	data = chisel.request_field("evt.rawarg.data")
	sysdig.set_snaplen(2000)
	chisel.set_filter("fd.num=1 and evt.is_io=true")
	return true
end

function on_event()
	local buf = evt.field(data)
	if buf ~= nil then
		print(buf)
	end
	return true
end

-- SPDX-License-Identifier: Apache-2.0
--
-- topports_server: a top-N table (sysray/topn.lua) of evt.rawarg.res summed by fd.sport.

local topn = require "sysray.topn"

description = "Lists the TCP and UDP server ports whose connections moved the most bytes, both directions together. With -pc (or -pcontainer) bytes are summed per container."
short_description = "Server ports (TCP/UDP) with the most bytes"
category = "Net"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "fd.sport",
		descs = "Srv Port",
		value = "evt.rawarg.res",
		valuedesc = "Bytes",
		filter = "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true",
		top = 100,
		units = "bytes",
	}
	if sysdig.is_print_container_data() then
		s.keys = "fd.sport,container.name"
		s.descs = "Srv Port,container.name"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

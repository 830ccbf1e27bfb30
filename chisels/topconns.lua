-- SPDX-License-Identifier: Apache-2.0
--
-- topconns: a top-N table (sysray/topn.lua) of evt.rawarg.res summed by fd.l4proto,fd.name.

local topn = require "sysray.topn"

description = "Lists the IPv4 and IPv6 connections that moved the most bytes, both directions together. With -pc (or -pcontainer) the table gains a container.name column."
short_description = "Network connections with the most bytes"
category = "Net"
args = {}

-- With -pc the keys include the container's name.
local function spec()
	local s = {
		keys = "fd.l4proto,fd.name",
		descs = "Proto,Conn",
		value = "evt.rawarg.res",
		valuedesc = "Bytes",
		filter = "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true",
		top = 30,
		units = "bytes",
	}
	if sysdig.is_print_container_data() then
		s.keys = "container.name,fd.l4proto,fd.name"
		s.descs = "container.name,Proto,Conn"
	end
	return s
end

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)

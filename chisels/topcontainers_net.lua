-- SPDX-License-Identifier: Apache-2.0
--
-- topcontainers_net: a top-N table (sysray/topn.lua) of evt.rawarg.res summed by container.name.

local topn = require "sysray.topn"

description = "Lists the containers whose processes moved the most bytes over IPv4 and IPv6 sockets (the host itself is left out)."
short_description = "Containers with the most network bytes"
category = "Net"
args = {}

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks({
	keys = "container.name",
	descs = "container.name",
	value = "evt.rawarg.res",
	valuedesc = "Bytes",
	filter = "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true and container.name!=host",
	top = 100,
	units = "bytes",
})

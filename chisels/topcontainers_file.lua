-- SPDX-License-Identifier: Apache-2.0
--
-- topcontainers_file: a top-N table (sysray/topn.lua) of evt.rawarg.res summed by container.name.

local topn = require "sysray.topn"

description = "Lists the containers whose processes read and wrote the most bytes to files (the host itself is left out)."
short_description = "Containers with the most file bytes read and written"
category = "I/O"
args = {}

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks({
	keys = "container.name",
	descs = "container.name",
	value = "evt.rawarg.res",
	valuedesc = "Bytes",
	filter = "fd.type=file and evt.is_io=true and container.name!=host",
	top = 10,
	units = "bytes",
})

-- SPDX-License-Identifier: Apache-2.0
--
-- topcontainers_error: a top-N table (sysray/topn.lua) of evt.count summed by container.name.

local topn = require "sysray.topn"

description = "Lists the containers whose system calls failed most often (the host itself is left out)."
short_description = "Containers with the most failed system calls"
category = "Errors"
args = {}

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks({
	keys = "container.name",
	descs = "container.name",
	value = "evt.count",
	valuedesc = "#Errors",
	filter = "evt.failed=true and container.name!=host",
	top = 100,
	units = "none",
})

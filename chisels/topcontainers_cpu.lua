-- SPDX-License-Identifier: Apache-2.0
--
-- topcontainers_cpu: the containers that used the most CPU, as a top-N table
-- (sysray/topn.lua) of the thread.cpu figure of procinfo events, summed per container and
-- shown as a share of the interval (see topprocs_cpu.lua).

local topn = require "sysray.topn"

description = "Lists the 10 containers whose processes used the most CPU time, as a percentage of the interval shown (each second live, the whole capture when reading a file). CPU time is read from procinfo events; the host appears as the container named host."
short_description = "Containers with the most CPU time"
category = "CPU Usage"
args = {}

on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks({
	keys = "container.name",
	descs = "container.name",
	value = "thread.cpu",
	value_name = "thread.exectime",
	scale = 10000000,
	keep_zero = true,
	valuedesc = "CPU%",
	filter = "evt.type=procinfo",
	top = 10,
	units = "timepct",
})

-- SPDX-License-Identifier: Apache-2.0
--
-- fdtime_by KEY: time spent in reads and writes on file descriptors, summed per value of the
-- field KEY (or of several comma-separated fields), as a top-N table (sysray/topn.lua).

local topn = require "sysray.topn"

description = "Sums the time that reads and writes on file descriptors of every kind took, grouped by the value of a filter field, and lists the 10 groups that waited longest. For example, key proc.name shows which processes spend the most time in I/O, fd.name on which files or connections."
short_description = "I/O time summed by any filter field"
category = "I/O"
args = {
	{
		name = "key",
		description = "the filter field whose values form the groups (e.g. fd.name)",
		argtype = "string",
	},
}

local key = ""

function on_set_arg(name, val)
	if name == "key" then
		key = val
		return true
	end
	return false
end

-- The field name is also the column header.
on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(function()
	return {
		keys = key,
		descs = key,
		value = "evt.latency",
		valuedesc = "Time",
		filter = "evt.is_io=true",
		top = 10,
		units = "time",
	}
end)

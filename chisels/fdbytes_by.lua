-- SPDX-License-Identifier: Apache-2.0
--
-- fdbytes_by KEY: bytes read and written on file descriptors, summed per value of the field
-- KEY (or of several comma-separated fields), as a top-N table (sysray/topn.lua).

local topn = require "sysray.topn"

description = "Sums the bytes that successful reads and writes move through file descriptors of every kind, grouped by the value of a filter field, and lists the 30 groups that moved the most. For example, key proc.name shows which processes do the most I/O, fd.sport which server ports carry the most traffic."
short_description = "I/O bytes summed by any filter field"
category = "I/O"
args = {
	{
		name = "key",
		description = "the filter field whose values form the groups (e.g. proc.name)",
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
		value = "evt.rawarg.res",
		valuedesc = "Bytes",
		filter = "evt.is_io=true and evt.failed=false",
		top = 30,
		units = "bytes",
	}
end)

-- SPDX-License-Identifier: Apache-2.0
--
-- fdcount_by KEY: how many distinct file descriptors were seen in use per value of the field
-- KEY. Prints one "KEY<TAB>COUNT" line per value at the end of the capture, most first (ties
-- in key order). A descriptor is its number and name; descriptors 0 (stdin) and those with no
-- name are not counted.

local fmt = require "sysray.fmt"

description = "Counts the distinct file descriptors (number and name) that events used, grouped by the value of a filter field, and prints each group with its count, largest first. For example, key proc.name shows how many files and connections each process used, fd.sip how many connections each server address had."
short_description = "Count of FDs in use, grouped by any filter field"
category = "I/O"
args = {
	{
		name = "key",
		description = "the filter field whose values form the groups (e.g. proc.name)",
		argtype = "string",
	},
}

local key = ""
local fkey, ffdnum, ffdname
local seen = {}   -- key -> set of "<fd number><fd name>"
local counts = {} -- key -> number of entries in seen[key]

function on_set_arg(name, val)
	if name == "key" then
		key = val
		return true
	end
	return false
end

function on_init()
	fkey = chisel.request_field(key)
	ffdnum = chisel.request_field("fd.num")
	ffdname = chisel.request_field("fd.name")
	return true
end

function on_event()
	local k = evt.field(fkey)
	local num = evt.field(ffdnum)
	local name = evt.field(ffdname)
	if k == nil or num == nil or num <= 0 or name == nil or name == "" then
		return true
	end
	local fds = seen[k]
	if fds == nil then
		fds = {}
		seen[k] = fds
		counts[k] = 0
	end
	local fd = tostring(num) .. name
	if not fds[fd] then
		fds[fd] = true
		counts[k] = counts[k] + 1
	end
	return true
end

function on_capture_end()
	for _, k in ipairs(fmt.keys_by_value(counts, 0)) do
		print(k, counts[k])
	end
	return true
end

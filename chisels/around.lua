-- SPDX-License-Identifier: Apache-2.0
--
-- around: for every event that matches the command-line filter, print
--   <evt.time> <proc.name>(<thread.tid>)
-- and at the end write to dump_file_name the events of the same thread that lie within
-- dump_range_ms (default 1000) before and after each match, by running the host once more
-- over the capture file (see sysray/dumparound). Needs a filter; capture files only.

description = "Finds the events that match the filter given on the command line, prints "
	.. "the time, process and thread of each, then saves to dump_file_name every event of "
	.. "the same thread that happened within dump_range_ms milliseconds before or after a "
	.. "match (1000 unless given). For instance '-c around failed-opens.scap evt.type=openat "
	.. "and evt.failed=true' keeps two seconds of context around every failed open. Works "
	.. "on capture files (-r) only."
short_description = "Save the events around each filter match to a file"
category = "Misc"

args = {
	{
		name = "dump_file_name",
		description = "the capture file to write the events around the matches to",
		argtype = "string",
		optional = false,
	},
	{
		name = "dump_range_ms",
		description = "how many milliseconds before and after each match to keep (default 1000)",
		argtype = "int",
		optional = true,
	},
}

local dumparound = require "sysray.dumparound"

local out_file
local range_ms = "1000"
local marks
local reading = false
local tty = false
local fpname, ftid, ftime

function on_set_arg(name, val)
	if name == "dump_file_name" then
		out_file = val
		return true
	elseif name == "dump_range_ms" then
		range_ms = val
		return true
	end
	return false
end

function on_init()
	fpname = chisel.request_field("proc.name")
	ftid = chisel.request_field("thread.tid")
	ftime = chisel.request_field("evt.time")
	tty = sysdig.is_tty()
	if sysdig.get_filter() == "" then
		print("no filter specified")
		return false
	end
	marks = dumparound.new(range_ms)
	return true
end

function on_capture_start()
	if sysdig.is_live() then
		print("live capture not supported")
		return false
	end
	reading = true
	return true
end

function on_event()
	local tid = evt.field(ftid)
	print(tostring(evt.field(ftime)) .. " " .. (evt.field(fpname) or "<NA>")
		.. "(" .. tostring(tid) .. ")")
	marks:mark(tid)
	return true
end

function on_capture_end()
	if tty then
		print("\27[0m")
	end
	if reading then
		-- sysdig's wording, kept for scripts that read it.
		print("\nSaving events around " .. marks:count() .. " syslog entries to " .. out_file)
		marks:run(out_file)
	end
	return true
end

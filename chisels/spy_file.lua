-- SPDX-License-Identifier: Apache-2.0
--
-- spy_file: every successful read and/or write on files (or on one file), one line each:
-- time, process(pid), R or W, byte count, file name and the data as ASCII.

description = "Prints every read and write on files that succeeds, one line each: the time, "
	.. "the process and its PID, R or W, the byte count, the file name and the data as "
	.. "ASCII. read_or_write narrows it to reads (R) or writes (W); spy_on_file_name to one "
	.. "file. Without a file name, terminals (/dev/pt*, /dev/tty*) are left out, so that a "
	.. "live run does not watch its own output."
short_description = "Show the reads and writes on files, or on one file, with their data"
category = "I/O"

args = {
	{ name = "read_or_write", description = "R for reads only, W for writes only, RW (the "
		.. "default) for both", argtype = "string", optional = true },
	{ name = "spy_on_file_name", description = "the one file to watch",
		argtype = "string", optional = true },
}

local fmt = require "sysray.fmt"

local only
local file_name
local f = {}

function on_set_arg(name, value)
	if name == "read_or_write" then
		only = value
	elseif name == "spy_on_file_name" then
		file_name = value
	else
		return false
	end
	return true
end

-- The chisel filter: the file (or no terminal), the direction, then successful exits on
-- files.
local function filter()
	local parts = {}
	if file_name ~= nil and file_name ~= "" then
		parts[#parts + 1] = "(fd.name=" .. file_name .. ")"
	else
		parts[#parts + 1] = "(not fd.name contains /dev/pt and not fd.name contains /dev/tty)"
	end
	if only == "R" or only == "r" then
		parts[#parts + 1] = "evt.is_io_read=true"
	elseif only == "W" or only == "w" then
		parts[#parts + 1] = "evt.is_io_write=true"
	else
		parts[#parts + 1] = "evt.is_io=true"
	end
	parts[#parts + 1] = "fd.type=file and evt.dir=< and evt.failed=false"
	return table.concat(parts, " and ")
end

function on_init()
	for _, name in ipairs({ "evt.arg.data", "fd.name", "evt.is_io_write", "proc.pid",
		"proc.name", "evt.rawarg.res", "evt.time" }) do
		f[name] = chisel.request_field(name)
	end
	sysdig.set_snaplen(2000)
	sysdig.set_output_format("ascii")
	chisel.set_filter(filter())
	return true
end

function on_event()
	local rw = "R"
	if evt.field(f["evt.is_io_write"]) == true then
		rw = "W"
	end
	print(string.format("%s %s(%s) %s %s %s %s", evt.field(f["evt.time"]),
		evt.field(f["proc.name"]), evt.field(f["proc.pid"]), rw,
		fmt.bytes(evt.field(f["evt.rawarg.res"])), evt.field(f["fd.name"]),
		evt.field(f["evt.arg.data"])))
	return true
end

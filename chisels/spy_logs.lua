-- SPDX-License-Identifier: Apache-2.0
--
-- spy_logs: every line written to a log file, as
--   <proc.name> <fd.name> <line>                  (stdout not a terminal)
--   <colour> <proc.name> <fd.name> <line>         (a terminal: green, yellow for "warn",
--                                                  red for "err")
-- with the container name in front under -pc. A log file is one whose name contains ".log",
-- "_log" or "/var/log" and not ".gz" or ".tgz". With dump_file_name, the events around each
-- log write (same thread, dump_range_ms before and after) are saved to that file at the end
-- (capture files only; see sysray/dumparound).

description = "Prints each line that a process writes to a log file (a file whose name "
	.. "contains '.log', '_log' or '/var/log', compressed ones excepted), after the process "
	.. "and file names. On a terminal a line is green, yellow when it mentions 'warn' and red "
	.. "when it mentions 'err'; with -pc the container name comes first. Narrow it with a "
	.. "filter such as proc.name=nginx or 'evt.buffer contains timeout'. With dump_file_name, "
	.. "reading a capture file, the events of the writing thread around each log write are "
	.. "saved to that file as well."
short_description = "Print writes to log files; optionally save events around them"
category = "Logs"

args = {
	{
		name = "dump_file_name",
		description = "a capture file to save the events around each log write to",
		argtype = "string",
		optional = true,
	},
	{
		name = "dump_range_ms",
		description = "how many milliseconds before and after each write to save (default 1000)",
		argtype = "int",
		optional = true,
	},
	{
		name = "disable_color",
		description = "the word disable_color turns colours off",
		argtype = "string",
		optional = true,
	},
}

local term = require "sysray.term"
local dumparound = require "sysray.dumparound"

local LOG_FILES = "(fd.name contains .log or fd.name contains _log or fd.name contains /var/log)"
	.. " and not (fd.name contains .gz or fd.name contains .tgz)"

local out_file
local range_ms = "1000"
local colour = true
local marks
local reading = false
local tty = false
local with_container = false
local fbuf, ftid, fpname, ffdname, fcontainer

function on_set_arg(name, val)
	if name == "dump_file_name" then
		out_file = val
		return true
	elseif name == "dump_range_ms" then
		range_ms = val
		return true
	elseif name == "disable_color" and val == "disable_color" then
		colour = false
		return true
	end
	return false
end

function on_init()
	term.enable_color(colour)
	fbuf = chisel.request_field("evt.buffer")
	ftid = chisel.request_field("thread.tid")
	fpname = chisel.request_field("proc.name")
	ffdname = chisel.request_field("fd.name")
	fcontainer = chisel.request_field("container.name")
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	-- Newlines stay newlines; other unprintable bytes read as '.'.
	sysdig.set_output_format("ascii")
	chisel.set_filter("(" .. LOG_FILES .. ") and evt.is_io_write=true and evt.dir=< and evt.failed=false")
	tty = sysdig.is_tty()
	marks = dumparound.new(range_ms)
	return true
end

function on_capture_start()
	if out_file and sysdig.is_live() then
		print("events export not supported on live captures")
		return false
	end
	reading = true
	return true
end

local function line_colour(msg)
	if msg:lower():find("warn", 1, true) then
		return term.yellow
	elseif msg:find("err", 1, true) then
		return term.red
	end
	return term.green
end

function on_event()
	local buf = evt.field(fbuf) or ""
	local container = tostring(evt.field(fcontainer))
	local who = tostring(evt.field(fpname)) .. " " .. tostring(evt.field(ffdname)) .. " "
	local from = 1
	while from <= #buf do
		local nl = buf:find("\n", from, true) or (#buf + 1)
		local msg = buf:sub(from, nl - 1)
		from = nl + 1
		if #msg > 0 then
			if not tty then
				print((with_container and (container .. " ") or "") .. who .. msg)
			else
				local c = line_colour(msg)
				if with_container then
					-- sysdig's layout: the container in blue unless it is the host.
					local cc = container ~= "host" and term.blue or c
					print(c .. " " .. cc .. " " .. container .. " " .. c .. " " .. who .. msg)
				else
					print(c .. " " .. who .. msg)
				end
			end
		end
	end
	if out_file then
		marks:mark(evt.field(ftid))
	end
	return true
end

function on_capture_end()
	if tty then
		print(term.reset)
	end
	if out_file and reading then
		print("Writing events for " .. marks:count() .. " log entries")
		marks:run(out_file)
	end
	return true
end

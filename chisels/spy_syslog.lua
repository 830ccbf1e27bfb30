-- SPDX-License-Identifier: Apache-2.0
--
-- spy_syslog: every message sent to the syslog socket (/dev/log), as
--   <facility>.<severity> <proc.name>[<thread.tid>] <message>
-- coloured on a terminal (red: severity below warning, yellow: warning, blue: from a
-- container, green: other). With dump_file_name, the events around each message (same thread,
-- dump_range_ms before and after) are saved to that file at the end (capture files only; see
-- sysray/dumparound).

description = "Prints each message that a process sends to syslog through /dev/log: its "
	.. "facility and severity, the process name and thread id, and the message. On a "
	.. "terminal errors are red and warnings yellow; with -pc the container id and name are "
	.. "added. Narrow it with a filter such as proc.name=sshd or 'syslog.message contains "
	.. "denied'. With dump_file_name, reading a capture file, the events of the sending "
	.. "thread around each message are saved to that file as well."
short_description = "Print syslog messages; optionally save events around them"
category = "Logs"

args = {
	{
		name = "dump_file_name",
		description = "a capture file to save the events around each message to",
		argtype = "string",
		optional = true,
	},
	{
		name = "dump_range_ms",
		description = "how many milliseconds before and after each message to save (default 1000)",
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

local SEV_WARNING = 4 -- syslog severities: 0 emerg .. 3 err, 4 warning, 5 notice ..

local out_file
local range_ms = "1000"
local colour = true
local marks
local reading = false
local tty = false
local with_container = false
local ffac, fsev, fsevcode, fmsg, ftid, fpname, fcname, fcid

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
	ffac = chisel.request_field("syslog.facility.str")
	fsev = chisel.request_field("syslog.severity.str")
	fsevcode = chisel.request_field("syslog.severity")
	fmsg = chisel.request_field("syslog.message")
	ftid = chisel.request_field("thread.tid")
	fpname = chisel.request_field("proc.name")
	fcname = chisel.request_field("container.name")
	fcid = chisel.request_field("container.id")
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(1000)
	chisel.set_filter("fd.name contains /dev/log and evt.is_io_write=true and evt.dir=< and evt.failed=false")
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

function on_event()
	local msg, sevcode = evt.field(fmsg), evt.field(fsevcode)
	if not msg or not sevcode then
		return true -- not a syslog message sysray could parse
	end
	local fac, sev = tostring(evt.field(ffac)), tostring(evt.field(fsev))
	local tid = evt.field(ftid)
	local pname = tostring(evt.field(fpname))
	local cname, cid = tostring(evt.field(fcname)), tostring(evt.field(fcid))
	local tail = string.format("%s.%s %s[%d] %s", fac, sev, pname, tid, msg)
	local line
	if tty then
		local c
		if sevcode == SEV_WARNING then
			c = term.yellow
		elseif sevcode < SEV_WARNING then
			c = term.red
		elseif cname ~= "host" then
			c = term.blue
		else
			c = term.green
		end
		if with_container then
			line = string.format("%s%-20s %-20s %s", c, cid, cname, tail)
		else
			line = c .. tail
		end
	elseif with_container then
		-- sysdig 0.29 prints these columns in this order when stdout is not a terminal
		-- (facility first, severity after the container name); kept for its readers.
		line = string.format("%-20s %-20s %s.%s %s[%d] %s", fac, cid, cname, sev, pname, tid, msg)
	else
		line = tail
	end
	print(line)
	if out_file then
		marks:mark(tid)
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

-- SPDX-License-Identifier: Apache-2.0
--
-- bottlenecks: the ten system calls that took longest to return, each printed as its
-- enter line and its exit line.

-- How many calls are kept.
local KEEP = 10

description = "Prints, at the end of the capture, the " .. KEEP .. " system calls with the "
	.. "longest latency: for each, the thread's last enter event before it and the exit "
	.. "event itself, as 'num) seconds.nanoseconds process (tid) > or < call arguments'."
short_description = "The slowest system calls"
category = "Performance"

args = {}

local f = {}

-- The slowest exits so far, slowest first; a new exit goes after those of equal latency.
-- Each is { latency, enter line, exit line }.
local slowest = {}

-- The latest enter line of each thread.
local enter_line = {}

function on_init()
	for _, name in ipairs({ "evt.num", "evt.type", "evt.args", "evt.latency", "proc.name",
		"thread.tid" }) do
		f[name] = chisel.request_field(name)
	end
	return true
end

-- "NUM) S.NNNNNNNNN PROC (TID) DIR TYPE ARGS"
local function line(ns, dir, etype, tid)
	return string.format("%d) %d.%.9d %s (%d) %s %s %s", evt.field(f["evt.num"]), ns / 1e9,
		ns % 1e9, evt.field(f["proc.name"]) or "", tid, dir, etype, evt.field(f["evt.args"]))
end

function on_event()
	local etype = evt.field(f["evt.type"])
	if etype == "switch" then
		return true
	end
	local ns = evt.field(f["evt.latency"])
	local tid = evt.field(f["thread.tid"])
	-- Enter events have latency 0.
	if ns == 0 then
		enter_line[tid] = line(0, ">", etype, tid)
		return true
	end
	if ns == nil then
		return true
	end
	for i = 1, KEEP do
		if slowest[i] == nil or ns > slowest[i][1] then
			table.insert(slowest, i, { ns, enter_line[tid], line(ns, "<", etype, tid) })
			slowest[KEEP + 1] = nil
			break
		end
	end
	return true
end

function on_capture_end()
	for _, call in ipairs(slowest) do
		-- A call whose enter event was not seen prints "nil" there, as sysdig's does.
		print(tostring(call[2]))
		print(call[3])
	end
	return true
end

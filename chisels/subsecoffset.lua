-- SPDX-License-Identifier: Apache-2.0
--
-- subsecoffset: a terminal heat map of when, within each refresh period (1 s by default),
-- syscalls start. One row per period; the X axis is the offset of a syscall's entry inside
-- the period, 0 at the left, and a cell's colour says how many syscalls per second started
-- at that offset, so that work repeating at a fixed sub-second rhythm shows as columns. On
-- a stdout that is not a terminal the chisel prints one line and refuses to run.

description = "Draws, on an ANSI terminal, one row per refresh period (1000 ms unless "
	.. "refresh_time says otherwise) in which each column is an offset inside the period "
	.. "and its colour says how many syscalls per second were entered at that offset: black "
	.. "for none, then green, yellow and red as the rate grows. Periodic activity that an "
	.. "average over whole seconds hides shows up as vertical stripes. Try refresh_time 100, "
	.. "and a filter to look at one process."
short_description = "Heat map of syscall start times within each second"
category = "CPU Usage"

args = {
	{
		name = "refresh_time",
		description = "the period of one row, in milliseconds (default 1000)",
		argtype = "int",
		optional = true,
	},
}

local term = require "sysray.term"
local heatrow = require "sysray.heatrow"

local TICKS = 10

local period_ns = 1000 * 1000000
local tty = false
local width = 80
local counts = {}
local frawtime

function on_set_arg(name, val)
	if name == "refresh_time" then
		local ms = tonumber(val)
		if not ms or ms <= 0 then
			print(string.format("Input %s must be a number.", name))
			return false
		end
		period_ns = ms * 1000000
		return true
	end
	return false
end

function on_init()
	tty = sysdig.is_tty()
	if not tty then
		print("This chisel only works on ANSI terminals. Aborting.")
		return false
	end
	width = heatrow.width()
	chisel.set_filter("evt.dir=>")
	frawtime = chisel.request_field("evt.rawtime")
	io.write(term.hidecursor)
	print("Tracing syscalls... red (hot) == high frequency <-> green == low frequency.\n")
	return true
end

function on_capture_start()
	chisel.set_interval_ns(period_ns)
	return true
end

function on_event()
	local ts = evt.field(frawtime)
	if not ts then
		return true
	end
	-- rawtime is a double (about 256 ns of precision today): fine at this resolution.
	local x = math.floor((ts % period_ns) / period_ns * width) + 1
	if x > width then
		x = width
	end
	counts[x] = (counts[x] or 0) + 1
	return true
end

local function label(tick)
	local ms = tick * period_ns / TICKS / 1000000
	if ms == math.floor(ms) then
		return string.format("%dms", ms)
	end
	return string.format("%gms", ms)
end

local function draw()
	io.write(term.moveup(1))
	heatrow.write(counts, width, 1e9 / period_ns)
	heatrow.scale(width, TICKS, label)
	counts = {}
end

function on_interval()
	draw()
	return true
end

function on_capture_end()
	if tty then
		draw()
		io.write(term.showcursor, "\27[0m\n")
	end
	return true
end

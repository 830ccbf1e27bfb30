-- SPDX-License-Identifier: Apache-2.0
--
-- spectrogram: a terminal heat map of syscall latencies. Every refresh period (500 ms by
-- default) one row is drawn: the X axis is the latency on a log scale, 1 ns at the left to
-- 100 s (10^11 ns) at the right edge of the terminal, and a cell's colour says how many
-- syscall exits per second had that latency. The scale row stays under the newest row. On a
-- stdout that is not a terminal the chisel prints one line and refuses to run.

description = "Draws, on an ANSI terminal, one row per refresh period (500 ms unless "
	.. "refresh_time says otherwise) in which each column is a range of syscall latencies, "
	.. "from 1 ns on the left to 100 s on the right on a logarithmic scale, and the colour "
	.. "of a column says how many syscalls per second returned after that long: black for "
	.. "none, then green, yellow and red as the rate grows. Combine it with a filter to look "
	.. "at one process, one kind of I/O or one file system."
short_description = "Heat map of syscall latencies over time"
category = "CPU Usage"

args = {
	{
		name = "refresh_time",
		description = "the period of one row, in milliseconds (default 500)",
		argtype = "int",
		optional = true,
	},
}

local term = require "sysray.term"
local heatrow = require "sysray.heatrow"
local fmt = require "sysray.fmt"

local DECADES = 11 -- the X axis spans 10^0 .. 10^11 ns

local period_ns = 500 * 1000000
local tty = false
local width = 80
local counts = {}
local flatency

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
	chisel.set_filter("evt.dir=<")
	flatency = chisel.request_field("evt.latency")
	-- The first row moves up over this empty line rather than over earlier output.
	io.write(term.hidecursor, "\n")
	return true
end

function on_capture_start()
	chisel.set_interval_ns(period_ns)
	return true
end

function on_event()
	local lat = evt.field(flatency)
	if not lat or lat <= 0 then
		return true
	end
	local decades = math.log10(lat)
	if decades > DECADES then
		decades = DECADES
	end
	local x = math.floor(decades * width / DECADES) + 1
	if x > width then
		x = width
	end
	counts[x] = (counts[x] or 0) + 1
	return true
end

local function draw()
	-- Overwrite the previous scale row with the new data row, then draw the scale again.
	io.write(term.moveup(1))
	heatrow.write(counts, width, 1e9 / period_ns)
	heatrow.scale(width, DECADES, function(tick)
		return fmt.duration(10 ^ tick)
	end)
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

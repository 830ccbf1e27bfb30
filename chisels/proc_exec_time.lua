-- SPDX-License-Identifier: Apache-2.0
--
-- proc_exec_time: one row per process that exits, with how long it lived, its name and its
-- arguments, coloured by that lifetime.

description = "Prints a row for every process that exits: its lifetime, name and arguments. "
	.. "Rows are yellow for a lifetime above 3 seconds and red above 10 seconds; below "
	.. "that, host processes are green and processes in a container blue. With -pc (or "
	.. "-pcontainer) the rows also carry the container ID and name."
short_description = "Lifetime of each process that exits"
category = "Performance"

args = {
	{ name = "disable_color", description = "the word 'disable_colors' turns colours off",
		argtype = "string", optional = true },
}

local fmt = require "sysray.fmt"
local term = require "sysray.term"
local stream = require "sysray.stream"

local YELLOW_NS = 3e9
local RED_NS = 10e9

local f = {}
local with_container

term.enable_color(true)

-- Any argument (whatever its name) equal to "disable_colors" turns colours off.
function on_set_arg(_, value)
	stream.color_arg(value, "disable_colors")
	return true
end

local layout = "%-13.13s %-12.12s %s"
local layout_pc = "%-13.13s %-20.20s %-20.20s %-12.12s %s"

function on_init()
	for _, name in ipairs({ "proc.name", "proc.args", "proc.duration", "container.name",
		"container.id" }) do
		f[name] = chisel.request_field(name)
	end
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("evt.type=procexit")
	if with_container then
		print(string.format(layout_pc, "proc.duration", "container.id", "container.name",
			"proc.name", "proc.args"))
		print(string.format(layout_pc, string.rep("-", 13), string.rep("-", 20),
			string.rep("-", 20), string.rep("-", 12), string.rep("-", 20)))
	else
		print(string.format(layout, "proc.duration", "proc.name", "proc.args"))
		print(string.format(layout, string.rep("-", 13), string.rep("-", 12),
			string.rep("-", 20)))
	end
	return true
end

function on_event()
	local ns = evt.field(f["proc.duration"])
	if ns == nil then
		return true
	end
	local color
	if ns > RED_NS then
		color = term.red
	elseif ns > YELLOW_NS then
		color = term.yellow
	else
		color = stream.container_color(evt.field(f["container.name"]))
	end
	if with_container then
		print(color .. string.format(layout_pc, fmt.duration(ns), evt.field(f["container.id"]),
			evt.field(f["container.name"]), evt.field(f["proc.name"]),
			evt.field(f["proc.args"])))
	else
		print(color .. string.format(layout, fmt.duration(ns), evt.field(f["proc.name"]),
			evt.field(f["proc.args"])))
	end
	return true
end

function on_capture_end()
	print(term.reset)
end

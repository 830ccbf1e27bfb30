-- SPDX-License-Identifier: Apache-2.0
--
-- stderr: the data that processes read or write on fd 2 (standard error), one print per
-- call; under -pc each is prefixed with the container ID and name.

description = "Prints the data every process reads or writes on its standard error (fd 2), "
	.. "one call after another. A filter narrows it to some processes, e.g. proc.name=bash. "
	.. "With -pc (or -pcontainer) each piece is prefixed with the container ID and name, "
	.. "green for the host and blue for a container."
short_description = "Show what processes move on fd 2"
category = "I/O"

args = {
	{ name = "disable_color", description = "the word 'disable_color' turns colours off",
		argtype = "string", optional = true },
}

local term = require "sysray.term"
local stream = require "sysray.stream"

local f = {}
local with_container

term.enable_color(true)

-- sysdig's stderr accepts only its colour word as an argument value.
function on_set_arg(name, value)
	return name == "disable_color" and stream.color_arg(value, "disable_color")
end

function on_init()
	for _, name in ipairs({ "evt.rawarg.data", "container.name", "container.id" }) do
		f[name] = chisel.request_field(name)
	end
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	chisel.set_filter("fd.num=2 and evt.is_io=true")
	return true
end

function on_event()
	local buf = evt.field(f["evt.rawarg.data"])
	if buf == nil then
		return true
	end
	if with_container then
		local name = evt.field(f["container.name"])
		print(stream.container_color(name) .. string.format("%-20.20s %-20.20s %s",
			evt.field(f["container.id"]), name, buf))
	else
		print(buf)
	end
	return true
end

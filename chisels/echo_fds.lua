-- SPDX-License-Identifier: Apache-2.0
--
-- echo_fds: for every successful read or write, a banner (direction, byte count, fd name,
-- process) and then the data itself, rendered as sysdig renders evt.arg.data.

description = "Prints, for every read or write that moved at least one byte, a banner line "
	.. "(red for reads, blue for writes) with the byte count, the fd name and the process, "
	.. "followed by the data. A filter narrows it to some processes or files. With -pc (or "
	.. "-pcontainer) the banner also names the container and its ID in brackets, green for "
	.. "the host and cyan for a container."
short_description = "Show the data that processes read and write"
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

function on_set_arg(name, value)
	if name == "disable_color" then
		stream.color_arg(value, "disable_color")
	end
	return true
end

function on_init()
	for _, name in ipairs({ "evt.is_io_read", "evt.rawarg.res", "fd.name", "proc.name",
		"container.name", "container.id" }) do
		f[name] = chisel.request_field(name)
	end
	with_container = sysdig.is_print_container_data()
	sysdig.set_snaplen(2000)
	chisel.set_filter("evt.is_io=true and evt.dir=< and evt.rawres>0")
	-- The data line under each banner is the event formatter's.
	chisel.set_event_formatter("%evt.arg.data")
	return true
end

function on_event()
	local res = evt.field(f["evt.rawarg.res"])
	if res <= 0 then
		return true
	end
	local container = ""
	if with_container then
		container = stream.echo_container(evt.field(f["container.name"]),
			evt.field(f["container.id"]))
	end
	print(stream.echo_banner(evt.field(f["evt.is_io_read"]), res,
		evt.field(f["fd.name"]) or "<NA>", evt.field(f["proc.name"]), container))
	return true
end

function on_capture_end()
	print(term.reset)
end

-- SPDX-License-Identifier: Apache-2.0
--
-- What sysray's per-event (streaming) chisels share: numeric and colour arguments, the
-- container colour of a row, the slow-call tables of fileslower/netlower/scallslower and the
-- "------ Read 832B" banners of echo_fds and spy_ip/spy_port. Every layout here is sysdig
-- 0.29's, byte for byte, because scripts parse these lines. Loaded with
-- `local stream = require "sysray.stream"`; it sets no globals.

local fmt = require "sysray.fmt"
local term = require "sysray.term"

local stream = {}

-- The value of a numeric argument. A value that is not a number ends the run as sysdig's
-- chisels do: one line on stdout, exit status 0.
function stream.number_arg(value, name)
	local n = tonumber(value)
	if n == nil then
		print(string.format("Input %s must be a number.", name))
		os.exit()
	end
	return n
end

-- Chisels colour their rows unless their colour argument holds a chisel-specific word:
-- "disable_color" for most of them, "disable_colors" for proc_exec_time and spy_ip/spy_port
-- (each as sysdig 0.29 reads it). Returns whether VALUE turned colours off.
function stream.color_arg(value, word)
	if value == word then
		term.enable_color(false)
		return true
	end
	return false
end

-- Green for a host process, blue for one inside a container (container.name is "host"
-- outside containers).
function stream.container_color(container_name)
	if container_name ~= "host" then
		return term.blue
	end
	return term.green
end

-- Slow-call tables. A layout is the format of the header, of the dash line under it and of a
-- row, plus the header's words; the dash line has one run of dashes per column, as wide as
-- the column (its last, unbounded column gets a fixed run).
local function dashes(widths)
	local t = {}
	for i, w in ipairs(widths) do
		t[i] = string.rep("-", w)
	end
	return t
end

local layouts = {
	-- fileslower and netlower: latency as whole milliseconds (cut), then fd.name.
	io = {
		head = "%-23.23s %-12.12s %-8s %-12s %s",
		row = "%-23.23s %-12.12s %-8s %12d %s",
		words = { "evt.datetime", "proc.name", "evt.type", "LATENCY(ms)", "fd.name" },
		widths = { 23, 12, 8, 12, 41 },
	},
	io_pc = {
		head = "%-23.23s %-20.20s %-20.20s %-12.12s %-8s %-12s %s",
		row = "%-23.23s %-20.20s %-20.20s %-12.12s %-8s %12d %s",
		words = { "evt.datetime", "container.id", "container.name", "proc.name", "evt.type",
			"LATENCY(ms)", "fd.name" },
		widths = { 23, 20, 20, 12, 8, 12, 41 },
	},
	-- scallslower: latency as a Lua number in milliseconds (tostring's %.14g), then the type.
	scall = {
		head = "%-23.23s %-23.23s %-20s %s",
		row = "%-23.23s %-23.23s %-20s %s",
		words = { "evt.datetime", "proc.name", "LATENCY(ms)", "evt.type" },
		widths = { 23, 23, 20, 20 },
	},
	-- sysdig's header of this one has two spaces after container.id; its dash line one.
	scall_pc = {
		head = "%-23.23s %-20.20s  %-20.20s %-23.23s %-20s %s",
		dash = "%-23.23s %-20.20s %-20.20s %-23.23s %-20s %s",
		row = "%-23.23s %-20.20s %-20.20s %-23.23s %-20s %s",
		words = { "evt.datetime", "container.id", "container.name", "proc.name", "LATENCY(ms)",
			"evt.type" },
		widths = { 23, 20, 20, 23, 20, 20 },
	},
}

-- A slow-call table: t:header() prints the two header lines; t:row(color, ...) prints one
-- row of the layout's values, which are given in header order.
local Table = {}
Table.__index = Table

function stream.slow_table(kind, with_container)
	local l = layouts[kind .. (with_container and "_pc" or "")]
	return setmetatable({ layout = l }, Table)
end

function Table:header()
	local l = self.layout
	print(string.format(l.head, unpack(l.words)))
	print(string.format(l.dash or l.head, unpack(dashes(l.widths))))
end

function Table:row(color, ...)
	print(color .. string.format(self.layout.row, ...))
end

-- The callbacks of a slow-call chisel (fileslower, netlower, scallslower), whose arguments
-- are min_ms and disable_color. OPTS: kind ("io" or "scall"), filter (the chisel filter, or
-- nil), skip_dev (leave out fds whose name starts with /dev/). An io row is an exit event of
-- more than min_ms milliseconds; a scall row is any event whose latency is above it (enter
-- events have latency 0).
function stream.slow_chisel(opts)
	local c = {}
	local min_ms
	local f = {}
	local tbl, with_container

	term.enable_color(true)

	function c.on_set_arg(name, value)
		if name == "min_ms" then
			min_ms = stream.number_arg(value, name)
		elseif name == "disable_color" then
			stream.color_arg(value, "disable_color")
		end
		return true
	end

	function c.on_init()
		for _, name in ipairs({ "evt.type", "evt.dir", "evt.datetime", "fd.name", "proc.name",
			"evt.latency", "container.name", "container.id" }) do
			f[name] = chisel.request_field(name)
		end
		with_container = sysdig.is_print_container_data()
		if opts.filter then
			chisel.set_filter(opts.filter)
		end
		tbl = stream.slow_table(opts.kind, with_container)
		tbl:header()
		return true
	end

	local function field(name)
		return evt.field(f[name])
	end

	local function io_event()
		local ms = field("evt.latency") / 1e6
		local fd_name = field("fd.name")
		if field("evt.dir") ~= "<" or not (ms > min_ms) then
			return
		end
		if opts.skip_dev and fd_name:sub(1, 5) == "/dev/" then
			return
		end
		local color = stream.container_color(field("container.name"))
		if with_container then
			tbl:row(color, field("evt.datetime"), field("container.id"),
				field("container.name"), field("proc.name"), field("evt.type"), ms, fd_name)
		else
			tbl:row(color, field("evt.datetime"), field("proc.name"), field("evt.type"), ms,
				fd_name)
		end
	end

	local function scall_event()
		local ns = field("evt.latency")
		if ns == nil or not (ns / 1e6 > min_ms) then
			return
		end
		local ms = ns / 1e6
		local color = stream.container_color(field("container.name"))
		if with_container then
			tbl:row(color, field("evt.datetime"), field("container.id"),
				field("container.name"), field("proc.name"), ms, field("evt.type"))
		else
			tbl:row(color, field("evt.datetime"), field("proc.name"), ms, field("evt.type"))
		end
	end

	local on_event = opts.kind == "io" and io_event or scall_event
	function c.on_event()
		on_event()
		return true
	end

	return c
end

-- The banner echo_fds prints above each read or write: red "------ Read 832B from" or blue
-- "------ Write 15B to", the container part (empty without -pc), then the fd name and the
-- process name in the banner's colour again.
function stream.echo_banner(is_read, res, fd_name, proc_name, container)
	local color, what = term.blue, "Write %s to"
	if is_read then
		color, what = term.red, "Read %s from"
	end
	return string.format("%s------ " .. what .. " %s %s", color, fmt.bytes(res), container,
		string.format("%s %s (%s)", color, fd_name, proc_name))
end

-- echo_fds's container part under -pc: " [name] [id]", green for the host, cyan otherwise.
function stream.echo_container(container_name, container_id)
	local color = term.cyan
	if container_name == "host" then
		color = term.green
	end
	return string.format("%s [%s] [%s]", color, container_name, container_id)
end

-- The callbacks of spy_ip and spy_port: the data moved on IPv4/IPv6 sockets whose FIELD
-- (fd.ip, fd.port) equals the argument named ARG. Every call that moved data prints a banner
-- and then the data; the banner is made anew only when the direction changes, so the calls
-- that follow in the same direction repeat it, byte count included (sysdig 0.29 does so).
-- WRITE_WORD is the banner's word for writes: sysdig's spy_ip says "Read" there too.
function stream.spy_chisel(opts)
	local c = {}
	local value
	local data, is_read, res
	local banner, reading

	term.enable_color(true)

	function c.on_set_arg(name, v)
		if name == opts.arg then
			value = v
		elseif name == "disable_color" then
			stream.color_arg(v, "disable_colors")
		else
			return false
		end
		return true
	end

	function c.on_init()
		data = chisel.request_field("evt.arg.data")
		is_read = chisel.request_field("evt.is_io_read")
		res = chisel.request_field("evt.rawarg.res")
		sysdig.set_snaplen(1000)
		chisel.set_filter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6) and "
			.. opts.field .. "=" .. value)
		return true
	end

	function c.on_event()
		local n = evt.field(res)
		local buf = evt.field(data)
		if n == nil or n <= 0 or buf == nil then
			return true
		end
		local r = evt.field(is_read) and true or false
		if r ~= reading then
			reading = r
			if r then
				banner = term.red .. "------ Read " .. fmt.bytes(n)
			else
				banner = term.blue .. "------ " .. opts.write_word .. " " .. fmt.bytes(n)
			end
		end
		print(banner)
		print(buf)
		return true
	end

	function c.on_capture_end()
		print(term.reset)
	end

	return c
end

return stream

-- SPDX-License-Identifier: Apache-2.0
--
-- httptop: HTTP requests (method and URL) ranked by the number of answered requests, the
-- bytes of their responses (Content-Length) or their mean response time, top 30.
-- Reading a capture, one table is printed at the end; live, the table is redrawn every second
-- over a cleared screen. Layout: the value and each key in 20-column cells under a header
-- and a line of 80 dashes, the last key unpadded; -pc adds the container name as the first
-- key; -j prints each table as a JSON object {info, ts, data} instead.

description = "Ranks the HTTP requests seen on sockets (method and URL) by how many were "
	.. "answered (ncalls, the default), by the bytes of their responses as announced by "
	.. "Content-Length (bytes) or by their mean response time (time). A capture file gives "
	.. "one table at its end; a live capture redraws the table every second."
short_description = "Top HTTP requests by count, bytes or time"
category = "Application"

args = {
	{
		name = "by",
		description = "what to rank by: ncalls (default), bytes or time",
		argtype = "string",
		optional = true,
	},
}

local httpparse = require "sysray.httpparse"
local fmt = require "sysray.fmt"
local term = require "sysray.term"

local TOP = 30
local CELL = 20
local SEP = "\1\1"

-- what: the ranking; units: how its values are written.
local rankings = {
	ncalls = { units = "none" },
	bytes = { units = "bytes" },
	time = { units = "time" },
}
local by = "ncalls"

local parser
local with_container = false
local live = false
local json_out = false
local keys_desc = { "method", "url" }

-- key string -> {n = answered requests, bytes = sum of lengths, ns = sum of latencies}
local stats = {}

function on_set_arg(name, val)
	if name == "by" then
		if not rankings[val] then
			print("Invalid argument! Valid options: ncalls, bytes, time")
			return false
		end
		by = val
		return true
	end
	return false
end

local function on_transaction(t)
	local req, resp = t.request, t.response
	local key = req.method .. SEP .. req.url
	if with_container then
		key = tostring(t.container) .. SEP .. key
	end
	local s = stats[key]
	if not s then
		s = { n = 0, bytes = 0, ns = 0 }
		stats[key] = s
	end
	s.n = s.n + 1
	s.bytes = s.bytes + resp.length
	s.ns = s.ns + (resp.ts - req.ts)
end

function on_init()
	parser = httpparse.new(on_transaction)
	with_container = sysdig.is_print_container_data()
	if with_container then
		table.insert(keys_desc, 1, "container")
	end
	return true
end

function on_capture_start()
	live = sysdig.is_live()
	json_out = sysdig.get_output_format() == "json"
	if live then
		chisel.set_interval_s(1)
		if not json_out then
			io.write(term.clearscreen, term.hidecursor)
		end
	end
	return true
end

function on_event()
	parser:event()
	return true
end

local function split_key(key)
	local parts = {}
	local from = 1
	while true do
		local at = key:find(SEP, from, true)
		if not at then
			parts[#parts + 1] = key:sub(from)
			return parts
		end
		parts[#parts + 1] = key:sub(from, at - 1)
		from = at + #SEP
	end
end

-- The ranked values: key string -> number.
local function values()
	local v = {}
	for key, s in pairs(stats) do
		if by == "ncalls" then
			v[key] = s.n
		elseif by == "bytes" then
			v[key] = s.bytes
		else
			v[key] = s.ns / s.n
		end
	end
	return v
end

local function cell_value(v)
	local units = rankings[by].units
	if units == "bytes" then
		return fmt.bytes(v)
	elseif units == "time" then
		return fmt.duration(v)
	end
	return tostring(v)
end

local function print_text(v, order)
	local header = fmt.column(by, CELL)
	for _, d in ipairs(keys_desc) do
		header = header .. fmt.column(d, CELL)
	end
	print(header)
	print(string.rep("-", 80))
	for _, key in ipairs(order) do
		local parts = split_key(key)
		local row = fmt.column(cell_value(v[key]), CELL)
		for i, part in ipairs(parts) do
			if i < #parts then
				row = row .. fmt.column(part:sub(1, CELL), CELL)
			else
				row = row .. part
			end
		end
		print(row)
	end
end

-- sysdig's layout: "info" lists the keys, then the value's entry, which it always stores
-- third (with -pc it replaces the url key's entry); "data" holds [key..., value] rows.
local function print_json(v, order, ts_s)
	local json = require "sysray.json"
	local info = {}
	local names = with_container and { "container", "method", "url" } or { "method", "url" }
	for i, name in ipairs(names) do
		info[i] = json.object({ "name", "is_key", "desc" },
			{ name = name, is_key = true, desc = keys_desc[i] })
	end
	info[3] = json.object({ "name", "is_key", "desc" }, { name = by, is_key = false, desc = by })
	local data = {}
	for i, key in ipairs(order) do
		local row = split_key(key)
		row[#row + 1] = v[key]
		data[i] = row
	end
	print(json.encode(json.object({ "info", "ts", "data" },
		{ info = info, ts = sysdig.make_ts(ts_s, 0), data = data })))
end

local function print_table(ts_s)
	local v = values()
	local order = fmt.keys_by_value(v, TOP)
	if json_out then
		print_json(v, order, ts_s)
	else
		print_text(v, order)
	end
end

function on_interval(ts_s, ts_ns, delta)
	if not json_out then
		io.write(term.clearscreen, term.moveto(0, 0))
	end
	print_table(ts_s)
	stats = {}
	return true
end

function on_capture_end(ts_s, ts_ns, delta)
	if live and not json_out then
		io.write(term.clearscreen, term.moveto(0, 0), term.showcursor)
		return true
	end
	print_table(ts_s)
	return true
end

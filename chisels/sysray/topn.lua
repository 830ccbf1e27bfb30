-- SPDX-License-Identifier: Apache-2.0
--
-- The top-N table behind sysray's top*, fd*_by and *_cpu chisels: events are grouped by one or
-- more key fields, a value field is summed per group, and the groups with the largest sums are
-- printed as sysdig's table chisels print them (so scripts that parse one parse the other):
--
--   VALUEDESC           KEYDESC1            KEYDESC2
--   --------------------------------------------------------------------------------
--   11.40KB             curl                17497
--
-- Every header cell and every cell but the last of a row is 20 columns wide (a longer text
-- keeps 19 bytes and a space); the last key is printed whole. Rows come largest first, ties
-- in key order. Reading a file, the table is printed once at the end of the capture; live, it
-- is printed and emptied every second (after clearing the screen when stdout is a terminal),
-- and nothing is printed at the end. With -j each table is one JSON object instead (see
-- print_json).
--
-- A chisel hands a spec to topn.callbacks() and installs the callbacks it returns:
--
--   on_init, on_capture_start, on_event, on_interval, on_capture_end = topn.callbacks(spec)
--
-- spec (a table, or a function called by on_init that returns one, when the columns depend on
-- -pc or on arguments):
--   keys       field names, in column order (a string is split on commas)
--   descs      their column headers (same count; a string is split on commas)
--   value      the numeric field summed per key
--   valuedesc  the value column's header
--   units      how values print: "bytes" (832B, 11.40KB), "time" (nanoseconds: 80ms),
--              "timepct" (share of the interval: 0.25%) or "none" (the number)
--   top        rows printed at most (0: all)
--   filter     the chisel's own filter ("" or nil: none)
--   scale      optional factor applied to each value (default 1)
--   keep_zero  optional: count every event, also those whose value is nil, zero or negative
--              (nil counts as 0); by default only values above 0 are summed
--   value_name optional field name that the JSON "info" entry gives for the value (default:
--              value)
-- Loaded with `local topn = require "sysray.topn"`; it sets no globals.

local fmt = require "sysray.fmt"
local term = require "sysray.term"
local json = require "sysray.json"

local topn = {}

local WIDTH = 20
local RULE = string.rep("-", 80)
-- Joins the key parts into one table key; field values do not contain it.
local SEP = "\1\1"

local function split_commas(s)
	if type(s) ~= "string" then
		return s
	end
	local parts = {}
	for part in (s .. ","):gmatch("(.-),") do
		parts[#parts + 1] = part
	end
	return parts
end

local formatters = {
	bytes = fmt.bytes,
	time = fmt.duration,
	none = tostring,
}

-- VALUE as its column shows it; DELTA is the interval length in ns (timepct only).
local function format_value(units, value, delta)
	if units == "timepct" then
		if delta > 0 then
			return string.format("%.2f%%", value / delta * 100)
		end
		return "0.00%"
	end
	return (formatters[units] or tostring)(value)
end

-- A new, empty table for SPEC.
function topn.new(spec)
	local t = {
		keys = split_commas(spec.keys),
		descs = split_commas(spec.descs),
		value = spec.value,
		value_name = spec.value_name or spec.value,
		valuedesc = spec.valuedesc,
		units = spec.units or "none",
		top = tonumber(spec.top) or 0,
		filter = spec.filter or "",
		scale = spec.scale or 1,
		keep_zero = spec.keep_zero,
		sums = {},   -- joined key -> sum
		parts = {},  -- joined key -> array of the key's values as strings
		live = false,
		json = false,
		tty = false,
	}
	return setmetatable(t, { __index = topn })
end

-- Requests the fields and sets the filter; false (with a message, as sysdig prints it) when
-- the keys and their headers do not pair up.
function topn:init()
	if #self.keys ~= #self.descs then
		print("error: number of entries in keys different from number entries in keydescs")
		return false
	end
	self.fkeys = {}
	for i, name in ipairs(self.keys) do
		self.fkeys[i] = chisel.request_field(name)
	end
	self.fvalue = chisel.request_field(self.value)
	if self.filter ~= "" then
		chisel.set_filter(self.filter)
	end
	return true
end

function topn:capture_start()
	self.live = sysdig.is_live()
	self.json = sysdig.get_output_format() == "json"
	self.tty = sysdig.is_tty()
	if self.live then
		chisel.set_interval_s(1)
		if not self.json and self.tty then
			io.write(term.clearscreen, term.hidecursor)
		end
	end
	return true
end

-- Adds the current event to its key's sum. An event lacking one of the key fields is not
-- counted. The value is read first: most events that do not count (enter events, failed
-- calls) stop there, before a key is built.
function topn:event()
	local value = evt.field(self.fvalue)
	if self.keep_zero then
		value = (value or 0) * self.scale
	elseif value == nil or value <= 0 then
		return true
	elseif self.scale ~= 1 then
		value = value * self.scale
	end
	local fkeys = self.fkeys
	local key = evt.field(fkeys[1])
	if key == nil then
		return
	end
	key = tostring(key)
	for i = 2, #fkeys do
		local v = evt.field(fkeys[i])
		if v == nil then
			return
		end
		key = key .. SEP .. tostring(v)
	end
	local sum = self.sums[key]
	if sum ~= nil then
		self.sums[key] = sum + value
		return true
	end
	local parts = {}
	for i, f in ipairs(fkeys) do
		parts[i] = tostring(evt.field(f))
	end
	self.parts[key] = parts
	self.sums[key] = value
	return true
end

-- The table as text. DELTA: the interval in ns, for timepct.
function topn:print_text(delta)
	local header = { fmt.column(self.valuedesc, WIDTH) }
	for _, d in ipairs(self.descs) do
		header[#header + 1] = fmt.column(d, WIDTH)
	end
	print(table.concat(header))
	print(RULE)
	for _, key in ipairs(fmt.keys_by_value(self.sums, self.top)) do
		local parts = self.parts[key]
		local row = { fmt.column(format_value(self.units, self.sums[key], delta), WIDTH) }
		for i = 1, #parts - 1 do
			row[#row + 1] = fmt.column(parts[i], WIDTH)
		end
		row[#row + 1] = parts[#parts]
		print(table.concat(row))
	end
end

-- The table as sysdig's table chisels write it with -j:
--   {"ts": "<TS_S seconds in ns>", "data": [[key..., value], ...],
--    "info": [{"desc", "is_key": true, "name"} per key]}
-- where the value's own info entry ({..., "is_key": false}) always goes to index 3 of
-- "info", whatever the number of keys: with one key index 2 is null, with three or more it
-- replaces the third key's entry. (Readers of sysdig's output rely on that layout.)
function topn:print_json(ts_s)
	local data = {}
	for _, key in ipairs(fmt.keys_by_value(self.sums, self.top)) do
		local row = {}
		for i, p in ipairs(self.parts[key]) do
			row[i] = p
		end
		row[#row + 1] = self.sums[key]
		data[#data + 1] = row
	end
	local member = { "desc", "is_key", "name" }
	local info = {}
	for i, name in ipairs(self.keys) do
		info[i] = json.object(member, { name = name, desc = self.descs[i], is_key = true })
	end
	info[3] = json.object(member, { name = self.value_name, desc = self.valuedesc, is_key = false })
	print(json.encode(json.object({ "ts", "data", "info" }, {
		ts = sysdig.make_ts(ts_s, 0), data = data, info = info,
	})))
end

function topn:print(ts_s, delta)
	if self.json then
		self:print_json(ts_s)
	else
		self:print_text(delta)
	end
end

-- Live: one table per second, then an empty one.
function topn:interval(ts_s, ts_ns, delta)
	if not self.json and self.tty then
		io.write(term.clearscreen, term.moveto(0, 0))
	end
	self:print(ts_s, delta)
	self.sums, self.parts = {}, {}
	return true
end

-- Reading a file (or live with -j): the whole table. Live text tables were printed by the
-- intervals; the last partial second is dropped and the screen left clean.
function topn:capture_end(ts_s, ts_ns, delta)
	if self.live and not self.json then
		if self.tty then
			io.write(term.clearscreen, term.moveto(0, 0), term.showcursor)
		end
		return true
	end
	self:print(ts_s, delta)
	return true
end

-- The five callbacks of a chisel that is just this table. SPEC is a spec, or a function that
-- on_init calls to get one.
function topn.callbacks(spec)
	local t
	local function on_init()
		t = topn.new(type(spec) == "function" and spec() or spec)
		return t:init()
	end
	local function on_capture_start()
		return t:capture_start()
	end
	local function on_event()
		return t:event()
	end
	local function on_interval(ts_s, ts_ns, delta)
		return t:interval(ts_s, ts_ns, delta)
	end
	local function on_capture_end(ts_s, ts_ns, delta)
		return t:capture_end(ts_s, ts_ns, delta)
	end
	return on_init, on_capture_start, on_event, on_interval, on_capture_end
end

return topn

-- SPDX-License-Identifier: Apache-2.0
--
-- Text helpers shared by sysray's chisels: the column padding, byte counts and durations
-- that sysdig's chisels print, so that scripts which parse their output read ours too.
-- Loaded with `local fmt = require "sysray.fmt"`; it sets no globals.

local fmt = {}

local KIB = 1024

-- S padded with spaces to WIDTH; a text of WIDTH or more keeps WIDTH-1 bytes and one space,
-- so that columns never touch.
function fmt.column(s, width)
	s = tostring(s)
	if #s < width then
		return s .. string.rep(" ", width - #s)
	end
	if width <= 0 then
		return ""
	end
	return s:sub(1, width - 1) .. " "
end

-- A byte count as sysdig prints it: B below 1 KiB (inclusive), then KB, M, G, T, P with two
-- decimals; a unit applies once the count is strictly above it.
local units = {
	{ KIB ^ 5, "P" }, { KIB ^ 4, "T" }, { KIB ^ 3, "G" }, { KIB ^ 2, "M" }, { KIB, "KB" },
}
function fmt.bytes(n)
	for _, u in ipairs(units) do
		if n > u[1] then
			return string.format("%.2f%s", n / u[1], u[2])
		end
	end
	return string.format("%dB", n)
end

-- A duration in nanoseconds: "1.05s", "80ms", "3.07ms", "407us", "3.07us", "21ns".
-- Two decimals are shown only where the integer part has one digit; digits are cut, not
-- rounded.
local S, MS, US = 1e9, 1e6, 1e3
function fmt.duration(ns)
	local function cut(v, unit)
		return math.floor(v / unit), math.floor((v % unit) / (unit / 100))
	end
	if ns >= S then
		return string.format("%d.%02ds", cut(ns, S))
	elseif ns >= S / 100 then
		return string.format("%dms", math.floor(ns / MS))
	elseif ns >= MS then
		return string.format("%d.%02dms", cut(ns, MS))
	elseif ns >= US * 10 then
		return string.format("%dus", math.floor(ns / US))
	elseif ns >= US then
		return string.format("%d.%02dus", cut(ns, US))
	end
	return string.format("%dns", ns)
end

-- The keys of T sorted by value, largest first (ties by key, so that output is stable), at
-- most LIMIT of them (0: all).
function fmt.keys_by_value(t, limit)
	local keys = {}
	for k in pairs(t) do
		keys[#keys + 1] = k
	end
	table.sort(keys, function(a, b)
		if t[a] ~= t[b] then
			return t[a] > t[b]
		end
		return tostring(a) < tostring(b)
	end)
	if limit and limit > 0 then
		for i = #keys, limit + 1, -1 do
			keys[i] = nil
		end
	end
	return keys
end

return fmt

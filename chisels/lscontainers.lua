-- SPDX-License-Identifier: Apache-2.0
--
-- lscontainers: the containers known when the capture starts, one line each:
--   container.type container.image container.name container.id   (columns of 15, 16, 20, 13)
-- under a line of dashes of the same widths. With the argument "desc" the container table is
-- printed as a Lua-like structure instead ("1 = {", "  id = \"...\",", ...).

local fmt = require "sysray.fmt"

description = "Lists the containers the capture knows about, with their type, image, name and id. Reading a file, these are the containers recorded in it; live, those running when the capture starts. Give the argument desc to print the whole container table as a data structure."
short_description = "List the containers"
category = "System State"
args = {
	{
		name = "desc",
		description = "the word desc: print the container table as a data structure",
		argtype = "string",
		optional = true,
	},
}

local as_structure = false
local capturing = false

function on_set_arg(name, val)
	if name == "desc" and val == "desc" then
		as_structure = true
		return true
	end
	return false
end

function on_init()
	return true
end

function on_capture_start()
	capturing = true
	return true
end

-- The table is read once the capture has started; nothing more is needed from the events.
function on_event()
	sysdig.end_capture()
	return true
end

-- Keys of T: numbers ascending, then the others by name.
local function sorted_keys(t)
	local keys = {}
	for k in pairs(t) do
		keys[#keys + 1] = k
	end
	table.sort(keys, function(a, b)
		if type(a) ~= type(b) then
			return type(a) == "number"
		end
		if type(a) == "number" then
			return a < b
		end
		return tostring(a) < tostring(b)
	end)
	return keys
end

-- V as nested "name = value," lines, one space of indent per level, strings quoted as %q.
local function structure(v, name, depth)
	local s = string.rep(" ", depth)
	if name ~= nil then
		s = s .. tostring(name) .. " = "
	end
	local t = type(v)
	if t == "table" then
		local lines = { s .. "{" }
		for _, k in ipairs(sorted_keys(v)) do
			lines[#lines + 1] = structure(v[k], k, depth + 1) .. ","
		end
		lines[#lines + 1] = string.rep(" ", depth) .. "}"
		return table.concat(lines, "\n")
	elseif t == "string" then
		return s .. string.format("%q", v)
	elseif t == "number" or t == "boolean" then
		return s .. tostring(v)
	end
	return s .. '"[inserializeable datatype:' .. t .. ']"'
end

function on_capture_end()
	if not capturing then
		return true
	end
	local containers = sysdig.get_container_table()
	if as_structure then
		print(structure(containers, nil, 0))
		return true
	end
	print(fmt.column("container.type", 15) .. fmt.column("container.image", 16) ..
		fmt.column("container.name", 20) .. fmt.column("container.id", 13))
	print(fmt.column(string.rep("-", 15), 15) .. fmt.column(string.rep("-", 16), 16) ..
		fmt.column(string.rep("-", 20), 20) .. fmt.column(string.rep("-", 13), 13))
	for _, i in ipairs(sorted_keys(containers)) do
		local c = containers[i]
		print(fmt.column(tostring(c.type), 15) .. fmt.column(tostring(c.image), 16) ..
			fmt.column(tostring(c.name), 20) .. fmt.column(tostring(c.id), 13))
	end
	return true
end

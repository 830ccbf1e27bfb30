-- SPDX-License-Identifier: Apache-2.0
--
-- A small JSON writer for sysray's chisels. Its indented layout is the one sysdig's chisels
-- print with -j, so that a reader of their output reads ours:
--
--   * an object puts each member on a line of its own, indented two spaces per nesting level
--     (the outermost object's members at two spaces), `"key":value` without a space, and its
--     closing brace on a line of its own at the level of the object's parent;
--   * an array is written on one line, `[a,b,c]`, whatever it holds; objects inside it still
--     break their members onto lines indented by their own depth;
--   * numbers are written as Lua's tostring writes them ("832", "0.25", "1e+15"); NaN and
--     infinities as null; a nil inside an array as null.
--
-- Lua tables do not say whether they are arrays or objects, nor in which order their keys
-- come, so objects are built with json.object(keys, values): KEYS lists the member names in
-- the order they are written, and members whose value is nil are left out. Any other table is
-- an array of table.maxn(t) elements. Loaded with `local json = require "sysray.json"`.

local json = {}

local object_mt = {}

-- An object whose members are written in the order of KEYS.
function json.object(keys, values)
	return setmetatable({ keys = keys, values = values }, object_mt)
end

-- JSON string escapes: the named ones, \u00XX for the other control bytes and DEL.
local named = {
	['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
	['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
}

local function escape_byte(c)
	return named[c] or string.format("\\u%04x", c:byte())
end

-- The code point of a UTF-8 sequence, as \uXXXX.
local function escape_utf8(seq)
	local a, b, c = seq:byte(1, 3)
	local cp
	if #seq == 2 then
		cp = (a - 0xc0) * 0x40 + (b - 0x80)
	else
		cp = ((a - 0xe0) * 0x40 + (b - 0x80)) * 0x40 + (c - 0x80)
	end
	return string.format("\\u%04x", cp)
end

-- UTF-8 encodings of characters that are legal in JSON but that JavaScript parsers have
-- mishandled (invisible format characters, line and paragraph separators, the BOM,
-- specials); they are written as \u escapes, as JSON-js and dkjson do.
local invisible = {
	"\194[\128-\159\173]", "\216[\128-\132]", "\220\143", "\225\158[\180\181]",
	"\226\128[\140-\143\168-\175]", "\226\129[\160-\175]", "\239\187\191", "\239\191[\176-\191]",
}

function json.quote(s)
	s = s:gsub('[%z\1-\31"\\\127]', escape_byte)
	if s:find("[\194\216\220\225\226\239]") then
		for _, pat in ipairs(invisible) do
			s = s:gsub(pat, escape_utf8)
		end
	end
	return '"' .. s .. '"'
end

local function number(n)
	if n ~= n or n == math.huge or n == -math.huge then
		return "null"
	end
	return tostring(n)
end

local encode

-- OUT collects the pieces; DEPTH is the nesting level of V (the outermost value: 0).
encode = function(v, depth, out)
	local t = type(v)
	if v == nil then
		out[#out + 1] = "null"
	elseif t == "number" then
		out[#out + 1] = number(v)
	elseif t == "boolean" then
		out[#out + 1] = v and "true" or "false"
	elseif t == "string" then
		out[#out + 1] = json.quote(v)
	elseif t == "table" and getmetatable(v) == object_mt then
		local inner = "\n" .. string.rep("  ", depth + 1)
		local first = true
		out[#out + 1] = "{"
		for _, k in ipairs(v.keys) do
			local val = v.values[k]
			if val ~= nil then
				out[#out + 1] = (first and "" or ",") .. inner .. json.quote(k) .. ":"
				encode(val, depth + 1, out)
				first = false
			end
		end
		out[#out + 1] = "\n" .. string.rep("  ", depth) .. "}"
	elseif t == "table" then
		out[#out + 1] = "["
		local n = table.maxn(v)
		for i = 1, n do
			encode(v[i], depth + 1, out)
			if i < n then
				out[#out + 1] = ","
			end
		end
		out[#out + 1] = "]"
	else
		error("sysray.json: cannot encode a " .. t)
	end
end

-- V as indented JSON text, without a final newline.
function json.encode(v)
	local out = {}
	encode(v, 0, out)
	return table.concat(out)
end

return json

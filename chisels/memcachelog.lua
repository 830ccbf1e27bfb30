-- SPDX-License-Identifier: Apache-2.0
--
-- memcachelog: one line per memcached text-protocol get/set command seen on a socket,
--   <evt.datetime> method=<get|set> size=<N>B key=<key>
-- The command is the first word of the I/O's data (its first argument as rendered, bytes
-- that are not printable read as '.'), the key the second word and the size the fifth
-- ("set <key> <flags> <exptime> <bytes>"), 0 when it is not a number. Words are split on
-- single spaces. The capture-wide filter is replaced by one for memcached's port (11211) or
-- process, so that both the client's and the server's side of a command are printed.

description = "Prints the get and set commands of memcached's text protocol as they cross "
	.. "a socket: the time, the command, the object size that a set announces and the key. "
	.. "The arguments restrict the log to one command, and sets to objects of at least a "
	.. "given size: -c memcachelog get, -c memcachelog 'set 1000'. This chisel replaces the "
	.. "command-line filter with one that keeps I/O on port 11211 or by processes called "
	.. "memcached."
short_description = "Log memcached get and set commands"
category = "Application"

args = {
	{
		name = "method",
		description = "only this command: get or set",
		optional = true,
	},
	{
		name = "size",
		description = "with set: only objects of at least this many bytes",
		optional = true,
	},
}

local only_method
local min_size = 0
local fdata, fdatetime

function on_set_arg(name, val)
	if name == "method" then
		only_method = val
		return true
	elseif name == "size" then
		min_size = tonumber(val) or 0
		return true
	end
	return false
end

function on_init()
	sysdig.set_filter("(fd.sport=11211 or proc.name=memcached) and evt.is_io=true")
	sysdig.set_snaplen(4096)
	fdata = chisel.request_field("evt.arg[1]")
	fdatetime = chisel.request_field("evt.datetime")
	return true
end

-- The words of S between single spaces; consecutive spaces give empty words.
local function words(s)
	local out = {}
	local from = 1
	while true do
		local at = s:find(" ", from, true)
		if not at then
			out[#out + 1] = s:sub(from)
			return out
		end
		out[#out + 1] = s:sub(from, at - 1)
		from = at + 1
	end
end

function on_event()
	local data = evt.field(fdata)
	if type(data) ~= "string" then
		return true
	end
	local w = words(data)
	local method, key = w[1], w[2]
	if not method:match("^[gs]et") or not key then
		return true
	end
	local size = tonumber(w[5]) or 0
	if only_method and only_method ~= method then
		return true
	end
	if only_method == "set" and size < min_size then
		return true
	end
	print(string.format("%s method=%s size=%dB key=%s", evt.field(fdatetime), method, size, key))
	return true
end

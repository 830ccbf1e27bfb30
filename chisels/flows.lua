-- SPDX-License-Identifier: Apache-2.0
--
-- flows: what `tcpflow -r` does, from syscall data. Every TCP or UDP connection over IPv4
-- or IPv6 gives two files in the output directory, one per direction, holding the bytes that
-- went that way, in order, named like tcpflow's:
--   SRCIP.SRCPORT-DSTIP.DSTPORT      127.000.000.001.54321-127.000.000.001.08080
-- IPv4 octets are written with 3 digits and ports with 5; IPv6 addresses as inet_ntop writes
-- them (::1.54321-::1.08080). At the end one line per file is printed,
--   <bytes written> <file>[ (<n> bytes not captured)]
-- and, when some data was cut by the capture's snaplen, a line on stderr says how much.
--
-- Facts this rests on:
-- * A socket's endpoints are fd.cip:fd.cport (client) and fd.sip:fd.sport (server), for
--   both ends of the connection. Which end an fd is comes from the syscall that made it:
--   connect() makes a client, accept() and bind() a server. For an fd made before the
--   capture began, fd.is_server decides (it is unreliable on loopback, where both ends
--   belong to local processes).
-- * When both ends are in the capture each byte is seen twice, written by the sender and
--   read by the receiver. The two views of a direction are kept in separate part files and
--   the fuller one becomes the flow's file at the end: more bytes captured, then more bytes
--   moved, then the sender's. (A 70000-byte write is cut at the snaplen where the reads
--   that receive it, each smaller, may be whole.)
-- * Only the first snaplen bytes of a buffer are in the capture (evt.rawarg.data); the
--   syscall's result (evt.rawarg.res) says how many moved. The difference is counted as
--   not captured: capture with a larger -s. Live, the chisel asks for 16384 bytes, the most
--   sysray's eBPF capture copies of one buffer.
-- * A 4-tuple that is used again by a later connection appends to the same files.

description = "Writes the payload of every TCP and UDP connection (IPv4 and IPv6) seen in "
	.. "the capture into a directory, one file per connection and direction, named like "
	.. "tcpflow's: SRCIP.SRCPORT-DSTIP.DSTPORT with IPv4 octets padded to 3 digits and ports "
	.. "to 5 (127.000.000.001.54321-127.000.000.001.08080). Where both ends of a connection "
	.. "are in the capture, the sender's view is used. At the end it prints one line per "
	.. "file (bytes and name) and says on stderr how many bytes the capture did not hold: "
	.. "record with a large snaplen (sysray -s 16384 -w FILE) to get whole buffers. Add a "
	.. "filter (fd.sport=80, proc.name=curl) to keep only some connections."
short_description = "Write each connection's bytes to files per direction (tcpflow)"
category = "Net"

args = {
	{
		name = "dir",
		description = "the directory to write the flow files to (default ./flows)",
		argtype = "string",
		optional = true,
	},
}

local MAX_OPEN = 128 -- part files kept open at once; the rest are reopened to append

local dir = "./flows"
local f = {}
local roles = {}   -- "pid/fd" -> "client" | "server", from connect/accept/bind
local flows = {}   -- file name -> flow
local open_count = 0

function on_set_arg(name, val)
	if name == "dir" then
		if val == "" then
			print("flows: dir must not be empty")
			return false
		end
		dir = val
		return true
	end
	return false
end

local function shell_quote(s)
	return "'" .. s:gsub("'", "'\\''") .. "'"
end

function on_init()
	f.type = chisel.request_field("evt.type")
	f.pid = chisel.request_field("proc.pid")
	f.fd = chisel.request_field("fd.num")
	f.cip = chisel.request_field("fd.cip")
	f.cport = chisel.request_field("fd.cport")
	f.sip = chisel.request_field("fd.sip")
	f.sport = chisel.request_field("fd.sport")
	f.is_server = chisel.request_field("fd.is_server")
	f.is_read = chisel.request_field("evt.is_io_read")
	f.is_write = chisel.request_field("evt.is_io_write")
	f.res = chisel.request_field("evt.rawarg.res")
	f.data = chisel.request_field("evt.rawarg.data")
	chisel.set_filter("evt.dir=< and ((evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)"
		.. " and (fd.l4proto=tcp or fd.l4proto=udp)) or evt.type=connect or evt.type=accept"
		.. " or evt.type=accept4 or evt.type=bind)")
	sysdig.set_snaplen(16384)
	-- os.execute gives the exit status in Lua 5.1, true in LuaJIT's 5.2 mode.
	local status = os.execute("mkdir -p " .. shell_quote(dir))
	if status ~= 0 and status ~= true then
		print("flows: cannot create directory " .. dir)
		return false
	end
	return true
end

-- An endpoint as tcpflow names it.
local function endpoint(ip, port)
	local a, b, c, d = ip:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
	if a then
		ip = string.format("%03d.%03d.%03d.%03d", a, b, c, d)
	end
	return string.format("%s.%05d", ip, port)
end

local function close_all()
	for _, fl in pairs(flows) do
		for _, part in pairs(fl.parts) do
			if part.handle then
				part.handle:close()
				part.handle = nil
			end
		end
	end
	open_count = 0
end

-- Append DATA to PART (a part file of a flow), opening it as needed.
local function append(part, data)
	if not part.handle then
		if open_count >= MAX_OPEN then
			close_all()
		end
		local h, err = io.open(part.path, part.started and "ab" or "wb")
		if not h then
			error("flows: cannot write " .. tostring(err))
		end
		part.handle, part.started = h, true
		open_count = open_count + 1
	end
	part.handle:write(data)
end

local function flow(name)
	local fl = flows[name]
	if not fl then
		fl = { name = name, parts = {} }
		for _, side in ipairs({ "sender", "receiver" }) do
			fl.parts[side] = { path = dir .. "/" .. name .. "." .. side .. ".part",
				total = 0, captured = 0 }
		end
		flows[name] = fl
	end
	return fl
end

local function on_io(key, reading)
	local res = evt.field(f.res)
	if not res or res <= 0 then
		return
	end
	local cip, cport = evt.field(f.cip), evt.field(f.cport)
	local sip, sport = evt.field(f.sip), evt.field(f.sport)
	if not (cip and cport and sip and sport) then
		return
	end
	local role = roles[key]
	if not role then
		role = evt.field(f.is_server) and "server" or "client"
	end
	-- The client's writes and the server's reads go client -> server.
	local to_server = (role == "client") ~= reading
	local client, server = endpoint(cip, cport), endpoint(sip, sport)
	local name = to_server and (client .. "-" .. server) or (server .. "-" .. client)
	local part = flow(name).parts[reading and "receiver" or "sender"]
	local data = evt.field(f.data) or ""
	if #data > res then
		data = data:sub(1, res)
	end
	part.total = part.total + res
	part.captured = part.captured + #data
	if #data > 0 then
		append(part, data)
	end
end

function on_event()
	local pid, fd = evt.field(f.pid), evt.field(f.fd)
	if not pid or not fd then
		return true
	end
	local key = pid .. "/" .. fd
	local t = evt.field(f.type)
	if t == "connect" then
		roles[key] = "client"
	elseif t == "accept" or t == "accept4" or t == "bind" then
		roles[key] = "server"
	elseif evt.field(f.is_read) then
		on_io(key, true)
	elseif evt.field(f.is_write) then
		on_io(key, false)
	end
	return true
end

function on_capture_end()
	close_all()
	local names = {}
	for name in pairs(flows) do
		names[#names + 1] = name
	end
	table.sort(names)
	local total, missing = 0, 0
	for _, name in ipairs(names) do
		local s, r = flows[name].parts.sender, flows[name].parts.receiver
		local keep, drop = s, r
		if r.captured > s.captured or (r.captured == s.captured and r.total > s.total) then
			keep, drop = r, s
		end
		if drop.started then
			os.remove(drop.path)
		end
		local path = dir .. "/" .. name
		if keep.started then
			os.remove(path)
			local ok, err = os.rename(keep.path, path)
			if not ok then
				io.stderr:write("flows: cannot rename " .. keep.path .. ": " .. tostring(err) .. "\n")
			end
		end
		local cut = keep.total - keep.captured
		total, missing = total + keep.total, missing + cut
		local line = string.format("%d %s", keep.captured, path)
		if cut > 0 then
			line = line .. string.format(" (%d bytes not captured)", cut)
		end
		print(line)
	end
	if missing > 0 then
		io.stdout:flush()
		io.stderr:write(string.format(
			"flows: %d bytes of %d were not captured; capture with a larger -s\n", missing, total))
	end
	return true
end

-- SPDX-License-Identifier: Apache-2.0
--
-- udp_extract: the data of every UDP socket I/O in a capture file, appended to one file per
-- fd name under ./udp_dump_files/. A file is named after the fd's tuple with ':' written '_'
-- and '>' written '-' ("127.0.0.1:46383->127.0.0.1:19999" is
-- "127.0.0.1_46383--127.0.0.1_19999"). Only successful exits are used, and only the bytes
-- the capture holds (raise the snaplen when capturing to get whole datagrams). Capture files
-- only: live, the chisel refuses to start.

local DIR = "./udp_dump_files"

description = "Writes the payload of the UDP traffic in a capture file into the "
	.. "directory " .. DIR .. ", one file per socket tuple, named after the tuple "
	.. "(':' becomes '_', '>' becomes '-'). Reads and writes of a socket go to the same file, "
	.. "in capture order. Only the bytes the capture holds are written."
short_description = "Extract UDP payloads to one file per socket tuple"
category = "I/O"

args = {}

local fdata, fres, fname
local files = {}

function on_init()
	fdata = chisel.request_field("evt.rawarg.data")
	fres = chisel.request_field("evt.rawarg.res")
	fname = chisel.request_field("fd.name")
	os.execute("mkdir -p " .. DIR .. " 2>/dev/null")
	sysdig.set_snaplen(16384)
	chisel.set_filter("evt.dir=< and evt.rawres>=0 and fd.l4proto=udp and evt.is_io=true")
	return true
end

function on_capture_start()
	if sysdig.is_live() then
		print("live capture not supported")
		return false
	end
	return true
end

function on_event()
	local data, name = evt.field(fdata), evt.field(fname)
	if not data or not name then
		return true
	end
	local f = files[name]
	if not f then
		local path = DIR .. "/" .. name:gsub(":", "_"):gsub(">", "-")
		local err
		f, err = io.open(path, "w")
		if not f then
			error("udp_extract: cannot write " .. tostring(err))
		end
		files[name] = f
	end
	f:write(data)
	return true
end

function on_capture_end()
	for _, f in pairs(files) do
		f:close()
	end
	files = {}
	return true
end

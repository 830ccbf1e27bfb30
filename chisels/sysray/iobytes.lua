-- SPDX-License-Identifier: Apache-2.0
--
-- The per-second byte counters behind the iobytes, iobytes_file and iobytes_net chisels.
-- Successful reads and writes that pass FILTER are summed; at each 1-second boundary that an
-- event crosses, one line is printed for the second(s) before it:
--
--   HH:MM:SS in:<bytes read> out:<bytes written> tot:<both>
--
-- where the time is that of the event that crossed the boundary (evt.time.s, local time).
-- Seconds in which no event arrives print nothing, and the last, partial second is not
-- printed. Loaded with `local iobytes = require "sysray.iobytes"`; it sets no globals.

local iobytes = {}

-- on_init, on_event and on_interval for a chisel counting the I/O that FILTER keeps.
function iobytes.callbacks(filter)
	local fbytes, ftime, fisread
	local bytes_in, bytes_out = 0, 0

	local function on_init()
		fbytes = chisel.request_field("evt.rawarg.res")
		ftime = chisel.request_field("evt.time.s")
		fisread = chisel.request_field("evt.is_io_read")
		chisel.set_filter(filter)
		chisel.set_interval_s(1)
		return true
	end

	local function on_event()
		local n = evt.field(fbytes)
		if n ~= nil and n > 0 then
			if evt.field(fisread) then
				bytes_in = bytes_in + n
			else
				bytes_out = bytes_out + n
			end
		end
		return true
	end

	local function on_interval()
		print(evt.field(ftime) .. " in:" .. bytes_in .. " out:" .. bytes_out ..
			" tot:" .. (bytes_in + bytes_out))
		bytes_in, bytes_out = 0, 0
		return true
	end

	return on_init, on_event, on_interval
end

return iobytes

-- SPDX-License-Identifier: Apache-2.0
--
-- HTTP/1.x request/response pairing over socket I/O, for the httplog and httptop chisels.
--
-- The unit of work is one read or write buffer (evt.buffer, the first snaplen bytes of the
-- I/O). A connection is keyed by (process id, fd number). A buffer that starts with an
-- upper-case word, a space and a non-blank token ("GET /x") opens a request on a connection
-- that has none pending; a later buffer on the same connection that contains "HTTP/<v> <code>"
-- closes it, and the pair (a "transaction") is handed to the caller. Both sides of a
-- conversation that the capture sees (client and server) each give their own transaction.
--
-- evt.buffer is the rendered buffer: with sysdig's default output format non-printable bytes
-- (CR, LF) read as '.', so a header line ends in ".." rather than "\r\n". Header values are
-- looked for ending in either form. A value is a run of graphic characters ([%w%p], C's
-- isgraph): the longest one that is followed by a line end, as header text allows.
--
-- Loaded with `local httpparse = require "sysray.httpparse"`; it sets no globals.

local httpparse = {}

-- The chisel filter: socket I/O (IP or unix) that moved data.
httpparse.FILTER =
	"evt.is_io = true and evt.buflen > 0 and (fd.sockfamily = ip or fd.sockfamily = unix)"

-- HTTP heads fit in the first KiB of a buffer; more is not needed.
httpparse.SNAPLEN = 1024

local GRAPH = "[%w%p]"

-- The value of header NAME (a Lua pattern, '-' escaped) in BUF, made of characters of
-- class CLASS, or nil.
local function header(buf, name, class)
	local v = buf:match(name .. ": (" .. class .. "+)%.%.")
	if not v then
		v = buf:match(name .. ": (" .. class .. "+)\r\n")
	end
	return v
end

-- {method=, url=} when BUF begins a request; url is Host + path when a Host header is there.
function httpparse.request(buf)
	local method, path = buf:match("^(%u+) (" .. GRAPH .. "+)")
	if not method then
		return nil
	end
	local host = header(buf, "Host", GRAPH)
	return { method = method, url = (host or "") .. path }
end

-- {code=, length=} when BUF holds a status line; length is Content-Length, 0 when absent.
function httpparse.response(buf)
	local code = buf:match("HTTP/" .. GRAPH .. "+ (%d+)")
	if not code then
		return nil
	end
	local len = header(buf, "Content%-Length", "%d")
	return { code = tonumber(code), length = tonumber(len) or 0 }
end

-- A parser: request the fields and set the chisel filter (call from on_init), then feed it
-- each event with parser:event(). ON_TRANSACTION(t) receives
--   t.request  = {method, url, ts}      ts: evt.rawtime of the request buffer (ns)
--   t.response = {code, length, ts}
--   t.dir      = "<" (the request was read: a server) or ">" (written: a client), "<NA>"
--   t.container = container.name at the request
-- and reads the response event's fields through parser.fields while it runs.
function httpparse.new(on_transaction)
	local p = { pending = {}, fields = {} }
	local f = p.fields
	chisel.set_filter(httpparse.FILTER)
	f.buffer = chisel.request_field("evt.buffer")
	f.fd = chisel.request_field("fd.num")
	f.pid = chisel.request_field("proc.pid")
	f.rawtime = chisel.request_field("evt.rawtime")
	f.datetime = chisel.request_field("evt.datetime")
	f.io_dir = chisel.request_field("evt.io_dir")
	f.container = chisel.request_field("container.name")
	sysdig.set_snaplen(httpparse.SNAPLEN)

	local dirs = { read = "<", write = ">" }

	function p:event()
		local buf = evt.field(f.buffer)
		local pid, fd = evt.field(f.pid), evt.field(f.fd)
		if not buf or not pid or not fd then
			return
		end
		local key = pid .. "/" .. fd
		local open = self.pending[key]
		if open then
			local resp = httpparse.response(buf)
			if resp then
				resp.ts = evt.field(f.rawtime)
				open.response = resp
				self.pending[key] = nil
				on_transaction(open)
			end
			return
		end
		local req = httpparse.request(buf)
		if req then
			req.ts = evt.field(f.rawtime)
			self.pending[key] = {
				request = req,
				dir = dirs[evt.field(f.io_dir)] or "<NA>",
				container = evt.field(f.container),
			}
		end
	end

	return p
end

return httpparse

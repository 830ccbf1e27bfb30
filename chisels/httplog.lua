-- SPDX-License-Identifier: Apache-2.0
--
-- httplog: one line per HTTP request/response pair seen on a socket, when the response
-- arrives:
--   <evt.datetime> [<container> ]<dir> method=M url=U response_code=C latency=Nms size=NB
-- dir is '<' where the request was read (the server's side) and '>' where it was written
-- (the client's); latency is response minus request time in whole milliseconds (cut); size
-- is the response's Content-Length (0 when it has none). With -pc the container name is
-- printed after the time.

description = "Prints a line for every HTTP request answered on a socket that the capture "
	.. "sees: the time of the response, which side of the connection this is (< server, "
	.. "> client), the method, the URL (Host header and path), the status code, the time "
	.. "between request and response and the response's Content-Length. Only the first KiB "
	.. "of each buffer is looked at. Add -pc to see container names."
short_description = "Log HTTP requests and their responses"
category = "Application"
args = {}

local httpparse = require "sysray.httpparse"

local parser
local with_container = false

local function on_transaction(t)
	local req, resp = t.request, t.response
	local where = " "
	if with_container then
		where = " " .. tostring(t.container) .. " "
	end
	print(string.format("%s%s%s method=%s url=%s response_code=%d latency=%dms size=%dB",
		evt.field(parser.fields.datetime), where, t.dir, req.method, req.url, resp.code,
		math.floor((resp.ts - req.ts) / 1000000), resp.length))
end

function on_init()
	parser = httpparse.new(on_transaction)
	with_container = sysdig.is_print_container_data()
	return true
end

function on_event()
	parser:event()
	return true
end

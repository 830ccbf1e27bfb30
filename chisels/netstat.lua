-- SPDX-License-Identifier: Apache-2.0
--
-- netstat: the IPv4 and IPv6 sockets open at the first event, one line per thread and socket,
-- threads in id order, descriptors in number order:
--   Proto Server Address Client Address State TID/PID/Program Name   (6, 25, 25, 15)
-- A socket without a client end is a listening server socket: client 0.0.0.0:*, LISTEN.

local fmt = require "sysray.fmt"
local snapshot = require "sysray.snapshot"

description = "Lists the network connections and listening sockets of every thread, like netstat, as they were at the first event that passes the filter (so the filter picks the moment). The optional filter argument keeps only the sockets it matches, for example 'proc.name=nginx and fd.sport=80'."
short_description = "List the network connections (optionally those matching a filter)"
category = "System State"
args = {
	{
		name = "filter",
		description = "keep only the sockets that this filter matches (e.g. 'fd.sport=22')",
		argtype = "filter",
		optional = true,
	},
}

-- Only IPv4 and IPv6 sockets; a user's filter narrows that down.
local filter = "(fd.type=ipv4 or fd.type=ipv6)"

function on_set_arg(name, val)
	if name == "filter" then
		filter = filter .. " and (" .. val .. ")"
		return true
	end
	return false
end

function on_init()
	return true
end

local function report()
	local threads = sysdig.get_thread_table(filter)
	print(fmt.column("Proto", 6) .. fmt.column("Server Address", 25) ..
		fmt.column("Client Address", 25) .. fmt.column("State", 15) .. "TID/PID/Program Name")
	for _, tid in ipairs(snapshot.sorted_keys(threads)) do
		local th = threads[tid]
		local fds = th.fdtable
		for _, fd in ipairs(snapshot.sorted_keys(fds)) do
			local info = fds[fd]
			local client, state = "0.0.0.0:*", "LISTEN"
			if info.cip ~= nil then
				client, state = info.cip .. ":" .. info.cport, "ESTABLISHED"
			end
			print(fmt.column(info.l4proto, 6) ..
				fmt.column(info.sip .. ":" .. info.sport, 25) ..
				fmt.column(client, 25) ..
				fmt.column(state, 15) ..
				tid .. "/" .. th.pid .. "/" .. th.comm)
		end
	end
end

on_capture_start, on_event, on_capture_end = snapshot.callbacks(report)

-- SPDX-License-Identifier: Apache-2.0
--
-- lsof: the open file descriptors at the first event, one line per thread and descriptor
-- (threads of one process repeat the process's table), threads in id order, descriptors in
-- number order:
--   COMMAND PID TID USER FD TYPE NAME   (columns of 20, 8, 8, 8, 8 and 12)

local fmt = require "sysray.fmt"
local snapshot = require "sysray.snapshot"

description = "Lists the open file descriptors of every thread, like lsof, as they were at the first event that passes the filter (so the filter picks the moment). The optional filter argument keeps only the descriptors it matches, for example 'proc.name=nginx and fd.name contains /var/log'."
short_description = "List the open FDs (optionally those matching a filter)"
category = "System State"
args = {
	{
		name = "filter",
		description = "keep only the file descriptors that this filter matches (e.g. 'proc.name=sshd and fd.type=ipv4')",
		argtype = "filter",
		optional = true,
	},
}

local filter = nil

function on_set_arg(name, val)
	if name == "filter" then
		filter = val
		return true
	end
	return false
end

function on_init()
	return true
end

local function report()
	local threads = sysdig.get_thread_table(filter)
	print(fmt.column("COMMAND", 20) .. fmt.column("PID", 8) .. fmt.column("TID", 8) ..
		fmt.column("USER", 8) .. fmt.column("FD", 8) .. fmt.column("TYPE", 12) .. "NAME")
	for _, tid in ipairs(snapshot.sorted_keys(threads)) do
		local th = threads[tid]
		local fds = th.fdtable
		for _, fd in ipairs(snapshot.sorted_keys(fds)) do
			local info = fds[fd]
			print(fmt.column(th.comm, 20) ..
				fmt.column(tostring(th.pid), 8) ..
				fmt.column(tostring(tid), 8) ..
				fmt.column(tostring(th.username), 8) ..
				fmt.column(tostring(fd), 8) ..
				fmt.column(tostring(info.type), 12) ..
				tostring(info.name))
		end
	end
end

on_capture_start, on_event, on_capture_end = snapshot.callbacks(report)

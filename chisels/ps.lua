-- SPDX-License-Identifier: Apache-2.0
--
-- ps: the threads known at the first event, one line each in thread id order:
--   TID PID USER VIRT RES FDLIMIT CMD
-- (columns of 8, 8, 12, 11, 11 and 10; VIRT and RES as byte counts, CMD the command name).

local fmt = require "sysray.fmt"
local snapshot = require "sysray.snapshot"

description = "Lists the threads of the system, like ps, as they were at the first event that passes the filter (so the filter picks the moment). The optional filter argument keeps only the threads that hold a file descriptor it matches: for example 'fd.name contains /etc' lists the processes with a file under /etc open."
short_description = "List the processes (optionally those with FDs matching a filter)"
category = "System State"
args = {
	{
		name = "filter",
		description = "keep only the threads holding a file descriptor that this filter matches (e.g. 'fd.name contains /etc')",
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
	print(fmt.column("TID", 8) .. fmt.column("PID", 8) .. fmt.column("USER", 12) ..
		fmt.column("VIRT", 11) .. fmt.column("RES", 11) .. fmt.column("FDLIMIT", 10) ..
		fmt.column("CMD", 20))
	for _, tid in ipairs(snapshot.sorted_keys(threads)) do
		local th = threads[tid]
		print(fmt.column(tostring(tid), 8) ..
			fmt.column(tostring(th.pid), 8) ..
			fmt.column(tostring(th.username), 12) ..
			fmt.column(fmt.bytes(th.vmsize_kb * 1024), 11) ..
			fmt.column(fmt.bytes(th.vmrss_kb * 1024), 11) ..
			fmt.column(tostring(th.fdlimit), 10) ..
			th.comm)
	end
end

on_capture_start, on_event, on_capture_end = snapshot.callbacks(report)

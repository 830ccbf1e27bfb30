-- SPDX-License-Identifier: Apache-2.0
--
-- shellshock_detect: bash or sh started with an environment variable that holds a
-- function definition followed by more text, the pattern of the shellshock attack
-- (CVE-2014-6271).

description = "Reports every start of bash or sh whose environment holds a function "
	.. "definition, '() {...', the way shellshock (CVE-2014-6271) attacks inject commands: "
	.. "the time, the name and PID of the parent process that started the shell, and the "
	.. "environment value from '()' on. sysdig 0.29's own shellshock_detect stops at start "
	.. "(its filter mixes 'and' and 'or' without brackets); this one reads it as intended."
short_description = "Report shellshock attempts"
category = "Security"

args = {}

local fmt = require "sysray.fmt"

local f = {}

-- A value that defines a function with a body: "() {" or "(){", then at least one byte.
local FUNCTION = "%(%) ?{.+"

function on_init()
	for _, name in ipairs({ "proc.pname", "proc.ppid", "proc.pid", "evt.arg.env",
		"evt.time" }) do
		f[name] = chisel.request_field(name)
	end
	chisel.set_filter("(proc.name=bash or proc.name=sh) and evt.type=execve")
	print(fmt.column("TIME", 22) .. fmt.column("PROCNAME", 22) .. fmt.column("PID", 8)
		.. "FUNCTION")
	return true
end

function on_event()
	local env = evt.field(f["evt.arg.env"])
	if env == nil or not env:find(FUNCTION) then
		return true
	end
	-- The event's environment is one rendered string; the thread table has it as a list.
	local thread = sysdig.get_thread_table()[evt.field(f["proc.pid"])]
	if thread == nil then
		return true
	end
	for _, v in ipairs(thread.env) do
		if v:find(FUNCTION) then
			print(fmt.column(tostring(evt.field(f["evt.time"])), 22)
				.. fmt.column(tostring(evt.field(f["proc.pname"])), 22)
				.. fmt.column(tostring(evt.field(f["proc.ppid"])), 8) .. v:match("%(%).+"))
			break
		end
	end
	return true
end

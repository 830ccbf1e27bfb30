-- SPDX-License-Identifier: Apache-2.0
--
-- list_login_shells: the login shell ID (proc.loginshellid) of the last program started
-- in the capture, optionally the last one whose name or arguments match.

description = "Prints the login shell ID (proc.loginshellid) under which a program was "
	.. "started, for use as a spy_users filter. command narrows it to programs whose path "
	.. "matches that Lua pattern (* for any), arguments to those whose arguments match. As "
	.. "in sysdig 0.29, only the last such program's shell is kept, and it is printed once "
	.. "for each of the shell ID, container name and container ID that is known. With -pc "
	.. "(or -pcontainer) the container name and ID follow the shell ID."
short_description = "Show the login shell ID of the programs started"
category = "Security"

args = {
	{ name = "command", description = "a Lua pattern the program's path must match "
		.. "(* for any)", argtype = "string", optional = true },
	{ name = "arguments", description = "a Lua pattern the program's arguments must match",
		argtype = "string", optional = true },
}

local want_command, want_arguments
local f = {}
local with_container

-- The last matching program's shell ID, container name and container ID (each may be nil).
local last = {}

function on_set_arg(name, value)
	if name == "command" then
		if value ~= "*" then
			want_command = value
		end
	elseif name == "arguments" then
		want_arguments = value
	end
	return true
end

function on_init()
	for _, name in ipairs({ "proc.loginshellid", "evt.arg.exe", "evt.arg.args",
		"container.name", "container.id" }) do
		f[name] = chisel.request_field(name)
	end
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("evt.type=execve")
	return true
end

function on_event()
	local sid = evt.field(f["proc.loginshellid"])
	local exe = evt.field(f["evt.arg.exe"])
	if not (sid and exe) then
		return true
	end
	if want_command and not string.find(exe, want_command) then
		return true
	end
	local arguments = evt.field(f["evt.arg.args"])
	if want_arguments and arguments and not string.find(arguments, want_arguments) then
		return true
	end
	last = { sid, evt.field(f["container.name"]), evt.field(f["container.id"]) }
	return true
end

function on_capture_end()
	if want_command then
		print("Shells containing " .. want_command .. ":")
	else
		print("All shells:")
	end
	for i = 1, 3 do
		if last[i] ~= nil then
			if with_container then
				print(last[1] .. " " .. last[2] .. " " .. last[3])
			else
				print(last[1])
			end
		end
	end
end

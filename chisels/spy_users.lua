-- SPDX-License-Identifier: Apache-2.0
--
-- spy_users: the commands that run under a shell and the directories shells move to, one
-- line each, indented by how deep the command sits below its outermost shell.

description = "Prints every program started under a shell (a process whose name ends in "
	.. "'sh') and every directory a shell changes to, one line each: the PID of the "
	.. "outermost shell above it, the time, the user, then the program and its arguments "
	.. "or 'cd DIR'. Lines are indented by the depth of the process below that shell; "
	.. "max_depth hides the deeper ones. With -pc (or -pcontainer) the user is followed by "
	.. "@container, green for the host and blue for a container."
short_description = "Show the commands users run and the directories they visit"
category = "Security"

args = {
	{ name = "max_depth", description = "the deepest level below the shell to print",
		argtype = "int", optional = true },
	{ name = "disable_color", description = "the word 'disable_color' turns colours off",
		argtype = "string", optional = true },
}

local fmt = require "sysray.fmt"
local term = require "sysray.term"
local stream = require "sysray.stream"

-- proc.aname[0..ANCESTORS] and proc.apid[0..ANCESTORS] are read.
local ANCESTORS = 16

local max_depth = -1
local f = {}
local aname, apid = {}, {}
local with_container

-- tree[pid] = { depth below the outermost shell, that shell's pid }, or { -1 } for a
-- process with no shell above it.
local tree = {}

-- Every chdir seen so far moves the ancestor fields one place further: sysdig 0.29's
-- spy_users shifts its arrays of ancestor fields on each chdir and never shifts them back,
-- so that after K chdirs ancestor j is read as proc.aname[j-K] (nothing when j < K). The
-- rows of later events depend on it, and scripts compare them with sysdig's.
local shift = 0

term.enable_color(true)

function on_set_arg(name, value)
	if name == "max_depth" then
		max_depth = stream.number_arg(value, name)
	elseif name == "disable_color" then
		stream.color_arg(value, "disable_color")
	end
	return true
end

function on_init()
	for _, name in ipairs({ "evt.type", "proc.exe", "proc.args", "evt.arg.path",
		"user.name", "evt.time.s", "proc.pid", "proc.ppid", "container.name" }) do
		f[name] = chisel.request_field(name)
	end
	with_container = sysdig.is_print_container_data()
	chisel.set_filter("((evt.type=execve and evt.dir=<) or (evt.type=chdir and evt.dir=< "
		.. "and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false")
	for j = 0, ANCESTORS do
		aname[j] = chisel.request_field("proc.aname[" .. j .. "]")
		apid[j] = chisel.request_field("proc.apid[" .. j .. "]")
	end
	return true
end

local function ancestor(handles, j)
	if j - shift < 0 then
		return nil
	end
	return evt.field(handles[j - shift])
end

-- Files PID (whose ancestors the current event's fields describe) in the tree: under the
-- last, i.e. outermost, shell among its ancestors, at depth j-1 if that shell is known
-- already and 0 otherwise.
local function place(pid)
	tree[pid] = { -1 }
	for j = 1, ANCESTORS do
		local name = ancestor(aname, j)
		if name == nil then
			if ancestor(apid, j) == nil then
				break
			end
		elseif #name >= 2 and name:sub(-2) == "sh" then
			local shell = ancestor(apid, j)
			tree[pid] = { tree[shell] and j - 1 or 0, shell }
		end
	end
end

function on_event()
	local pid = evt.field(f["proc.pid"])
	local ppid = evt.field(f["proc.ppid"])
	local is_chdir = evt.field(f["evt.type"]) == "chdir"
	-- A chdir is placed by the shell itself (its own ancestors from index 0), so it sits one
	-- level higher than a program the shell starts.
	local up = 1
	if is_chdir then
		ppid = pid
		shift = shift + 1
		up = 0
	end

	if not tree[ppid] then
		place(ppid)
	end
	if tree[ppid][1] == -1 then
		return true
	end
	if not tree[pid] then
		tree[pid] = { tree[ppid][1] + 1, tree[ppid][2] }
	end
	local depth, shell = tree[pid][1] - up, tree[pid][2]
	if max_depth ~= -1 and depth > max_depth then
		return true
	end

	local user = evt.field(f["user.name"]) or "<NA>"
	local what
	if is_chdir then
		what = "cd " .. evt.field(f["evt.arg.path"])
	else
		what = evt.field(f["proc.exe"]) .. " " .. evt.field(f["proc.args"])
	end
	-- Without -pc the lines have no colour, and programs are indented by 3 spaces a level
	-- (directories by 4), as in sysdig 0.29.
	local color, indent, who = "", 4 * depth, user
	if with_container then
		local container = evt.field(f["container.name"])
		color = stream.container_color(container)
		who = user .. "@" .. container
	elseif not is_chdir then
		indent = 3 * depth
	end
	print(color .. fmt.column("", indent) .. shell .. " " .. evt.field(f["evt.time.s"]) .. " "
		.. who .. ") " .. what)
	return true
end

function on_capture_end()
	print(term.reset)
end

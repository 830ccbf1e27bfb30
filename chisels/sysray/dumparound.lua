-- SPDX-License-Identifier: Apache-2.0
--
-- Export of the events around chosen events, for the around, spy_logs and spy_syslog
-- chisels. A chisel notes each chosen event (its time and thread) while it reads a capture
-- file; at the end, sysdig.run_app makes the host run once more over the same file with
--   -F -r<capture> -w<out> (evt.around[<ts ns>]=<ms> and thread.tid=<tid>) or (...) ...
-- which writes to <out> the events of the same thread within <ms> milliseconds before and
-- after each chosen one. Loaded with `local dumparound = require "sysray.dumparound"`.

local dumparound = {}

-- A list of chosen events. RANGE_MS is kept as the text the user gave.
function dumparound.new(range_ms)
	local d = { range_ms = range_ms or "1000", marks = {} }

	-- Note the current event, of thread TID.
	function d:mark(tid)
		local s, ns = evt.get_ts()
		self.marks[#self.marks + 1] = string.format("%d%09d", s, ns) .. "/" .. tostring(tid)
	end

	function d:count()
		return #self.marks
	end

	-- The filter that selects the events around the marks.
	function d:filter()
		local terms = {}
		for i, m in ipairs(self.marks) do
			local ts, tid = m:match("^(%d+)/(.*)$")
			terms[i] = "(evt.around[" .. ts .. "]=" .. self.range_ms .. " and thread.tid=" .. tid .. ")"
		end
		return table.concat(terms, " or ")
	end

	-- Ask the host to write the events around the marks of the capture file being read to
	-- OUT. Nothing is run when there is no mark: an empty filter would copy the whole file.
	function d:run(out)
		if #self.marks == 0 then
			return false
		end
		sysdig.run_app("-F -r" .. sysdig.get_evtsource_name() .. " -w" .. out .. " " .. self:filter())
		return true
	end

	return d
end

return dumparound

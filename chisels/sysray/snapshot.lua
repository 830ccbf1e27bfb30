-- SPDX-License-Identifier: Apache-2.0
--
-- The pattern of the ps, lsof and netstat chisels: the state tables are read as they stand at
-- the first event that passes the filters (the capture is ended there), and printed at the end
-- of the capture. A run that sees no event prints "empty capture or no event matching the
-- filter" instead. Loaded with `local snapshot = require "sysray.snapshot"`.

local snapshot = {}

-- on_capture_start, on_event and on_capture_end; REPORT() prints the tables.
function snapshot.callbacks(report)
	local capturing, matched = false, false

	local function on_capture_start()
		capturing = true
		return true
	end

	local function on_event()
		matched = true
		sysdig.end_capture()
		return false
	end

	local function on_capture_end()
		if not capturing then
			return true
		end
		if not matched then
			print("empty capture or no event matching the filter")
			return true
		end
		report()
		return true
	end

	return on_capture_start, on_event, on_capture_end
end

-- The keys of T (numbers: thread ids, fd numbers), ascending.
function snapshot.sorted_keys(t)
	local keys = {}
	for k in pairs(t) do
		keys[#keys + 1] = k
	end
	table.sort(keys)
	return keys
end

return snapshot

-- SPDX-License-Identifier: Apache-2.0
--
-- One row of a terminal heat map, for the spectrogram and subsecoffset chisels: a row of
-- cells whose background colour says how many events per second fell into each cell (none:
-- black; then greens, yellows and reds, each step about 1.6 times the previous rate), and
-- the scale row under it. Loaded with `local heatrow = require "sysray.heatrow"`.

local term = require "sysray.term"

local heatrow = {}

-- xterm 256-colour indices from dark green through yellow to red.
local ramp = { 22, 28, 34, 40, 46, 82, 118, 154, 190, 226, 220, 214, 208, 202, 196, 160 }

-- The ramp index of RATE events per second: log base 1.6 of rate + 1, at least 1.
local function level(rate)
	local l = math.floor(math.log(rate + 1) / math.log(1.6))
	if l < 1 then
		return 1
	elseif l > #ramp then
		return #ramp
	end
	return l
end

-- The cells of COUNTS (index 1..WIDTH -> events) scaled by PER_SEC (intervals per second),
-- written as coloured spaces, then a colour reset and a newline.
function heatrow.write(counts, width, per_sec)
	local out = {}
	for x = 1, width do
		local n = counts[x]
		if n and n > 0 then
			out[#out + 1] = term.bg256(ramp[level(n * per_sec)]) .. " "
		else
			out[#out + 1] = term.bg256(0) .. " "
		end
	end
	out[#out + 1] = "\27[0m\n"
	io.write(table.concat(out))
end

-- A scale row WIDTH wide: LABEL(i) written after a '|' where the tick of column x,
-- floor(x * TICKS / WIDTH), changes; labels that would not fit are left out.
function heatrow.scale(width, ticks, label)
	local out = {}
	local x = 0
	while x < width do
		local tick = math.floor(x * ticks / width)
		if x == 0 or tick ~= math.floor((x - 1) * ticks / width) then
			local s = "|" .. label(tick)
			if x + #s <= width then
				out[#out + 1] = s
				x = x + #s
			else
				out[#out + 1] = " "
				x = x + 1
			end
		else
			out[#out + 1] = " "
			x = x + 1
		end
	end
	io.write(table.concat(out), "\n")
end

-- The terminal's width, 80 when it is not known.
function heatrow.width()
	local t = sysdig.get_terminal_info()
	if t and t.width and t.width > 0 then
		return t.width
	end
	return 80
end

return heatrow

-- SPDX-License-Identifier: Apache-2.0
--
-- ANSI terminal sequences for sysray's chisels: SGR colours (ESC [ n m), cursor moves and
-- screen clearing. Colours are empty strings until enable_color(true), so that a chisel can
-- concatenate them unconditionally. Loaded with `local term = require "sysray.term"`.

local term = {}

local ESC = "\27["
local sgr = {
	reset = 0, bold = 1, black = 30, red = 31, green = 32, yellow = 33, blue = 34,
	magenta = 35, cyan = 36, white = 37,
}

function term.enable_color(on)
	for name, code in pairs(sgr) do
		term[name] = on and (ESC .. code .. "m") or ""
	end
end
term.enable_color(false)

term.clearscreen = ESC .. "2J"
term.clearline = ESC .. "2K"
term.hidecursor = ESC .. "?25l"
term.showcursor = ESC .. "?25h"

function term.moveto(row, col)
	return ESC .. row .. ";" .. col .. "H"
end

function term.moveup(n)
	return ESC .. n .. "F"
end

-- 256-colour foreground and background (ESC [ 38;5;n m / 48;5;n m).
function term.fg256(n)
	return ESC .. "38;5;" .. n .. "m"
end

function term.bg256(n)
	return ESC .. "48;5;" .. n .. "m"
end

return term

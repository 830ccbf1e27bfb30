-- SPDX-License-Identifier: Apache-2.0
-- A test view for 87-top: per thread, the first event type (no aggregation keeps the first
-- value), the last one (MAX of text keeps the last), the smallest and largest fd number.
view_info = {
	id = "zz_first_last",
	name = "ZZ First and Last",
	description = "The first and last event type and the fd range of every thread.",
	view_type = "table",
	applies_to = { "" },
	filter = "evt.type!=switch and fd.num>=0",
	columns = {
		{ name = "NA", field = "thread.tid", is_key = true },
		{ name = "FIRST", field = "evt.type", colsize = 12 },
		{ name = "LAST", field = "evt.type", colsize = 12, aggregation = "MAX" },
		{ name = "MINFD", field = "fd.num", colsize = 6, aggregation = "MIN" },
		{ name = "MAXFD", field = "fd.num", colsize = 6, aggregation = "MAX", is_sorting = true },
		{ name = "TID", field = "thread.tid", colsize = 8 },
	},
}

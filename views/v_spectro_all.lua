-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'spectro_all', in csysdig's view format (a global table view_info).

view_info = {
	id = "spectro_all",
	name = "Spectrogram-All",
	description = "Latency of every system call as a heat map, by power of ten.",
	view_type = "spectrogram",
	applies_to = { "evt.type" },
	filter = "evt.dir=<",
	use_defaults = false,
	columns = {
		{ name = "NA", field = "evt.latency.quantized", is_key = true },
		{ name = "LATENCY", field = "evt.latency.quantized" },
		{ name = "COUNT", field = "evt.count", colsize = 8, aggregation = "SUM" },
	},
}

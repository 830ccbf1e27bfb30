-- SPDX-License-Identifier: Apache-2.0
-- sysray top's view 'spectro_file', in csysdig's view format (a global table view_info).

view_info = {
	id = "spectro_file",
	name = "Spectrogram-File",
	description = "Latency of file I/O as a heat map, by power of ten.",
	view_type = "spectrogram",
	applies_to = {
		"", "container.id", "proc.pid", "thread.nametid", "thread.tid", "proc.name",
		"evt.res", "k8s.pod.id", "k8s.rc.id", "k8s.rs.id", "k8s.svc.id", "k8s.ns.id",
		"marathon.app.id", "marathon.group.name", "mesos.task.id", "mesos.framework.name",
		"fd.name", "fd.containername", "fd.directory", "fd.containerdirectory",
		"fd.containerdirectory",
	},
	filter = "evt.dir=< and fd.type=file",
	use_defaults = false,
	columns = {
		{ name = "NA", field = "evt.latency.quantized", is_key = true },
		{ name = "LATENCY", field = "evt.latency.quantized" },
		{ name = "COUNT", field = "evt.count", colsize = 8, aggregation = "SUM" },
	},
}

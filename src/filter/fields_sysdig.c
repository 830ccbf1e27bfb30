/*
 * The fields of sysdig 0.29 (`sysdig --list-markdown`, classes evt, process, user, group,
 * container and fd): names, types and descriptions as sysdig lists them. Argument syntax as
 * sysdig 0.29 accepts it. Extractors are set by the state layer; NULL means not yet.
 * Generated from `sysdig --list-markdown`; edit by hand only to add or fix a row.
 */
#include "filter/fields.h"

#include "util/util.h"

#define F(name_, type_, args_, role_, desc_) \
	{ .name = name_, .type = FT_##type_, .arg_flags = args_, .role = role_, .desc = desc_ }

const struct field_desc sysdig_fields[] = {
	/* evt */
	F("evt.num", UINT64, 0, FR_NONE,
	  "event number."),
	F("evt.time", CHARBUF, 0, FR_NONE,
	  "event timestamp as a time string that includes the nanosecond part."),
	F("evt.time.s", CHARBUF, 0, FR_NONE,
	  "event timestamp as a time string with no nanoseconds."),
	F("evt.time.iso8601", CHARBUF, 0, FR_NONE,
	  "event timestamp in ISO 8601 format, including nanoseconds and time zone offset (in UTC)."),
	F("evt.datetime", CHARBUF, 0, FR_NONE,
	  "event timestamp as a time string that includes the date."),
	F("evt.datetime.s", CHARBUF, 0, FR_NONE,
	  "event timestamp as a datetime string with no nanoseconds."),
	F("evt.rawtime", ABSTIME, 0, FR_NONE,
	  "absolute event timestamp, i.e. nanoseconds from epoch."),
	F("evt.rawtime.s", ABSTIME, 0, FR_NONE,
	  "integer part of the event timestamp (e.g. seconds since epoch)."),
	F("evt.rawtime.ns", ABSTIME, 0, FR_NONE,
	  "fractional part of the absolute event timestamp."),
	F("evt.reltime", RELTIME, 0, FR_NONE,
	  "number of nanoseconds from the beginning of the capture."),
	F("evt.reltime.s", RELTIME, 0, FR_NONE,
	  "number of seconds from the beginning of the capture."),
	F("evt.reltime.ns", RELTIME, 0, FR_NONE,
	  "fractional part (in ns) of the time from the beginning of the capture."),
	F("evt.pluginname", CHARBUF, 0, FR_NONE,
	  "if the event comes from a plugin, the name of the plugin that generated it. The plugin "
	  "must be currently loaded."),
	F("evt.plugininfo", CHARBUF, 0, FR_NONE,
	  "if the event comes from a plugin, a summary of the event as formatted by the plugin. The"
	  " plugin must be currently loaded."),
	F("evt.latency", RELTIME, 0, FR_NONE,
	  "delta between an exit event and the correspondent enter event, in nanoseconds."),
	F("evt.latency.s", RELTIME, 0, FR_NONE,
	  "integer part of the event latency delta."),
	F("evt.latency.ns", RELTIME, 0, FR_NONE,
	  "fractional part of the event latency delta."),
	F("evt.latency.human", CHARBUF, 0, FR_NONE,
	  "delta between an exit event and the correspondent enter event, as a human readable "
	  "string (e.g. 10.3ms)."),
	F("evt.deltatime", RELTIME, 0, FR_NONE,
	  "delta between this event and the previous event, in nanoseconds."),
	F("evt.deltatime.s", RELTIME, 0, FR_NONE,
	  "integer part of the delta between this event and the previous event."),
	F("evt.deltatime.ns", RELTIME, 0, FR_NONE,
	  "fractional part of the delta between this event and the previous event."),
	F("evt.dir", CHARBUF, 0, FR_NONE,
	  "event direction can be either '>' for enter events or '<' for exit events."),
	F("evt.type", CHARBUF, 0, FR_EVT_TYPE,
	  "The name of the event (e.g. 'open')."),
	F("evt.type.is", UINT32, FA_DOT | FA_REQUIRED, FR_NONE,
	  "allows one to specify an event type, and returns 1 for events that are of that type. For"
	  " example, evt.type.is.open returns 1 for open events, 0 for any other event."),
	F("syscall.type", CHARBUF, 0, FR_NONE,
	  "For system call events, the name of the system call (e.g. 'open'). Unset for other "
	  "events (e.g. switch or internal events). Use this field instead of evt.type if you need "
	  "to make sure that the filtered/printed value is actually a system call."),
	F("evt.category", CHARBUF, 0, FR_NONE,
	  "The event category. Example values are 'file' (for file operations like open and close),"
	  " 'net' (for network operations like socket and bind), memory (for things like brk or "
	  "mmap), and so on."),
	F("evt.cpu", INT16, 0, FR_NONE,
	  "number of the CPU where this event happened."),
	F("evt.args", CHARBUF, 0, FR_NONE,
	  "all the event arguments, aggregated into a single string."),
	F("evt.arg", CHARBUF, FA_DOT | FA_INDEX | FA_REQUIRED, FR_NONE,
	  "one of the event arguments specified by name or by number. Some events (e.g. return "
	  "codes or FDs) will be converted into a text representation when possible. E.g. "
	  "'evt.arg.fd' or 'evt.arg[0]'."),
	F("evt.rawarg", DYNAMIC, FA_DOT | FA_REQUIRED, FR_NONE,
	  "one of the event arguments specified by name. E.g. 'evt.rawarg.fd'."),
	F("evt.info", CHARBUF, 0, FR_NONE,
	  "for most events, this field returns the same value as evt.args. However, for some events"
	  " (like writes to /dev/log) it provides higher level information coming from decoding the"
	  " arguments."),
	F("evt.buffer", BYTEBUF, 0, FR_NONE,
	  "the binary data buffer for events that have one, like read(), recvfrom(), etc. Use this "
	  "field in filters with 'contains' to search into I/O data buffers."),
	F("evt.buflen", UINT64, 0, FR_NONE,
	  "the length of the binary data buffer for events that have one, like read(), recvfrom(), "
	  "etc."),
	F("evt.res", CHARBUF, 0, FR_NONE,
	  "event return value, as a string. If the event failed, the result is an error code string"
	  " (e.g. 'ENOENT'), otherwise the result is the string 'SUCCESS'."),
	F("evt.rawres", INT64, 0, FR_NONE,
	  "event return value, as a number (e.g. -2). Useful for range comparisons."),
	F("evt.failed", BOOL, 0, FR_NONE,
	  "'true' for events that returned an error status."),
	F("evt.is_io", BOOL, 0, FR_NONE,
	  "'true' for events that read or write to FDs, like read(), send, recvfrom(), etc."),
	F("evt.is_io_read", BOOL, 0, FR_NONE,
	  "'true' for events that read from FDs, like read(), recv(), recvfrom(), etc."),
	F("evt.is_io_write", BOOL, 0, FR_NONE,
	  "'true' for events that write to FDs, like write(), send(), etc."),
	F("evt.io_dir", CHARBUF, 0, FR_NONE,
	  "'r' for events that read from FDs, like read(); 'w' for events that write to FDs, like "
	  "write()."),
	F("evt.is_wait", BOOL, 0, FR_NONE,
	  "'true' for events that make the thread wait, e.g. sleep(), select(), poll()."),
	F("evt.wait_latency", RELTIME, 0, FR_NONE,
	  "for events that make the thread wait (e.g. sleep(), select(), poll()), this is the time "
	  "spent waiting for the event to return, in nanoseconds."),
	F("evt.is_syslog", BOOL, 0, FR_NONE,
	  "'true' for events that are writes to /dev/log."),
	F("evt.count", UINT32, 0, FR_NONE,
	  "This filter field always returns 1 and can be used to count events from inside chisels."),
	F("evt.count.error", UINT32, 0, FR_NONE,
	  "This filter field returns 1 for events that returned with an error, and can be used to "
	  "count event failures from inside chisels."),
	F("evt.count.error.file", UINT32, 0, FR_NONE,
	  "This filter field returns 1 for events that returned with an error and are related to "
	  "file I/O, and can be used to count event failures from inside chisels."),
	F("evt.count.error.net", UINT32, 0, FR_NONE,
	  "This filter field returns 1 for events that returned with an error and are related to "
	  "network I/O, and can be used to count event failures from inside chisels."),
	F("evt.count.error.memory", UINT32, 0, FR_NONE,
	  "This filter field returns 1 for events that returned with an error and are related to "
	  "memory allocation, and can be used to count event failures from inside chisels."),
	F("evt.count.error.other", UINT32, 0, FR_NONE,
	  "This filter field returns 1 for events that returned with an error and are related to "
	  "none of the previous categories, and can be used to count event failures from inside "
	  "chisels."),
	F("evt.count.exit", UINT32, 0, FR_NONE,
	  "This filter field returns 1 for exit events, and can be used to count single events from"
	  " inside chisels."),
	F("evt.around", UINT64, FA_INDEX | FA_REQUIRED, FR_NONE,
	  "Accepts the event if it's around the specified time interval. The syntax is "
	  "evt.around[T]=D, where T is the value returned by %evt.rawtime for the event and D is a "
	  "delta in milliseconds. For example, evt.around[1404996934793590564]=1000 will return the"
	  " events with timestamp with one second before the timestamp and one second after it, for"
	  " a total of two seconds of capture."),
	F("evt.abspath", CHARBUF, 0, FR_NONE,
	  "Absolute path calculated from dirfd and name during syscalls like renameat and "
	  "symlinkat. Use 'evt.abspath.src' or 'evt.abspath.dst' for syscalls that support multiple"
	  " paths."),
	F("evt.is_open_read", BOOL, 0, FR_NONE,
	  "'true' for open/openat/openat2 events where the path was opened for reading"),
	F("evt.is_open_write", BOOL, 0, FR_NONE,
	  "'true' for open/openat/openat2 events where the path was opened for writing"),
	F("evt.is_open_exec", BOOL, 0, FR_NONE,
	  "'true' for open/openat/openat2 or creat events where a file is created with execute "
	  "permissions"),
	/* process */
	F("proc.pid", INT64, 0, FR_PROC_PID,
	  "the id of the process generating the event."),
	F("proc.exe", CHARBUF, 0, FR_NONE,
	  "the first command line argument (usually the executable name or a custom one)."),
	F("proc.name", CHARBUF, 0, FR_PROC_NAME,
	  "the name (excluding the path) of the executable generating the event."),
	F("proc.args", CHARBUF, 0, FR_NONE,
	  "the arguments passed on the command line when starting the process generating the event."),
	F("proc.env", CHARBUF, 0, FR_NONE,
	  "the environment variables of the process generating the event."),
	F("proc.cmdline", CHARBUF, 0, FR_NONE,
	  "full process command line, i.e. proc.name + proc.args."),
	F("proc.exeline", CHARBUF, 0, FR_NONE,
	  "full process command line, with exe as first argument, i.e. proc.exe + proc.args."),
	F("proc.cwd", CHARBUF, 0, FR_NONE,
	  "the current working directory of the event."),
	F("proc.nthreads", UINT32, 0, FR_NONE,
	  "the number of threads that the process generating the event currently has, including the"
	  " main process thread."),
	F("proc.nchilds", UINT32, 0, FR_NONE,
	  "the number of child threads that the process generating the event currently has. This "
	  "excludes the main process thread."),
	F("proc.ppid", INT64, 0, FR_NONE,
	  "the pid of the parent of the process generating the event."),
	F("proc.pname", CHARBUF, 0, FR_NONE,
	  "the name (excluding the path) of the parent of the process generating the event."),
	F("proc.pcmdline", CHARBUF, 0, FR_NONE,
	  "the full command line (proc.name + proc.args) of the parent of the process generating "
	  "the event."),
	F("proc.apid", INT64, FA_INDEX, FR_NONE,
	  "the pid of one of the process ancestors. E.g. proc.apid[1] returns the parent pid, "
	  "proc.apid[2] returns the grandparent pid, and so on. proc.apid[0] is the pid of the "
	  "current process. proc.apid without arguments can be used in filters only and matches any"
	  " of the process ancestors, e.g. proc.apid=1234."),
	F("proc.aname", CHARBUF, FA_INDEX, FR_NONE,
	  "the name (excluding the path) of one of the process ancestors. E.g. proc.aname[1] "
	  "returns the parent name, proc.aname[2] returns the grandparent name, and so on. "
	  "proc.aname[0] is the name of the current process. proc.aname without arguments can be "
	  "used in filters only and matches any of the process ancestors, e.g. proc.aname=bash."),
	F("proc.loginshellid", INT64, 0, FR_NONE,
	  "the pid of the oldest shell among the ancestors of the current process, if there is one."
	  " This field can be used to separate different user sessions, and is useful in "
	  "conjunction with chisels like spy_user."),
	F("proc.duration", RELTIME, 0, FR_NONE,
	  "number of nanoseconds since the process started."),
	F("proc.fdopencount", UINT64, 0, FR_NONE,
	  "number of open FDs for the process"),
	F("proc.fdlimit", INT64, 0, FR_NONE,
	  "maximum number of FDs the process can open."),
	F("proc.fdusage", DOUBLE, 0, FR_NONE,
	  "the ratio between open FDs and maximum available FDs for the process."),
	F("proc.vmsize", UINT64, 0, FR_NONE,
	  "total virtual memory for the process (as kb)."),
	F("proc.vmrss", UINT64, 0, FR_NONE,
	  "resident non-swapped memory for the process (as kb)."),
	F("proc.vmswap", UINT64, 0, FR_NONE,
	  "swapped memory for the process (as kb)."),
	F("thread.pfmajor", UINT64, 0, FR_NONE,
	  "number of major page faults since thread start."),
	F("thread.pfminor", UINT64, 0, FR_NONE,
	  "number of minor page faults since thread start."),
	F("thread.tid", INT64, 0, FR_NONE,
	  "the id of the thread generating the event."),
	F("thread.ismain", BOOL, 0, FR_NONE,
	  "'true' if the thread generating the event is the main one in the process."),
	F("thread.exectime", RELTIME, 0, FR_NONE,
	  "CPU time spent by the last scheduled thread, in nanoseconds. Exported by switch events "
	  "only."),
	F("thread.totexectime", RELTIME, 0, FR_NONE,
	  "Total CPU time, in nanoseconds since the beginning of the capture, for the current "
	  "thread. Exported by switch events only."),
	F("thread.cgroups", CHARBUF, 0, FR_NONE,
	  "all the cgroups the thread belongs to, aggregated into a single string."),
	F("thread.cgroup", CHARBUF, FA_DOT | FA_REQUIRED, FR_NONE,
	  "the cgroup the thread belongs to, for a specific subsystem. E.g. thread.cgroup.cpuacct."),
	F("thread.vtid", INT64, 0, FR_NONE,
	  "the id of the thread generating the event as seen from its current PID namespace."),
	F("proc.vpid", INT64, 0, FR_NONE,
	  "the id of the process generating the event as seen from its current PID namespace."),
	F("thread.cpu", DOUBLE, 0, FR_NONE,
	  "the CPU consumed by the thread in the last second."),
	F("thread.cpu.user", DOUBLE, 0, FR_NONE,
	  "the user CPU consumed by the thread in the last second."),
	F("thread.cpu.system", DOUBLE, 0, FR_NONE,
	  "the system CPU consumed by the thread in the last second."),
	F("thread.vmsize", UINT64, 0, FR_NONE,
	  "For the process main thread, this is the total virtual memory for the process (as kb). "
	  "For the other threads, this field is zero."),
	F("thread.vmrss", UINT64, 0, FR_NONE,
	  "For the process main thread, this is the resident non-swapped memory for the process (as"
	  " kb). For the other threads, this field is zero."),
	F("proc.sid", INT64, 0, FR_NONE,
	  "the session id of the process generating the event."),
	F("proc.sname", CHARBUF, 0, FR_NONE,
	  "the name of the current process's session leader. This is either the process with "
	  "pid=proc.sid or the eldest ancestor that has the same sid as the current process."),
	F("proc.tty", INT32, 0, FR_NONE,
	  "The controlling terminal of the process. 0 for processes without a terminal."),
	F("proc.exepath", CHARBUF, 0, FR_NONE,
	  "The full executable path of the process."),
	F("proc.vpgid", INT64, 0, FR_NONE,
	  "the process group id of the process generating the event, as seen from its current PID "
	  "namespace."),
	F("proc.is_container_healthcheck", BOOL, 0, FR_NONE,
	  "true if this process is running as a part of the container's health check."),
	F("proc.is_container_liveness_probe", BOOL, 0, FR_NONE,
	  "true if this process is running as a part of the container's liveness probe."),
	F("proc.is_container_readiness_probe", BOOL, 0, FR_NONE,
	  "true if this process is running as a part of the container's readiness probe."),
	F("proc.is_exe_writable", BOOL, 0, FR_NONE,
	  "true if this process' executable file is writable by the same user that spawned the "
	  "process."),
	/* user */
	F("user.uid", UINT32, 0, FR_NONE,
	  "user ID."),
	F("user.name", CHARBUF, 0, FR_NONE,
	  "user name."),
	F("user.homedir", CHARBUF, 0, FR_NONE,
	  "home directory of the user."),
	F("user.shell", CHARBUF, 0, FR_NONE,
	  "user's shell."),
	F("user.loginuid", INT32, 0, FR_NONE,
	  "audit user id (auid)."),
	F("user.loginname", CHARBUF, 0, FR_NONE,
	  "audit user name (auid)."),
	/* group */
	F("group.gid", UINT64, 0, FR_NONE,
	  "group ID."),
	F("group.name", CHARBUF, 0, FR_NONE,
	  "group name."),
	/* container */
	F("container.id", CHARBUF, 0, FR_CONTAINER_ID,
	  "the container id."),
	F("container.name", CHARBUF, 0, FR_NONE,
	  "the container name."),
	F("container.image", CHARBUF, 0, FR_NONE,
	  "the container image name (e.g. falcosecurity/falco:latest for docker)."),
	F("container.image.id", CHARBUF, 0, FR_NONE,
	  "the container image id (e.g. 6f7e2741b66b)."),
	F("container.type", CHARBUF, 0, FR_NONE,
	  "the container type, eg: docker or rkt"),
	F("container.privileged", BOOL, 0, FR_NONE,
	  "true for containers running as privileged, false otherwise"),
	F("container.mounts", CHARBUF, 0, FR_NONE,
	  "A space-separated list of mount information. Each item in the list has the format "
	  "<source>:<dest>:<mode>:<rdrw>:<propagation>"),
	F("container.mount", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, FR_NONE,
	  "Information about a single mount, specified by number (e.g. container.mount[0]) or mount"
	  " source (container.mount[/usr/local]). The pathname can be a glob "
	  "(container.mount[/usr/local/*]), in which case the first matching mount will be "
	  "returned. The information has the format <source>:<dest>:<mode>:<rdrw>:<propagation>. If"
	  " there is no mount with the specified index or matching the provided source, returns the"
	  " string \"none\" instead of a NULL value."),
	F("container.mount.source", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, FR_NONE,
	  "the mount source, specified by number (e.g. container.mount.source[0]) or mount "
	  "destination (container.mount.source[/host/lib/modules]). The pathname can be a glob."),
	F("container.mount.dest", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, FR_NONE,
	  "the mount destination, specified by number (e.g. container.mount.dest[0]) or mount "
	  "source (container.mount.dest[/lib/modules]). The pathname can be a glob."),
	F("container.mount.mode", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, FR_NONE,
	  "the mount mode, specified by number (e.g. container.mount.mode[0]) or mount source "
	  "(container.mount.mode[/usr/local]). The pathname can be a glob."),
	F("container.mount.rdwr", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, FR_NONE,
	  "the mount rdwr value, specified by number (e.g. container.mount.rdwr[0]) or mount source"
	  " (container.mount.rdwr[/usr/local]). The pathname can be a glob."),
	F("container.mount.propagation", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, FR_NONE,
	  "the mount propagation value, specified by number (e.g. container.mount.propagation[0]) "
	  "or mount source (container.mount.propagation[/usr/local]). The pathname can be a glob."),
	F("container.image.repository", CHARBUF, 0, FR_NONE,
	  "the container image repository (e.g. falcosecurity/falco)."),
	F("container.image.tag", CHARBUF, 0, FR_NONE,
	  "the container image tag (e.g. stable, latest)."),
	F("container.image.digest", CHARBUF, 0, FR_NONE,
	  "the container image registry digest (e.g. "
	  "sha256:d977378f890d445c15e51795296e4e5062f109ce6da83e0a355fc4ad8699d27)."),
	F("container.healthcheck", CHARBUF, 0, FR_NONE,
	  "The container's health check. Will be the null value (\"N/A\") if no healthcheck "
	  "configured, \"NONE\" if configured but explicitly not created, and the healthcheck "
	  "command line otherwise"),
	F("container.liveness_probe", CHARBUF, 0, FR_NONE,
	  "The container's liveness probe. Will be the null value (\"N/A\") if no liveness probe "
	  "configured, the liveness probe command line otherwise"),
	F("container.readiness_probe", CHARBUF, 0, FR_NONE,
	  "The container's readiness probe. Will be the null value (\"N/A\") if no readiness probe "
	  "configured, the readiness probe command line otherwise"),
	/* fd */
	F("fd.num", INT64, 0, FR_NONE,
	  "the unique number identifying the file descriptor."),
	F("fd.type", CHARBUF, 0, FR_NONE,
	  "type of FD. Can be 'file', 'directory', 'ipv4', 'ipv6', 'unix', 'pipe', 'event', "
	  "'signalfd', 'eventpoll', 'inotify' or 'signalfd'."),
	F("fd.typechar", CHARBUF, 0, FR_NONE,
	  "type of FD as a single character. Can be 'f' for file, 4 for IPv4 socket, 6 for IPv6 "
	  "socket, 'u' for unix socket, p for pipe, 'e' for eventfd, 's' for signalfd, 'l' for "
	  "eventpoll, 'i' for inotify, 'o' for unknown."),
	F("fd.name", CHARBUF, 0, FR_NONE,
	  "FD full name. If the fd is a file, this field contains the full path. If the FD is a "
	  "socket, this field contain the connection tuple."),
	F("fd.directory", CHARBUF, 0, FR_NONE,
	  "If the fd is a file, the directory that contains it."),
	F("fd.filename", CHARBUF, 0, FR_NONE,
	  "If the fd is a file, the filename without the path."),
	F("fd.ip", IPADDR, 0, FR_NONE,
	  "matches the ip address (client or server) of the fd."),
	F("fd.cip", IPADDR, 0, FR_NONE,
	  "client IP address."),
	F("fd.sip", IPADDR, 0, FR_NONE,
	  "server IP address."),
	F("fd.lip", IPADDR, 0, FR_NONE,
	  "local IP address."),
	F("fd.rip", IPADDR, 0, FR_NONE,
	  "remote IP address."),
	F("fd.port", PORT, 0, FR_NONE,
	  "matches the port (either client or server) of the fd."),
	F("fd.cport", PORT, 0, FR_NONE,
	  "for TCP/UDP FDs, the client port."),
	F("fd.sport", PORT, 0, FR_NONE,
	  "for TCP/UDP FDs, server port."),
	F("fd.lport", PORT, 0, FR_NONE,
	  "for TCP/UDP FDs, the local port."),
	F("fd.rport", PORT, 0, FR_NONE,
	  "for TCP/UDP FDs, the remote port."),
	F("fd.l4proto", CHARBUF, 0, FR_NONE,
	  "the IP protocol of a socket. Can be 'tcp', 'udp', 'icmp' or 'raw'."),
	F("fd.sockfamily", CHARBUF, 0, FR_NONE,
	  "the socket family for socket events. Can be 'ip' or 'unix'."),
	F("fd.is_server", BOOL, 0, FR_NONE,
	  "'true' if the process owning this FD is the server endpoint in the connection."),
	F("fd.uid", CHARBUF, 0, FR_NONE,
	  "a unique identifier for the FD, created by chaining the FD number and the thread ID."),
	F("fd.containername", CHARBUF, 0, FR_NONE,
	  "chaining of the container ID and the FD name. Useful when trying to identify which "
	  "container an FD belongs to."),
	F("fd.containerdirectory", CHARBUF, 0, FR_NONE,
	  "chaining of the container ID and the directory name. Useful when trying to identify "
	  "which container a directory belongs to."),
	F("fd.proto", PORT, 0, FR_NONE,
	  "matches the protocol (either client or server) of the fd."),
	F("fd.cproto", CHARBUF, 0, FR_NONE,
	  "for TCP/UDP FDs, the client protocol."),
	F("fd.sproto", CHARBUF, 0, FR_NONE,
	  "for TCP/UDP FDs, server protocol."),
	F("fd.lproto", CHARBUF, 0, FR_NONE,
	  "for TCP/UDP FDs, the local protocol."),
	F("fd.rproto", CHARBUF, 0, FR_NONE,
	  "for TCP/UDP FDs, the remote protocol."),
	F("fd.net", IPNET, 0, FR_NONE,
	  "matches the IP network (client or server) of the fd."),
	F("fd.cnet", IPNET, 0, FR_NONE,
	  "matches the client IP network of the fd."),
	F("fd.snet", IPNET, 0, FR_NONE,
	  "matches the server IP network of the fd."),
	F("fd.lnet", IPNET, 0, FR_NONE,
	  "matches the local IP network of the fd."),
	F("fd.rnet", IPNET, 0, FR_NONE,
	  "matches the remote IP network of the fd."),
	F("fd.connected", BOOL, 0, FR_NONE,
	  "for TCP/UDP FDs, 'true' if the socket is connected."),
	F("fd.name_changed", BOOL, 0, FR_NONE,
	  "True when an event changes the name of an fd used by this event. This can occur in some "
	  "cases such as udp connections where the connection tuple changes."),
	F("fd.cip.name", CHARBUF, 0, FR_NONE,
	  "Domain name associated with the client IP address."),
	F("fd.sip.name", CHARBUF, 0, FR_NONE,
	  "Domain name associated with the server IP address."),
	F("fd.lip.name", CHARBUF, 0, FR_NONE,
	  "Domain name associated with the local IP address."),
	F("fd.rip.name", CHARBUF, 0, FR_NONE,
	  "Domain name associated with the remote IP address."),
	F("fd.dev", INT32, 0, FR_NONE,
	  "device number (major/minor) containing the referenced file"),
	F("fd.dev.major", INT32, 0, FR_NONE,
	  "major device number containing the referenced file"),
	F("fd.dev.minor", INT32, 0, FR_NONE,
	  "minor device number containing the referenced file"),
};
#undef F

const size_t sysdig_fields_count = ARRAY_SIZE(sysdig_fields);

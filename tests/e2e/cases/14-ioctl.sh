# SPDX-License-Identifier: Apache-2.0
# ioctl requests decoded as data (hdio, evdev, gpio ...): tests/progs/ioctls makes them on
# fd -1, so each argument prints at entry and its output is an address; with a result
# injected the outputs print too, abbreviated, whole (-v) and with -X verbose and raw.
compare_trace prog-ioctls "$PROGS/ioctls"
compare_trace prog-ioctls-inject -e inject=ioctl:retval=8 "$PROGS/ioctls"
compare_trace prog-ioctls-v -v -e inject=ioctl:retval=100 "$PROGS/ioctls"
compare_trace prog-ioctls-xverbose -X verbose -e inject=ioctl:retval=8 "$PROGS/ioctls"
compare_trace prog-ioctls-xraw -X raw -e inject=ioctl:retval=8 "$PROGS/ioctls"
# Requests whose struct goes in and comes back (seccomp notifications, SG_IO, PTP_SYS_OFFSET,
# PERF_EVENT_IOC_MODIFY_ATTRIBUTES, the socket requests' ifreq and ifconf, device-mapper,
# TEE):
# tests/progs/ioctls_struct_io, the same five ways.
compare_trace prog-ioctls-io "$PROGS/ioctls_struct_io"
compare_trace prog-ioctls-io-inject -e inject=ioctl:retval=8 "$PROGS/ioctls_struct_io"
compare_trace prog-ioctls-io-v -v -e inject=ioctl:retval=100 "$PROGS/ioctls_struct_io"
compare_trace prog-ioctls-io-xverbose -X verbose -e inject=ioctl:retval=8 \
	"$PROGS/ioctls_struct_io"
compare_trace prog-ioctls-io-xraw -X raw -e inject=ioctl:retval=8 "$PROGS/ioctls_struct_io"
# the console (kd) and video (v4l2) requests: tests/progs/ioctls_console
compare_trace prog-ioctls-console "$PROGS/ioctls_console"
compare_trace prog-ioctls-console-inject -e inject=ioctl:retval=8 "$PROGS/ioctls_console"
compare_trace prog-ioctls-console-s64 -s 64 -e inject=ioctl:retval=8 "$PROGS/ioctls_console"
compare_trace prog-ioctls-console-xverbose -X verbose -e inject=ioctl:retval=8 \
	"$PROGS/ioctls_console"
compare_trace prog-ioctls-console-xraw -X raw -e inject=ioctl:retval=8 "$PROGS/ioctls_console"

# SPDX-License-Identifier: Apache-2.0
# The options that choose lines (-P), add to them (-e read=, -e write=: hex dumps of whole
# buffers) and prefix them (-i: the instruction pointer), against strace on both backends
# (compare_trace's NAME and ebpf-NAME).

# -P by path arguments: files names its paths relative to its directory, so no descriptor's
# /proc link (always absolute) names them, under strace as here.
TRACE_OPTS='-P data.txt -P sub -P nonexistent' compare_trace opt-P-paths "$PROGS/files"
# -P by descriptor: dup, fcntl, ioctl... on /dev/null's descriptors; fds-src by name.
TRACE_OPTS='-P /dev/null -P fds-src' compare_trace opt-P-fds "$PROGS/fds"
# Every descriptor's data, both ways: pipes, an eventfd, readv/writev, the loader's reads.
TRACE_OPTS='-e read=all -e write=all' compare_trace opt-rw-dump "$PROGS/fds"
# Without address randomisation the instruction pointers are the same in each run (all but
# the first execve's, which is in each tracer's own child).
TRACE_WRAP='setarch -R' TRACE_OPTS='-i' compare_trace opt-i "$PROGS/fds"

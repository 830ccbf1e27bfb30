/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which backend runs `sysray trace`: eBPF when the options are ones it serves and the kernel
 * and the process allow it (or --backend=ebpf), ptrace otherwise (or --backend=ptrace).
 */
#ifndef SYSRAY_TRACE_BACKEND_H
#define SYSRAY_TRACE_BACKEND_H

#include <stdbool.h>

#include "source/bpf/trace_count.h"
#include "trace/opts.h"

/*
 * The line mode's ring of events: 4 MiB, 40,000 syscall events without memory, or 128 of the
 * largest. A reader that keeps up (it does at a million getppid calls a second here) needs a few
 * hundred KiB of it between two looks; the rest absorbs bursts. Each MiB costs its creation
 * 2 ms here, clearing and mapping its pages (16 MiB took a third of a trace's start).
 */
#define EBPF_EVENT_RING_BYTES (4u << 20)

/*
 * The eBPF program, loaded and attached (in line mode unless O is -c alone), when eBPF serves
 * O; NULL for ptrace. CAPTURE: -w FILE was given. With -v, says on stderr which backend and
 * why, in one line. NULL with *FAILED set after a message when --backend=ebpf cannot be served
 * (an option that needs ptrace, a missing kernel feature).
 */
struct trace_count *backend_choose(const struct trace_opts *o, bool capture, bool *failed);

#endif

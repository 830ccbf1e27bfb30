/* SPDX-License-Identifier: Apache-2.0 */
/* sysray: one binary to see, record and limit what a Linux system does in syscalls. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "util/util.h"
#include "util/version.h"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: sysray COMMAND [OPTIONS]\n"
		"       sysray [sysdig options] [FILTER]   (no arguments: every event of the system)\n"
		"\n"
		"Commands:\n"
		"  trace [strace options] CMD [ARGS] | -p PID   trace syscalls like strace\n"
		"  ps | pstree | lsof | netstat | env PID | proc PID\n"
		"                                               inspect processes through /proc\n"
		"  seccomp status|record|check|run              limit syscalls with seccomp profiles\n"
		"  capture [-n N] [-M S] [--pid P] [--syscalls a,b] [-s SNAPLEN] [-b MB] [-q] [--count]\n"
		"                                               capture the whole system through eBPF\n"
		"  top [-r FILE] [-v VIEW] [-j | --raw] [FILTER]\n"
		"                                               csysdig's views (processes, files, ...)\n"
		"  detect [-r RULES] [-e CAPTURE] [-o KEY=VALUE] [-j] [-V RULES] [-L]\n"
		"                                               Falco's rules: alerts live or on a capture\n"
		"  scap-dump [--meta] [-q] [-w OUT [-z]] FILE   list the blocks and events of a .scap file\n"
		"  demo                                         trace a built-in demo workload\n"
		"  [-r FILE] [-p FORMAT] [-j] [-S] [FILTER]     sysdig's command line ('sysray -r F -h')\n"
		"  help                                         this text\n"
		"  --version, -V                                sysray's version\n"
		"\n"
		"Run 'sysray trace -h' for the options of trace.\n");
}

int main(int argc, char **argv)
{
	/* as sysdig: no arguments at all streams every event of the system */
	if (argc < 2)
		return cmd_sysdig(argc, argv);
	const char *cmd = argv[1];
	if (!strcmp(cmd, "trace"))
		return cmd_trace(argc - 1, argv + 1);
	if (!strcmp(cmd, "demo"))
		return cmd_demo(argc - 1, argv + 1);
	static const char *const procs[] = { "ps", "pstree", "lsof", "netstat", "env", "proc" };
	for (size_t i = 0; i < ARRAY_SIZE(procs); i++)
		if (!strcmp(cmd, procs[i]))
			return cmd_procs(argc - 1, argv + 1);
	if (!strcmp(cmd, "seccomp"))
		return cmd_seccomp(argc - 1, argv + 1);
	if (!strcmp(cmd, "capture"))
		return cmd_capture(argc - 1, argv + 1);
	if (!strcmp(cmd, "top"))
		return cmd_top(argc - 1, argv + 1);
	if (!strcmp(cmd, "detect"))
		return cmd_detect(argc - 1, argv + 1);
	if (!strcmp(cmd, "scap-dump"))
		return cmd_scap_dump(argc - 1, argv + 1);
	if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
		printf("sysray %s\n", SYSRAY_VERSION);
		return 0;
	}
	if (!strcmp(cmd, "help") || !strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		usage(stdout);
		return 0;
	}
	/* sysdig's command line: an option (-r, -p, -l ...) or a filter ("proc.name=cat") */
	if (cmd[0] == '-' || strpbrk(cmd, "=<>!( .") || !strcmp(cmd, "not"))
		return cmd_sysdig(argc, argv);
	msg("unknown command '%s'", cmd);
	usage(stderr);
	return 1;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysray ps | pstree | lsof | netstat | ss | env | proc: the command lines of the /proc views.
 * Options follow the classic tools where they exist (ps -o/-p, pstree -p, lsof -p/-i,
 * netstat and ss -t/-u/-x/-l/-a/-n/-p, netstat -e/-W); -j prints JSON everywhere.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "procfs/views.h"
#include "util/util.h"

static int usage(const char *cmd, int status)
{
	FILE *f = status ? stderr : stdout;
	if (!strcmp(cmd, "ps"))
		fprintf(f, "Usage: sysray ps [-e] [-f] [-o COL[=HEADER],...] [-p PID,...] [-j]\n"
			   "  columns: pid ppid pgid sid uid user gid group comm args cmd state\n"
			   "           tty time etime stime c pcpu pmem rss vsz nlwp ni pri\n");
	else if (!strcmp(cmd, "pstree"))
		fprintf(f, "Usage: sysray pstree [-A] [-p] [-l] [-j] [PID]\n");
	else if (!strcmp(cmd, "lsof"))
		fprintf(f, "Usage: sysray lsof [-n] [-P] [-p PID,...] [-i] [-j] [PATH]\n");
	else if (!strcmp(cmd, "netstat"))
		fprintf(f, "Usage: sysray netstat [-t] [-u] [-x] [-l] [-a] [-n] [-p] [-e] [-W]"
			   " [-j]\n"
			   "  net-tools netstat's layout: TCP, UDP and unix sockets (-t, -u,\n"
			   "  -x: only those); connected ones, -l listening ones, -a both\n");
	else if (!strcmp(cmd, "ss"))
		fprintf(f, "Usage: sysray ss [-t] [-u] [-x] [-l] [-a] [-n] [-p] [-j]\n"
			   "  iproute2 ss's layout: TCP, UDP and unix sockets (-t, -u, -x: only\n"
			   "  those); connected ones, -l listening ones, -a both\n");
	else
		fprintf(f, "Usage: sysray %s [-j] PID\n", cmd);
	return status;
}

static int parse_pid(const char *cmd, const char *arg, pid_t *pid)
{
	struct pid_set s = { 0 };
	if (pid_set_parse(&s, arg) || s.n != 1) {
		free(s.v);
		msg("%s: '%s' is not a process id", cmd, arg);
		return -1;
	}
	*pid = s.v[0];
	free(s.v);
	return 0;
}

static int add_pids(const char *cmd, struct pid_set *set, const char *arg)
{
	if (pid_set_parse(set, arg)) {
		msg("%s: '%s' is not a list of process ids", cmd, arg);
		return -1;
	}
	return 0;
}

static int run_ps(int argc, char **argv)
{
	struct ps_opts o = { 0 };
	int c, rc;
	/* ps -e and -f are what we print anyway; accepted so that "ps -ef" works. */
	while ((c = getopt(argc, argv, "efjo:p:h")) != -1) {
		switch (c) {
		case 'e':
		case 'f':
			break;
		case 'j':
			o.json = 1;
			break;
		case 'o':
			o.format = optarg;
			if (ps_check_format(optarg))
				return 1;
			break;
		case 'p':
			if (add_pids("ps", &o.pids, optarg))
				return 1;
			break;
		case 'h':
			return usage("ps", 0);
		default:
			return usage("ps", 1);
		}
	}
	for (; optind < argc; optind++)	/* "ps 123" as procps takes it */
		if (add_pids("ps", &o.pids, argv[optind]))
			return 1;
	rc = ps_view(&o);
	free(o.pids.v);
	return rc;
}

static int run_pstree(int argc, char **argv)
{
	struct pstree_opts o = { .width = pstree_output_width() };
	int c;
	while ((c = getopt(argc, argv, "Apljh")) != -1) {
		switch (c) {
		case 'l':
			o.width = 0;
			break;
		case 'A':
			break;	/* ASCII is the only drawing */
		case 'p':
			o.show_pids = 1;
			break;
		case 'j':
			o.json = 1;
			break;
		case 'h':
			return usage("pstree", 0);
		default:
			return usage("pstree", 1);
		}
	}
	if (optind < argc && parse_pid("pstree", argv[optind++], &o.root))
		return 1;
	if (optind < argc)
		return usage("pstree", 1);
	return pstree_view(&o);
}

static int run_lsof(int argc, char **argv)
{
	struct lsof_opts o = { 0 };
	int c, rc;
	while ((c = getopt(argc, argv, "nPp:ijh")) != -1) {
		switch (c) {
		case 'n':
		case 'P':
			break;	/* addresses and ports are always numeric */
		case 'p':
			if (add_pids("lsof", &o.pids, optarg))
				return 1;
			break;
		case 'i':
			o.inet_only = 1;
			break;
		case 'j':
			o.json = 1;
			break;
		case 'h':
			return usage("lsof", 0);
		default:
			return usage("lsof", 1);
		}
	}
	if (optind < argc)
		o.path = argv[optind++];
	if (optind < argc)
		return usage("lsof", 1);
	rc = lsof_view(&o);
	free(o.pids.v);
	return rc;
}

/* netstat and ss: the options they share, and netstat's -e and -W. */
static int run_sockets(int argc, char **argv, bool netstat)
{
	struct socket_opts o = { 0 };
	const char *cmd = netstat ? "netstat" : "ss";
	int c;
	while ((c = getopt(argc, argv, netstat ? "tuxlanpeWjh" : "tuxlanpjh")) != -1) {
		switch (c) {
		case 't':
			o.tcp = 1;
			break;
		case 'u':
			o.udp = 1;
			break;
		case 'x':
			o.unix_sockets = 1;
			break;
		case 'l':
			o.listening = 1;
			break;
		case 'a':
			o.all = 1;
			break;
		case 'n':
			o.numeric = 1;
			break;
		case 'p':
			o.programs = 1;
			break;
		case 'e':
			o.extend = 1;
			break;
		case 'W':
			o.wide = 1;
			break;
		case 'j':
			o.json = 1;
			break;
		case 'h':
			return usage(cmd, 0);
		default:
			return usage(cmd, 1);
		}
	}
	if (optind < argc)
		return usage(cmd, 1);
	return netstat ? netstat_view(&o) : ss_view(&o);
}

static int run_one_pid(int argc, char **argv, int (*view)(pid_t, int))
{
	int c, json = 0;
	while ((c = getopt(argc, argv, "jh")) != -1) {
		switch (c) {
		case 'j':
			json = 1;
			break;
		case 'h':
			return usage(argv[0], 0);
		default:
			return usage(argv[0], 1);
		}
	}
	pid_t pid;
	if (optind + 1 != argc)
		return usage(argv[0], 1);
	if (parse_pid(argv[0], argv[optind], &pid))
		return 1;
	return view(pid, json);
}

int cmd_procs(int argc, char **argv)
{
	optind = 1;
	if (!strcmp(argv[0], "ps"))
		return run_ps(argc, argv);
	if (!strcmp(argv[0], "pstree"))
		return run_pstree(argc, argv);
	if (!strcmp(argv[0], "lsof"))
		return run_lsof(argc, argv);
	if (!strcmp(argv[0], "netstat"))
		return run_sockets(argc, argv, true);
	if (!strcmp(argv[0], "ss"))
		return run_sockets(argc, argv, false);
	if (!strcmp(argv[0], "env"))
		return run_one_pid(argc, argv, env_view);
	if (!strcmp(argv[0], "proc"))
		return run_one_pid(argc, argv, proc_view);
	msg("unknown command '%s'", argv[0]);
	return 1;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The /proc views behind `sysray ps | pstree | lsof | netstat | ss | env | proc`: each reads
 * /proc and prints to stdout, as text like the classic tool or as JSON, and returns the exit
 * status. A process that cannot be read is a note on stderr, never the end of the listing;
 * a PID that was asked for by number and does not exist is an error (status 1).
 */
#ifndef SYSRAY_PROCFS_VIEWS_H
#define SYSRAY_PROCFS_VIEWS_H

#include <stddef.h>
#include <sys/types.h>

struct pid_set {
	pid_t *v;
	size_t n;
};

/* Parses "1,2 3" (commas or blanks) and adds to SET. 0, or -1 on a malformed pid. */
int pid_set_parse(struct pid_set *set, const char *arg);
int pid_set_has(const struct pid_set *set, pid_t pid);

struct ps_opts {
	const char *format;	/* -o "pid,comm=NAME,..."; NULL for ps -ef's columns */
	struct pid_set pids;	/* -p; empty for every process */
	int json;
};
/* Checks a -o format; 0, or -1 after a message naming the unknown column. */
int ps_check_format(const char *format);
int ps_view(const struct ps_opts *o);

struct pstree_opts {
	int show_pids;		/* -p: "name(pid)", and identical subtrees are not merged */
	pid_t root;		/* 0: from pid 1 */
	int width;		/* cut longer lines with '+'; 0: never (-l) */
	int json;
};
/* The width pstree uses: COLUMNS, the terminal's, or 132. */
int pstree_output_width(void);
int pstree_view(const struct pstree_opts *o);

struct lsof_opts {
	struct pid_set pids;	/* -p */
	int inet_only;		/* -i: IPv4 and IPv6 sockets only */
	const char *path;	/* only the files that are this file (same device and inode) */
	int json;
};
int lsof_view(const struct lsof_opts *o);

/* The options netstat and ss share (-t -u -x -l -a -n -p), and netstat's own (-e -W). */
struct socket_opts {
	int tcp, udp, unix_sockets;	/* none set: all three */
	int listening;		/* -l: listening (and unconnected UDP) sockets only */
	int all;		/* -a: listening and connected sockets */
	int numeric;		/* -n: numbers for ports (and, in netstat, hosts and users) */
	int programs;		/* -p: the processes that hold each socket */
	int extend;		/* netstat -e: the User and Inode columns */
	int wide;		/* netstat -W: addresses never cut to fit */
	int json;		/* every selected socket as one JSON object a line */
};
/* net-tools netstat's layout: "Active Internet connections", then the unix sockets. */
int netstat_view(const struct socket_opts *o);
/* iproute2 ss's layout; a listener's Send-Q is its backlog. */
int ss_view(const struct socket_opts *o);

int env_view(pid_t pid, int json);
int proc_view(pid_t pid, int json);

#endif

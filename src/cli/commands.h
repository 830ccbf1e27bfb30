/* SPDX-License-Identifier: Apache-2.0 */
/* The subcommands of sysray; each takes its own argv (argv[0] is its name) and returns
 * the process exit status. */
#ifndef SYSRAY_CLI_COMMANDS_H
#define SYSRAY_CLI_COMMANDS_H

int cmd_trace(int argc, char **argv);
int cmd_demo(int argc, char **argv);
/* ps, pstree, lsof, netstat, env, proc: argv[0] says which. */
int cmd_procs(int argc, char **argv);
int cmd_seccomp(int argc, char **argv);
/* System-wide capture through eBPF. */
int cmd_capture(int argc, char **argv);
/* Reads a .scap capture file and lists its events and metadata. */
int cmd_scap_dump(int argc, char **argv);
/* sysdig's command line: `sysray -r FILE [-p FORMAT] [FILTER]`, `sysray -l`. */
int cmd_sysdig(int argc, char **argv);
/* csysdig's views: `sysray top [-r FILE] [-v VIEW] [-j|--raw] [FILTER]`. */
int cmd_top(int argc, char **argv);
/* Falco's rules and alerts: `sysray detect [-r RULES] [-e CAPTURE] [-o KEY=VALUE] ...`. */
int cmd_detect(int argc, char **argv);

#endif

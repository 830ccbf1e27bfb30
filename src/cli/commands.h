/* The subcommands of sysray; each returns the process exit status. */
#ifndef SYSRAY_CLI_COMMANDS_H
#define SYSRAY_CLI_COMMANDS_H

int cmd_trace(int argc, char **argv);
int cmd_demo(int argc, char **argv);

#endif

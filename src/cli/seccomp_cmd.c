/* Placeholder until seccomp profiles land. */
#include "cli/commands.h"
#include "util/util.h"

int cmd_seccomp(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	msg("seccomp: not implemented yet");
	return 1;
}

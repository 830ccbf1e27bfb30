/* Placeholder until the /proc views land. */
#include "cli/commands.h"
#include "util/util.h"

int cmd_procs(int argc, char **argv)
{
	(void)argc;
	msg("%s: not implemented yet", argv[0]);
	return 1;
}

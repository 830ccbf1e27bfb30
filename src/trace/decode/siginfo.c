/* Placeholder until the signal area lands: prints only si_signo. */
#include "trace/print_extra.h"

void print_siginfo(struct pr *p, const siginfo_t *si)
{
	pr_struct_begin(p);
	pr_field(p, "si_signo");
	pr_int(p, si->si_signo);
	pr_struct_end(p);
}

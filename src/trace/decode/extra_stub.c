#include "trace/print_extra.h"
void print_siginfo(struct pr *p, const siginfo_t *si) { pr_struct_begin(p); pr_field(p, "si_signo"); pr_int(p, si->si_signo); pr_struct_end(p); }
void print_io_dumps(struct sc *sc, struct out *line) { (void)sc; (void)line; }
bool path_filter_match(struct sc *sc, const struct mem_reader *mem) { (void)sc; (void)mem; return true; }

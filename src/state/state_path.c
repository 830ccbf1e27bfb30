/* SPDX-License-Identifier: Apache-2.0 */
/* Paths as sysdig 0.29 joins them for the fd names and path arguments it shows. */
#include <stdlib.h>
#include <string.h>

#include "state/state.h"
#include "util/util.h"

char *state_dirfd_base(const char *dir)
{
	size_t n = strlen(dir);
	char *b = xmalloc(n + 2);

	memcpy(b, dir, n);
	b[n] = '/';
	b[n + 1] = 0;
	return b;
}

char *state_path_concat(const char *base, const char *path)
{
	size_t blen = strlen(base);
	char *t = xmalloc(blen + strlen(path) + 2);
	char *tc, *tb = t;
	const char *pc = path;

	memcpy(t, base, blen);
	tc = t + blen;
	for (;;) {
		if (!*pc) {
			*tc = 0;
			if (tc > tb + 1 && tc[-1] == '/')
				tc[-1] = 0;
			break;
		}
		if (pc[0] == '.' && pc[1] == '.' && (pc[2] == '/' || !pc[2])) {
			size_t delta = pc[2] ? 3 : 2;

			if (tc > tb + 1) {
				tc--;
				while (tc[-1] != '/' && tc >= tb + 1)
					tc--;
			}
			pc += delta;
		} else if (pc[0] == '.' && pc[1] == '.') {
			*tc++ = *pc++;
			*tc++ = *pc++;
		} else if (pc[0] == '.' && pc[1] == '/') {
			pc += 2;
		} else if (pc[0] == '.' && !pc[1]) {
			pc++;
		} else if (pc[0] == '/' && tc > tb && tc[-1] == '/') {
			pc++;
		} else {
			*tc++ = *pc++;
		}
	}
	return t;
}

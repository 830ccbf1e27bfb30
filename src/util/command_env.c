/* SPDX-License-Identifier: Apache-2.0 */
#include "util/command_env.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"

void command_apply_env(char *const *changes, int n)
{
	for (int i = 0; i < n; i++) {
		char *e = changes[i];

		if (strchr(e, '='))
			putenv(e);
		else
			unsetenv(e);
	}
}

void command_become_user(const char *username)
{
	struct passwd *pw = getpwnam(username);

	if (!pw) {
		fprintf(stderr, "%s: Cannot find user '%s'\n", progname, username);
		_exit(1);
	}
	if (initgroups(pw->pw_name, pw->pw_gid) < 0 || setgid(pw->pw_gid) < 0 ||
	    setuid(pw->pw_uid) < 0) {
		fprintf(stderr, "%s: cannot become user '%s': %s\n", progname, username,
			strerror(errno));
		_exit(1);
	}
}

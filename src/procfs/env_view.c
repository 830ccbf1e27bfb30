/* SPDX-License-Identifier: Apache-2.0 */
/* sysray env PID: /proc/PID/environ, one VAR=VALUE a line. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "procfs/proc_file.h"
#include "procfs/views.h"
#include "util/util.h"

int env_view(pid_t pid, int json)
{
	size_t len;
	char *env = proc_read(pid, "environ", &len);
	if (!env) {
		if (proc_gone(errno))
			msg("env: no process with pid %d", (int)pid);
		else
			msg_errno("env: pid %d: cannot read /proc/%d/environ", (int)pid, (int)pid);
		return 1;
	}
	/* The environment block as the process last left it: NUL-terminated strings. A
	 * process that rewrote it may leave no final NUL; a kernel thread has none at all. */
	json_object *obj = json ? json_object_new_object() : NULL;
	for (size_t i = 0; i < len;) {
		size_t l = strnlen(env + i, len - i);
		if (l && obj) {
			const char *eq = memchr(env + i, '=', l);
			char *key = strndup(env + i, eq ? (size_t)(eq - env - i) : l);
			json_object_object_add(
				obj, key,
				eq ? json_object_new_string_len(
					     eq + 1, (int)(l - (size_t)(eq + 1 - env - i)))
				   : NULL);
			free(key);
		} else if (l) {
			fwrite(env + i, 1, l, stdout);
			putchar('\n');
		}
		i += l + 1;
	}
	if (obj) {
		puts(json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PRETTY |
							 JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(obj);
	}
	free(env);
	return 0;
}

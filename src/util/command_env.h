/* SPDX-License-Identifier: Apache-2.0 */
/* In a forked child, before execve: the environment and the user a traced command runs with. */
#ifndef SYSRAY_UTIL_COMMAND_ENV_H
#define SYSRAY_UTIL_COMMAND_ENV_H

/* -E: "VAR=VAL" sets VAR, "VAR" unsets it, in order. */
void command_apply_env(char *const *changes, int n);

/* -u: the user's groups, gid and uid; exits the child with strace's message on failure. */
void command_become_user(const char *username);

#endif

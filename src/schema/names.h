/* SPDX-License-Identifier: Apache-2.0 */
/* Names of errno values and signals, as the kernel and strace spell them. */
#ifndef SYSRAY_SCHEMA_NAMES_H
#define SYSRAY_SCHEMA_NAMES_H

/* "ENOENT", or NULL for a value with no name. */
const char *errno_name(int err);

/* strace's explanation: strerror() text, or the kernel's meaning of internal codes. */
const char *errno_message(int err);

/* The errno value called NAME ("ENOENT"), or -1. */
int errno_by_name(const char *name);

/* "SIGCHLD", "SIGRTMIN", "SIGRT_3"; NULL outside 1..64. */
const char *signal_name(int sig);

/* The signal called NAME, with or without "SIG", or a number; -1 if none. */
int signal_by_name(const char *name);

#endif

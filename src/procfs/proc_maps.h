/* SPDX-License-Identifier: Apache-2.0 */
/* The files a process has mapped, from /proc/PID/maps. */
#ifndef SYSRAY_PROCFS_PROC_MAPS_H
#define SYSRAY_PROCFS_PROC_MAPS_H

#include <stddef.h>
#include <sys/types.h>

struct map_file {
	unsigned int major, minor;
	unsigned long long inode;
	char *path;		/* without the " (deleted)" suffix */
	int deleted;
};

/*
 * The distinct file-backed mappings of PID (same device and inode once), in address
 * order; pseudo mappings ([heap], [stack], anonymous) are left out. 0 or -errno.
 */
int proc_maps_files(pid_t pid, struct map_file **files, size_t *n);

/* Parses one line of /proc/PID/maps; 1 when it maps a file, 0 otherwise. */
int proc_maps_parse_line(const char *line, struct map_file *out);

void map_files_free(struct map_file *files, size_t n);

#endif

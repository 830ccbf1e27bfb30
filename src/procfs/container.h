/* The container a process runs in, recognised from its cgroup path. */
#ifndef SYSRAY_PROCFS_CONTAINER_H
#define SYSRAY_PROCFS_CONTAINER_H

#include <stddef.h>

struct container_ref {
	char runtime[16];	/* "docker", "containerd", "cri-o", "podman", "kubepods", "" */
	char id[65];		/* the 64 hex digits of the container id, "" when none */
};

/*
 * Finds the container id in the text of /proc/PID/cgroup (one "ID:CONTROLLERS:PATH" line
 * per hierarchy; one "0::PATH" line on cgroup v2). Recognised paths:
 *   docker:     /docker/<id>, /system.slice/docker-<id>.scope
 *   containerd: /.../cri-containerd-<id>.scope, /containerd/<id>
 *   cri-o:      /.../crio-<id>.scope, /crio/<id>
 *   podman:     /.../libpod-<id>.scope, /libpod_parent/libpod-<id>
 *   kubepods:   /kubepods/.../pod<uid>/<id> (cgroupfs driver, runtime unknown)
 * Returns 1 when found.
 */
int container_from_cgroup(const char *cgroup_text, struct container_ref *out);

#endif

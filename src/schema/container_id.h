/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one container-id rule: which container a cgroup path names. Container runtimes put
 * each container in a cgroup named after its id, 64 lowercase hex digits, in one of these
 * layouts (the path component that holds the id):
 *   docker:     /docker/<id>, /system.slice/docker-<id>.scope
 *   containerd: /.../cri-containerd-<id>.scope, /containerd/<id>, /default/<id> (ctr)
 *   cri-o:      /.../crio-<id>.scope, /.../crio-<id>, /crio/<id>
 *   podman:     /machine.slice/libpod-<id>.scope, /user.slice/.../libpod-<id>.scope,
 *               /libpod_parent/libpod-<id>
 *   kubepods:   /kubepods/<qos>/pod<uid>/<id> (cgroupfs driver: the runtime is not named)
 * A container's processes may sit in cgroups below its own (crun's ".../container", systemd
 * inside the container), and a container may run containers (docker in docker,
 * /docker/<outer>/docker/<inner>): the last component that names a container wins, as
 * sysdig takes the innermost. Anything else (/, /init.scope, /user.slice/..., a run of hex
 * that is not 64 digits, uppercase or other lookalikes) is the host.
 *
 * Pure string functions over libc, at the ground floor with the other naming tables so
 * that procfs (/proc/PID/cgroup), state (clone/execve's cgroups parameter), the fields and
 * the kernel push-down all use this one rule.
 */
#ifndef SYSRAY_SCHEMA_CONTAINER_ID_H
#define SYSRAY_SCHEMA_CONTAINER_ID_H

#include <stdbool.h>
#include <stddef.h>

#define CONTAINER_ID_LEN	64	/* digits of a runtime's container id */
#define CONTAINER_SHORT_LEN	12	/* sysdig's container.id: the first 12 of them */

struct container_ref {
	/* "docker", "containerd", "cri-o", "podman", "kubepods" (runtime not named),
	 * "" (not known, or on the host) */
	const char *runtime;
	char id[CONTAINER_ID_LEN + 1];	/* the 64 digits, "" on the host */
};

/* The container named by the cgroup PATH (LEN bytes). Returns false on the host. */
bool container_of_path(const char *path, size_t len, struct container_ref *c);

/* The container named by a thread's cgroups in sysdig's form ("subsys=path" items, each
 * ending in NUL, LEN bytes in all): the first item that names one. */
bool container_of_cgroups(const char *items, size_t len, struct container_ref *c);

/* sysdig's container.id of C: its first 12 digits, or "host". */
void container_short_id(const struct container_ref *c, char out[16]);

#endif

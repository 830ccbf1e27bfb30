/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What a container runtime says about a container: its name and image, from the Docker
 * Engine API (docker, and podman's compatible service) over the runtime's unix socket.
 * $DOCKER_HOST (unix://PATH) names the socket, else /var/run/docker.sock, then
 * /run/podman/podman.sock.
 */
#ifndef SYSRAY_PROCFS_CONTAINER_API_H
#define SYSRAY_PROCFS_CONTAINER_API_H

#include <stdbool.h>

struct container_meta {
	char name[128];		/* without Docker's leading '/' */
	char image[256];	/* as the container was created from: "nginx:1.25" */
	char image_id[16];	/* the first 12 hex digits of the image's sha256 */
	char type[16];		/* "docker" or "podman" */
	bool privileged;
};

/* Asks the runtime about container ID (its id or a unique prefix, such as the 12 digits).
 * Returns false when no runtime answers within a fraction of a second or it does not know
 * the container. */
bool container_api_inspect(const char *id, struct container_meta *m);

#endif

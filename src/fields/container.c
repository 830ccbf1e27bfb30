/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The container class: the thread's container id (the state layer's, from its cgroups) and
 * what the container runtime says about that container (name, type, image), asked once per
 * id on live captures, learnt from the container events of a capture file. The host is
 * "host" by name and type.
 */
#include <stdio.h>
#include <string.h>

#include "fields/extract.h"
#include "fields/falco_fields.h"
#include "schema/container_id.h"
#include "util/util.h"

void field_ctx_container_add(struct field_ctx *c, const char *id, const struct container_meta *m)
{
	struct field_container *fc = NULL;

	for (size_t i = 0; i < c->ncontainers && !fc; i++)
		if (!strcmp(c->containers[i].id, id))
			fc = &c->containers[i];
	if (!fc) {
		c->containers = xrealloc(c->containers,
					 (c->ncontainers + 1) * sizeof(*c->containers));
		fc = &c->containers[c->ncontainers++];
		snprintf(fc->id, sizeof(fc->id), "%s", id);
	}
	fc->found = true;
	fc->meta = *m;
}

const struct container_meta *field_ctx_container(struct field_ctx *c, const char *id)
{
	for (size_t i = 0; i < c->ncontainers; i++)
		if (!strcmp(c->containers[i].id, id))
			return c->containers[i].found ? &c->containers[i].meta : NULL;
	if (!c->container_resolve)
		return NULL;
	c->containers = xrealloc(c->containers, (c->ncontainers + 1) * sizeof(*c->containers));
	struct field_container *fc = &c->containers[c->ncontainers++];

	snprintf(fc->id, sizeof(fc->id), "%s", id);
	fc->found = c->container_resolve(id, &fc->meta);
	return fc->found ? &fc->meta : NULL;
}

/*
 * Does T's cgroup path name a docker container (/docker/<id>, docker-<id>.scope)? sysdig
 * tells a docker container by its cgroup path alone: its type and privileged (false until
 * docker says otherwise) are known without the runtime, its name and image are not.
 */
static bool docker_cgroup(const struct st_thread *t)
{
	struct container_ref c;

	return container_of_cgroups(t->cgroups, t->cgroups_len, &c) &&
	       !strcmp(c.runtime, "docker");
}

static bool is_host(const struct st_thread *t)
{
	return !strcmp(t->container_id, "host");
}

/* What the runtime or the file says about T's container (not the host's), or NULL. */
static const struct container_meta *meta_of(void *ctx, const struct st_thread *t)
{
	return is_host(t) ? NULL : field_ctx_container(ctx, t->container_id);
}

static size_t container_id(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	return t ? put_cstr(out, t->container_id) : 0;
}

static size_t container_name(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	if (is_host(t))
		return put_str(out, "host", 4);
	const struct container_meta *m = meta_of(ctx, t);

	return m ? put_cstr(out, m->name) : 0;
}

static size_t container_type(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	if (is_host(t))
		return put_str(out, "host", 4);
	const struct container_meta *m = meta_of(ctx, t);

	if (m)
		return put_cstr(out, m->type);
	return docker_cgroup(t) ? put_str(out, "docker", 6) : 0;
}

/* A thread sysdig 0.29 knows nothing about (!live) has no image. */
static size_t container_image(const struct field_ref *ref, const void *event, void *ctx,
			      struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);
	const struct container_meta *m = t && t->live ? meta_of(ctx, t) : NULL;

	return m ? put_cstr(out, m->image) : 0;
}

static size_t container_image_id(const struct field_ref *ref, const void *event, void *ctx,
				 struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);
	const struct container_meta *m = t ? meta_of(ctx, t) : NULL;

	return m ? put_cstr(out, m->image_id) : 0;
}

static size_t container_privileged(const struct field_ref *ref, const void *event, void *ctx,
				   struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t || is_host(t))
		return 0;
	const struct container_meta *m = meta_of(ctx, t);

	if (m)
		return put_b(out, m->privileged);
	return docker_cgroup(t) ? put_b(out, false) : 0;
}

static const struct field_desc container_fields[] = {
	FIELD("container.id", CHARBUF, 0, container_id,
	      "the container id.", .role = FR_CONTAINER_ID),
	FIELD("container.name", CHARBUF, 0, container_name,
	      "the container name."),
	FIELD("container.image", CHARBUF, 0, container_image,
	      "the container image name (e.g. falcosecurity/falco:latest for docker)."),
	FIELD("container.image.id", CHARBUF, 0, container_image_id,
	      "the container image id (e.g. 6f7e2741b66b)."),
	FIELD("container.type", CHARBUF, 0, container_type,
	      "the container type, eg: docker or rkt"),
	FIELD("container.privileged", BOOL, 0, container_privileged,
	      "true for containers running as privileged, false otherwise"),
	FIELD("container.mounts", CHARBUF, 0, NULL,
	      "A space-separated list of mount information. Each item in the list has the format "
	      "<source>:<dest>:<mode>:<rdrw>:<propagation>"),
	FIELD("container.mount", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, NULL,
	      "Information about a single mount, specified by number (e.g. container.mount[0]) or"
	      " mount source (container.mount[/usr/local]). The pathname can be a glob "
	      "(container.mount[/usr/local/*]), in which case the first matching mount will be "
	      "returned. The information has the format "
	      "<source>:<dest>:<mode>:<rdrw>:<propagation>. If there is no mount with the "
	      "specified index or matching the provided source, returns the string \"none\" "
	      "instead of a NULL value."),
	FIELD("container.mount.source", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, NULL,
	      "the mount source, specified by number (e.g. container.mount.source[0]) or mount "
	      "destination (container.mount.source[/host/lib/modules]). The pathname can be a "
	      "glob."),
	FIELD("container.mount.dest", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, NULL,
	      "the mount destination, specified by number (e.g. container.mount.dest[0]) or mount"
	      " source (container.mount.dest[/lib/modules]). The pathname can be a glob."),
	FIELD("container.mount.mode", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, NULL,
	      "the mount mode, specified by number (e.g. container.mount.mode[0]) or mount source "
	      "(container.mount.mode[/usr/local]). The pathname can be a glob."),
	FIELD("container.mount.rdwr", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, NULL,
	      "the mount rdwr value, specified by number (e.g. container.mount.rdwr[0]) or mount "
	      "source (container.mount.rdwr[/usr/local]). The pathname can be a glob."),
	FIELD("container.mount.propagation", CHARBUF, FA_INDEX | FA_KEY | FA_REQUIRED, NULL,
	      "the mount propagation value, specified by number (e.g. "
	      "container.mount.propagation[0]) or mount source "
	      "(container.mount.propagation[/usr/local]). The pathname can be a glob."),
	FIELD("container.image.repository", CHARBUF, 0, NULL,
	      "the container image repository (e.g. falcosecurity/falco)."),
	FIELD("container.image.tag", CHARBUF, 0, NULL,
	      "the container image tag (e.g. stable, latest)."),
	FIELD("container.image.digest", CHARBUF, 0, NULL,
	      "the container image registry digest (e.g. "
	      "sha256:d977378f890d445c15e51795296e4e5062f109ce6da83e0a355fc4ad8699d27)."),
	FIELD("container.healthcheck", CHARBUF, 0, NULL,
	      "The container's health check. Will be the null value (\"N/A\") if no healthcheck "
	      "configured, \"NONE\" if configured but explicitly not created, and the healthcheck"
	      " command line otherwise"),
	FIELD("container.liveness_probe", CHARBUF, 0, NULL,
	      "The container's liveness probe. Will be the null value (\"N/A\") if no liveness "
	      "probe configured, the liveness probe command line otherwise"),
	FIELD("container.readiness_probe", CHARBUF, 0, NULL,
	      "The container's readiness probe. Will be the null value (\"N/A\") if no readiness "
	      "probe configured, the readiness probe command line otherwise"),
	/* Falco's, not sysdig 0.29's (falco_fields.c) */
	FIELD("container.start_ts", ABSTIME, 0, falco_field_extract,
	      "the container's start, in nanoseconds since the epoch: when the init of its pid "
	      "namespace started, as the kernel records it (not asked from the container "
	      "runtime).", .id = FF_CONTAINER_START_TS, .falco = true),
};

const struct field_class field_class_container = {
	.name = "container",
	.desc = "Container information. If the event is not happening inside a container, both "
		"id and name will be set to 'host'.",
	.fields = container_fields,
	.nfields = ARRAY_SIZE(container_fields),
};

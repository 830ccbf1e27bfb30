/* SPDX-License-Identifier: Apache-2.0 */
/* sysdig's field registry: its classes in `sysdig -l` order, and the extraction context. */
#include "fields/sysdig.h"

#include <stdlib.h>

#include "fields/extract.h"
#include "util/util.h"

static const struct field_class *const sysdig_classes[] = {
	&field_class_evt,  &field_class_evt_syscall, &field_class_process, &field_class_user,
	&field_class_group, &field_class_container,   &field_class_fd,
	&field_class_syslog, &field_class_fdlist, &field_class_k8s, &field_class_mesos,
	&field_class_span, &field_class_evtin,
};

static const struct field_registry sysdig_registry = {
	.classes = sysdig_classes,
	.nclasses = ARRAY_SIZE(sysdig_classes),
};

const struct field_registry *sysdig_field_registry(void)
{
	return &sysdig_registry;
}

void field_ctx_free(struct field_ctx *c)
{
	for (unsigned i = 0; i < FIELD_CTX_SCRATCH; i++)
		out_free(&c->scratch[i]);
	free(c->containers);
	c->containers = NULL;
	c->ncontainers = 0;
}

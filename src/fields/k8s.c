/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The k8s class: a process's Kubernetes pod, replication controller, service, namespace,
 * replica set and deployment. sysdig 0.29 reads them from a Kubernetes API server (-k) and
 * from the k8s state events of a capture made with one; sysray talks to no API server and
 * reads none of those events, so every field here has no value: <NA> in a template, false
 * in a comparison, as in sysdig without an API server. The labels take their key after a
 * dot: k8s.pod.label.app.
 */
#include "fields/extract.h"
#include "util/util.h"

static const struct field_desc k8s_fields[] = {
	FIELD("k8s.pod.name", CHARBUF, 0, field_no_value,
	      "Kubernetes pod name."),
	FIELD("k8s.pod.id", CHARBUF, 0, field_no_value,
	      "Kubernetes pod id."),
	FIELD("k8s.pod.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Kubernetes pod label. E.g. 'k8s.pod.label.foo'."),
	FIELD("k8s.pod.labels", CHARBUF, 0, field_no_value,
	      "Kubernetes pod comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."),
	FIELD("k8s.rc.name", CHARBUF, 0, field_no_value,
	      "Kubernetes replication controller name."),
	FIELD("k8s.rc.id", CHARBUF, 0, field_no_value,
	      "Kubernetes replication controller id."),
	FIELD("k8s.rc.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Kubernetes replication controller label. E.g. 'k8s.rc.label.foo'."),
	FIELD("k8s.rc.labels", CHARBUF, 0, field_no_value,
	      "Kubernetes replication controller comma-separated key/value labels. E.g. "
	      "'foo1:bar1,foo2:bar2'."),
	FIELD("k8s.svc.name", CHARBUF, 0, field_no_value,
	      "Kubernetes service name (can return more than one value, concatenated)."),
	FIELD("k8s.svc.id", CHARBUF, 0, field_no_value,
	      "Kubernetes service id (can return more than one value, concatenated)."),
	FIELD("k8s.svc.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Kubernetes service label. E.g. 'k8s.svc.label.foo' (can return more than one "
	      "value, concatenated)."),
	FIELD("k8s.svc.labels", CHARBUF, 0, field_no_value,
	      "Kubernetes service comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."),
	FIELD("k8s.ns.name", CHARBUF, 0, field_no_value,
	      "Kubernetes namespace name."),
	FIELD("k8s.ns.id", CHARBUF, 0, field_no_value,
	      "Kubernetes namespace id."),
	FIELD("k8s.ns.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Kubernetes namespace label. E.g. 'k8s.ns.label.foo'."),
	FIELD("k8s.ns.labels", CHARBUF, 0, field_no_value,
	      "Kubernetes namespace comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."),
	FIELD("k8s.rs.name", CHARBUF, 0, field_no_value,
	      "Kubernetes replica set name."),
	FIELD("k8s.rs.id", CHARBUF, 0, field_no_value,
	      "Kubernetes replica set id."),
	FIELD("k8s.rs.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Kubernetes replica set label. E.g. 'k8s.rs.label.foo'."),
	FIELD("k8s.rs.labels", CHARBUF, 0, field_no_value,
	      "Kubernetes replica set comma-separated key/value labels. E.g. "
	      "'foo1:bar1,foo2:bar2'."),
	FIELD("k8s.deployment.name", CHARBUF, 0, field_no_value,
	      "Kubernetes deployment name."),
	FIELD("k8s.deployment.id", CHARBUF, 0, field_no_value,
	      "Kubernetes deployment id."),
	FIELD("k8s.deployment.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Kubernetes deployment label. E.g. 'k8s.rs.label.foo'."),
	FIELD("k8s.deployment.labels", CHARBUF, 0, field_no_value,
	      "Kubernetes deployment comma-separated key/value labels. E.g. "
	      "'foo1:bar1,foo2:bar2'."),
};

const struct field_class field_class_k8s = {
	.name = "k8s",
	.desc = "Kubernetes related context. Available when configured to fetch k8s meta-data from "
		"API Server.",
	.fields = k8s_fields,
	.nfields = ARRAY_SIZE(k8s_fields),
};

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The mesos class, Marathon's fields included as in sysdig 0.29: a process's Mesos task and
 * framework and its Marathon app and group. sysdig reads them from the Mesos and Marathon
 * APIs (-m); sysray asks neither, so every field here has no value: <NA> in a template,
 * false in a comparison, as in sysdig without those APIs. The labels take their key after a
 * dot: mesos.task.label.team.
 */
#include "fields/extract.h"
#include "util/util.h"

static const struct field_desc mesos_fields[] = {
	FIELD("mesos.task.name", CHARBUF, 0, field_no_value,
	      "Mesos task name."),
	FIELD("mesos.task.id", CHARBUF, 0, field_no_value,
	      "Mesos task id."),
	FIELD("mesos.task.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Mesos task label. E.g. 'mesos.task.label.foo'."),
	FIELD("mesos.task.labels", CHARBUF, 0, field_no_value,
	      "Mesos task comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."),
	FIELD("mesos.framework.name", CHARBUF, 0, field_no_value,
	      "Mesos framework name."),
	FIELD("mesos.framework.id", CHARBUF, 0, field_no_value,
	      "Mesos framework id."),
	FIELD("marathon.app.name", CHARBUF, 0, field_no_value,
	      "Marathon app name."),
	FIELD("marathon.app.id", CHARBUF, 0, field_no_value,
	      "Marathon app id."),
	FIELD("marathon.app.label", CHARBUF, FA_DOT | FA_REQUIRED, field_no_value,
	      "Marathon app label. E.g. 'marathon.app.label.foo'."),
	FIELD("marathon.app.labels", CHARBUF, 0, field_no_value,
	      "Marathon app comma-separated key/value labels. E.g. 'foo1:bar1,foo2:bar2'."),
	FIELD("marathon.group.name", CHARBUF, 0, field_no_value,
	      "Marathon group name."),
	FIELD("marathon.group.id", CHARBUF, 0, field_no_value,
	      "Marathon group id."),
};

const struct field_class field_class_mesos = {
	.name = "mesos",
	.desc = "Mesos related context.",
	.fields = mesos_fields,
	.nfields = ARRAY_SIZE(mesos_fields),
};

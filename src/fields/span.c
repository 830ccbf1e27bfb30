/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The span class: sysdig's distributed tracing spans, made of the tracer events that an
 * application writes to /dev/null (">:id:tag.tag:arg=value:" at the start, "<:..." at the
 * end) and that sysdig captures with -T. sysray does not capture tracers (-T is refused) nor
 * read tracer events, so every field here has no value: <NA> in a template, false in a
 * comparison, as in sysdig on a capture without tracers. span.tag takes [N] (negative:
 * from the end), span.arg and span.enterarg [N] or .NAME; the table-only fields, which
 * csysdig's span views use and -l does not list, take [N] as well.
 */
#include "fields/extract.h"
#include "util/util.h"

static const struct field_desc span_fields[] = {
	FIELD("span.id", INT64, 0, field_no_value,
	      "ID of the span. This is a unique identifier that is used to match the enter and "
	      "exit tracer events for this span. It can also be used to match different spans "
	      "belonging to a trace."),
	FIELD("span.time", CHARBUF, 0, field_no_value,
	      "time of the span's enter tracer as a human readable string that includes the "
	      "nanosecond part."),
	FIELD("span.ntags", UINT32, 0, field_no_value,
	      "number of tags that this span has."),
	FIELD("span.nargs", UINT32, 0, field_no_value,
	      "number of arguments that this span has."),
	FIELD("span.tags", CHARBUF, 0, field_no_value,
	      "dot-separated list of all of the span's tags."),
	FIELD("span.tag", CHARBUF, FA_INDEX | FA_REQUIRED, field_no_value,
	      "one of the span's tags, specified by 0-based offset, e.g. 'span.tag[1]'. You can "
	      "use a negative offset to pick elements from the end of the tag list. For example, "
	      "'span.tag[-1]' returns the last tag."),
	FIELD("span.args", CHARBUF, 0, field_no_value,
	      "comma-separated list of the span's arguments."),
	FIELD("span.arg", CHARBUF, FA_DOT | FA_INDEX | FA_REQUIRED, field_no_value,
	      "one of the span arguments, specified by name or by 0-based offset. E.g. "
	      "'span.arg.xxx' or 'span.arg[1]'. You can use a negative offset to pick elements "
	      "from the end of the tag list. For example, 'span.arg[-1]' returns the last "
	      "argument."),
	FIELD("span.enterargs", CHARBUF, 0, field_no_value,
	      "comma-separated list of the span's enter tracer event arguments. For enter "
	      "tracers, this is the same as evt.args. For exit tracers, this is the evt.args of "
	      "the corresponding enter tracer."),
	FIELD("span.enterarg", CHARBUF, FA_DOT | FA_INDEX | FA_REQUIRED, field_no_value,
	      "one of the span's enter arguments, specified by name or by 0-based offset. For "
	      "enter tracer events, this is the same as evt.arg. For exit tracer events, this is "
	      "the evt.arg of the corresponding enter event."),
	FIELD("span.duration", RELTIME, 0, field_no_value,
	      "delta between this span's exit tracer event and the enter tracer event."),
	FIELD("span.duration.quantized", UINT64, 0, field_no_value,
	      "10-base log of the delta between an exit tracer event and the correspondent enter "
	      "event.", .table_only = true),
	FIELD("span.duration.human", CHARBUF, 0, field_no_value,
	      "delta between this span's exit tracer event and the enter event, as a human "
	      "readable string (e.g. 10.3ms)."),
	FIELD("span.duration.fortag", RELTIME, FA_DOT | FA_INDEX | FA_REQUIRED, field_no_value,
	      "duration of the span if the number of tags matches the field argument, otherwise "
	      "0. For example, span.duration.fortag[1] returns the duration of all the spans with "
	      "1 tag, and zero for all the other ones.", .table_only = true),
	FIELD("span.count", UINT64, 0, field_no_value,
	      "1 for span exit events.", .table_only = true),
	FIELD("span.count.fortag", UINT64, FA_DOT | FA_INDEX | FA_REQUIRED, field_no_value,
	      "1 if the span's number of tags matches the field argument, and zero for all the "
	      "other ones.", .table_only = true),
	FIELD("span.childcount.fortag", UINT64, FA_DOT | FA_INDEX | FA_REQUIRED, field_no_value,
	      "1 if the span's number of tags is greater than the field argument, and zero for "
	      "all the other ones.", .table_only = true),
	FIELD("span.idtag", CHARBUF, FA_INDEX | FA_REQUIRED, field_no_value,
	      "id used by the span list view.", .table_only = true),
	FIELD("span.rawtime", CHARBUF, 0, field_no_value,
	      "id used by the span list view.", .table_only = true),
	FIELD("span.rawparenttime", CHARBUF, 0, field_no_value,
	      "id used by the span list view.", .table_only = true),
};

const struct field_class field_class_span = {
	.name = "span",
	.desc = "Fields used if information about distributed tracing is available.",
	.fields = span_fields,
	.nfields = ARRAY_SIZE(span_fields),
};

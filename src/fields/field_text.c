/* SPDX-License-Identifier: Apache-2.0 */
#include "fields/field_text.h"

#include <arpa/inet.h>
#include <string.h>

void field_value_text(const struct field_value *v, enum buf_format bf, struct out *o)
{
	char buf[INET6_ADDRSTRLEN];

	switch (v->type) {
	case FT_INT16:
	case FT_INT32:
	case FT_INT64:
		if (v->i < 0)
			out_putc(o, '-');
		out_put_udec(o, v->i < 0 ? -(uint64_t)v->i : (uint64_t)v->i, 1);
		break;
	case FT_UINT32:
	case FT_UINT64:
	case FT_ABSTIME:
	case FT_RELTIME:
	case FT_PORT:
		out_put_udec(o, v->u, 1);
		break;
	case FT_BOOL:
		out_puts(o, v->b ? "true" : "false");
		break;
	case FT_CHARBUF:
		/* sysdig's formatter reads text as a C string: it ends at a NUL inside the value
		 * (syslog.message of a buffer that holds one) */
		out_write(o, v->s.ptr, v->s.ptr ? strnlen(v->s.ptr, v->s.len) : 0);
		break;
	case FT_BYTEBUF:
		render_bytes((const uint8_t *)v->s.ptr, v->s.len, bf, o);
		break;
	case FT_IPADDR:
		inet_ntop(v->ip.family, v->ip.addr, buf, sizeof(buf));
		out_puts(o, buf);
		break;
	case FT_IPNET:
		inet_ntop(v->net.addr.family, v->net.addr.addr, buf, sizeof(buf));
		out_printf(o, "%s/%u", buf, v->net.prefix);
		break;
	case FT_DOUBLE:
		/* one decimal, as sysdig 0.29 prints a DOUBLE field */
		out_printf(o, "%.1f", v->d);
		break;
	case FT_DYNAMIC:
		break;
	}
}

void field_ref_text(const struct field_ref *ref, const struct field_value *v,
		    enum buf_format bf, struct out *o)
{
	switch (v->type) {
	case FT_UINT32:
	case FT_UINT64:
	case FT_ABSTIME:
	case FT_RELTIME:
		if (ref->field->digits) {
			out_put_udec(o, v->u, ref->field->digits);
			return;
		}
		break;
	case FT_BYTEBUF:
		/* a raw buffer (evt.rawarg.data): sysdig prints its bytes as a C string, up to
		 * the first NUL */
		if (ref->field->type == FT_DYNAMIC) {
			out_write(o, v->s.ptr, strnlen(v->s.ptr, v->s.len));
			return;
		}
		break;
	default:
		break;
	}
	field_value_text(v, bf, o);
}

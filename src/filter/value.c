/* SPDX-License-Identifier: Apache-2.0 */
/* Filter values as written ("10.0.0.0/8", "http", "-5") converted to field types. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter_int.h"

static bool parse_signed(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	char *end;

	if (!*s || (!(*s >= '0' && *s <= '9') && *s != '-' && *s != '+'))
		return false;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool parse_unsigned(const char *s, uint64_t hi, uint64_t *out)
{
	char *end;

	if (*s == '+')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return false;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > hi)
		return false;
	*out = v;
	return true;
}

static bool parse_ip(const char *s, struct field_ipaddr *ip)
{
	memset(ip, 0, sizeof(*ip));
	if (inet_pton(AF_INET, s, ip->addr) == 1) {
		ip->family = AF_INET;
		return true;
	}
	if (inet_pton(AF_INET6, s, ip->addr) == 1) {
		ip->family = AF_INET6;
		return true;
	}
	return false;
}

const char *value_parse(enum field_type type, const char *text, struct field_value *out,
			char *buf, size_t size)
{
	memset(out, 0, sizeof(*out));
	out->type = type;
	switch (type) {
	case FT_INT16:
		if (!parse_signed(text, INT16_MIN, INT16_MAX, &out->i))
			goto bad_int;
		return NULL;
	case FT_INT32:
		if (!parse_signed(text, INT32_MIN, INT32_MAX, &out->i))
			goto bad_int;
		return NULL;
	case FT_INT64:
		if (!parse_signed(text, INT64_MIN, INT64_MAX, &out->i))
			goto bad_int;
		return NULL;
	case FT_UINT32:
		if (!parse_unsigned(text, UINT32_MAX, &out->u))
			goto bad_uint;
		return NULL;
	case FT_UINT64:
	case FT_ABSTIME:
	case FT_RELTIME:
		if (!parse_unsigned(text, UINT64_MAX, &out->u))
			goto bad_uint;
		return NULL;
	case FT_DOUBLE: {
		char *end;
		out->d = strtod(text, &end);
		if (!*text || *end) {
			snprintf(buf, size, "'%s' is not a number", text);
			return buf;
		}
		return NULL;
	}
	case FT_PORT: {
		if (parse_unsigned(text, 65535, &out->u))
			return NULL;
		struct servent *se = *text ? getservbyname(text, NULL) : NULL;
		if (!se) {
			snprintf(buf, size, "'%s' is not a port number or a known service name",
				 text);
			return buf;
		}
		out->u = ntohs((uint16_t)se->s_port);
		return NULL;
	}
	case FT_BOOL:
		if (strcmp(text, "true") == 0)
			out->b = true;
		else if (strcmp(text, "false") == 0)
			out->b = false;
		else {
			snprintf(buf, size, "'%s' is not a boolean: write true or false", text);
			return buf;
		}
		return NULL;
	case FT_IPADDR:
		if (!parse_ip(text, &out->ip)) {
			snprintf(buf, size, "'%s' is not an IPv4 or IPv6 address", text);
			return buf;
		}
		return NULL;
	case FT_IPNET: {
		const char *slash = strchr(text, '/');
		char addr[INET6_ADDRSTRLEN + 1];
		uint64_t prefix;
		if (!slash || (size_t)(slash - text) >= sizeof(addr))
			goto bad_net;
		memcpy(addr, text, slash - text);
		addr[slash - text] = '\0';
		if (!parse_ip(addr, &out->net.addr) || !parse_unsigned(slash + 1, 128, &prefix))
			goto bad_net;
		if (out->net.addr.family == AF_INET && prefix > 32)
			goto bad_net;
		out->net.prefix = (unsigned)prefix;
		return NULL;
	}
	case FT_CHARBUF:
	case FT_BYTEBUF:
	case FT_DYNAMIC:
		out->s.ptr = text;
		out->s.len = strlen(text);
		return NULL;
	}
	return "unknown field type";
bad_int:
	snprintf(buf, size, "'%s' is not a valid number for a %s field", text,
		 field_type_name(type));
	return buf;
bad_uint:
	snprintf(buf, size, "'%s' is not a valid number for a %s field (0 or more)", text,
		 field_type_name(type));
	return buf;
bad_net:
	snprintf(buf, size, "'%s' is not an IP network: write ADDRESS/PREFIX, e.g. 10.0.0.0/8",
		 text);
	return buf;
}

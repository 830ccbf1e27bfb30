/* SPDX-License-Identifier: Apache-2.0 */
/* syslog_output: each alert through syslog(3), at the level of its priority (Falco's
 * priorities are syslog's levels: Emergency is LOG_EMERG ... Debug is LOG_DEBUG). */
#include <stdlib.h>
#include <syslog.h>

#include "detect/output_channel.h"
#include "util/util.h"

static bool syslog_start(struct output_channel *c, char *err, size_t errlen)
{
	openlog("sysray", LOG_PID, LOG_USER);
	return true;
}

static int syslog_write(struct output_channel *c, const struct alert *a, bool json, char *err,
			size_t errlen)
{
	syslog((int)a->priority, "%s", json ? a->json : a->text);
	return 0;
}

static void syslog_free(struct output_channel *c)
{
	if (c->enabled)
		closelog();
	free(c);
}

static const struct output_channel_ops syslog_ops = {
	.start = syslog_start,
	.write = syslog_write,
	.free = syslog_free,
};

struct output_channel *syslog_output_new(void)
{
	struct output_channel *c = xcalloc(1, sizeof(*c));

	c->name = "syslog_output";
	c->ops = &syslog_ops;
	return c;
}

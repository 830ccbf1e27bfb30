/* SPDX-License-Identifier: Apache-2.0 */
/* Docker Engine API client for one request: GET /containers/ID/json. See container_api.h. */
#include "procfs/container_api.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

/* The whole answer of an inspect is a few KiB; more is cut (the JSON then fails to parse). */
#define REPLY_MAX	(256 * 1024)
#define TIMEOUT_MS	300

static int connect_unix(const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	struct timeval tv = { .tv_sec = 0, .tv_usec = TIMEOUT_MS * 1000 };
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path))
		return -1;
	strcpy(sa.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The body of an HTTP/1.0 answer with status 200 (the connection closes at its end), in a
 * malloc'd NUL-terminated buffer; NULL otherwise. */
static char *http_get(int fd, const char *target)
{
	char req[512];
	int n = snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\nHost: docker\r\n\r\n", target);

	if (n <= 0 || (size_t)n >= sizeof(req) || write(fd, req, (size_t)n) != n)
		return NULL;
	char *buf = malloc(REPLY_MAX + 1);
	size_t len = 0;
	ssize_t r;

	while (buf && len < REPLY_MAX && (r = read(fd, buf + len, REPLY_MAX - len)) > 0)
		len += (size_t)r;
	if (!buf)
		return NULL;
	buf[len] = 0;
	char *body = strstr(buf, "\r\n\r\n");
	int status = 0;

	if (!body || sscanf(buf, "HTTP/%*s %d", &status) != 1 || status != 200) {
		free(buf);
		return NULL;
	}
	memmove(buf, body + 4, len - (size_t)(body + 4 - buf) + 1);
	return buf;
}

static const char *json_str(json_object *o, const char *a, const char *b)
{
	json_object *v;

	if (!json_object_object_get_ex(o, a, &v))
		return NULL;
	if (b && !json_object_object_get_ex(v, b, &v))
		return NULL;
	return json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

static void copy(char *dst, size_t size, const char *s)
{
	snprintf(dst, size, "%s", s ? s : "");
}

static bool parse_inspect(const char *body, struct container_meta *m)
{
	json_object *o = json_tokener_parse(body), *hc, *priv;
	const char *name, *image_id;

	if (!o)
		return false;
	name = json_str(o, "Name", NULL);
	copy(m->name, sizeof(m->name), name && name[0] == '/' ? name + 1 : name);
	copy(m->image, sizeof(m->image), json_str(o, "Config", "Image"));
	image_id = json_str(o, "Image", NULL);
	if (image_id && !strncmp(image_id, "sha256:", 7))
		image_id += 7;
	copy(m->image_id, 13, image_id);
	m->privileged = json_object_object_get_ex(o, "HostConfig", &hc) &&
			json_object_object_get_ex(hc, "Privileged", &priv) &&
			json_object_get_boolean(priv);
	json_object_put(o);
	return m->name[0] != 0;
}

bool container_api_inspect(const char *id, struct container_meta *m)
{
	const char *host = getenv("DOCKER_HOST");
	const char *socks[3] = { NULL, "/var/run/docker.sock", "/run/podman/podman.sock" };
	const char *types[3] = { "docker", "docker", "podman" };
	char target[160];

	memset(m, 0, sizeof(*m));
	if (host && !strncmp(host, "unix://", 7))
		socks[0] = host + 7;
	snprintf(target, sizeof(target), "/containers/%.64s/json", id);
	for (int i = 0; i < 3; i++) {
		int fd = socks[i] ? connect_unix(socks[i]) : -1;

		if (fd < 0)
			continue;
		char *body = http_get(fd, target);

		close(fd);
		bool ok = body && parse_inspect(body, m);

		free(body);
		if (ok) {
			copy(m->type, sizeof(m->type), types[i]);
			return true;
		}
		memset(m, 0, sizeof(*m));
	}
	return false;
}

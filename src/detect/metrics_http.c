/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The metrics endpoint's HTTP server: one thread, one connection at a time, the request read
 * up to its blank line (8 KiB at most, 2 s at most), one response, then the connection is
 * closed (HTTP/1.1 allows it with "Connection: close"; Prometheus reconnects per scrape).
 * Stopping writes to a pipe the thread polls beside the listening socket.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "detect/metrics.h"
#include "util/util.h"

struct metrics_server {
	int listen_fd;
	int stop_pipe[2];
	pthread_t thread;
	const struct detect_stats *ds;
	const struct alert_output_stats *os;
};

static void send_all(int fd, const char *buf, size_t len)
{
	while (len) {
		ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		buf += n;
		len -= (size_t)n;
	}
}

static void respond(int fd, const char *status, const char *extra, const char *type,
		    const char *body, bool head)
{
	char hdr[512];
	size_t blen = strlen(body);
	int n = snprintf(hdr, sizeof(hdr),
			 "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n%s"
			 "Connection: close\r\n\r\n", status, type, blen, extra);

	send_all(fd, hdr, (size_t)n);
	if (!head)
		send_all(fd, body, blen);
}

/* Reads the request head; false when the client sent no complete one in time. */
static bool read_head(int fd, char *buf, size_t cap)
{
	size_t len = 0;

	while (len + 1 < cap) {
		ssize_t n = recv(fd, buf + len, cap - 1 - len, 0);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		len += (size_t)n;
		buf[len] = 0;
		if (strstr(buf, "\r\n\r\n") || strstr(buf, "\n\n"))
			return true;
	}
	return false;
}

static void serve(struct metrics_server *m, int fd)
{
	char buf[8192], method[16], target[1024], version[16];
	const char *plain = "text/plain; charset=utf-8";

	if (!read_head(fd, buf, sizeof(buf))) {
		respond(fd, "400 Bad Request", "", plain, "incomplete request\n", false);
		return;
	}
	if (sscanf(buf, "%15s %1023s %15s", method, target, version) != 3 ||
	    strncmp(version, "HTTP/1.", 7)) {
		respond(fd, "400 Bad Request", "", plain, "bad request line\n", false);
		return;
	}
	bool head = !strcmp(method, "HEAD");

	if (strcmp(method, "GET") && !head) {
		respond(fd, "405 Method Not Allowed", "Allow: GET, HEAD\r\n", plain,
			"only GET /metrics\n", false);
		return;
	}
	/* the path, without a query string */
	target[strcspn(target, "?")] = 0;
	if (strcmp(target, "/metrics")) {
		respond(fd, "404 Not Found", "", plain, "the metrics are at /metrics\n", head);
		return;
	}
	char *text = metrics_render(m->ds, m->os);

	respond(fd, "200 OK", "", "text/plain; version=0.0.4; charset=utf-8", text, head);
	free(text);
}

static void *server_main(void *opaque)
{
	struct metrics_server *m = opaque;
	struct pollfd pfd[2] = { { .fd = m->listen_fd, .events = POLLIN },
				 { .fd = m->stop_pipe[0], .events = POLLIN } };

	for (;;) {
		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (pfd[1].revents)
			break;
		if (!(pfd[0].revents & POLLIN))
			continue;
		int fd = accept4(m->listen_fd, NULL, NULL, SOCK_CLOEXEC);

		if (fd < 0)
			continue;
		struct timeval tv = { .tv_sec = 2 };

		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
		serve(m, fd);
		close(fd);
	}
	return NULL;
}

/* "host:port", "[v6]:port", ":port" into HOST (NULL: every address) and PORT. */
static bool split_addr(const char *addr, char *host, size_t hostlen, const char **port)
{
	const char *colon = strrchr(addr, ':');
	size_t n;

	if (!colon || !colon[1] || colon[1 + strspn(colon + 1, "0123456789")])
		return false;
	*port = colon + 1;
	n = (size_t)(colon - addr);
	if (n >= 2 && addr[0] == '[' && addr[n - 1] == ']') {
		addr++;
		n -= 2;
	}
	if (n >= hostlen)
		return false;
	memcpy(host, addr, n);
	host[n] = 0;
	return true;
}

static int listen_on(const char *addr, char *err, size_t errlen)
{
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE | AI_NUMERICSERV };
	struct addrinfo *res, *ai;
	char host[256];
	const char *port;
	int fd = -1, rc, saved = 0;

	if (!split_addr(addr, host, sizeof(host), &port) || atoi(port) > 65535) {
		snprintf(err, errlen, "--metrics-addr %s: expected ADDR:PORT (127.0.0.1:9376, "
			 "[::1]:9376, :9376)", addr);
		return -1;
	}
	rc = getaddrinfo(*host ? host : NULL, port, &hints, &res);
	if (rc) {
		snprintf(err, errlen, "--metrics-addr %s: %s", addr, gai_strerror(rc));
		return -1;
	}
	for (ai = res; ai; ai = ai->ai_next) {
		int one = 1;

		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
		if (fd < 0) {
			saved = errno;
			continue;
		}
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (!bind(fd, ai->ai_addr, ai->ai_addrlen) && !listen(fd, 16))
			break;
		saved = errno;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0)
		snprintf(err, errlen, "--metrics-addr %s: %s", addr, strerror(saved));
	return fd;
}

/* The address bound, for the notice ("127.0.0.1:9376"). */
static void bound_name(int fd, char *buf, size_t n)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char host[NI_MAXHOST], port[NI_MAXSERV];

	if (getsockname(fd, (struct sockaddr *)&ss, &len) ||
	    getnameinfo((struct sockaddr *)&ss, len, host, sizeof(host), port, sizeof(port),
			NI_NUMERICHOST | NI_NUMERICSERV)) {
		snprintf(buf, n, "?");
		return;
	}
	snprintf(buf, n, ss.ss_family == AF_INET6 ? "[%s]:%s" : "%s:%s", host, port);
}

struct metrics_server *metrics_start(const char *addr, const struct detect_stats *ds,
				     const struct alert_output_stats *os, char *err,
				     size_t errlen)
{
	int fd = listen_on(addr, err, errlen);
	char name[NI_MAXHOST + NI_MAXSERV + 4];

	if (fd < 0)
		return NULL;
	struct metrics_server *m = xcalloc(1, sizeof(*m));

	m->listen_fd = fd;
	m->ds = ds;
	m->os = os;
	if (pipe2(m->stop_pipe, O_CLOEXEC)) {
		snprintf(err, errlen, "--metrics-addr: pipe: %s", strerror(errno));
		goto fail;
	}
	/* the thread takes no signal: SIGINT and SIGUSR1 reach the thread that runs the capture */
	sigset_t all, old;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&m->thread, NULL, server_main, m);

	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc) {
		snprintf(err, errlen, "--metrics-addr: thread: %s", strerror(rc));
		close(m->stop_pipe[0]);
		close(m->stop_pipe[1]);
		goto fail;
	}
	bound_name(fd, name, sizeof(name));
	msg("metrics: serving http://%s/metrics", name);
	return m;
fail:
	close(fd);
	free(m);
	return NULL;
}

void metrics_stop(struct metrics_server *m)
{
	if (!m)
		return;
	while (write(m->stop_pipe[1], "x", 1) < 0 && errno == EINTR)
		;
	pthread_join(m->thread, NULL);
	close(m->stop_pipe[0]);
	close(m->stop_pipe[1]);
	close(m->listen_fd);
	free(m);
}

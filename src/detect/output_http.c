/* SPDX-License-Identifier: Apache-2.0 */
/*
 * http_output: each alert POSTed through libcurl as Falco's JSON object, whatever
 * json_output says, with Content-Type application/json: Falcosidekick decodes the body as
 * JSON and needs its time, rule, priority and output_fields. A status of 400 or more, a
 * refused connection or a timeout (output_timeout) is the alert's error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "detect/output_channel.h"
#include "util/util.h"
#include "util/version.h"

struct http_channel {
	struct output_channel c;
	char *url, *user_agent;
	char *ca_cert, *ca_bundle, *ca_path, *client_cert, *client_key;
	bool insecure, mtls, echo;
	long timeout_ms;
	CURL *curl;
	struct curl_slist *headers;
	char *reply;		/* the response body */
	size_t reply_len;
};

static const struct {
	const char *key;
	size_t off;
} string_keys[] = {
	{ "url", offsetof(struct http_channel, url) },
	{ "user_agent", offsetof(struct http_channel, user_agent) },
	{ "ca_cert", offsetof(struct http_channel, ca_cert) },
	{ "ca_bundle", offsetof(struct http_channel, ca_bundle) },
	{ "ca_path", offsetof(struct http_channel, ca_path) },
	{ "client_cert", offsetof(struct http_channel, client_cert) },
	{ "client_key", offsetof(struct http_channel, client_key) },
};

static enum output_option http_option(struct output_channel *c, const char *key,
				      const char *value, char *err, size_t errlen)
{
	struct http_channel *h = (struct http_channel *)c;
	char full[128];

	for (size_t i = 0; i < ARRAY_SIZE(string_keys); i++) {
		if (strcmp(key, string_keys[i].key))
			continue;
		char **slot = (char **)((char *)h + string_keys[i].off);

		free(*slot);
		*slot = xstrdup(value);
		return OUTPUT_OPTION_SET;
	}
	snprintf(full, sizeof(full), "http_output.%s", key);
	if (!strcmp(key, "insecure"))
		return output_parse_bool(full, value, &h->insecure, err, errlen);
	if (!strcmp(key, "mtls"))
		return output_parse_bool(full, value, &h->mtls, err, errlen);
	if (!strcmp(key, "echo"))
		return output_parse_bool(full, value, &h->echo, err, errlen);
	return OUTPUT_OPTION_NOT_MINE;
}

void http_output_set_timeout(struct output_channel *c, long ms)
{
	((struct http_channel *)c)->timeout_ms = ms;
}

static size_t keep_reply(char *data, size_t size, size_t n, void *opaque)
{
	struct http_channel *h = opaque;

	h->reply = xrealloc(h->reply, h->reply_len + size * n + 1);
	memcpy(h->reply + h->reply_len, data, size * n);
	h->reply_len += size * n;
	h->reply[h->reply_len] = 0;
	return size * n;
}

/* A handle with every setting but the body; kept across alerts with keep_alive (its
 * connection is reused), made per alert otherwise. */
static CURL *http_handle(struct http_channel *h)
{
	CURL *curl = curl_easy_init();

	if (!curl)
		return NULL;
	curl_easy_setopt(curl, CURLOPT_URL, h->url);
	curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(curl, CURLOPT_USERAGENT, h->user_agent);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, h->headers);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, h->timeout_ms);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_reply);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, h);
	if (h->insecure) {
		curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	/* Falco's order: the CA certificate, else the bundle, else the directory */
	if (h->ca_cert && *h->ca_cert)
		curl_easy_setopt(curl, CURLOPT_CAINFO, h->ca_cert);
	else if (h->ca_bundle && *h->ca_bundle)
		curl_easy_setopt(curl, CURLOPT_CAINFO, h->ca_bundle);
	else if (h->ca_path && *h->ca_path)
		curl_easy_setopt(curl, CURLOPT_CAPATH, h->ca_path);
	if (h->mtls) {
		curl_easy_setopt(curl, CURLOPT_SSLCERT, h->client_cert);
		curl_easy_setopt(curl, CURLOPT_SSLKEY, h->client_key);
	}
	return curl;
}

static bool http_start(struct output_channel *c, char *err, size_t errlen)
{
	struct http_channel *h = (struct http_channel *)c;

	if (!h->url || (strncmp(h->url, "http://", 7) && strncmp(h->url, "https://", 8))) {
		snprintf(err, errlen,
			 "http_output.url \"%s\": an http:// or https:// URL is needed",
			 h->url ? h->url : "");
		return false;
	}
	if (curl_global_init(CURL_GLOBAL_DEFAULT)) {
		snprintf(err, errlen, "http_output: libcurl did not initialise");
		return false;
	}
	h->headers = curl_slist_append(NULL, "Content-Type: application/json");
	return true;
}

static int http_write(struct output_channel *c, const struct alert *a, bool json, char *err,
		      size_t errlen)
{
	struct http_channel *h = (struct http_channel *)c;
	char why[CURL_ERROR_SIZE] = "";
	long status = 0;
	CURLcode rc;

	if (!h->curl && !(h->curl = http_handle(h))) {
		snprintf(err, errlen, "POST %s: libcurl could not make a handle", h->url);
		return -1;
	}
	h->reply_len = 0;
	curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, why);
	curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, a->json);
	rc = curl_easy_perform(h->curl);
	curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, NULL);
	if (rc == CURLE_OK)
		curl_easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &status);
	if (!c->keep_alive) {
		curl_easy_cleanup(h->curl);
		h->curl = NULL;
	}
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "POST %s: %s", h->url, *why ? why : curl_easy_strerror(rc));
		return -1;
	}
	if (status >= 400) {
		size_t n = h->reply ? strcspn(h->reply, "\r\n") : 0;

		snprintf(err, errlen, "POST %s: HTTP %ld %.*s", h->url, status,
			 (int)(n > 200 ? 200 : n), n ? h->reply : "");
		return -1;
	}
	if (h->echo && h->reply_len) {
		fwrite(h->reply, 1, h->reply_len, stdout);
		if (h->reply[h->reply_len - 1] != '\n')
			fputc('\n', stdout);
		fflush(stdout);
	}
	return 0;
}

static void http_release(struct output_channel *c)
{
	struct http_channel *h = (struct http_channel *)c;

	if (h->curl)
		curl_easy_cleanup(h->curl);
	h->curl = NULL;
}

static void http_free(struct output_channel *c)
{
	struct http_channel *h = (struct http_channel *)c;

	http_release(c);
	if (h->headers) {
		curl_slist_free_all(h->headers);
		curl_global_cleanup();
	}
	for (size_t i = 0; i < ARRAY_SIZE(string_keys); i++)
		free(*(char **)((char *)h + string_keys[i].off));
	free(h->reply);
	free(h);
}

static const struct output_channel_ops http_ops = {
	.option = http_option,
	.start = http_start,
	.write = http_write,
	.release = http_release,
	.free = http_free,
};

struct output_channel *http_output_new(void)
{
	struct http_channel *h = xcalloc(1, sizeof(*h));

	h->c.name = "http_output";
	h->c.ops = &http_ops;
	h->user_agent = xstrdup("sysray/" SYSRAY_VERSION);
	h->client_cert = xstrdup("/etc/ssl/certs/client.crt");
	h->client_key = xstrdup("/etc/ssl/certs/client.key");
	h->timeout_ms = 2000;
	return &h->c;
}

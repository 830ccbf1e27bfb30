/* SPDX-License-Identifier: Apache-2.0 */
/*
 * http_output: each alert POSTed through libcurl as Falco's JSON object, whatever
 * json_output says, with Content-Type application/json: Falcosidekick decodes the body as
 * JSON and needs its time, rule, priority and output_fields. A status of 400 or more, a
 * refused connection or a timeout (output_timeout) is the alert's error.
 *
 * libcurl is loaded when an HTTP channel starts, not linked: with the thirty libraries it
 * pulls in (TLS, Kerberos, LDAP, SSH...), loading and relocating it took 20-25 ms of every
 * sysray command's start here, most of which never post anything.
 */
#include <dlfcn.h>
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

/* The libcurl functions used, from the library loaded by load_curl(). */
static struct {
	CURLcode (*global_init)(long flags);
	void (*global_cleanup)(void);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *curl);
	CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
	void (*easy_cleanup)(CURL *curl);
	const char *(*easy_strerror)(CURLcode code);
	struct curl_slist *(*slist_append)(struct curl_slist *list, const char *s);
	void (*slist_free_all)(struct curl_slist *list);
} libcurl;

/* libcurl 7 and 8 are soname 4. False with ERR set when it cannot be loaded. */
static bool load_curl(char *err, size_t errlen)
{
	static const struct {
		const char *name;
		size_t off;
	} syms[] = {
		{ "curl_global_init", offsetof(typeof(libcurl), global_init) },
		{ "curl_global_cleanup", offsetof(typeof(libcurl), global_cleanup) },
		{ "curl_easy_init", offsetof(typeof(libcurl), easy_init) },
		{ "curl_easy_setopt", offsetof(typeof(libcurl), easy_setopt) },
		{ "curl_easy_perform", offsetof(typeof(libcurl), easy_perform) },
		{ "curl_easy_getinfo", offsetof(typeof(libcurl), easy_getinfo) },
		{ "curl_easy_cleanup", offsetof(typeof(libcurl), easy_cleanup) },
		{ "curl_easy_strerror", offsetof(typeof(libcurl), easy_strerror) },
		{ "curl_slist_append", offsetof(typeof(libcurl), slist_append) },
		{ "curl_slist_free_all", offsetof(typeof(libcurl), slist_free_all) },
	};
	static void *lib;

	if (lib)
		return true;
	void *l = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);

	if (!l) {
		snprintf(err, errlen, "http_output: cannot load libcurl: %s", dlerror());
		return false;
	}
	for (size_t i = 0; i < ARRAY_SIZE(syms); i++) {
		void *f = dlsym(l, syms[i].name);

		if (!f) {
			snprintf(err, errlen, "http_output: libcurl has no %s", syms[i].name);
			dlclose(l);
			return false;
		}
		memcpy((char *)&libcurl + syms[i].off, &f, sizeof(f));
	}
	lib = l;
	return true;
}

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
	CURL *curl = libcurl.easy_init();

	if (!curl)
		return NULL;
	libcurl.easy_setopt(curl, CURLOPT_URL, h->url);
	libcurl.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
	libcurl.easy_setopt(curl, CURLOPT_USERAGENT, h->user_agent);
	libcurl.easy_setopt(curl, CURLOPT_HTTPHEADER, h->headers);
	libcurl.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	libcurl.easy_setopt(curl, CURLOPT_TIMEOUT_MS, h->timeout_ms);
	libcurl.easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep_reply);
	libcurl.easy_setopt(curl, CURLOPT_WRITEDATA, h);
	if (h->insecure) {
		libcurl.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
		libcurl.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
	}
	/* Falco's order: the CA certificate, else the bundle, else the directory */
	if (h->ca_cert && *h->ca_cert)
		libcurl.easy_setopt(curl, CURLOPT_CAINFO, h->ca_cert);
	else if (h->ca_bundle && *h->ca_bundle)
		libcurl.easy_setopt(curl, CURLOPT_CAINFO, h->ca_bundle);
	else if (h->ca_path && *h->ca_path)
		libcurl.easy_setopt(curl, CURLOPT_CAPATH, h->ca_path);
	if (h->mtls) {
		libcurl.easy_setopt(curl, CURLOPT_SSLCERT, h->client_cert);
		libcurl.easy_setopt(curl, CURLOPT_SSLKEY, h->client_key);
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
	if (!load_curl(err, errlen))
		return false;
	if (libcurl.global_init(CURL_GLOBAL_DEFAULT)) {
		snprintf(err, errlen, "http_output: libcurl did not initialise");
		return false;
	}
	h->headers = libcurl.slist_append(NULL, "Content-Type: application/json");
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
	libcurl.easy_setopt(h->curl, CURLOPT_ERRORBUFFER, why);
	libcurl.easy_setopt(h->curl, CURLOPT_POSTFIELDS, a->json);
	rc = libcurl.easy_perform(h->curl);
	libcurl.easy_setopt(h->curl, CURLOPT_ERRORBUFFER, NULL);
	if (rc == CURLE_OK)
		libcurl.easy_getinfo(h->curl, CURLINFO_RESPONSE_CODE, &status);
	if (!c->keep_alive) {
		libcurl.easy_cleanup(h->curl);
		h->curl = NULL;
	}
	if (rc != CURLE_OK) {
		snprintf(err, errlen, "POST %s: %s", h->url, *why ? why : libcurl.easy_strerror(rc));
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
		libcurl.easy_cleanup(h->curl);
	h->curl = NULL;
}

static void http_free(struct output_channel *c)
{
	struct http_channel *h = (struct http_channel *)c;

	http_release(c);
	if (h->headers) {
		libcurl.slist_free_all(h->headers);
		libcurl.global_cleanup();
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

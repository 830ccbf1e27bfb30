/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/collapse.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "util/util.h"

/* One open window: the first alert of its kind was delivered at t0. */
struct window {
	char *key;			/* rule, NUL, message */
	size_t keylen;
	uint64_t hash;
	uint64_t t0;
	uint64_t repeats;
	struct alert last;		/* the last repeat, owned copies of its strings */
	struct window *chain;		/* next in the hash bucket */
	struct window *next;		/* next window by opening time */
};

struct collapse {
	uint64_t window_ns;
	struct window **buckets;
	size_t nbuckets, nwindows;
	struct window *head, *tail;	/* oldest first */
};

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

struct collapse *collapse_new(uint64_t window_ns)
{
	struct collapse *c = xcalloc(1, sizeof(*c));

	c->window_ns = window_ns;
	c->nbuckets = 256;
	c->buckets = xcalloc(c->nbuckets, sizeof(*c->buckets));
	return c;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void alert_copy_free(struct alert *a)
{
	free((char *)a->rule);
	free((char *)a->source);
	free((char *)a->message);
	free((char *)a->text);
	free((char *)a->json);
	free((char *)a->container_id);
	for (size_t i = 0; i < a->ntags; i++)
		free((char *)a->tags[i]);
	free((void *)a->tags);
	*a = (struct alert){ 0 };
}

static void alert_copy(struct alert *dst, const struct alert *src)
{
	const char **tags = src->ntags ? xcalloc(src->ntags, sizeof(*tags)) : NULL;

	for (size_t i = 0; i < src->ntags; i++)
		tags[i] = xstrdup(src->tags[i]);
	*dst = *src;
	dst->rule = dup_or_null(src->rule);
	dst->source = dup_or_null(src->source);
	dst->message = dup_or_null(src->message);
	dst->text = dup_or_null(src->text);
	dst->json = dup_or_null(src->json);
	dst->container_id = dup_or_null(src->container_id);
	dst->tags = tags;
}

static void window_free(struct window *w)
{
	alert_copy_free(&w->last);
	free(w->key);
	free(w);
}

void collapse_free(struct collapse *c)
{
	if (!c)
		return;
	for (struct window *w = c->head, *next; w; w = next) {
		next = w->next;
		window_free(w);
	}
	free(c->buckets);
	free(c);
}

static void grow(struct collapse *c)
{
	size_t n = c->nbuckets * 2;
	struct window **b = xcalloc(n, sizeof(*b));

	for (struct window *w = c->head; w; w = w->next) {
		w->chain = b[w->hash & (n - 1)];
		b[w->hash & (n - 1)] = w;
	}
	free(c->buckets);
	c->buckets = b;
	c->nbuckets = n;
}

bool collapse_offer(struct collapse *c, const struct alert *a)
{
	size_t rlen = strlen(a->rule), mlen = strlen(a->message), keylen = rlen + 1 + mlen;
	char *key = xmalloc(keylen + 1);

	memcpy(key, a->rule, rlen + 1);
	memcpy(key + rlen + 1, a->message, mlen + 1);
	uint64_t hash = fnv1a(key, keylen);

	for (struct window *w = c->buckets[hash & (c->nbuckets - 1)]; w; w = w->chain) {
		if (w->hash != hash || w->keylen != keylen || memcmp(w->key, key, keylen))
			continue;
		free(key);
		w->repeats++;
		alert_copy_free(&w->last);
		alert_copy(&w->last, a);
		return false;
	}
	struct window *w = xcalloc(1, sizeof(*w));

	w->key = key;
	w->keylen = keylen;
	w->hash = hash;
	w->t0 = a->ts;
	if (c->tail)
		c->tail->next = w;
	else
		c->head = w;
	c->tail = w;
	if (++c->nwindows > 2 * c->nbuckets)
		grow(c);
	w->chain = c->buckets[hash & (c->nbuckets - 1)];
	c->buckets[hash & (c->nbuckets - 1)] = w;
	return true;
}

static void unlink_bucket(struct collapse *c, struct window *w)
{
	struct window **pp = &c->buckets[w->hash & (c->nbuckets - 1)];

	while (*pp != w)
		pp = &(*pp)->chain;
	*pp = w->chain;
}

/*
 * The summary's JSON: the last repeat's object with "repeated" added and "output" carrying
 * the summary line; keys stay in alphabetical order, as Falco emits them.
 */
static char *summary_json(const char *json, const char *text, uint64_t repeats)
{
	struct json_object *in = json ? json_tokener_parse(json) : NULL;
	struct json_object *out = json_object_new_object();
	bool added = false;

	if (in && json_object_is_type(in, json_type_object)) {
		json_object_object_foreach(in, k, v) {
			if (!added && strcmp(k, "repeated") > 0) {
				json_object_object_add(out, "repeated",
						       json_object_new_uint64(repeats));
				added = true;
			}
			if (!strcmp(k, "output"))
				json_object_object_add(out, k, json_object_new_string(text));
			else
				json_object_object_add(out, k, json_object_get(v));
		}
	}
	if (!added)
		json_object_object_add(out, "repeated", json_object_new_uint64(repeats));
	char *s = xstrdup(json_object_to_json_string_ext(out, JSON_C_TO_STRING_PLAIN |
							      JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(out);
	json_object_put(in);
	return s;
}

void collapse_expire(struct collapse *c, uint64_t now,
		     void (*emit)(void *opaque, const struct alert *summary), void *opaque)
{
	while (c->head && (now == UINT64_MAX || c->head->t0 + c->window_ns <= now)) {
		struct window *w = c->head;

		c->head = w->next;
		if (!c->head)
			c->tail = NULL;
		c->nwindows--;
		unlink_bucket(c, w);
		if (w->repeats) {
			struct alert s = w->last;
			char *text, *json;

			if (asprintf(&text, "%s (repeated %" PRIu64 " more time%s within %gs)",
				     w->last.text ? w->last.text : w->last.message, w->repeats,
				     w->repeats == 1 ? "" : "s", (double)c->window_ns / 1e9) < 0)
				die("out of memory");
			json = summary_json(w->last.json, text, w->repeats);
			s.text = text;
			s.json = json;
			emit(opaque, &s);
			free(text);
			free(json);
		}
		window_free(w);
	}
}

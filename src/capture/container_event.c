/* SPDX-License-Identifier: Apache-2.0 */
/* The JSON of sysdig's container events; see container_event.h. */
#include "capture/container_event.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

/* sysdig's container types (sinsp_container_type), by their container.type names */
static const char *const type_names[] = {
	"docker", "lxc", "libvirt-lxc", "mesos", "rkt", "custom", "cri", "containerd", "cri-o",
	"bpm", "static", "podman",
};

char *container_event_json(const char *id, const struct container_meta *m)
{
	json_object *root = json_object_new_object(), *c = json_object_new_object();
	const char *colon = strrchr(m->image, ':');
	bool tagged = colon && !strchr(colon, '/');
	int type = 0;

	for (size_t i = 0; i < ARRAY_SIZE(type_names); i++)
		if (!strcmp(type_names[i], m->type))
			type = (int)i;
	json_object_object_add(c, "id", json_object_new_string(id));
	json_object_object_add(c, "type", json_object_new_int(type));
	json_object_object_add(c, "name", json_object_new_string(m->name));
	json_object_object_add(c, "image", json_object_new_string(m->image));
	json_object_object_add(c, "imageid", json_object_new_string(m->image_id));
	json_object_object_add(c, "imagerepo", json_object_new_string_len(m->image,
		tagged ? (int)(colon - m->image) : (int)strlen(m->image)));
	json_object_object_add(c, "imagetag", json_object_new_string(tagged ? colon + 1 :
								      "latest"));
	json_object_object_add(c, "privileged", json_object_new_boolean(m->privileged));
	json_object_object_add(c, "Mounts", json_object_new_array());
	json_object_object_add(root, "container", c);
	char *text = xstrdup(json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN));

	json_object_put(root);
	return text;
}

static const char *member(json_object *o, const char *key)
{
	json_object *v;

	return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
		       ? json_object_get_string(v) : "";
}

bool container_event_parse(const char *json, size_t len, char id[16], struct container_meta *m)
{
	json_tokener *tok = json_tokener_new();
	json_object *root = tok ? json_tokener_parse_ex(tok, json, (int)len) : NULL, *c, *v;
	bool ok = root && json_object_object_get_ex(root, "container", &c) &&
		  json_object_is_type(c, json_type_object) && member(c, "id")[0];

	memset(m, 0, sizeof(*m));
	if (ok) {
		snprintf(id, 16, "%s", member(c, "id"));
		snprintf(m->name, sizeof(m->name), "%s", member(c, "name"));
		snprintf(m->image, sizeof(m->image), "%s", member(c, "image"));
		snprintf(m->image_id, sizeof(m->image_id), "%.12s", member(c, "imageid"));
		int type = json_object_object_get_ex(c, "type", &v) ? json_object_get_int(v) : 0;
		bool named = type >= 0 && type < (int)ARRAY_SIZE(type_names);

		snprintf(m->type, sizeof(m->type), "%s", named ? type_names[type] : "");
		m->privileged = json_object_object_get_ex(c, "privileged", &v) &&
				json_object_get_boolean(v);
	}
	json_object_put(root);
	if (tok)
		json_tokener_free(tok);
	return ok;
}

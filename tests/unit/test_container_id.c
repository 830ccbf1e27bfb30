/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one container-id rule (schema/container_id.h) on the cgroup paths each runtime makes,
 * in the three forms its callers hold: a bare path (the kernel push-down walks
 * /sys/fs/cgroup), "subsys=path" items (clone/execve's cgroups parameter, the state layer,
 * container.* fields) and /proc/PID/cgroup text (sysray proc).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "procfs/container.h"
#include "schema/container_id.h"
#include "state/state.h"

#define ID_A "4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8"
#define ID_B "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* The container of PATH: RUNTIME and the 64-digit ID, or (ID NULL) the host. */
static void expect_path(const char *path, const char *runtime, const char *id)
{
	struct container_ref c;
	char shortid[16];
	bool found = container_of_path(path, strlen(path), &c);

	container_short_id(&c, shortid);
	if (!id) {
		if (found)
			fail_msg("%s: container %s (%s), want the host", path, c.id, c.runtime);
		assert_string_equal(c.id, "");
		assert_string_equal(c.runtime, "");
		assert_string_equal(shortid, "host");
		return;
	}
	if (!found)
		fail_msg("%s: the host, want %s", path, id);
	assert_string_equal(c.id, id);
	assert_string_equal(c.runtime, runtime);
	assert_int_equal(strlen(shortid), 12);
	assert_memory_equal(shortid, id, 12);
}

static void test_docker(void **unused)
{
	expect_path("/docker/" ID_A, "docker", ID_A);
	expect_path("/system.slice/docker-" ID_A ".scope", "docker", ID_A);
	/* the v1 pids hierarchy under a parent cgroup, as tests/e2e/cases/83 makes it */
	expect_path("/sysray-e2e/docker-" ID_A ".scope", "docker", ID_A);
	/* GitHub Actions' job containers */
	expect_path("/actions_job/" ID_A, "docker", ID_A);
}

static void test_containerd(void **unused)
{
	expect_path("/kubepods.slice/kubepods-pod1.slice/cri-containerd-" ID_A ".scope",
		    "containerd", ID_A);
	expect_path("/system.slice/containerd.service/kubepods-burstable-pod1.slice/"
		    "cri-containerd-" ID_A ".scope", "containerd", ID_A);
	expect_path("/containerd/" ID_A, "containerd", ID_A);
	expect_path("/default/" ID_A, "containerd", ID_A);	/* ctr run, default namespace */
	/* the cgroupfs driver names no runtime */
	expect_path("/kubepods/besteffort/pod0b6c1f2e-1234/" ID_A, "kubepods", ID_A);
	expect_path("/kubepods/pod0b6c1f2e-1234/" ID_A, "kubepods", ID_A);
}

static void test_crio(void **unused)
{
	expect_path("/kubepods.slice/kubepods-burstable.slice/crio-" ID_B ".scope", "cri-o", ID_B);
	expect_path("/kubepods/burstable/pod1/crio-" ID_B, "cri-o", ID_B);
	expect_path("/crio/" ID_B, "cri-o", ID_B);
	/* conmon, cri-o's monitor, runs outside the container */
	expect_path("/kubepods.slice/crio-conmon-" ID_B ".scope", NULL, NULL);
}

static void test_podman(void **unused)
{
	expect_path("/machine.slice/libpod-" ID_A ".scope", "podman", ID_A);
	/* crun with systemd puts the processes one level down */
	expect_path("/machine.slice/libpod-" ID_A ".scope/container", "podman", ID_A);
	expect_path("/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" ID_A
		    ".scope", "podman", ID_A);
	expect_path("/libpod_parent/libpod-" ID_A, "podman", ID_A);
	expect_path("/machine.slice/" ID_A, "podman", ID_A);
	expect_path("/machine.slice/libpod-conmon-" ID_A ".scope", NULL, NULL);
}

/* Kubernetes with the systemd driver: QoS class, pod and container slices, each named after
 * its parent; the pod's uid has dashes turned to underscores. */
static void test_kubepods_nested(void **unused)
{
	expect_path("/kubepods.slice/kubepods-burstable.slice/"
		    "kubepods-burstable-pod6e1d3c8a_5b2f_4a5e_9c1d_0123456789ab.slice/"
		    "cri-containerd-" ID_A ".scope", "containerd", ID_A);
	expect_path("/kubepods.slice/kubepods-besteffort.slice/"
		    "kubepods-besteffort-pod6e1d3c8a_5b2f_4a5e_9c1d_0123456789ab.slice/"
		    "docker-" ID_B ".scope", "docker", ID_B);
	/* the pod slice alone (its pause process's parent) is no container */
	expect_path("/kubepods.slice/kubepods-burstable.slice/"
		    "kubepods-burstable-pod6e1d3c8a_5b2f_4a5e_9c1d_0123456789ab.slice", NULL, NULL);
}

/* Containers in containers: the innermost (last) id wins, as sysdig reads the path's end;
 * cgroups below a container's own (systemd in the container) still belong to it. */
static void test_nested(void **unused)
{
	expect_path("/docker/" ID_A "/docker/" ID_B, "docker", ID_B);
	expect_path("/system.slice/docker-" ID_A ".scope/docker/" ID_B, "docker", ID_B);
	/* kind: kubernetes nodes are docker containers */
	expect_path("/docker/" ID_A "/kubepods/besteffort/pod1/" ID_B, "kubepods", ID_B);
	expect_path("/system.slice/docker-" ID_A ".scope/init.scope", "docker", ID_A);
	expect_path("/docker/" ID_A "/system.slice/cron.service", "docker", ID_A);
}

static void test_host(void **unused)
{
	expect_path("/", NULL, NULL);
	expect_path("", NULL, NULL);
	expect_path("/init.scope", NULL, NULL);
	expect_path("/user.slice/user-1000.slice/session-2.scope", NULL, NULL);
	expect_path("/user.slice/user-1000.slice/user@1000.service/app.slice/"
		    "app-gnome-firefox-4242.scope", NULL, NULL);
	expect_path("/system.slice/docker.service", NULL, NULL);
	expect_path("/system.slice/containerd.service", NULL, NULL);
	expect_path("/kubepods.slice", NULL, NULL);
}

/* Runs of hex that are not an id: too short, too long, uppercase, a non-hex digit, an
 * unknown prefix or suffix. */
static void test_lookalikes(void **unused)
{
	expect_path("/process_api/98fb2e0cb1d7f9ceb173f6fc74ef741a", NULL, NULL);
	/* 63 digits */
	expect_path("/docker/4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f",
		    NULL, NULL);
	expect_path("/docker/" ID_A "0", NULL, NULL);
	expect_path("/docker/4F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8",
		    NULL, NULL);
	expect_path("/docker/4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7g8",
		    NULL, NULL);
	expect_path("/system.slice/docker-" ID_A ".service", NULL, NULL);
	expect_path("/system.slice/docker-" ID_A "x.scope", NULL, NULL);
	expect_path("/system.slice/session-" ID_A ".scope", NULL, NULL);
	expect_path("/system.slice/xdocker-" ID_A ".scope", NULL, NULL);
	expect_path("/docker-" ID_A ".scope.d", NULL, NULL);
}

/* An unnamed parent: the id is known, the runtime is not. */
static void test_unknown_runtime(void **unused)
{
	expect_path("/lxc.payload/" ID_A, "", ID_A);
	expect_path("/" ID_A, "", ID_A);
}

/* The cgroups parameter: the first item that names a container; its path alone counts (a
 * subsystem name is not a path). */
static void test_items(void **unused)
{
	static const char v1[] = "cpuset=/\0cpu=/docker/" ID_A "\0pids=/docker/" ID_B "\0";
	static const char none[] = "cpuset=/user.slice\0cpu=/\0";
	static const char noeq[] = "/docker/" ID_A "\0";
	struct container_ref c;
	char id[16];

	assert_true(container_of_cgroups(v1, sizeof(v1) - 1, &c));
	assert_string_equal(c.id, ID_A);
	assert_string_equal(c.runtime, "docker");
	state_container_id(v1, sizeof(v1) - 1, id);
	assert_string_equal(id, "4f1a2b3c4d5e");
	assert_false(container_of_cgroups(none, sizeof(none) - 1, &c));
	state_container_id(none, sizeof(none) - 1, id);
	assert_string_equal(id, "host");
	assert_false(container_of_cgroups(noeq, sizeof(noeq) - 1, &c));
	assert_false(container_of_cgroups(NULL, 0, &c));
	/* the length bounds the items: the id past it is not read */
	assert_false(container_of_cgroups(v1, 9, &c));
}

/* /proc/PID/cgroup: the path after the second ':' of each line; the first line that names a
 * container. */
static void test_proc_text(void **unused)
{
	struct container_ref c;

	assert_true(container_from_cgroup("12:pids:/docker/" ID_A "\n0::/\n", &c));
	assert_string_equal(c.id, ID_A);
	assert_true(container_from_cgroup("0::/system.slice/docker-" ID_B ".scope\n", &c));
	assert_string_equal(c.id, ID_B);
	assert_true(container_from_cgroup("1:name=systemd:/\n0::/docker/" ID_A "/docker/" ID_B,
					  &c));
	assert_string_equal(c.id, ID_B);
	assert_false(container_from_cgroup("0::/init.scope\n", &c));
	assert_string_equal(c.id, "");
	assert_false(container_from_cgroup("", &c));
	assert_false(container_from_cgroup("garbage without colons " ID_A "\n", &c));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docker),
		cmocka_unit_test(test_containerd),
		cmocka_unit_test(test_crio),
		cmocka_unit_test(test_podman),
		cmocka_unit_test(test_kubepods_nested),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_host),
		cmocka_unit_test(test_lookalikes),
		cmocka_unit_test(test_unknown_runtime),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_proc_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

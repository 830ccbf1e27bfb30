/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Harmless triggers for the detection rules: each subcommand does, once, the behaviour a rule
 * of rules/sysray_rules.yaml (and of Falco's default ruleset) describes, in a way that changes
 * nothing on the machine, and removes what it made. Run as root.
 *
 * Usage: triggers [--container] BEHAVIOUR
 *   --container   first moves into a container made by hand, a cgroup named as docker names
 *                 them (docker-<64 hex>.scope, under sysray-triggers/ in the cgroup v2
 *                 hierarchy and the v1 pids one), and execs itself there, so the kernel
 *                 reports the cgroups with the exec; they go once the behaviour ended.
 * Behaviours (what they do, and what makes them harmless):
 *   web-shell          a process named nginx runs `sh -c :`
 *   server-shadow      a process named nginx, 5 s after it started, opens /etc/shadow to read
 *   shadow-read        this program opens /etc/shadow to read (and reads nothing)
 *   log-truncate       makes its own file under /var/log, truncates it on open, removes it
 *   ptrace-attach      attaches to its own child with PTRACE_ATTACH, then detaches
 *   ptrace-traceme     a child asks to be traced by its parent (PTRACE_TRACEME)
 *   memfd-exec         copies /bin/true into a memfd and runs it from there (fexecve)
 *   symlink-shadow     a symlink to /etc/shadow in a private temporary directory
 *   hardlink-shadow    a hard link to /etc/shadow in a private temporary directory
 *   traversal-read     a child opens /etc/passwd through DIR/../../etc/passwd
 *   find-keys          runs `find DIR -name id_rsa` over an empty temporary directory
 *   grep-aws           runs `grep -r aws_secret_access_key DIR` over an empty directory
 *   netcat-exec        runs /bin/true under the name nc: `nc -e /bin/sh 127.0.0.1 9`
 *   packet-socket      opens an AF_PACKET socket and closes it
 *   kmod-load          calls finit_module() on fd -1 (EBADF, or ENOSYS: nothing is loaded)
 *   release-agent      writes a file named release_agent in a temporary directory
 *   terminal-shell     a process named runc runs `sh -c :` on a new pseudo-terminal
 *   stdio-socket       a child's stdin and stdout become a loopback TCP connection (dup2)
 *   ssh-port           a process named ssh starts a TCP connection to 203.0.113.7:443
 *                      (TEST-NET-3, RFC 5737: no host answers) and closes it at once
 *   c2-connect         the same connection attempt, by this program, to 203.0.113.9:80
 *   shm-exec           copies /bin/true to /dev/shm and runs it from there
 *   overlay-exec       copies /bin/true into the upper layer of an overlay mount of its own
 *                      (a private temporary directory) and runs it through the mount, as a
 *                      program written into a running container is run
 *   shred              runs `shred -u` on a file of its own
 *   system-user        a process named sshd runs /bin/true as the user nobody
 * Exit status 0 when the behaviour was carried out, 2 (with a message) when it could not be.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/if_ether.h>
#include <linux/magic.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char self_path[PATH_MAX];

static void die(const char *what)
{
	fprintf(stderr, "triggers: %s: %s\n", what, strerror(errno));
	exit(2);
}

/* A private directory for the files a behaviour makes (mode 0700, under /tmp). */
static char *make_tmpdir(void)
{
	static char dir[64];

	snprintf(dir, sizeof(dir), "/tmp/sysray-trigger.XXXXXX");
	if (!mkdtemp(dir))
		die("mkdtemp");
	return dir;
}

static void join(char *out, size_t size, const char *dir, const char *name)
{
	if ((size_t)snprintf(out, size, "%s/%s", dir, name) >= size) {
		errno = ENAMETOOLONG;
		die(name);
	}
}

/* Waits for PID; its exit status, or 128 + the signal that ended it. */
static int wait_for(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			die("waitpid");
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Runs PATH with ARGV in a child and waits for it. */
static int run(const char *path, char *const argv[])
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		execv(path, argv);
		_exit(127);
	}
	return wait_for(pid);
}

/*
 * Runs FILE under the name NAME: through a symlink NAME in a private directory, since the
 * kernel names a process (its comm, proc.name) after the last component of the path given to
 * execve. ARGV[0] is the symlink's path (so proc.exe ends with NAME too).
 */
static int run_as(const char *name, const char *file, char *argv[])
{
	char *dir = make_tmpdir(), link_path[PATH_MAX];
	int rc;

	join(link_path, sizeof(link_path), dir, name);
	if (symlink(file, link_path) < 0)
		die("symlink");
	argv[0] = link_path;
	rc = run(link_path, argv);
	unlink(link_path);
	rmdir(dir);
	return rc;
}

/* Runs this program's behaviour BEHAVIOUR under the name NAME. */
static int self_as(const char *name, const char *behaviour)
{
	char *argv[] = { NULL, (char *)behaviour, NULL };

	return run_as(name, self_path, argv);
}

static int sh_colon(void)
{
	char *argv[] = { "sh", "-c", ":", NULL };

	return run("/bin/sh", argv);
}

static void read_shadow(void)
{
	int fd = open("/etc/shadow", O_RDONLY);

	if (fd < 0)
		die("/etc/shadow");
	close(fd);
}

/* Copies /bin/true into FD. */
static void copy_true(int fd)
{
	char buf[65536];
	ssize_t n;
	int in = open("/bin/true", O_RDONLY);

	if (in < 0)
		die("/bin/true");
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(fd, buf, n) != n)
			die("write");
	if (n < 0)
		die("read /bin/true");
	close(in);
}

static int web_shell(void)
{
	return self_as("nginx", "web-shell-child");
}

/* nginx: the shell is its child, so the shell's parent (proc.pname) is nginx. */
static int web_shell_child(void)
{
	return sh_colon();
}

static int server_shadow(void)
{
	return self_as("nginx", "server-shadow-child");
}

/* A server that has run for more than 5 s (proc.duration counts from the process's start). */
static int server_shadow_child(void)
{
	struct timespec t = { .tv_sec = 5, .tv_nsec = 300 * 1000 * 1000 };

	while (nanosleep(&t, &t) < 0)
		if (errno != EINTR)
			die("nanosleep");
	read_shadow();
	return 0;
}

static int shadow_read(void)
{
	read_shadow();
	return 0;
}

static int log_truncate(void)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "/var/log/sysray-trigger.%d.log", (int)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		die(path);
	if (write(fd, "line\n", 5) != 5)
		die("write");
	close(fd);
	fd = open(path, O_WRONLY | O_TRUNC);
	if (fd < 0)
		die(path);
	close(fd);
	if (unlink(path) < 0)
		die(path);
	return 0;
}

static pid_t pausing_child(void)
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		for (;;)
			pause();
	}
	return pid;
}

static int ptrace_attach(void)
{
	pid_t child = pausing_child();
	int status;

	if (ptrace(PTRACE_ATTACH, child, NULL, NULL) < 0)
		die("PTRACE_ATTACH");
	/* the attach stops the child with SIGSTOP; detach only from that stop */
	if (waitpid(child, &status, 0) < 0)
		die("waitpid");
	if (ptrace(PTRACE_DETACH, child, NULL, NULL) < 0)
		die("PTRACE_DETACH");
	kill(child, SIGKILL);
	wait_for(child);
	return 0;
}

static int ptrace_traceme(void)
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0)
		_exit(ptrace(PTRACE_TRACEME, 0, NULL, NULL) < 0 ? 2 : 0);
	return wait_for(pid);
}

static int memfd_exec(void)
{
	char *argv[] = { "true", NULL };
	char *envp[] = { NULL };
	int fd = memfd_create("sysray-trigger", MFD_CLOEXEC);
	pid_t pid;

	if (fd < 0)
		die("memfd_create");
	copy_true(fd);
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		fexecve(fd, argv, envp);
		_exit(127);
	}
	close(fd);
	return wait_for(pid);
}

static int symlink_shadow(void)
{
	char *dir = make_tmpdir(), path[PATH_MAX];

	join(path, sizeof(path), dir, "shadow");
	if (symlink("/etc/shadow", path) < 0)
		die("symlink");
	unlink(path);
	rmdir(dir);
	return 0;
}

static int hardlink_shadow(void)
{
	char *dir = make_tmpdir(), path[PATH_MAX];

	join(path, sizeof(path), dir, "shadow");
	if (link("/etc/shadow", path) < 0)
		die("link");
	unlink(path);
	rmdir(dir);
	return 0;
}

/* In a child, so that the opener's parent is this program, not the shell that ran it. */
static int traversal_read(void)
{
	char *dir = make_tmpdir(), path[PATH_MAX];
	pid_t pid;
	int rc;

	/* dir is /tmp/X: two levels up is / */
	join(path, sizeof(path), dir, "../../etc/passwd");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		int fd = open(path, O_RDONLY);

		_exit(fd < 0 ? 2 : 0);
	}
	rc = wait_for(pid);
	rmdir(dir);
	return rc;
}

static int find_keys(void)
{
	char *dir = make_tmpdir();
	char *argv[] = { "find", dir, "-name", "id_rsa", NULL };
	int rc = run("/usr/bin/find", argv);

	rmdir(dir);
	return rc;
}

/* grep exits 1 when nothing matched, which is what happens here. */
static int grep_aws(void)
{
	char *dir = make_tmpdir();
	char *argv[] = { "grep", "-r", "aws_secret_access_key", dir, NULL };
	int rc = run("/usr/bin/grep", argv);

	rmdir(dir);
	return rc == 1 ? 0 : rc;
}

static int netcat_exec(void)
{
	char *argv[] = { NULL, "-e", "/bin/sh", "127.0.0.1", "9", NULL };

	return run_as("nc", "/bin/true", argv);
}

static int packet_socket(void)
{
	int fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));

	if (fd < 0)
		die("socket(AF_PACKET)");
	close(fd);
	return 0;
}

static int kmod_load(void)
{
	/* ENOSYS on a kernel built without modules: the call was made all the same */
	if (syscall(SYS_finit_module, -1, "", 0) == 0 || (errno != EBADF && errno != ENOSYS)) {
		fprintf(stderr, "triggers: finit_module(-1): %s\n", strerror(errno));
		return 2;
	}
	return 0;
}

static int release_agent(void)
{
	char *dir = make_tmpdir(), path[PATH_MAX];
	int fd;

	join(path, sizeof(path), dir, "release_agent");
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	if (fd < 0)
		die(path);
	close(fd);
	unlink(path);
	rmdir(dir);
	return 0;
}

static int terminal_shell(void)
{
	return self_as("runc", "terminal-shell-child");
}

/* runc: a child in a new session whose controlling terminal is a new pseudo-terminal runs the
 * shell, which writes nothing to the terminal. */
static int terminal_shell_child(void)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY), rc;
	char tty_path[PATH_MAX];
	pid_t pid;

	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 ||
	    ptsname_r(master, tty_path, sizeof(tty_path)) != 0)
		die("posix_openpt");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		int tty;

		close(master);
		if (setsid() < 0)
			_exit(2);
		tty = open(tty_path, O_RDWR);
		if (tty < 0)
			_exit(2);
		dup2(tty, 0);
		dup2(tty, 1);
		dup2(tty, 2);
		execl("/bin/sh", "sh", "-c", ":", (char *)NULL);
		_exit(127);
	}
	rc = wait_for(pid);
	close(master);
	return rc;
}

/* A connected pair of loopback TCP sockets; *SERVER is the accepted end. */
static int tcp_pair(int *server)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int lfd = socket(AF_INET, SOCK_STREAM, 0), cfd = socket(AF_INET, SOCK_STREAM, 0);

	if (lfd < 0 || cfd < 0)
		die("socket");
	if (bind(lfd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(lfd, 1) < 0 ||
	    getsockname(lfd, (struct sockaddr *)&a, &len) < 0)
		die("listen");
	if (connect(cfd, (struct sockaddr *)&a, sizeof(a)) < 0)
		die("connect");
	*server = accept(lfd, NULL, NULL);
	if (*server < 0)
		die("accept");
	close(lfd);
	return cfd;
}

/* The child puts the connection on its stdin and stdout, as a reverse shell does before it
 * execs the shell, and exits without running anything. */
static int stdio_socket(void)
{
	int server, client = tcp_pair(&server);
	pid_t pid = fork();
	int rc;

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		if (dup2(client, 0) < 0 || dup2(client, 1) < 0)
			_exit(2);
		_exit(0);
	}
	rc = wait_for(pid);
	close(client);
	close(server);
	return rc;
}

/* A non-blocking connect: the SYN leaves, nothing waits for an answer. */
static int connect_attempt(const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	if (fd < 0)
		die("socket");
	inet_pton(AF_INET, ip, &a.sin_addr);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0 && errno != EINPROGRESS)
		die("connect");
	close(fd);
	return 0;
}

static int ssh_port(void)
{
	return self_as("ssh", "ssh-port-child");
}

static int ssh_port_child(void)
{
	return connect_attempt("203.0.113.7", 443);
}

static int c2_connect(void)
{
	return connect_attempt("203.0.113.9", 80);
}

static int shm_exec(void)
{
	char path[PATH_MAX];
	char *argv[] = { path, NULL };
	int fd, rc;

	snprintf(path, sizeof(path), "/dev/shm/sysray-trigger.%d", (int)getpid());
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0700);
	if (fd < 0)
		die(path);
	copy_true(fd);
	close(fd);
	rc = run(path, argv);
	unlink(path);
	return rc;
}

static int overlay_exec(void)
{
	char *dir = make_tmpdir(), lower[PATH_MAX], upper[PATH_MAX], work[PATH_MAX];
	char merged[PATH_MAX], opts[4 * PATH_MAX], file[PATH_MAX], path[PATH_MAX];
	char *argv[] = { path, NULL };
	int fd, rc;

	join(lower, sizeof(lower), dir, "lower");
	join(upper, sizeof(upper), dir, "upper");
	join(work, sizeof(work), dir, "work");
	join(merged, sizeof(merged), dir, "merged");
	join(file, sizeof(file), upper, "true");
	join(path, sizeof(path), merged, "true");
	if (mkdir(lower, 0700) < 0 || mkdir(upper, 0700) < 0 || mkdir(work, 0700) < 0 ||
	    mkdir(merged, 0700) < 0)
		die("mkdir");
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0700);
	if (fd < 0)
		die(file);
	copy_true(fd);
	close(fd);
	snprintf(opts, sizeof(opts), "lowerdir=%s,upperdir=%s,workdir=%s", lower, upper, work);
	if (mount("overlay", merged, "overlay", 0, opts) < 0)
		die("mount overlay");
	rc = run(path, argv);
	if (umount(merged) < 0)
		die("umount");
	unlink(file);
	/* the kernel leaves work/work behind */
	join(file, sizeof(file), work, "work");
	rmdir(file);
	rmdir(work);
	rmdir(merged);
	rmdir(upper);
	rmdir(lower);
	rmdir(dir);
	return rc;
}

static int shred_file(void)
{
	char *dir = make_tmpdir(), path[PATH_MAX];
	char *argv[] = { "shred", "-u", path, NULL };
	int fd, rc;

	join(path, sizeof(path), dir, "data");
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	if (fd < 0 || write(fd, "data\n", 5) != 5)
		die(path);
	close(fd);
	rc = run("/usr/bin/shred", argv);
	unlink(path);
	rmdir(dir);
	return rc;
}

static int system_user(void)
{
	return self_as("sshd", "system-user-child");
}

/* sshd: its child becomes nobody (uid and gid 65534) and runs /bin/true. */
static int system_user_child(void)
{
	pid_t pid = fork();

	if (pid < 0)
		die("fork");
	if (pid == 0) {
		if (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0)
			_exit(2);
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	return wait_for(pid);
}

static const struct behaviour {
	const char *name;
	int (*run)(void);
} behaviours[] = {
	{ "web-shell", web_shell },
	{ "web-shell-child", web_shell_child },
	{ "server-shadow", server_shadow },
	{ "server-shadow-child", server_shadow_child },
	{ "shadow-read", shadow_read },
	{ "log-truncate", log_truncate },
	{ "ptrace-attach", ptrace_attach },
	{ "ptrace-traceme", ptrace_traceme },
	{ "memfd-exec", memfd_exec },
	{ "symlink-shadow", symlink_shadow },
	{ "hardlink-shadow", hardlink_shadow },
	{ "traversal-read", traversal_read },
	{ "find-keys", find_keys },
	{ "grep-aws", grep_aws },
	{ "netcat-exec", netcat_exec },
	{ "packet-socket", packet_socket },
	{ "kmod-load", kmod_load },
	{ "release-agent", release_agent },
	{ "terminal-shell", terminal_shell },
	{ "terminal-shell-child", terminal_shell_child },
	{ "stdio-socket", stdio_socket },
	{ "ssh-port", ssh_port },
	{ "ssh-port-child", ssh_port_child },
	{ "c2-connect", c2_connect },
	{ "shm-exec", shm_exec },
	{ "overlay-exec", overlay_exec },
	{ "shred", shred_file },
	{ "system-user", system_user },
	{ "system-user-child", system_user_child },
};

/* The cgroup hierarchies a container runtime puts a container in: the v2 one (at
 * /sys/fs/cgroup, or at /sys/fs/cgroup/unified on a hybrid machine) and, on a hybrid machine,
 * the v1 pids one too. */
static int cgroup_roots(const char *roots[2])
{
	struct statfs sf;
	int n = 0;

	if (statfs("/sys/fs/cgroup", &sf) == 0 && sf.f_type == CGROUP2_SUPER_MAGIC)
		roots[n++] = "/sys/fs/cgroup";
	else if (statfs("/sys/fs/cgroup/unified", &sf) == 0 && sf.f_type == CGROUP2_SUPER_MAGIC)
		roots[n++] = "/sys/fs/cgroup/unified";
	if (statfs("/sys/fs/cgroup/pids", &sf) == 0 && sf.f_type == CGROUP_SUPER_MAGIC)
		roots[n++] = "/sys/fs/cgroup/pids";
	return n;
}

/* A cgroup can be removed once no task is attached to it; a reaped task may still be for a
 * little while (the kernel unlinks it from its cgroups after its last switch-out). */
static void remove_cgroup(const char *path)
{
	struct timespec t = { .tv_nsec = 10 * 1000 * 1000 };

	for (int tries = 0; rmdir(path) < 0; tries++) {
		if ((errno != EBUSY && errno != ENOTEMPTY) || tries == 500)
			die(path);
		nanosleep(&t, NULL);
	}
}

/*
 * Runs BEHAVIOUR in a container made by hand: a child enters a fresh docker-<id>.scope cgroup
 * in each hierarchy and execs this program there (the exec carries the cgroups to a capture);
 * the cgroups are removed once the child ended, and with them the container.
 */
static int in_container(const char *behaviour)
{
	char cg[2][PATH_MAX], parent[2][PATH_MAX];
	const char *roots[2];
	int n = cgroup_roots(roots), rc;
	pid_t pid;

	if (n == 0) {
		fprintf(stderr, "triggers: no cgroup hierarchy to make a container in\n");
		return 2;
	}
	for (int i = 0; i < n; i++) {
		snprintf(parent[i], PATH_MAX, "%s/sysray-triggers", roots[i]);
		/* 64 lowercase hex digits, unique per run; container.id is the first 12 */
		snprintf(cg[i], PATH_MAX, "%s/docker-%08x%08x%048x.scope", parent[i],
			 0x5e5a7a1eu, (unsigned)getpid(), 0u);
		if ((mkdir(parent[i], 0755) < 0 && errno != EEXIST) || mkdir(cg[i], 0755) < 0)
			die(cg[i]);
	}
	pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		for (int i = 0; i < n; i++) {
			char procs[PATH_MAX + 16];
			FILE *f;

			snprintf(procs, sizeof(procs), "%s/cgroup.procs", cg[i]);
			f = fopen(procs, "w");
			if (!f || fprintf(f, "0\n") < 0 || fclose(f) != 0)
				die(procs);
		}
		execl(self_path, "triggers", behaviour, (char *)NULL);
		die(self_path);
	}
	rc = wait_for(pid);
	for (int i = 0; i < n; i++) {
		remove_cgroup(cg[i]);
		/* other runs may share the parent */
		rmdir(parent[i]);
	}
	return rc;
}

int main(int argc, char **argv)
{
	int container = argc > 1 && strcmp(argv[1], "--container") == 0;
	const char *name = argv[1 + container];
	ssize_t n = readlink("/proc/self/exe", self_path, sizeof(self_path) - 1);

	if (n < 0)
		die("/proc/self/exe");
	self_path[n] = '\0';
	if (argc != 2 + container) {
		fprintf(stderr, "usage: triggers [--container] BEHAVIOUR\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(behaviours) / sizeof(behaviours[0]); i++) {
		if (strcmp(behaviours[i].name, name) != 0)
			continue;
		return container ? in_container(name) : behaviours[i].run();
	}
	fprintf(stderr, "triggers: no behaviour '%s'\n", name);
	return 2;
}

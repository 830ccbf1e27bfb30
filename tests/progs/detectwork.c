/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the rules of tests/detect/ look for, done once each in the current directory: a
 * "secret" file written then read, an IPv6 datagram socket, a ptrace attach to a child, and a
 * child that runs /bin/true. Harmless: everything it makes it undoes.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void secret(void)
{
	int fd = open("secret.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	char buf[8];

	if (fd < 0 || write(fd, "s3cr3t\n", 7) != 7)
		exit(1);
	close(fd);
	fd = open("secret.txt", O_RDONLY);
	if (fd < 0 || read(fd, buf, sizeof(buf)) < 0)
		exit(1);
	close(fd);
}

/* socket()'s domain is a parameter of its enter event only (sysdig's event table). */
static void sock6(void)
{
	int s = socket(AF_INET6, SOCK_DGRAM, 0);

	if (s >= 0)
		close(s);
}

/* ptrace()'s request too. */
static void attach(void)
{
	pid_t child = fork();
	int status;

	if (child == 0) {
		for (;;)
			pause();
	}
	if (ptrace(PTRACE_ATTACH, child, NULL, NULL) == 0) {
		waitpid(child, &status, 0);
		ptrace(PTRACE_DETACH, child, NULL, NULL);
	}
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
}

static void spawn(void)
{
	pid_t child = fork();
	int status;

	if (child == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	waitpid(child, &status, 0);
}

int main(void)
{
	secret();
	sock6();
	attach();
	spawn();
	unlink("secret.txt");
	puts("done");
	return 0;
}

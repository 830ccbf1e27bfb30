/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Known figures for the live chisel tests, in the current directory:
 *  - files: 3000 bytes written to small.dat (3 writes of 1000), 12000 bytes written to
 *    big.dat (3 writes of 4000) and 8192 read back from it (2 reads of 4096);
 *  - network: a TCP connection over loopback, 5000 bytes sent by the client and 700 bytes
 *    sent back by the server, each received whole;
 *  - one slow read: a read of slow.fifo, a named pipe opened by path (fd.type "file"),
 *    that a second thread writes 2 bytes to after 300 ms;
 *  - a child process, `/bin/true chiselwork-child`, started and waited for.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char buf[8192];

static void write_file(const char *name, int times, size_t n)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	for (int i = 0; i < times; i++)
		if (write(fd, buf, n) != (ssize_t)n)
			exit(1);
	close(fd);
}

static void read_file(const char *name, int times, size_t n)
{
	int fd = open(name, O_RDONLY);

	for (int i = 0; i < times; i++)
		if (read(fd, buf, n) != (ssize_t)n)
			exit(1);
	close(fd);
}

/* Receives exactly N bytes. */
static void recv_all(int fd, size_t n)
{
	while (n) {
		ssize_t r = recv(fd, buf, n < sizeof(buf) ? n : sizeof(buf), 0);

		if (r <= 0)
			exit(1);
		n -= (size_t)r;
	}
}

static void network(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(a);
	int srv = socket(AF_INET, SOCK_STREAM, 0);

	if (bind(srv, (struct sockaddr *)&a, sizeof(a)) || listen(srv, 1) ||
	    getsockname(srv, (struct sockaddr *)&a, &len))
		exit(1);
	int cli = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(cli, (struct sockaddr *)&a, sizeof(a)))
		exit(1);
	int conn = accept(srv, NULL, NULL);
	if (send(cli, buf, 5000, 0) != 5000)
		exit(1);
	recv_all(conn, 5000);
	if (send(conn, buf, 700, 0) != 700)
		exit(1);
	recv_all(cli, 700);
	close(conn);
	close(cli);
	close(srv);
}

static void *answer_later(void *unused)
{
	struct timespec d = { 0, 300 * 1000 * 1000 };
	int fd = open("slow.fifo", O_WRONLY);

	nanosleep(&d, NULL);
	if (fd < 0 || write(fd, "x\n", 2) != 2)
		exit(1);
	close(fd);
	return unused;
}

static void slow_read(void)
{
	pthread_t t;

	unlink("slow.fifo");
	if (mkfifo("slow.fifo", 0600))
		exit(1);
	/* read-write: the open does not wait for a writer; the read waits for its data */
	int fd = open("slow.fifo", O_RDWR);
	if (fd < 0 || pthread_create(&t, NULL, answer_later, NULL))
		exit(1);
	if (read(fd, buf, sizeof(buf)) != 2)
		exit(1);
	pthread_join(t, NULL);
	close(fd);
}

static void child(void)
{
	pid_t pid = fork();

	if (pid == 0) {
		execl("/bin/true", "true", "chiselwork-child", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, NULL, 0);
}

int main(void)
{
	memset(buf, 'a', sizeof(buf));
	write_file("small.dat", 3, 1000);
	write_file("big.dat", 3, 4000);
	read_file("big.dat", 2, 4096);
	network();
	slow_read();
	child();
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Control messages of sendmsg(2) on fd -1 (EBADF: the kernel reads nothing, the tracer prints
 * what was passed): SCM_RIGHTS with more fds than the -s limit prints, timestamps too short
 * for their struct, IP_RECVERR with its offender, IP_RETOPTS longer than the limit.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* One control message of LEVEL and TYPE carrying LEN bytes of DATA. */
static void send_cmsg(int level, int type, const void *data, size_t len)
{
	size_t space = CMSG_SPACE(len);
	struct cmsghdr *c = calloc(1, space);
	struct msghdr m = { .msg_control = c, .msg_controllen = space };

	c->cmsg_level = level;
	c->cmsg_type = type;
	c->cmsg_len = CMSG_LEN(len);
	memcpy(CMSG_DATA(c), data, len);
	sendmsg(-1, &m, 0);
	free(c);
}

int main(void)
{
	int fds[40];
	for (int i = 0; i < 40; i++)
		fds[i] = i;
	send_cmsg(SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	send_cmsg(SOL_SOCKET, SCM_RIGHTS, fds, 8 * sizeof(int));

	long short_time = 0;
	send_cmsg(SOL_SOCKET, SO_TIMESTAMP, &short_time, sizeof(short_time));
	send_cmsg(SOL_SOCKET, SO_TIMESTAMPNS, &short_time, sizeof(short_time));

	struct {
		struct sock_extended_err e;
		struct sockaddr_in offender;
	} err = {
		.e = { .ee_errno = 111, .ee_origin = SO_EE_ORIGIN_ICMP, .ee_type = 3,
		       .ee_code = 3, .ee_info = 7, .ee_data = 9 },
		.offender = { .sin_family = AF_INET, .sin_port = htons(53) },
	};
	err.offender.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	send_cmsg(SOL_IP, IP_RECVERR, &err, sizeof(err));
	send_cmsg(SOL_IP, IP_RECVERR, &err.e, sizeof(err.e));

	unsigned char opts[40];
	for (int i = 0; i < 40; i++)
		opts[i] = (unsigned char)(0x41 + i);
	send_cmsg(SOL_IP, IP_RETOPTS, opts, sizeof(opts));
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Socket addresses of the rarer families, passed to connect() on a closed fd so that only
 * the decoding matters: IPX (with and without its zero byte set), X.25 (short, exact,
 * longer, with and without a NUL), and an unknown family.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/x25.h>
#include <netipx/ipx.h>
#include <string.h>
#include <sys/socket.h>

int main(void)
{
	struct sockaddr_ipx ipx = {
		.sipx_family = AF_IPX,
		.sipx_port = htons(12345),
		.sipx_network = htonl(0xfacefeed),
		.sipx_node = "ABCDEF",
		.sipx_type = -1,
	};
	connect(-1, (struct sockaddr *)&ipx, sizeof(ipx));
	ipx.sipx_zero = 0x42;
	connect(-1, (struct sockaddr *)&ipx, sizeof(ipx));
	connect(-1, (struct sockaddr *)&ipx, sizeof(ipx) - 1);

	struct {
		struct sockaddr_x25 x25;
		char more[4];
	} x = { .x25 = { .sx25_family = AF_X25 } };
	memcpy(x.x25.sx25_addr.x25_addr, "0123456789abcdef", 16);
	connect(-1, (struct sockaddr *)&x, sizeof(x.x25) - 1);
	connect(-1, (struct sockaddr *)&x, sizeof(x.x25));
	connect(-1, (struct sockaddr *)&x, sizeof(x.x25) + 1);
	x.x25.sx25_addr.x25_addr[10] = 0;
	connect(-1, (struct sockaddr *)&x, sizeof(x.x25));

	struct sockaddr unknown = { .sa_family = 250, .sa_data = "xyz" };
	connect(-1, &unknown, sizeof(unknown));
	return 0;
}

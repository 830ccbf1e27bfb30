/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Socket options in the scap event model (schema/ppm_sockopt.h) against the kernel's own
 * numbers: the PPM codes libs gives SOL_SOCKET options and the shape of each one's value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include "schema/ppm_sockopt.h"

static void test_levels(void **state)
{
	(void)state;
	assert_int_equal(PPM_SOL_SOCKET, SOL_SOCKET);
	assert_int_equal(PPM_SOL_TCP, SOL_TCP);
	assert_int_equal(ppm_sockopt_level(SOL_SOCKET), 1);
	assert_int_equal(ppm_sockopt_level(SOL_TCP), 2);
	assert_int_equal(ppm_sockopt_level(SOL_IP), 0);
	assert_int_equal(ppm_sockopt_level(SOL_IPV6), 0);
}

/* libs' PPM_SOCKOPT_SO_* codes of the kernel's options. */
static void test_names(void **state)
{
	static const struct { int so; int ppm; } names[] = {
		{ SO_DEBUG, 1 }, { SO_REUSEADDR, 2 }, { SO_TYPE, 3 }, { SO_ERROR, 4 },
		{ SO_SNDBUF, 7 }, { SO_RCVBUF, 8 }, { SO_KEEPALIVE, 9 }, { SO_LINGER, 13 },
		{ SO_REUSEPORT, 15 }, { SO_PEERCRED, 17 }, { SO_RCVTIMEO, 20 },
		{ SO_SNDTIMEO, 21 }, { SO_BINDTODEVICE, 25 }, { SO_TIMESTAMP, 29 },
		{ SO_SNDBUFFORCE, 32 }, { SO_RCVBUFFORCE, 33 }, { SO_MARK, 36 },
		{ SO_INCOMING_CPU, 49 }, { SO_ATTACH_BPF, 50 }, { SO_PEERGROUPS, 51 },
		{ SO_MEMINFO, 52 }, { SO_COOKIE, 53 }, { SO_RCVTIMEO_NEW, 20 },
		{ SO_SNDTIMEO_NEW, 21 }, { SO_ZEROCOPY, 0 }, { SO_TIMESTAMP_NEW, 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		assert_int_equal(ppm_sockopt_name(SOL_SOCKET, names[i].so), names[i].ppm);
	/* other levels have no names */
	assert_int_equal(ppm_sockopt_name(SOL_TCP, TCP_NODELAY), 0);
	assert_int_equal(ppm_sockopt_name(SOL_SOCKET, 12345), 0);
}

static void test_value_shapes(void **state)
{
	(void)state;
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_ERROR), PPM_SOCKOPT_VAL_ERRNO);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_RCVTIMEO), PPM_SOCKOPT_VAL_TIMEVAL);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_SNDTIMEO_NEW),
			 PPM_SOCKOPT_VAL_TIMEVAL);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_COOKIE), PPM_SOCKOPT_VAL_UINT64);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_REUSEADDR), PPM_SOCKOPT_VAL_UINT32);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_RCVBUF), PPM_SOCKOPT_VAL_UINT32);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_INCOMING_CPU),
			 PPM_SOCKOPT_VAL_UINT32);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_LINGER), PPM_SOCKOPT_VAL_BYTES);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_PEERCRED), PPM_SOCKOPT_VAL_BYTES);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_ATTACH_FILTER),
			 PPM_SOCKOPT_VAL_BYTES);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_PEERNAME), PPM_SOCKOPT_VAL_BYTES);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, SO_ATTACH_BPF), PPM_SOCKOPT_VAL_BYTES);
	assert_int_equal(ppm_sockopt_val_kind(SOL_SOCKET, 12345), PPM_SOCKOPT_VAL_BYTES);
	assert_int_equal(ppm_sockopt_val_kind(SOL_TCP, TCP_NODELAY), PPM_SOCKOPT_VAL_BYTES);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_value_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The `sysdig` table: what a chisel asks of the whole run (the global filter, snaplen,
 * output format, the source, the machine, the tables of threads and containers) and the
 * 64-bit timestamp arithmetic on decimal strings that Lua's doubles cannot hold.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "chisel/chisel_int.h"
#include "pipeline/pipeline.h"
#include "pipeline/source.h"
#include "util/util.h"

static struct chisel_host *host_of(lua_State *L)
{
	return chisel_of(L)->host;
}

static int set_filter(lua_State *L)
{
	struct chisel_host *h = host_of(L);
	const char *text = luaL_checkstring(L, 1);

	if (h->opened)
		return chisel_raise(L, "sysdig.set_filter: the capture is already open");
	h->filter_text.len = 0;
	out_puts(&h->filter_text, text);
	out_putc(&h->filter_text, 0);
	return 0;
}

static int get_filter(lua_State *L)
{
	struct chisel_host *h = host_of(L);

	lua_pushstring(L, h->filter_text.len ? h->filter_text.buf : "");
	return 1;
}

static int set_snaplen(lua_State *L)
{
	double n = luaL_checknumber(L, 1);

	if (n < 1 || n > 65535)
		return chisel_raise(L, "sysdig.set_snaplen: %g is not from 1 to 65535", n);
	host_of(L)->snaplen = (uint32_t)n;
	return 0;
}

/* sysdig's names of the buffer renderings; json and jsonbase64 render as their text forms
 * inside JSON output. */
static int set_output_format(lua_State *L)
{
	static const struct {
		const char *name;
		enum buf_format bf;
	} formats[] = {
		{ "normal", BUF_NORMAL }, { "json", BUF_NORMAL }, { "simple", BUF_NORMAL },
		{ "hex", BUF_HEX_ONLY }, { "hexascii", BUF_HEX }, { "ascii", BUF_ASCII },
		{ "base64", BUF_BASE64 }, { "jsonbase64", BUF_BASE64 },
	};
	struct chisel_host *h = host_of(L);
	const char *name = luaL_checkstring(L, 1);

	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(name, formats[i].name)) {
			if (!h->bf_locked)
				*h->bf = formats[i].bf;
			return 0;
		}
	return chisel_raise(L, "invalid output format %s", name);
}

static int get_output_format(lua_State *L)
{
	lua_pushstring(L, host_of(L)->json ? "json" : "normal");
	return 1;
}

/* sysray's -w always keeps the events that carry state, as sysdig's fatfile mode does. */
static int set_fatfile_dump_mode(lua_State *L)
{
	return 0;
}

static int is_live(lua_State *L)
{
	struct chisel_host *h = host_of(L);

	lua_pushboolean(L, h->opened && h->live);
	return 1;
}

static int is_tty(lua_State *L)
{
	lua_pushboolean(L, isatty(STDOUT_FILENO));
	return 1;
}

static int get_terminal_info(lua_State *L)
{
	struct winsize ws;
	bool tty = isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0;

	lua_newtable(L);
	lua_pushnumber(L, tty ? ws.ws_col : -1);
	lua_setfield(L, -2, "width");
	lua_pushnumber(L, tty ? ws.ws_row : -1);
	lua_setfield(L, -2, "height");
	return 1;
}

static uint64_t read_pid_max(void)
{
	unsigned long long v = 0;
	FILE *f = fopen("/proc/sys/kernel/pid_max", "r");

	if (f) {
		if (fscanf(f, "%llu", &v) != 1)
			v = 0;
		fclose(f);
	}
	return v;
}

static int get_machine_info(lua_State *L)
{
	struct chisel_host *h = host_of(L);

	if (!h->opened)
		return chisel_raise(L, "sysdig.get_machine_info: the capture is not open yet");
	if (!h->machine.present) {
		/* no capture metadata yet: this machine's, as a live capture describes it */
		h->machine.num_cpus = (uint32_t)sysconf(_SC_NPROCESSORS_ONLN);
		h->machine.memory_bytes = (uint64_t)sysconf(_SC_PHYS_PAGES) *
					  (uint64_t)sysconf(_SC_PAGESIZE);
		h->machine.max_pid = read_pid_max();
		gethostname(h->machine.hostname, sizeof(h->machine.hostname) - 1);
		h->machine.present = true;
	}
	lua_newtable(L);
	lua_pushnumber(L, h->machine.num_cpus);
	lua_setfield(L, -2, "num_cpus");
	lua_pushnumber(L, (double)h->machine.memory_bytes);
	lua_setfield(L, -2, "memory_size_bytes");
	lua_pushnumber(L, (double)h->machine.max_pid);
	lua_setfield(L, -2, "max_pid");
	lua_pushstring(L, h->machine.hostname);
	lua_setfield(L, -2, "hostname");
	return 1;
}

static int is_print_container_data(lua_State *L)
{
	lua_pushboolean(L, host_of(L)->print_container);
	return 1;
}

static int get_thread_table(lua_State *L)
{
	return chisel_api_thread_table(L, true, false);
}

static int get_thread_table_nofds(lua_State *L)
{
	return chisel_api_thread_table(L, false, false);
}

static int get_thread_table_barebone(lua_State *L)
{
	return chisel_api_thread_table(L, true, true);
}

static int get_thread_table_barebone_nofds(lua_State *L)
{
	return chisel_api_thread_table(L, false, true);
}

static int get_evtsource_name(lua_State *L)
{
	struct chisel_host *h = host_of(L);

	lua_pushstring(L, h->source_name ? h->source_name : "");
	return 1;
}

static void push_u64(lua_State *L, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRIu64, v);
	lua_pushstring(L, buf);
}

static int get_firstevent_ts(lua_State *L)
{
	push_u64(L, host_of(L)->first_ts);
	return 1;
}

static int get_lastevent_ts(lua_State *L)
{
	push_u64(L, host_of(L)->last_ts);
	return 1;
}

static int get_read_progress(lua_State *L)
{
	struct chisel_host *h = host_of(L);

	lua_pushnumber(L, h->src && h->src->progress ? h->src->progress(h->src) : 0);
	return 1;
}

/* Argument I as an unsigned 64-bit number: a decimal string or a Lua number. */
static uint64_t check_u64(lua_State *L, int i)
{
	if (lua_type(L, i) == LUA_TNUMBER)
		return (uint64_t)lua_tonumber(L, i);
	const char *s = luaL_checkstring(L, i);
	char *end;

	errno = 0;
	uint64_t v = strtoull(s, &end, 10);
	if (errno || end == s || *end)
		luaL_argerror(L, i, "not a decimal timestamp");
	return v;
}

static int make_ts(lua_State *L)
{
	push_u64(L, check_u64(L, 1) * 1000000000ull + check_u64(L, 2));
	return 1;
}

static int add_ts(lua_State *L)
{
	push_u64(L, check_u64(L, 1) + check_u64(L, 2));
	return 1;
}

static int subtract_ts(lua_State *L)
{
	push_u64(L, check_u64(L, 1) - check_u64(L, 2));
	return 1;
}

static int end_capture(lua_State *L)
{
	chisel_of(L)->end_requested = true;
	return 0;
}

static int run_app(lua_State *L)
{
	struct chisel_host *h = host_of(L);

	free(h->run_app);
	h->run_app = xstrdup(luaL_checkstring(L, 1));
	return 0;
}

static int log_msg(lua_State *L)
{
	const char *m = luaL_checkstring(L, 1);
	const char *sev = luaL_optstring(L, 2, "info");

	if (host_of(L)->verbose)
		fprintf(stderr, "sysray: %s: %s: %s\n", chisel_of(L)->name, sev, m);
	return 0;
}

/* statsd over UDP: one socket per chisel state, to one IPv4 peer. */
static int udp_setpeername(lua_State *L)
{
	struct chisel_host *h = host_of(L);
	const char *ip = luaL_checkstring(L, 1);
	double port = luaL_checknumber(L, 2);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };

	if (inet_pton(AF_INET, ip, &sa.sin_addr) != 1 || port < 1 || port > 65535)
		return chisel_raise(L, "sysdig.udp_setpeername: bad address %s:%g", ip, port);
	if (h->udp_fd <= 0)
		h->udp_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (h->udp_fd < 0 || connect(h->udp_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		return chisel_raise(L, "sysdig.udp_setpeername: %s", strerror(errno));
	return 0;
}

static int udp_send(lua_State *L)
{
	struct chisel_host *h = host_of(L);
	size_t len;
	const char *s = luaL_checklstring(L, 1, &len);

	if (h->udp_fd <= 0)
		return chisel_raise(L, "sysdig.udp_send: call sysdig.udp_setpeername first");
	/* statsd is best effort: a lost datagram is not the chisel's error */
	(void)!send(h->udp_fd, s, len, MSG_DONTWAIT);
	return 0;
}

void chisel_api_sysdig_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "set_filter", set_filter },
		{ "get_filter", get_filter },
		{ "set_snaplen", set_snaplen },
		{ "set_output_format", set_output_format },
		{ "get_output_format", get_output_format },
		{ "set_fatfile_dump_mode", set_fatfile_dump_mode },
		{ "is_live", is_live },
		{ "is_tty", is_tty },
		{ "get_terminal_info", get_terminal_info },
		{ "get_machine_info", get_machine_info },
		{ "is_print_container_data", is_print_container_data },
		{ "get_thread_table", get_thread_table },
		{ "get_thread_table_nofds", get_thread_table_nofds },
		{ "get_thread_table_barebone", get_thread_table_barebone },
		{ "get_thread_table_barebone_nofds", get_thread_table_barebone_nofds },
		{ "get_container_table", chisel_api_container_table },
		{ "get_evtsource_name", get_evtsource_name },
		{ "get_firstevent_ts", get_firstevent_ts },
		{ "get_lastevent_ts", get_lastevent_ts },
		{ "get_read_progress", get_read_progress },
		{ "make_ts", make_ts },
		{ "add_ts", add_ts },
		{ "subtract_ts", subtract_ts },
		{ "end_capture", end_capture },
		{ "run_app", run_app },
		{ "log", log_msg },
		{ "udp_setpeername", udp_setpeername },
		{ "udp_send", udp_send },
		{ NULL, NULL },
	};

	luaL_register(L, "sysdig", fns);
	lua_pop(L, 1);
}

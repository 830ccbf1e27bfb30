/* SPDX-License-Identifier: Apache-2.0 */
/* POSIX message queues: mq_open, mq_timedsend, mq_timedreceive, mq_notify, mq_getsetattr. */
#include <fcntl.h>
#include <inttypes.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

STATIC_XLAT(mq_attr_flags, { O_NONBLOCK, "O_NONBLOCK" });

/* struct mq_attr: four longs and reserved space, read whole; mq_open shows mq_flags in hex, mq_getsetattr by name. */
static void print_mq_attr_at(struct sc *sc, uint64_t addr, bool flag_names)
{
	/* mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs and four reserved longs */
	int64_t attr[8];
	if (!fetch_or_print_addr(sc, addr, attr, sizeof(attr)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "mq_flags");
	if (flag_names)
		pr_flags(p, &mq_attr_flags, (uint64_t)attr[0], "O_???");
	else
		pr_hex(p, (uint64_t)attr[0]);
	pr_field(p, "mq_maxmsg");
	pr_int(p, attr[1]);
	pr_field(p, "mq_msgsize");
	pr_int(p, attr[2]);
	pr_field(p, "mq_curmsgs");
	pr_int(p, attr[3]);
	pr_struct_end(p);
}

int decode_mq_open(struct sc *sc)
{
	uint64_t flags = sc->arg[1];
	print_path(sc, sc->arg[0]);
	pr_open_flags(sc->p, (uint32_t)flags);
	if (flags & O_CREAT) {
		/* The mode is a umode_t, 16 bits wide. */
		pr_mode_numeric(sc->p, (uint16_t)sc->arg[2]);
		print_mq_attr_at(sc, sc->arg[3], false);
	}
	return RV_DECODED | RV_FD;
}

int decode_mq_timedsend(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_buf(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	pr_uint(sc->p, (uint32_t)sc->arg[3]);
	print_timespec_at(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

int decode_mq_timedreceive(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	if (sc_failed(sc))
		print_addr(sc, sc->arg[1]);
	else
		print_buf(sc, sc->arg[1], (uint64_t)sc->rval);
	pr_uint(sc->p, sc->arg[2]);
	print_uint_at(sc, sc->arg[3]);
	/* The timeout was read at entry: it is shown even when the call failed. */
	print_input_timespec_at(sc, sc->arg[4]);
	return RV_DEC;
}

int decode_mq_notify(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_sigevent_at(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_mq_getsetattr(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		print_mq_attr_at(sc, sc->arg[1], true);
		return DEC_AT_EXIT;
	}
	print_mq_attr_at(sc, sc->arg[2], true);
	return RV_DEC;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the request by name (TCGETS, "A or B" when several share a number, else
 * _IOC(dir, type, nr, size)), the argument of the terminal requests ('T') decoded here,
 * of the other families by their tables (ioctl_types.c); any other argument in hex.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/desc_impl.h"
#include "trace/decode/ioctl_impl.h"

/* ---- request names ---- */

struct ioctl_name {
	uint32_t code;
	const char *name;
};

#define IOCTL_NAME(code_, name_) { code_, name_ },
static const struct ioctl_name ioctl_names[] = {
#include "trace/decode/ioctl_names.def"
};
#undef IOCTL_NAME

#define N_IOCTL_NAMES (sizeof(ioctl_names) / sizeof(ioctl_names[0]))

/* The first row of CODE in the sorted table, or NULL. */
static const struct ioctl_name *ioctl_first(uint32_t code)
{
	size_t lo = 0, hi = N_IOCTL_NAMES;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ioctl_names[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < N_IOCTL_NAMES && ioctl_names[lo].code == code ? &ioctl_names[lo] : NULL;
}


static const char *ioc_dir_name(uint32_t dir)
{
	static const char *const names[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};
	return names[dir & 3];
}

/*
 * "TCGETS", "A or B", "MIXER_READ(17) or ECCGETLAYOUT" (a number decoded from its
 * fields comes first), or "_IOC(_IOC_READ, 0x78, 0x3, 0x4)" into BUF.
 */
static const char *sprint_ioctl_request(char *buf, size_t n, uint32_t code, bool in_comment)
{
	const struct ioctl_name *e = ioctl_first(code);
	size_t len = sprint_ioctl_number(buf, n, code, in_comment);
	if (!e && !len) {
		snprintf(buf, n, "_IOC(%s, %#x, %#x, %#x)", ioc_dir_name(IOC_DIR(code)),
			 IOC_TYPE(code), IOC_NR(code), IOC_SIZE(code));
		return buf;
	}
	for (; e && e < ioctl_names + N_IOCTL_NAMES && e->code == code; e++)
		len += (size_t)snprintf(buf + len, len < n ? n - len : 0, "%s%s",
					len ? " or " : "", e->name);
	return buf;
}

static void print_ioctl_request(struct sc *sc, uint32_t code)
{
	struct pr *p = sc->p;
	char buf[512];
	if (p->xlat_style == PR_XLAT_RAW) {
		pr_hex(p, code);
		return;
	}
	sprint_ioctl_request(buf, sizeof(buf), code, p->xlat_style == PR_XLAT_VERBOSE);
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_hex(p, code);
		pr_comment(p, "%s", buf);
	} else {
		pr_text(p, buf);
	}
}

/* ---- termios ---- */

XLAT_DEFINE(desc_term_iflags,
	{ 0000001, "IGNBRK" },
	{ 0000002, "BRKINT" },
	{ 0000004, "IGNPAR" },
	{ 0000010, "PARMRK" },
	{ 0000020, "INPCK" },
	{ 0000040, "ISTRIP" },
	{ 0000100, "INLCR" },
	{ 0000200, "IGNCR" },
	{ 0000400, "ICRNL" },
	{ 0001000, "IUCLC" },
	{ 0002000, "IXON" },
	{ 0004000, "IXANY" },
	{ 0010000, "IXOFF" },
	{ 0020000, "IMAXBEL" },
	{ 0040000, "IUTF8" });

XLAT_DEFINE(desc_term_oflags,
	{ 0000001, "OPOST" },
	{ 0000002, "OLCUC" },
	{ 0000004, "ONLCR" },
	{ 0000010, "OCRNL" },
	{ 0000020, "ONOCR" },
	{ 0000040, "ONLRET" },
	{ 0000100, "OFILL" },
	{ 0000200, "OFDEL" });

XLAT_DEFINE(desc_term_nldly, { 0, "NL0" }, { 0000400, "NL1" });
XLAT_DEFINE(desc_term_crdly,
	{ 0, "CR0" }, { 0001000, "CR1" }, { 0002000, "CR2" }, { 0003000, "CR3" });
/* XTABS is TAB3 on x86 and is the name strace finds first. */
XLAT_DEFINE(desc_term_tabdly,
	{ 0014000, "XTABS" }, { 0, "TAB0" }, { 0004000, "TAB1" }, { 0010000, "TAB2" },
	{ 0014000, "TAB3" });
XLAT_DEFINE(desc_term_bsdly, { 0020000, "BS1" }, { 0, "BS0" });
XLAT_DEFINE(desc_term_vtdly, { 0, "VT0" }, { 0040000, "VT1" });
XLAT_DEFINE(desc_term_ffdly, { 0, "FF0" }, { 0100000, "FF1" });

XLAT_DEFINE(desc_term_lflags,
	{ 0000001, "ISIG" },
	{ 0000002, "ICANON" },
	{ 0000004, "XCASE" },
	{ 0000010, "ECHO" },
	{ 0000020, "ECHOE" },
	{ 0000040, "ECHOK" },
	{ 0000100, "ECHONL" },
	{ 0000200, "NOFLSH" },
	{ 0100000, "IEXTEN" },
	{ 0001000, "ECHOCTL" },
	{ 0002000, "ECHOPRT" },
	{ 0004000, "ECHOKE" },
	{ 0010000, "FLUSHO" },
	{ 0040000, "PENDIN" },
	{ 0000400, "TOSTOP" },
	{ 0200000, "EXTPROC" });

XLAT_DEFINE(desc_term_cflags,
	{ 0000100, "CSTOPB" },
	{ 0000200, "CREAD" },
	{ 0000400, "PARENB" },
	{ 0001000, "PARODD" },
	{ 0002000, "HUPCL" },
	{ 0004000, "CLOCAL" },
	{ 010000000000, "CMSPAR" },
	{ 020000000000, "CRTSCTS" });

XLAT_DEFINE(desc_term_csize,
	{ 0, "CS5" }, { 0000020, "CS6" }, { 0000040, "CS7" }, { 0000060, "CS8" });

XLAT_DEFINE(desc_baud_rates,
	{ 0000000, "B0" },
	{ 0000001, "B50" },
	{ 0000002, "B75" },
	{ 0000003, "B110" },
	{ 0000004, "B134" },
	{ 0000005, "B150" },
	{ 0000006, "B200" },
	{ 0000007, "B300" },
	{ 0000010, "B600" },
	{ 0000011, "B1200" },
	{ 0000012, "B1800" },
	{ 0000013, "B2400" },
	{ 0000014, "B4800" },
	{ 0000015, "B9600" },
	{ 0000016, "B19200" },
	{ 0000017, "B38400" },
	{ 0010001, "B57600" },
	{ 0010002, "B115200" },
	{ 0010003, "B230400" },
	{ 0010004, "B460800" },
	{ 0010005, "B500000" },
	{ 0010006, "B576000" },
	{ 0010007, "B921600" },
	{ 0010010, "B1000000" },
	{ 0010011, "B1152000" },
	{ 0010012, "B1500000" },
	{ 0010013, "B2000000" },
	{ 0010014, "B2500000" },
	{ 0010015, "B3000000" },
	{ 0010016, "B3500000" },
	{ 0010017, "B4000000" },
	{ 0010000, "BOTHER" });

XLAT_DEFINE(desc_line_disciplines,
	{ 0, "N_TTY" }, { 1, "N_SLIP" }, { 2, "N_MOUSE" }, { 3, "N_PPP" },
	{ 4, "N_STRIP" }, { 5, "N_AX25" }, { 6, "N_X25" }, { 7, "N_6PACK" },
	{ 8, "N_MASC" }, { 9, "N_R3964" }, { 10, "N_PROFIBUS_FDL" }, { 11, "N_IRDA" },
	{ 12, "N_SMSBLOCK" }, { 13, "N_HDLC" }, { 14, "N_SYNC_PPP" }, { 15, "N_HCI" },
	{ 16, "N_GIGASET_M101" }, { 17, "N_SLCAN" }, { 18, "N_PPS" }, { 19, "N_V253" },
	{ 20, "N_CAIF" }, { 21, "N_GSM0710" }, { 22, "N_TI_WL" }, { 23, "N_TRACESINK" },
	{ 24, "N_TRACEROUTER" }, { 25, "N_NCI" }, { 26, "N_SPEAKUP" }, { 27, "N_NULL" });

/* Indices of c_cc on x86 (asm-generic/termbits.h). */
static const char *const cc_names[] = {
	"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART",
	"VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
};

#define K_CBAUD 0010017u
#define K_CIBAUD 002003600000u
#define K_IBSHIFT 16
#define K_CSIZE 0000060u
#define K_NCCS 19
#define K_NCC 8

/* Terminal flag words have no name for "none": strace prints nothing at all for 0. */
static void pr_term_flags(struct pr *p, const struct xlat *x, uint32_t v)
{
	if (v)
		pr_flags(p, x, v, NULL);
	else
		pr_text(p, "");
}

static void print_oflag(struct pr *p, uint32_t v)
{
	static const struct {
		const struct xlat *x;
		uint32_t mask;
		const char *dflt;
	} delays[] = {
		{ &desc_term_nldly, 0000400, "NL?" },
		{ &desc_term_crdly, 0003000, "CR?" },
		{ &desc_term_tabdly, 0014000, "TAB?" },
		{ &desc_term_bsdly, 0020000, "BS?" },
		{ &desc_term_vtdly, 0040000, "VT?" },
		{ &desc_term_ffdly, 0100000, "FF?" },
	};
	/* Each delay field is named even when zero, then the plain flags follow. */
	for (size_t i = 0; i < sizeof(delays) / sizeof(delays[0]); i++) {
		pr_xval(p, delays[i].x, v & delays[i].mask, delays[i].dflt);
		pr_join(p, "|");
		v &= ~delays[i].mask;
	}
	pr_term_flags(p, &desc_term_oflags, v);
}

static void print_cflag(struct pr *p, uint32_t v)
{
	pr_xval(p, &desc_baud_rates, v & K_CBAUD, "B???");
	pr_join(p, "|");
	if (v & K_CIBAUD) {
		pr_xval(p, &desc_baud_rates, (v & K_CIBAUD) >> K_IBSHIFT, "B???");
		pr_join(p, "<<");
		if (p->xlat_style == PR_XLAT_ABBREV) {
			pr_text(p, "IBSHIFT");
		} else {
			pr_hex(p, K_IBSHIFT);
			if (p->xlat_style == PR_XLAT_VERBOSE)
				pr_comment(p, "IBSHIFT");
		}
		pr_join(p, "|");
	}
	pr_xval(p, &desc_term_csize, v & K_CSIZE, "CS?");
	pr_join(p, "|");
	pr_term_flags(p, &desc_term_cflags, v & ~(K_CBAUD | K_CIBAUD | K_CSIZE));
}

static void print_term_flags(struct pr *p, uint32_t iflag, uint32_t oflag, uint32_t cflag,
			     uint32_t lflag)
{
	pr_field(p, "c_iflag");
	pr_term_flags(p, &desc_term_iflags, iflag);
	pr_field(p, "c_oflag");
	print_oflag(p, oflag);
	pr_field(p, "c_cflag");
	print_cflag(p, cflag);
	pr_field(p, "c_lflag");
	pr_term_flags(p, &desc_term_lflags, lflag);
}

static void print_cc(struct pr *p, const uint8_t *cc, unsigned n)
{
	pr_field(p, "c_cc");
	pr_array_begin(p);
	for (unsigned i = 0; i < n; i++) {
		if (i < sizeof(cc_names) / sizeof(cc_names[0]))
			pr_textf(p, "[%s]=%#x", cc_names[i], cc[i]);
		else
			pr_textf(p, "[%u]=%#x", i, cc[i]);
	}
	pr_array_end(p);
}

/* struct termios and termios2 of the kernel (not glibc's, which is larger). */
struct k_termios2 {
	uint32_t c_iflag, c_oflag, c_cflag, c_lflag;
	uint8_t c_line;
	uint8_t c_cc[K_NCCS];
	uint32_t c_ispeed, c_ospeed;
};

#define K_TERMIOS_SIZE 36	/* termios2 without the speeds */

static void print_termios(struct sc *sc, uint64_t addr, bool v2)
{
	struct k_termios2 t;
	if (!fetch_or_print_addr(sc, addr, &t, v2 ? sizeof(t) : K_TERMIOS_SIZE))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	print_term_flags(p, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
	if (!sc->verbose) {
		pr_more(p);
	} else {
		pr_field(p, "c_line");
		pr_xval(p, &desc_line_disciplines, t.c_line, "N_???");
		print_cc(p, t.c_cc, K_NCCS);
		if (v2) {
			pr_field(p, "c_ispeed");
			pr_uint(p, t.c_ispeed);
			pr_field(p, "c_ospeed");
			pr_uint(p, t.c_ospeed);
		}
	}
	pr_struct_end(p);
}

/* The old struct termio: 16-bit flags and 8 control characters. */
static void print_termio(struct sc *sc, uint64_t addr)
{
	struct {
		uint16_t c_iflag, c_oflag, c_cflag, c_lflag;
		uint8_t c_line;
		uint8_t c_cc[K_NCC];
	} t;
	if (!fetch_or_print_addr(sc, addr, &t, sizeof(t)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	print_term_flags(p, t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag);
	if (!sc->verbose) {
		pr_more(p);
	} else {
		pr_field(p, "c_line");
		pr_xval(p, &desc_line_disciplines, t.c_line, "N_???");
		print_cc(p, t.c_cc, K_NCC);
	}
	pr_struct_end(p);
}

static void print_winsize(struct sc *sc, uint64_t addr)
{
	uint16_t ws[4];
	static const char *const names[] = { "ws_row", "ws_col", "ws_xpixel", "ws_ypixel" };
	if (!fetch_or_print_addr(sc, addr, ws, sizeof(ws)))
		return;
	pr_struct_begin(sc->p);
	for (int i = 0; i < 4; i++) {
		pr_field(sc->p, names[i]);
		pr_uint(sc->p, ws[i]);
	}
	pr_struct_end(sc->p);
}

XLAT_DEFINE(desc_modem_flags,
	{ 0x001, "TIOCM_LE" },
	{ 0x002, "TIOCM_DTR" },
	{ 0x004, "TIOCM_RTS" },
	{ 0x008, "TIOCM_ST" },
	{ 0x010, "TIOCM_SR" },
	{ 0x020, "TIOCM_CTS" },
	{ 0x040, "TIOCM_CAR" },
	{ 0x080, "TIOCM_RNG" },
	{ 0x100, "TIOCM_DSR" },
	{ 0x2000, "TIOCM_OUT1" },
	{ 0x4000, "TIOCM_OUT2" },
	{ 0x8000, "TIOCM_LOOP" });

static void print_modem_flags(struct sc *sc, uint64_t addr)
{
	uint32_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return;
	pr_text(sc->p, "[");
	pr_join(sc->p, "");
	pr_flags(sc->p, &desc_modem_flags, v, "TIOCM_???");
	pr_raw(sc->p, "]");
}

XLAT_DEFINE(desc_tcxonc_options,
	{ 0, "TCOOFF" }, { 1, "TCOON" }, { 2, "TCIOFF" }, { 3, "TCION" });
XLAT_DEFINE(desc_tcflsh_options,
	{ 0, "TCIFLUSH" }, { 1, "TCOFLUSH" }, { 2, "TCIOFLUSH" });

/* Terminal requests (asm-generic/ioctls.h). */
enum {
	K_TCGETS = 0x5401, K_TCSETS = 0x5402, K_TCSETSW = 0x5403, K_TCSETSF = 0x5404,
	K_TCGETA = 0x5405, K_TCSETA = 0x5406, K_TCSETAW = 0x5407, K_TCSETAF = 0x5408,
	K_TCSBRK = 0x5409, K_TCXONC = 0x540A, K_TCFLSH = 0x540B, K_TIOCEXCL = 0x540C,
	K_TIOCNXCL = 0x540D, K_TIOCSCTTY = 0x540E, K_TIOCGPGRP = 0x540F,
	K_TIOCSPGRP = 0x5410, K_TIOCOUTQ = 0x5411, K_TIOCSTI = 0x5412,
	K_TIOCGWINSZ = 0x5413, K_TIOCSWINSZ = 0x5414, K_TIOCMGET = 0x5415,
	K_TIOCMBIS = 0x5416, K_TIOCMBIC = 0x5417, K_TIOCMSET = 0x5418,
	K_TIOCGSOFTCAR = 0x5419, K_TIOCSSOFTCAR = 0x541A, K_FIONREAD = 0x541B,
	K_TIOCCONS = 0x541D, K_TIOCSSERIAL = 0x541F, K_TIOCPKT = 0x5420,
	K_FIONBIO = 0x5421, K_TIOCNOTTY = 0x5422, K_TIOCSETD = 0x5423,
	K_TIOCGETD = 0x5424, K_TCSBRKP = 0x5425, K_TIOCSBRK = 0x5427,
	K_TIOCCBRK = 0x5428, K_TIOCGSID = 0x5429, K_TCGETS2 = 0x802c542a,
	K_TCSETS2 = 0x402c542b, K_TCSETSW2 = 0x402c542c, K_TCSETSF2 = 0x402c542d,
	K_TIOCGPTN = 0x80045430, K_TIOCSPTLCK = 0x40045431, K_TIOCGDEV = 0x80045432,
	K_TIOCVHANGUP = 0x5437, K_TIOCGEXCL = 0x80045440, K_FIONCLEX = 0x5450,
	K_FIOCLEX = 0x5451, K_FIOASYNC = 0x5452, K_TIOCSLCKTRMIOS = 0x5457,
	K_TIOCGLCKTRMIOS = 0x5456,
};

/* Requests whose argument is filled in by the kernel: printed at exit. */
static bool term_output_request(uint32_t code)
{
	switch (code) {
	case K_TCGETS2: case K_TCGETS: case K_TIOCGLCKTRMIOS: case K_TCGETA:
	case K_TIOCGWINSZ: case K_TIOCMGET:
	case K_TIOCGPGRP: case K_TIOCGSID: case K_TIOCGETD: case K_TIOCGSOFTCAR:
	case K_TIOCGPTN: case K_FIONREAD: case K_TIOCOUTQ: case K_TIOCGEXCL: case K_TIOCGDEV:
		return true;
	}
	return false;
}

/* Prints the argument of a terminal request; false for one strace leaves in hex. */
static bool term_print_arg(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case K_TCGETS2: case K_TCSETS2: case K_TCSETSW2: case K_TCSETSF2:
		print_termios(sc, arg, true);
		return true;
	case K_TCGETS: case K_TIOCGLCKTRMIOS: case K_TCSETS: case K_TCSETSW: case K_TCSETSF:
	case K_TIOCSLCKTRMIOS:
		print_termios(sc, arg, false);
		return true;
	case K_TCGETA: case K_TCSETA: case K_TCSETAW: case K_TCSETAF:
		print_termio(sc, arg);
		return true;
	case K_TIOCGWINSZ: case K_TIOCSWINSZ:
		print_winsize(sc, arg);
		return true;
	case K_TCXONC:
		pr_xval(sc->p, &desc_tcxonc_options, arg, "TC???");
		return true;
	case K_TCFLSH:
		pr_xval(sc->p, &desc_tcflsh_options, arg, "TC???");
		return true;
	case K_TCSBRK: case K_TCSBRKP: case K_TIOCSCTTY:
		pr_int(sc->p, (int32_t)arg);
		return true;
	case K_TIOCMGET: case K_TIOCMBIS: case K_TIOCMBIC: case K_TIOCMSET:
		print_modem_flags(sc, arg);
		return true;
	case K_TIOCGPGRP: case K_TIOCGSID: case K_TIOCGETD: case K_TIOCGSOFTCAR:
	case K_TIOCGPTN: case K_FIONREAD: case K_TIOCOUTQ: case K_TIOCGEXCL: case K_TIOCGDEV:
	case K_TIOCSPGRP: case K_TIOCSETD: case K_FIONBIO: case K_FIOASYNC: case K_TIOCPKT:
	case K_TIOCSSOFTCAR: case K_TIOCSPTLCK:
		print_int_at(sc, arg);
		return true;
	case K_TIOCSTI:
		print_buf(sc, arg, 1);
		return true;
	/* No argument at all. */
	case K_TIOCSBRK: case K_TIOCCBRK: case K_TIOCCONS: case K_TIOCNOTTY: case K_TIOCEXCL:
	case K_TIOCNXCL: case K_FIOCLEX: case K_FIONCLEX: case K_TIOCVHANGUP:
	case K_TIOCSSERIAL:
		return true;
	}
	return false;
}

int term_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	if (!sc->exiting && term_output_request(code))
		return IOC_LATER;
	return term_print_arg(sc, code, arg) ? IOC_ARG_DONE : IOC_ARG_HEX;
}

/*
 * The third argument, by strace's general rule: a request of a known family prints its
 * argument its own way (or none at all); any other argument prints in hex, at entry
 * when the family knows the request takes nothing it decodes, else at exit.
 */
int decode_ioctl(struct sc *sc)
{
	uint32_t code = (uint32_t)sc->arg[1];

	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		print_ioctl_request(sc, code);
	}
	int r = ioctl_decode_arg(sc, code, sc->arg[2]);
	int fmt = r & IOC_RESULT_MASK;
	if (!fmt)
		fmt = RV_DEC;
	if (!sc->exiting && !(r & (IOC_ARG_DONE | IOC_ARG_HEX)))
		return DEC_AT_EXIT;
	if (!(r & IOC_ARG_DONE))
		pr_hex(sc->p, sc->arg[2]);
	return sc->exiting ? fmt : RV_DECODED | fmt;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl requests of the families decoded as data (hdio, watchdog, rtc, evdev, ...), on
 * fd -1 with NULL, unreadable, and filled-in arguments, so that a trace shows how each
 * argument prints at entry and, with the result injected, at exit.
 */
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/hdreg.h>

/* SIZE bytes that end where an unreadable page begins. */
static void *tail_alloc(size_t size)
{
	long page = sysconf(_SC_PAGESIZE);
	char *p = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		_exit(1);
	mprotect(p + page, page, PROT_NONE);
	return p + page - size;
}

static void fill(void *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((unsigned char *)buf)[i] = (unsigned char)(0x80 + i);
}

static void hdio(void)
{
	static const unsigned long getters[] = {
		HDIO_GET_32BIT, HDIO_GET_ACOUSTIC, HDIO_GET_ADDRESS, HDIO_GET_DMA,
		HDIO_GET_KEEPSETTINGS, HDIO_GET_MULTCOUNT, HDIO_GET_NOWERR, HDIO_GET_UNMASKINTR,
		HDIO_GET_WCACHE, HDIO_GET_NICE, HDIO_GET_BUSSTATE,
	};
	static const unsigned long setters[] = {
		HDIO_SET_32BIT, HDIO_SET_ACOUSTIC, HDIO_SET_ADDRESS, HDIO_SET_DMA,
		HDIO_SET_KEEPSETTINGS, HDIO_SET_MULTCOUNT, HDIO_SET_NOWERR, HDIO_SET_PIO_MODE,
		HDIO_SET_UNMASKINTR, HDIO_SET_WCACHE, HDIO_UNREGISTER_HWIF,
	};
	unsigned long *val = tail_alloc(sizeof(*val));
	struct hd_geometry *geo = tail_alloc(sizeof(*geo));
	struct hd_drive_cmd_hdr *cmd = tail_alloc(sizeof(*cmd) + 512);
	uint32_t *reset = tail_alloc(3 * sizeof(*reset));
	char *identity = tail_alloc(512);

	ioctl(-1, HDIO_GET_QDMA, 0);
	ioctl(-1, HDIO_SET_XFER, 0xbadc0deddeadc0deUL);
	for (size_t i = 0; i < sizeof(getters) / sizeof(getters[0]); i++) {
		*val = 0xfacefeedded1fffeUL + i;
		ioctl(-1, getters[i], val);
		ioctl(-1, getters[i], (char *)val + 1);
	}
	for (size_t i = 0; i < sizeof(setters) / sizeof(setters[0]); i++)
		ioctl(-1, setters[i], 0xfacefeeddeadbeefUL);
	ioctl(-1, HDIO_SET_NICE, 0x1bUL);
	ioctl(-1, HDIO_SET_NICE, 0xfacefeedded2ffffUL);
	ioctl(-1, HDIO_SET_BUSSTATE, 2UL);
	ioctl(-1, HDIO_SET_BUSSTATE, 0xfacefeedded4ffffUL);

	ioctl(-1, HDIO_GETGEO, NULL);
	geo->heads = 0xca;
	geo->sectors = 0xfe;
	geo->cylinders = 0xbabe;
	geo->start = 0xbadc0deddeadfaceUL;
	ioctl(-1, HDIO_GETGEO, geo);
	ioctl(-1, HDIO_GETGEO, (char *)geo + 1);

	ioctl(-1, HDIO_DRIVE_CMD, NULL);
	fill(cmd, sizeof(*cmd) + 512);
	cmd->command = 0xca;
	cmd->sector_count = 0;
	ioctl(-1, HDIO_DRIVE_CMD, cmd);
	cmd->sector_count = 1;
	ioctl(-1, HDIO_DRIVE_CMD, cmd);
	cmd->command = 0x80;
	ioctl(-1, HDIO_DRIVE_CMD, cmd);

	reset[0] = 0xdeadbeef;
	reset[1] = 0xaaaaaaaa;
	reset[2] = 0xbeefbeef;
	ioctl(-1, HDIO_DRIVE_RESET, reset);
	ioctl(-1, HDIO_SCAN_HWIF, reset + 1);
	fill(identity, 512);
	ioctl(-1, HDIO_GET_IDENTITY, identity);
	ioctl(-1, HDIO_OBSOLETE_IDENTITY, identity + 512 - 142);
}

int main(void)
{
	hdio();
	return 0;
}

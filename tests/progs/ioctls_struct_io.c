/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl requests whose struct goes to the kernel and comes back filled in: seccomp's
 * user-notification requests, SG_IO's v3 and v4 headers, PTP_SYS_OFFSET's samples,
 * PERF_EVENT_IOC_MODIFY_ATTRIBUTES' attributes, the socket requests' struct ifreq and
 * ifconf (on a real socket for the loopback interface's), the device-mapper requests'
 * header and payloads and the TEE requests' buffers of parameters; on fd -1 with NULL,
 * unreadable, partly readable and filled-in arguments, so that a trace shows each argument
 * at entry and, with the result injected, what it prints at exit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <linux/audit.h>
#include <linux/sockios.h>
#include <linux/tee.h>
#include <linux/bsg.h>
#include <linux/dm-ioctl.h>
#include <linux/perf_event.h>
#include <linux/ptp_clock.h>
#include <linux/seccomp.h>
#include <scsi/sg.h>

#include "tail_alloc.h"

static void fill(void *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		((unsigned char *)buf)[i] = (unsigned char)(0x80 + i);
}

static void seccomp_notif(void)
{
	struct seccomp_notif *notif = tail_alloc(sizeof(*notif));
	struct seccomp_notif_resp *resp = tail_alloc(sizeof(*resp));
	struct seccomp_notif_addfd *addfd = tail_alloc(sizeof(*addfd));
	uint64_t *id = tail_alloc(sizeof(*id));

	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, NULL);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, (char *)notif + 1);
	/* Zeroed as the kernel wants it: nothing at entry, the struct at exit. */
	memset(notif, 0, sizeof(*notif));
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, notif);
	notif->id = 0xfeedc0de12345678ULL;
	notif->pid = 4321;
	notif->flags = 0xdeadbeef;
	notif->data.nr = 0xbad5ca11;
	notif->data.arch = 0xfeedface;
	notif->data.instruction_pointer = 0x7ffc12345678ULL;
	for (size_t i = 0; i < 6; i++)
		notif->data.args[i] = 0xdeadfacebadc0dedULL ^ i;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, notif);
	notif->data.nr = __NR_gettid;
	notif->data.arch = AUDIT_ARCH_X86_64;
	notif->data.instruction_pointer = 0;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, notif);

	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, NULL);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, (char *)resp + 1);
	memset(resp, 0, sizeof(*resp));
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, resp);
	resp->id = 0xdeadc0debadc0dedULL;
	resp->val = -42;
	resp->error = -ENOSR;
	resp->flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, resp);
	resp->error = (int32_t)0xbadc0ded;
	resp->flags = 0xfacecafe;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, resp);

	ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, NULL);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, (char *)id + 1);
	*id = 0xdecaffedfacefeedULL;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, id);
	/* The number the kernel first defined with the wrong direction. */
	ioctl(-1, SECCOMP_IOR(2, __u64), id);

	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, NULL);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, (char *)addfd + 1);
	memset(addfd, 0, sizeof(*addfd));
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);
	addfd->id = 0xdeadc0debadfacedULL;
	addfd->flags = SECCOMP_ADDFD_FLAG_SETFD | SECCOMP_ADDFD_FLAG_SEND;
	addfd->srcfd = 2;
	addfd->newfd = 7;
	addfd->newfd_flags = O_CLOEXEC | O_DSYNC;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);
	addfd->flags = 0xbadc0dec;
	addfd->srcfd = -559023410;
	addfd->newfd_flags = O_DIRECT | 0x40000000;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);
	/* An unknown request of the family: its argument in hex. */
	ioctl(-1, _IOC(_IOC_READ, '!', 4, 8), 0xdeadbeefbadc0dedUL);
}

/* SG_IO: version 3 ('S') and 4 ('Q') headers, every data direction. */
static void sg_io(void)
{
	struct sg_io_hdr *v3 = tail_alloc(sizeof(*v3));
	struct sg_io_v4 *v4 = tail_alloc(sizeof(*v4));
	uint32_t *iid = tail_alloc(sizeof(*iid));
	unsigned char *cmd = tail_alloc(6);
	unsigned char *data = tail_alloc(8);
	unsigned char *sense = tail_alloc(4);
	struct iovec *iov = tail_alloc(2 * sizeof(*iov));

	fill(cmd, 6);
	fill(data, 8);
	fill(sense, 4);
	iov[0].iov_base = data;
	iov[0].iov_len = 2;
	iov[1].iov_base = data + 4;
	iov[1].iov_len = 4;

	ioctl(-1, SG_IO, NULL);
	*iid = 'Z';
	ioctl(-1, SG_IO, iid);
	/* Only the interface id is readable. */
	*iid = 'S';
	ioctl(-1, SG_IO, iid);
	*iid = 'Q';
	ioctl(-1, SG_IO, iid);

	fill(v3, sizeof(*v3));
	v3->interface_id = 'S';
	v3->dxfer_direction = SG_DXFER_TO_DEV;
	v3->cmd_len = 6;
	v3->cmdp = cmd;
	v3->iovec_count = 2;
	v3->dxfer_len = 5;
	v3->dxferp = iov;
	v3->sb_len_wr = 4;
	v3->sbp = sense;
	v3->flags = SG_FLAG_DIRECT_IO | 0x100;
	v3->resid = 1;
	v3->info = SG_INFO_CHECK | 0x80;
	ioctl(-1, SG_IO, v3);
	v3->dxfer_direction = SG_DXFER_FROM_DEV;
	ioctl(-1, SG_IO, v3);
	v3->dxfer_direction = SG_DXFER_TO_FROM_DEV;
	v3->iovec_count = 0;
	v3->dxfer_len = 3;
	v3->dxferp = data;
	ioctl(-1, SG_IO, v3);
	v3->resid = 3;
	ioctl(-1, SG_IO, v3);
	v3->dxfer_direction = SG_DXFER_NONE;
	v3->cmdp = (unsigned char *)cmd + 6;
	ioctl(-1, SG_IO, v3);

	fill(v4, sizeof(*v4));
	v4->guard = 'Q';
	v4->protocol = BSG_PROTOCOL_SCSI;
	v4->subprotocol = BSG_SUB_PROTOCOL_SCSI_TMF;
	v4->request_len = 3;
	v4->request = (uintptr_t)cmd;
	v4->dout_iovec_count = 2;
	v4->dout_xfer_len = 5;
	v4->dout_xferp = (uintptr_t)iov;
	v4->din_iovec_count = 0;
	v4->din_xfer_len = 5;
	v4->din_xferp = (uintptr_t)data;
	v4->din_resid = 1;
	v4->response_len = 2;
	v4->response = (uintptr_t)sense;
	v4->flags = BSG_FLAG_Q_AT_HEAD;
	v4->info = SG_INFO_MIXED_IO;
	ioctl(-1, SG_IO, v4);
	v4->subprotocol = 7;
	v4->request = (uintptr_t)cmd + 6;
	v4->flags = 0x40;
	ioctl(-1, SG_IO, v4);
}

/* PTP_SYS_OFFSET reads its whole struct at entry: one not all readable is its address. */
static void ptp_sys_offset(void)
{
	struct ptp_sys_offset *so = tail_alloc(sizeof(*so));
	struct ptp_sys_offset *part = tail_alloc(offsetof(struct ptp_sys_offset, ts) + 16);
	struct ptp_sys_offset_extended *ext = tail_alloc(sizeof(*ext));

	part->n_samples = 2;
	ioctl(-1, PTP_SYS_OFFSET, part);
	ioctl(-1, PTP_SYS_OFFSET_EXTENDED, part);
	memset(so, 0, sizeof(*so));
	so->n_samples = 2;
	for (int i = 0; i < 5; i++) {
		so->ts[i].sec = 100 + i;
		so->ts[i].nsec = 1000 * (unsigned)i;
	}
	ioctl(-1, PTP_SYS_OFFSET, so);
	memset(ext, 0, sizeof(*ext));
	ext->n_samples = 1;
	ext->rsv[1] = 0xbadc0ded;
	ioctl(-1, PTP_SYS_OFFSET_EXTENDED, ext);
}

static void perf_modify(void)
{
	struct perf_event_attr *attr = tail_alloc(sizeof(*attr));

	ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, NULL);
	ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, (char *)attr + sizeof(*attr) - 4);
	memset(attr, 0, sizeof(*attr));
	attr->type = PERF_TYPE_BREAKPOINT;
	attr->size = PERF_ATTR_SIZE_VER0;
	attr->sample_period = 1000;
	attr->sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
	attr->disabled = 1;
	ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, attr);
}

/* Socket requests: struct ifreq setters on fd -1, getters and SIOCGIFCONF on a socket. */
static void sock(void)
{
	struct ifreq *ifr = tail_alloc(sizeof(*ifr));
	struct ifconf *ifc = tail_alloc(sizeof(*ifc));
	struct ifreq *reqs = tail_alloc(2 * sizeof(*reqs));
	int *val = tail_alloc(sizeof(*val));
	char *bridge = tail_alloc(IFNAMSIZ);
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	ioctl(-1, FIOSETOWN, NULL);
	*val = 42;
	ioctl(-1, FIOSETOWN, val);
	ioctl(fd, FIOGETOWN, val);
	ioctl(fd, SIOCATMARK, (char *)val + 1);
	ioctl(-1, SIOCADDRT, NULL);
	ioctl(-1, SIOCGSTAMP_OLD, val);
	memset(bridge, 'b', IFNAMSIZ);
	ioctl(-1, SIOCBRADDBR, bridge);
	bridge[IFNAMSIZ - 1] = 0;
	ioctl(-1, SIOCBRDELBR, bridge);
	ioctl(-1, SIOCSIFADDR, (char *)ifr + 1);

	memset(ifr, 0, sizeof(*ifr));
	strcpy(ifr->ifr_name, "lo");
	struct sockaddr_in *sin = (struct sockaddr_in *)&ifr->ifr_addr;
	sin->sin_family = AF_INET;
	sin->sin_port = htons(8080);
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ioctl(-1, SIOCSIFADDR, ifr);
	ioctl(-1, SIOCSIFNETMASK, ifr);
	ifr->ifr_flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING | 0x4000;
	ioctl(-1, SIOCSIFFLAGS, ifr);
	ifr->ifr_hwaddr.sa_family = ARPHRD_ETHER;
	fill(ifr->ifr_hwaddr.sa_data, sizeof(ifr->ifr_hwaddr.sa_data));
	ioctl(-1, SIOCSIFHWADDR, ifr);
	ifr->ifr_hwaddr.sa_family = 0xfff0;
	ioctl(-1, SIOCADDMULTI, ifr);
	ifr->ifr_mtu = -1;
	ioctl(-1, SIOCSIFMTU, ifr);
	memset(ifr->ifr_newname, 'n', IFNAMSIZ);
	ioctl(-1, SIOCSIFNAME, ifr);
	fill(&ifr->ifr_map, sizeof(ifr->ifr_map));
	ioctl(-1, SIOCSIFMAP, ifr);

	memset(ifr, 0, sizeof(*ifr));
	strcpy(ifr->ifr_name, "lo");
	ioctl(fd, SIOCGIFFLAGS, ifr);
	ioctl(fd, SIOCGIFMTU, ifr);
	ioctl(fd, SIOCGIFINDEX, ifr);
	ioctl(fd, SIOCGIFADDR, ifr);
	strcpy(ifr->ifr_name, "no-such-if");
	ioctl(fd, SIOCGIFFLAGS, ifr);
	ifr->ifr_ifindex = 1;
	ioctl(fd, SIOCGIFNAME, ifr);

	ioctl(fd, SIOCGIFCONF, NULL);
	ifc->ifc_len = 0;
	ifc->ifc_buf = NULL;
	ioctl(fd, SIOCGIFCONF, ifc);
	ifc->ifc_len = sizeof(*reqs);
	ifc->ifc_req = reqs;
	ioctl(fd, SIOCGIFCONF, ifc);
	ifc->ifc_len = 2 * sizeof(*reqs) + 3;
	ioctl(fd, SIOCGIFCONF, ifc);
	ifc->ifc_len = 2 * sizeof(*reqs);
	ifc->ifc_buf = (char *)reqs + 1;
	ioctl(fd, SIOCGIFCONF, ifc);
	/* An unknown request of the family: its argument in hex. */
	ioctl(-1, _IOC(_IOC_NONE, 0x89, 0xff, 0), 0);
	close(fd);
}

/* A dm_ioctl header for device 0x12:0x34 "vol" with DATA bytes of payload after it. */
static struct dm_ioctl *dm_header(size_t data)
{
	struct dm_ioctl *d = tail_alloc(sizeof(*d) + data);
	memset(d, 0, sizeof(*d) + data);
	d->version[0] = DM_VERSION_MAJOR;
	d->version[1] = 4;
	d->version[2] = 2;
	d->data_size = (uint32_t)(sizeof(*d) + data);
	d->data_start = sizeof(*d);
	d->dev = 0x1234;
	strcpy(d->name, "vol");
	strcpy(d->uuid, "uuid-1");
	return d;
}

/* Device-mapper requests: headers good and bad, payloads in and out. */
static void dm(void)
{
	struct dm_ioctl *d = dm_header(0);
	struct dm_ioctl *load = dm_header(sizeof(struct dm_target_spec) + 16);
	struct dm_ioctl *msg = dm_header(sizeof(struct dm_target_msg) + 8);
	struct dm_ioctl *rename = dm_header(8);
	struct dm_ioctl *list = dm_header(64);

	ioctl(-1, DM_VERSION, NULL);
	ioctl(-1, DM_VERSION, (char *)d + sizeof(*d) - 4);
	d->version[0] = 0xbadc0ded;
	ioctl(-1, DM_VERSION, d);
	d->version[0] = DM_VERSION_MAJOR;
	d->data_size = 100;
	ioctl(-1, DM_VERSION, d);
	d->data_size = sizeof(*d);
	d->flags = DM_READONLY_FLAG | DM_SUSPEND_FLAG | DM_DATA_OUT_FLAG | 0x80000000u;
	ioctl(-1, DM_VERSION, d);
	d->flags = 0;
	d->event_nr = 7;
	ioctl(-1, DM_DEV_REMOVE, d);
	ioctl(-1, DM_DEV_SUSPEND, d);
	ioctl(-1, DM_DEV_STATUS, d);
	ioctl(-1, DM_REMOVE_ALL, d);
	ioctl(-1, DM_TABLE_STATUS, d);

	struct dm_target_spec *spec = (struct dm_target_spec *)(load + 1);
	load->target_count = 1;
	spec->sector_start = 0;
	spec->length = 2048;
	strcpy(spec->target_type, "linear");
	strcpy((char *)(spec + 1), "/dev/loop0 0");
	ioctl(-1, DM_TABLE_LOAD, load);
	load->target_count = 3;
	ioctl(-1, DM_TABLE_LOAD, load);

	struct dm_target_msg *m = (struct dm_target_msg *)(msg + 1);
	m->sector = 8;
	strcpy(m->message, "@stats");
	ioctl(-1, DM_TARGET_MSG, msg);
	msg->data_start = msg->data_size + 8;
	ioctl(-1, DM_TARGET_MSG, msg);

	strcpy((char *)(rename + 1), "newname");
	ioctl(-1, DM_DEV_RENAME, rename);
	ioctl(-1, DM_DEV_SET_GEOMETRY, rename);

	struct dm_name_list *n = (struct dm_name_list *)(list + 1);
	n->dev = 0x0801;
	n->next = 0;
	strcpy(n->name, "vol");
	ioctl(-1, DM_LIST_DEVICES, list);
}

/* TEE requests: shared memory, sessions, and buffers of parameters good and refused. */
static void tee_requests(void)
{
	struct tee_ioctl_shm_alloc_data *alloc = tail_alloc(sizeof(*alloc));
	struct tee_ioctl_cancel_arg *cancel = tail_alloc(sizeof(*cancel));
	struct tee_ioctl_buf_data *buf = tail_alloc(sizeof(*buf));
	size_t open_len = sizeof(struct tee_ioctl_open_session_arg) +
			  3 * sizeof(struct tee_ioctl_param);
	struct tee_ioctl_open_session_arg *open = tail_alloc(open_len);
	struct tee_iocl_supp_recv_arg *recv = tail_alloc(sizeof(*recv));

	ioctl(-1, TEE_IOC_VERSION, NULL);
	ioctl(-1, TEE_IOC_CANCEL, NULL);
	cancel->cancel_id = 7;
	cancel->session = 0xbadc0ded;
	ioctl(-1, TEE_IOC_CANCEL, cancel);
	ioctl(-1, TEE_IOC_CLOSE_SESSION, cancel);
	alloc->size = 4096;
	alloc->flags = 0x1 | 0x80;
	alloc->id = 3;
	ioctl(-1, TEE_IOC_SHM_ALLOC, alloc);

	memset(open, 0, open_len);
	for (int i = 0; i < TEE_IOCTL_UUID_LEN; i++)
		open->uuid[i] = (uint8_t)(0xa0 + i);
	open->clnt_login = TEE_IOCTL_LOGIN_GROUP;
	open->clnt_uuid[0] = 100;
	open->cancel_id = 9;
	open->num_params = 3;
	open->params[0].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_INPUT;
	open->params[0].a = 1;
	open->params[1].attr = TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT;
	open->params[1].b = 64;
	open->params[2].attr = TEE_IOCTL_PARAM_ATTR_TYPE_VALUE_OUTPUT | TEE_IOCTL_PARAM_ATTR_META;
	buf->buf_ptr = (uintptr_t)open;
	buf->buf_len = open_len;
	ioctl(-1, TEE_IOC_OPEN_SESSION, buf);
	open->clnt_login = 0xff;
	ioctl(-1, TEE_IOC_OPEN_SESSION, buf);
	/* A length that does not match the parameters: the kernel refuses it. */
	buf->buf_len = open_len - 1;
	ioctl(-1, TEE_IOC_OPEN_SESSION, buf);
	ioctl(-1, TEE_IOC_INVOKE, (char *)buf + 1);

	recv->func = 5;
	recv->num_params = 0;
	buf->buf_ptr = (uintptr_t)recv;
	buf->buf_len = sizeof(*recv);
	ioctl(-1, TEE_IOC_SUPPL_RECV, buf);
	ioctl(-1, TEE_IOC_SUPPL_SEND, buf);
}

int main(void)
{
	seccomp_notif();
	sg_io();
	ptp_sys_offset();
	perf_modify();
	sock();
	dm();
	tee_requests();
	return 0;
}

/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The category of each event type and of each generic syscall, as libs (sysdig 0.29's
 * falcosecurity libs) classes them in its event and syscall tables. One letter per code:
 *   o other, f file, n net, c IPC, m memory, p process, s sleep, y system, g signal,
 *   r user, t time, i I/O (read, write or other: refined by the fd type), w wait,
 *   h scheduler, u unknown (internal events)
 */
#include "fields/event_category.h"

#include <string.h>

#include "capture/container_event.h"
#include "capture/event_table.h"

/* Indexed by event code: the SCAP_EVENT_MAX_029 codes sysdig 0.29 knows. */
static const char event_cat[] =
	"ooffiiiiiimmppppppnnnnnnnnnniiiiiiiinnnnnnccnnnniiiiiiiinnffcccc"
	"ccffffffffffffwwwwwwwwffffiiffffffffffffffffffffiiiiiiiiiiiiiigg"
	"ggggggssttccpppppphhuuiihhppppmmmmmmmmiippiippffffffffppppppiirr"
	"rrrruurrrrrrrrrrrrrrrrppppppppppppppuuppgguuffffppffyynnnnppppww"
	"ffffuyppffppoouyppppffffoyppppuyppooppppooooffffffffffffffffffff"
	"ffooppffmmppffpp";
_Static_assert(sizeof(event_cat) - 1 == SCAP_EVENT_MAX_029, "one category per 0.29 code");

/* Indexed by the PPM_SC code of a generic event's ID parameter. */
static const char syscall_cat[] =
	"oypiifffffftffffpfotfwtficfffictmpiwppcfipppyppttfffppyfffffppff"
	"yttyowyyiyymyyypfypfwfiiipimmmmppppspppsfwpggggggfppfpfrrrrrrrrf"
	"rrrrfrrrrpmmpffffffffffffgcppppiiiiiiwwwfpttttttttsgfccccccywyyy"
	"ppcccffffffffffffwwpppcccpwfgtcttgcwicciioocpofpcnnnnnnnnnnnnnnn"
	"nnnccccccccccffffpogcnfffffwgggyfgptfwffpcgiiiiiiiiiiiiiiiyooiii"
	"ffffyyfpp";

static char letter(const struct scap_event *ev)
{
	if (scap_event_is_generic(ev->type)) {
		uint64_t id;

		if (!ev->nparams || !scap_param_u64(&ev->params[0], &id) ||
		    id >= sizeof(syscall_cat) - 1)
			return 'o';
		/* a generic event's I/O has no fd to refine it: libs says "unknown" */
		return syscall_cat[id] == 'i' ? 'u' : syscall_cat[id];
	}
	if (ev->type >= sizeof(event_cat) - 1)
		return 'u';
	return event_cat[ev->type];
}

/* (every 'u' of event_cat is an EC_INTERNAL code) */
bool event_category_is_internal(const struct scap_event *ev)
{
	return !scap_event_is_generic(ev->type) && letter(ev) == 'u';
}

bool event_category_is_io(const struct scap_event *ev)
{
	return !scap_event_is_generic(ev->type) && ev->type < sizeof(event_cat) - 1 &&
	       event_cat[ev->type] == 'i';
}

bool event_category_is_memory(const struct scap_event *ev)
{
	return letter(ev) == 'm';
}

static const char *fd_category(const struct st_fd *fd)
{
	if (!fd)
		return "unknown";
	switch (fd->type) {
	case SCAP_FD_FILE:
	case SCAP_FD_FILE_V2:
	case SCAP_FD_DIRECTORY:
		return "file";
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV6_SOCK:
	case SCAP_FD_IPV4_SERVSOCK:
	case SCAP_FD_IPV6_SERVSOCK:
		return "net";
	case SCAP_FD_FIFO:
	case SCAP_FD_UNIX_SOCK:
	case SCAP_FD_EVENT:
	case SCAP_FD_SIGNALFD:
	case SCAP_FD_INOTIFY:
		return "ipc";
	default:
		return "unknown";
	}
}

const char *event_category(const struct scap_event *ev, const struct st_fd *fd)
{
	switch (letter(ev)) {
	case 'o': return "other";
	case 'f': return "file";
	case 'n': return "net";
	case 'c': return "IPC";
	case 'm': return "memory";
	case 'p': return "process";
	case 's': return "sleep";
	case 'y': return "system";
	case 'g': return "signal";
	case 'r': return "user";
	case 't': return "time";
	case 'i': return fd_category(fd);
	case 'w': return "wait";
	case 'h': return "scheduler";
	default: return "unknown";
	}
}

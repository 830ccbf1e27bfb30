/* Helpers shared by the state layer's files. */
#ifndef SYSRAY_STATE_STATE_INT_H
#define SYSRAY_STATE_STATE_INT_H

#include "state/state.h"

/* A removed slot of the thread hash table. */
#define ST_TOMBSTONE ((struct st_thread *)1)

void st_set_str(char **dst, const char *src);
/* Names an IPv4/IPv6 socket after its tuple when it has no name yet ("a:p->b:q"; servers
 * "a:p"). */
void st_fd_name_socket(struct st_fd *f);

#endif

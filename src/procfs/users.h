/* SPDX-License-Identifier: Apache-2.0 */
/* User and group names for ids, looked up once each through NSS (passwd, group). */
#ifndef SYSRAY_PROCFS_USERS_H
#define SYSRAY_PROCFS_USERS_H

#include <sys/types.h>

/* The name of UID, or its number in decimal when it has none. Valid until exit. */
const char *user_name(uid_t uid);
const char *group_name(gid_t gid);

#endif

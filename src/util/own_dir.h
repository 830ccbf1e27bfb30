/* SPDX-License-Identifier: Apache-2.0 */
/* Where sysray's own data (chisels, rules) is: next to the binary in a build tree, or under
 * share/sysray when installed. */
#ifndef SYSRAY_UTIL_OWN_DIR_H
#define SYSRAY_UTIL_OWN_DIR_H

/*
 * The directory NAME of sysray's own data, resolved: DIR/../share/sysray/NAME (installed as
 * PREFIX/bin/sysray) or DIR/../NAME (the binary in a build tree, build/sysray), where DIR
 * holds the running binary; the first that exists. Malloc'd, or NULL when neither does.
 */
char *own_data_dir(const char *name);

#endif

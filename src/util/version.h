/* SPDX-License-Identifier: Apache-2.0 */
/* sysray's version: `sysray --version`, `sysray -V`, trace -V and sysdig-mode --version. */
#ifndef SYSRAY_UTIL_VERSION_H
#define SYSRAY_UTIL_VERSION_H

#define SYSRAY_VERSION "0.1"

#endif

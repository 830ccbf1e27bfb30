/* SPDX-License-Identifier: Apache-2.0 */
/* The .scap file source (raw or gzip, "-" for stdin): each section's metadata, then its
 * events, as the capture holds them. */
#ifndef SYSRAY_PIPELINE_FILE_SOURCE_H
#define SYSRAY_PIPELINE_FILE_SOURCE_H

#include <stdbool.h>

#include "pipeline/source.h"

struct file_source_config {
	const char *path;
	bool progress;		/* a progress line on stderr (large files on a terminal: always) */
	bool verbose;		/* the driver's counts (0 for a file) at the end, as sysdig's -v */
};

/* Never NULL: an unreadable file is reported by run(). */
struct pipeline_source *file_source_open(const struct file_source_config *cfg);

#endif

/* SPDX-License-Identifier: Apache-2.0 */
#include "procfs/exe_file.h"

#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "procfs/proc_file.h"
#include "schema/ppm_flags.h"

/* statfs(2)'s f_type of an overlayfs mount (OVERLAYFS_SUPER_MAGIC) */
#define OVERLAYFS_MAGIC 0x794c7630

bool exe_file_read(pid_t pid, struct exe_file *out)
{
	char path[64], target[PATH_MAX];
	struct stat st;
	struct statfs fs;

	memset(out, 0, sizeof(*out));
	if (proc_stat_target(pid, "exe", &st) || proc_readlink(pid, "exe", target,
							       sizeof(target)) < 0)
		return false;
	out->ino = st.st_ino;
	out->ctime = st.st_ctim.tv_sec * 1000000000ull + st.st_ctim.tv_nsec;
	out->mtime = st.st_mtim.tv_sec * 1000000000ull + st.st_mtim.tv_nsec;
	out->flags_known = PPM_EXE_FROM_MEMFD;
	if (exe_path_is_memfd(target))
		out->flags |= PPM_EXE_FROM_MEMFD;
	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	if (statfs(path, &fs) == 0 && fs.f_type != OVERLAYFS_MAGIC)
		out->flags_known |= PPM_EXE_UPPER_LAYER | PPM_EXE_LOWER_LAYER;
	return true;
}

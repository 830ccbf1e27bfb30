#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Gives every source file of the repository its SPDX licence line (see LICENSE):
#   the eBPF programs (src/source/bpf/*.bpf.c) and every header they include, followed from
#   their #include "..." lines: GPL-2.0-only OR MIT (the kernel needs a GPL-compatible
#   licence for the helpers the programs call; MIT lets user space share the headers);
#   everything else: Apache-2.0.
# C sources and headers get "/* SPDX-License-Identifier: ... */" as their first line; shell,
# Python and make files "# SPDX-License-Identifier: ..." as their first line, or their second
# after a "#!" line. An SPDX line already there is rewritten in place, so running it again
# changes nothing.
# Usage: scripts/spdx-headers.sh [--check] [ROOT]
#   --check   change nothing; list the files whose line is missing or wrong, exit 1 if any
set -euo pipefail

check=false
if [ "${1:-}" = --check ]; then
	check=true
	shift
fi
root=$(cd "${1:-$(dirname "$0")/..}" && pwd)
cd "$root"

BPF_LICENSE="GPL-2.0-only OR MIT"
DEFAULT_LICENSE="Apache-2.0"

# The files to label: tracked ones in a git checkout, else every file under the tree.
list_files() {
	if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		git ls-files
	else
		find . -path ./.git -prune -o -type f -print | sed 's|^\./||'
	fi
}

# The eBPF programs and the headers they include, transitively (quoted includes resolve
# against src/, as the BPF compile's -Isrc, or the including file's directory).
declare -A bpf_set=()
add_bpf() {
	local f=$1 inc dir
	[ -f "$f" ] && [ -z "${bpf_set[$f]+x}" ] || return 0
	bpf_set[$f]=1
	dir=$(dirname "$f")
	while read -r inc; do
		if [ -f "src/$inc" ]; then
			add_bpf "src/$inc"
		elif [ -f "$dir/$inc" ]; then
			add_bpf "$(realpath --relative-to=. "$dir/$inc")"
		fi
	done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
}
for f in src/source/bpf/*.bpf.c; do
	[ -f "$f" ] && add_bpf "$f"
done

# The wanted line of each file, as "FILE<TAB>LINE".
wanted() {
	local f lic
	while IFS= read -r f; do
		[ -f "$f" ] || continue
		lic=$DEFAULT_LICENSE
		[ -n "${bpf_set[$f]+x}" ] && lic=$BPF_LICENSE
		case $f in
		*.c | *.h) printf '%s\t/* SPDX-License-Identifier: %s */\n' "$f" "$lic" ;;
		*.sh | *.py | *.bash | Makefile | */Makefile | .ci/run)
			printf '%s\t# SPDX-License-Identifier: %s\n' "$f" "$lic" ;;
		esac
	done < <(list_files)
}

# The files whose line is missing or wrong, as "FILE<TAB>LINE<TAB>AT<TAB>HAS": AT is the
# line it belongs on (2 after a "#!" line), HAS 1 when an SPDX line of another spelling or
# licence is there to be replaced. One awk reads the first two lines of every file.
todo() {
	wanted | awk -F '\t' '
		NR == FNR { want[$1] = $2; order[++n] = $1; next }
		FNR == 1 {
			at = (want[FILENAME] ~ /^#/ && $0 ~ /^#!/) ? 2 : 1
			short_at[FILENAME] = at
		}
		FNR == at {
			seen[FILENAME] = 1
			if ($0 != want[FILENAME])
				print FILENAME "\t" want[FILENAME] "\t" at "\t" \
				      ($0 ~ /^(\/\*|\/\/|#)[ \t]*SPDX-License-Identifier:/)
			nextfile
		}
		END {
			for (i = 1; i <= n; i++) {	# files too short to have line AT
				f = order[i]
				if (!(f in seen))
					print f "\t" want[f] "\t" \
					      (f in short_at ? short_at[f] : 1) "\t" 0
			}
		}' - $(wanted | cut -f1)
}

bad=0
while IFS=$'\t' read -r f line at has; do
	bad=$((bad + 1))
	if $check; then
		echo "$f: want '$line' on line $at"
		continue
	fi
	# a file too short for line AT gets the line at its end
	LINE=$line awk -v at="$at" -v has="$has" '
		NR == at { print ENVIRON["LINE"]; if (has) next }
		{ print }
		END { if (NR < at) print ENVIRON["LINE"] }' "$f" >"$f.spdx"
	chmod --reference="$f" "$f.spdx"
	mv "$f.spdx" "$f"
done < <(todo)

if $check && [ "$bad" -gt 0 ]; then
	echo "spdx-headers: $bad files without their SPDX line (run scripts/spdx-headers.sh)" >&2
	exit 1
fi
exit 0
